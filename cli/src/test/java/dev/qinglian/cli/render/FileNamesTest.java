package dev.qinglian.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.cli.CliException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileNamesTest {
  @Test
  void keepsLettersOfAnyScriptAndEncodesEverythingElse() {
    assertEquals("青山镇", FileNames.safe("青山镇"));
    assertEquals("绿水镇", FileNames.safe("绿水镇"));
    assertEquals("B21", FileNames.safe("B21"));
    assertEquals("party-office", FileNames.safe("party-office"));
    // '/' is 0x2F, '%' 0x25, NUL 0x00, a leading '.' 0x2E; U+202E (right-to-left override) is
    // E2 80 AE in UTF-8, U+200B (zero width space) E2 80 8B
    assertEquals("a%2Fb", FileNames.safe("a/b"));
    assertEquals("a_b", FileNames.safe("a_b"));
    assertEquals("a%25b", FileNames.safe("a%b"));
    assertEquals("%2E.%2Fescaped", FileNames.safe("../escaped"));
    assertEquals("%2Fetc%2Fpasswd", FileNames.safe("/etc/passwd"));
    assertEquals("a%00b", FileNames.safe("a\0b"));
    assertEquals("x%E2%80%AEfdp.exe", FileNames.safe("x\u202Efdp.exe"));
    assertEquals("a%E2%80%8Bb", FileNames.safe("a\u200Bb"));
    assertEquals("a%0Ab", FileNames.safe("a\nb"));
  }

  @Test
  void theShortCutForPlainIdsGivesWhatTheRuleGives() {
    // safe() returns a text of ASCII letters, digits, '-', '_' and '.' (not first, at most MAX)
    // as it is; encoded() applies the rule character by character. Generated texts from an
    // alphabet of those and of what the rule encodes or keeps otherwise, every length to MAX + 2
    String alphabet = "aZ09-_./% \t\u00e9\u9752\u202e";
    java.util.Random random = new java.util.Random(21);
    int plain = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(FileNames.MAX + 3);
      // half of them from the plain characters only, so that the short cut is taken often
      int from = i % 2 == 0 ? 7 : alphabet.length();
      for (int k = 0; k < n; k++) {
        sb.append(alphabet.charAt(random.nextInt(from)));
      }
      String text = sb.toString();
      assertEquals(FileNames.encoded(text), FileNames.safe(text), text);
      plain += FileNames.safe(text) == text ? 1 : 0;
    }
    assertTrue(plain > 5_000, "the short cut taken " + plain + " times");
  }

  @Test
  void differentTextsGiveDifferentNamesEvenWhenCut() {
    List<String> texts = List.of("a/b", "a_b", "a%2Fb", "a b", "a\tb", "青山镇", "绿水镇");
    assertEquals(texts.size(), texts.stream().map(FileNames::safe).distinct().count());
    String a = "x".repeat(300);
    String b = "x".repeat(299) + "y";
    assertEquals(FileNames.MAX, FileNames.safe(a).length());
    assertNotEquals(FileNames.safe(a), FileNames.safe(b));
  }

  @Test
  void namesEqualButForCaseAreRefusedAndNothingLeavesItsFolder() {
    CliException e =
        assertThrows(
            CliException.class,
            () ->
                FileNames.requireDistinct(
                    List.of("2026-10-B21.md", "2026-10-b21.md"), List.of("B21", "b21")));
    assertTrue(e.getMessage().startsWith("'B21' and 'b21' would be written to the same file"));
    Path dir = Path.of("/tmp/notices");
    assertEquals(dir.resolve("x.md"), FileNames.inside(dir, "x.md"));
    assertThrows(CliException.class, () -> FileNames.inside(dir, "../x.md"));
  }
}
