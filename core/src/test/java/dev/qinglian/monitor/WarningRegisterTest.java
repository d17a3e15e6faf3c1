package dev.qinglian.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarningRegisterTest {
  static final String HEADER =
      "id,unit,name,opened,colour,index,weakest,costliest,status,closed,closed_as\n";
  static final String GOOD =
      "W-2026-10-B21,B21,县农业农村局,2026-10,yellow,91.3986,D3;D7,D3.1.2,open,,\n";

  static List<String> problems(Path dir, String rows) throws Exception {
    Path f = dir.resolve("warnings.csv");
    Files.writeString(f, HEADER + rows);
    Loaded<WarningRegister> l = WarningRegister.read(f);
    return l.diagnostics().stream()
        .map(
            d ->
                d.location().line()
                    + " "
                    + d.message().replace("a row of the warning register cannot be read: ", ""))
        .toList();
  }

  @Test
  void aCorruptRegisterIsRefusedLineByLine(@TempDir Path dir) throws Exception {
    assertEquals(List.of(), problems(dir, GOOD));
    String rows =
        GOOD // line 2
            + "W-2026-10-B22,B22,x,2026-10,yellow,NaN,D3,D3.1.2,open,,\n" // 3
            + "W-2026-10-B23,B23,x,2026-10,yellow,1e400,D3,D3.1.2,open,,\n" // 4
            + "W-2026-10-B24,B24,x,2026-10,yellow,80,D3,D3.1.2,maybe,,\n" // 5
            + "W-2026-10-B21b,B21,x,2026-10,yellow,80,D3,D3.1.2,open,,\n" // 6: B21 again
            + "W-2026-10-B25,B25,x,2026-10,yellow,80,D3,D3.1.2,closed,2026-08,green\n" // 7
            + "W-2026-10-B26,B26,x,2026-10,yellow,80,D3,D3.1.2,closed,2026-11,sideways\n" // 8
            + "W-2026-10-B27,B27,x,2026-1x,yellow,80,D3,D3.1.2,open,,\n" // 9
            + "W-2026-10-B28,B28,x,2026-10,yellow,80\n"; // 10
    List<String> p = problems(dir, rows);
    assertEquals(
        List.of(
            "3 a row of the warning register has the index NaN, not a number from 0 to 100",
            "4 a row of the warning register has the index 1e400, not a number from 0 to 100",
            "5 a row of the warning register has the status 'maybe', neither open nor closed",
            "6 a second open warning for unit B21 (the first on line 2)",
            "7 a row of the warning register was closed 2026-08 before it was opened 2026-10",
            "8 a row of the warning register has closed_as 'sideways', neither green nor"
                + " escalated",
            "9 Text '2026-1x' could not be parsed at index 5",
            "10 a row of the warning register has 6 fields instead of 11"),
        p);
  }

  @Test
  void textCellsAreNeutralisedAndReadBack(@TempDir Path dir) throws Exception {
    Warning w =
        new Warning(
            "W-2026-10-=1+1",
            "=1+1",
            "-5",
            YearMonth.of(2026, 10),
            "@red",
            50,
            List.of("+D1"),
            List.of("=D1.1"),
            null,
            "");
    Path f = dir.resolve("warnings.csv");
    new WarningRegister(List.of(w)).write(f);
    String csv = Files.readString(f);
    // every text cell a spreadsheet would run starts with an apostrophe (the id starts with W)
    assertTrue(
        csv.contains("W-2026-10-=1+1,'=1+1,'-5,2026-10,'@red,50.0000,'+D1,'=D1.1,open,,"), csv);
    Loaded<WarningRegister> back = WarningRegister.read(f);
    assertEquals(List.<Diagnostic>of(), back.diagnostics());
    assertEquals(List.of(w), back.value().warnings());
  }
}
