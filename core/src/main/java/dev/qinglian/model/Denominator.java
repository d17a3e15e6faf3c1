package dev.qinglian.model;

/**
 * What a count indicator is divided by before it is normalised: the unit's staff or the population
 * it serves (both from the unit register), multiplied by {@code per} (for example per 100 staff).
 * {@link #NONE} leaves the raw value as reported.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param base what the value is divided by
 * @param per the multiplier (100 for "per 100 staff"); 1 for {@link Base#NONE}
 */
public record Denominator(Base base, double per) {
  /** The denominator of a plain value. */
  public static final Denominator NONE = new Denominator(Base.NONE, 1);

  /** What the raw value is divided by. */
  public enum Base {
    /** No denominator. */
    NONE,
    /** The unit's staff ({@code staff} column of the register). */
    STAFF,
    /** The population the unit serves ({@code served} column). */
    SERVED
  }

  /** Validates the multiplier. */
  public Denominator {
    if (base == null || !(per > 0) || Double.isInfinite(per)) {
      throw new IllegalArgumentException("denominator needs a base and a positive multiplier");
    }
  }
}
