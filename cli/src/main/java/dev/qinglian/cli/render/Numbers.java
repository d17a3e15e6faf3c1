package dev.qinglian.cli.render;

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
   * Rounded half-up to {@code decimals} (on the shortest decimal text of the double, the digits of
   * {@link #full}, so the same on every JDK); {@code dash} for NaN; never {@code -0.0}.
   */
  public static String fixed(double v, int decimals, String dash) {
    if (Double.isNaN(v)) {
      return dash;
    }
    byte[] b = new byte[room(decimals)];
    int n = fixed(v, decimals, b, 0);
    return new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static final double[] SCALE = {1, 10, 100, 1000};

  /** True when the number written in {@code b[from, to)} is zero (only zeros and a point). */
  private static boolean zero(byte[] b, int from, int to) {
    for (int k = from; k < to; k++) {
      if (b[k] != '0' && b[k] != '.') {
        return false;
      }
    }
    return true;
  }

  /** The number of decimal digits of {@code k >= 0} (1 for 0). */
  static int digitCount(long k) {
    int d = 1;
    for (long p = 10; d < 19 && k >= p; p *= 10) {
      d++;
    }
    return d;
  }

  /** The room {@link #fixed(double, int, byte[], int)} needs. */
  static int room(int decimals) {
    return ShortestDouble.MAX_BYTES + decimals + 2;
  }

  /**
   * {@link #fixed(double, int, String)} of a number (not NaN) written at {@code pos} (room for
   * {@link #room} bytes is the caller's); returns the position after it. The shortest digits are
   * written, then cut and rounded in place.
   */
  static int fixed(double v, int decimals, byte[] b, int pos) {
    double a = Math.abs(v);
    if (decimals <= 3 && a < 1e6) {
      // The rounding of the scaled double itself, unless it lies within 10^-6 of a tie: the
      // scaled double is within 2·10^-7 of the scaled shortest text (half an ulp of each below
      // 10^9), so both round alike there. Digits and rounding of the text took 80 ns a number, a
      // third of writing a table of 1,000,000 units; this takes a few.
      double x = a * SCALE[decimals];
      double floor = Math.floor(x);
      double frac = x - floor;
      if (Math.abs(frac - 0.5) > 1e-6) {
        long k = (long) floor + (frac > 0.5 ? 1 : 0);
        int p = pos;
        if (v < 0 && k != 0) {
          b[p++] = '-';
        }
        int digits = Math.max(decimals + 1, digitCount(k));
        for (int q = p + digits - 1; q >= p; q--) {
          b[q + (q >= p + digits - decimals ? 1 : 0)] = (byte) ('0' + k % 10);
          k /= 10;
        }
        if (decimals == 0) {
          return p + digits;
        }
        b[p + digits - decimals] = '.';
        return p + digits + 1;
      }
    }
    int end = ShortestDouble.write(v, b, pos);
    if (Double.isInfinite(v)) {
      return end;
    }
    int p = pos + (b[pos] == '-' ? 1 : 0);
    int point = p;
    while (point < end && b[point] != '.') {
      point++;
    }
    if (point == end) { // a whole number
      b[end] = '.';
      end = point + 1;
    }
    int cut = point + 1 + decimals; // the end of the kept digits
    if (end <= cut) {
      while (end < cut) {
        b[end++] = '0';
      }
    } else {
      boolean up = b[cut] >= '5';
      end = cut;
      for (int k = cut - 1; up && k >= p; k--) {
        if (b[k] == '.') {
          continue;
        }
        up = b[k] == '9';
        b[k] = up ? (byte) '0' : (byte) (b[k] + 1);
      }
      if (up) { // 9.96 -> 10.0: one more digit in front
        System.arraycopy(b, p, b, p + 1, end - p);
        b[p] = '1';
        end++;
      }
    }
    if (decimals == 0) {
      end--; // the point
    }
    if (p > pos && zero(b, p, end)) { // negative, but rounded to zero: no sign
      System.arraycopy(b, p, b, pos, end - p);
      end--;
    }
    return end;
  }

  /** A change with its sign ({@code +1.2}, {@code -0.4}, {@code 0.0}); {@code dash} for NaN. */
  public static String signed(double v, int decimals, String dash) {
    if (Double.isNaN(v)) {
      return dash;
    }
    byte[] b = new byte[room(decimals) + 1];
    int n = signed(v, decimals, b, 0);
    return new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * {@link #signed(double, int, String)} of a number (not NaN), as {@link #fixed(double, int,
   * byte[], int)}.
   */
  static int signed(double v, int decimals, byte[] b, int pos) {
    int end = fixed(v, decimals, b, pos + 1);
    if (b[pos + 1] == '-' || zero(b, pos + 1, end)) {
      System.arraycopy(b, pos + 1, b, pos, end - pos - 1);
      return end - 1;
    }
    b[pos] = '+';
    return end;
  }
}
