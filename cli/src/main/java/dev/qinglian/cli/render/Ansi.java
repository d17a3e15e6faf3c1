package dev.qinglian.cli.render;

/** ANSI colour cells (24-bit background, black or white text by contrast). */
public final class Ansi {
  private Ansi() {}

  /** {@code text} on the background {@code #rrggbb}. */
  public static String cell(String hex, String text) {
    return start(hex) + text + RESET;
  }

  /** The start of a cell on the background {@code #rrggbb} (black or white text by contrast). */
  public static String start(String hex) {
    int r = Integer.parseInt(hex.substring(1, 3), 16);
    int g = Integer.parseInt(hex.substring(3, 5), 16);
    int b = Integer.parseInt(hex.substring(5, 7), 16);
    // relative luminance (ITU-R BT.601 weights): dark backgrounds get white text
    boolean dark = 0.299 * r + 0.587 * g + 0.114 * b < 150;
    return "\u001b[48;2;" + r + ";" + g + ";" + b + "m" + (dark ? "\u001b[97m" : "\u001b[30m");
  }

  /** The end of a coloured cell. */
  public static final String RESET = "\u001b[0m";

  /** Bold text. */
  public static String bold(String text) {
    return "\u001b[1m" + text + RESET;
  }
}
