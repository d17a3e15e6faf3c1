package dev.qinglian.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Full-precision text of doubles: shortest digits that read back, never in exponent form. */
class NumbersTest {
  @Test
  void shortestPlainDigits() {
    assertEquals("100", Numbers.full(100.0)); // whole numbers without ".0"
    assertEquals("0", Numbers.full(0.0));
    assertEquals("-0", Numbers.full(-0.0)); // the sign of zero is kept, as before the fast path
    assertEquals("-42", Numbers.full(-42.0));
    assertEquals("999999999999999", Numbers.full(999_999_999_999_999.0));
    assertEquals("1000000000000000", Numbers.full(1e15)); // past the fast path: no "1.0E15"
    assertEquals("0.30000000000000004", Numbers.full(0.1 + 0.2));
    assertEquals("96.58194444444445", Numbers.full(96.58194444444445));
    assertEquals("0.0000001", Numbers.full(1e-7));
    assertEquals("", Numbers.full(Double.NaN));
  }

  @Test
  void roundedHalfUpOnTheShortestDigits() {
    // by hand
    assertEquals("10.0", Numbers.fixed(9.96, 1, "—")); // a carry into a new digit
    assertEquals("100.0", Numbers.fixed(99.95, 1, "—"));
    assertEquals("0.2", Numbers.fixed(0.15, 1, "—")); // on the text "0.15", not the binary value
    assertEquals("0.0", Numbers.fixed(-0.04, 1, "—")); // no "-0.0"
    assertEquals("0.0", Numbers.fixed(-0.0, 1, "—"));
    assertEquals("-0.1", Numbers.fixed(-0.05, 1, "—")); // half away from zero
    assertEquals("3", Numbers.fixed(2.5, 0, "—"));
    assertEquals("-3", Numbers.fixed(-2.5, 0, "—"));
    assertEquals("66", Numbers.fixed(100 * 0.6633333333333333, 0, "—"));
    assertEquals("0.00", Numbers.fixed(1e-7, 2, "—"));
    assertEquals("12.500", Numbers.fixed(12.5, 3, "—"));
    assertEquals("100000000000000000000000.0", Numbers.fixed(1e23, 1, "—"));
    assertEquals("—", Numbers.fixed(Double.NaN, 1, "—"));
    assertEquals("+0.1", Numbers.signed(0.05, 1, "—"));
    assertEquals("0.0", Numbers.signed(0.04, 1, "—"));
    assertEquals("0.0", Numbers.signed(-0.04, 1, "—"));
    assertEquals("-1.2", Numbers.signed(-1.23, 1, "—"));
    assertEquals("+10.0", Numbers.signed(9.96, 1, "—"));
    // against BigDecimal's rounding of the same digits
    SplittableRandom r = new SplittableRandom(1122);
    for (int i = 0; i < 1_000_000; i++) {
      int decimals = r.nextInt(5);
      double[] vs = {
        r.nextDouble() * 200 - 100,
        Math.round(r.nextDouble() * 1e5) / 1e3, // ties at every number of decimals
        Double.longBitsToDouble(r.nextLong()),
        r.nextDouble() * Math.pow(10, r.nextInt(-8, 20))
      };
      for (double v : vs) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
          continue;
        }
        BigDecimal b = new BigDecimal(Numbers.full(v)).setScale(decimals, RoundingMode.HALF_UP);
        String expected = (b.signum() == 0 ? b.abs() : b).toPlainString();
        assertEquals(expected, Numbers.fixed(v, decimals, "—"), () -> v + " to " + decimals);
        assertEquals(
            b.signum() > 0 ? "+" + expected : expected,
            Numbers.signed(v, decimals, "—"),
            () -> v + " to " + decimals);
      }
    }
  }
}
