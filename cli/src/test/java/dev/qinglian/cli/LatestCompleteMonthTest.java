package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --period, a half-collected new month is not taken silently. */
class LatestCompleteMonthTest {
  @TempDir Path tmp;

  @Test
  void aMonthStillBeingCollectedIsNamedAndSkipped() throws Exception {
    Path ws = tmp.resolve("ws");
    Golden.copy(Golden.demo(), ws);
    // November has begun: the discipline office alone has sent one value
    Files.writeString(
        ws.resolve("data/discipline-2026-11.csv"),
        "unit,period,indicator,value\nB01,2026-11,D5.1.1,0\n");
    Golden.Run en = Golden.run("score", ws.toString(), "--lang", "en", "--no-color");
    assertEquals(0, en.exit(), en.err());
    assertTrue(en.out().contains("ranking, 2026-10"), en.out().lines().findFirst().orElse(""));
    assertTrue(
        en.err().contains("note: 2026-11 is not complete (not reported: County Party Office, "),
        en.err());
    assertTrue(
        en.err().contains("taking 2026-10, the latest complete month; --period 2026-11"), en.err());
    Golden.Run zh = Golden.run("warn", ws.toString(), "--out", tmp.resolve("n").toString());
    assertEquals(0, zh.exit(), zh.err());
    assertTrue(zh.err().contains("注意：2026-11 尚未报齐（未报：县委办、"), zh.err());
    assertTrue(Files.exists(tmp.resolve("n/2026-10-index.xlsx")));
    // asked for, November is scored
    Golden.Run nov = Golden.run("score", ws.toString(), "--period", "2026-11", "--lang", "en");
    assertEquals(0, nov.exit(), nov.err());
    assertTrue(nov.out().contains("2026-11"), nov.out());
    // the demo as shipped: October is complete, no note
    Golden.Run plain = Golden.run("score", Golden.demo().toString(), "--lang", "en");
    assertTrue(!plain.err().contains("note:"), plain.err());
  }
}
