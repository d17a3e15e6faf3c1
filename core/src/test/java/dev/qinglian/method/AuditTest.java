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

  @Test
  void aCarriedQuarterlyValueCountsOnce() throws Exception {
    // the demo's D2.1.1 is quarterly (propaganda.csv, GBK, wide): counted independently with
    // Python's csv module, 477 non-empty cells in the 9 months that report it from 2024-11 to
    // 2026-10; carried through the months between, it has a value in about 98 % of unit-months
    dev.qinglian.Workspace ws =
        dev.qinglian.Workspace.open(dev.qinglian.TestFiles.root().resolve("examples/demo-county"))
            .orElseThrow();
    var t = ws.timeline(java.time.YearMonth.of(2024, 11), java.time.YearMonth.of(2026, 10));
    Audit.LeafStats d211 =
        Audit.of(t.months()).leaves().stream()
            .filter(l -> l.leaf().id().equals("D2.1.1"))
            .findFirst()
            .orElseThrow();
    assertEquals(477, d211.n());
    org.junit.jupiter.api.Assertions.assertTrue(d211.coverage() > 0.9, "" + d211.coverage());
  }
}
