package dev.qinglian.model;

/**
 * What happens to a leaf whose value is missing beyond its validity window, and when a unit has too
 * little data to be classified.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param kind the policy
 * @param maxMonths for {@link Kind#LAST_VALUE}: how many months past the validity window the last
 *     value may still be carried
 * @param minCoverage share of the index weight (0–1) that must rest on reported or carried values;
 *     below it the unit is classified {@link Band#INSUFFICIENT}
 * @param groupBy for {@link Kind#GROUP_MEAN}: the register column whose values form the groups
 *     ({@code type} by default, or any extra column of {@code units.csv})
 */
public record MissingPolicy(Kind kind, int maxMonths, double minCoverage, String groupBy) {
  /** A policy grouping by {@code type}. */
  public MissingPolicy(Kind kind, int maxMonths, double minCoverage) {
    this(kind, maxMonths, minCoverage, "type");
  }

  /** The policies. */
  public enum Kind {
    /** Drop the leaf and re-normalise the weights of its siblings (default). */
    EXCLUDE("exclude"),
    /** Impute the month's mean over the units of the same group ({@code group-by}, the type). */
    GROUP_MEAN("group-mean"),
    /** Impute the month's mean over all units with a value. */
    MEAN("mean"),
    /** Carry the last value further, up to {@code maxMonths} past the window. */
    LAST_VALUE("last-value");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** The YAML spelling. */
    public String key() {
      return key;
    }
  }

  /** Validates the policy. */
  public MissingPolicy {
    if (kind == null
        || maxMonths < 0
        || !(minCoverage >= 0 && minCoverage <= 1)
        || groupBy == null
        || groupBy.isBlank()) {
      throw new IllegalArgumentException(
          "missing policy: kind, max-months >= 0, coverage in [0,1], a group-by column");
    }
  }
}
