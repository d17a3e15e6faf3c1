package dev.qinglian.io;

/**
 * The one rule for a text cell of any CSV qinglian writes (rankings, trend tables, templates, the
 * warning register): a cell starting with {@code = + - @}, a tab or a carriage return gets a
 * leading apostrophe, so that a spreadsheet program shows it as text instead of running it as a
 * formula (OWASP, "CSV injection"); {@link #restore} takes it off again when qinglian reads its own
 * file back. Quoting is the CSV writer's business, not this rule's.
 *
 * <p>Stateless; thread-safe.
 */
public final class CsvCells {
  private CsvCells() {}

  private static final String RISKY = "=+-@\t\r";

  /** The text as a harmless cell. */
  public static String neutral(String s) {
    return !s.isEmpty() && RISKY.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
  }

  /** A cell written by {@link #neutral} back to its text. */
  public static String restore(String s) {
    return s.length() > 1 && s.charAt(0) == '\'' && RISKY.indexOf(s.charAt(1)) >= 0
        ? s.substring(1)
        : s;
  }
}
