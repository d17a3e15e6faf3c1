package dev.qinglian.cli.render;

/** Markdown escaping and colour marks. */
public final class Markdown {
  private Markdown() {}

  /** Escapes HTML and the Markdown characters that could break a table or inject markup. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '|', '\\', '`', '*', '_', '[', ']' -> sb.append('\\').append(c);
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A coloured circle for the default band ids; a white one otherwise. */
  public static String dot(String band) {
    return switch (band) {
      case "green" -> "🟢";
      case "yellow" -> "🟡";
      case "orange" -> "🟠";
      case "red" -> "🔴";
      default -> "⚪";
    };
  }
}
