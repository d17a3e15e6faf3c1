package dev.qinglian.cli.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting shared by the renderers; locale-independent. */
public final class Numbers {
  private Numbers() {}

  /**
   * Full precision (shortest text that reads back to the same double), never exponent form; "" for
   * NaN.
   */
  public static String full(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    String s = Double.toString(v);
    if (s.indexOf('E') >= 0) {
      s = new BigDecimal(s).toPlainString();
    }
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
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
