package dev.qinglian.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qinglian.model.Outliers;
import org.junit.jupiter.api.Test;

class TreatTest {
  static final double NAN = Double.NaN;

  @Test
  void winsorisesTheExtremeValueUntilTheDistributionIsWithinTheLimits() {
    // 1,2,2,3,3,3,4,10: skew 2.2403, kurtosis 5.6691 (beyond 2 and 3.5, Python); capping 10 at the
    // next value 4 gives skew -0.3864, kurtosis -0.4480 (Python): within, so one value changes
    double[] x = {1, 2, 2, 3, 3, NAN, 3, 4, 10};
    byte[] f = new byte[x.length];
    assertEquals(1, Treat.apply(new Outliers(Outliers.Kind.WINSORISE, 5, 2, 3.5), x, f));
    assertArrayEquals(new double[] {1, 2, 2, 3, 3, NAN, 3, 4, 4}, x, 0.0);
    assertEquals(Flags.WINSORISED, f[8]);
    assertEquals(0, f[7]);
  }

  @Test
  void leavesADistributionWithinTheLimitsAlone() {
    double[] x = {1, 2, 2, 3, 3, 3, 4, 4};
    assertEquals(0, Treat.apply(new Outliers(Outliers.Kind.WINSORISE, 5, 2, 3.5), x, new byte[8]));
    assertArrayEquals(new double[] {1, 2, 2, 3, 3, 3, 4, 4}, x, 0.0);
  }

  @Test
  void logTransformsWhenAskedTo() {
    // ln(x - min + 1): ln 1, ln 2, ln 2, ln 3, ln 3, ln 3, ln 4, ln 10
    double[] x = {1, 2, 2, 3, 3, 3, 4, 10};
    byte[] f = new byte[8];
    assertEquals(-1, Treat.apply(new Outliers(Outliers.Kind.LOG, 5, 2, 3.5), x, f));
    assertArrayEquals(
        new double[] {
          0,
          Math.log(2),
          Math.log(2),
          Math.log(3),
          Math.log(3),
          Math.log(3),
          Math.log(4),
          Math.log(10)
        },
        x,
        1e-15);
    assertEquals(Flags.TRANSFORMED, f[0]);
  }

  @Test
  void theMomentsAreTheBiasCorrectedSampleEstimators() {
    double[] m = Treat.moments(new double[] {1, 2, 2, 3, 3, 3, 4, 10});
    // Python: skew 2.2402560438940755, kurtosis 5.669135802469141
    assertEquals(2.2402560438940755, m[1], 1e-12);
    assertEquals(5.669135802469141, m[2], 1e-12);
  }
}
