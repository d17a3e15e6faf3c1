package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In Chinese (the default for the Chinese model), the monthly loop and its usual mistakes show no
 * English sentence: no run of three English words, on stdout or stderr. Ids, file names, options
 * and method names (AHP, Pearson) are not sentences.
 */
class ChineseModeTest {
  @TempDir Path tmp;

  static final Pattern SENTENCE = Pattern.compile("[A-Za-z]{2,}(?:[ ,']+[A-Za-z]{2,}){2,}");

  @Test
  void theMonthlyLoopSpeaksChinese() throws Exception {
    Path ws = tmp.resolve("ws");
    Golden.copy(Golden.demo(), ws);
    String w = ws.toString();
    String n = tmp.resolve("n").toString();
    List<String[]> commands =
        List.of(
            new String[] {"validate", w},
            new String[] {"status", w, "--period", "2026-10"},
            new String[] {"score", w},
            new String[] {"score", w, "--record"},
            new String[] {"score", w, "--record"},
            new String[] {"changes", w},
            new String[] {"explain", "b21", w},
            new String[] {"trend", w},
            new String[] {"audit", w},
            new String[] {"weights", w, "--method", "entropy", "--out", tmp.resolve("w.yaml") + ""},
            new String[] {"sensitivity", w, "--samples", "200"},
            new String[] {"sensitivity", w, "--remove", "1"},
            new String[] {"warn", w, "--out", n, "--date", "2026-11-10"},
            new String[] {"warn", w, "--out", n},
            new String[] {"report", w, "--out", tmp.resolve("r.html") + ""},
            new String[] {"template", w, "--period", "2026-11", "--out", tmp.resolve("t") + ""},
            new String[] {"verify", ws.resolve("history/score-2026-10.json") + "", w},
            new String[] {"score", w, "--period", "2026-13"},
            new String[] {"score", w, "--period", "2030-01"},
            new String[] {"explain", "B99", w},
            new String[] {"demo", "--out", tmp.resolve("d") + ""},
            new String[] {"generate", "--out", tmp.resolve("g") + "", "--units", "20"},
            // mistakes in the command line itself: said in Chinese, then the usage
            new String[] {"demo"},
            new String[] {"score", w, "--formt", "csv"},
            new String[] {"score", w, "--format", "md"},
            new String[] {"scroe", w},
            new String[] {});
    List<String> english = new ArrayList<>();
    for (String[] c : commands) {
      Golden.Run r = Golden.run(c);
      for (String text : List.of(r.out(), r.err())) {
        Matcher m = SENTENCE.matcher(text.replace(tmp.toString(), ""));
        while (m.find()) {
          english.add(String.join(" ", c) + " -> " + m.group());
        }
      }
    }
    assertTrue(english.isEmpty(), String.join("\n", english));
  }

  @Test
  void everyHelpIsChineseByDefaultAndEnglishOnRequest() {
    List<String> english = new ArrayList<>();
    for (String c : HelpTest.COMMANDS) {
      Golden.Run zh = Golden.run(c, "--help");
      Matcher m = SENTENCE.matcher(zh.out() + zh.err());
      while (m.find()) {
        english.add(c + " --help -> " + m.group());
      }
      assertTrue(zh.out().startsWith("用法："), c + ": " + zh.out());
      Golden.Run en = Golden.run(c, "--help", "--lang", "en");
      assertTrue(en.out().startsWith("Usage: "), c + ": " + en.out());
    }
    assertTrue(english.isEmpty(), String.join("\n", english));
  }
}
