package dev.qinglian.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The register's index column: {@code fixed4} writes what {@code %.4f} writes, digit for digit. */
class Fixed4Test {
  private static void same(double v) {
    assertEquals(String.format(Locale.ROOT, "%.4f", v), WarningRegister.fixed4(v), "for " + v);
  }

  @Test
  void theFormattersDigitsOnIndicesAndTheirHalfways() {
    // by hand: 97.74925 is 97.749249999999995... in binary, but its shortest decimal is 97.74925,
    // and the formatter rounds that half up: 97.7493 (so does fixed4; BigDecimal(double) would
    // give 97.7492)
    assertEquals("97.7493", WarningRegister.fixed4(97.74925));
    assertEquals("100.0000", WarningRegister.fixed4(100));
    assertEquals("0.0001", WarningRegister.fixed4(0.00005));
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      same(100 * r.nextDouble()); // any index
      same(r.nextInt(1_000_000) / 10_000.0 + 0.00005); // a halfway of the fourth decimal
      same(Math.nextUp(r.nextInt(1_000_000) / 10_000.0 + 0.00005));
      same(Math.nextDown(r.nextInt(1_000_000) / 10_000.0 + 0.00005));
      same(r.nextDouble() * Math.pow(10, r.nextInt(-8, 9))); // tiny to large
    }
    for (double v : new double[] {0, -0.0, -1.23456, Double.NaN, Double.POSITIVE_INFINITY}) {
      same(v);
    }
  }
}
