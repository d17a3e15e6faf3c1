package dev.qinglian.model;

/** Whether a higher raw value of an indicator is better ({@code +}) or worse ({@code -}). */
public enum Direction {
  /** Higher is better ({@code +}). */
  HIGHER,
  /** Lower is better ({@code -}). */
  LOWER;

  /** {@code +} or {@code -}. */
  public String symbol() {
    return this == HIGHER ? "+" : "-";
  }
}
