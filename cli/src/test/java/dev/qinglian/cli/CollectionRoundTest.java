package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A collection round for November 2026 on a copy of the demo county. */
class CollectionRoundTest {
  @TempDir Path tmp;

  /** Fills a CSV template as a department would: rates and scores 95, counts 0. */
  static String fill(String template) {
    StringBuilder sb = new StringBuilder();
    for (String line : template.split("\n")) {
      if (line.startsWith("\uFEFFunit,") || line.startsWith("unit,")) {
        sb.append(line).append('\n');
        continue;
      }
      String[] f = line.split(",", -1);
      String value = f[5].equals("count") ? "0" : "95";
      sb.append(line, 0, line.length() - 1).append(value).append(",\n"); // "…,max,," -> "…,max,v,"
    }
    return sb.toString();
  }

  /** The template text with the value of one unit and indicator replaced (the 9th column). */
  static String setValue(String text, String unit, String indicator, String value) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n")) {
      String[] f = line.split(",", -1);
      if (f.length == 10 && f[0].equals(unit) && f[3].equals(indicator)) {
        f[8] = value;
        line = String.join(",", f);
      }
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  /** The line of a department in the status table, split on runs of spaces. */
  static List<String> statusOf(String out, String source) {
    String line = out.lines().filter(l -> l.startsWith(source + " ")).findFirst().orElseThrow();
    return List.of(line.trim().split("\\s{2,}"));
  }

