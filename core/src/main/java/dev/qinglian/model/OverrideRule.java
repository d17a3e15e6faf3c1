package dev.qinglian.model;

/**
 * A rule that caps a unit's colour when a leaf's raw value (as reported, observed or carried in its
 * validity window, never imputed) crosses a threshold, such as "any referral to judicial organs
 * caps the unit at orange" (一票否决-style). A cap only makes a colour worse.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id stable id of the rule
 * @param names the reason shown to users
 * @param indicator id of the leaf whose raw value is tested
 * @param comparison how the raw value is compared with the threshold
 * @param threshold the threshold
 * @param cap id of the best band a unit can have when the rule fires
 */
public record OverrideRule(
    String id, Names names, String indicator, Comparison comparison, double threshold, String cap) {

  /** A comparison of the raw value with the threshold. */
  public enum Comparison {
    /** value &gt; threshold ({@code above}). */
    ABOVE("above"),
    /** value ≥ threshold ({@code at-least}). */
    AT_LEAST("at-least"),
    /** value &lt; threshold ({@code below}). */
    BELOW("below"),
    /** value ≤ threshold ({@code at-most}). */
    AT_MOST("at-most");

    private final String key;

    Comparison(String key) {
      this.key = key;
    }

    /** The YAML key of the comparison. */
    public String key() {
      return key;
    }

    /** True when {@code value} satisfies the comparison; false for NaN. */
    public boolean test(double value, double threshold) {
      return switch (this) {
        case ABOVE -> value > threshold;
        case AT_LEAST -> value >= threshold;
        case BELOW -> value < threshold;
        case AT_MOST -> value <= threshold;
      };
    }
  }

  /** Validates the rule. */
  public OverrideRule {
    if (id == null || names == null || indicator == null || comparison == null || cap == null) {
      throw new IllegalArgumentException("override rule fields are required");
    }
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("override threshold must be finite");
    }
  }
}
