package dev.qinglian.cli.render;

/** CSV cells: quoted when needed, and neutralised against formula injection. */
public final class Csv {
  private Csv() {}

  /**
   * A text cell: a leading {@code = + - @} (or tab, carriage return) is prefixed with an apostrophe
   * so that spreadsheet programs show it as text instead of running it (OWASP "CSV injection"); the
   * cell is quoted when it holds a comma, quote or line break.
   */
  public static String text(String s) {
    String v = s;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
