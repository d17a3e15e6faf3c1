package dev.qinglian.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs made to hurt: each refused with a message, quickly, never read silently. */
class HostileInputTest {
  static IndicatorModel model;
  static UnitRegister units;

  @BeforeAll
  static void load() throws Exception {
    model = ModelLoader.loadDefault().orElseThrow();
    units =
        UnitRegister.read(TestFiles.root().resolve("examples/demo-county/units.csv"), model)
            .orElseThrow();
  }

  static List<String> errors(Loaded<?> l) {
    return l.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
  }

  @Test
  void aZipBombThatUnderstatesItsSizesIsRefusedAfterWhatItDeclares(@TempDir Path dir)
      throws Exception {
    // 64 MB of zeros deflate to about 64 KB; the central directory then claims 1,000 bytes
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    byte[] zip = b.toByteArray();
    ByteBuffer bb = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int patched = 0;
    for (int i = 0; i + 4 <= zip.length; i++) {
      if (bb.getInt(i) == 0x02014b50) { // a central directory header: uncompressed size at +24
        bb.putInt(i + 24, 1000);
        patched++;
      }
    }
    assertEquals(1, patched);
    Path bomb = dir.resolve("bomb.xlsx");
    Files.write(bomb, zip);
    long t0 = System.nanoTime();
    Loaded<Dataset> l = new DataReader(model, units, ReadOptions.DEFAULTS).read(List.of(bomb));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(
        List.of(
            "the file is not well-formed and cannot be read further: part xl/worksheets/sheet1.xml"
                + " declares 1000 bytes but inflates to more: refused as a possible zip bomb"),
        errors(l));
    // not a timing test of speed, a bound on harm: the 64 MB are never inflated whole
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  @Test
  void aFormulaSavedWithoutItsResultIsNotABlank(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("formula.xlsx");
    try (var out = Files.newOutputStream(f)) {
      org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
      org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("data");
      String[] h = {"unit", "period", "indicator", "value"};
      for (int c = 0; c < h.length; c++) {
        ws.value(0, c, h[c]);
      }
      ws.value(1, 0, "B01");
      ws.value(1, 1, "2026-10");
      ws.value(1, 2, "D5.1.1");
      ws.formula(1, 3, "1+1"); // fastexcel writes the formula, no cached value
      wb.finish();
    }
    Loaded<Dataset> l = new DataReader(model, units, ReadOptions.DEFAULTS).read(List.of(f));
    List<String> e = errors(l);
    assertEquals(1, e.size(), e.toString());
    assertTrue(e.get(0).contains("'=1+1'"), e.get(0));
  }

  @Test
  void aSecondValueColumnIsAnErrorNotIgnored(@TempDir Path dir) throws Exception {
    Path f =
        TestFiles.write(
            dir, "dup.csv", "unit,period,indicator,value,value\nB01,2026-10,D5.1.1,1,2\n");
    Loaded<Dataset> l = new DataReader(model, units, ReadOptions.DEFAULTS).read(List.of(f));
    assertEquals(List.of("column 'value' is the table's second 'value' column"), errors(l));
    assertEquals(29, l.diagnostics().get(0).location().column()); // u,n,i,t… counted: 28 + 1
  }

  @Test
  void modelLimitsAreEnforcedBeforeTheYamlIsComposed() {
    // a 12 M-character scalar took SnakeYAML 61 s before its own limit; now refused by length
    long t0 = System.nanoTime();
    String longScalar = "name: " + "x".repeat(12_000_000) + "\n";
    assertEquals(
        List.of("model.size"),
        ModelLoader.load("m.yaml", new StringReader(longScalar)).diagnostics().stream()
            .map(Diagnostic::code)
            .toList());
    String longLine = "name: " + "x".repeat(100_000) + "\n";
    Loaded<IndicatorModel> l = ModelLoader.load("m.yaml", new StringReader(longLine));
    assertEquals(
        List.of("model.line@1"),
        l.diagnostics().stream().map(d -> d.code() + "@" + d.location().line()).toList());
    assertTrue((System.nanoTime() - t0) / 1e9 < 10, "refused without composing");
    // 50 MB of comments: over the document limit too
    String comments = "# comment\n".repeat(5_000_000);
    assertEquals(
        "model.size",
        ModelLoader.load("m.yaml", new StringReader(comments)).diagnostics().get(0).code());
  }

  @Test
  void idsWithInvisibleCharactersAndUnknownSchemaVersionsAreRefused() {
    String base = "bands:\n  - {id: good, min: 50}\n  - {id: bad}\n";
    String tree =
        "index:\n  id: I\n  children:\n    - {id: \"a\\u200Bb\", direction: higher, goalposts: [0, 1]}\n";
    Loaded<IndicatorModel> l = ModelLoader.load("m.yaml", new StringReader(base + tree));
    assertEquals(
        List.of("id 'a\u200Bb' contains an invisible or control character (U+200B)"), errors(l));
    Loaded<IndicatorModel> v =
        ModelLoader.load(
            "m.yaml",
            new StringReader(
                "qinglian: 99\n"
                    + base
                    + "index:\n  id: I\n  children:\n    - {id: a, direction: higher, goalposts: [0, 1]}\n"));
    assertEquals(
        List.of("schema version '99' is not supported; this qinglian reads qinglian: 1"),
        errors(v));
  }

  @Test
  void readmesCsvLimitsHoldOnTheFastPathToo(@TempDir Path dir) throws Exception {
    // a 3 MB record and a row of 400,000 cells, unquoted: the fast reader took both; now it
    // hands them to the general reader, whose rule decides and names the line
    Path longLine =
        TestFiles.write(
            dir,
            "a.csv",
            "unit,period,indicator,value,note\nB01,2026-10,D5.1.1,1,"
                + "x".repeat(3_000_000)
                + "\n");
    Path manyCells =
        TestFiles.write(
            dir,
            "b.csv",
            "unit,period,indicator,value\nB01,2026-10,D5.1.1,1" + ",1".repeat(400_000) + "\n");
    DataReader r = new DataReader(model, units, ReadOptions.DEFAULTS);
    assertEquals(
        List.of(
            "the file is not well-formed and cannot be read further: a line is longer than 1 MB"),
        errors(r.read(List.of(longLine))));
    assertEquals(
        List.of(
            "the file is not well-formed and cannot be read further: line 2 has over 16384"
                + " cells, more than 10000"),
        errors(r.read(List.of(manyCells))));
  }
}
