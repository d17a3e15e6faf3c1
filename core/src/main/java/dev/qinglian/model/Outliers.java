package dev.qinglian.model;

/**
 * Outlier treatment of a leaf, applied to the month's values (after denominators) before
 * normalisation when their sample skewness exceeds {@code skew} in absolute value and their excess
 * kurtosis exceeds {@code kurtosis} (the JRC/COINr rule). {@link Kind#WINSORISE} caps the most
 * extreme value (in the direction of the skew) at the next one, again and again up to {@code
 * maxPoints} values, until the distribution is within the limits; {@link Kind#LOG} applies {@code
 * ln(x − min + 1)} (mirrored for a negative skew), which only makes sense with a cross-sectional
 * normalisation (minmax, zscore, rank).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param kind the treatment
 * @param maxPoints most values winsorised
 * @param skew |skewness| limit
 * @param kurtosis excess kurtosis limit
 */
public record Outliers(Kind kind, int maxPoints, double skew, double kurtosis) {
  /** No treatment. */
  public static final Outliers NONE = new Outliers(Kind.NONE, 0, 2, 3.5);

  /** Treatments. */
  public enum Kind {
    /** None. */
    NONE,
    /** Winsorisation of the most extreme values. */
    WINSORISE,
    /** Log transform. */
    LOG
  }

  /** Validates. */
  public Outliers {
    if (kind == null || maxPoints < 0 || !(skew > 0) || !(kurtosis > 0)) {
      throw new IllegalArgumentException("outliers: a kind, max-points >= 0 and positive limits");
    }
  }
}
