package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format follows --output's extension; a format a command does not write is refused. */
class FormatOptionTest {
  @TempDir Path tmp;

  private String written(String file, String... more) throws Exception {
    Path out = tmp.resolve(file);
    String[] args = new String[4 + more.length];
    args[0] = "score";
    args[1] = Golden.demo().toString();
    args[2] = "--output=" + out;
    args[3] = "--force";
    System.arraycopy(more, 0, args, 4, more.length);
    Golden.Run r = Golden.run(args);
    assertEquals(0, r.exit(), r.err());
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void theOutputFilesExtensionNamesTheFormat() throws Exception {
    assertEquals(written("a", "--format", "csv"), written("ranks.csv"));
    assertEquals(written("b", "--format", "json"), written("ranks.JSON"));
    assertEquals(written("c", "--format", "markdown"), written("ranks.md"));
    // no known extension: the table; --format wins over the extension
    assertEquals(written("d", "--format", "table"), written("ranks.txt"));
    assertEquals(written("e", "--format", "table"), written("table.csv", "--format", "table"));
    assertTrue(written("ranks.csv").startsWith("rank,unit,name,"));
    Path x = tmp.resolve("ranks.xlsx");
    assertEquals(0, Golden.run("score", Golden.demo().toString(), "--output", x.toString()).exit());
    byte[] zip = Files.readAllBytes(x);
    assertEquals('P', zip[0]); // an Excel workbook is a zip file
    assertEquals('K', zip[1]);
  }

  @Test
  void aFormatTheCommandDoesNotWriteIsRefusedBeforeAnythingIsRead() throws Exception {
    Path out = tmp.resolve("z07.csv");
    Golden.Run r =
        Golden.run(
            "trend",
            Golden.demo().toString(),
            "--unit",
            "Z07",
            "--output",
            out.toString(),
            "--lang",
            "en");
    assertEquals(ExitCode.USAGE, r.exit());
    assertTrue(
        r.err()
            .contains(
                "trend --unit does not write csv (asked by the output file "
                    + out
                    + "); it writes table: name the format with --format"),
        r.err());
    assertFalse(Files.exists(out));
    r = Golden.run("trend", "/no/such/workspace", "--unit", "Z07", "--format", "json");
    // in Chinese by default
    assertTrue(r.err().contains("trend --unit 不写 json 格式（--format json）"), r.err());
    r =
        Golden.run(
            "trend", "/no/such/workspace", "--unit", "Z07", "--format", "json", "--lang", "en");
    assertEquals(ExitCode.USAGE, r.exit()); // the usage error, not the missing workspace
    assertTrue(r.err().contains("trend --unit does not write json (asked by --format json)"));
    // the commands that write text only have no --format to ignore
    r = Golden.run("explain", "B01", Golden.demo().toString(), "--format", "json");
    assertEquals(ExitCode.USAGE, r.exit());
    assertTrue(r.err().contains("无法识别的参数：--format"), r.err()); // picocli's, in Chinese
  }
}
