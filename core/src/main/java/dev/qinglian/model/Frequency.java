package dev.qinglian.model;

/**
 * How often a source department reports an indicator, and so how many months a reported value stays
 * valid (the month of the report included).
 */
public enum Frequency {
  /** Monthly: valid in its month only. */
  M(1),
  /** Quarterly: valid for 3 months. */
  Q(3),
  /** Half-yearly: valid for 6 months. */
  H(6),
  /** Yearly: valid for 12 months. */
  Y(12);

  private final int months;

  Frequency(int months) {
    this.months = months;
  }

  /** Months a value stays valid, the reporting month included (1, 3, 6 or 12). */
  public int validMonths() {
    return months;
  }
}
