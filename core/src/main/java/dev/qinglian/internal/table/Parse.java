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

  // The fast reader's subset of the rules above, on bytes: what it cannot decide (-1, NaN) goes
  // to the general rule, so that each cell has one definition.

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /** {@code YYYY-MM} to a month key, -1 for anything else (left to the general parser). */
  public static int period(byte[] b, int from, int to) {
    if (to - from != 7 || b[from + 4] != '-') {
      return -1;
    }
    int y = 0;
    for (int i = from; i < from + 4; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      y = y * 10 + d;
    }
    int m1 = b[from + 5] - '0';
    int m2 = b[from + 6] - '0';
    if (m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9) {
      return -1;
    }
    int m = m1 * 10 + m2;
    if (m < 1 || m > 12 || y < 1900 || y > 2999) {
      return -1;
    }
    return y * 12 + m - 1;
  }

  /**
   * A plain decimal ({@code -12.5}) with at most 15 significant digits, exactly as {@link
   * Double#parseDouble} would give it (an exact integer mantissa divided by an exact power of ten
   * is correctly rounded); NaN for anything else, which the general parser then handles.
   */
  public static double number(byte[] b, int from, int to) {
    int i = from;
    boolean neg = false;
    if (i < to && b[i] == '-') {
      neg = true;
      i++;
    }
    int start = i;
    long mant = 0;
    int d;
    while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
      mant = mant * 10 + d;
      i++;
    }
    int intDigits = i - start;
    int scale = 0;
    if (i < to && b[i] == '.') {
      int fraction = ++i;
      while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
        mant = mant * 10 + d;
        i++;
      }
      scale = i - fraction;
    }
    if (i != to || intDigits + scale == 0) {
      return Double.NaN; // not a plain decimal, or no digit at all ("", "-", ".")
    }
    if (intDigits + scale > 15 && significant(b, start, to) > 15) {
      return Double.NaN; // the mantissa would not be exact: Double.parseDouble decides
    }
    if (scale >= POW10.length) {
      return Double.NaN;
    }
    double v = scale == 0 ? (double) mant : mant / POW10[scale];
    return neg ? -v : v;
  }

  /** Digits of a plain decimal without its leading zeros. */
  private static int significant(byte[] b, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (b[i] != '.' && (n > 0 || b[i] != '0')) {
        n++;
      }
    }
    return n;
  }
}
