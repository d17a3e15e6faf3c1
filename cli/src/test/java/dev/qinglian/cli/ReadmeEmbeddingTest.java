package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "As a library" snippet, compiled as it stands there in a module of its own that requires
 * {@code dev.qinglian.core} (so it can use only what the library exports), then run.
 */
class ReadmeEmbeddingTest {
  @Test
  void theReadmeSnippetCompilesAsAnOutsideModuleAndRuns(@TempDir Path dir) throws Exception {
    Path root = Golden.demo().getParent().getParent();
    String readme = Files.readString(root.resolve("README.md"));
    String start = "<!-- embedding example: compiled and run by ReadmeEmbeddingTest -->\n```java\n";
    int from = readme.indexOf(start);
    assertTrue(from >= 0, "README has the marked snippet");
    String snippet =
        readme.substring(from + start.length(), readme.indexOf("```", from + start.length()));
    assertTrue(snippet.lines().count() <= 10, "at most 10 lines:\n" + snippet);
    // the snippet names the demo relative to the repository root; the tests run in cli/
    snippet = snippet.replace("\"examples/demo-county\"", "\"" + Golden.demo() + "\"");
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("example"));
    Files.writeString(
        src.resolve("module-info.java"), "module embed { requires dev.qinglian.core; }\n");
    Files.writeString(
        src.resolve("example/Snippet.java"),
        "package example;\n"
            + "import dev.qinglian.Workspace;\nimport dev.qinglian.eval.PeriodResult;\n"
            + "import java.nio.file.Path;\nimport java.time.YearMonth;\nimport java.util.Locale;\n"
            + "public class Snippet {\n  public static void main(String[] args) throws Exception {\n"
            + snippet
            + "  }\n}\n");
    StringWriter messages = new StringWriter();
    Path out = dir.resolve("out");
    assertTrue(compile(src, out, messages, "example/Snippet.java"), messages.toString());
    PrintStream old = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (URLClassLoader cl =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      Method main = cl.loadClass("example.Snippet").getMethod("main", String[].class);
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(old);
    }
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    // 54 units ranked: B38 first at 98.9 (tools/crosscheck.py: 98.9159…), Z07 last at 51.2
    // (51.1577…), as in README's table
    assertEquals(54, lines.size(), printed.toString(StandardCharsets.UTF_8));
    assertEquals("1 B38 98.9 green", lines.get(0));
    assertEquals("54 Z07 51.2 red", lines.get(53));
  }

  @Test
  void anOutsideModuleCannotReachTheInternals(@TempDir Path dir) throws Exception {
    // the same compilation with a class of dev.qinglian.internal: refused by the module system
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("example"));
    Files.writeString(
        src.resolve("module-info.java"), "module embed { requires dev.qinglian.core; }\n");
    Files.writeString(
        src.resolve("example/Peek.java"),
        "package example;\npublic class Peek {\n"
            + "  Object o = dev.qinglian.internal.SharedColumns.class;\n}\n");
    StringWriter messages = new StringWriter();
    boolean ok = compile(src, dir.resolve("out"), messages, "example/Peek.java");
    assertTrue(!ok, "compiled although internal");
    assertTrue(
        messages.toString().contains("package dev.qinglian.internal is not visible"),
        messages.toString());
  }

  /**
   * Compiles {@code src/module-info.java} and a class against the library and its dependencies on
   * the module path, as an embedder's build would have them.
   */
  private static boolean compile(Path src, Path out, StringWriter messages, String file) {
    List<String> names =
        List.of(
            "core" + File.separator + "target",
            "qinglian-core",
            "snakeyaml",
            "fastcsv",
            "fastexcel-reader",
            "aalto-xml",
            "stax2-api",
            "commons-compress",
            "commons-codec",
            "commons-io",
            "commons-lang3",
            "commons-math3");
    String modulePath =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> names.stream().anyMatch(e::contains))
            .collect(Collectors.joining(File.pathSeparator));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    return javac
        .getTask(
            messages,
            null,
            null,
            List.of("--module-path", modulePath, "-d", out.toString()),
            null,
            javac
                .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                .getJavaFileObjects(src.resolve("module-info.java"), src.resolve(file)))
        .call();
  }
}
