package dev.qinglian.cli.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting shared by the renderers; locale-independent. */
public final class Numbers {

  private Numbers() {}

  /**
   * Full precision: the shortest decimal that reads back to the same double (Schubfach: the same
   * digits on every JDK, unlike JDK 17's {@code Double.toString}), never in exponent form; "" for
   * NaN.
   */
  public static String full(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    byte[] b = new byte[ShortestDouble.MAX_BYTES];
    int n = ShortestDouble.write(v, b, 0);
    return new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
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
