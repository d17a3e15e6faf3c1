package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the command line uses is in both bundles, and the bundles hold no other. */
class MessageBundleTest {
  static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            Path.of("src/main/resources/dev/qinglian/cli/" + name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  /** Group 1 of every match of {@code use} in the main sources: the keys they name. */
  static Set<String> keysUsed(Pattern use) throws Exception {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = use.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    return used;
  }

  @Test
  void everyKeyIsInBothLanguages() throws Exception {
    Set<String> used =
        keysUsed(Pattern.compile("CliException\\.of\\(\\s*ExitCode\\.\\w+,\\s*\"([a-z.]+)\""));
    assertTrue(used.size() > 30, used.toString());
    Properties en = load("messages.properties");
    Properties zh = load("messages_zh_CN.properties");
    assertEquals(used, new TreeSet<>(en.stringPropertyNames()), "English bundle");
    assertEquals(used, new TreeSet<>(zh.stringPropertyNames()), "Chinese bundle");
    // and a key is shown in the run's language, formatted
    assertEquals(
        "--levels 应为从 1 起的层数或 all，而不是 0",
        CliException.of(ExitCode.USAGE, "levels.invalid", "0").message("zh"));
    assertEquals(
        "--levels takes a depth from 1, or all, not 0",
        CliException.of(ExitCode.USAGE, "levels.invalid", "0").message("en"));
  }
}
