package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XLSX exports read back cell by cell: values, types and fills. */
class XlsxExportTest {
  @TempDir Path tmp;

  /** The fill colour (RRGGBB) of a cell, from the sheet's style index and styles.xml. */
  static String fill(Path xlsx, String ref) throws Exception {
    try (ZipFile z = new ZipFile(xlsx.toFile())) {
      String sheet =
          new String(z.getInputStream(z.getEntry("xl/worksheets/sheet1.xml")).readAllBytes());
      String styles = new String(z.getInputStream(z.getEntry("xl/styles.xml")).readAllBytes());
      Matcher c = Pattern.compile("<c r=\"" + ref + "\" s=\"(\\d+)\"").matcher(sheet);
      if (!c.find()) {
        return "";
      }
      List<String> xfs = new ArrayList<>();
      Matcher x =
          Pattern.compile("<xf [^>]*fillId=\"(\\d+)\"")
              .matcher(styles.substring(styles.indexOf("<cellXfs")));
      while (x.find()) {
        xfs.add(x.group(1));
      }
      List<String> fills = new ArrayList<>();
      Matcher f = Pattern.compile("<fill>(.*?)</fill>").matcher(styles);
      while (f.find()) {
        Matcher rgb = Pattern.compile("rgb=\"([0-9A-Fa-f]+)\"").matcher(f.group(1));
        fills.add(rgb.find() ? rgb.group(1) : "");
      }
      return fills.get(Integer.parseInt(xfs.get(Integer.parseInt(c.group(1)))));
    }
  }

  /** The demo's ranking as a workbook, in Chinese. */
  private Path demoRanking() {
    Path x = tmp.resolve("score.xlsx");
    Golden.Run r =
        Golden.run("score", Golden.demo().toString(), "--format", "xlsx", "--output", x.toString());
    assertEquals(0, r.exit(), r.err());
    return x;
  }

  @Test
  void scoreWorkbookHasNumbersColoursAndTheCsvColumnsInTheChosenLanguage() throws Exception {
    Path x = demoRanking();
    try (ReadableWorkbook wb = new ReadableWorkbook(x.toFile())) {
      List<Row> rows = wb.getFirstSheet().read();
      // a workbook for people: Chinese headers and colour names (the CSV keeps its ids)
      assertEquals("排名", rows.get(0).getCellText(0));
      assertEquals("颜色", rows.get(0).getCellText(5));
      assertEquals("D7 自我净化修复度", rows.get(0).getCellText(15));
      assertEquals("红", rows.get(54).getCellText(5));
      assertEquals(55, rows.size()); // header + 54 units
      Row last = rows.get(54);
      assertEquals("Z07", last.getCellText(1));
      assertEquals(CellType.NUMBER, last.getCell(4).getType());
      // index of Z07 in 2026-10 (tools/crosscheck.py): 51.15777356902357
      assertEquals(51.15777356902357, last.getCell(4).asNumber().doubleValue(), 1e-9);
    }
    Path en = tmp.resolve("score-en.xlsx");
    Golden.run(
        "score",
        Golden.demo().toString(),
        "--format",
        "xlsx",
        "--output",
        en.toString(),
        "--lang",
        "en");
    try (ReadableWorkbook wb = new ReadableWorkbook(en.toFile())) {
      List<Row> rows = wb.getFirstSheet().read();
      assertEquals("Rank", rows.get(0).getCellText(0));
      assertEquals("red", rows.get(54).getCellText(5));
    }
    assertEquals("C62828", fill(x, "F55")); // red
    assertEquals("2E7D32", fill(x, "F2")); // the first unit is green
    assertEquals("ECEFF1", fill(x, "A1")); // header
  }

  @Test
  void aRankingPrintsOnA4LandscapeAsWideAsThePageWithColumnsAsWideAsTheirText() throws Exception {
    Path x = demoRanking();
    Process p =
        new ProcessBuilder(
                TemplateRoundTripTest.PYTHON,
                Path.of("src/test/resources/python/read_print_setup.py").toString(),
                x.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> lines =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .toList();
    assertEquals(0, p.waitFor(), lines.toString());
    // paper size 9 is A4 in OOXML; fit to one page wide, as many pages high as needed; the
    // header row repeated on every page
    assertEquals("landscape|9|True|1|0|$1:$1", lines.get(0));
    // widths: two more than the widest text among the header and the cells, a Chinese character
    // counted as two, at least 8; 名称 given 24. 排名 (4) and ranks up to 54 (2): 8; 单位 (4),
    // B38 (3): 8; 类型 (4), department (10): 12; 指数 (4), 98.9 as shown (4): 8 (fastexcel's
    // guess counted the 16 digits of 98.91…); 颜色 (4), 绿 (2): 8
    assertEquals("8.0|8.0|24.0|12.0|8.0|8.0", lines.get(1));
  }

  @Test
  void trendWorkbookColoursEveryMonth() throws Exception {
    Path x = tmp.resolve("trend.xlsx");
    assertEquals(
        0,
        Golden.run(
                "trend",
                Golden.demo().toString(),
                "--from",
                "2026-06",
                "--format",
                "xlsx",
                "--output",
                x.toString())
            .exit());
    try (ReadableWorkbook wb = new ReadableWorkbook(x.toFile())) {
      List<Row> rows = wb.getFirstSheet().read();
      assertEquals(
          List.of("单位", "名称", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "环比"),
          rows.get(0).stream().map(c -> c.getText()).toList());
      Row z07 = rows.stream().filter(r -> "Z07".equals(r.getCellText(0))).findFirst().orElseThrow();
      // 2026-06 84.72157407407407 (crosscheck.py), yellow
      assertEquals(84.72157407407407, z07.getCell(2).asNumber().doubleValue(), 1e-9);
      int row = z07.getRowNum();
      assertEquals("F9A825", fill(x, "C" + row)); // June: yellow
      assertEquals("EF6C00", fill(x, "D" + row)); // July: orange
      assertEquals("C62828", fill(x, "E" + row)); // August: red
    }
  }

  @Test
  void aRankingLongerThanASheetIsRefusedBeforeAnythingIsWritten() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    CliException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            CliException.class,
            () ->
                dev.qinglian.cli.render.XlsxExport.sheet(
                    out, "2026-10", List.of("rank"), 1_048_576, r -> List.of()));
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertEquals(
        "an Excel sheet holds at most 1048575 rows below its header, and this one would have"
            + " 1048576: write CSV instead (--format csv)",
        e.getMessage());
    assertEquals(0, out.size());
  }
}
