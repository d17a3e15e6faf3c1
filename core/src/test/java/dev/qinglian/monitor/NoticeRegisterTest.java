package dev.qinglian.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qinglian.TestFiles;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers per year, never reused, kept on a re-run; a damaged register refused line by line. */
class NoticeRegisterTest {
  static final NoticeSettings SETTINGS = new NoticeSettings("甲", "甲文件", "甲预", "全县", "甲", "甲", 0);

  @Test
  void numbersRunPerYearAndAMonthRunAgainKeepsThem() {
    YearMonth oct = YearMonth.of(2026, 10);
    NoticeRegister r =
        NoticeRegister.empty()
            .issue(List.of("A", "B"), oct, Map.of(), LocalDate.of(2026, 11, 10), SETTINGS);
    // run again a week later: same numbers, same date; a new unit takes the next number
    NoticeRegister again =
        r.issue(List.of("A", "B", "C"), oct, Map.of(), LocalDate.of(2026, 11, 17), SETTINGS);
    assertEquals(
        List.of("甲预〔2026〕1号", "甲预〔2026〕2号", "甲预〔2026〕3号"),
        again.entries().stream().map(NoticeRegister.Entry::number).toList());
    assertEquals(LocalDate.of(2026, 11, 10), again.find("A", oct).date());
    // a notice dated in the new year starts again from 1
    NoticeRegister next =
        again.issue(
            List.of("A"), YearMonth.of(2026, 12), Map.of(), LocalDate.of(2027, 1, 8), SETTINGS);
    assertEquals("甲预〔2027〕1号", next.find("A", YearMonth.of(2026, 12)).number());
  }

  @Test
  void aDamagedRegisterIsRefusedLineByLine(@TempDir Path dir) throws Exception {
    String csv =
        "number,year,seq,unit,period,warning,date\n"
            + "甲预〔2026〕1号,2026,1,A,2026-10,W-2026-10-A,2026-11-10\n" // 2
            + "甲预〔2026〕1号,2026,1,B,2026-10,W-2026-10-B,2026-11-10\n" // 3: number again
            + "甲预〔2026〕2号,2026,2,A,2026-10,W-2026-10-A,2026-11-10\n" // 4: A again
            + "甲预〔2026〕3号,2025,3,C,2026-10,W-2026-10-C,2026-11-10\n"; // 5: year vs date
    Loaded<NoticeRegister> l = NoticeRegister.read(TestFiles.write(dir, "notices.csv", csv));
    List<String> p =
        l.diagnostics().stream()
            .map(d -> d.location().line() + " " + d.message(Locale.ENGLISH))
            .toList();
    assertEquals(
        List.of(
            "3 the notice register uses the number 甲预〔2026〕1号 twice (first on line 2)",
            "4 a second notice to A for 2026-10 (the first on line 2)",
            "5 a row of the notice register has number 3 of 2025 dated 2026-11-10"),
        p);
    assertEquals(
        "发文登记簿两次使用文号 甲预〔2026〕1号（第一次在第 2 行）",
        l.diagnostics().get(0).message(Locale.SIMPLIFIED_CHINESE));
    assertEquals(3, l.diagnostics().stream().filter(Diagnostic::isError).count());
  }
}
