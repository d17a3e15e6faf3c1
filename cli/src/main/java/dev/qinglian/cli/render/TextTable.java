package dev.qinglian.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A text table aligned by display width (Chinese characters count two columns). A cell may carry a
 * background colour, applied after padding so alignment is unaffected.
 */
public final class TextTable {
  private final List<String> headers;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String[]> colours = new ArrayList<>();
  private final boolean[] hidden;

  /** A table with these headers; {@code right[i]} right-aligns column i (numbers). */
  public TextTable(List<String> headers, boolean[] right) {
    this.headers = List.copyOf(headers);
    this.right = right.clone();
    this.hidden = new boolean[headers.size()];
  }

  /**
   * Leaves columns out of the rendered table (a colour column under a model without bands): the
   * rows keep their cells, the text shows the others.
   */
  public TextTable hide(int... columns) {
    for (int c : columns) {
      hidden[c] = true;
    }
    return this;
  }

  /** Adds a row; {@code colour[i]} is a {@code #rrggbb} background for cell i, or null. */
  public void add(String[] cells, String[] colour) {
    rows.add(cells.clone());
    colours.add(colour == null ? new String[cells.length] : colour.clone());
  }

  /** Renders with two spaces between columns; colours only when {@code ansi}. */
  public String render(boolean ansi) {
    int n = headers.size();
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = Text.width(headers.get(i));
    }
    for (String[] r : rows) {
      for (int i = 0; i < n; i++) {
        w[i] = Math.max(w[i], Text.width(r[i]));
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, headers.toArray(new String[0]), new String[n], w, false);
    int total = 0;
    int shown = 0;
    for (int i = 0; i < n; i++) {
      if (!hidden[i]) {
        total += w[i];
        shown++;
      }
    }
    sb.append("─".repeat(total + 2 * (shown - 1))).append('\n');
    for (int k = 0; k < rows.size(); k++) {
      line(sb, rows.get(k), colours.get(k), w, ansi);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, String[] cells, String[] colour, int[] w, boolean ansi) {
    StringBuilder line = new StringBuilder();
    boolean first = true;
    for (int i = 0; i < cells.length; i++) {
      if (hidden[i]) {
        continue;
      }
      if (!first) {
        line.append("  ");
      }
      first = false;
      String padded = right[i] ? Text.padLeft(cells[i], w[i]) : Text.padRight(cells[i], w[i]);
      line.append(ansi && colour[i] != null ? Ansi.cell(colour[i], padded) : padded);
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }
}
