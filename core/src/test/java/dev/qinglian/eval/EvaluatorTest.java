package dev.qinglian.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.model.Band;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation on a small model whose numbers are worked out by hand.
 *
 * <p>Model: index X = A (weight 3, arithmetic) and B (weight 1, geometric), so A counts 3/4 and B
 * 1/4. A = A1 (weight 1, %, 0 → 100) and A2 (weight 3, quarterly, lower better, 10 → 0). B = B1
 * (per 100 staff, 5 → 0) and B2 (deduction 50 points per event). Nominal leaf weights: A1 3/16, A2
 * 9/16, B1 1/8, B2 1/8. Rule: B2 &gt; 0 caps at orange.
 */
class EvaluatorTest {
  static final double TOL = 1e-9;
  static final String MODEL =
      """
      bands:
        - {id: green, min: 85}
        - {id: yellow, min: 75}
        - {id: orange, min: 60}
        - {id: red}
      overrides:
        - {id: referral, indicator: B2, above: 0, cap: orange}
      missing: {policy: POLICY, max-months: 2, min-coverage: 0.4}
      index:
        id: X
        children:
          - id: A
            weight: 3
            children:
              - {id: A1, direction: higher, goalposts: [0, 100]}
              - {id: A2, direction: lower, goalposts: [10, 0], frequency: Q, weight: 3}
          - id: B
            aggregation: geometric
            FLOOR
            children:
              - {id: B1, direction: lower, denominator: {of: staff, per: 100}, goalposts: [5, 0]}
              - {id: B2, direction: lower, normalisation: deduction, deduction: {points: 50}}
      """;
  static final String UNITS =
      """
      id,name,type,parent,staff,served
      U1,一号单位,t,,200,1000
      U2,二号单位,t,,50,1000
      U3,三号单位,s,,100,1000
      """;
  static final String DATA =
      """
      unit,period,indicator,value
      U1,2026-03,A1,90
      U1,2026-03,A2,2
      U1,2026-03,B1,2
      U1,2026-03,B2,0
      U2,2026-03,A1,100
      U2,2026-03,B1,1
      U2,2026-03,B2,1
      U3,2026-03,A1,50
      U1,2026-04,A1,80
      U1,2026-04,B1,2
      U1,2026-04,B2,0
      U1,2026-06,A1,80
      U1,2026-06,B1,2
      U1,2026-06,B2,0
      U2,2026-06,A1,60
      U2,2026-06,B1,1
      U2,2026-06,B2,2
      """;

  @TempDir Path dir;

  Dataset load(String policy) throws Exception {
    return load(policy, "floor: 1");
  }

  Dataset load(String policy, String floor) throws Exception {
    IndicatorModel model =
        ModelLoader.load(
                "m.yaml", new StringReader(MODEL.replace("POLICY", policy).replace("FLOOR", floor)))
            .orElseThrow();
    UnitRegister units =
        UnitRegister.read(TestFiles.write(dir, "units.csv", UNITS), model).orElseThrow();
    return new DataReader(model, units, ReadOptions.DEFAULTS)
        .read(List.of(TestFiles.write(dir, "data.csv", DATA)))
        .orElseThrow();
  }

  @Test
  void aggregatesArithmeticAndGeometricWithDenominators() throws Exception {
    Dataset data = load("exclude");
    PeriodResult r = new Evaluator(data.model()).evaluate(data, YearMonth.of(2026, 3));
    int u1 = r.indexOf("U1");
    // A1 = 90; A2 = 100*(2-10)/(0-10) = 80; A = (1*90 + 3*80)/4 = 82.5
    assertEquals(82.5, r.score("A", u1), TOL);
    // B1: 2 cases / 200 staff * 100 = 1 per 100 -> 100*(1-5)/(0-5) = 80; B2 = 100 - 50*0 = 100
    assertEquals(1.0, r.effective("B1", u1), TOL);
    assertEquals(80, r.score("B1", u1), TOL);
    // B geometric, equal weights: sqrt(80*100) = 89.442719099991
    assertEquals(Math.sqrt(8000), r.score("B", u1), TOL);
    // index = 0.75*82.5 + 0.25*89.442719099991 = 84.235679774998 -> yellow (75 <= x < 85)
    assertEquals(84.235679774998, r.index(u1), TOL);
    assertEquals("yellow", r.band(u1).id());
    assertEquals(1.0, r.coverage(u1), TOL);
  }

  @Test
  void renormalisesWeightsOverMissingLeavesAndCapsByRule() throws Exception {
    Dataset data = load("exclude");
    PeriodResult r = new Evaluator(data.model()).evaluate(data, YearMonth.of(2026, 3));
    int u2 = r.indexOf("U2");
    // A2 missing: A = A1 = 100. B1 = 1/50*100 = 2 -> 60; B2 = 100 - 50 = 50; B = sqrt(3000)
    assertEquals(100, r.score("A", u2), TOL);
    assertEquals(Math.sqrt(3000), r.score("B", u2), TOL);
    // index = 75 + 0.25*54.772255750517 = 88.693063937629: green by index ...
    assertEquals(88.693063937629, r.index(u2), TOL);
    assertEquals("green", r.uncappedBand(u2).orElseThrow().id());
    // ... but B2 = 1 > 0 caps at orange
    assertEquals("orange", r.band(u2).id());
    assertEquals("referral", r.caps(u2).get(0).id());
    // effective weight of A1 within the index: A2 gone, so A1 carries all of A's 3/4
    assertEquals(0.75, r.effectiveWeight("A1", u2), TOL);
    assertEquals(0.0, r.effectiveWeight("A2", u2), TOL);
    // coverage = 1 - 9/16 = 0.4375 >= 0.4
    assertEquals(0.4375, r.coverage(u2), TOL);
  }

