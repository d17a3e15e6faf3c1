package dev.qinglian.cli.render;

/**
 * The shortest decimal that reads back to the same double, written as ASCII bytes in plain notation
 * (never an exponent) straight into a byte array.
 *
 * <p>The digits are selected by Raffaello Giulietti's Schubfach algorithm ("The Schubfach way to
 * render doubles", 2020; MIT licence), ported from Jackson's copy of it ({@code
 * com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal}, jackson-core 2.20, which the project
 * already uses): the same selection step, so the same digits. Only the last step differs: Jackson
 * renders a {@code String} in Java's notation ({@code 1.0E-5}), which {@link Numbers#full} then had
 * to copy, strip and sometimes re-parse. Writing the bytes directly: 9,000,000 doubles of a
 * 1,000,000-unit ranking, about 41 ns each instead of 55–85 ns through Jackson's string, and 1 GB
 * less garbage (whole-process figures in the commits). {@code ShortestDoubleTest} checks the output
 * against Jackson's for millions of doubles and the table below against Jackson's.
 *
 * <p>The 617 pairs of {@code g} (128-bit approximations of powers of ten, {@link
 * ShortestDoubleTable}) are literals, as in Jackson: computing them with {@code BigInteger} when
 * the class was initialised cost 12–16 ms of every run's start.
 */
final class ShortestDouble {
  private ShortestDouble() {}

  /** Longest output: {@code -0.}, 323 zeros and 17 digits. */
  static final int MAX_BYTES = 345;

  private static final int P = 53; // precision in bits
  private static final int W = 11; // exponent width in bits
  private static final int Q_MIN = (-1 << W - 1) - P + 3;
  private static final long C_TINY = 3;
  private static final int K_MIN = -324;
  private static final int K_MAX = 292;
  private static final int H = 17;
  private static final long C_MIN = 1L << P - 1;
  private static final int BQ_MASK = (1 << W) - 1;
  private static final long T_MASK = (1L << P - 1) - 1;
  private static final long MASK_63 = (1L << 63) - 1;

