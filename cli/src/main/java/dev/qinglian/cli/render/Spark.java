package dev.qinglian.cli.render;

/** Sparklines: one block character per value, scaled between the row's minimum and maximum. */
public final class Spark {
  private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

  private Spark() {}

  /** A sparkline of {@code values}; a space for NaN; all equal values give the middle bar. */
  public static String line(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    StringBuilder sb = new StringBuilder(values.length);
    for (double v : values) {
      if (Double.isNaN(v)) {
        sb.append(' ');
      } else if (max == min) {
        sb.append(BARS[3]);
      } else {
        sb.append(BARS[(int) Math.min(7, Math.floor((v - min) / (max - min) * 8))]);
      }
    }
    return sb.toString();
  }
}
