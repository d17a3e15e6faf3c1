package dev.qinglian.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Series, transitions, explanations and the warning register on a small model worked by hand.
 *
 * <p>Model: index = A (weight 1) and B (weight 1), arithmetic; A = A1 (goalposts 0 → 100), B = B1
 * and B2 (both 0 → 100, equal weights). So index = A1/2 + (B1 + B2)/4 when all are present.
 */
class MonitorTest {
  static final double TOL = 1e-9;
  static final String MODEL =
      """
      bands: [{id: green, min: 85}, {id: yellow, min: 75}, {id: orange, min: 60}, {id: red}]
      missing: {min-coverage: 0}
      index:
        id: X
        aggregation: AGG
        children:
          - id: A
            children:
              - {id: A1, direction: higher, goalposts: [0, 100]}
          - id: B
            children:
              - {id: B1, direction: higher, goalposts: [0, 100]}
              - {id: B2, direction: higher, goalposts: [0, 100]}
      """;
  // U1: 90 green (Jan) -> 80 yellow (Feb) -> 70 orange (Mar) -> 90 green (Apr)
  // U2: 90 green, 90 green, then in Mar A1 100, B1 60, B2 missing: (100 + 60)/2 = 80 yellow
  // (B1 alone carries B: weights re-normalised), Apr 90 green
  static final String DATA =
      """
      unit,period,indicator,value
      U1,2026-01,A1,90
      U1,2026-01,B1,90
      U1,2026-01,B2,90
      U1,2026-02,A1,80
      U1,2026-02,B1,80
      U1,2026-02,B2,80
      U1,2026-03,A1,70
      U1,2026-03,B1,70
      U1,2026-03,B2,70
      U1,2026-04,A1,90
      U1,2026-04,B1,90
      U1,2026-04,B2,90
      U2,2026-01,A1,90
      U2,2026-01,B1,90
      U2,2026-01,B2,90
      U2,2026-02,A1,90
      U2,2026-02,B1,90
      U2,2026-02,B2,90
      U2,2026-03,A1,100
      U2,2026-03,B1,60
      U2,2026-04,A1,90
      U2,2026-04,B1,90
      U2,2026-04,B2,90
      """;

  @TempDir Path dir;

  Timeline timeline(String aggregation) throws Exception {
    IndicatorModel model =
        ModelLoader.load("m.yaml", new StringReader(MODEL.replace("AGG", aggregation)))
            .orElseThrow();
    UnitRegister units =
        UnitRegister.read(TestFiles.write(dir, "units.csv", "id,name\nU1,甲\nU2,乙\n"), model)
            .orElseThrow();
    Dataset data =
        new DataReader(model, units, ReadOptions.DEFAULTS)
            .read(List.of(TestFiles.write(dir, "d.csv", DATA)))
            .orElseThrow();
    return Timeline.of(new Evaluator(model), data, YearMonth.of(2026, 1), YearMonth.of(2026, 4));
  }

  @Test
  void aSummaryTimelineKeepsTheIndexColoursAndInnerNodesButNotTheLeafDetail() throws Exception {
    Timeline full = timeline("arithmetic");
    Timeline summary =
        Timeline.summary(
            new Evaluator(full.latest().model()),
            dataOf(full),
            YearMonth.of(2026, 1),
            YearMonth.of(2026, 4));
    // the same series, colours and transitions as with every detail (values worked out in
    // seriesChangesAndStreaks: U1 90, 80, 70, 90)
    assertEquals(List.of(90.0, 80.0, 70.0, 90.0), toList(summary.series("U1", "X")));
    assertEquals(toList(full.series("U2", "B")), toList(summary.series("U2", "B")));
    assertEquals(full.colours("U1"), summary.colours("U1"));
    assertEquals(2, summary.longestNonGreenStreak("U1"));
    assertEquals(
        Transition.Kind.WORSENED, of(summary.transitions(YearMonth.of(2026, 3)), "U1").kind());
    PeriodResult r = summary.latest();
    assertTrue(full.latest().hasLeafDetail());
    assertTrue(!r.hasLeafDetail());
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> r.raw("A1", 0));
    assertTrue(e.getMessage().contains("2026-04"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> r.score("B1", 0));
  }

