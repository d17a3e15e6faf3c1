package dev.qinglian.cli.render;

import dev.qinglian.data.UnitRegister;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.internal.RegisterAccess;
import dev.qinglian.internal.ResultAccess;
import dev.qinglian.model.Band;
import dev.qinglian.model.OverrideRule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows and footnotes of the ranking as an aligned text table or as Markdown, streamed: chunks
 * of rows are formatted to UTF-8 on all cores and written in rank order ({@link Utf8Rows}), the
 * table's column widths measured first in a pass of their own. A table of 1,000,000 units built as
 * strings took 10.8 s and 3.4 GB; the text is the same, byte for byte.
 */
final class ScoreText {
  private final PeriodResult result;
  private final Labels labels;
  private final int[] order;
  private final int[] dims;
  private final double[] prev;
  private final boolean markdown;
  private final boolean ansi;
  private final double minCoverage;

  /**
   * The text of {@code result} in rank order {@code order}, with the scores of nodes {@code dims}
   * and the changes against {@code prev} (the previous index per unit position).
   */
  ScoreText(
      PeriodResult result,
      Labels labels,
      int[] order,
      int[] dims,
      double[] prev,
      boolean markdown,
      boolean ansi) {
    this.result = result;
    this.labels = labels;
    this.order = order;
    this.dims = dims;
    this.prev = prev;
    this.markdown = markdown;
    this.ansi = ansi && !markdown;
    this.minCoverage = result.model().missing().minCoverage();
    // the cells shown: all, or without the colour (4) under a model without bands
    this.shown =
        java.util.stream.IntStream.range(0, cells())
            .filter(c -> c != 4 || result.model().coloured())
            .toArray();
  }

  private final int[] shown;

  private int cells() {
    return 6 + dims.length;
  }

  /** The right-aligned columns: rank, index, the dimensions and the change. */
  boolean[] right() {
    boolean[] right = new boolean[shown.length];
    for (int k = 0; k < right.length; k++) {
      int c = shown[k];
      right[k] = c == 0 || c == 3 || c >= 5;
    }
    return right;
  }

  /** The rows as a {@link StreamedTable}. */
  StreamedTable table() {
    return new StreamedTable(order.length, shown.length, (from, to) -> new Chunk(from, to, true));
  }

  /** The widths of the table's columns: the widest cell of each, the header's included. */
  int[] widths(List<String> headers) {
    return table().widths(headers);
  }

  /** The rows, in rank order: aligned to {@code widths} (a table), or Markdown's (null). */
  void rows(OutputStream o, int[] widths) throws IOException {
    if (markdown) {
      table().markdown(o);
    } else {
      table().text(o, widths, right(), ansi);
    }
  }

  /**
   * The footnotes: the units whose colour a rule capped, then those with too little data, each
   * after {@code bullet}; Markdown escaped. True when there was any.
   */
  boolean footnotes(OutputStream o, String bullet) throws IOException {
    java.util.concurrent.atomic.AtomicBoolean any = new java.util.concurrent.atomic.AtomicBoolean();
    for (boolean capped : new boolean[] {true, false}) {
      Utf8Rows.write(
          o,
          order.length,
          (from, to, spare) -> {
            Chunk c = new Chunk(from, to, false);
            Utf8Rows out = spare.rows(1024);
            for (int i = 0; i < c.n; i++) {
              c.footnote(i, capped, bullet, out);
            }
            if (out.size() > 0) {
              any.set(true);
            }
            return out;
          });
    }
    return any.get();
  }

  /**
   * Rows {@code from..to} of the rank order: the units, their ranks and colours, and (for the cells
   * of the rows, not the footnotes) their ids, names and values, gathered in tight loops of
   * independent reads (in rank order each read is a cache miss, and the core overlaps them; read
   * cell by cell, the table of 1,000,000 units spent 3 s waiting).
   */
  private final class Chunk implements StreamedTable.Chunk {
    final int n;
    final int[] us;
    final byte[][] text = new byte[2][];
    final int[][] ends = new int[2][];
    final int[] rank;
    final Band[] band;
    final Band[] uncapped;
    // by cell: the index at 3, the dimensions from 5, the change last
    final double[][] number = new double[cells()][];
    final Map<Band, byte[]> bandNames = new IdentityHashMap<>();

