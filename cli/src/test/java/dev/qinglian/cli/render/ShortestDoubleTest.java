package dev.qinglian.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The byte-level port of Schubfach gives exactly the text the project printed before through
 * Jackson's implementation: the reference below is the former {@code Numbers.full}, verbatim.
 */
class ShortestDoubleTest {
  /** The former {@link Numbers#full}: Jackson's string, stripped and made plain. */
  static String reference(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == (long) v
        && Math.abs(v) < 1e15
        && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0)) {
      return Long.toString((long) v);
    }
    String s = DoubleToDecimal.toString(v);
    int n = s.length();
    if (n > 2 && s.charAt(n - 2) == '.' && s.charAt(n - 1) == '0') {
      return s.substring(0, n - 2);
    }
    return s.indexOf('E') >= 0 ? new BigDecimal(s).stripTrailingZeros().toPlainString() : s;
  }

  static String ours(double v) {
    return Numbers.full(v);
  }

  static void same(double v) {
    assertEquals(
        reference(v), ours(v), () -> "bits " + Long.toHexString(Double.doubleToRawLongBits(v)));
  }

  @Test
  void theTableOfPowersIsJacksons() throws Exception {
    Class<?> m = Class.forName("com.fasterxml.jackson.core.io.schubfach.MathUtils");
    Method g1 = m.getDeclaredMethod("g1", int.class);
    Method g0 = m.getDeclaredMethod("g0", int.class);
    g1.setAccessible(true);
    g0.setAccessible(true);
    for (int k = -324; k <= 292; k++) {
      assertEquals((long) g1.invoke(null, k), ShortestDouble.g1(k), "g1 of " + k);
      assertEquals((long) g0.invoke(null, k), ShortestDouble.g0(k), "g0 of " + k);
    }
  }

  @Test
  void theTableOfPowersIsItsDefinition() {
    // 10^-k = beta 2^r with 2^125 <= beta < 2^126 and r = floor(log2(10^-k)) - 125;
    // g = floor(beta) + 1 = g1 2^63 + g0
    java.math.BigInteger mask63 =
        java.math.BigInteger.ONE.shiftLeft(63).subtract(java.math.BigInteger.ONE);
    for (int k = -324; k <= 292; k++) {
      java.math.BigInteger beta;
      java.math.BigInteger ten = java.math.BigInteger.TEN.pow(Math.abs(k));
      if (k <= 0) {
        int shift = 125 - (ten.bitLength() - 1); // beta = 10^-k 2^shift
        beta = shift >= 0 ? ten.shiftLeft(shift) : ten.shiftRight(-shift);
      } else {
        // 10^-k = 2^-bits(10^k) * (2^bits / 10^k), the second factor in (1, 2]
        int shift = 125 + ten.bitLength();
        beta = java.math.BigInteger.ONE.shiftLeft(shift).divide(ten);
        if (beta.bitLength() > 126) {
          beta = java.math.BigInteger.ONE.shiftLeft(shift - 1).divide(ten);
        }
      }
      assertEquals(126, beta.bitLength(), "2^125 <= beta < 2^126 for " + k);
      java.math.BigInteger g = beta.add(java.math.BigInteger.ONE);
      assertEquals(g.shiftRight(63).longValueExact(), ShortestDouble.g1(k), "g1 of " + k);
      assertEquals(g.and(mask63).longValueExact(), ShortestDouble.g0(k), "g0 of " + k);
    }
  }

  @Test
  void edgeCases() {
    double[] edges = {
      0.0,
      -0.0,
      1.0,
      -1.0,
      0.1,
      0.2,
      0.1 + 0.2,
      1e-3,
      9.999e-4,
      1e7,
      1e15,
      1e16,
      1e22,
      1e23,
      2e23,
      9007199254740992.0,
      9007199254740993.0,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      2 * Double.MIN_VALUE,
      3 * Double.MIN_VALUE,
      Double.MIN_NORMAL,
      Double.MAX_VALUE,
      -Double.MAX_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NaN,
      100,
      99.5,
      99.715,
      99.66666666666667,
      0.6633333333333333,
      5e-324,
      4.9e-324,
      1.7976931348623157e308,
      123456789.125,
      1234567.0,
      12345678.9,
      0.001,
      0.000123,
      1.0E-5
    };
    for (double v : edges) {
      same(v);
    }
    // by hand: plain notation throughout, no trailing zeros after the point
    assertEquals("0.00001", ours(1e-5));
    assertEquals("100000000000000000000000", ours(1e23));
    assertEquals("12.5", ours(12.5));
    assertEquals("-0", ours(-0.0));
    assertEquals("Infinity", ours(Double.POSITIVE_INFINITY));
    assertEquals("-Infinity", ours(Double.NEGATIVE_INFINITY));
    assertEquals("", ours(Double.NaN));
    // the smallest double: one digit (5E-324) would read back, but Schubfach takes the closest of
    // one or two digits, 4.9E-324
    assertEquals("0." + "0".repeat(323) + "49", ours(Double.MIN_VALUE));
  }

  @Test
  void millionsOfDoublesAsBefore() {
    SplittableRandom r = new SplittableRandom(20261122);
    for (int i = 0; i < 2_000_000; i++) {
      same(Double.longBitsToDouble(r.nextLong())); // every exponent, subnormals, NaN payloads
    }
    for (int i = 0; i < 2_000_000; i++) {
      same(r.nextDouble() * 100); // scores
      same(r.nextDouble() - 0.5); // coverage, changes
    }
    for (int i = 0; i < 1_000_000; i++) {
      int decimals = r.nextInt(8);
      double scale = Math.pow(10, decimals);
      same(Math.round(r.nextDouble() * 100 * scale) / scale); // short decimals, as reported
      same(
          r.nextLong(-1_000_000_000_000_000L, 1_000_000_000_000_000L)
              * Math.pow(10, r.nextInt(-20, 20)));
    }
  }

  /**
   * {@link ShortestDouble#writeJava} against Jackson's own text (its fast writer), as JSON has it.
   */
  static void sameAsJacksons(double v, byte[] b) {
    if (!Double.isFinite(v)) {
      return;
    }
    b[0] = 'x';
    int end = ShortestDouble.writeJava(v, b, 1);
    String ours = new String(b, 1, end - 1, StandardCharsets.US_ASCII);
    if (!ours.equals(com.fasterxml.jackson.core.io.NumberOutput.toString(v, true))) {
      assertEquals(
          com.fasterxml.jackson.core.io.NumberOutput.toString(v, true),
          ours,
          () -> "bits " + Long.toHexString(Double.doubleToRawLongBits(v)));
    }
  }

  @Test
  void javasNotationAsJacksonWritesIt() {
    byte[] b = new byte[ShortestDouble.MAX_BYTES + 1];
    // by hand, at the edges of plain notation [10^-3, 10^7)
    double[] edges = {
      0.0, -0.0, 1.0, 100, 0.001, 9.999e-4, 1e-4, 9999999.0, 9999999.5, 1e7, 1e7 + 1
    };
    String[] expected = {
      "0.0",
      "-0.0",
      "1.0",
      "100.0",
      "0.001",
      "9.999E-4",
      "1.0E-4",
      "9999999.0",
      "9999999.5",
      "1.0E7",
      "1.0000001E7"
    };
    for (int i = 0; i < edges.length; i++) {
      int end = ShortestDouble.writeJava(edges[i], b, 0);
      assertEquals(expected[i], new String(b, 0, end, StandardCharsets.US_ASCII));
      sameAsJacksons(edges[i], b);
    }
    for (double v :
        new double[] {
          Double.MIN_VALUE,
          -Double.MIN_VALUE,
          Double.MIN_NORMAL,
          Double.MAX_VALUE,
          1e22,
          1e23,
          -1e-300,
          123456789.125,
          12345678.9,
          99.66666666666667,
          0.6633333333333333,
          1e100
        }) {
      sameAsJacksons(v, b);
    }
    SplittableRandom r = new SplittableRandom(20261122);
    for (int i = 0; i < 2_000_000; i++) {
      sameAsJacksons(Double.longBitsToDouble(r.nextLong()), b); // every exponent, subnormals
      sameAsJacksons(r.nextDouble() * 100 - 1, b); // scores and changes
      int decimals = r.nextInt(8);
      double scale = Math.pow(10, decimals);
      sameAsJacksons(Math.round(r.nextDouble() * 1e4 * scale) / scale, b);
      sameAsJacksons(
          r.nextLong(-1_000_000_000L, 1_000_000_000L) * Math.pow(10, r.nextInt(-12, 12)), b);
    }
  }

  @Test
  void writtenInPlaceAfterOtherBytes() {
    byte[] b = new byte[ShortestDouble.MAX_BYTES + 3];
    b[0] = 'x';
    int end = ShortestDouble.write(-Double.MIN_VALUE, b, 1);
    String s = new String(b, 0, end, StandardCharsets.US_ASCII);
    assertEquals("x-0." + "0".repeat(323) + "49", s);
    assertEquals(1 + 3 + 323 + 2, end); // "x", "-0.", 323 zeros, "49"
  }

  /** The lane arithmetic of {@link ShortestDouble#eight}, for every one of its 10^8 inputs. */
  @Test
  void everyGroupOfEightDigits() {
    byte[] b = new byte[8];
    byte[] expected = "00000000".getBytes(StandardCharsets.US_ASCII);
    for (int a = 0; a < 100_000_000; a++) {
      ShortestDouble.eight(a, b, 0);
      if (!java.util.Arrays.equals(expected, b)) {
        assertEquals(
            new String(expected, StandardCharsets.US_ASCII),
            new String(b, StandardCharsets.US_ASCII),
            "a = " + a);
      }
      for (int i = 7; i >= 0 && ++expected[i] > '9'; i--) {
        expected[i] = '0'; // the next number, counted digit by digit
      }
    }
  }
}