  private Dataset dataOf(Timeline t) throws Exception {
    IndicatorModel model = t.latest().model();
    return new DataReader(model, t.latest().units(), ReadOptions.DEFAULTS)
        .read(List.of(dir.resolve("d.csv")))
        .orElseThrow();
  }

  @Test
  void seriesChangesAndStreaks() throws Exception {
    Timeline t = timeline("arithmetic");
    assertEquals(List.of(90.0, 80.0, 70.0, 90.0), toList(t.series("U1", "X")));
    assertEquals(-10, t.change("U1", "X", YearMonth.of(2026, 3), 1), TOL);
    assertTrue(Double.isNaN(t.change("U1", "X", YearMonth.of(2026, 3), 12))); // no 2025-03
    assertEquals(1, t.monthsInColour("U1", YearMonth.of(2026, 3)));
    assertEquals(2, t.longestNonGreenStreak("U1")); // Feb yellow, Mar orange
    assertEquals(1, t.monthsInColour("U2", YearMonth.of(2026, 4)));
    assertEquals(2, t.monthsInColour("U2", YearMonth.of(2026, 2)));
    assertEquals(1, t.longestNonGreenStreak("U2"));
  }

  static Transition of(List<Transition> all, String unit) {
    return all.stream().filter(x -> x.unit().id().equals(unit)).findFirst().orElseThrow();
  }

  @Test
  void transitionsNameEachKind() throws Exception {
    Timeline t = timeline("arithmetic");
    assertEquals(1, t.transitions(YearMonth.of(2026, 2)).size());
    assertEquals(
        Transition.Kind.NEWLY_WARNED, of(t.transitions(YearMonth.of(2026, 2)), "U1").kind());
    assertEquals(Transition.Kind.WORSENED, of(t.transitions(YearMonth.of(2026, 3)), "U1").kind());
    assertEquals(
        Transition.Kind.NEWLY_WARNED, of(t.transitions(YearMonth.of(2026, 3)), "U2").kind());
    Transition back = of(t.transitions(YearMonth.of(2026, 4)), "U1");
    assertEquals(Transition.Kind.RETURNED, back.kind());
    assertEquals("orange", back.before().id());
    assertEquals(70, back.indexBefore(), TOL);
  }

  @Test
  void explanationLossesAddUpToWhatTheIndexMisses() throws Exception {
    PeriodResult mar = timeline("arithmetic").at(YearMonth.of(2026, 3)).orElseThrow();
    // U2 in March: A = 100; B = B1 = 60 (B2 missing) -> index = (100 + 60)/2 = 80
    Explanation e = Explanation.of(mar, "U2");
    assertEquals(80, e.root().score(), TOL);
    ExplainedNode b1 = e.root().children().get(1).children().get(0);
    // B1 carries all of B's half: effective weight 0.5, points 30, lost 0.5*(100-60) = 20
    assertEquals(0.5, b1.effectiveWeight(), TOL);
    assertEquals(30, b1.points(), TOL);
    assertEquals(20, b1.lost(), TOL);
    double lost = e.costliestLeaves().stream().mapToDouble(ExplainedNode::lost).sum();
    assertEquals(100 - 80, lost, TOL);
    assertEquals("B", e.weakestDimensions().get(0).node().id());
  }

