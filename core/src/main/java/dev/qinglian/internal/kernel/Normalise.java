package dev.qinglian.internal.kernel;

import dev.qinglian.model.Direction;
import dev.qinglian.model.Normalisation;
import java.util.Arrays;

/**
 * Column-wise normalisation of one leaf: effective raw values in, scores in [0, 100] out, NaN where
 * the value is missing. See {@link Normalisation} for the formulas and the edge cases.
 */
public final class Normalise {
  private Normalise() {}

  /** Normalises {@code x} into {@code out} (same length; may not alias). */
  public static void column(Normalisation method, Direction direction, double[] x, double[] out) {
    if (method instanceof Normalisation.Goalposts g) {
      goalposts(g.worst(), g.best(), x, out);
    } else if (method instanceof Normalisation.MinMax m) {
      minmax(direction, m.min(), m.max(), x, out);
    } else if (method instanceof Normalisation.ZScore z) {
      zscore(z.mean(), z.sd(), direction, x, out);
    } else if (method instanceof Normalisation.Rank) {
      rank(direction, x, out);
    } else if (method instanceof Normalisation.Deduction d) {
      deduction(d.points(), x, out);
    } else {
      throw new IllegalArgumentException("unknown normalisation " + method);
    }
  }

  static double clip(double s) {
    return s < 0 ? 0 : (s > 100 ? 100 : s);
  }

  static void goalposts(double worst, double best, double[] x, double[] out) {
    double span = best - worst;
    for (int u = 0; u < x.length; u++) {
      out[u] = goalpost(x[u], worst, span);
    }
  }

  /** One value between goalposts ({@code span = best - worst}); NaN stays NaN. */
  static double goalpost(double x, double worst, double span) {
    return clip(100 * (x - worst) / span);
  }

  /** One value by deduction; NaN stays NaN. */
  static double deduct(double x, double points) {
    double s = 100 - points * x;
    return Double.isNaN(s) ? Double.NaN : (s < 0 ? 0 : (s > 100 ? 100 : s));
  }

  static void minmax(Direction direction, double lo, double hi, double[] x, double[] out) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    }
    double span = max - min;
    boolean higher = direction == Direction.HIGHER;
    for (int u = 0; u < x.length; u++) {
      double v = x[u];
      if (Double.isNaN(v)) {
        out[u] = Double.NaN;
      } else if (span == 0) {
        out[u] = hi;
      } else { // lo + (hi - lo)·t: for [0, 100] exactly the former 100·(v − min)/span
        out[u] = lo + (higher ? (hi - lo) * (v - min) / span : (hi - lo) * (max - v) / span);
      }
    }
  }

  static void zscore(double mean, double sd, Direction direction, double[] x, double[] out) {
    int n = 0;
    double sum = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    double mu = n == 0 ? 0 : sum / n;
    double ss = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        ss += (v - mu) * (v - mu);
      }
    }
    double s = n < 2 ? 0 : Math.sqrt(ss / (n - 1));
    double sign = direction == Direction.HIGHER ? 1 : -1;
    for (int u = 0; u < x.length; u++) {
      double v = x[u];
      if (Double.isNaN(v)) {
        out[u] = Double.NaN;
      } else if (s == 0) {
        out[u] = mean;
      } else {
        out[u] = clip(mean + sd * sign * (v - mu) / s);
      }
    }
  }

  static void rank(Direction direction, double[] x, double[] out) {
    int n = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    // Sort (goodness, unit) pairs: goodness = x for "higher", -x for "lower".
    long[] order = new long[n];
    double[] good = new double[n];
    int k = 0;
    for (int u = 0; u < x.length; u++) {
      if (!Double.isNaN(x[u])) {
        good[k] = direction == Direction.HIGHER ? x[u] : -x[u];
        order[k] = u;
        k++;
      }
    }
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(good[a], good[b]));
    Arrays.fill(out, Double.NaN);
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && good[idx[j + 1]] == good[idx[i]]) {
        j++;
      }
      double meanRank = (i + j) / 2.0 + 1; // 1-based mean rank of the tie group
      double score = n == 1 ? 100 : 100 * (meanRank - 1) / (n - 1);
      for (int t = i; t <= j; t++) {
        out[(int) order[idx[t]]] = score;
      }
      i = j + 1;
    }
  }

  static void deduction(double points, double[] x, double[] out) {
    for (int u = 0; u < x.length; u++) {
      out[u] = deduct(x[u], points);
    }
  }
}