  @Test
  void classifiesLowCoverageAsInsufficientAndLeavesItUnranked() throws Exception {
    Dataset data = load("exclude");
    PeriodResult r = new Evaluator(data.model()).evaluate(data, YearMonth.of(2026, 3));
    int u3 = r.indexOf("U3");
    // only A1 = 50: index 50 from the weight it has, coverage 3/16 = 0.1875 < 0.4
    assertEquals(50, r.index(u3), TOL);
    assertEquals(0.1875, r.coverage(u3), TOL);
    assertEquals(Band.INSUFFICIENT, r.band(u3));
    assertEquals(0, r.rank(u3));
    // U2 (88.69) ranks before U1 (84.24), U3 last
    assertEquals(List.of("U2", "U1", "U3"), r.ranking().stream().map(s -> s.unit().id()).toList());
    assertEquals(1, r.rank(r.indexOf("U2")));
    assertEquals(2, r.rank(r.indexOf("U1")));
    assertEquals(
        "{green=0, yellow=1, orange=1, red=0, insufficient=1}", r.colourCounts().toString());
  }

  @Test
  void carriesQuarterlyValuesWithinTheirWindowOnly() throws Exception {
    Dataset data = load("exclude");
    Evaluator ev = new Evaluator(data.model());
    PeriodResult march = ev.evaluate(data, YearMonth.of(2026, 3));
    PeriodResult april = ev.evaluate(data, YearMonth.of(2026, 4));
    int u1 = april.indexOf("U1");
    // April: A2 = 2 carried from March (quarterly: valid March, April, May)
    assertEquals(2, april.raw("A2", u1), TOL);
    assertEquals(Set.of(ValueFlag.CARRIED), april.flags("A2", u1));
    assertTrue(april.flags("A1", u1).isEmpty());
    // A = (80 + 3*80)/4 = 80; index = 60 + 0.25*sqrt(8000) = 82.360679774998
    assertEquals(82.360679774998, april.index(u1), TOL);
    // change against March: 82.360679774998 - 84.235679774998 = -1.875
    assertEquals(-1.875, april.change(u1, march), TOL);
    // June: the March report expired (window of 3 months), A2 excluded: A = A1 = 80
    PeriodResult june = ev.evaluate(data, YearMonth.of(2026, 6));
    assertTrue(Double.isNaN(june.raw("A2", u1)));
    assertEquals(80, june.score("A", u1), TOL);
  }

  @Test
  void lastValuePolicyCarriesPastTheWindowAndFlagsStale() throws Exception {
    Dataset data = load("last-value");
    PeriodResult june = new Evaluator(data.model()).evaluate(data, YearMonth.of(2026, 6));
    int u1 = june.indexOf("U1");
    // March + 3-month window + up to 2 more months reaches June
    assertEquals(2, june.raw("A2", u1), TOL);
    assertEquals(Set.of(ValueFlag.CARRIED, ValueFlag.STALE), june.flags("A2", u1));
    // A = (80 + 3*80)/4 = 80
    assertEquals(80, june.score("A", u1), TOL);
  }

  @Test
  void groupMeanPolicyImputesFromUnitsOfTheSameTypeAndDoesNotCountAsCoverage() throws Exception {
    Dataset data = load("group-mean");
    PeriodResult march = new Evaluator(data.model()).evaluate(data, YearMonth.of(2026, 3));
    int u2 = march.indexOf("U2");
    // U2's A2 is imputed from the only other unit of type t, U1 (2)
    assertEquals(2, march.raw("A2", u2), TOL);
    assertEquals(Set.of(ValueFlag.IMPUTED), march.flags("A2", u2));
    // A = (100 + 3*80)/4 = 85
    assertEquals(85, march.score("A", u2), TOL);
    // imputed values do not count as data: coverage stays 0.4375
    assertEquals(0.4375, march.coverage(u2), TOL);
    // U3 (type s) has no peer with A2: nothing imputed
    assertTrue(Double.isNaN(march.raw("A2", march.indexOf("U3"))));
    // B1 per staff: U3 gets the mean rate of type s = none; U1, U2 reported
    assertFalse(march.flags("B1", u2).contains(ValueFlag.IMPUTED));
  }

  @Test
  void geometricAggregationOverAZeroIsRefusedOrTakesTheFloorAndACapNeverImproves()
      throws Exception {
    // B1 = 1/50*100 = 2 per 100 -> 60; B2 = 100 - 50*2 = 0: without a floor, no geometric mean
    Dataset strict = load("exclude", "");
    EvaluationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            EvaluationException.class,
            () -> new Evaluator(strict.model()).evaluate(strict, YearMonth.of(2026, 6)));
    assertEquals(
        "the geometric mean of B is not defined for unit U2: its part B2 scores 0.0",
        e.diagnostic().message(java.util.Locale.ENGLISH));
    Dataset data = load("exclude");
    PeriodResult june = new Evaluator(data.model()).evaluate(data, YearMonth.of(2026, 6));
    int u2 = june.indexOf("U2");
    // with floor 1: B = sqrt(60 * 1) = 7.745966692414834
    assertEquals(Math.sqrt(60), june.score("B", u2), TOL);
    // A1 = 60 -> A = 60; index = 0.75*60 + 0.25*7.745966692414834 = 46.936491673103706 -> red
    assertEquals(46.936491673103706, june.index(u2), TOL);
    // the rule fires (B2 = 2 > 0) but caps at orange, which is better than red: stays red
    assertEquals("referral", june.caps(u2).get(0).id());
    assertEquals("red", june.band(u2).id());
  }
}
