package dev.qinglian.cli.render;

/** CSV cells: quoted when needed, and neutralised against formula injection. */
public final class Csv {
  private Csv() {}

  /**
   * A text cell: neutralised against formula injection ({@link dev.qinglian.io.CsvCells}), and
   * quoted when it holds a comma, quote or line break.
   */
  public static String text(String s) {
    String v = dev.qinglian.io.CsvCells.neutral(s);
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
