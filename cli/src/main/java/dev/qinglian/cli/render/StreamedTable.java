package dev.qinglian.cli.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Rows of a table streamed as aligned text (as {@link TextTable} aligns them: two spaces between
 * columns, Chinese characters two columns wide, colours inside the padding, trailing spaces
 * dropped) or as Markdown rows: chunks of rows formatted to UTF-8 on all cores and written in order
 * ({@link Utf8Rows}), the text's column widths measured first in a pass of their own.
 */
final class StreamedTable {
  /** Rows {@code from..to} of a table, their values gathered. */
  interface Chunk {
    /** The rows of the chunk. */
    int size();

    /** Cell {@code c} of row {@code i}, unpadded (escaped when the table is Markdown). */
    void cell(int i, int c, Utf8Rows out);

    /** The background ({@code #rrggbb}) of cell {@code c} of row {@code i}, or null. */
    String colour(int i, int c);
  }

  /** Gathers rows {@code from..to}. */
  @FunctionalInterface
  interface Chunks {
    /** The chunk of rows {@code from..to}. */
    Chunk of(int from, int to);
  }

  private final int rows;
  private final int columns;
  private final Chunks chunks;

  /** A table of {@code rows} rows of {@code columns} cells. */
  StreamedTable(int rows, int columns, Chunks chunks) {
    this.rows = rows;
    this.columns = columns;
    this.chunks = chunks;
  }

  /** The widths of the columns: the widest cell of each, the header's included. */
  int[] widths(List<String> headers) {
    int n = (rows + Utf8Rows.CHUNK - 1) / Utf8Rows.CHUNK;
    int[] w =
        IntStream.range(0, n)
            .parallel()
            .mapToObj(k -> widths(k * Utf8Rows.CHUNK, Math.min(rows, (k + 1) * Utf8Rows.CHUNK)))
            .reduce(new int[columns], StreamedTable::max);
    for (int c = 0; c < w.length; c++) {
      w[c] = Math.max(w[c], Text.width(headers.get(c)));
    }
    return w;
  }

  private int[] widths(int from, int to) {
    Chunk chunk = chunks.of(from, to);
    Utf8Rows cell = Utf8Rows.scratch(Numbers.room(1) + 64);
    int[] w = new int[columns];
    for (int i = 0; i < chunk.size(); i++) {
      for (int c = 0; c < columns; c++) {
        cell.clear();
        chunk.cell(i, c, cell);
        w[c] = Math.max(w[c], cell.width());
      }
    }
    return w;
  }

  private static int[] max(int[] a, int[] b) {
    int[] m = new int[a.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = Math.max(a[i], b[i]);
    }
    return m;
  }

  /** The header line of the aligned text, and the rule under it. */
  static String header(List<String> headers, int[] widths, boolean[] right) {
    StringBuilder line = new StringBuilder();
    int total = 0;
    for (int c = 0; c < widths.length; c++) {
      String h = headers.get(c);
      line.append(c > 0 ? "  " : "")
          .append(right[c] ? Text.padLeft(h, widths[c]) : Text.padRight(h, widths[c]));
      total += widths[c];
    }
    return line.toString().stripTrailing()
        + "\n"
        + "─".repeat(total + 2 * (widths.length - 1))
        + "\n";
  }

  /**
   * The rows as aligned text: each cell padded to {@code widths} (on the left where {@code right}),
   * coloured when {@code ansi}.
   */
  void text(OutputStream o, int[] widths, boolean[] right, boolean ansi) throws IOException {
    Utf8Rows.write(
        o,
        rows,
        (from, to, spare) -> {
          Chunk chunk = chunks.of(from, to);
          Utf8Rows out = spare.rows((to - from) * 128);
          Utf8Rows cell = Utf8Rows.scratch(Numbers.room(1) + 64);
          Map<String, byte[]> starts = new HashMap<>();
          for (int i = 0; i < chunk.size(); i++) {
            for (int c = 0; c < columns; c++) {
              if (c > 0) {
                out.append("  ");
              }
              cell.clear();
              chunk.cell(i, c, cell);
              int pad = widths[c] - cell.width();
              String colour = ansi ? chunk.colour(i, c) : null;
              if (colour != null) {
                out.bytes(
                    starts.computeIfAbsent(
                        colour, k -> Ansi.start(k).getBytes(StandardCharsets.UTF_8)));
              }
              if (right[c]) {
                out.spaces(pad);
              }
              out.copy(cell);
              if (!right[c]) {
                out.spaces(pad);
              }
              if (colour != null) {
                out.append(Ansi.RESET);
              }
            }
            out.stripSpaces();
            out.newline();
          }
          return out;
        });
  }

  /** The rows as Markdown: {@code | a | b |}. */
  void markdown(OutputStream o) throws IOException {
    Utf8Rows.write(
        o,
        rows,
        (from, to, spare) -> {
          Chunk chunk = chunks.of(from, to);
          Utf8Rows out = spare.rows((to - from) * 128);
          for (int i = 0; i < chunk.size(); i++) {
            out.append("| ");
            for (int c = 0; c < columns; c++) {
              if (c > 0) {
                out.append(" | ");
              }
              chunk.cell(i, c, out);
            }
            out.append(" |");
            out.newline();
          }
          return out;
        });
  }
}
