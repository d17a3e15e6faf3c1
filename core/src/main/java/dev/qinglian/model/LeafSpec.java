package dev.qinglian.model;

/**
 * What a leaf indicator measures and how it is scored.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param direction whether higher or lower raw values are better
 * @param unit unit of the raw value as reported ({@code %}, {@code count}, {@code score}…)
 * @param denominator what the raw value is divided by before normalisation
 * @param frequency how often it is reported (validity window of a value)
 * @param source id of the source department whose file carries it, or empty
 * @param normalisation how raw values become scores
 * @param rangeMin smallest plausible reported value (inclusive), or -∞
 * @param rangeMax largest plausible reported value (inclusive), or +∞
 * @param outliers outlier treatment before normalisation (null: none)
 */
public record LeafSpec(
    Direction direction,
    String unit,
    Denominator denominator,
    Frequency frequency,
    String source,
    Normalisation normalisation,
    double rangeMin,
    double rangeMax,
    Outliers outliers) {
  /** Validates the leaf. */
  public LeafSpec {
    outliers = outliers == null ? Outliers.NONE : outliers;
    if (direction == null || denominator == null || frequency == null || normalisation == null) {
      throw new IllegalArgumentException(
          "direction, denominator, frequency, normalisation required");
    }
    unit = unit == null ? "" : unit;
    source = source == null ? "" : source;
    if (Double.isNaN(rangeMin) || Double.isNaN(rangeMax) || rangeMin > rangeMax) {
      throw new IllegalArgumentException("range must satisfy min <= max");
    }
  }

  /** The same leaf scored by another method. */
  public LeafSpec withNormalisation(Normalisation method) {
    return new LeafSpec(
        direction, unit, denominator, frequency, source, method, rangeMin, rangeMax, outliers);
  }

  /** True when {@code value} lies in the plausible range. */
  public boolean plausible(double value) {
    return value >= rangeMin && value <= rangeMax;
  }
}
