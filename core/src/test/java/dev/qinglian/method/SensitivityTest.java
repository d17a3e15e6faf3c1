package dev.qinglian.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import dev.qinglian.model.Normalisation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SensitivityTest {
  static Dataset data;
  static final YearMonth OCT = YearMonth.of(2026, 10);

  @BeforeAll
  static void demo() throws Exception {
    Path demo = TestFiles.root().resolve("examples/demo-county");
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    UnitRegister units = UnitRegister.read(demo.resolve("units.csv"), model).orElseThrow();
    List<Path> files;
    try (Stream<Path> s = Files.list(demo.resolve("data"))) {
      files = s.sorted().toList();
    }
    data = new DataReader(model, units, ReadOptions.DEFAULTS).read(files).orElseThrow();
  }

  @Test
  void withNothingVariedEveryUnitKeepsItsRankAndColourForSure() {
    Sensitivity.Report r =
        Sensitivity.run(data, OCT, new Sensitivity.Options(500, 7, 0, false, false, List.of()));
    for (Sensitivity.UnitUncertainty u : r.units()) {
      assertEquals(1.0, u.colours().get(u.nominalBand().id()), 1e-12, u.unit().id());
      assertEquals(u.nominalRank(), u.medianRank(), 0.0, u.unit().id());
      assertEquals(u.nominalRank(), u.rank5());
      assertEquals(u.nominalRank(), u.rank95());
      assertFalse(u.fragile());
    }
    assertTrue(r.firstOrder().isEmpty());
  }

  @Test
  void theSameSeedGivesTheSameReport() {
    Sensitivity.Options o =
        new Sensitivity.Options(2000, 42, 0.2, true, true, List.of(new Normalisation.MinMax()));
    assertEquals(Sensitivity.run(data, OCT, o), Sensitivity.run(data, OCT, o));
    // Z07 (index 51, red, far below 60) is red in every sample that keeps the arithmetic mean or
    // the geometric one: its colour is certain
    Sensitivity.UnitUncertainty z07 =
        Sensitivity.run(data, OCT, o).units().stream()
            .filter(u -> u.unit().id().equals("Z07"))
            .findFirst()
            .orElseThrow();
    assertEquals(1.0, z07.colours().get("red"), 1e-12);
  }

  @Test
  void firstOrderIndicesAreShares() {
    Sensitivity.Report r =
        Sensitivity.run(data, OCT, new Sensitivity.Options(2000, 3, 0.2, true, true, List.of()));
    double sum = r.firstOrder().values().stream().mapToDouble(Double::doubleValue).sum();
    r.firstOrder().values().forEach(v -> assertTrue(v >= 0 && v <= 1, "index " + v));
    // first-order indices of independent inputs sum to at most 1 (plus estimation noise)
    assertTrue(sum <= 1.05, "sum " + sum);
  }

  @Test
  void aSampleWithTheModelsOwnChoicesIsTheEvaluatorsIndexEvenOverZeroScores() throws Exception {
    // the default model made geometric everywhere: count indicators score 0 for some units, and
    // a geometric mean over a zero is refused; with a floor of 1 a zero counts as 1, in the
    // evaluator and in Sensitivity's re-aggregation alike (NodeRules), so a sample with nothing
    // varied must give exactly the evaluator's ranks and colours
    String yaml =
        Files.readString(TestFiles.root().resolve("indicators.yaml"))
            .replace("  aggregation: arithmetic", "  aggregation: geometric");
    IndicatorModel strict =
        ModelLoader.load("geometric.yaml", new java.io.StringReader(yaml)).orElseThrow();
    org.junit.jupiter.api.Assertions.assertThrows(
        dev.qinglian.eval.EvaluationException.class,
        () -> new dev.qinglian.eval.Evaluator(strict).evaluate(data.withModel(strict), OCT));
    IndicatorModel geo =
        ModelLoader.load(
                "geometric.yaml",
                new java.io.StringReader(
                    yaml.replace(
                        "  aggregation: geometric", "  aggregation: geometric\n  floor: 1")))
            .orElseThrow();
    Dataset d = data.withModel(geo);
    dev.qinglian.eval.PeriodResult nominal = new dev.qinglian.eval.Evaluator(geo).evaluate(d, OCT);
    long zeros =
        java.util.stream.IntStream.range(0, d.units().size())
            .filter(u -> nominal.index(u) == 0)
            .count();
    assertEquals(0, zeros, "with the floor no index is 0");
    Sensitivity.Report r =
        Sensitivity.run(d, OCT, new Sensitivity.Options(64, 1, 0, false, false, List.of()));
    for (Sensitivity.UnitUncertainty u : r.units()) {
      assertEquals(u.nominalRank(), u.rank5(), u.unit().id());
      assertEquals(u.nominalRank(), u.rank95(), u.unit().id());
      assertEquals(1.0, u.colours().get(u.nominalBand().id()), 0.0, u.unit().id());
    }
  }

  @Test
  void theGeometricAlternativeDoesNotTurnAGreenUnitRed() {
    // only the aggregation varies: half the samples arithmetic (the model), half geometric over
    // leaf scores rescaled to [1, 100]. A unit above 90 loses at most a few points to a zero
    // leaf (weight w: a factor 0.01^w, e.g. w = 0.01 gives 0.955), never 30 points to red
    Sensitivity.Report r =
        Sensitivity.run(data, OCT, new Sensitivity.Options(400, 5, 0, true, false, List.of()));
    dev.qinglian.eval.PeriodResult nominal =
        new dev.qinglian.eval.Evaluator(data.model()).evaluate(data, OCT);
    int checked = 0;
    for (Sensitivity.UnitUncertainty u : r.units()) {
      int pos = data.units().units().indexOf(u.unit());
      if (nominal.index(pos) > 90) {
        checked++;
        assertTrue(u.colours().getOrDefault("red", 0.0) <= 0.05, u.unit().id() + " " + u.colours());
      }
    }
    assertTrue(checked > 20, "units above 90: " + checked);
  }
}