  @Test
  void templatesStatusLateDataAndARevision() throws Exception {
    Path ws = tmp.resolve("ws");
    Golden.copy(Golden.demo(), ws);
    Path templates = tmp.resolve("templates");
    Golden.Run t =
        Golden.run(
            "template",
            ws.toString(),
            "--period",
            "2026-11",
            "--format",
            "csv",
            "--out",
            templates.toString(),
            "--lang",
            "en");
    assertEquals(0, t.exit(), t.err());
    try (Stream<Path> s = Files.list(templates)) {
      assertEquals(7, s.count());
    }
    // November: monthly indicators only; discipline owes 14 of its 17 (3 are quarterly) x 54 units
    String discipline = Files.readString(templates.resolve("discipline-2026-11.csv"));
    assertEquals(14 * 54 + 1, discipline.split("\n").length);
    // before anything arrives: nothing present, exit 1
    Golden.Run before = Golden.run("status", ws.toString(), "--period", "2026-11", "--lang", "en");
    assertEquals(1, before.exit());
    assertTrue(before.out().contains("Completeness: 0.0% (0/1674), incomplete"), before.out());
    // six departments answer (petitions is late); discipline has one invalid value
    for (String source :
        List.of(
            "party-office",
            "gov-office",
            "discipline",
            "organisation",
            "propaganda",
            "supervision")) {
      String filled = fill(Files.readString(templates.resolve(source + "-2026-11.csv")));
      if (source.equals("discipline")) {
        filled = setValue(filled, "B01", "D2.1.3", "abc");
      }
      Files.writeString(
          ws.resolve("data").resolve(source + "-2026-11.csv"), filled, StandardCharsets.UTF_8);
    }
    Golden.Run mid = Golden.run("status", ws.toString(), "--period", "2026-11", "--lang", "en");
    assertEquals(1, mid.exit());
    // source, file(s), owed, present, missing, invalid, units affected
    assertEquals(
        List.of(
            "Discipline Inspection and Supervision",
            "discipline-2026-11.csv, discipline.csv",
            "756",
            "755",
            "1",
            "1",
            "B01"),
        statusOf(mid.out(), "Discipline Inspection and Supervision"));
    assertEquals(
        List.of(
            "Petitions Bureau",
            "petitions.csv",
            "216",
            "0",
            "216",
            "0",
            "B01, B02, B03, B04, B05, B06, B07, B08 (+46)"),
        statusOf(mid.out(), "Petitions Bureau"));
    // the late file arrives and the invalid value is corrected: complete
    Files.writeString(
        ws.resolve("data/petitions-2026-11.csv"),
        fill(Files.readString(templates.resolve("petitions-2026-11.csv"))));
    Path d = ws.resolve("data/discipline-2026-11.csv");
    Files.writeString(d, Files.readString(d).replace(",abc,", ",0,"));
    Golden.Run after = Golden.run("status", ws.toString(), "--period", "2026-11", "--lang", "en");
    assertEquals(0, after.exit(), after.out());
    assertTrue(after.out().contains("Completeness: 100.0% (1674/1674), complete"), after.out());
    // the month is scored and recorded; then a late correction: a referral for B05 in November
    Golden.Run scored =
        Golden.run("score", ws.toString(), "--period", "2026-11", "--record", "--format", "csv");
    assertEquals(0, scored.exit(), scored.err());
    assertTrue(Files.exists(ws.resolve("history/score-2026-11.json")));
    Files.writeString(d, setValue(Files.readString(d), "B05", "D5.1.3", "1"));
    Golden.Run revised =
        Golden.run(
            "score", ws.toString(), "--period", "2026-11", "--format", "csv", "--lang", "en");
    // in the model's language (zh), the same notice in Chinese with the colours' Chinese names
    Golden.Run revisedZh =
        Golden.run("score", ws.toString(), "--period", "2026-11", "--format", "csv");
    assertTrue(
        revisedZh.err().contains("2026-11 与已登记结果 history/score-2026-11.json 相比有修订：1 个单位变化"),
        revisedZh.err());
    assertTrue(
        !revisedZh.err().contains("green") && !revisedZh.err().contains("orange"), revisedZh.err());
    assertEquals(0, revised.exit(), revised.err());
    String rev =
        revised
            .err()
            .lines()
            .filter(l -> l.startsWith("revision of 2026-11"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "revision of 2026-11 against the recorded result history/score-2026-11.json: 1 unit(s) changed",
        rev);
    String b05 =
        revised
            .err()
            .lines()
            .filter(l -> l.trim().startsWith("B05 "))
            .findFirst()
            .orElseThrow()
            .trim();
    // D5.1.3 scores 100 -> 0: the index falls by its nominal weight (0.02 x 100 = 2 points) and the
    // referral caps the colour at orange
    assertTrue(b05.endsWith(" orange") && b05.contains(" green → "), b05);
  }

  @Test
  void anExcelTemplateFilledInComesBackThroughTheNormalReader() throws Exception {
    Path ws = tmp.resolve("ws");
    Golden.copy(Golden.demo(), ws);
    Path templates = tmp.resolve("templates");
    assertEquals(
        0,
        Golden.run(
                "template",
                ws.toString(),
                "--period",
                "2026-11",
                "--source",
                "supervision",
                "--out",
                templates.toString())
            .exit());
    Path filled = ws.resolve("data/supervision-2026-11.xlsx");
    try (ReadableWorkbook in =
            new ReadableWorkbook(templates.resolve("supervision-2026-11.xlsx").toFile());
        OutputStream out = Files.newOutputStream(filled)) {
      Workbook wb = new Workbook(out, "department", "1.0");
      Worksheet ws2 = wb.newWorksheet("数据");
      List<Row> rows = in.getFirstSheet().read();
      for (Row r : rows) {
        for (int c = 0; c < r.getCellCount(); c++) {
          if (r.getCell(c) != null && r.getCell(c).getRawValue() != null) {
            ws2.value(r.getRowNum() - 1, c, r.getCell(c).getText());
          }
        }
        if (r.getRowNum() > 1) {
          ws2.value(r.getRowNum() - 1, 8, r.getCellText(5).equals("count") ? 0 : 95);
        }
      }
      wb.finish();
    }
    Golden.Run status = Golden.run("status", ws.toString(), "--period", "2026-11", "--lang", "en");
    // supervision owes 2 monthly indicators x 54 units in November, all present, none invalid
    assertEquals(
        List.of(
            "Supervision and Assessment Task Force",
            "supervision-2026-11.xlsx, supervision.csv",
            "108",
            "108",
            "0",
            "0"),
        statusOf(status.out(), "Supervision and Assessment Task Force"),
        status.out());
  }
}
