package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template round trip as an office runs it: templates written, filled and saved by another
 * program (openpyxl, Debian's python3-openpyxl, installed by .ci/run), copied into data/, then
 * validate, score and status.
 */
class TemplateRoundTripTest {
  static final String PYTHON = "/usr/bin/python3";

  /** True when Debian's python3 has {@code module} (openpyxl, docx: the independent readers). */
  static boolean python(String module) {
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import " + module).start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void templatesFilledByAnotherProgramScore(@TempDir Path dir) throws Exception {
    boolean available = python("openpyxl");
    if (!available) {
      System.err.println(
          "TemplateRoundTripTest skipped: /usr/bin/python3 with openpyxl is missing"
              + " (apt-get install python3-openpyxl; .ci/run installs it)");
    }
    Assumptions.assumeTrue(available, "python3-openpyxl is not installed");
    Path ws = dir.resolve("county");
    Golden.copy(Golden.demo(), ws);
    Path tpl = dir.resolve("templates");
    Golden.Run t =
        Golden.run("template", ws.toString(), "--period", "2026-11", "--out", tpl.toString());
    assertEquals(0, t.exit(), t.err());
    List<String> files;
    try (Stream<Path> s = Files.list(tpl)) {
      files = s.map(Path::toString).filter(f -> f.endsWith(".xlsx")).sorted().toList();
    }
    assertEquals(7, files.size(), files.toString());
    List<String> cmd = new ArrayList<>(List.of(PYTHON, script().toString()));
    cmd.addAll(files);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    // every value cell has its rule, and every cell with an upper bound refuses a value above it
    List<String> checked = out.lines().filter(l -> l.matches(".*\\.xlsx \\d+ \\d+ \\d+")).toList();
    assertEquals(7, checked.size(), out);
    for (String line : checked) {
      String[] f = line.split(" ");
      int rows = Integer.parseInt(f[1]);
      assertEquals(rows, Integer.parseInt(f[2]), line);
      assertEquals(rows, Integer.parseInt(f[3]), line);
    }
    for (String f : files) {
      Path file = Path.of(f);
      Files.copy(file, ws.resolve("data").resolve(file.getFileName()));
    }
    Golden.Run v = Golden.run("validate", ws.toString(), "--lang", "en");
    assertEquals(0, v.exit(), v.err());
    Golden.Run s = Golden.run("score", ws.toString(), "--period", "2026-11", "--lang", "en");
    assertEquals(0, s.exit(), s.err());
    assertTrue(s.out().contains("2026-11 · 54 units"), s.out());
    Golden.Run st = Golden.run("status", ws.toString(), "--period", "2026-11", "--lang", "en");
    assertEquals(0, st.exit(), st.out() + st.err());
  }

  private static Path script() throws Exception {
    return Path.of(TemplateRoundTripTest.class.getResource("/python/fill_templates.py").toURI());
  }
}
