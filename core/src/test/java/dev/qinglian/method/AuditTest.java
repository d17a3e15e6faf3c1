package dev.qinglian.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class AuditTest {
  @Test
  void cronbachsAlphaAsComputedIndependently() {
    // k/(k-1) * (1 - sum of item variances / variance of the totals), sample variances;
    // Python: 0.9156976744186046
    double[][] x = {{1, 2, 3}, {2, 3, 3}, {3, 5, 4}, {4, 4, 6}, {5, 6, 5}};
    assertEquals(0.9156976744186046, Audit.cronbach(x), 1e-12);
  }

  @Test
  void skewnessAndKurtosisAreTheBiasCorrectedSampleEstimators() {
    // Python with the adjusted Fisher-Pearson formulas: skew 2.2402560438940755,
    // excess kurtosis 5.669135802469141 -> this sample would be flagged (|skew| > 2, kurt > 3.5)
    DescriptiveStatistics d = new DescriptiveStatistics(new double[] {1, 2, 2, 3, 3, 3, 4, 10});
    assertEquals(2.2402560438940755, d.getSkewness(), 1e-12);
    assertEquals(5.669135802469141, d.getKurtosis(), 1e-12);
  }

  @Test
  void firstComponentShareByHandAndNoneForHugeDimensions() {
    // identity: eigenvalues 1, 1, 1 -> 1/3; all ones: eigenvalues 3, 0, 0 -> 3/3 = 1
    double[][] id = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    double[][] ones = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
    org.junit.jupiter.api.Assertions.assertEquals(1 / 3.0, Audit.firstComponentShare(id, 3), 1e-12);
    org.junit.jupiter.api.Assertions.assertEquals(1.0, Audit.firstComponentShare(ones, 3), 1e-12);
    // a dimension of 10,000 indicators: not decomposed (k³ = 10¹²), NaN instead of a crash
    org.junit.jupiter.api.Assertions.assertTrue(
        Double.isNaN(Audit.firstComponentShare(new double[1][1], 10_000)));
  }
}
