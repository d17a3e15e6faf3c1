package dev.qinglian.internal;

/**
 * The one rule for an id (a node, band or rule of the model, a unit of the register): no control
 * characters (a line break, a tab, NUL) and no invisible formatting characters (U+200B zero width
 * space, U+202E right-to-left override, U+FEFF…), which would make two ids look alike on screen and
 * in print, or reorder a file name.
 */
public final class Ids {
  private Ids() {}

  /** The first offending character of {@code id} as {@code U+XXXX}, or null when it is clean. */
  public static String problem(String id) {
    for (int i = 0; i < id.length(); ) {
      int cp = id.codePointAt(i);
      int type = Character.getType(cp);
      if (Character.isISOControl(cp)
          || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        return String.format(java.util.Locale.ROOT, "U+%04X", cp);
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /** True when every character of the id is printable ASCII (the common case, checked fast). */
  public static boolean plainAscii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0x20 || b[i] == 0x7F) { // negative: a non-ASCII byte
        return false;
      }
    }
    return true;
  }
}
