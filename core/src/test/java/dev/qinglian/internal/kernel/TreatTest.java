package dev.qinglian.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qinglian.model.Outliers;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Winsorisation and its log fallback against an independent script (Python, the textbook
 * bias-corrected skewness G1 and excess kurtosis G2, the loop as the reference describes it):
 *
 * <pre>
 * [1..20, 60, 100]           skew 3.1024 kurt 10.255 -> cap 100 at 60, then both 60s at 20:
 *                            2 values winsorised (not 3), then skew -0.0945: within the limits
 * [1 x40, 100, 200, 300, 400] skew 3.7960 kurt 14.314, max-points 2 -> 400 at 300, both 300s at
 *                            200: 2 values, still skew 3.2125 kurt 9.0364; with fallback log:
 *                            ln(x - 1 + 0.01*(400 - 1)) of the original values, ln(3.99) =
 *                            1.3837912309017721 ... ln(402.99) = 5.998911747743032
 * </pre>
 */
class TreatTest {
  static double[] values(double[] tail, int ones, int from, int to) {
    double[] head = new double[ones + Math.max(0, to - from + 1)];
    Arrays.fill(head, 0, ones, 1);
    for (int i = 0; from > 0 && i <= to - from; i++) {
      head[ones + i] = from + i;
    }
    double[] x = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, x, head.length, tail.length);
    return x;
  }

  @Test
  void aValueCappedAgainCountsOnce() {
    double[] x = values(new double[] {60, 100}, 0, 1, 20);
    byte[] flags = new byte[x.length];
    int n = Treat.apply(new Outliers(Outliers.Kind.WINSORISE, 5, 2, 3.5), x, flags);
    assertEquals(2, n);
    assertEquals(20, x[20]);
    assertEquals(20, x[21]);
    assertEquals(2, count(flags, Flags.WINSORISED));
  }

  @Test
  void theFallbackLogsTheOriginalValuesWhenWinsorisingIsNotEnough() {
    double[] x = values(new double[] {100, 200, 300, 400}, 40, 0, -1);
    byte[] flags = new byte[x.length];
    int n =
        Treat.apply(new Outliers(Outliers.Kind.WINSORISE, 2, 2, 3.5, Outliers.Kind.LOG), x, flags);
    assertEquals(-1, n);
    assertEquals(1.3837912309017721, x[0], 1e-15);
    assertEquals(4.63463189613771, x[40], 1e-14); // ln(102.99)
    assertEquals(5.998911747743032, x[43], 1e-14);
    assertEquals(0, count(flags, Flags.WINSORISED));
    assertEquals(44, count(flags, Flags.TRANSFORMED));
  }

  @Test
  void withoutAFallbackTheWinsorisedValuesStay() {
    double[] x = values(new double[] {100, 200, 300, 400}, 40, 0, -1);
    byte[] flags = new byte[x.length];
    int n = Treat.apply(new Outliers(Outliers.Kind.WINSORISE, 2, 2, 3.5), x, flags);
    assertEquals(2, n); // 400 and one 300; the first 300 capped again is not counted twice
    assertEquals(200, x[42]);
    assertEquals(200, x[43]);
    assertEquals(100, x[40]);
  }

  private static int count(byte[] flags, byte flag) {
    int n = 0;
    for (byte f : flags) {
      n += (f & flag) != 0 ? 1 : 0;
    }
    return n;
  }
}
