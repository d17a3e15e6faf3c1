package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.cli.demo.Synthetic;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import dev.qinglian.model.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's tests: the generator is deterministic, and a unit scores the same inside a 10-unit and
 * a 100,000-unit workspace under the default model (goalposts and the exclude policy do not depend
 * on the other units). The large workspace takes every path of scale: an 84 MB file read in 8 MB
 * blocks on all cores with the checks for quotes and encoding made while parsing, the register's
 * and the month's predictions, and the evaluation in parallel tiles; the small one takes the
 * sequential paths.
 */
class ScaleTest {
  @TempDir Path dir;

  static final YearMonth OCT = YearMonth.of(2026, 10);

  @Test
  void theSameSeedGivesByteIdenticalFilesAndAnotherSeedOthers() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    for (Synthetic.Layout layout : Synthetic.Layout.values()) {
      Path a = dir.resolve(layout + "-a");
      Path b = dir.resolve(layout + "-b");
      Path c = dir.resolve(layout + "-c");
      new Synthetic(model, 7).write(a, 2_000, 3, OCT, layout);
      new Synthetic(model, 7).write(b, 2_000, 3, OCT, layout);
      new Synthetic(model, 8).write(c, 2_000, 3, OCT, layout);
      List<Path> files = files(a);
      assertTrue(files.size() >= 2, files.toString());
      assertEquals(
          files.stream().map(a::relativize).toList(),
          files(b).stream().map(b::relativize).toList());
      for (Path f : files) {
        Path rel = a.relativize(f);
        assertEquals(-1, Files.mismatch(f, b.resolve(rel)), layout + " " + rel);
      }
      assertNotEquals(-1L, Files.mismatch(a.resolve("units.csv"), c.resolve("units.csv")));
    }
  }

  @Test
  void aUnitScoresTheSameAmongTenAsAmongAHundredThousand() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    Path big = dir.resolve("big");
    new Synthetic(model, 1).write(big, 100_000, 1, OCT, Synthetic.Layout.LONG);
    assertTrue(
        Files.size(big.resolve("data/data.csv")) > 64 << 20, "large enough for the fast path");
    // the small workspace: ten units from the middle of the register, their rows only
    List<String> register = Files.readAllLines(big.resolve("units.csv"), StandardCharsets.UTF_8);
    List<String> ten = new ArrayList<>(register.subList(50_001, 50_011));
    Set<String> ids =
        ten.stream().map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
    Path small = dir.resolve("small");
    Files.createDirectories(small.resolve("data"));
    ten.add(0, register.get(0));
    Files.write(small.resolve("units.csv"), ten, StandardCharsets.UTF_8);
    try (Stream<String> lines = Files.lines(big.resolve("data/data.csv"), StandardCharsets.UTF_8)) {
      List<String> rows =
          lines
              .filter(l -> l.startsWith("unit,") || ids.contains(l.substring(0, l.indexOf(','))))
              .toList();
      Files.write(small.resolve("data/data.csv"), rows, StandardCharsets.UTF_8);
    }
    PeriodResult a = evaluate(model, big);
    PeriodResult b = evaluate(model, small);
    assertEquals(100_000, a.size());
    assertEquals(10, b.size());
    int scored = 0;
    for (String id : ids) {
      int ua = a.indexOf(id);
      int ub = b.indexOf(id);
      assertEquals(a.index(ua), b.index(ub), 0.0, id); // exactly: same arithmetic, any thread count
      assertEquals(a.band(ua), b.band(ub), id);
      assertEquals(a.coverage(ua), b.coverage(ub), 0.0, id);
      for (Node d : model.dimensions()) {
        assertEquals(a.score(d.id(), ua), b.score(d.id(), ub), 0.0, id + " " + d.id());
      }
      scored += Double.isNaN(a.index(ua)) ? 0 : 1;
    }
    assertTrue(scored >= 8, "most of the ten have an index: " + scored);
  }

  private static PeriodResult evaluate(IndicatorModel model, Path ws) throws Exception {
    return new Evaluator(model).evaluate(read(model, ws), OCT);
  }

  /** The workspace's data as the library reads it. */
  private static Dataset read(IndicatorModel model, Path ws) throws Exception {
    UnitRegister units = UnitRegister.read(ws.resolve("units.csv"), model).orElseThrow();
    return new DataReader(model, units, ReadOptions.DEFAULTS)
        .read(List.of(ws.resolve("data/data.csv")))
        .orElseThrow();
  }

  @Test
  void theTrendOfManyUnitsWrittenInParallelChunksIsEachUnitsSeries() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    Path ws = dir.resolve("trend");
    new Synthetic(model, 3).write(ws, 40_000, 3, OCT, Synthetic.Layout.LONG); // 3 chunks of rows
    Path out = dir.resolve("trend.csv");
    Golden.Run r =
        Golden.run("trend", ws.toString(), "--format", "csv", "--output", out.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals("unit,name,2026-08,2026-09,2026-10,change", lines.get(0));
    assertEquals(40_001, lines.size());
    // every line against the library's own series of that unit (Timeline.series), formatted as
    // full-precision numbers: what the renderer gathers chunk by chunk must be the same
    Dataset data = read(model, ws);
    UnitRegister units = data.units();
    var timeline =
        dev.qinglian.monitor.Timeline.of(new Evaluator(model), data, YearMonth.of(2026, 8), OCT);
    Set<String> seen = new java.util.HashSet<>();
    double previous = Double.POSITIVE_INFINITY;
    for (String line : lines.subList(1, lines.size())) {
      String id = line.substring(0, line.indexOf(','));
      double[] series = timeline.series(id, model.root().id());
      double first = Double.NaN;
      double last = Double.NaN;
      StringBuilder expected =
          new StringBuilder(id).append(',').append(units.name(units.indexOf(id)));
      for (double v : series) {
        expected.append(',').append(dev.qinglian.cli.render.Numbers.full(v));
        if (!Double.isNaN(v)) {
          first = Double.isNaN(first) ? v : first;
          last = v;
        }
      }
      expected.append(',').append(dev.qinglian.cli.render.Numbers.full(last - first));
      assertEquals(expected.toString(), line);
      assertTrue(seen.add(id), "each unit once: " + id);
      double latest = series[2];
      if (!Double.isNaN(latest)) {
        assertTrue(latest <= previous, "sorted by the latest index: " + id);
        previous = latest;
      }
    }
    // the JSON of the same trend, also streamed in chunks: Jackson's own printing of the same
    // document, and each unit's values and colours those of the library
    Path json = dir.resolve("trend.json");
    r = Golden.run("trend", ws.toString(), "--output", json.toString());
    assertEquals(0, r.exit(), r.err());
    byte[] bytes = Files.readAllBytes(json);
    assertEquals(-1, java.util.Arrays.mismatch(bytes, jacksonAgain(bytes)));
    String text = new String(bytes, StandardCharsets.UTF_8);
    int checked = 0;
    for (int k = 1; k < lines.size(); k += 997) {
      String id = lines.get(k).substring(0, lines.get(k).indexOf(','));
      double[] series = timeline.series(id, model.root().id());
      List<String> values = new ArrayList<>();
      List<String> colours = new ArrayList<>();
      for (int i = 0; i < series.length; i++) {
        values.add(
            Double.isNaN(series[i])
                ? "null"
                : com.fasterxml.jackson.core.io.NumberOutput.toString(series[i], true));
        var month = timeline.months().get(i);
        int u = month.indexOf(id);
        colours.add(u < 0 ? "null" : "\"" + month.band(u).id() + "\"");
      }
      String object =
          "\"unit\" : \""
              + id
              + "\",\n    \"name\" : \""
              + units.name(units.indexOf(id))
              + "\",\n    \"values\" : [ "
              + String.join(", ", values)
              + " ],\n    \"colours\" : [ "
              + String.join(", ", colours)
              + " ],";
      assertTrue(text.contains(object), object);
      checked++;
    }
    assertEquals(41, checked);
    // the table and the Markdown, streamed in chunks too: every row as the string-built TextTable
    // aligns the library's series (three chunks, widths measured across them), and Markdown's rows
    dev.qinglian.cli.render.Labels zh = dev.qinglian.cli.render.Labels.of("zh");
    List<String> headers = new ArrayList<>(List.of(zh.get("unit"), zh.get("name")));
    for (var m : timeline.months()) {
      headers.add(
          String.format("%02d-%02d", m.period().getYear() % 100, m.period().getMonthValue()));
    }
    headers.add(zh.get("trend.change"));
    headers.add(zh.get("trend.spark"));
    boolean[] right = new boolean[headers.size()];
    for (int i = 2; i < right.length - 1; i++) {
      right[i] = true;
    }
    dev.qinglian.cli.render.TextTable table = new dev.qinglian.cli.render.TextTable(headers, right);
    List<String> markdown = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String id = line.substring(0, line.indexOf(','));
      double[] series = timeline.series(id, model.root().id());
      String[] cells = new String[headers.size()];
      cells[0] = id;
      cells[1] = units.name(units.indexOf(id));
      StringBuilder md =
          new StringBuilder("| ")
              .append(dev.qinglian.cli.render.Markdown.escape(id))
              .append(" | ")
              .append(dev.qinglian.cli.render.Markdown.escape(cells[1]));
      double first = Double.NaN;
      double last = Double.NaN;
      for (int i = 0; i < series.length; i++) {
        cells[2 + i] = dev.qinglian.cli.render.Numbers.fixed(series[i], 1, "—");
        var month = timeline.months().get(i);
        int u = month.indexOf(id);
        md.append(" | ")
            .append(u < 0 ? "" : dev.qinglian.cli.render.Markdown.dot(month.band(u).id()) + " ")
            .append(cells[2 + i]);
        if (!Double.isNaN(series[i])) {
          first = Double.isNaN(first) ? series[i] : first;
          last = series[i];
        }
      }
      cells[cells.length - 2] = dev.qinglian.cli.render.Numbers.signed(last - first, 1, "—");
      cells[cells.length - 1] = dev.qinglian.cli.render.Spark.line(series);
      table.add(cells, null);
      md.append(" | ").append(cells[cells.length - 2]).append(" | ");
      markdown.add(md.append(cells[cells.length - 1]).append(" |").toString());
    }
    r = Golden.run("trend", ws.toString(), "--format", "table", "--color", "never");
    assertEquals(0, r.exit(), r.err());
    List<String> expected = table.render(false).lines().toList();
    assertEquals(expected, r.out().lines().toList().subList(1, 1 + expected.size()));
    r = Golden.run("trend", ws.toString(), "--format", "markdown");
    assertEquals(0, r.exit(), r.err());
    assertEquals(markdown, r.out().lines().toList().subList(4, 4 + markdown.size()));
  }

  /**
   * A ranking of 40,000 units (three chunks of rows formatted in parallel), December so that every
   * unit is ranked and some are capped: every line against the library's own result for that unit,
   * cell by cell (rank, texts, numbers in full precision, colours, the rules that fired).
   */
  @Test
  void aRankingWrittenInParallelChunksIsEachUnitsResult() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    Path ws = dir.resolve("ranking");
    YearMonth dec = YearMonth.of(2026, 12);
    new Synthetic(model, 5).write(ws, 40_000, 1, dec, Synthetic.Layout.LONG);
    Path out = dir.resolve("score.csv");
    Golden.Run r =
        Golden.run(
            "score",
            ws.toString(),
            "--period",
            "2026-12",
            "--format",
            "csv",
            "--output",
            out.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(40_001, lines.size());
    Dataset data = read(model, ws);
    UnitRegister units = data.units();
    PeriodResult result = new Evaluator(model).evaluate(data, dec);
    int capped = 0;
    int twice = 0;
    int lastRank = 1;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      String[] cells = line.split(",", -1);
      int u = units.indexOf(cells[1]);
      List<String> expected = new ArrayList<>();
      expected.add(result.rank(u) > 0 ? Integer.toString(result.rank(u)) : "");
      expected.add(units.id(u));
      expected.add(units.name(u));
      expected.add(units.type(u));
      expected.add(dev.qinglian.cli.render.Numbers.full(result.index(u)));
      expected.add(result.band(u).id());
      expected.add(result.uncappedBand(u).map(b -> b.id()).orElse(""));
      expected.add(dev.qinglian.cli.render.Numbers.full(result.coverage(u)));
      List<String> caps = result.caps(u).stream().map(c -> c.id()).toList();
      expected.add(String.join(";", caps));
      for (Node d : model.dimensions()) {
        expected.add(dev.qinglian.cli.render.Numbers.full(result.score(d.id(), u)));
      }
      expected.add(""); // no previous month in the workspace: no change
      assertEquals(String.join(",", expected), line);
      // rank order: ties share a rank (1, 2, 2, 4), so the rank never passes the line's number
      assertTrue(result.rank(u) >= lastRank && result.rank(u) <= i, "rank order at line " + i);
      lastRank = result.rank(u);
      capped += caps.isEmpty() ? 0 : 1;
      twice += caps.size() > 1 ? 1 : 0;
    }
    assertTrue(capped > 100, "some units capped: " + capped);
    assertTrue(twice > 0, "some by both rules");
  }

  /**
   * The JSON of 20,000 units (two chunks formatted in parallel), one name holding a quote, a
   * backslash and a character outside the BMP: byte for byte what Jackson's own pretty printer
   * writes for the same document (read back and written again event by event), and every unit's
   * object against the library's result.
   */
  @Test
  void aJsonRankingWrittenInParallelChunksIsJacksonsTextOfEachUnitsResult() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    YearMonth dec = YearMonth.of(2026, 12);
    String odd = "单位\"引号\" \\ 𠀀";
    Path ws = twentyThousand(model, "json", 1, 7, odd);
    Path out = dir.resolve("score.json");
    Golden.Run r =
        Golden.run("score", ws.toString(), "--period", "2026-12", "--output", out.toString());
    assertEquals(0, r.exit(), r.err());
    byte[] ours = Files.readAllBytes(out);
    assertEquals(-1, java.util.Arrays.mismatch(ours, jacksonAgain(ours)));
    Dataset data = read(model, ws);
    UnitRegister units = data.units();
    assertEquals(odd, units.name(6));
    PeriodResult result = new Evaluator(model).evaluate(data, dec);
    int seen = 0;
    try (com.fasterxml.jackson.core.JsonParser p =
        new com.fasterxml.jackson.core.JsonFactory().createParser(ours)) {
      while (p.nextToken() != null) {
        if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
            && p.currentName().equals("units")) {
          p.nextToken(); // [
          while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
            java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
              String name = p.currentName();
              p.nextToken();
              o.put(
                  name,
                  switch (p.currentToken()) {
                    case VALUE_NULL -> "null";
                    case VALUE_NUMBER_INT -> p.getIntValue();
                    case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case START_ARRAY -> {
                      List<String> ids = new ArrayList<>();
                      while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                        ids.add(p.getText());
                      }
                      yield ids;
                    }
                    default -> p.getText();
                  });
            }
            int u = units.indexOf((String) o.get("unit"));
            java.util.Map<String, Object> expected = new java.util.LinkedHashMap<>();
            expected.put("rank", result.rank(u) > 0 ? (Object) result.rank(u) : "null");
            expected.put("unit", units.id(u));
            expected.put("name", units.name(u));
            expected.put("type", units.type(u));
            expected.put("index", result.index(u));
            expected.put("colour", result.band(u).id());
            expected.put("index_colour", result.uncappedBand(u).map(b -> b.id()).orElse("null"));
            expected.put("coverage", result.coverage(u));
            expected.put("caps", result.caps(u).stream().map(c -> c.id()).toList());
            for (Node d : model.dimensions()) {
              expected.put(d.id(), result.score(d.id(), u));
            }
            expected.put("change", "null"); // no previous month
            assertEquals(expected, o);
            seen++;
          }
        }
      }
    }
    assertEquals(20_000, seen);
  }

  /**
   * The table and the Markdown of 20,000 units over two months (two chunks of rows formatted in
   * parallel, the table's widths measured across both): every row as the string-built {@link
   * dev.qinglian.cli.render.TextTable} aligns the cells made from the library's result, one name
   * holding a wide character outside the BMP, a combining accent (no column) and Markdown's special
   * characters.
   */
  @Test
  void aTableAndMarkdownOfTwoChunksAreTheRowsOfTheLibrarysResult() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    YearMonth dec = YearMonth.of(2026, 12);
    String odd = "𠀀e\u0301 |_*<x>";
    Path ws = twentyThousand(model, "table", 2, 10, odd);
    Dataset data = read(model, ws);
    UnitRegister units = data.units();
    PeriodResult result = new Evaluator(model).evaluate(data, dec);
    PeriodResult before = new Evaluator(model).evaluate(data, dec.minusMonths(1));
    dev.qinglian.cli.render.Labels zh = dev.qinglian.cli.render.Labels.of("zh");
    List<String> headers = dev.qinglian.cli.render.ScoreRenderer.rankingHeaders(zh, model);
    boolean[] right = new boolean[headers.size()];
    right[0] = right[3] = true;
    for (int c = 5; c < right.length; c++) {
      right[c] = true;
    }
    dev.qinglian.cli.render.TextTable table = new dev.qinglian.cli.render.TextTable(headers, right);
    List<String> markdown = new ArrayList<>();
    int capped = 0;
    for (int u : result.rankOrder()) {
      String[] cells = new String[headers.size()];
      cells[0] = result.rank(u) == 0 ? "—" : Integer.toString(result.rank(u));
      cells[1] = units.id(u);
      cells[2] = units.name(u);
      cells[3] = dev.qinglian.cli.render.Numbers.fixed(result.index(u), 1, "—");
      var band = result.band(u);
      var uncapped = result.uncappedBand(u).orElse(null);
      boolean isCapped =
          uncapped != null && band != uncapped && band != dev.qinglian.model.Band.INSUFFICIENT;
      capped += isCapped ? 1 : 0;
      cells[4] = band.names().zh() + (isCapped ? "*" : "");
      List<Node> dims = model.dimensions();
      for (int d = 0; d < dims.size(); d++) {
        cells[5 + d] =
            dev.qinglian.cli.render.Numbers.fixed(result.score(dims.get(d).id(), u), 1, "—");
      }
      cells[cells.length - 1] =
          dev.qinglian.cli.render.Numbers.signed(result.change(u, before), 1, "—");
      table.add(cells, null);
      String[] md = cells.clone();
      md[1] = dev.qinglian.cli.render.Markdown.escape(md[1]);
      md[2] = dev.qinglian.cli.render.Markdown.escape(md[2]);
      md[4] =
          dev.qinglian.cli.render.Markdown.dot(band.id())
              + " "
              + dev.qinglian.cli.render.Markdown.escape(band.names().zh())
              + (isCapped ? "\\*" : "");
      markdown.add("| " + String.join(" | ", md) + " |");
    }
    assertTrue(capped > 10, "some units capped: " + capped);
    List<String> expected = table.render(false).lines().toList();
    Golden.Run r = Golden.run("score", ws.toString(), "--format", "table", "--color", "never");
    assertEquals(0, r.exit(), r.err());
    List<String> got = r.out().lines().toList();
    assertEquals(expected, got.subList(1, 1 + expected.size())); // after the title
    assertEquals(odd, units.name(9));
    assertTrue(got.stream().anyMatch(l -> l.contains("  " + odd + "  ")), "the odd name");
    assertEquals(capped, got.stream().filter(l -> l.startsWith("* ")).count()); // footnotes
    r = Golden.run("score", ws.toString(), "--format", "markdown");
    assertEquals(0, r.exit(), r.err());
    got = r.out().lines().toList();
    assertEquals(markdown, got.subList(4, 4 + markdown.size())); // title, blank, header, rule
    assertEquals(capped, got.stream().filter(l -> l.startsWith("- \\* ")).count());
  }

  /**
   * An Excel ranking of 20,000 units, written in batches of 4,096 rows whose styles are applied as
   * ranges: every row's values against the library's result, and the fills and number formats
   * around a batch's end.
   */
  @Test
  void anXlsxRankingWrittenInBatchesHasEveryUnitsValuesAndColours() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    YearMonth dec = YearMonth.of(2026, 12);
    Path ws = twentyThousand(model, "xlsx", 1, 3, "名\"称 <&>");
    Path x = dir.resolve("ranking.xlsx");
    Golden.Run r = Golden.run("score", ws.toString(), "--output", x.toString());
    assertEquals(0, r.exit(), r.err());
    Dataset data = read(model, ws);
    UnitRegister units = data.units();
    PeriodResult result = new Evaluator(model).evaluate(data, dec);
    int[] order = result.rankOrder();
    try (org.dhatim.fastexcel.reader.ReadableWorkbook wb =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(x.toFile())) {
      List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
      assertEquals(20_001, rows.size());
      for (int i = 0; i < order.length; i++) {
        int u = order[i];
        org.dhatim.fastexcel.reader.Row row = rows.get(i + 1);
        assertEquals(
            result.rank(u) > 0 ? Integer.toString(result.rank(u)) : "", row.getCellText(0));
        assertEquals(units.id(u), row.getCellText(1));
        assertEquals(units.name(u), row.getCellText(2));
        assertEquals(result.index(u), row.getCell(4).asNumber().doubleValue());
        assertEquals(result.band(u).names().zh(), row.getCellText(5)); // the model's language
        assertEquals(
            result.score(model.dimensions().get(6).id(), u),
            row.getCell(15).asNumber().doubleValue());
      }
      assertEquals("名\"称 <&>", rows.get(1 + indexOf(order, 2)).getCellText(2));
    }
    for (int sheetRow : new int[] {2, 4096, 4097, 4098, 8193, 20_001}) {
      int u = order[sheetRow - 2];
      assertEquals(
          result.band(u).colour().substring(1).toUpperCase(java.util.Locale.ROOT),
          XlsxExportTest.fill(x, "F" + sheetRow),
          "row " + sheetRow);
      assertEquals("", XlsxExportTest.fill(x, "G" + sheetRow)); // index_colour: not filled
    }
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A workspace of 20,000 units and {@code months} months to December 2026 in {@code dir/name}, the
   * name of the unit on line {@code line} of the register replaced by {@code odd}.
   */
  private Path twentyThousand(IndicatorModel model, String name, int months, int line, String odd)
      throws Exception {
    Path ws = dir.resolve(name);
    new Synthetic(model, 6)
        .write(ws, 20_000, months, YearMonth.of(2026, 12), Synthetic.Layout.LONG);
    Path register = ws.resolve("units.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(register, StandardCharsets.UTF_8));
    String[] cells = lines.get(line).split(",", -1);
    cells[1] = "\"" + odd.replace("\"", "\"\"") + "\"";
    lines.set(line, String.join(",", cells));
    Files.write(register, lines, StandardCharsets.UTF_8);
    return ws;
  }

  /** {@code json} read and written again by Jackson (pretty printer, fast double writer). */
  private static byte[] jacksonAgain(byte[] json) throws Exception {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    com.fasterxml.jackson.core.JsonFactory f =
        com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    try (com.fasterxml.jackson.core.JsonParser p = f.createParser(json);
        java.io.Writer w = new java.io.OutputStreamWriter(b, StandardCharsets.UTF_8);
        com.fasterxml.jackson.core.JsonGenerator g =
            f.createGenerator(w).useDefaultPrettyPrinter()) {
      while (p.nextToken() != null) {
        g.copyCurrentEvent(p);
      }
    }
    b.write('\n');
    return b.toByteArray();
  }

  private static List<Path> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
