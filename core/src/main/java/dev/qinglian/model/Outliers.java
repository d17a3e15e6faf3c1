package dev.qinglian.model;

/**
 * Outlier treatment of a leaf, applied to the month's values (after denominators and imputation)
 * before normalisation when their sample skewness reaches {@code skew} in absolute value and their
 * excess kurtosis reaches {@code kurtosis} (at or above: the JRC/COINr rule). {@link
 * Kind#WINSORISE} caps the most extreme value (in the direction of the skew; tied values together,
 * each counted) at the next one, round after round while the distribution is beyond the limits and
 * fewer than {@code maxPoints} values have been capped. If it is still beyond the limits then and
 * the {@code fallback} is {@link Kind#LOG}, the winsorising is discarded and the original values
 * are log-transformed instead by the reference's formula {@code ln(x − min + 0.01·(max − min))}.
 * The standalone {@link Kind#LOG} treatment applies {@code ln(x − min + 1)} (mirrored, {@code
 * −ln(max − x + 1)}, for a negative skew). A log transform only makes sense with a cross-sectional
 * normalisation (minmax, zscore, rank).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param kind the treatment
 * @param maxPoints most values winsorised
 * @param skew |skewness| limit
 * @param kurtosis excess kurtosis limit
 * @param fallback after winsorising: {@link Kind#LOG} or {@link Kind#NONE}
 */
public record Outliers(Kind kind, int maxPoints, double skew, double kurtosis, Kind fallback) {
  /** A treatment without fallback. */
  public Outliers(Kind kind, int maxPoints, double skew, double kurtosis) {
    this(kind, maxPoints, skew, kurtosis, Kind.NONE);
  }

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
    if (kind == null
        || maxPoints < 0
        || !(skew > 0)
        || !(kurtosis > 0)
        || fallback == null
        || fallback == Kind.WINSORISE) {
      throw new IllegalArgumentException("outliers: a kind, max-points >= 0 and positive limits");
    }
  }
}
