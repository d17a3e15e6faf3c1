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
}
