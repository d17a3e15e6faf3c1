package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-file tests of the command line: one folder per case under {@code
 * src/test/resources/golden/} with {@code args} (one argument per line), optionally {@code mutate}
 * (edits applied to a copy of the demo county), and the expected {@code out}, {@code err} and
 * {@code exit}. Paths are written as {@code ${demo}} (the shipped demo) and {@code ${ws}} (the
 * edited copy). Broken-input cases also check that no input file changed and nothing was written.
 *
 * <p>Refreshing is deliberate: {@code mvn test -Dgolden.update=true}, then review the diff.
 */
class GoldenTest {
  static final Path CASES = Path.of("src/test/resources/golden");

  @TempDir Path tmp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      return s
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGoldenFiles(String name) throws IOException {
    Path dir = CASES.resolve(name);
    Path ws = tmp.resolve("ws");
    boolean mutated = Files.exists(dir.resolve("mutate"));
    List<String> before = null;
    if (mutated) {
      Golden.copy(Golden.demo(), ws);
      mutate(ws, Files.readAllLines(dir.resolve("mutate"), StandardCharsets.UTF_8));
      before = Golden.snapshot(ws);
    }
    List<String> args = new ArrayList<>();
    for (String a : Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8)) {
      if (!a.isEmpty()) {
        args.add(
            a.replace("${demo}", Golden.demo().toString())
                .replace("${ws}", ws.toString())
                .replace("${root}", Golden.root().toString()));
      }
    }
    Golden.Run run = Golden.run(args.toArray(new String[0]));
    String out = normalise(run.out(), ws);
    String err = normalise(run.err(), ws);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(dir.resolve("out"), out);
      Files.writeString(dir.resolve("err"), err);
      Files.writeString(dir.resolve("exit"), run.exit() + "\n");
    }
    assertEquals(Files.readString(dir.resolve("out")), out, name + ": stdout");
    assertEquals(Files.readString(dir.resolve("err")), err, name + ": stderr");
    assertEquals(
        Files.readString(dir.resolve("exit")).trim(),
        Integer.toString(run.exit()),
        name + ": exit code");
    if (mutated) {
      assertEquals(before, Golden.snapshot(ws), name + ": the workspace must be left untouched");
    }
  }

  private static String normalise(String s, Path ws) {
    return s.replace(ws.toString(), "${ws}").replace(Golden.demo().toString(), "${demo}");
  }

  /**
   * Applies edits: {@code replace FILE OLD NEW}, {@code append FILE TEXT}, {@code delete FILE},
   * tab-separated.
   */
  private static void mutate(Path ws, List<String> lines) throws IOException {
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      Path file = ws.resolve(f[1]);
      Charset cs = Golden.charsetOf(f[1]);
      switch (f[0]) {
        case "replace" -> {
          String text = Files.readString(file, cs);
          String old = unescape(f[2]);
          if (!text.contains(old)) {
            throw new IllegalStateException("mutate: '" + f[2] + "' not found in " + f[1]);
          }
          Files.writeString(
              file,
              text.replaceFirst(
                  java.util.regex.Pattern.quote(old),
                  java.util.regex.Matcher.quoteReplacement(unescape(f[3]))),
              cs);
        }
        case "append" ->
            Files.writeString(
                file, (Files.exists(file) ? Files.readString(file, cs) : "") + unescape(f[2]), cs);
        case "delete" -> Files.delete(file);
        default -> throw new IllegalStateException("mutate: unknown edit " + f[0]);
      }
    }
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\t", "\t");
  }
}
