package dev.qinglian.cli.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.qinglian.Workspace;
import dev.qinglian.cli.VersionProvider;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.internal.ResultAccess;
import dev.qinglian.model.Band;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the ranking of one month in the four formats. CSV and JSON carry full precision and a
 * stable, documented layout (README, "Output formats"); table and Markdown round to one decimal.
 */
public final class ScoreRenderer implements StreamedFormats {
  private final Workspace ws;
  private final PeriodResult result;
  private final PeriodResult previous;
  private final Labels labels;
  private final IndicatorModel model;
  private final List<Node> columns;
  private final boolean deeper;

  /** A renderer for {@code result}, with changes against {@code previous} (may be null). */
  public ScoreRenderer(Workspace ws, PeriodResult result, PeriodResult previous, Labels labels) {
    this(ws, result, previous, labels, 1);
  }

  /**
   * A renderer with one score column per node down to depth {@code levels} (1: the dimensions, the
   * default; 2: and the level below; {@link Integer#MAX_VALUE}: every node), in model order.
   */
  public ScoreRenderer(
      Workspace ws, PeriodResult result, PeriodResult previous, Labels labels, int levels) {
    this.ws = ws;
    this.result = result;
    this.previous = previous;
    this.labels = labels;
    this.model = result.model();
    this.columns = nodesTo(model, levels);
    this.deeper = levels > 1;
  }

  /** The nodes from depth 1 down to {@code levels}, in model order (pre-order). */
  public static List<Node> nodesTo(IndicatorModel model, int levels) {
    List<Node> out = new ArrayList<>();
    collect(model.root(), 0, levels, out);
    return out;
  }

  private static void collect(Node n, int depth, int levels, List<Node> out) {
    if (depth > 0) {
      out.add(n);
    }
    if (depth < levels) {
      n.children().forEach(c -> collect(c, depth + 1, levels, out));
    }
  }

  private String bandName(Band b) {
    return b.names().in(labels.lang());
  }

  /** The summary line: units per colour. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : result.colourCounts().entrySet()) {
      Band b =
          e.getKey().equals(Band.NONE.id())
              ? Band.NONE
              : model.band(e.getKey()).orElse(Band.INSUFFICIENT);
      parts.add(bandName(b) + " " + e.getValue());
    }
    return labels.get("summary", result.period(), result.size(), String.join(" · ", parts));
  }

  /** The headers of the ranking: rank, unit, name, index, colour, one per dimension, change. */
  public static List<String> rankingHeaders(Labels labels, IndicatorModel model) {
    return rankingHeaders(labels, model, model.dimensions());
  }

  /**
   * The headers of the ranking with one score column per node of {@code columns} (no colour under a
   * model without bands).
   */
  static List<String> rankingHeaders(Labels labels, IndicatorModel model, List<Node> columns) {
    List<String> h =
        new ArrayList<>(
            List.of(
                labels.get("rank"), labels.get("unit"), labels.get("name"), labels.get("index")));
    if (model.coloured()) {
      h.add(labels.get("colour"));
    }
    columns.forEach(d -> h.add(d.id()));
    h.add(labels.get("change"));
    return h;
  }

  /** A pretty-printing JSON generator writing doubles with Schubfach (the digits of the CSV). */
  static JsonGenerator json(java.io.Writer w) throws IOException {
    return JsonFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        .build()
        .createGenerator(w)
        .useDefaultPrettyPrinter();
  }

