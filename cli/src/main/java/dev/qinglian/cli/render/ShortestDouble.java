package dev.qinglian.cli.render;

import java.math.BigInteger;

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
 * 1,000,000-unit ranking, about 25 ns each instead of 55–75 ns through Jackson's string and 1 GB
 * less garbage (whole-process figures in the commit). {@code ShortestDoubleTest} checks the output
 * against Jackson's for millions of doubles and the table below against Jackson's.
 *
 * <p>The 617 pairs of {@code g} (128-bit approximations of powers of ten) are computed exactly with
 * {@link BigInteger} when the class is initialised (about 2 ms), from their definition in the
 * paper, instead of being copied as 1,234 literals.
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
  private static final long[] G = new long[2 * (K_MAX - K_MIN + 1)];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = 10 * POW10[i - 1];
    }
    // 10^-k = beta 2^r with 2^125 <= beta < 2^126, r = flog2pow10(-k) - 125; g = floor(beta) + 1
    BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
    for (int k = K_MIN; k <= K_MAX; k++) {
      int shift = 125 - flog2pow10(-k); // beta = 10^-k 2^shift
      BigInteger beta;
      if (k <= 0) {
        BigInteger n = BigInteger.TEN.pow(-k);
        beta = shift >= 0 ? n.shiftLeft(shift) : n.shiftRight(-shift);
      } else {
        beta = BigInteger.ONE.shiftLeft(shift).divide(BigInteger.TEN.pow(k));
      }
      BigInteger g = beta.add(BigInteger.ONE);
      G[(k - K_MIN) << 1] = g.shiftRight(63).longValueExact();
      G[(k - K_MIN) << 1 | 1] = g.and(mask63).longValueExact();
    }
  }

  /** g1 of power {@code k} (for the test against Jackson's table). */
  static long g1(int k) {
    return G[(k - K_MIN) << 1];
  }

  /** g0 of power {@code k}. */
  static long g0(int k) {
    return G[(k - K_MIN) << 1 | 1];
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
    int p = pos;
    if (bits < 0) {
      b[p++] = '-';
    }
    if (bq != 0) {
      int mq = -Q_MIN + 1 - bq; // normal value; mq = -q
      long c = C_MIN | t;
      if (0 < mq & mq < P) {
        long f = c >> mq;
        if (f << mq == c) {
          return plain(f, 0, b, p); // a whole number
        }
      }
      return decimal(-mq, c, 0, b, p);
    }
    if (t != 0) {
      return t < C_TINY ? decimal(Q_MIN, 10 * t, -1, b, p) : decimal(Q_MIN, t, 0, b, p);
    }
    b[p++] = '0';
    return p;
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

  /** Writes {@code f·10^e} ({@code f > 0}) in plain notation, no trailing zeros after a point. */
  private static int plain(long f, int e, byte[] b, int p) {
    int len = flog10pow2(Long.SIZE - Long.numberOfLeadingZeros(f)); // digits of f, or one less
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
   * Writes the {@code n} digits of {@code f < 10^n} (n ≤ 17), left to right without divisions, as
   * Jackson's {@code toChars} does: f is scaled to 17 digits and split into 1 + 8 + 8 with
   * multiplications (section 10 of the paper), and each group of 8 is expanded by algorithm 1 of
   * Bouvier and Zimmermann (a fixed-point fraction multiplied by 10 for each digit).
   */
  private static int digits(long f, int n, byte[] b, int p) {
    long f17 = f * POW10[H - n];
    long hm = Math.multiplyHigh(f17, 193_428_131_138_340_668L) >>> 20; // f17 / 10^8
    int l = (int) (f17 - 100_000_000L * hm);
    int h = (int) (hm * 1_441_151_881L >>> 57); // hm / 10^8
    int m = (int) (hm - 100_000_000 * h);
    // 17 digits: h, the 8 of m, the 8 of l; the first n are f's
    int end = p + n;
    b[p++] = (byte) ('0' + h);
    p = eight(m, b, p, end);
    eight(l, b, p, end);
    return end;
  }

  /**
   * Writes the digits of {@code a < 10^8} (8 of them, leading zeros included) up to {@code end}.
   */
  private static int eight(int a, byte[] b, int p, int end) {
    int y = (int) (Math.multiplyHigh((long) (a + 1) << 28, 193_428_131_138_340_668L) >>> 20) - 1;
    for (int i = 0; i < 8 && p < end; i++) {
      int t = 10 * y;
      b[p++] = (byte) ('0' + (t >>> 28));
      y = t & ((1 << 28) - 1);
    }
    return p;
  }

  private static int ascii(String s, byte[] b, int p) {
    for (int i = 0; i < s.length(); i++) {
      b[p++] = (byte) s.charAt(i);
    }
    return p;
  }
}
