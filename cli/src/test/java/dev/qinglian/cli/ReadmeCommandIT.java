package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs README's run command the way README states it: from the project root, through the {@code
 * ./qinglian} wrapper (after {@code package}, so the wrapper finds a fresh jar).
 */
class ReadmeCommandIT {
  @Test
  void readmeRunCommandPrintsTheDemoRanking() throws Exception {
    Path root = Golden.root();
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    String line =
        readme.lines().filter(l -> l.startsWith("./qinglian score")).findFirst().orElseThrow();
    String command = line.substring(0, line.indexOf('#')).trim();
    assertEquals("./qinglian score examples/demo-county", command);
    List<String> args = new ArrayList<>(List.of(command.split(" "))); // as README says it
    ProcessBuilder pb =
        new ProcessBuilder(args).directory(root.toFile()).redirectErrorStream(false);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
    // no terminal: no colour codes
    assertTrue(!out.contains("\u001b["), out);
    // the lines README shows (Chinese: the demo model's language)
    assertTrue(out.startsWith("2026-10 清廉指数排名\n"), out);
    assertTrue(out.contains("2026-10 · 54 个单位：绿 49 · 黄 3 · 橙 1 · 红 1\n"), out);
    assertTrue(readme.contains("2026-10 · 54 个单位：绿 49 · 黄 3 · 橙 1 · 红 1\n"), "README shows it");
    assertTrue(out.contains("  54  Z07   青山镇 "), out);
  }
}
