package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium (Debian's {@code chromium}, installed by
 * .ci/run) loads the file with the network off, the page's script runs without error, the map has
 * one shape per township in its colour; a screenshot is kept as {@code cli/target/report.png}.
 */
class ReportBrowserTest {
  @TempDir Path tmp;

  static String chromium() {
    for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(c))) {
        return c;
      }
    }
    return null;
  }

  static List<String> flags(String chromium, Path profile) {
    return new ArrayList<>(
        List.of(
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--user-data-dir=" + profile));
  }

  @Test
  void warnedUnitsComeFirstAndALargeWorkspaceGetsCardsForThemFirst() throws Exception {
    Path out = tmp.resolve("report.html");
    Golden.Run r =
        Golden.run(
            "report",
            Golden.demo().toString(),
            "--out",
            out.toString(),
            "--lang",
            "en",
            "--cards",
            "7");
    assertEquals(0, r.exit(), r.err());
    String html = Files.readString(out, StandardCharsets.UTF_8);
    Matcher cards = Pattern.compile("<div class=\"unitcard\" id=\"u-([^\"]+)\"").matcher(html);
    List<String> carded = new ArrayList<>();
    while (cards.find()) {
      carded.add(cards.group(1));
    }
    String table = html.substring(html.indexOf("<table id=\"ranking\">"), html.indexOf("</table>"));
    Matcher rows = Pattern.compile("<tr><td>[^<]*</td><td>([^<]+)</td>").matcher(table);
    List<String> ranked = new ArrayList<>();
    while (rows.find()) {
      ranked.add(rows.group(1));
    }
    assertEquals(54, ranked.size());
    // October (score --period 2026-10): Z07 red 51.2, B27 orange 69.4, then the yellows from the
    // lowest index, B12 80.0, Z03 81.5, B21 91.4 (capped); then the greens in rank order: B38
    // and Z02, the first two rows of the ranking
    assertEquals(List.of("Z07", "B27", "B12", "Z03", "B21", ranked.get(0), ranked.get(1)), carded);
    assertEquals(List.of("B38", "Z02"), ranked.subList(0, 2));
    assertTrue(
        html.contains("cards for 7 of 54 units, the warned ones first"), "the report says so");
    // B21's colour was set by a rule: said on its card, and marked in the ranking and the tile
    assertTrue(
        html.contains(
            "green by its index, capped at yellow by &quot;Promotion of a cadre with known"
                + " problems this month&quot;"),
        "cap note");
    assertEquals(2, html.split("class=\"cap\"", -1).length - 1, "mark on tile and ranking");
    // months under the trend lines, names beside the bars, the model's name as the title
    assertTrue(html.contains("<text class=\"month\" x=\"285.0\" y=\"123\">26-10</text>"));
    // D1 "Regularity of political life", cut to 20 characters beside its bar
    assertTrue(html.contains(">Regularity of polit…</text>"), "dimension names");
    assertTrue(html.contains("<h1>Clean-government index — monthly report <span>2026-10</span>"));
    // every band-coloured box has text of WCAG AA contrast (4.5:1) computed from the colour
    Matcher boxes = Pattern.compile("background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})").matcher(html);
    int n = 0;
    while (boxes.find()) {
      n++;
      double ratio = dev.qinglian.cli.render.Contrast.ratio(boxes.group(1), boxes.group(2));
      assertTrue(ratio >= 4.5, boxes.group() + " " + ratio);
    }
    assertTrue(n >= 54 + 40 + 7, "ranking cells, tiles and cards: " + n);
    // by default (500) every unit of a county has its card, and no note
    Golden.Run all =
        Golden.run("report", Golden.demo().toString(), "--out", out.toString(), "--force");
    assertEquals(0, all.exit(), all.err());
    String full = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(54, full.split("class=\"unitcard\"", -1).length - 1);
    assertFalse(full.contains("单位较多"));
  }

  @Test
  void theReportIsSelfContainedAndEscapes() throws Exception {
    Path out = tmp.resolve("report.html");
    Golden.Run r =
        Golden.run("report", Golden.demo().toString(), "--out", out.toString(), "--lang", "en");
    assertEquals(0, r.exit(), r.err());
    String html = Files.readString(out, StandardCharsets.UTF_8);
    // no network: nothing is loaded from anywhere
    assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//").matcher(html).find());
    assertFalse(html.contains("<link"));
    // one shape per township of map.geojson (14), each with its unit's colour; Z07 is red
    Matcher m =
        Pattern.compile(
                "<path class=\"unit\" data-unit=\"(Z\\d\\d)\" d=\"[^\"]+\" fill=\"(#[0-9a-f]{6})\"")
            .matcher(html);
    int shapes = 0;
    while (m.find()) {
      shapes++;
      if (m.group(1).equals("Z07")) {
        assertEquals("#c62828", m.group(2));
      }
      if (m.group(1).equals("Z02")) {
        assertEquals("#2e7d32", m.group(2));
      }
    }
    assertEquals(14, shapes);
    // the 40 departments without territory are tiles
    assertEquals(40, html.split("class=\"tile\"", -1).length - 1);
  }

  @Test
  void chromiumRendersItWithoutScriptErrors() throws Exception {
    String chromium = chromium();
    if (chromium == null) {
      // said in the build output, not only in the surefire report
      System.err.println(
          "ReportBrowserTest skipped: no chromium on this machine (.ci/run installs it:"
              + " apt-get install chromium fonts-noto-cjk)");
    }
    Assumptions.assumeTrue(chromium != null, "no chromium on this machine (.ci/run installs it)");
    Path out = tmp.resolve("report.html");
    assertEquals(0, Golden.run("report", Golden.demo().toString(), "--out", out.toString()).exit());
    List<String> dump = flags(chromium, tmp.resolve("profile"));
    dump.addAll(List.of("--dump-dom", out.toUri().toString()));
    Process p = new ProcessBuilder(dump).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    // the script ran to its end (it sets data-ready="ok", or "error: …" when something threw)
    assertTrue(dom.contains("data-ready=\"ok\""), dom.length() > 400 ? dom.substring(0, 400) : dom);
    assertEquals(14, dom.split("<path class=\"unit\"", -1).length - 1);
    Path shot = Path.of("target/report.png").toAbsolutePath();
    Files.deleteIfExists(shot);
    List<String> screenshot = flags(chromium, tmp.resolve("profile2"));
    screenshot.addAll(
        List.of("--window-size=1300,2200", "--screenshot=" + shot, out.toUri().toString()));
    Process s =
        new ProcessBuilder(screenshot)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(s.waitFor(120, TimeUnit.SECONDS));
    assertTrue(Files.size(shot) > 10_000, "screenshot " + shot);
    // printed: A4 pages (595 x 842 pt), each with content; kept as cli/target/report-print.pdf
    Path pdf = Path.of("target/report-print.pdf").toAbsolutePath();
    Files.deleteIfExists(pdf);
    List<String> print = flags(chromium, tmp.resolve("profile3"));
    print.addAll(
        List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf, out.toUri().toString()));
    Process pp =
        new ProcessBuilder(print)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(pp.waitFor(120, TimeUnit.SECONDS));
    String bytes = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    Matcher box =
        Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([0-9.]+) ([0-9.]+)\\s*\\]").matcher(bytes);
    int pages = 0;
    while (box.find()) {
      pages++;
      assertEquals(595, Math.round(Double.parseDouble(box.group(1))), box.group());
      assertEquals(842, Math.round(Double.parseDouble(box.group(2))), box.group());
    }
    assertTrue(pages >= 3, "A4 pages: " + pages);
    if (Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
      Process png =
          new ProcessBuilder(
                  "/usr/bin/pdftoppm",
                  "-r",
                  "40",
                  "-png",
                  pdf.toString(),
                  Path.of("target/report-page").toAbsolutePath().toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      assertEquals(0, png.waitFor());
    }
  }
}
