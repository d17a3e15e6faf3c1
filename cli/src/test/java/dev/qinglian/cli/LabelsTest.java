package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.cli.render.Labels;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The output labels' two bundles hold the same keys, and every key the sources name is there. */
class LabelsTest {
  @Test
  void bothLanguagesHaveEveryLabelTheSourcesUse() throws Exception {
    Set<String> en =
        new TreeSet<>(MessageBundleTest.load("labels.properties").stringPropertyNames());
    Set<String> zh =
        new TreeSet<>(MessageBundleTest.load("labels_zh_CN.properties").stringPropertyNames());
    assertEquals(en, zh);
    Set<String> used =
        MessageBundleTest.keysUsed(
            Pattern.compile("[lL]abels(?:\\(\\))?\\.get\\(\\s*\"([A-Za-z._]+)\""));
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

  @Test
  void anArgumentsOwnTextIsNotReplacedAgain() {
    // "{0} · {1} 个单位：{2}" with a first argument that looks like a placeholder: it stays as it
    // is, and so does a placeholder with no argument
    assertEquals("{1}镇 · 54 个单位：x", Labels.of("zh").get("summary", "{1}镇", 54, "x"));
    assertEquals("a · {1} 个单位：{2}", Labels.of("zh").get("summary", "a"));
  }
}
