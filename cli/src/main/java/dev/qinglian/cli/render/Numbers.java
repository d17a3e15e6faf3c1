package dev.qinglian.cli.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting shared by the renderers; locale-independent. */
public final class Numbers {
  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

  private Numbers() {}

  /** True for {@code -0.0} (printed as a decimal, not as the whole number 0). */
  static boolean isNegativeZero(double v) {
    return Double.doubleToRawLongBits(v) == NEGATIVE_ZERO;
  }

  /**
   * Full precision: the shortest decimal that reads back to the same double (Schubfach, through
   * Jackson's implementation: the same digits on every JDK, and several times faster than JDK 17's
   * {@code Double.toString}), never in exponent form; "" for NaN.
   */
  public static String full(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == (long) v && Math.abs(v) < 1e15 && Double.doubleToRawLongBits(v) != NEGATIVE_ZERO) {
      return Long.toString(
          (long) v); // whole numbers (scores of 0 and 100, full coverage): same text
    }
    String s = com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal.toString(v);
    int n = s.length();
    if (n > 2 && s.charAt(n - 2) == '.' && s.charAt(n - 1) == '0') {
      return s.substring(0, n - 2);
    }
    return s.indexOf('E') >= 0 ? new BigDecimal(s).stripTrailingZeros().toPlainString() : s;
  }

  /**
   * Rounded half-up to {@code decimals} (on the decimal text of the double); {@code dash} for NaN.
   */
  public static String fixed(double v, int decimals, String dash) {
    if (Double.isNaN(v)) {
      return dash;
    }
    BigDecimal b = new BigDecimal(Double.toString(v)).setScale(decimals, RoundingMode.HALF_UP);
    if (b.signum() == 0) {
      b = b.abs();
    }
    return b.toPlainString();
  }

  /** A change with its sign ({@code +1.2}, {@code -0.4}, {@code 0.0}); {@code dash} for NaN. */
  public static String signed(double v, int decimals, String dash) {
    String s = fixed(v, decimals, dash);
    return Double.isNaN(v) || s.startsWith("-") || new BigDecimal(s).signum() == 0 ? s : "+" + s;
  }
}