  /** Writes {@code model} (file, SHA-256, weights) and {@code inputs} (file, SHA-256 each). */
  static void provenance(JsonGenerator g, Workspace ws) throws IOException {
    g.writeObjectFieldStart("model");
    g.writeStringField("file", ws.modelDisplay());
    g.writeStringField("sha256", Hashes.modelSha256(ws));
    g.writeStringField("weights", ws.model().weightsSource());
    g.writeEndObject();
    g.writeArrayFieldStart("inputs");
    for (Path p : ws.inputs()) {
      g.writeStartObject();
      g.writeStringField("file", ws.display(p));
      g.writeStringField("sha256", Hashes.sha256(p));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Aligned table for a terminal; colour cells when {@code ansi}. */
  public String table(boolean ansi) {
    return OutputFile.text(o -> table(o, ansi));
  }

  /** The aligned table as content for {@link OutputFile}. */
  public OutputFile.Content tableContent(boolean ansi) {
    return OutputFile.of(o -> table(o, ansi));
  }

  /** The text of the rows in rank order, as a table or as Markdown. */
  private ScoreText text(boolean markdown, boolean ansi) {
    int[] dims = dimensions();
    return new ScoreText(result, labels, result.rankOrder(), dims, previousIndex(), markdown, ansi);
  }

  /**
   * Streams the aligned table as UTF-8: the title, the header, the rows (widths measured first),
   * the count per colour, the footnotes and the legend.
   */
  public void table(java.io.OutputStream o, boolean ansi) throws IOException {
    List<String> headers = rankingHeaders(labels, model, columns);
    ScoreText t = text(false, ansi);
    int[] w = t.widths(headers);
    StringBuilder head = new StringBuilder();
    head.append(labels.get("title", result.period())).append('\n');
    head.append(StreamedTable.header(headers, w, t.right()));
    utf8(o, head);
    t.rows(o, w);
    StringBuilder sb = new StringBuilder();
    sb.append(summary()).append('\n');
    sb.append(
            previous == null ? labels.get("noprevious") : labels.get("previous", previous.period()))
        .append('\n');
    utf8(o, sb);
    t.footnotes(o, "");
    sb.setLength(0);
    sb.append(legend()).append('\n');
    sb.append(
            model.weightsSource().equals("model")
                ? labels.get("weights.model")
                : labels.get("weights.source", model.weightsSource()))
        .append('\n');
    utf8(o, sb);
  }

  private static void utf8(java.io.OutputStream o, CharSequence s) throws IOException {
    o.write(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The CSV header (without the colours and caps under a model without bands). */
  public List<String> csvHeader() {
    List<String> h =
        new ArrayList<>(
            model.coloured()
                ? List.of(
                    "rank",
                    "unit",
                    "name",
                    "type",
                    "index",
                    "colour",
                    "index_colour",
                    "coverage",
                    "caps")
                : List.of("rank", "unit", "name", "type", "index", "coverage"));
    columns.forEach(d -> h.add(d.id()));
    h.add("change");
    return h;
  }

  /**
   * Streams the CSV as UTF-8 bytes. Chunks of rows are formatted on all cores (formatting doubles
   * dominates for large files) while the calling thread writes the finished ones in rank order.
   */
  @Override
  public void csv(java.io.OutputStream o) throws IOException {
    o.write(
        (String.join(",", csvHeader().stream().map(Csv::text).toList()) + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    int[] order = result.rankOrder();
    int[] dims = dimensions();
    double[] prev = previousIndex();
    Utf8Rows.write(
        o, order.length, (from, to, spare) -> csvChunk(order, from, to, dims, prev, spare));
  }

  /** The legend line: each dimension's id and name. */
  private String legend() {
    List<String> legend = new ArrayList<>();
    columns.forEach(d -> legend.add(d.id() + " " + d.names().in(labels.lang())));
    return labels.get("legend") + String.join(" · ", legend);
  }

  /** The positions of the dimensions' nodes in the result, in model order. */
  private int[] dimensions() {
    return columns.stream().mapToInt(d -> ResultAccess.of().nodePosition(result, d.id())).toArray();
  }

  /** The previous month's index per unit position of this result (NaN where absent). */
  private double[] previousIndex() {
    double[] p = new double[result.size()];
    java.util.Arrays.fill(p, Double.NaN);
    if (previous != null) {
      for (int u = 0; u < p.length; u++) {
        int q =
            previous.units() == result.units()
                ? u
                : previous.indexOf(result.units().units().get(u).id());
        p[u] = q < 0 ? Double.NaN : previous.index(q);
      }
    }
    return p;
  }

  /**
   * Rows {@code from..to} of the rank order as UTF-8 CSV lines. The values are first gathered in
   * tight loops of independent reads (in rank order every read is a cache miss, and the core
   * overlaps them: 1,000,000 ranked units wrote in 3.2 s read row by row), then formatted sixteen
   * rows per call: the row loop is then compiled as an ordinary method, once, instead of being
   * recompiled on the stack with everything it calls inlined (0.7 s of the optimising compiler on a
   * busy core for 1,000,000 units).
   */
  private Utf8Rows csvChunk(
      int[] order, int from, int to, int[] dims, double[] prev, Utf8Rows.Spare spare) {
    ScoreRows rows =
        new ScoreRows(
            result, java.util.Arrays.copyOfRange(order, from, to), dims, prev, spare, false);
    for (int i = 0; i < rows.n; i += 16) {
      rows.format(i, Math.min(rows.n, i + 16));
    }
    return rows.out;
  }

  /**
   * Rows {@code from..to} of the rank order as the UTF-8 JSON objects of the {@code units} array,
   * each after its separator, byte for byte as Jackson's pretty printer writes them.
   */
  private Utf8Rows jsonChunk(
      int[] order,
      int from,
      int to,
      int[] dims,
      double[] prev,
      byte[][] fields,
      Utf8Rows.Spare spare) {
    ScoreRows rows =
        new ScoreRows(
            result, java.util.Arrays.copyOfRange(order, from, to), dims, prev, spare, true);
    for (int i = 0; i < rows.n; i++) {
      rows.jsonObject(i, from + i == 0, fields);
    }
    return rows.out;
  }

  /** The separator and name of each field of a unit's JSON object, in the order of the CSV. */
  private byte[][] jsonFields() {
    List<String> names = new ArrayList<>(csvHeader());
    byte[][] f = new byte[names.size()][];
    for (int c = 0; c < f.length; c++) {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      b.writeBytes(
          (c == 0 ? "\n    " : ",\n    ").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      b.writeBytes(Utf8Rows.jsonText(names.get(c)));
      b.writeBytes(" : ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      f[c] = b.toByteArray();
    }
    return f;
  }

  /** Streams the ranking as an Excel workbook (the CSV columns; colour cells filled). */
  public void xlsx(java.io.OutputStream out) throws IOException {
    double[] prev = previousIndex();
    int[] order = result.rankOrder();
    int[] dims = dimensions();
    UnitRegister units = result.units();
    String lang = labels.lang();
    // a workbook is read by people: headers, colours and rules in the chosen language (the CSV
    // keeps its stable ids for machines)
    List<String> headers = new ArrayList<>();
    boolean coloured = model.coloured();
    for (String k : csvHeader().subList(0, coloured ? 8 : 6)) {
      headers.add(labels.get(k));
    }
    if (coloured) {
      headers.add(labels.get("caps"));
    }
    columns.forEach(d -> headers.add(d.id() + " " + d.names().in(lang)));
    headers.add(labels.get("change"));
    XlsxExport.sheet(
        out,
        result.period().toString(),
        headers,
        order.length,
        r -> {
          int u = order[r];
          List<XlsxExport.Cell> row = new ArrayList<>();
          row.add(new XlsxExport.Cell(result.rank(u) == 0 ? null : (Object) result.rank(u), null));
          row.add(new XlsxExport.Cell(units.id(u), null));
          row.add(new XlsxExport.Cell(units.name(u), null));
          row.add(new XlsxExport.Cell(units.type(u), null));
          row.add(new XlsxExport.Cell(result.index(u), null));
          if (coloured) {
            row.add(new XlsxExport.Cell(bandName(result.band(u)), result.band(u)));
            Band uncapped = result.uncappedBandOrNull(u);
            row.add(new XlsxExport.Cell(uncapped == null ? null : bandName(uncapped), null));
          }
          row.add(new XlsxExport.Cell(result.coverage(u), null));
          if (coloured) {
            row.add(
                new XlsxExport.Cell(
                    String.join("；", result.caps(u).stream().map(c -> c.names().in(lang)).toList()),
                    null));
          }
          for (int d : dims) {
            row.add(new XlsxExport.Cell(ResultAccess.of().score(result, d, u), null));
          }
          row.add(new XlsxExport.Cell(result.index(u) - prev[u], null));
          return row;
        });
  }

  /** Streams the Markdown as UTF-8, the rows formatted on all cores. */
  @Override
  public void markdown(java.io.OutputStream o) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(Markdown.escape(labels.get("title", result.period()))).append("\n\n");
    List<String> headers = rankingHeaders(labels, model, columns);
    sb.append("| ").append(String.join(" | ", headers)).append(" |\n");
    sb.append(model.coloured() ? "|---:|---|---|---:|---|" : "|---:|---|---|---:|")
        .append("---:|".repeat(columns.size() + 1))
        .append('\n');
    utf8(o, sb);
    ScoreText t = text(true, false);
    t.rows(o, null);
    utf8(o, "\n" + Markdown.escape(summary()) + "\n\n");
    if (t.footnotes(o, "- ")) {
      utf8(o, "\n");
    }
    utf8(o, Markdown.escape(legend()) + "\n");
  }

  /**
   * Streams the JSON as UTF-8 bytes: the head through Jackson, then the units' objects formatted in
   * chunks on all cores, as the CSV, byte for byte as Jackson's pretty printer writes them (a
   * document of 1,000,000 units took 12.7 s and 4 GB through Jackson and a string).
   */
  @Override
  public void json(java.io.OutputStream o) throws IOException {
    StringWriter w = new StringWriter();
    JsonGenerator g = json(w);
    g.writeStartObject();
    g.writeStringField("tool", "qinglian");
    g.writeStringField("version", VersionProvider.version());
    g.writeStringField("period", result.period().toString());
    if (previous == null) {
      g.writeNullField("previous");
    } else {
      g.writeStringField("previous", previous.period().toString());
    }
    g.writeStringField("command", "score");
    provenance(g, ws);
    g.writeObjectFieldStart("counts");
    for (Map.Entry<String, Integer> e : result.colourCounts().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    // the score columns: "dimensions" by default; with --levels, "nodes" with their depth
    g.writeArrayFieldStart(deeper ? "nodes" : "dimensions");
    for (Node d : columns) {
      g.writeStartObject();
      g.writeStringField("id", d.id());
      if (deeper) {
        g.writeNumberField("level", depth(d));
      }
      g.writeStringField("zh", d.names().zh());
      g.writeStringField("en", d.names().en());
      g.writeNumberField("weight", model.nominalWeight(d.id()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("units");
    int[] order = result.rankOrder();
    Utf8Rows.writeJsonHead(g, w, o, order.length == 0);
    if (order.length > 0) {
      int[] dims = dimensions();
      double[] prev = previousIndex();
      byte[][] fields = jsonFields();
      Utf8Rows.write(
          o,
          order.length,
          (from, to, spare) -> jsonChunk(order, from, to, dims, prev, fields, spare));
      o.write(new byte[] {' ', ']', '\n', '}'});
    }
    o.write(new byte[] {'\n'});
  }

  /** The depth of a node: 1 for a dimension. */
  private int depth(Node n) {
    int d = 0;
    for (String id = n.id(); !id.equals(model.root().id()); d++) {
      id = model.parent(id).map(Node::id).orElse(model.root().id());
    }
    return d;
  }
}
