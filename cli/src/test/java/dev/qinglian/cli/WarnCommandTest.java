package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monthly warning loop on a copy of the demo county. */
class WarnCommandTest {
  @TempDir Path tmp;

  @Test
  void registerOpensEscalatesClosesAndSurvivesASecondRun() throws Exception {
    Path ws = tmp.resolve("ws");
    Golden.copy(Golden.demo(), ws);
    List<String> inputs = Golden.snapshot(ws);
    Path out = tmp.resolve("notices");
    for (String p : List.of("2026-06", "2026-07", "2026-08")) {
      Golden.Run r =
          Golden.run(
              "warn",
              ws.toString(),
              "--period",
              p,
              "--out",
              out.toString(),
              "--format",
              "md",
              "--date",
              "2026-09-05");
      assertEquals(0, r.exit(), r.err());
    }
    List<String> register = Files.readAllLines(ws.resolve("warnings.csv"));
    // Z07: yellow in June (84.72), orange in July (73.27), red in August (58.26;
    // tools/crosscheck.py);
    // B33: yellow in June, green again in August; B12 yellow from July; Z03, B27 from June.
    assertEquals(
        List.of(
            "id,unit,name,opened,colour,index,weakest,costliest,status,closed,closed_as",
            "W-2026-06-Z07,Z07,青山镇,2026-06,yellow,84.7216,D2;D5,D2.1.3;D5.2.1;D5.2.2,closed,2026-07,escalated",
            "W-2026-06-B33,B33,县信访局,2026-06,yellow,80.7585,D7;D1,D2.1.3;D5.2.1;D5.2.2,closed,2026-08,green",
            "W-2026-06-Z03,Z03,柳塘镇,2026-06,yellow,78.9620,D4;D7,D2.1.3;D4.1.2;D2.2.1,open,,",
            "W-2026-06-B27,B27,县审计局,2026-06,orange,68.9372,D5;D1,D5.1.2;D5.2.1;D5.2.2,open,,",
            "W-2026-07-B12,B12,县民政局,2026-07,yellow,83.0512,D4;D5,D2.1.2;D4.1.2;D5.2.1,open,,",
            "W-2026-07-Z07,Z07,青山镇,2026-07,orange,73.2700,D2;D5,D5.1.2;D5.2.2;D1.3.2,closed,2026-08,escalated",
            "W-2026-08-Z07,Z07,青山镇,2026-08,red,58.2648,D5;D1,D2.1.2;D5.1.1;D5.1.2,open,,"),
        register);
    // a second run of the same month duplicates nothing (and needs --force for the notices)
    Golden.Run again =
        Golden.run(
            "warn",
            ws.toString(),
            "--period",
            "2026-08",
            "--out",
            out.toString(),
            "--format",
            "md");
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("已存在；如需替换请加 --force（未写入任何文件）"), again.err());
    Golden.Run forced =
        Golden.run(
            "warn",
            ws.toString(),
            "--period",
            "2026-08",
            "--out",
            out.toString(),
            "--force",
            "--format",
            "md");
    assertEquals(0, forced.exit(), forced.err());
    assertEquals(register, Files.readAllLines(ws.resolve("warnings.csv")));
    // the notice for Z07, reviewed by hand once and pinned
    Path golden = Path.of("src/test/resources/notices/2026-08-Z07.md");
    String notice = Files.readString(out.resolve("2026-08-Z07.md"));
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, notice);
    }
    assertEquals(Files.readString(golden), notice);
    assertTrue(Files.readString(out.resolve("2026-08-index.md")).contains("W-2026-06-B33"));
    // the inputs were not touched; only the register (and the writers' empty lock file) was
    // added to the workspace
    List<String> after = Golden.snapshot(ws);
    after.removeIf(l -> l.startsWith("warnings.csv ") || l.startsWith("notices.csv "));
    // e3b0c442…: the SHA-256 of nothing
    assertTrue(
        after.remove(
            ".qinglian.lock e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        after.toString());
    assertEquals(inputs, after);
  }
}
