package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus, {@code src/test/resources/hostile/CASE/}: each case lays its files ({@code
 * ws/}) over a copy of the demo county and runs the command of its {@code case.properties} ({@code
 * args}, with {@code {ws}} and {@code {out}}); the exit code and a piece of stdout or stderr are as
 * stated, no input is changed, nothing is written outside the workspace and {@code {out}}, and no
 * internal error (exit 4) ever.
 */
class HostileCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/hostile");

  static Stream<String> cases() throws Exception {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void handled(String name, @TempDir Path tmp) throws Exception {
    Properties c = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            CORPUS.resolve(name).resolve("case.properties"),
            java.nio.charset.StandardCharsets.UTF_8)) {
      c.load(r);
    }
    Path ws = tmp.resolve("ws");
    Path out = tmp.resolve("out");
    Golden.copy(Golden.demo(), ws);
    overlay(CORPUS.resolve(name).resolve("ws"), ws);
    Files.createDirectories(out);
    List<String> inputs = Golden.snapshot(ws);
    List<String> args = new ArrayList<>();
    for (String a : c.getProperty("args").split(" ")) {
      args.add(a.replace("{ws}", ws.toString()).replace("{out}", out.toString()));
    }
    args.addAll(List.of("--lang", "en"));
    Golden.Run r = Golden.run(args.toArray(new String[0]));
    String what = name + " (" + c.getProperty("what") + ")";
    assertEquals(Integer.parseInt(c.getProperty("exit")), r.exit(), what + "\n" + r.err());
    if (c.containsKey("stderr")) {
      assertTrue(r.err().contains(c.getProperty("stderr")), what + "\n" + r.err());
    }
    if (c.containsKey("stdout")) {
      assertTrue(r.out().contains(c.getProperty("stdout")), what + "\n" + r.out());
    }
    // inputs untouched (an output written into the workspace, such as a lock file, is allowed)
    List<String> after = Golden.snapshot(ws);
    for (String line : inputs) {
      assertTrue(after.contains(line), what + ": input changed: " + line);
    }
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(
          List.of("out", "ws"),
          s.map(p -> p.getFileName().toString()).sorted().toList(),
          what + ": written outside");
    }
  }

  /** Copies the case's files over the workspace, replacing the demo's. */
  private static void overlay(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