    Chunk(int from, int to, boolean cells) {
      us = java.util.Arrays.copyOfRange(order, from, to);
      n = us.length;
      rank = new int[n];
      band = new Band[n];
      uncapped = new Band[n];
      number[3] = new double[n];
      number[cells() - 1] = new double[n];
      gather(number[3], number[cells() - 1]);
      if (cells) {
        UnitRegister units = result.units();
        ends[0] = new int[n + 1];
        ends[1] = new int[n + 1];
        text[0] = RegisterAccess.of().gatherUtf8(units, RegisterAccess.Field.ID, us, ends[0], 1);
        text[1] = RegisterAccess.of().gatherUtf8(units, RegisterAccess.Field.NAME, us, ends[1], 1);
        for (int d = 0; d < dims.length; d++) {
          number[5 + d] = new double[n];
          gather(dims[d], number[5 + d]);
        }
      }
    }

    private void gather(double[] index, double[] change) {
      for (int i = 0; i < n; i++) {
        int u = us[i];
        rank[i] = result.rank(u);
        index[i] = result.index(u);
        change[i] = index[i] - prev[u];
        band[i] = result.band(u);
        uncapped[i] = result.uncappedBandOrNull(u);
      }
    }

    private void gather(int node, double[] out) {
      scores(result, node, us, out);
    }

    private byte[] bandName(Band b) {
      return bandNames.computeIfAbsent(
          b, k -> k.names().in(labels.lang()).getBytes(StandardCharsets.UTF_8));
    }

    private boolean capped(int i) {
      return dev.qinglian.eval.UnitScore.capped(band[i], uncapped[i]);
    }

    /** Shown cell {@code k} of row {@code i}, unpadded (Markdown escaped). */
    @Override
    public void cell(int i, int k, Utf8Rows out) {
      int c = shown[k];
      int last = cells() - 1;
      if (c == 0) {
        if (rank[i] > 0) {
          out.whole(rank[i]);
        } else {
          out.bytes(DASH);
        }
      } else if (c == 1 || c == 2) {
        int t = c - 1;
        out.plain(text[t], ends[t][i], ends[t][i + 1], markdown);
      } else if (c == 4) {
        Band b = band[i];
        if (markdown) {
          out.append(Markdown.dot(b.id())).append(" ");
          byte[] name = bandName(b);
          out.plain(name, 0, name.length, true);
          out.append(capped(i) ? "\\*" : "");
        } else {
          out.bytes(bandName(b));
          out.append(capped(i) ? "*" : "");
        }
      } else if (c < last) {
        out.fixed(number[c][i]);
      } else {
        out.signed(number[c][i]);
      }
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public String colour(int i, int k) {
      return shown[k] == 4 ? band[i].colour() : null;
    }

    void footnote(int i, boolean cappedNotes, String bullet, Utf8Rows out) {
      int u = us[i];
      String line;
      if (cappedNotes) {
        if (!capped(i)) {
          return;
        }
        Band band = this.band[i];
        List<OverrideRule> caps = result.caps(u);
        OverrideRule rule = caps.get(0);
        for (OverrideRule r : caps) {
          if (r.cap().equals(band.id())) {
            rule = r;
          }
        }
        line =
            "* "
                + labels.get(
                    "capped",
                    result.units().id(u),
                    result.units().name(u),
                    uncapped[i].names().in(labels.lang()),
                    rule.names().in(labels.lang()),
                    band.names().in(labels.lang()));
      } else {
        if (band[i] != Band.INSUFFICIENT) {
          return;
        }
        line =
            "— "
                + labels.get(
                    "insufficient",
                    result.units().id(u),
                    result.units().name(u),
                    Numbers.fixed(100 * result.coverage(u), 0, "0"),
                    Numbers.fixed(100 * minCoverage, 0, "0"));
      }
      line = bullet + line;
      out.append(markdown ? Markdown.escape(line) : line);
      out.newline();
    }
  }

  /**
   * The scores of the node at position {@code node} of units {@code us} into {@code out}: one tight
   * loop of independent reads (in rank order each is a cache miss, and the core overlaps them).
   */
  static void scores(PeriodResult result, int node, int[] us, double[] out) {
    ResultAccess.Reader access = ResultAccess.of();
    for (int i = 0; i < us.length; i++) {
      out[i] = access.score(result, node, us[i]);
    }
  }

  private static final byte[] DASH = "—".getBytes(StandardCharsets.UTF_8);
}
