package dev.qinglian.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.internal.table.Tables;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataReaderTest {
  static final String MODEL =
      """
      bands: [{id: ok, min: 50}, {id: bad}]
      index:
        id: X
        children:
          - id: A
            children:
              - {id: A.1, direction: higher, goalposts: [0, 100], range: [0, 100]}
              - {id: A.2, direction: lower, goalposts: [5, 0], denominator: {of: staff, per: 100}}
      """;

  @TempDir Path dir;
  IndicatorModel model;
  UnitRegister units;

  @BeforeEach
  void setUp() throws Exception {
    model = ModelLoader.load("m.yaml", new StringReader(MODEL)).orElseThrow();
    Path u =
        TestFiles.write(
            dir,
            "units.csv",
            "id,name,type,parent,staff,served,map\nU1,甲,t,,10,5,m1\nU2,乙,t,U1,20,5,m2\n");
    units = UnitRegister.read(u, model).orElseThrow();
  }

  Loaded<Dataset> read(Path... files) {
    return new DataReader(model, units, ReadOptions.DEFAULTS).read(List.of(files));
  }

  static List<String> rendered(Loaded<?> l) {
    return l.diagnostics().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void keepsExtraRegisterColumns() {
    assertEquals("m2", units.unit("U2").orElseThrow().extra().get("map"));
    assertEquals(20, units.unit("U2").orElseThrow().staff());
  }

  @Test
  void readsLongAndWideFilesAndUnderstandsPercentsAndThousands() throws Exception {
    Path longFile =
        TestFiles.write(
            dir,
            "a.csv",
            "unit,period,indicator,value,note\nU1,2026-10,A.1,95%,ok\nU2,2026/10,A.1,\" 80 \",\n");
    Path wide =
        TestFiles.write(
            dir, "b.csv", "unit,period,A.2,remark\nU1,2026-10,\"1,234.5\",x\nU2,2026年9月,2,\n");
    Loaded<Dataset> l = read(longFile, wide);
    assertEquals(List.of(), l.diagnostics());
    Dataset d = l.orElseThrow();
    YearMonth oct = YearMonth.of(2026, 10);
    assertEquals(95, d.value(0, 0, oct));
    assertEquals(80, d.value(0, 1, oct));
    assertEquals(1234.5, d.value(1, 0, oct));
    assertEquals(2, d.value(1, 1, YearMonth.of(2026, 9)));
    assertEquals(List.of(YearMonth.of(2026, 9), oct), d.periods());
  }

  @Test
  void reportsEveryDataProblemInOnePassWithFileLineAndColumn() throws Exception {
    Path a =
        TestFiles.write(
            dir,
            "discipline.csv",
            String.join(
                "\n",
                "unit,period,indicator,value",
                "U9,2026-10,A.1,50",
                "U1,2026-13,A.1,50",
                "U1,2026-10,A.9,50",
                "U1,2026-10,A.1,abc",
                "U1,2026-10,A.1,120",
                "U1,2026-10,A.1,70",
                "U1,2026-10,A,70",
                ""));
    Path b =
        TestFiles.write(
            dir, "organisation.csv", "unit,period,indicator,value\nU1,2026-10,A.1,75\n");
    Loaded<Dataset> l = read(a, b);
    assertTrue(l.hasErrors());
    String d = dir.toString();
    assertEquals(
        List.of(
            d + "/discipline.csv:2:1: error: unknown unit 'U9'",
            d + "/discipline.csv:3:4: error: malformed period '2026-13'",
            d + "/discipline.csv:4:12: error: unknown indicator 'A.9'",
            d + "/discipline.csv:5:16: error: 'abc' is not a number (indicator A.1)",
            d
                + "/discipline.csv:6:16: error: value 120 of A.1 is outside the plausible range [0, 100]",
            d
                + "/discipline.csv:8:12: error: 'A' is not an indicator but a group of them; values go to its second-level indicators",
            d
                + "/organisation.csv:2:16: error: unit U1, 2026-10, indicator A.1: value 75 conflicts with 70 given at "
                + d
                + "/discipline.csv:7",
            // U2's only value was rejected, so it has no data
            d + "/units.csv:3: warning: unit 'U2' has no data in any file"),
        rendered(l));
    Diagnostic unknownIndicator = l.diagnostics().get(2);
    assertEquals("the model has A.1, A.2", unknownIndicator.hint(java.util.Locale.ROOT));
    assertEquals("U1,2026-10,A.9,50", unknownIndicator.excerpt());
  }

  @Test
  void warnsAboutAUnitWithoutData() throws Exception {
    Loaded<Dataset> l =
        read(TestFiles.write(dir, "a.csv", "unit,period,indicator,value\nU1,2026-10,A.1,1\n"));
    assertFalse(l.hasErrors());
    assertEquals(
        List.of(dir + "/units.csv:3: warning: unit 'U2' has no data in any file"), rendered(l));
  }

  @Test
  void readsUtf8WithBomAndGbkAlike() throws Exception {
    String text = "单位,月份,指标,数值\nU1,2026-10,A.1,90\n";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path withBom = dir.resolve("bom.csv");
    Files.write(withBom, concat(bom, text.getBytes(StandardCharsets.UTF_8)));
    Path gbk =
        TestFiles.write(
            dir, "gbk.csv", text.replace("90", "91").replace("U1", "U2"), Tables.GB18030);
    assertEquals(Tables.GB18030, Tables.detect(gbk));
    assertEquals(StandardCharsets.UTF_8, Tables.detect(withBom));
    Dataset d = read(withBom, gbk).orElseThrow();
    assertEquals(90, d.value(0, 0, YearMonth.of(2026, 10)));
    assertEquals(91, d.value(0, 1, YearMonth.of(2026, 10)));
  }

  /** Reads with the checks for quotes and encoding made while parsing (as for large files). */
  private Loaded<Dataset> checkingWhileReading(Path... files) {
    return new DataReader(model, units, ReadOptions.DEFAULTS, 0).read(List.of(files));
  }

  @Test
  void aDataFileOfAnotherRegisterGivesAFewMessagesNotOnePerRowOrUnit() throws Exception {
    // 25,000 units (past the size searched whole for suggestions); 300 rows of unknown units
    StringBuilder reg = new StringBuilder("id,name,type,parent,staff,served\n");
    for (int u = 1; u <= 25_000; u++) {
      reg.append(String.format("U%05d", u)).append(",x,t,,10,5\n");
    }
    UnitRegister big =
        UnitRegister.read(TestFiles.write(dir, "big.csv", reg.toString()), model).orElseThrow();
    StringBuilder data = new StringBuilder("unit,period,indicator,value\n");
    for (int u = 1; u <= 300; u++) {
      data.append(String.format("U%06d", u)).append(",2026-10,A.1,50\n"); // one 0 too many
    }
    Loaded<Dataset> l =
        new DataReader(model, big, ReadOptions.DEFAULTS)
            .read(List.of(TestFiles.write(dir, "other.csv", data.toString())));
    List<String> m = rendered(l);
    // 200 errors listed, one saying how many more, 20 units without data listed, one summary
    assertEquals(200 + 1 + 20 + 1, m.size());
    assertEquals(dir + "/other.csv:2:1: error: unknown unit 'U000001'", m.get(0));
    assertEquals(
        dir + "/other.csv: error: 100 more problem(s) in this file are not listed", m.get(200));
    assertEquals(dir + "/big.csv:2: warning: unit 'U00001' has no data in any file", m.get(201));
    assertEquals(
        dir
            + "/big.csv: warning: 24980 more unit(s) of 25000 have no data in any file"
            + " (the first 20 are listed above)",
        m.get(221));
    // the suggestions come from the ids next to the unknown one in sorted order: U000001 sorts
    // just before U00001, one deletion away (distance 1); U00002.. are two edits away
    String hint = l.diagnostics().get(0).hint(java.util.Locale.ROOT);
    assertTrue(hint.startsWith("the register has U00001, "), hint);
  }

  @Test
  void aNonUtf8LineFoundLateMakesTheWholeFileGb18030() throws Exception {
    // an ASCII header and first row, then a GB18030 line: the reader assumed UTF-8 until that line
    String text = "unit,period,indicator,value\nU1,2026-10,A.1,90\n单位甲,2026-10,A.1,80\n";
    Path gbk = TestFiles.write(dir, "late.csv", text, Tables.GB18030);
    Loaded<Dataset> l = checkingWhileReading(gbk);
    assertEquals(
        List.of(dir + "/late.csv:3:1: error: unknown unit '单位甲'"),
        rendered(l).stream().filter(m -> m.contains("error")).toList());
  }

  @Test
  void aQuoteFoundLateSendsTheFileToTheGeneralReader() throws Exception {
    // an escaped quote ("") is more than the fast reader takes: the general reader reads the file,
    // and the quoted cell's comma does not split it
    String text =
        "unit,note,period,indicator,value\nU1,x,2026-10,A.1,90\nU2,\"a \"\"b\"\", c\",2026-10,A.1,80\n";
    Dataset d = checkingWhileReading(TestFiles.write(dir, "quoted.csv", text)).orElseThrow();
    assertEquals(90, d.value(0, 0, YearMonth.of(2026, 10)));
    assertEquals(80, d.value(0, 1, YearMonth.of(2026, 10)));
  }

  @Test
  void oldMacLineEndsAreLineEnds() throws Exception {
    // "CSV (Macintosh)" from Excel for Mac ends lines with a carriage return alone
    String text = "unit,period,indicator,value\rU1,2026-10,A.1,90\rU2,2026-10,A.1,80\r";
    YearMonth oct = YearMonth.of(2026, 10);
    for (Loaded<Dataset> l :
        List.of(
            read(TestFiles.write(dir, "mac.csv", text)),
            checkingWhileReading(TestFiles.write(dir, "mac2.csv", text)))) {
      Dataset d = l.orElseThrow();
      assertEquals(90, d.value(0, 0, oct));
      assertEquals(80, d.value(0, 1, oct));
    }
  }

  @Test
  void fieldsQuotedWholeAreReadOnTheFastPathLikeAnyOther() throws Exception {
    // as R's write.csv writes them: every text quoted, a comma inside a quoted note, and a row
    // of an unknown unit whose message must name the unit without its quotes
    String quoted =
        String.join(
            "\n",
            "\"unit\",\"period\",\"indicator\",\"value\",\"note\"",
            "\"U1\",\"2026-10\",\"A.1\",90,\"checked, signed\"",
            "\"U2\",\"2026-10\",\"A.1\",80,\"\"",
            "\"U9\",\"2026-10\",\"A.1\",70,\"x\"",
            "\"U2\",\"2026-10\",\"A.2\",3,\"x\"\r",
            "");
    Loaded<Dataset> l = checkingWhileReading(TestFiles.write(dir, "r.csv", quoted));
    assertEquals(
        List.of(dir + "/r.csv:4:1: error: unknown unit 'U9'"),
        rendered(l).stream().filter(m -> m.contains("error")).toList());
    String plain = quoted.replace("\"", "").replace("checked, signed", "checked");
    Loaded<Dataset> p = checkingWhileReading(TestFiles.write(dir, "p.csv", plain));
    assertEquals(rendered(p).size(), rendered(l).size());
    // the values, read back from the same rows without the unknown unit
    String good = quoted.replace("\"U9\",\"2026-10\",\"A.1\",70,\"x\"\n", "");
    Dataset d = checkingWhileReading(TestFiles.write(dir, "g.csv", good)).orElseThrow();
    YearMonth oct = YearMonth.of(2026, 10);
    assertEquals(90, d.value(0, 0, oct));
    assertEquals(80, d.value(0, 1, oct));
    assertEquals(3, d.value(1, 1, oct));
  }

  @Test
  void readsExcelWithPercentFormatsDatesAndCellReferences() throws Exception {
    Path x = dir.resolve("gov-office.xlsx");
    try (OutputStream out = Files.newOutputStream(x)) {
      Workbook wb = new Workbook(out, "test", "1.0");
      Worksheet notes = wb.newWorksheet("说明");
      notes.value(0, 0, "本表由县府办报送");
      Worksheet other = wb.newWorksheet("汇总");
      other.value(0, 0, "合计");
      Worksheet ws = wb.newWorksheet("data");
      ws.value(0, 0, "unit");
      ws.value(0, 1, "period");
      ws.value(0, 2, "indicator");
      ws.value(0, 3, "value");
      ws.value(1, 0, "U1");
      ws.value(1, 1, java.time.LocalDate.of(2026, 10, 1));
      ws.style(1, 1).format("yyyy-mm").set();
      ws.value(1, 2, "A.1");
      ws.value(1, 3, 0.95);
      ws.style(1, 3).format("0%").set();
      ws.value(2, 0, "U2");
      ws.value(2, 1, "2026-10");
      ws.value(2, 2, "A.1");
      ws.value(2, 3, "n/a");
      wb.finish();
    }
    Loaded<Dataset> l = read(x);
    assertEquals(
        List.of(
            // a notes sheet (说明) is skipped silently, any other sheet without a data table is named
            x
                + "[汇总!1:1]: warning: sheet '汇总' holds no data table (no unit and period columns); it is skipped",
            x + "[data!D3]: error: 'n/a' is not a number (indicator A.1)",
            dir + "/units.csv:3: warning: unit 'U2' has no data in any file"),
        rendered(l));
  }

  @Test
  void readsTheExcelValuesWhenClean() throws Exception {
    Path x = dir.resolve("x.xlsx");
    try (OutputStream out = Files.newOutputStream(x)) {
      Workbook wb = new Workbook(out, "test", "1.0");
      Worksheet ws = wb.newWorksheet("data");
      String[] h = {"unit", "period", "A.1", "A.2"};
      for (int i = 0; i < h.length; i++) {
        ws.value(0, i, h[i]);
      }
      ws.value(1, 0, "U1");
      // Excel turns a typed 2026-10 into a date cell: the period is read from the date
      ws.value(1, 1, java.time.LocalDate.of(2026, 10, 1));
      ws.style(1, 1).format("yyyy-mm").set();
      ws.value(1, 2, 0.875);
      ws.style(1, 2).format("0.0%").set();
      ws.value(1, 3, 3);
      wb.finish();
    }
    Dataset d = read(x).orElseThrow();
    // 0.875 formatted as a percentage is 87.5
    assertEquals(87.5, d.value(0, 0, YearMonth.of(2026, 10)), 1e-12);
    assertEquals(3, d.value(1, 0, YearMonth.of(2026, 10)), 1e-12);
  }

  @Test
  void refusesAZipBombAndAFileThatIsNoWorkbook() throws Exception {
    // a sheet of 200 MB of spaces compresses about 1000 times
    Path bomb = dir.resolve("bomb.xlsx");
    try (java.util.zip.ZipOutputStream z =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
      z.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 200; i++) {
        z.write(spaces);
      }
      z.closeEntry();
    }
    Diagnostic d = read(bomb).diagnostics().get(0);
    assertEquals("file.malformed", d.code());
    assertTrue(d.message().contains("refused as a possible zip bomb"), d.message());
    Path notZip = TestFiles.write(dir, "fake.xlsx", "unit,period\n");
    assertEquals("file.malformed", read(notZip).diagnostics().get(0).code());
  }

  @Test
  void refusesARowWithMoreThanTenThousandCells() throws Exception {
    String wide = "U1,2026-10,A.1,1" + ",x".repeat(10_000) + "\n";
    Path f = TestFiles.write(dir, "wide.csv", "unit,period,indicator,value,\"note\"\n" + wide);
    Diagnostic d = read(f).diagnostics().get(0);
    assertEquals("file.malformed", d.code());
    assertEquals(
        dir
            + "/wide.csv:2: error: the file is not well-formed and cannot be read further:"
            + " line 2 has 10004 cells, more than 10000",
        d.toString());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /**
   * The check behind the concurrent reader's plain stores: three cells hold a value (the NaN cells
   * are empty), so three counted stores account for them; a fourth counted store is what two
   * threads that both found one cell empty leave behind, and it must be caught (the read is then
   * redone in file order).
   */
  @Test
  void storesAreCheckedAgainstTheCellsFilled() {
    double nan = Double.NaN;
    List<double[]> cols = List.of(new double[] {1, nan, 0}, new double[] {nan, nan, -2.5});
    assertTrue(DataReader.everyStoreFilledACell(3, cols));
    assertFalse(DataReader.everyStoreFilledACell(4, cols));
    assertFalse(DataReader.everyStoreFilledACell(2, cols));
    assertTrue(DataReader.everyStoreFilledACell(0, List.of()));
  }
}
