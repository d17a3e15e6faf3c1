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
    assertEquals(0, Golden.run("warn", ws.toString(), "--out", notices.toString()).exit());
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
        Golden.run("score", ws.toString(), "--format", "csv", "--output", out.toString());
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
    assertTrue(refused.err().contains("refusing to overwrite the input file"));
    org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(units));
  }

  @Test
  void verifyConfirmsAResultAndNamesWhatChanged() throws Exception {
    Path result = tmp.resolve("result.json");
    assertEquals(
        0,
        Golden.run("score", ws.toString(), "--format", "json", "--output", result.toString())
            .exit());
    Golden.Run ok = Golden.run("verify", result.toString(), ws.toString());
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
    Golden.Run bad = Golden.run("verify", result.toString(), ws.toString());
    assertEquals(1, bad.exit());
    assertTrue(bad.out().contains("input data/party-office.csv changed"), bad.out());
    assertTrue(bad.out().contains("unit B12: index "), bad.out());
  }
}
