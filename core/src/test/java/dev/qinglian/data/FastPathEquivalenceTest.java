package dev.qinglian.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel byte-level reader (several 8 MB blocks here) gives exactly what the general reader
 * gives: the same values and the same diagnostics, in the same order. The general reader is forced
 * by a quote in the file.
 */
class FastPathEquivalenceTest {
  @TempDir Path dir;

  @Test
  void fastAndGeneralReadersAgreeOnValuesAndDiagnostics() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    int n = 30_000;
    StringBuilder reg = new StringBuilder("id,name,type,parent,staff,served\n");
    for (int u = 0; u < n; u++) {
      reg.append("U").append(u).append(",单位").append(u).append(",t,,50,10000\n");
    }
    Path units = Files.writeString(dir.resolve("units.csv"), reg.toString());
    UnitRegister register = UnitRegister.read(units, model).orElseThrow();
    StringBuilder data = new StringBuilder("unit,period,indicator,value,note\n");
    Random r = new Random(3);
    String[] ids = model.leaves().stream().map(l -> l.id()).toArray(String[]::new);
    for (int u = 0; u < n; u++) {
      for (int l = 0; l < 31; l++) {
        String v = Integer.toString(r.nextInt(100));
        int odd = r.nextInt(20_000);
        String unit = odd == 0 ? "X" + u : "U" + u; // an unknown unit now and then
        if (odd == 1) {
          v = v + "%"; // left to the general parser, still valid
        } else if (odd == 2) {
          v = "12o"; // malformed
        } else if (odd == 3) {
          v = "150"; // out of range for a rate
        }
        data.append(unit).append(",2026-10,").append(ids[l]).append(',').append(v).append(",x\n");
      }
    }
    String text = data.toString();
    Path fast = Files.writeString(dir.resolve("fast.csv"), text, StandardCharsets.UTF_8);
    Path general =
        Files.writeString(
            dir.resolve("general.csv"), text + "U0,2026-10,D1.1.1,,\"a \"\"quoted\"\" note\"\n");
    Loaded<Dataset> a = new DataReader(model, register, ReadOptions.DEFAULTS).read(List.of(fast));
    Loaded<Dataset> b =
        new DataReader(model, register, ReadOptions.DEFAULTS).read(List.of(general));
    List<String> da = a.diagnostics().stream().map(Diagnostic::toString).toList();
    List<String> db =
        b.diagnostics().stream().map(d -> d.toString().replace("general.csv", "fast.csv")).toList();
    assertEquals(db, da);
    // the values, from the same file without its bad rows
    String clean =
        text.lines()
                .filter(l -> !l.contains("12o") && !l.contains(",150,") && !l.startsWith("X"))
                .collect(java.util.stream.Collectors.joining("\n"))
            + "\n";
    Files.writeString(fast, clean);
    Files.writeString(general, clean + "U0,2026-10,D1.1.1,,\"q\"\n");
    Dataset fa =
        new DataReader(model, register, ReadOptions.DEFAULTS).read(List.of(fast)).orElseThrow();
    Dataset ga =
        new DataReader(model, register, ReadOptions.DEFAULTS).read(List.of(general)).orElseThrow();
    YearMonth oct = YearMonth.of(2026, 10);
    for (int l = 0; l < ids.length; l++) {
      for (int u = 0; u < n; u++) {
        assertEquals(ga.value(l, u, oct), fa.value(l, u, oct), 0.0);
      }
    }
  }

  /**
   * Cells given twice, in two neighbouring 8 MB blocks that the two workers parse at the same time,
   * in the same order: the workers store the same cells at nearly the same moment. Whatever the
   * interleaving (one store sees the other's value, or both find the cell empty and the count of
   * stores then exceeds the cells filled), the result is the general reader's: equal repeats
   * accepted, the different ones reported as conflicts with both lines, in file order.
   */
  @Test
  void cellsGivenTwiceInBlocksReadAtTheSameTimeGiveTheGeneralReadersResult() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    // one row is "U123456,2026-10,D1.1.1,57\n" (26 bytes): 8 MB hold about 322,000 of them, and the
    // second copy starts in the second block
    int n = 10_800;
    StringBuilder reg = new StringBuilder("id,name,type,parent,staff,served\n");
    for (int u = 0; u < n; u++) {
      reg.append("U").append(100_000 + u).append(",单位,t,,50,10000\n");
    }
    Path units = Files.writeString(dir.resolve("units.csv"), reg.toString());
    UnitRegister register = UnitRegister.read(units, model).orElseThrow();
    String[] ids = model.leaves().stream().map(l -> l.id()).toArray(String[]::new);
    StringBuilder first = new StringBuilder();
    StringBuilder second = new StringBuilder();
    for (int u = 0; u < n; u++) {
      for (int l = 0; l < 31; l++) {
        String cell = "U" + (100_000 + u) + ",2026-10," + ids[l] + ",";
        int v = (u * 31 + l) % 90;
        first.append(cell).append(v).append('\n');
        // every 50,000th repeat differs: a conflict; all others repeat the value
        second.append(cell).append((u * 31 + l) % 50_000 == 7 ? v + 1 : v).append('\n');
      }
    }
    String header = "unit,period,indicator,value\n";
    String text = header + first + second;
    assertTrue(first.length() > (8 << 20), "the repeats start in the second block");
    Path fast = Files.writeString(dir.resolve("twice.csv"), text);
    Path general =
        Files.writeString(dir.resolve("general.csv"), text + "U100000,2026-10,\"D1.1.1\",0\n");
    List<String> expected =
        new DataReader(model, register, ReadOptions.DEFAULTS)
            .read(List.of(general)).diagnostics().stream()
                .map(d -> d.toString().replace("general.csv", "twice.csv"))
                .toList();
    // conflicts: cells 7, 50,007, 100,007, ... 300,007 of 334,800
    assertEquals(
        7,
        expected.stream().filter(d -> d.contains("conflicts with")).count(),
        expected.toString());
    for (int round = 0; round < 5; round++) {
      List<String> got =
          new DataReader(model, register, ReadOptions.DEFAULTS)
              .read(List.of(fast)).diagnostics().stream().map(Diagnostic::toString).toList();
      assertEquals(expected, got);
    }
  }
}
