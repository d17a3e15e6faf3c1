package dev.qinglian.internal.kernel;

/**
 * The one definition of how an inner node aggregates its children and how an index is classified:
 * the evaluator's {@link Kernel}, {@code Sensitivity}'s re-aggregation of every sample and the
 * model's {@code classify} all call these, so that a sample with the model's own weights and
 * aggregation gives the evaluator's index bit for bit.
 *
 * <p><b>Aggregation.</b> A node's score is the weighted mean of its children that have a score, the
 * weights re-normalised over those children: arithmetic {@code Σ w·s / Σ w}, or geometric relative
 * to 100, {@code 100·exp(Σ w·ln(s/100) / Σ w)}, so that all-100 children give exactly 100. NaN when
 * no child has a score. Under a geometric node with a floor, a child score below the floor counts
 * as the floor; without one, a zero score makes the mean 0 (ln 0 = −∞), which the evaluator refuses
 * ({@link Kernel} records it, the evaluator reports it).
 *
 * <p><b>Classification.</b> The first band (best first) whose lower bound the unrounded index
 * reaches; the last band catches everything below.
 *
 * <p>Stateless; thread-safe.
 */
public final class NodeRules {
  private NodeRules() {}

  /** A score as the geometric mean sums it: {@code ln(s/100)}. */
  public static double logScore(double s) {
    return Math.log(s / 100);
  }

  /** {@link #logScore} of a score raised to {@code floor} when below it (NaN: no floor). */
  public static double logScore(double s, double floor) {
    return logScore(s < floor ? floor : s);
  }

  /** A score from the weighted mean of its children's {@link #logScore}s. */
  public static double fromLog(double meanLog) {
    return 100 * Math.exp(meanLog);
  }

  /**
   * Adds one child's weighted scores of units {@code from..to} to a node's sums: {@code num[u -
   * numOff] += w·t(s[u - sOff])} and {@code den[u - denOff] += w} where the child has a score, with
   * {@code t} the identity or, when {@code log}, {@link #logScore(double, double)} with {@code
   * floor} (NaN: none).
   */
  public static void addChild(
      double[] s,
      int sOff,
      double w,
      boolean log,
      double floor,
      double[] num,
      int numOff,
      double[] den,
      int denOff,
      int from,
      int to) {
    if (log) {
      for (int u = from; u < to; u++) {
        double v = s[u - sOff];
        if (!Double.isNaN(v)) {
          num[u - numOff] += w * logScore(v, floor);
          den[u - denOff] += w;
        }
      }
      return;
    }
    // the arithmetic case without the test of log in the loop (the quick compiler the command
    // line uses for small inputs does not move it out: the demo's Monte Carlo took 30 % longer)
    for (int u = from; u < to; u++) {
      double v = s[u - sOff];
      if (v == v) {
        num[u - numOff] += w * v;
        den[u - denOff] += w;
      }
    }
  }

  /**
   * Turns a node's sums into its score in place: {@code num[u - numOff]} becomes NaN where {@code
   * den} is 0, else {@code num/den} (arithmetic) or {@code fromLog(num/den)} (geometric, when
   * {@code geometric}). Summed over {@link #logScore}s with {@code geometric} false, the result is
   * the mean of the logarithms, which a geometric parent can sum as it is.
   */
  public static void finish(
      double[] num, int numOff, double[] den, int denOff, boolean geometric, int from, int to) {
    if (geometric) {
      for (int u = from; u < to; u++) {
        double d = den[u - denOff];
        num[u - numOff] = d == 0 ? Double.NaN : fromLog(num[u - numOff] / d);
      }
      return;
    }
    for (int u = from; u < to; u++) {
      double d = den[u - denOff];
      num[u - numOff] = d == 0 ? Double.NaN : num[u - numOff] / d;
    }
  }

  /**
   * The band position of an index: the first of {@code bandMin} (best first) the index reaches, the
   * last when it reaches none; -1 for NaN.
   */
  public static int band(double index, double[] bandMin) {
    if (Double.isNaN(index)) {
      return -1;
    }
    for (int k = 0; k < bandMin.length; k++) {
      if (index >= bandMin[k]) {
        return k;
      }
    }
    return Math.max(0, bandMin.length - 1); // no bands: 0, ranked without a colour
  }

  /** The colour after an override cap: the worse of the two positions (-1: no colour, no cap). */
  public static int capped(int band, int cap) {
    return band >= 0 && cap > band ? cap : band;
  }
}
