package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Word notices read back by an independent reader (python-docx, Debian's python3-docx,
 * installed by .ci/run): number, recipient, colour, capping rule, date, layout; numbering stable
 * across re-runs and unique within a year.
 */
class NoticeDocxTest {
  @TempDir Path tmp;

  private static Map<String, JsonNode> read(Path dir) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                TemplateRoundTripTest.PYTHON,
                Path.of("src/test/resources/python/read_notice.py").toString()));
    try (var s = Files.list(dir)) {
      s.map(Path::toString).filter(f -> f.endsWith(".docx")).sorted().forEach(cmd::add);
    }
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
    Map<String, JsonNode> byFile = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : out.lines().toList()) {
      JsonNode n = json.readTree(line);
      byFile.put(Path.of(n.get("file").asText()).getFileName().toString(), n);
    }
    return byFile;
  }

  private static List<String> paragraphs(JsonNode n) {
    List<String> p = new ArrayList<>();
    n.get("paragraphs").forEach(x -> p.add(x.asText()));
    return p;
  }

  @Test
  void noticesReadBackByPythonDocx() throws Exception {
    boolean available = TemplateRoundTripTest.python("docx");
    if (!available) {
      System.err.println(
          "NoticeDocxTest skipped: /usr/bin/python3 with python-docx is missing"
              + " (apt-get install python3-docx; .ci/run installs it)");
    }
    Assumptions.assumeTrue(available, "python3-docx is not installed");
    Path ws = tmp.resolve("ws");
    Golden.copy(Golden.demo(), ws);
    Path out = tmp.resolve("notices");
    Golden.Run sep =
        Golden.run(
            "warn",
            ws.toString(),
            "--period",
            "2026-09",
            "--out",
            out.toString(),
            "--date",
            "2026-10-12");
    assertEquals(0, sep.exit(), sep.err());
    Golden.Run oct =
        Golden.run(
            "warn",
            ws.toString(),
            "--period",
            "2026-10",
            "--out",
            out.toString(),
            "--date",
            "2026-11-10");
    assertEquals(0, oct.exit(), oct.err());
    Map<String, JsonNode> docs = read(out);
    assertEquals(9, docs.size(), docs.keySet().toString());
    // September: B12, Z03, B27 and Z07 are not green (WarnCommandTest's register): numbers 1-4 in
    // rank order. October adds B21 (91.4, capped at yellow), the best-ranked non-green unit, so it
    // takes the year's next number, 5; the four others follow as 6-9.
    JsonNode b21 = docs.get("2026-10-B21.docx");
    List<String> p = paragraphs(b21);
    assertEquals("中共示例县纪委 示例县监委", p.get(0)); // settings.yaml's mark
    assertEquals("FF0000", b21.get("mark_colour").asText());
    assertTrue(p.contains("示纪预〔2026〕5号"), p.toString());
    assertTrue(p.contains("县农业农村局："), p.toString()); // 主送: B21's name in units.csv
    assertTrue(p.contains("关于对县农业农村局予以黄色预警的通知"), p.toString());
    assertTrue(
        p.stream().anyMatch(x -> x.contains("清廉指数为91.4") && x.contains("列为黄色预警")), p.toString());
    // the cap: green by its index (91.4 >= 85), capped at yellow by problem-promotion (D3.1.2 = 1)
    assertTrue(p.contains("按指数，你单位应为绿色；因“当月有‘带病提拔’问题”，限定为黄色。"), p.toString());
    // 成文日期 as given; the deadline 30 days later (settings.yaml: deadline-days 30)
    assertTrue(p.contains("2026年11月10日"), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.contains("于2026年12月10日前")), p.toString());
    assertTrue(p.contains("（预警编号：W-2026-10-B21）"), p.toString());
    // no hash in the letter; the provenance is a document property
    assertTrue(p.stream().noneMatch(x -> x.contains("sha256")), p.toString());
    assertEquals("B21", b21.get("subject").asText());
    assertEquals("示纪预〔2026〕5号", b21.get("identifier").asText());
    assertEquals("2026-11-10T00:00:00", b21.get("created").asText());
    // GB/T 9704: A4, margins 37/35/28/26 mm, body 3号 (16 pt) 仿宋, page number — N —
    assertEquals("[210,297]", b21.get("page_mm").toString());
    assertEquals("[37,35,28,26]", b21.get("margins_mm").toString());
    assertEquals("仿宋_GB2312", b21.get("body_font").asText());
    assertEquals(16.0, b21.get("body_pt").asDouble());
    assertEquals("— 1 —", b21.get("footer").asText());
    // Z07 is red in October: its notice says so in the model's band name
    assertTrue(
        paragraphs(docs.get("2026-10-Z07.docx")).stream().anyMatch(x -> x.contains("列为红色预警")));
    // numbers unique within the year, and stable: October again, later, keeps number and date
    List<String> register = Files.readAllLines(ws.resolve("notices.csv"));
    assertEquals(10, register.size(), register.toString()); // header + 4 + 5
    assertEquals(9, register.stream().skip(1).map(l -> l.split(",")[0]).distinct().count());
    byte[] before = Files.readAllBytes(out.resolve("2026-10-B21.docx"));
    Golden.Run again =
        Golden.run(
            "warn",
            ws.toString(),
            "--period",
            "2026-10",
            "--out",
            out.toString(),
            "--force",
            "--date",
            "2026-11-20");
    assertEquals(0, again.exit(), again.err());
    assertEquals(register, Files.readAllLines(ws.resolve("notices.csv")));
    assertArrayEquals(before, Files.readAllBytes(out.resolve("2026-10-B21.docx")));
    // the index workbook, read by openpyxl: B21 first (the best-ranked warned unit), its colour
    // cell in the band's colour (#f9a825) with black text (WCAG: 10.6:1 against 1.98:1 for
    // white), and the capping rule said
    Process x =
        new ProcessBuilder(
                TemplateRoundTripTest.PYTHON,
                Path.of("src/test/resources/python/read_index.py").toString(),
                out.resolve("2026-10-index.xlsx").toString())
            // openpyxl warns that fastexcel's workbook has no default style: not the point here
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> rows =
        new String(x.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, x.waitFor(), rows.toString());
    assertEquals("预警通知书|本月变动", rows.get(0));
    assertTrue(rows.get(1).startsWith("发文字号|单位编码|单位名称|指数|排名|颜色|"), rows.get(1));
    assertEquals(7, rows.size(), rows.toString()); // names, header, five notices
    String first = rows.get(2);
    assertTrue(
        first.startsWith("示纪预〔2026〕5号|B21|县农业农村局|91.39") && first.contains("|46|黄色|"), first);
    assertTrue(first.contains("按指数为绿，因“当月有‘带病提拔’问题”限为黄"), first);
    assertTrue(first.toUpperCase(java.util.Locale.ROOT).contains("F9A825"), first);
    assertTrue(first.endsWith(" 00000000"), first); // black text (openpyxl: ARGB)
  }

  @Test
  void aBrokenSettingsFileIsReportedWithItsLinesAndNothingIsWritten() throws Exception {
    Path ws = tmp.resolve("ws");
    Golden.copy(Golden.demo(), ws);
    Files.writeString(
        ws.resolve("settings.yaml"),
        "notice:\n  mark: X\n  deadline-days: 2.5\n  signatur: Y\n",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("notices");
    Golden.Run r =
        Golden.run(
            "warn", ws.toString(), "--period", "2026-10", "--out", out.toString(), "--lang", "en");
    assertEquals(1, r.exit(), r.err());
    // all three problems in one pass, each with its line
    assertTrue(r.err().contains("settings.yaml:4:3: error: unknown key 'signatur'"), r.err());
    assertTrue(r.err().contains("settings.yaml:3:18: error"), r.err());
    assertTrue(r.err().contains("'notice.authority' is required"), r.err());
    assertTrue(!Files.exists(out), "no notices written");
    assertTrue(!Files.exists(ws.resolve("warnings.csv")), "no register written");
  }
}