  // floor(log10(2) 2^41), floor(log10(3/4) 2^41), floor(log2(10) 2^38)
  private static final long C_10 = 661_971_961_083L;
  private static final long A_10 = -274_743_187_321L;
  private static final long C_2 = 913_124_641_741L;

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = 10 * POW10[i - 1];
    }
  }

  /** g1 of power {@code k} (for the test against Jackson's table). */
  static long g1(int k) {
    return ShortestDoubleTable.G[(k - K_MIN) << 1];
  }

  /** g0 of power {@code k}. */
  static long g0(int k) {
    return ShortestDoubleTable.G[(k - K_MIN) << 1 | 1];
  }

  private static int flog10pow2(int e) {
    return (int) (e * C_10 >> 41);
  }

  private static int flog10threeQuartersPow2(int e) {
    return (int) (e * C_10 + A_10 >> 41);
  }

  private static int flog2pow10(int e) {
    return (int) (e * C_2 >> 38);
  }

  /**
   * Writes {@code v} at {@code pos} (room for {@link #MAX_BYTES} is the caller's) and returns the
   * position after it: {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code 0}, {@code -0}, or
   * the digits of the shortest decimal that reads back to {@code v}, in plain notation without
   * trailing zeros after the point ({@code 0.00001}, {@code 12.5}, {@code 100000000000000000000}).
   */
  static int write(double v, byte[] b, int pos) {
    long bits = Double.doubleToRawLongBits(v);
    long t = bits & T_MASK;
    int bq = (int) (bits >>> P - 1) & BQ_MASK;
    if (bq == BQ_MASK) {
      return ascii(t != 0 ? "NaN" : bits > 0 ? "Infinity" : "-Infinity", b, pos);
    }
    // The sign and the zeros take no branch of their own: a branch that no value took while the
    // JIT profiled this code (a first negative or zero value, deep into a table) is compiled out,
    // and the first value that takes it throws away the compiled row writer that inlined it
    // (seen: the CSV row method compiled again for 40-90 ms of C2 in the middle of the output).
    b[pos] = '-';
    int p = pos + (int) (bits >>> 63);
    long zero = ((bits & Long.MAX_VALUE) - 1) >>> 63; // 1 for 0.0 and -0.0
    if ((bq | (int) zero) != 0) {
      // a normal value, mq = -q; or a zero, taken as the whole number 0 (c = 0, mq = 1)
      int mq = -Q_MIN + 1 - bq - (int) zero * (-Q_MIN - bq);
      long c = (C_MIN | t) & (zero - 1);
      if (0 < mq & mq < P) {
        long f = c >> mq;
        if (f << mq == c) {
          return plain(f, 0, b, p); // a whole number
        }
      }
      return decimal(-mq, c, 0, b, p);
    }
    // subnormal
    return t < C_TINY ? decimal(Q_MIN, 10 * t, -1, b, p) : decimal(Q_MIN, t, 0, b, p);
  }

  /**
   * Writes finite {@code v} at {@code pos} as Java writes a double ({@code Double.toString} of Java
   * 19+, and Jackson's JSON output with its fast writer): the same shortest digits as {@link
   * #write}, in plain notation with at least one digit after the point from 10^-3 up to 10^7
   * ({@code 0.001}, {@code 100.0}, {@code 0.0}), else in scientific notation ({@code 1.0E7}, {@code
   * 1.25E-4}). Room for {@link #MAX_BYTES} is the caller's. {@code ShortestDoubleTest} compares it
   * with Jackson's for millions of doubles.
   */
  static int writeJava(double v, byte[] b, int pos) {
    int end = write(v, b, pos);
    int p = pos + (b[pos] == '-' ? 1 : 0);
    // the plain digits: an integer part, then a point and a fraction when there is one
    int point = p;
    while (point < end && b[point] != '.') {
      point++;
    }
    boolean zeroInt = b[p] == '0';
    if (zeroInt && point == end) { // 0 or -0
      b[end++] = '.';
      b[end++] = '0';
      return end;
    }
    // v = 0.d1d2... x 10^e
    int e;
    int first; // the first significant digit
    if (!zeroInt) {
      e = point - p;
      first = p;
    } else {
      first = point + 1;
      while (b[first] == '0') {
        first++;
      }
      e = point + 1 - first;
    }
    if (-3 < e && e <= 7) {
      if (point == end) {
        b[end++] = '.';
        b[end++] = '0';
      }
      return end;
    }
    // scientific: the significant digits (at most 17; a large whole number's trailing zeros are
    // not), the first before the point
    long f = 0;
    int n = 0;
    for (int k = first; k < end; k++) {
      if (b[k] != '.' && n < H) {
        f = 10 * f + (b[k] - '0');
        n++;
      }
    }
    while (n > 1 && f % 10 == 0) {
      f /= 10;
      n--;
    }
    digits(f, n, b, p + 1);
    b[p] = b[p + 1];
    b[p + 1] = '.';
    int q = p + 1 + n;
    if (n == 1) {
      b[q++] = '0';
    }
    b[q++] = 'E';
    int x = e - 1;
    if (x < 0) {
      b[q++] = '-';
      x = -x;
    }
    if (x >= 100) {
      b[q++] = (byte) ('0' + x / 100);
    }
    if (x >= 10) {
      b[q++] = (byte) ('0' + x / 10 % 10);
    }
    b[q++] = (byte) ('0' + x % 10);
    return q;
  }

  /** The selection of figure 4 of the paper, as in Jackson's {@code toDecimal(int, long, int)}. */
  private static int decimal(int q, long c, int dk, byte[] b, int p) {
    int out = (int) c & 0x1;
    long cb = c << 2;
    long cbr = cb + 2;
    long cbl;
    int k;
    if (c != C_MIN | q == Q_MIN) {
      cbl = cb - 2; // regular spacing
      k = flog10pow2(q);
    } else {
      cbl = cb - 1; // irregular spacing
      k = flog10threeQuartersPow2(q);
    }
    int h = q + flog2pow10(-k) + 2;
    long g1 = g1(k);
    long g0 = g0(k);
    long vb = rop(g1, g0, cb << h);
    long vbl = rop(g1, g0, cbl << h);
    long vbr = rop(g1, g0, cbr << h);
    long s = vb >> 2;
    if (s >= 100) {
      long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
      long tp10 = sp10 + 10;
      boolean upin = vbl + out <= sp10 << 2;
      boolean wpin = (tp10 << 2) + out <= vbr;
      if (upin != wpin) {
        return plain(upin ? sp10 : tp10, k, b, p);
      }
    }
    long t = s + 1;
    boolean uin = vbl + out <= s << 2;
    boolean win = (t << 2) + out <= vbr;
    if (uin != win) {
      return plain(uin ? s : t, k + dk, b, p);
    }
    long cmp = vb - (s + t << 1);
    return plain(cmp < 0 || cmp == 0 && (s & 0x1) == 0 ? s : t, k + dk, b, p);
  }

  private static long rop(long g1, long g0, long cp) {
    long x1 = Math.multiplyHigh(g0, cp);
    long y0 = g1 * cp;
    long y1 = Math.multiplyHigh(g1, cp);
    long z = (y0 >>> 1) + x1;
    long vbp = y1 + (z >>> 63);
    return vbp | (z & MASK_63) + MASK_63 >>> 63;
  }

  /** Writes {@code f·10^e} ({@code f >= 0}) in plain notation, no trailing zeros after a point. */
  private static int plain(long f, int e, byte[] b, int p) {
    // digits of f, or one less; at least one (0 is written "0")
    int len = Math.max(1, flog10pow2(Long.SIZE - Long.numberOfLeadingZeros(f)));
    if (f >= POW10[len]) {
      len++;
    }
    int point = len + e; // digits before the decimal point (may be <= 0 or > len)
    if (point >= len) {
      p = digits(f, len, b, p);
      for (int z = len; z < point; z++) {
        b[p++] = '0';
      }
      return p;
    }
    if (point <= 0) {
      b[p++] = '0';
      b[p++] = '.';
      for (int z = point; z < 0; z++) {
        b[p++] = '0';
      }
      return stripZeros(b, digits(f, len, b, p));
    }
    digits(f, len, b, p + 1); // one byte of room for the point
    System.arraycopy(b, p + 1, b, p, point);
    b[p + point] = '.';
    return stripZeros(b, p + len + 1);
  }

  /** Drops trailing zeros after a decimal point (there is a non-zero digit after it). */
  private static int stripZeros(byte[] b, int end) {
    while (b[end - 1] == '0') {
      end--;
    }
    return end;
  }

  /**
   * Writes the {@code n} digits of {@code f < 10^n} (n ≤ 17) and returns the position after them.
   * As Jackson's {@code toChars}, f is scaled to 17 digits and split into 1 + 8 + 8 with
   * multiplications (section 10 of the paper); all 17 are written (the bytes after the n-th are
   * left over, inside the room the caller gave), each group of 8 with one store ({@link #eight}).
   */
  private static int digits(long f, int n, byte[] b, int p) {
    long f17 = f * POW10[H - n];
    long hm = Math.multiplyHigh(f17, 193_428_131_138_340_668L) >>> 20; // f17 / 10^8
    int l = (int) (f17 - 100_000_000L * hm);
    int h = (int) (hm * 1_441_151_881L >>> 57); // hm / 10^8
    int m = (int) (hm - 100_000_000 * h);
    b[p] = (byte) ('0' + h);
    eight(m, b, p + 1);
    eight(l, b, p + 9);
    return p + n;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * Writes the 8 digits of {@code a < 10^8} (leading zeros included) as one 8-byte store: a is
   * split into two lanes of 4 digits, each into two lanes of 2, each into tens and ones, all lanes
   * of one {@code long} at once (a multiplication by 10486/2^20 divides a 4-digit lane by 100, by
   * 103/2^10 a 2-digit lane by 10, exactly in these ranges; ShortestDoubleTest checks every a). The
   * first digit goes to the lowest byte, which a little-endian store puts first. It replaced a loop
   * of 8 single-byte stores that took a quarter of the formatting time.
   */
  static void eight(int a, byte[] b, int p) {
    int hi = a / 10_000;
    long x = hi | (long) (a - 10_000 * hi) << 32; // 4 + 4 digits
    long y = (x * 10_486 >>> 20) & 0x0000_007F_0000_007FL; // each lane / 100
    long w = y | (x - 100 * y) << 16; // 2 + 2 + 2 + 2 digits
    long tens = (w * 103 >>> 10) & 0x000F_000F_000F_000FL; // each lane / 10
    long ones = w - 10 * tens;
    LONGS.set(b, p, (tens | ones << 8) + 0x3030_3030_3030_3030L);
  }

  private static int ascii(String s, byte[] b, int p) {
    for (int i = 0; i < s.length(); i++) {
      b[p++] = (byte) s.charAt(i);
    }
    return p;
  }
}
