package dev.qinglian.model;

/**
 * How a node combines its children's scores (weights re-normalised over the children that have a
 * score).
 */
public enum Aggregation {
  /** Weighted arithmetic mean: full compensability. */
  ARITHMETIC,
  /**
   * Weighted geometric mean, {@code exp(Σ w·ln s)}: partial compensability; any child scoring 0
   * makes the node 0.
   */
  GEOMETRIC;

  /** The YAML spelling. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
