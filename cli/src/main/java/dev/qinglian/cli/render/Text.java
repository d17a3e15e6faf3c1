package dev.qinglian.cli.render;

/** Display width of text in a terminal: East Asian wide and full-width characters count 2. */
public final class Text {
  private Text() {}

  /** Columns the text occupies in a monospace terminal. */
  public static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += width(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  /** Columns code point {@code cp} occupies: 2 wide, 0 control or combining, else 1. */
  static int width(int cp) {
    return wide(cp)
        ? 2
        : (cp < 0x20 || Character.getType(cp) == Character.NON_SPACING_MARK ? 0 : 1);
  }

  /** True for East Asian Wide (W) and Fullwidth (F) code points, and emoji. */
  static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0x303E)
        || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F7E0 && cp <= 0x1F7EB)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  /** Pads with spaces on the right to {@code width} columns. */
  public static String padRight(String s, int width) {
    return s + " ".repeat(Math.max(0, width - width(s)));
  }

  /** Pads with spaces on the left to {@code width} columns. */
  public static String padLeft(String s, int width) {
    return " ".repeat(Math.max(0, width - width(s))) + s;
  }
}
