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

  /**
   * True when a value of this frequency is due in {@code month}: every month (M), at the end of a
   * quarter (Q: March, June, September, December), of a half-year (H: June, December) or of the
   * year (Y: December).
   */
  public boolean dueIn(java.time.YearMonth month) {
    int m = month.getMonthValue();
    return switch (this) {
      case M -> true;
      case Q -> m % 3 == 0;
      case H -> m % 6 == 0;
      case Y -> m == 12;
    };
  }

  /** Months a value stays valid, the reporting month included (1, 3, 6 or 12). */
  public int validMonths() {
    return months;
  }
}
