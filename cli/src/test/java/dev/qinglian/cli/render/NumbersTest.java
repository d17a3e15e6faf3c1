package dev.qinglian.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
