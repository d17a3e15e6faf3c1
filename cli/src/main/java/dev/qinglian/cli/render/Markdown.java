package dev.qinglian.cli.render;

/** Markdown escaping and colour marks. */
public final class Markdown {
  private Markdown() {}

  /** Escapes HTML and the Markdown characters that could break a table or inject markup. */
  public static String escape(String s) {
    int first = 0;
    while (first < s.length() && escaped(s.charAt(first)) == null) {
      first++;
    }
    if (first == s.length()) {
      return s; // most texts: nothing to escape (a notice's 20 texts, 91,647 notices)
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
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
