package dev.qinglian.method;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Objective weights from data: the entropy weight method (熵权法) and CRITIC (Diakoulaki et al. 1995),
 * over a matrix of normalised scores (rows: observations such as unit-months; columns: the
 * indicators being weighted; scores in [0, 100]). Rows with a missing value (NaN) in any column are
 * left out.
 *
 * <ul>
 *   <li>Entropy: {@code p_ij = x_ij / Σ_i x_ij}, {@code e_j = −Σ_i p_ij ln p_ij / ln m} (0·ln 0 =
 *       0), weights proportional to {@code 1 − e_j}. A column of zeros or of equal values carries
 *       no information (weight 0).
 *   <li>CRITIC: {@code C_j = s_j · Σ_k (1 − r_jk)} with the sample standard deviation {@code s_j}
 *       and Pearson's {@code r}; weights proportional to {@code C_j}. A constant column gets 0.
 * </ul>
 *
 * <p>If every column is uninformative the weights are equal. The class is stateless.
 */
public final class ObjectiveWeights {
  private ObjectiveWeights() {}

  private static double[][] complete(double[][] x) {
    return java.util.Arrays.stream(x)
        .filter(r -> java.util.Arrays.stream(r).noneMatch(Double::isNaN))
        .toArray(double[][]::new);
  }

  private static double[] normalise(double[] d) {
    double sum = 0;
    for (double v : d) {
      sum += v;
    }
    double[] w = new double[d.length];
    for (int j = 0; j < d.length; j++) {
      w[j] = sum > 0 ? d[j] / sum : 1.0 / d.length;
    }
    return w;
  }

  /** Entropy weights of the columns of {@code x}. */
  public static double[] entropy(double[][] x) {
    double[][] rows = complete(x);
    int m = rows.length;
    int n = x.length == 0 ? 0 : x[0].length;
    double[] d = new double[n];
    if (m < 2) {
      return normalise(d);
    }
    for (int j = 0; j < n; j++) {
      double sum = 0;
      for (double[] r : rows) {
        sum += r[j];
      }
      if (sum <= 0) {
        continue;
      }
      double h = 0;
      for (double[] r : rows) {
        double p = r[j] / sum;
        if (p > 0) {
          h -= p * Math.log(p);
        }
      }
      d[j] = Math.max(0, 1 - h / Math.log(m));
    }
    return normalise(d);
  }

  /** CRITIC weights of the columns of {@code x}. */
  public static double[] critic(double[][] x) {
    double[][] rows = complete(x);
    int n = x.length == 0 ? 0 : x[0].length;
    double[] c = new double[n];
    if (rows.length < 3) {
      return normalise(c);
    }
    double[] sd = new double[n];
    for (int j = 0; j < n; j++) {
      double mean = 0;
      for (double[] r : rows) {
        mean += r[j];
      }
      mean /= rows.length;
      double ss = 0;
      for (double[] r : rows) {
        ss += (r[j] - mean) * (r[j] - mean);
      }
      sd[j] = Math.sqrt(ss / (rows.length - 1));
    }
    double[][] corr = new PearsonsCorrelation(rows).getCorrelationMatrix().getData();
    for (int j = 0; j < n; j++) {
      if (sd[j] == 0) {
        continue;
      }
      double conflict = 0;
      for (int k = 0; k < n; k++) {
        double r = sd[k] == 0 ? 0 : corr[j][k];
        conflict += 1 - (Double.isNaN(r) ? 0 : r);
      }
      c[j] = sd[j] * conflict;
    }
    return normalise(c);
  }
}
