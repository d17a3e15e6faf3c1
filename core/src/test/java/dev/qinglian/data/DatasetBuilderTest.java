package dev.qinglian.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows fed to {@link DatasetBuilder} give what the file reader gives for the same content. */
class DatasetBuilderTest {
  static final Path DEMO = TestFiles.root().resolve("examples/demo-county");
  static IndicatorModel model;
  static UnitRegister units;

  @BeforeAll
  static void load() throws Exception {
    model = ModelLoader.loadDefault().orElseThrow();
    units = UnitRegister.read(DEMO.resolve("units.csv"), model).orElseThrow();
  }

  /** The rows of a long-layout CSV file (no quotes), fed with the file's name and line numbers. */
  static Loaded<Dataset> asRows(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    DatasetBuilder b = new DatasetBuilder(model, units);
    for (int i = 1; i < lines.size(); i++) {
      String[] c = lines.get(i).split(",", -1);
      if (lines.get(i).isBlank()) {
        continue;
      }
      b.add(c[0], c[1], c[2], c[3], file.toString(), i + 1);
    }
    return b.build();
  }

  static Loaded<Dataset> asFile(Path file) {
    return new DataReader(model, units, ReadOptions.DEFAULTS).read(List.of(file));
  }

  @Test
  void theDemosDisciplineFileAsRowsGivesTheSameDatasetBitForBit(@TempDir Path dir)
      throws Exception {
    // discipline.csv is long (unit,period,indicator,value) with a BOM; without it, the same rows
    byte[] bytes = Files.readAllBytes(DEMO.resolve("data/discipline.csv"));
    Path plain = dir.resolve("discipline.csv");
    Files.write(plain, java.util.Arrays.copyOfRange(bytes, 3, bytes.length));
    Dataset file = asFile(plain).orElseThrow();
    Dataset rows = asRows(plain).orElseThrow();
    assertEquals(file.periods(), rows.periods());
    assertEquals(file.files(), rows.files());
    long compared = 0;
    for (YearMonth p : file.periods()) {
      for (int l = 0; l < model.leaves().size(); l++) {
        for (int u = 0; u < units.size(); u++) {
          double a = file.value(l, u, p);
          double b = rows.value(l, u, p);
          assertEquals(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b), p + " " + l);
          compared += Double.isNaN(a) ? 0 : 1;
        }
      }
    }
    assertTrue(compared > 10_000, "values compared: " + compared);
  }

  @Test
  void brokenRowsGiveTheSameMessagesAsTheSameFile(@TempDir Path dir) throws Exception {
    // one problem per line, each a rule of the reader: range (a count of -5, 1e9 cases), not a
    // number (Infinity, "abc"), unknown unit with a suggestion, unknown indicator, a group id,
    // a bad month, and the same cell twice with another value (a conflict naming both lines)
    String csv =
        String.join(
            "\n",
            "unit,period,indicator,value",
            "B01,2026-10,D5.1.1,-5",
            "B02,2026-10,D5.1.1,1000000000",
            "B03,2026-10,D5.1.1,Infinity",
            "B04,2026-10,D5.1.1,abc",
            "B401,2026-10,D5.1.1,1",
            "B05,2026-10,D5.1.9,1",
            "B05,2026-10,D5.1,1",
            "B06,2026-13,D5.1.1,1",
            "B07,2026-10,D5.1.1,1",
            "B07,2026-10,D5.1.1,2",
            "B08,2026年10月,D5.1.1,95%",
            "");
    Path file = dir.resolve("broken.csv");
    Files.writeString(file, csv);
    List<String> fromFile = rendered(asFile(file));
    List<String> fromRows = rendered(asRows(file));
    assertEquals(fromFile, fromRows);
    assertEquals(
        9,
        fromRows.stream().filter(m -> m.contains(": error: ")).count(),
        String.join("\n", fromRows));
    assertTrue(fromRows.get(0).startsWith("data.range " + file + ":2:20: error"), fromRows.get(0));
    assertTrue(fromRows.stream().anyMatch(m -> m.contains("data.conflict")), fromRows.toString());
  }

  @Test
  void numbersFromAnotherSystemAreCheckedToo() throws Exception {
    // the embedding case of the issue: -5 cases, 1e9, +Infinity, and a value read back exactly
    YearMonth oct = YearMonth.of(2026, 10);
    Loaded<Dataset> bad =
        new DatasetBuilder(model, units)
            .add("B01", oct, "D5.1.1", -5, "db:discipline", 17)
            .add("B02", oct, "D5.1.1", 1e9, "db:discipline", 18)
            .add("B03", oct, "D5.1.1", Double.POSITIVE_INFINITY, "db:discipline", 19)
            .add("B04", oct, "D5.1.1", Double.NaN, "db:discipline", 20)
            .build();
    assertEquals(
        List.of("data.range", "data.range", "data.number", "data.number"),
        bad.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList());
    assertEquals("db:discipline", bad.diagnostics().get(0).location().file());
    assertEquals(17, bad.diagnostics().get(0).location().line());
    double v = 0.1 + 0.2; // 0.30000000000000004: the exact double comes back
    Dataset good =
        new DatasetBuilder(model, units)
            .add("B01", oct, "D1.1.1", v, "db:party-office", 1)
            .build()
            .orElseThrow();
    assertEquals(
        Double.doubleToRawLongBits(v),
        Double.doubleToRawLongBits(good.value(model.leafIndex("D1.1.1"), 0, oct)));
  }

  private static List<String> rendered(Loaded<Dataset> l) {
    return l.diagnostics().stream().map(d -> d.code() + " " + d + " | " + d.excerpt()).toList();
  }

  @Test
  void aNamedStreamIsReadAsTheFileAndNamedAsGiven() throws Exception {
    Path file = DEMO.resolve("data/organisation.xlsx");
    Loaded<Dataset> fromFile = asFile(file);
    Loaded<Dataset> fromStream;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      fromStream =
          new DataReader(model, units, ReadOptions.DEFAULTS).read("upload/organisation.xlsx", in);
    }
    Dataset a = fromFile.orElseThrow();
    Dataset b = fromStream.orElseThrow();
    assertEquals(List.of("upload/organisation.xlsx"), b.files());
    YearMonth oct = YearMonth.of(2026, 10);
    for (int l = 0; l < model.leaves().size(); l++) {
      for (int u = 0; u < units.size(); u++) {
        assertEquals(
            Double.doubleToRawLongBits(a.value(l, u, oct)),
            Double.doubleToRawLongBits(b.value(l, u, oct)));
      }
    }
    // a broken CSV stream: the messages name the stream as given
    Loaded<Dataset> broken =
        new DataReader(model, units, ReadOptions.DEFAULTS)
            .read(
                "mail/petitions.csv",
                new java.io.ByteArrayInputStream(
                    "unit,period,indicator,value\nB99,2026-10,D5.1.1,1\n"
                        .getBytes(StandardCharsets.UTF_8)));
    Diagnostic d = broken.diagnostics().get(0);
    assertEquals(
        "mail/petitions.csv:2:1: error: unknown unit 'B99'", d.toString().split(" \\(")[0]);
  }
}
