package dev.qinglian.cli.render;

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

/** The output labels' two bundles hold the same keys, and every key the sources name is there. */
class LabelsTest {
  static Set<String> keys(String name) throws Exception {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            Path.of("src/main/resources/dev/qinglian/cli/" + name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return new TreeSet<>(p.stringPropertyNames());
  }

  @Test
  void bothLanguagesHaveEveryLabelTheSourcesUse() throws Exception {
    Set<String> en = keys("labels.properties");
    Set<String> zh = keys("labels_zh_CN.properties");
    assertEquals(en, zh);
    Pattern use = Pattern.compile("[lL]abels(?:\\(\\))?\\.get\\(\\s*\"([A-Za-z._]+)\"");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = use.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertTrue(used.size() > 30, used.toString());
    used.removeAll(en);
    assertEquals(Set.of(), used, "labels used but in no bundle");
  }

  @Test
  void aLabelTakesItsArgumentsAsTheyAre() {
    // "{0} · {1} 个单位：{2}" with a quote in an argument: no MessageFormat quoting applies
    assertEquals(
        "2026-10 · 54 个单位：it's 3", Labels.of("zh").get("summary", "2026-10", 54, "it's 3"));
    assertEquals("Units per colour: ", Labels.of("en").get("counts"));
  }
}