  @Test
  void moversSumExactlyToTheChangeEvenWhenWeightsShift() throws Exception {
    Timeline t = timeline("arithmetic");
    PeriodResult feb = t.at(YearMonth.of(2026, 2)).orElseThrow();
    PeriodResult mar = t.at(YearMonth.of(2026, 3)).orElseThrow();
    // U2: Feb 90 (all 90) -> Mar 80: A1 0.5*100 - 0.5*90 = +5; B1 0.5*60 - 0.25*90 = +7.5;
    // B2 0 - 0.25*90 = -22.5; sum = -10 = 80 - 90
    List<Mover> m = Explanation.movers(feb, mar, "U2");
    assertEquals("B2", m.get(0).leaf().id());
    assertEquals(-22.5, m.get(0).points(), TOL);
    assertEquals(7.5, m.get(1).points(), TOL);
    assertEquals(5, m.get(2).points(), TOL);
    assertEquals(-10, m.stream().mapToDouble(Mover::points).sum(), TOL);
  }

  @Test
  void geometricDecompositionAlsoSumsToTheChange() throws Exception {
    Timeline t = timeline("geometric");
    PeriodResult jan = t.at(YearMonth.of(2026, 1)).orElseThrow();
    PeriodResult feb = t.at(YearMonth.of(2026, 2)).orElseThrow();
    // U1: every leaf 90 -> 80; root geometric of A (=90/80) and B (=90/80): 90 -> 80
    List<Mover> m = Explanation.movers(jan, feb, "U1");
    assertEquals(-10, m.stream().mapToDouble(Mover::points).sum(), 1e-9);
    // A and B fell by the same log-change and weigh the same: A1 takes half, B1 and B2 a quarter
    assertEquals(
        -5,
        m.stream().filter(x -> x.leaf().id().equals("A1")).findFirst().orElseThrow().points(),
        1e-9);
    assertEquals(
        -2.5,
        m.stream().filter(x -> x.leaf().id().equals("B2")).findFirst().orElseThrow().points(),
        1e-9);
  }

  @Test
  void warningRegisterOpensEscalatesClosesAndSurvivesReRuns() throws Exception {
    Timeline t = timeline("arithmetic");
    WarningRegister r = WarningRegister.empty();
    r = r.update(t.at(YearMonth.of(2026, 1)).orElseThrow()).register();
    assertTrue(r.warnings().isEmpty());
    WarningRegister.Update feb = r.update(t.at(YearMonth.of(2026, 2)).orElseThrow());
    assertEquals(List.of("W-2026-02-U1"), feb.opened().stream().map(Warning::id).toList());
    assertEquals("yellow", feb.opened().get(0).colour());
    // the same month again: nothing new
    assertEquals(
        feb.register().warnings(),
        feb.register().update(t.at(YearMonth.of(2026, 2)).orElseThrow()).register().warnings());
    WarningRegister.Update mar = feb.register().update(t.at(YearMonth.of(2026, 3)).orElseThrow());
    assertEquals("escalated", mar.closed().get(0).closedAs());
    assertEquals("W-2026-02-U1", mar.closed().get(0).id());
    // rank order: U2 (80, newly yellow) before U1 (70, orange: worse than its yellow warning)
    assertEquals(
        List.of("W-2026-03-U2", "W-2026-03-U1"), mar.opened().stream().map(Warning::id).toList());
    // written and read back, then April: green again, the warning is closed
    Path file = dir.resolve(WarningRegister.FILE);
    mar.register().write(file);
    WarningRegister back = WarningRegister.read(file).orElseThrow();
    assertEquals(mar.register().warnings().size(), back.warnings().size());
    WarningRegister.Update apr = back.update(t.at(YearMonth.of(2026, 4)).orElseThrow());
    assertEquals(2, apr.closed().size());
    assertTrue(apr.closed().stream().allMatch(w -> w.closedAs().equals("green")));
    assertEquals(YearMonth.of(2026, 4), apr.closed().get(0).closed());
    assertTrue(apr.open().isEmpty());
    assertTrue(WarningRegister.read(dir.resolve("none.csv")).orElseThrow().warnings().isEmpty());
  }

  private static List<Double> toList(double[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
