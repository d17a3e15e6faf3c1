package dev.qinglian.internal.table;

/** Parsing of numbers and periods as departments write them. */
public final class Parse {
  /** Returned by {@link #number} for a value that is not a number. */
  public static final double MALFORMED = Double.longBitsToDouble(0x7ff8dead00000000L);

  private Parse() {}

  /** True when {@code v} is the {@link #MALFORMED} marker (NaN compares false). */
  public static boolean malformed(double v) {
    return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(MALFORMED);
  }

  /**
   * Parses a number: blanks give NaN (missing); {@code 95%} gives 95; thousands separators ({@code
   * 1,234.5}) and full-width digits are understood; anything else gives {@link #MALFORMED}.
   */
  public static double number(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    StringBuilder sb = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        if (sb == null) {
          sb = new StringBuilder(s);
        }
        sb.setCharAt(i, (char) (c - 0xFEE0));
      }
    }
    if (sb != null) {
      s = sb.toString().strip();
    }
    if (s.endsWith("%")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    if (s.indexOf(',') >= 0) {
      if (!thousands(s)) {
        return MALFORMED;
      }
      s = s.replace(",", "");
    }
    if (!plainNumber(s)) {
      return MALFORMED;
    }
    return Double.parseDouble(s);
  }

  private static boolean thousands(String s) {
    int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    int dot = s.indexOf('.');
    String intPart = dot < 0 ? s.substring(start) : s.substring(start, dot);
    String[] groups = intPart.split(",", -1);
    if (groups[0].isEmpty() || groups[0].length() > 3) {
      return false;
    }
    for (int i = 1; i < groups.length; i++) {
      if (groups[i].length() != 3) {
        return false;
      }
    }
    return dot < 0 || s.indexOf(',', dot) < 0;
  }

  /** Digits with optional sign, one decimal point and exponent; no NaN, Infinity or hex. */
  private static boolean plainNumber(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    boolean dot = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }

  /**
   * Parses a period to a month key {@code year·12 + month − 1}: {@code 2026-10}, {@code 2026/10},
   * {@code 202610}, {@code 2026-10-01} (a date from a spreadsheet) and {@code 2026年10月} are
   * understood; -1 for anything else.
   */
  public static int period(String text) {
    String s = text.strip();
    int year;
    int month;
    if (s.matches("\\d{4}[-/.]\\d{1,2}")) {
      year = Integer.parseInt(s.substring(0, 4));
      month = Integer.parseInt(s.substring(5));
    } else if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      year = Integer.parseInt(s.substring(0, 4));
      month = Integer.parseInt(s.substring(5, 7));
    } else if (s.matches("\\d{6}")) {
      year = Integer.parseInt(s.substring(0, 4));
      month = Integer.parseInt(s.substring(4));
    } else if (s.matches("\\d{4}年\\d{1,2}月")) {
      year = Integer.parseInt(s.substring(0, 4));
      month = Integer.parseInt(s.substring(5, s.length() - 1));
    } else {
      return -1;
    }
    if (month < 1 || month > 12 || year < 1900 || year > 2999) {
      return -1;
    }
    return year * 12 + month - 1;
  }
}
