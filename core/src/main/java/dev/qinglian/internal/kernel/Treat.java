package dev.qinglian.internal.kernel;

import dev.qinglian.model.Outliers;

/**
 * Outlier treatment of one leaf's column before normalisation (see {@link Outliers}): skewness and
 * excess kurtosis are the bias-corrected sample estimators (as commons-math3 computes them).
 */
final class Treat {
  private Treat() {}

  /**
   * Treats {@code x} in place when its distribution is beyond the limits; marks the changed values
   * in {@code flags}. Returns the number of values winsorised (each value once, however often it
   * was capped again), -1 for a log transform (standalone, or the winsorising's fallback), 0 for
   * none.
   */
  static int apply(Outliers o, double[] x, byte[] flags) {
    if (o.kind() == Outliers.Kind.NONE || !beyond(o, x)) {
      return 0;
    }
    if (o.kind() == Outliers.Kind.LOG) {
      double[] m = moments(x);
      double[] r = range(x);
      for (int u = 0; u < x.length; u++) {
        if (!Double.isNaN(x[u])) {
          x[u] = m[1] > 0 ? Math.log(x[u] - r[0] + 1) : -Math.log(r[1] - x[u] + 1);
          flags[u] |= Flags.TRANSFORMED;
        }
      }
      return -1;
    }
    double[] original = o.fallback() == Outliers.Kind.LOG ? x.clone() : null;
    boolean[] capped = new boolean[x.length];
    int count = 0;
    while (count < o.maxPoints() && beyond(o, x)) {
      boolean high = moments(x)[1] > 0;
      double extreme = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      for (double v : x) {
        if (!Double.isNaN(v) && (high ? v > extreme : v < extreme)) {
          extreme = v;
        }
      }
      double next = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      for (double v : x) {
        if (!Double.isNaN(v) && v != extreme && (high ? v > next : v < next)) {
          next = v;
        }
      }
      if (Double.isInfinite(next)) {
        break;
      }
      for (int u = 0; u < x.length; u++) {
        if (x[u] == extreme) {
          x[u] = next;
          if (!capped[u]) { // tied values each count, a value capped again does not
            capped[u] = true;
            count++;
          }
        }
      }
    }
    if (original == null || !beyond(o, x)) {
      for (int u = 0; u < x.length; u++) {
        if (capped[u]) {
          flags[u] |= Flags.WINSORISED;
        }
      }
      return count;
    }
    // still beyond the limits: back to the original values, log-transformed (the reference's
    // formula, not mirrored)
    double[] r = range(original);
    double shift = r[0] - 0.01 * (r[1] - r[0]);
    for (int u = 0; u < x.length; u++) {
      if (!Double.isNaN(original[u])) {
        x[u] = Math.log(original[u] - shift);
        flags[u] |= Flags.TRANSFORMED;
      }
    }
    return -1;
  }

  /** The smallest and largest value (NaN ignored). */
  private static double[] range(double[] x) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return new double[] {min, max};
  }

  private static boolean beyond(Outliers o, double[] x) {
    double[] m = moments(x);
    return Math.abs(m[1]) >= o.skew() && m[2] >= o.kurtosis(); // at or above, as the reference
  }

  /** n, sample skewness, sample excess kurtosis (NaN when undefined). */
  static double[] moments(double[] x) {
    double n = 0;
    double sum = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    double mean = sum / n;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        double d = v - mean;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
      }
    }
    if (n < 4 || m2 == 0) {
      return new double[] {n, Double.NaN, Double.NaN};
    }
    double var = m2 / (n - 1);
    double sd = Math.sqrt(var);
    double skew = n / ((n - 1) * (n - 2)) * (m3 / (sd * sd * sd));
    double kurt =
        n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * (m4 / (var * var))
            - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3));
    return new double[] {n, skew, kurt};
  }
}
