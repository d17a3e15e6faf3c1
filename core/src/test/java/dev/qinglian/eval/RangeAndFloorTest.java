package dev.qinglian.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Min-max to a stated range, and a geometric node over a zero score: refused by default, or raised
 * to the node's floor. Numbers by hand in the comments.
 */
class RangeAndFloorTest {
  @TempDir Path dir;

  /** Five units; X = geometric mean of A (min-max, range RANGE) and B (goalposts 0..10). */
  static final String MODEL =
      """
      bands: [{id: green, min: 50}, {id: red}]
      index:
        id: X
        aggregation: geometric
        FLOOR
        children:
          - {id: A, normalisation: minmax, RANGE direction: higher}
          - {id: B, direction: higher, goalposts: [0, 10]}
      """;

  static final String UNITS =
      """
      id,name,type,parent,staff,served
      U1,一,t,,1,1
      U2,二,t,,1,1
      U3,三,t,,1,1
      U4,四,t,,1,1
      U5,五,t,,1,1
      """;
  static final String DATA =
      """
      unit,period,indicator,value
      U1,2026-03,A,2
      U2,2026-03,A,4
      U3,2026-03,A,6
      U4,2026-03,A,8
      U5,2026-03,A,10
      U1,2026-03,B,10
      U2,2026-03,B,10
      U3,2026-03,B,10
      U4,2026-03,B,10
      U5,2026-03,B,BVALUE
      """;

  PeriodResult evaluate(String range, String floor, String b5) throws Exception {
    String text = MODEL.replace("RANGE", range).replace("FLOOR", floor);
    IndicatorModel model = ModelLoader.load("m.yaml", new StringReader(text)).orElseThrow();
    UnitRegister units =
        UnitRegister.read(TestFiles.write(dir, "units.csv", UNITS), model).orElseThrow();
    Dataset data =
        new DataReader(model, units, ReadOptions.DEFAULTS)
            .read(List.of(TestFiles.write(dir, "data.csv", DATA.replace("BVALUE", b5))))
            .orElseThrow();
    return new Evaluator(model).evaluate(data, YearMonth.of(2026, 3));
  }

  @Test
  void minMaxToOneHundred() throws Exception {
    PeriodResult r = evaluate("minmax: {min: 1, max: 100},", "", "10");
    // A = 1 + 99·(x − 2)/(10 − 2) for x = 2, 4, 6, 8, 10: 1, 25.75, 50.5, 75.25, 100
    double[] want = {1, 25.75, 50.5, 75.25, 100};
    for (int u = 0; u < 5; u++) {
      assertEquals(want[u], r.score("A", u), 1e-12);
    }
    // U1: X = 100·exp((ln(1/100) + ln(100/100))/2) = sqrt(1·100) = 10: defined, red
    assertEquals(10, r.index(0), 1e-12);
    assertEquals("red", r.band(0).id());
  }

  @Test
  void theDefaultRangeIsZeroToOneHundredAndAZeroUnderAGeometricNodeIsRefused() throws Exception {
    // A: 0, 25, 50, 75, 100; U1's A = 0 under the geometric X, no floor: the month is refused
    EvaluationException e = assertThrows(EvaluationException.class, () -> evaluate("", "", "10"));
    Diagnostic d = e.diagnostic();
    assertEquals("eval.geometric.zero", d.code());
    assertEquals(
        "the geometric mean of X is not defined for unit U1: its part A scores 0.0",
        d.message(Locale.ENGLISH));
    assertEquals("2026-03", d.location().file());
    assertTrue(d.hint(Locale.ENGLISH).contains("floor"), d.hint(Locale.ENGLISH));
  }

  @Test
  void aFloorRaisesAZeroScoreToIt() throws Exception {
    // floor 1: U1's A = 0 counts as 1: X = sqrt(1·100) = 10; U2: sqrt(25·100) = 50
    PeriodResult r = evaluate("", "floor: 1", "10");
    assertEquals(10, r.index(0), 1e-12);
    assertEquals(50, r.index(1), 1e-12);
    // the score shown for A is its own, 0; only the mean takes the floor
    assertEquals(0, r.score("A", 0), 0);
    // U5's B = 0 (value 0 between goalposts 0 and 10) is raised too: X = sqrt(100·1) = 10
    PeriodResult r5 = evaluate("", "floor: 1", "0");
    assertEquals(10, r5.index(4), 1e-12);
  }

  @Test
  void aRangeOutsideZeroToOneHundredOrABadFloorIsAModelError() {
    Loaded<IndicatorModel> bad =
        ModelLoader.load(
            "m.yaml",
            new StringReader(
                MODEL
                    .replace("RANGE", "minmax: {min: 5, max: 120},")
                    .replace("FLOOR", "floor: 0")));
    assertTrue(bad.hasErrors());
    List<String> codes = bad.diagnostics().stream().map(Diagnostic::code).toList();
    assertTrue(codes.contains("model.minmax.range"), codes.toString());
    assertTrue(codes.contains("model.floor"), codes.toString());
    assertFalse(codes.isEmpty());
  }
}
