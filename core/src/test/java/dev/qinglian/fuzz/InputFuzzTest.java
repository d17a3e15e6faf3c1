package dev.qinglian.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.diag.Loaded;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz targets: whatever bytes a model, a register or a data file holds, the readers return a
 * {@link Loaded} (a value or diagnostics) and never throw. In {@code mvn test} they run on the seed
 * inputs in {@code src/test/resources/dev/qinglian/fuzz/InputFuzzTestInputs/} (regression mode);
 * {@code JAZZER_FUZZ=1 mvn test -pl core -Dtest='InputFuzzTest#csv'} fuzzes one target for its
 * {@code maxDuration} (.ci/run does that for each).
 */
class InputFuzzTest {
  static final IndicatorModel MODEL = FuzzFixture.MODEL;
  static final UnitRegister UNITS = FuzzFixture.UNITS;

  private static Path temp(byte[] data, String suffix) {
    try {
      Path p = Files.createTempFile("qinglian-fuzz", suffix);
      Files.write(p, data);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void model(byte[] data) {
    Loaded<IndicatorModel> l =
        ModelLoader.load("fuzz.yaml", new StringReader(new String(data, StandardCharsets.UTF_8)));
    if (l.value() == null && !l.hasErrors()) {
      throw new AssertionError("no model and no error");
    }
  }

  @FuzzTest(maxDuration = "60s")
  void csv(byte[] data) {
    Path p = temp(data, ".csv");
    try {
      new DataReader(MODEL, UNITS, ReadOptions.DEFAULTS).read(List.of(p));
    } finally {
      delete(p);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void register(byte[] data) {
    Path p = temp(data, ".csv");
    try {
      UnitRegister.read(p, MODEL);
    } finally {
      delete(p);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void xlsx(byte[] data) {
    Path p = temp(data, ".xlsx");
    try {
      new DataReader(MODEL, UNITS, ReadOptions.DEFAULTS).read(List.of(p));
    } finally {
      delete(p);
    }
  }
}
