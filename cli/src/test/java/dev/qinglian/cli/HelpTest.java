package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command's --help prints cleanly: no picocli warning (an unescaped % in a text). */
class HelpTest {
  /** Every command of the command line. */
  static final List<String> COMMANDS =
      List.of(
          "validate",
          "score",
          "trend",
          "changes",
          "explain",
          "warn",
          "verify",
          "weights",
          "sensitivity",
          "audit",
          "report",
          "template",
          "status",
          "generate",
          "demo");

  @Test
  void everyCommandsHelpIsFreeOfPicocliWarnings() {
    for (String c : COMMANDS) {
      for (String lang : List.of("zh", "en")) {
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        Golden.Run r;
        try {
          // picocli prints its warnings on System.err, not on the command's writer
          System.setErr(new java.io.PrintStream(captured, true));
          r = Golden.run(c, "--help", "--lang", lang);
        } finally {
          System.setErr(old);
        }
        assertEquals(0, r.exit(), c);
        String all = r.out() + r.err() + captured;
        assertTrue(!all.contains("WARN"), c + ":\n" + all);
        assertTrue(r.out().contains(lang.equals("zh") ? "用法：" : "Usage:"), c);
      }
    }
  }

  @Test
  void anExitCodeHeadingIsFollowedByItsCodesInBothLanguages() {
    // the Chinese heading was once set for every command: those without codes showed it empty
    for (String c : COMMANDS) {
      String zh = Golden.run(c, "--help").out().strip();
      String en = Golden.run(c, "--help", "--lang", "en").out().strip();
      assertTrue(!zh.endsWith("退出码：") && !en.endsWith("Exit codes:"), c + ":\n" + zh);
      assertEquals(en.contains("Exit codes:"), zh.contains("退出码："), c);
    }
  }
}
