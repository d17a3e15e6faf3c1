package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile names never leak into outputs as live formulas or markup; outputs are never half-written.
 */
class SafetyTest {
  @TempDir Path tmp;
  Path ws;

  @BeforeEach
  void hostileNames() throws Exception {
    ws = tmp.resolve("ws");
    Golden.copy(Golden.demo(), ws);
    Path units = ws.resolve("units.csv");
    String text = Files.readString(units, StandardCharsets.UTF_8);
    text = text.replace("B01,县委办公室,", "B01,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",");
    text = text.replace("Z07,青山镇,", "Z07,<script>alert(1)</script>,");
    Files.writeString(units, text, StandardCharsets.UTF_8);
  }

  @Test
  void csvCellsThatLookLikeFormulasAreNeutralised() throws Exception {
    Golden.Run r = Golden.run("score", ws.toString(), "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    String line = r.out().lines().filter(l -> l.contains(",B01,")).findFirst().orElseThrow();
    // the name is quoted (it holds a comma and quotes) and starts with an apostrophe
    assertTrue(line.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","), line);
  }

  @Test
  void markupIsEscapedInMarkdownAndNotices() throws Exception {
    Golden.Run r = Golden.run("score", ws.toString(), "--format", "markdown");
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("<script>"));
    assertTrue(r.out().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    Path notices = tmp.resolve("notices");
    assertEquals(
        0, Golden.run("warn", ws.toString(), "--out", notices.toString(), "--format", "md").exit());
    String notice = Files.readString(notices.resolve("2026-10-Z07.md"));
    assertFalse(notice.contains("<script>"));
    assertTrue(notice.contains("&lt;script&gt;"));
  }

  @Test
  void anExistingOutputIsReplacedOnlyWithForceAndAnInputNever() throws Exception {
    Path out = tmp.resolve("out.csv");
    Files.writeString(out, "keep me");
    // a replaced output keeps its permissions (the temporary file must not make it owner-only)
    var perms = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(out, perms);
    Golden.Run r =
        Golden.run(
            "score", ws.toString(), "--format", "csv", "--output", out.toString(), "--lang", "en");
    assertEquals(1, r.exit());
    assertEquals(
        "qinglian: " + out + " exists; use --force to replace it\n",
        r.err().lines().filter(l -> l.startsWith("qinglian:")).findFirst().orElseThrow() + "\n");
    assertEquals("keep me", Files.readString(out));
    assertEquals(
        0,
        Golden.run("score", ws.toString(), "--format", "csv", "--output", out.toString(), "--force")
            .exit());
    assertTrue(Files.readString(out).startsWith("rank,unit,name"));
    assertEquals(perms, Files.getPosixFilePermissions(out));
    // no temporary file is left next to the output
    try (var s = Files.list(tmp)) {
      assertEquals(
          List.of("out.csv", "ws"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    Path units = ws.resolve("units.csv");
    byte[] before = Files.readAllBytes(units);
    Golden.Run refused =
        Golden.run("score", ws.toString(), "--output", units.toString(), "--force");
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("拒绝覆盖输入文件"), refused.err()); // in the model's language
    org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(units));
  }

  @Test
  void verifyConfirmsAResultAndNamesWhatChanged() throws Exception {
    Path result = tmp.resolve("result.json");
    assertEquals(
        0,
        Golden.run("score", ws.toString(), "--format", "json", "--output", result.toString())
            .exit());
    Golden.Run ok = Golden.run("verify", result.toString(), ws.toString(), "--lang", "en");
    assertEquals(0, ok.exit(), ok.out() + ok.err());
    assertTrue(ok.out().startsWith("verified: "), ok.out());
    // the same inputs give byte-identical output
    Path again = tmp.resolve("again.json");
    assertEquals(
        0,
        Golden.run("score", ws.toString(), "--format", "json", "--output", again.toString())
            .exit());
    assertEquals(Files.readString(result), Files.readString(again));
    // change one figure of B12 in October
    Path party = ws.resolve("data/party-office.csv");
    String text = Files.readString(party);
    String line =
        text.lines().filter(l -> l.startsWith("B12,2026-10,D1.1.1,")).findFirst().orElseThrow();
    Files.writeString(party, text.replace(line, "B12,2026-10,D1.1.1,10,"));
    Golden.Run bad = Golden.run("verify", result.toString(), ws.toString(), "--lang", "en");
    assertEquals(1, bad.exit());
    assertTrue(bad.out().contains("input data/party-office.csv changed"), bad.out());
    assertTrue(bad.out().contains("unit B12: index "), bad.out());
  }

  @Test
  void verifyRefusesADamagedResultWithWhatIsWrongNeverAnInternalError() throws Exception {
    Path result = tmp.resolve("result.json");
    assertEquals(
        0,
        Golden.run("score", ws.toString(), "--format", "json", "--output", result.toString())
            .exit());
    String good = Files.readString(result);
    String head = "{\"tool\": \"qinglian\", \"command\": \"score\", \"period\": \"2026-10\", ";
    java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put(head + "\"inputs\": [1]}", "inputs entry 1 must be an object with file and sha256");
    cases.put(head + "\"model\": \"x\"}", "'model' must be an object with file and sha256");
    cases.put(head + "\"units\": [1]}", "units entry 1 must be an object with a unit id");
    cases.put(head + "\"inputs\": {}}", "'inputs' must be a list");
    cases.put(
        good.replace("\"period\" : \"2026-10\"", "\"period\" : \"2026-13\""),
        "'period' is not a month (YYYY-MM): \"2026-13\"");
    cases.put(
        good.replace("\"period\" : \"2026-10\"", "\"period\" : 7"), "'period' must be a string");
    cases.put("[1, 2]", "not a JSON object");
    cases.put("{\"tool\": ", "is not a qinglian result: Unexpected end-of-input");
    for (var c : cases.entrySet()) {
      Path bad = tmp.resolve("bad.json");
      Files.writeString(bad, c.getKey());
      Golden.Run r = Golden.run("verify", bad.toString(), ws.toString(), "--lang", "en");
      assertEquals(1, r.exit(), c.getKey() + "\n" + r.err());
      assertTrue(r.err().contains(c.getValue()), c.getKey() + "\n" + r.err());
      assertTrue(r.err().contains(bad.toString()), r.err());
    }
    // invalid UTF-8 inside a string
    byte[] bytes = (head + "\"x\": \"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 3);
    broken[bytes.length] = (byte) 0xC3; // a lead byte followed by a quote: not UTF-8
    broken[bytes.length + 1] = '"';
    broken[bytes.length + 2] = '}';
    Path bad = tmp.resolve("bad.json");
    Files.write(bad, broken);
    Golden.Run r = Golden.run("verify", bad.toString(), ws.toString(), "--lang", "en");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("is not a qinglian result: Invalid UTF-8"), r.err());
  }

  @Test
  void reportRefusesAMalformedMapNamingTheFeature() throws Exception {
    String feature =
        "{\"type\": \"Feature\", \"properties\": {\"unit\": \"B01\"}, \"geometry\":"
            + " {\"type\": \"Polygon\", \"coordinates\": [[%s, [118.4, 29.1], [118.3, 29.2]]]}}";
    java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put(
        "{\"type\": \"FeatureCollection\", \"features\": [" + feature.formatted("[118.3]") + "]}",
        "feature 1 (unit B01): a position must be [longitude, latitude] numbers, not [118.3]");
    cases.put(
        "{\"type\": \"FeatureCollection\", \"features\": [" + feature.formatted("\"abc\"") + "]}",
        "feature 1 (unit B01): a position must be [longitude, latitude] numbers, not \"abc\"");
    cases.put("{\"features\": 3}", "not a FeatureCollection with a list of features");
    cases.put("{\"features\": [", "Unexpected end-of-input");
    for (var c : cases.entrySet()) {
      Path map = tmp.resolve("bad.geojson");
      Files.writeString(map, c.getKey());
      Path html = tmp.resolve("r.html");
      Golden.Run r =
          Golden.run(
              "report",
              ws.toString(),
              "--map",
              map.toString(),
              "--out",
              html.toString(),
              "--lang",
              "en");
      assertEquals(1, r.exit(), c.getKey() + "\n" + r.err());
      assertTrue(r.err().contains(map + " is not valid GeoJSON: " + c.getValue()), r.err());
      assertTrue(!Files.exists(html), "nothing written");
    }
  }

  @Test
  void aDeviceOrAPipeIsWrittenThroughNeverReplaced() throws Exception {
    // /dev/null: as root the temporary-file-and-rename used to turn it into a regular file
    Path devNull = Path.of("/dev/null");
    Golden.Run r = Golden.run("score", ws.toString(), "--output", devNull.toString(), "--force");
    assertEquals(0, r.exit(), r.err());
    assertTrue(!Files.isRegularFile(devNull) && Files.exists(devNull), "/dev/null is a device");
    // without --force too: writing into a device replaces nothing
    assertEquals(0, Golden.run("score", ws.toString(), "--output", devNull.toString()).exit());
    // a named pipe: the ranking arrives at its reader, and the pipe stays a pipe
    Path fifo = tmp.resolve("ranks.pipe");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mk.waitFor());
    java.util.concurrent.CompletableFuture<byte[]> read =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readAllBytes(fifo);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    Golden.Run p =
        Golden.run("score", ws.toString(), "--format", "csv", "--output", fifo.toString());
    assertEquals(0, p.exit(), p.err());
    String csv = new String(read.get(30, java.util.concurrent.TimeUnit.SECONDS), "UTF-8");
    assertTrue(csv.startsWith("rank,unit,"), csv);
    assertTrue(
        Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(),
        "still a pipe");
  }

  @Test
  void aFailedWriteToStandardOutputIsAnErrorNotExitZero() {
    // what /dev/full does: every write fails (ENOSPC)
    java.io.OutputStream full =
        new java.io.OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            throw new java.io.IOException("No space left on device");
          }
        };
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Main.run(
            new java.io.PrintWriter(full),
            new java.io.PrintWriter(err),
            "score",
            ws.toString(),
            "--format",
            "csv");
    assertEquals(3, code, err.toString());
    // in Chinese (the default model's language): the disk is full or the reading end is closed
    assertTrue(err.toString().contains("无法写出结果：磁盘已满或读取端已关闭"), err.toString());
  }

  @Test
  void aSourceThatNamesAnotherFolderStaysInTheTemplatesFolder() throws Exception {
    String model =
        Files.readString(Golden.demo().getParent().getParent().resolve("indicators.yaml"));
    Files.writeString(
        ws.resolve("indicators.yaml"),
        model.replace("source: discipline", "source: \"../escaped\""));
    Path out = tmp.resolve("templates");
    Golden.Run r =
        Golden.run("template", ws.toString(), "--period", "2026-11", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.exists(out.resolve("%2E.%2Fescaped-2026-11.xlsx")), r.out());
    try (var s = Files.list(tmp)) {
      assertEquals(
          List.of("templates", "ws"),
          s.map(p -> p.getFileName().toString()).sorted().toList(),
          "nothing written beside the templates folder");
    }
  }

  @Test
  void modelIdsThatLookLikeFormulasAreNeutralisedInTheRankingCsv() throws Exception {
    String model =
        Files.readString(Golden.demo().getParent().getParent().resolve("indicators.yaml"));
    Files.writeString(
        ws.resolve("indicators.yaml"),
        model
            .replaceFirst("    - id: D1\n", "    - id: \"=HYPERLINK(1)\"\n")
            .replaceFirst("\\{id: green,", "{id: \"=1+1\","));
    Golden.Run r = Golden.run("score", ws.toString(), "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).contains(",caps,'=HYPERLINK(1),D2,"), lines.get(0));
    assertTrue(lines.get(1).contains(",'=1+1,'=1+1,"), lines.get(1));
  }

  @Test
  void workbooksAreTheSameBytesInAnyTimeZoneAndLocale() throws Exception {
    java.util.function.Function<String, byte[][]> make =
        tag -> {
          try {
            Path t = tmp.resolve("t-" + tag);
            Path x = tmp.resolve("score-" + tag + ".xlsx");
            assertEquals(
                0,
                Golden.run("template", ws.toString(), "--period", "2026-11", "--out", t.toString())
                    .exit());
            assertEquals(0, Golden.run("score", ws.toString(), "--output", x.toString()).exit());
            return new byte[][] {
              Files.readAllBytes(t.resolve("discipline-2026-11.xlsx")), Files.readAllBytes(x)
            };
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    byte[][] plain = make.apply("plain");
    java.util.TimeZone zone = java.util.TimeZone.getDefault();
    java.util.Locale locale = java.util.Locale.getDefault();
    byte[][] far;
    try {
      // UTC+14, and a locale whose lower case of I is a dotless ı
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      far = make.apply("far");
    } finally {
      java.util.TimeZone.setDefault(zone);
      java.util.Locale.setDefault(locale);
    }
    org.junit.jupiter.api.Assertions.assertArrayEquals(plain[0], far[0], "template");
    org.junit.jupiter.api.Assertions.assertArrayEquals(plain[1], far[1], "score xlsx");
  }

  @Test
  void temporaryFilesOfDeadProcessesAreRemovedByTheNextWrite() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    // 2^31 - 2 is no process here (pid_max is at most 2^22); pid 1 is alive
    Path dead = Files.writeString(out.resolve(".ranks.csv.2147483646.9f3a.tmp"), "half");
    Path alive = Files.writeString(out.resolve(".ranks.csv.1.9f3b.tmp"), "in progress");
    Path other = Files.writeString(out.resolve(".notes.tmp"), "not ours");
    Golden.Run r =
        Golden.run("score", ws.toString(), "--output", out.resolve("ranks.csv").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(!Files.exists(dead), "left by a dead process: removed");
    assertTrue(Files.exists(alive) && Files.exists(other), "a live process's and others' kept");
    try (var s = Files.list(out)) {
      assertEquals(3, s.count(), "ranks.csv, and the two kept; no temporary file of this run");
    }
  }

  @Test
  void warnMakesANewFolderWholeAndRemovesTheFolderOfAKilledRun() throws Exception {
    // what a warn killed while writing into a new folder leaves: its hidden folder, half full
    Path dead = Files.createDirectories(tmp.resolve(".notices.2147483646.9f3a.tmp"));
    Files.writeString(dead.resolve("2026-10-B01.md"), "half");
    Path notices = tmp.resolve("notices");
    Golden.Run w = Golden.run("warn", ws.toString(), "--out", notices.toString(), "--format", "md");
    assertEquals(0, w.exit(), w.err());
    try (var s = Files.list(tmp)) {
      assertEquals(
          List.of("notices", "ws"),
          s.map(p -> p.getFileName().toString()).sorted().toList(),
          "the killed run's folder removed, none of this run's left");
    }
    // the notices the command says it wrote, and the index
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("已写入 (\\d+) 份").matcher(w.out());
    assertTrue(m.find(), w.out());
    try (var s = Files.list(notices)) {
      assertEquals(Integer.parseInt(m.group(1)) + 1, s.count());
    }
    assertTrue(Files.exists(notices.resolve("2026-10-index.md")));
  }

  @Test
  void anOutputFolderThatCannotBeIsRefusedNamingItNeverAnInternalError() throws Exception {
    // --out a file, a folder under a file, a link to nothing: for every command that writes a
    // folder (template, warn, generate, demo), a message naming the path and what is wrong, exit 1
    // or 3, nothing written (these were internal errors, exit 4, for all but warn)
    Path file = Files.writeString(tmp.resolve("afile"), "keep");
    Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
    byte[] units = Files.readAllBytes(ws.resolve("units.csv"));
    List<List<String>> commands =
        List.of(
            List.of("template", ws.toString(), "--period", "2026-11", "--out"),
            List.of("warn", ws.toString(), "--period", "2026-10", "--out"),
            List.of("generate", "--units", "10", "--out"),
            List.of("demo", "--out"));
    for (List<String> command : commands) {
      String what = command.get(0);
      Golden.Run a = run(command, file);
      assertEquals(1, a.exit(), what + ": " + a.err());
      assertTrue(a.err().contains(file + " is a file, not a folder; nothing was written"), a.err());
      Golden.Run b = run(command, file.resolve("sub"));
      assertEquals(3, b.exit(), what + ": " + b.err());
      assertTrue(
          b.err().contains("cannot create " + file.resolve("sub") + ": ")
              && b.err().contains("Not a directory"),
          b.err());
      Golden.Run c = run(command, dangling);
      assertEquals(1, c.exit(), what + ": " + c.err());
      assertTrue(
          c.err()
              .contains(
                  dangling
                      + " is a link to "
                      + tmp.resolve("nowhere")
                      + ", which does not exist; nothing was written"),
          c.err());
      assertFalse(c.err().contains("Exception"), c.err());
    }
    // a file output at a link to nothing: there, so replaced only with --force (it was replaced
    // without a word), and the link's target never made
    Golden.Run s =
        Golden.run("score", ws.toString(), "--output", dangling.toString(), "--lang", "en");
    assertEquals(1, s.exit(), s.err());
    assertTrue(s.err().contains(dangling.toString()), s.err());
    assertTrue(Files.isSymbolicLink(dangling), "the link left as it was");
    Path other = Files.createSymbolicLink(tmp.resolve("other.csv"), tmp.resolve("nowhere"));
    Golden.Run f =
        Golden.run("score", ws.toString(), "--output", other.toString(), "--force", "--lang", "en");
    assertEquals(0, f.exit(), f.err());
    assertTrue(Files.isRegularFile(other, java.nio.file.LinkOption.NOFOLLOW_LINKS), "replaced");
    // a folder where a file is read: said so (it was "file not found")
    Path folder = Files.createDirectories(tmp.resolve("afolder"));
    for (List<String> command :
        List.of(
            List.of("verify", folder.toString(), ws.toString()),
            List.of("report", ws.toString(), "--out", tmp.resolve("r.html").toString(), "--map"),
            List.of("weights", ws.toString(), "--method", "ahp", "--ahp"))) {
      List<String> args = new java.util.ArrayList<>(command);
      if (!command.get(0).equals("verify")) {
        args.add(folder.toString());
      }
      args.addAll(List.of("--lang", "en"));
      Golden.Run v = Golden.run(args.toArray(new String[0]));
      assertEquals(3, v.exit(), command + ": " + v.err());
      assertTrue(v.err().contains(folder + " is a folder, not a file"), v.err());
    }
    assertEquals("keep", Files.readString(file));
    assertTrue(Files.notExists(tmp.resolve("nowhere")), "nothing made at the link's target");
    assertFalse(Files.exists(ws.resolve("warnings.csv")), "no register written");
    assertEquals(
        new String(units, StandardCharsets.UTF_8), Files.readString(ws.resolve("units.csv")));
  }

  private static Golden.Run run(List<String> command, Path out) {
    List<String> args = new java.util.ArrayList<>(command);
    args.add(out.toString());
    args.add("--lang");
    args.add("en");
    return Golden.run(args.toArray(new String[0]));
  }

  @Test
  void aNameWithALineBreakKeepsTheMarkdownTablesWhole() throws Exception {
    Path units = ws.resolve("units.csv");
    String text = Files.readString(units, StandardCharsets.UTF_8);
    Files.writeString(
        units, text.replace("B14,县财政局,", "B14,\"县财政局\n国资\","), StandardCharsets.UTF_8);
    Golden.Run r = Golden.run("score", ws.toString(), "--format", "markdown", "--lang", "en");
    assertEquals(0, r.exit(), r.err());
    List<String> table = r.out().lines().filter(l -> l.startsWith("|")).toList();
    // the header, its rule and one row per unit: 54 units, nothing split off
    assertEquals(56, table.size(), r.out());
    assertTrue(r.out().contains("县财政局<br>国资"), r.out());
    Path notices = tmp.resolve("notices");
    Golden.Run w = Golden.run("warn", ws.toString(), "--out", notices.toString(), "--lang", "en");
    assertEquals(0, w.exit(), w.err());
  }

  @Test
  void aRevisionThatNeedsForceWritesNothing() throws Exception {
    assertEquals(0, Golden.run("score", ws.toString(), "--record", "--format", "csv").exit());
    // the same result again: already recorded, identical, exit 0
    Golden.Run same = Golden.run("score", ws.toString(), "--record", "--format", "csv");
    assertEquals(0, same.exit(), same.err());
    assertTrue(same.err().contains("history/score-2026-10.json"), same.err());
    // change one figure: the revision needs --force, and the output is not written either
    Path party = ws.resolve("data/party-office.csv");
    String text = Files.readString(party);
    String line =
        text.lines().filter(l -> l.startsWith("B12,2026-10,D1.1.1,")).findFirst().orElseThrow();
    Files.writeString(party, text.replace(line, "B12,2026-10,D1.1.1,10,"));
    Path out = tmp.resolve("ranks.csv");
    Golden.Run r = Golden.run("score", ws.toString(), "--record", "--output", out.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("已记录；如需记录修订请加 --force（未写入任何文件）"), r.err());
    assertTrue(!Files.exists(out), "no output written");
  }
}
