package dev.qinglian.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.fuzz.FuzzFixture;
import dev.qinglian.model.IndicatorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Differential fuzz target: whatever bytes a data file holds, checking it for quotes and encoding
 * while parsing (as for files of 64 MB and more) gives exactly what scanning it first gives (as for
 * smaller ones): the same diagnostics, and the same values. Only for files that are valid UTF-8: in
 * bytes that are no valid text in any encoding, a byte-level scan and a decoder may disagree on
 * where a quote is (both then report errors; the fuzzer found such a file). Seeds in {@code
 * FastPathFuzzTestInputs/}; {@code JAZZER_FUZZ=1 mvn test -pl core -Dtest=FastPathFuzzTest} fuzzes.
 */
class FastPathFuzzTest {
  static final IndicatorModel MODEL = FuzzFixture.MODEL;
  static final UnitRegister UNITS = FuzzFixture.UNITS;

  @FuzzTest(maxDuration = "60s")
  void sameAsScanningFirst(byte[] data) throws IOException {
    try {
      java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(data));
    } catch (java.nio.charset.CharacterCodingException e) {
      return; // not text: see the class comment
    }
    Path p = Files.createTempFile("qinglian-fuzz", ".csv");
    try {
      Files.write(p, data);
      Loaded<Dataset> whileParsing =
          new DataReader(MODEL, UNITS, ReadOptions.DEFAULTS, 0).read(List.of(p));
      Loaded<Dataset> scanFirst =
          new DataReader(MODEL, UNITS, ReadOptions.DEFAULTS, Long.MAX_VALUE).read(List.of(p));
      List<String> a = whileParsing.diagnostics().stream().map(Diagnostic::toString).toList();
      List<String> b = scanFirst.diagnostics().stream().map(Diagnostic::toString).toList();
      if (!a.equals(b)) {
        throw new AssertionError("diagnostics differ:\n" + a + "\n" + b);
      }
      if ((whileParsing.value() == null) != (scanFirst.value() == null)) {
        throw new AssertionError("one read gave data, the other not");
      }
      if (whileParsing.value() != null) {
        Dataset x = whileParsing.value();
        Dataset y = scanFirst.value();
        if (!x.periods().equals(y.periods())) {
          throw new AssertionError("periods differ: " + x.periods() + " " + y.periods());
        }
        for (var month : x.periods()) {
          for (int l = 0; l < MODEL.leaves().size(); l++) {
            for (int u = 0; u < UNITS.size(); u++) {
              double v = x.value(l, u, month);
              double w = y.value(l, u, month);
              if (Double.doubleToLongBits(v) != Double.doubleToLongBits(w)) {
                throw new AssertionError("value differs at " + month + " " + l + " " + u);
              }
            }
          }
        }
      }
    } finally {
      Files.deleteIfExists(p);
    }
  }
}
