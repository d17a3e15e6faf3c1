package dev.qinglian.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.internal.table.Tables;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level fast reader against the general reader on generated and mutated department files:
 * 400 small files, each with a random mix of what real files carry (a byte-order mark, GBK, CRLF,
 * {@code 95%}, {@code 1,234}, blanks, padded cells, unknown units and indicators, bad months,
 * malformed and out-of-range values, the same cell twice with the same or another value, rows too
 * short or too long, a line over the 1 MB limit). Each file is read as it is (the fast path: no
 * quote in it) and with one quoted, value-less row added at its end (which sends it to the general
 * reader and adds nothing): the two give the same dataset, bit for bit, and the same diagnostics,
 * message for message, in the same order.
 */
class FastPathPropertyTest {
  @TempDir Path dir;

  static final YearMonth SEP = YearMonth.of(2026, 9);
  static final YearMonth OCT = YearMonth.of(2026, 10);

  @Test
  void theFastAndTheGeneralReaderAgreeOnMutatedFiles() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    int n = 40;
    StringBuilder reg = new StringBuilder("id,name,type,parent,staff,served\n");
    for (int u = 0; u < n; u++) {
      reg.append("U").append(u).append(",单位").append(u).append(",t,,50,10000\n");
    }
    UnitRegister units =
        UnitRegister.read(Files.writeString(dir.resolve("units.csv"), reg.toString()), model)
            .orElseThrow();
    String[] leaves = model.leaves().stream().map(l -> l.id()).toArray(String[]::new);
    int compared = 0;
    int withErrors = 0;
    for (int seed = 0; seed < 400; seed++) {
      Random r = new Random(seed);
      boolean crlf = r.nextInt(4) == 0;
      Charset cs = r.nextInt(5) == 0 ? Tables.GB18030 : StandardCharsets.UTF_8;
      boolean bom = cs == StandardCharsets.UTF_8 && r.nextInt(5) == 0;
      List<String> lines = new ArrayList<>();
      lines.add(r.nextInt(6) == 0 ? " unit , period ,indicator, value ,note" : header(r));
      int rows = 1 + r.nextInt(60);
      for (int k = 0; k < rows; k++) {
        String line = row(r, leaves, n);
        lines.add(line);
        if (r.nextInt(15) == 0) { // the same cell again: the same value, or another
          lines.add(r.nextBoolean() ? line : line.replaceFirst(",[^,]*,([^,]*)$", ",77,$1"));
        }
      }
      if (r.nextInt(40) == 0) {
        lines.add("U1,2026-10,D1.1.1,5," + "长".repeat(400_000)); // over 1 MB of UTF-8
      }
      String nl = crlf ? "\r\n" : "\n";
      String text = String.join(nl, lines) + nl;
      String fastName = "fast" + seed + ".csv";
      String generalName = "general" + seed + ".csv";
      Path fast = write(fastName, text, cs, bom);
      Path general = write(generalName, text + "U0,2026-10,D1.1.1,,\"q\"" + nl, cs, bom);
      Loaded<Dataset> a = new DataReader(model, units, ReadOptions.DEFAULTS).read(List.of(fast));
      Loaded<Dataset> b = new DataReader(model, units, ReadOptions.DEFAULTS).read(List.of(general));
      List<String> da = a.diagnostics().stream().map(Diagnostic::toString).toList();
      List<String> db =
          b.diagnostics().stream().map(d -> d.toString().replace(generalName, fastName)).toList();
      assertEquals(
          db, da, "seed " + seed + ":\n" + text.substring(0, Math.min(2000, text.length())));
      assertEquals(b.value() == null, a.value() == null, "seed " + seed);
      if (a.value() != null) {
        for (YearMonth m : List.of(SEP, OCT)) {
          for (int l = 0; l < leaves.length; l++) {
            for (int u = 0; u < n; u++) {
              double x = a.value().value(l, u, m);
              double y = b.value().value(l, u, m);
              assertEquals(
                  Double.doubleToLongBits(y),
                  Double.doubleToLongBits(x),
                  "seed " + seed + " " + leaves[l] + " U" + u + " " + m);
            }
          }
        }
      }
      compared++;
      withErrors += a.hasErrors() ? 1 : 0;
    }
    assertEquals(400, compared);
    // the mutations do reach the checks: many files have errors, some none
    assertTrue(withErrors > 100 && withErrors < 400, "with errors: " + withErrors);
  }

  private static String header(Random r) {
    return r.nextInt(8) == 0 ? "单位,期间,指标,数值,备注" : "unit,period,indicator,value,note";
  }

  /** A row of the long layout, most cells valid, now and then one of the usual mistakes. */
  private static String row(Random r, String[] leaves, int n) {
    String unit = "U" + r.nextInt(n);
    String period = r.nextBoolean() ? "2026-10" : "2026-09";
    String leaf = leaves[r.nextInt(leaves.length)];
    String value = Integer.toString(r.nextInt(100));
    String note = r.nextInt(3) == 0 ? "备注" + r.nextInt(10) : "";
    switch (r.nextInt(40)) {
      case 0 -> unit = "X" + r.nextInt(9); // unknown unit
      case 1 -> unit = " " + unit + " "; // padded
      case 2 -> period = "2026-13";
      case 3 -> period = "2026/10";
      case 4 -> leaf = "D9.9.9"; // unknown indicator
      case 5 -> value = value + "%";
      case 6 -> value = "";
      case 7 -> value = "12o";
      case 8 -> value = "-5";
      case 9 -> value = "150"; // out of range for a rate
      case 10 -> value = "1e2";
      case 11 -> value = " " + value + " ";
      case 12 -> value = value + ".25";
      case 13 -> value = "1,234"; // a thousands separator would split the cell: a longer row
      case 14 -> note = note + ",extra"; // a row too long
      case 15 -> {
        return unit + "," + period + "," + leaf; // a row too short
      }
      case 16 -> value = "NaN";
      case 17 -> value = "Infinity";
      case 18 -> unit = "";
      default -> {}
    }
    return unit + "," + period + "," + leaf + "," + value + "," + note;
  }

  private Path write(String name, String text, Charset cs, boolean bom) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    if (bom) {
      b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    b.write(text.getBytes(cs));
    return Files.write(dir.resolve(name), b.toByteArray());
  }
}
