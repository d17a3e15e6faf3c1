package dev.qinglian.cli.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.qinglian.cli.VersionProvider;
import dev.qinglian.data.Unit;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.internal.RegisterAccess;
import dev.qinglian.internal.ResultAccess;
import dev.qinglian.model.Band;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import dev.qinglian.monitor.Timeline;
import java.io.IOException;
import java.io.StringWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Timeline}: units × months of the index (or of one node's score), sorted by the
 * latest value, with the change over the range and a sparkline; or one unit's full series.
 */
public final class TrendRenderer implements StreamedFormats {
  private final dev.qinglian.Workspace ws;
  private final Timeline timeline;
  private final Labels labels;
  private final IndicatorModel model;
  private final String node;

  /** A renderer of {@code node}'s scores ({@code null}: the index). */
  public TrendRenderer(dev.qinglian.Workspace ws, Timeline timeline, Labels labels, String node) {
    this.ws = ws;
    this.timeline = timeline;
    this.labels = labels;
    this.model = timeline.latest().model();
    this.node = node == null ? model.root().id() : node;
  }

  private List<YearMonth> months() {
    return timeline.months().stream().map(PeriodResult::period).toList();
  }

  /** Units of the latest month, by the latest value (missing last), ties in register order. */
  private List<Unit> sortedUnits() {
    List<Unit> all = timeline.latest().units().units();
    List<Unit> units = new ArrayList<>();
    for (int u : sortedPositions()) {
      units.add(all.get(u));
    }
    return units;
  }

  /** {@link #sortedUnits()} as positions in the latest month's register. */
  private int[] sortedPositions() {
    PeriodResult last = timeline.latest();
    int n = last.size();
    int pos = ResultAccess.of().nodePosition(last, node);
    double[] key = new double[n];
    Integer[] order = new Integer[n];
    for (int u = 0; u < n; u++) {
      double v = ResultAccess.of().score(last, pos, u);
      key[u] = Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v; // missing last
      order[u] = u;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(key[a], key[b])); // stable
    int[] positions = new int[n];
    for (int i = 0; i < n; i++) {
      positions[i] = order[i];
    }
    return positions;
  }

  private Band colour(PeriodResult r, int u, double v) {
    if (!model.coloured()) {
      return null; // ranked without colours
    }
    if (node.equals(model.root().id())) {
      return r.band(u);
    }
    return Double.isNaN(v) ? null : model.classify(v);
  }

  private static String shortMonth(YearMonth m) {
    return String.format(Locale.ROOT, "%02d-%02d", m.getYear() % 100, m.getMonthValue());
  }

  private String title() {
    String n = model.node(node).map(x -> x.id() + " " + x.names().in(labels.lang())).orElse(node);
    return node.equals(model.root().id())
        ? labels.get("trend.title", timeline.from(), timeline.to())
        : labels.get("trend.node", timeline.from(), timeline.to(), n);
  }

  /** The units × months table. */
  public String table(boolean ansi) {
    return OutputFile.text(o -> table(o, ansi));
  }

  /** The table as content for {@link OutputFile}. */
  public OutputFile.Content tableContent(boolean ansi) {
    return OutputFile.of(o -> table(o, ansi));
  }

  /**
   * Streams the units × months table: the title, the header, then the rows formatted on all cores
   * (widths measured first), a month's cell coloured as the month coloured the unit.
   */
  public void table(java.io.OutputStream o, boolean ansi) throws IOException {
    List<YearMonth> months = months();
    List<String> headers = new ArrayList<>(List.of(labels.get("unit"), labels.get("name")));
    months.forEach(m -> headers.add(shortMonth(m)));
    headers.add(labels.get("trend.change"));
    headers.add(labels.get("trend.spark"));
    boolean[] right = new boolean[headers.size()];
    for (int i = 2; i < right.length - 1; i++) {
      right[i] = true;
    }
    StreamedTable t = rows(false);
    int[] w = t.widths(headers);
    o.write(
        (title() + "\n" + StreamedTable.header(headers, w, right))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    t.text(o, w, right, ansi);
  }

  /**
   * The units in the table's order as a {@link StreamedTable}: id, name, a value per month, the
   * change and the sparkline (Markdown: escaped, each value after its colour's mark).
   */
  private StreamedTable rows(boolean markdown) {
    int[] order = sortedPositions();
    int months = timeline.months().size();
    return new StreamedTable(
        order.length,
        months + 4,
        (from, to) -> {
          Chunk c = new Chunk(order, from, to, true);
          return new StreamedTable.Chunk() {
            final double[] row = new double[months];

            private double[] series(int k) {
              for (int i = 0; i < months; i++) {
                row[i] = c.series[i][k];
              }
              return row;
            }

            @Override
            public int size() {
              return c.n;
            }

            @Override
            public void cell(int k, int col, Utf8Rows out) {
              if (col < 2) {
                out.plain(col == 0 ? c.ids : c.names, c.ends[col][k], c.ends[col][k + 1], markdown);
              } else if (col < 2 + months) {
                Band b = c.colours[col - 2][k];
                if (markdown && b != null) {
                  out.append(Markdown.dot(b.id())).append(" ");
                }
                out.fixed(c.series[col - 2][k]);
              } else if (col == 2 + months) {
                out.signed(change(series(k)));
              } else {
                out.append(Spark.line(series(k)));
              }
            }

            @Override
            public String colour(int k, int col) {
              if (col < 2 || col >= 2 + months) {
                return null;
              }
              Band b = c.colours[col - 2][k];
              return b == null ? null : b.colour();
            }
          };
        });
  }

  private static double change(double[] series) {
    double first = Double.NaN;
    double last = Double.NaN;
    for (double v : series) {
      if (!Double.isNaN(v)) {
        if (Double.isNaN(first)) {
          first = v;
        }
        last = v;
      }
    }
    return last - first;
  }

  /**
   * The CSV as UTF-8 bytes, rows formatted in chunks on all cores ({@link Utf8Rows}): 24 months of
   * 100,000 units are 2.4 million numbers.
   */
  @Override
  public void csv(java.io.OutputStream o) throws java.io.IOException {
    StringBuilder head = new StringBuilder("unit,name");
    months().forEach(m -> head.append(',').append(m));
    head.append(",change\n");
    o.write(head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    int[] order = sortedPositions();
    Utf8Rows.write(
        o,
        order.length,
        (from, to, spare) -> {
          Chunk c = new Chunk(order, from, to, false);
          Utf8Rows out = spare.rows(c.n * (32 + 20 * c.series.length));
          double[] row = new double[c.series.length];
          for (int k = 0; k < c.n; k++) {
            out.text(c.ids, c.ends[0][k], c.ends[0][k + 1]);
            out.comma().text(c.names, c.ends[1][k], c.ends[1][k + 1]);
            for (int i = 0; i < row.length; i++) {
              row[i] = c.series[i][k];
              out.comma().full(row[i]);
            }
            out.comma().full(change(row));
            out.newline();
          }
          return out;
        });
  }

  /**
   * Rows {@code from..to} of {@code order}: the units' ids, names and series (and colours),
   * gathered month by month so that the reads overlap.
   */
  private final class Chunk {
    final int n;
    final int[][] ends;
    final byte[] ids;
    final byte[] names;
    final double[][] series;
    final Band[][] colours;

    Chunk(int[] order, int from, int to, boolean withColours) {
      int[] us = java.util.Arrays.copyOfRange(order, from, to);
      n = us.length;
      List<PeriodResult> ms = timeline.months();
      PeriodResult last = timeline.latest();
      ends = new int[2][n + 1]; // row k: [ends[k], ends[k + 1])
      ids = RegisterAccess.of().gatherUtf8(last.units(), RegisterAccess.Field.ID, us, ends[0], 1);
      names =
          RegisterAccess.of().gatherUtf8(last.units(), RegisterAccess.Field.NAME, us, ends[1], 1);
      series = new double[ms.size()][n]; // month by month: reads overlap
      colours = withColours ? new Band[ms.size()][n] : null;
      for (int i = 0; i < series.length; i++) {
        PeriodResult r = ms.get(i);
        int pos = ResultAccess.of().nodePosition(r, node);
        for (int k = 0; k < n; k++) {
          int u = r.units() == last.units() ? us[k] : r.indexOf(last.units().id(us[k]));
          series[i][k] = u < 0 ? Double.NaN : ResultAccess.of().score(r, pos, u);
          if (withColours) {
            colours[i][k] = u < 0 ? null : colour(r, u, series[i][k]);
          }
        }
      }
    }
  }

  /** The units × months table as an Excel workbook (cells filled with the month's colour). */
  public byte[] xlsx() {
    List<YearMonth> months = months();
    List<String> headers = new ArrayList<>(List.of(labels.get("unit"), labels.get("name")));
    months.forEach(m -> headers.add(m.toString()));
    headers.add(labels.get("change"));
    List<List<XlsxExport.Cell>> rows = new ArrayList<>();
    for (Unit unit : sortedUnits()) {
      double[] series = timeline.series(unit.id(), node);
      List<XlsxExport.Cell> row = new ArrayList<>();
      row.add(new XlsxExport.Cell(unit.id(), null));
      row.add(new XlsxExport.Cell(unit.name(), null));
      for (int i = 0; i < months.size(); i++) {
        PeriodResult r = timeline.months().get(i);
        int u = r.indexOf(unit.id());
        row.add(
            new XlsxExport.Cell(
                series[i], u < 0 || Double.isNaN(series[i]) ? null : colour(r, u, series[i])));
      }
      row.add(new XlsxExport.Cell(change(series), null));
      rows.add(row);
    }
    return XlsxExport.sheet(node, headers, rows);
  }

  /** Streams the Markdown table, the rows formatted on all cores. */
  @Override
  public void markdown(java.io.OutputStream o) throws IOException {
    List<YearMonth> months = months();
    StringBuilder sb = new StringBuilder("# ").append(Markdown.escape(title())).append("\n\n| ");
    sb.append(labels.get("unit")).append(" | ").append(labels.get("name"));
    months.forEach(m -> sb.append(" | ").append(m));
    sb.append(" | ")
        .append(labels.get("trend.change"))
        .append(" | ")
        .append(labels.get("trend.spark"))
        .append(" |\n|---|---|");
    sb.append("---:|".repeat(months.size() + 1)).append("---|\n");
    o.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    rows(true).markdown(o);
  }

  /**
   * Streams the JSON as UTF-8: the head through Jackson, then the units' objects formatted in
   * chunks on all cores, byte for byte as Jackson's pretty printer writes them.
   */
  @Override
  public void json(java.io.OutputStream o) throws IOException {
    StringWriter w = new StringWriter();
    JsonGenerator g = ScoreRenderer.json(w);
    g.writeStartObject();
    g.writeStringField("tool", "qinglian");
    g.writeStringField("version", VersionProvider.version());
    g.writeStringField("from", timeline.from().toString());
    g.writeStringField("to", timeline.to().toString());
    g.writeStringField("node", node);
    g.writeStringField("command", "trend");
    ScoreRenderer.provenance(g, ws);
    g.writeArrayFieldStart("months");
    for (YearMonth m : months()) {
      g.writeString(m.toString());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("units");
    int[] order = sortedPositions();
    Utf8Rows.writeJsonHead(g, w, o, order.length == 0);
    if (order.length > 0) {
      byte[][] fields = Utf8Rows.jsonFields(List.of("unit", "name", "values", "colours", "change"));
      Utf8Rows.write(
          o,
          order.length,
          (from, to, spare) -> {
            Chunk c = new Chunk(order, from, to, true);
            Utf8Rows out = spare.rows(c.n * (64 + 48 * c.series.length));
            java.util.Map<Band, byte[]> ids = new java.util.IdentityHashMap<>();
            double[] row = new double[c.series.length];
            for (int k = 0; k < c.n; k++) {
              out.jsonObjectStart(from + k == 0);
              out.bytes(fields[0]);
              out.jsonText(c.ids, c.ends[0][k], c.ends[0][k + 1]);
              out.bytes(fields[1]);
              out.jsonText(c.names, c.ends[1][k], c.ends[1][k + 1]);
              out.bytes(fields[2]);
              out.append("[");
              for (int i = 0; i < row.length; i++) {
                row[i] = c.series[i][k];
                out.append(i == 0 ? " " : ", ").json(row[i]);
              }
              out.append(" ]");
              out.bytes(fields[3]);
              out.append("[");
              for (int i = 0; i < row.length; i++) {
                Band b = c.colours[i][k];
                out.append(i == 0 ? " " : ", ")
                    .bytes(
                        b == null
                            ? Utf8Rows.NULL
                            : ids.computeIfAbsent(b, x -> Utf8Rows.jsonText(x.id())));
              }
              out.append(" ]");
              out.bytes(fields[4]);
              out.json(change(row));
              out.jsonObjectEnd();
            }
            return out;
          });
      o.write(new byte[] {' ', ']', '\n', '}'});
    }
    o.write(new byte[] {'\n'});
  }

  /**
   * One unit's series: months × (index, colour, dimensions, 环比, 同比), from {@code from} (the
   * timeline may start up to a year earlier so that 同比 can be computed).
   */
  public String unitTable(String unitId, YearMonth from, boolean ansi) {
    List<String> headers = new ArrayList<>(List.of(labels.get("month"), labels.get("index")));
    boolean coloured = model.coloured();
    if (coloured) {
      headers.add(labels.get("colour"));
    }
    int first = headers.size(); // the first dimension's column
    List<Node> dims = model.dimensions();
    dims.forEach(d -> headers.add(d.id()));
    headers.add(labels.get("change"));
    headers.add(labels.get("yoy"));
    boolean[] right = new boolean[headers.size()];
    right[1] = true;
    for (int i = first; i < right.length; i++) {
      right[i] = true;
    }
    TextTable t = new TextTable(headers, right);
    String root = model.root().id();
    for (PeriodResult r : timeline.months()) {
      if (r.period().isBefore(from)) {
        continue;
      }
      int u = r.indexOf(unitId);
      String[] cells = new String[headers.size()];
      String[] colours = new String[headers.size()];
      cells[0] = r.period().toString();
      cells[1] = u < 0 ? "—" : Numbers.fixed(r.index(u), 1, "—");
      if (coloured) {
        Band b = u < 0 ? null : r.band(u);
        cells[2] = b == null ? "—" : b.names().in(labels.lang());
        colours[2] = b == null ? null : b.colour();
      }
      for (int d = 0; d < dims.size(); d++) {
        cells[first + d] = u < 0 ? "—" : Numbers.fixed(r.score(dims.get(d).id(), u), 1, "—");
      }
      cells[cells.length - 2] =
          Numbers.signed(timeline.change(unitId, root, r.period(), 1), 1, "—");
      cells[cells.length - 1] =
          Numbers.signed(timeline.change(unitId, root, r.period(), 12), 1, "—");
      t.add(cells, colours);
    }
    Unit unit = timeline.latest().units().unit(unitId).orElseThrow();
    return unit.id()
        + " "
        + unit.name()
        + " · "
        + from
        + " – "
        + timeline.to()
        + "\n"
        + t.render(ansi);
  }
}
