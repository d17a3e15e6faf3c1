package dev.qinglian.cli.render;

/** Markdown escaping and colour marks. */
public final class Markdown {
  private Markdown() {}

  /** Escapes HTML and the Markdown characters that could break a table or inject markup. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      String e = escaped(c);
      if (e == null) {
        sb.append(c);
      } else {
        sb.append(e);
      }
    }
    return sb.toString();
  }

  /** What {@link #escape} writes for {@code c}, or null when it writes {@code c} itself. */
  static String escaped(char c) {
    return switch (c) {
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '&' -> "&amp;";
      case '|', '\\', '`', '*', '_', '[', ']' -> "\\" + c;
      // a line break in a name would end a table row: a <br> keeps the row and shows the break
      case '\n' -> "<br>";
      case '\r' -> "";
      default -> null;
    };
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
