package dev.qinglian.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.internal.RegisterAccess;
import dev.qinglian.internal.table.RegisterAhead;
import dev.qinglian.internal.table.Tables;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar register: the byte-level reader (UTF-8 without quotes) and the general reader (here
 * forced by GB18030) give the same units and the same messages, edge cases included.
 */
class UnitRegisterTest {
  @TempDir Path dir;

  static final String REGISTER =
      String.join(
          "\r\n",
          "id,name,type,parent,staff,served,map",
          "U1,县委办, department ,,12,1000,m1",
          " U2 ,,township,U1,,",
          "U3,村三,village,U9,1,234,5000",
          ",无编号,village,,1,1",
          "U1,重复,village,,1,1",
          "U4,村四,village,U2,-3,95%",
          "U5,村五",
          "",
          "U6,村六,village,U2,1e2,1,m6,extra");

  @Test
  void byteAndGeneralReadersAgree() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    String text = REGISTER;
    Path utf8 = TestFiles.write(dir, "units.csv", text);
    Path gbk = TestFiles.write(dir, "units-gbk.csv", text, Tables.GB18030);
    Loaded<UnitRegister> a = UnitRegister.read(utf8, model);
    Loaded<UnitRegister> b = UnitRegister.read(gbk, model);
    List<String> da = a.diagnostics().stream().map(Diagnostic::toString).toList();
    List<String> db =
        b.diagnostics().stream()
            .map(d -> d.toString().replace("units-gbk.csv", "units.csv"))
            .toList();
    assertEquals(db, da);
    // worked out by hand (line 1 is the header): the default model divides by staff and by
    // population, so U2's blank figures (line 3, columns 19 and 20 after " U2 ,,township,U1,")
    // and U5's missing ones (line 8) are errors; line 5 has no id; line 6 repeats U1; U4's staff
    // is -3 (column 18; its "95%" population is a number); U3 names an unknown parent; U6's
    // eighth cell is ignored
    String p = utf8.toString();
    assertEquals(
        List.of(
            p
                + ":3:19: error: unit 'U2' needs a positive 'staff': the model divides indicators by it",
            p
                + ":3:20: error: unit 'U2' needs a positive 'served': the model divides indicators by it",
            p + ":5:1: error: unit id is blank",
            p + ":6:1: error: unit 'U1' is listed twice (first on line 2)",
            p + ":7:18: error: 'staff' must be a non-negative number, not '-3'",
            p
                + ":8:7: error: unit 'U5' needs a positive 'staff': the model divides indicators by it",
            p
                + ":8:7: error: unit 'U5' needs a positive 'served': the model divides indicators by it",
            p + ":4: error: unit 'U3' names unknown parent 'U9'"),
        da);
  }

  @Test
  void unitsReadAsBytesAreTheSameRecordsAsReadAsText() throws Exception {
    IndicatorModel model =
        ModelLoader.load("m.yaml", new java.io.StringReader(MODEL)).orElseThrow();
    String text =
        String.join(
            "\r\n",
            "id,name,type,parent,staff,served,map",
            "U1,县委办, department ,,12,1000,m1",
            " U2 ,,township,U1,,",
            "U3,村三,village,U1,1,1,234",
            "U5,村五",
            "",
            "U6,村六,village,U2,1e2,\"1,500\",m6");
    Path utf8 = TestFiles.write(dir, "u.csv", text.replace("\"1,500\"", "1500"));
    Path general = TestFiles.write(dir, "g.csv", text); // the quote sends it to the general reader
    UnitRegister a = UnitRegister.read(utf8, model).orElseThrow();
    UnitRegister b = UnitRegister.read(general, model).orElseThrow();
    assertEquals(b.units(), a.units());
    assertEquals(5, a.size());
    Unit u1 = a.units().get(0);
    assertEquals(new Unit("U1", "县委办", "department", "", 12, 1000, Map.of("map", "m1"), 2), u1);
    Unit u2 = a.unit("U2").orElseThrow();
    assertEquals("U2", u2.name()); // no name: the id
    assertTrue(Double.isNaN(u2.staff()));
    assertEquals(Map.of("map", ""), u2.extra());
    assertEquals(Map.of("map", ""), a.units().get(3).extra()); // U5: a short row
    assertEquals("", a.units().get(3).type());
    assertEquals(100, a.units().get(4).staff());
    assertEquals(1500, a.units().get(4).served());
    assertEquals(7, a.units().get(4).line());
    assertEquals(4, a.indexOf("U6"));
    assertEquals(-1, a.indexOf("U7"));
    assertEquals("县委办", a.name(0));
    assertEquals("U2", a.name(1));
    assertEquals("department", a.type(0));
  }

  @Test
  void aRegisterWithAProblemOnEveryLineListsTwoHundredAndCountsTheRest() throws Exception {
    IndicatorModel model =
        ModelLoader.load("m.yaml", new java.io.StringReader(MODEL)).orElseThrow();
    StringBuilder text = new StringBuilder("id,name,type,parent\n");
    for (int u = 1; u <= 300; u++) {
      text.append("U").append(u).append(",n,t,P").append(u).append('\n'); // unknown parents
    }
    Path p = TestFiles.write(dir, "units.csv", text.toString());
    List<String> m =
        UnitRegister.read(p, model).diagnostics().stream().map(Diagnostic::toString).toList();
    assertEquals(201, m.size());
    assertEquals(p + ":2: error: unit 'U1' names unknown parent 'P1'", m.get(0));
    assertEquals(p + ": error: 100 more problem(s) in this file are not listed", m.get(200));
  }

  /**
   * A register long enough for the ids to be indexed on another thread while the rows are read
   * (published 4,096 rows at a time): every id is found at its row, also past rows that were not
   * committed (a blank id), and a duplicate far down is reported with its first line, as the
   * general reader reports it.
   */
  @Test
  void idsIndexedBesideTheRowsAreFoundAndTheirDuplicatesReported() throws Exception {
    IndicatorModel model =
        ModelLoader.load("m.yaml", new java.io.StringReader(MODEL)).orElseThrow();
    StringBuilder text = new StringBuilder("id,name\n");
    for (int u = 0; u < 20_000; u++) {
      text.append("U").append(u).append(",名").append(u).append('\n');
      if (u == 5_000) {
        text.append(",无编号\n"); // line 5,003: no id, not a unit; later units shift up one row
      }
    }
    Path ok = TestFiles.write(dir, "units.csv", text.toString());
    Loaded<UnitRegister> read = UnitRegister.read(ok, model);
    UnitRegister r = read.value();
    List<String> m = read.diagnostics().stream().map(Diagnostic::toString).toList();
    assertEquals(List.of(ok + ":5003:1: error: unit id is blank"), m);
    assertEquals(null, r); // an error: no register
    String clean = text.toString().replace(",无编号\n", "");
    r = UnitRegister.read(TestFiles.write(dir, "clean.csv", clean), model).orElseThrow();
    assertEquals(20_000, r.size());
    for (int u = 0; u < 20_000; u++) {
      assertEquals(u, r.indexOf("U" + u));
    }
    assertEquals(-1, r.indexOf("U20000"));
    // U17 again on line 19,004 (after the header and U0..U19001): its first line is 19
    String dup = clean.replace("U19001,名19001\n", "U19001,名19001\nU17,again\n");
    Path utf8 = TestFiles.write(dir, "dup.csv", dup);
    Path gbk = TestFiles.write(dir, "dup-gbk.csv", dup, Tables.GB18030); // the general reader
    List<String> a =
        UnitRegister.read(utf8, model).diagnostics().stream().map(Diagnostic::toString).toList();
    List<String> b =
        UnitRegister.read(gbk, model).diagnostics().stream()
            .map(d -> d.toString().replace("dup-gbk.csv", "dup.csv"))
            .toList();
    assertEquals(
        List.of(utf8 + ":19004:1: error: unit 'U17' is listed twice (first on line 19)"), a);
    assertEquals(b, a);
  }

  /**
   * A register read ahead ({@link RegisterAhead}) is the register read from its path: the same
   * units and the same messages, for a UTF-8 file, a GB18030 one (read again by the general
   * reader), one with a duplicate id (read again indexing row by row) and a missing one.
   */
  @Test
  void aRegisterReadAheadIsTheRegisterReadFromItsPath() throws Exception {
    IndicatorModel model = ModelLoader.loadDefault().orElseThrow();
    Path utf8 = TestFiles.write(dir, "units.csv", REGISTER);
    Path gbk = TestFiles.write(dir, "units-gbk.csv", REGISTER, Tables.GB18030);
    Path good =
        TestFiles.write(dir, "good.csv", "id,name,type,parent,staff,served\nU1,甲,t,,5,100\n");
    Path missing = dir.resolve("none.csv");
    for (Path p : List.of(utf8, gbk, good, missing)) {
      Loaded<UnitRegister> byPath = UnitRegister.read(p, model, ReadOptions.DEFAULTS);
      RegisterAhead ahead = RegisterAhead.of(p);
      assertEquals(p, ahead.path());
      Loaded<UnitRegister> read = RegisterAccess.of().read(ahead, model, ReadOptions.DEFAULTS);
      assertEquals(
          byPath.diagnostics().stream().map(Diagnostic::toString).toList(),
          read.diagnostics().stream().map(Diagnostic::toString).toList(),
          p.toString());
      assertEquals(byPath.value() == null, read.value() == null, p.toString());
      if (read.value() != null) {
        assertEquals(byPath.value().units(), read.value().units());
      }
    }
    // worked out by hand: good.csv is one unit, U1 甲, 5 staff, 100 served
    UnitRegister r =
        RegisterAccess.of().read(RegisterAhead.of(good), model, ReadOptions.DEFAULTS).orElseThrow();
    assertEquals(1, r.size());
    assertEquals("甲", r.name(0));
    assertEquals(5, r.staff(0));
    assertEquals(100, r.served(0));
    // the missing file is reported as unreadable, by the read (RegisterAhead.of does not throw)
    assertTrue(
        RegisterAccess.of()
            .read(RegisterAhead.of(missing), model, ReadOptions.DEFAULTS)
            .diagnostics()
            .get(0)
            .toString()
            .contains("none.csv"));
  }

  @Test
  void aRegisterWithOldMacLineEndsIsReadLineByLine() throws Exception {
    IndicatorModel model =
        ModelLoader.load("m.yaml", new java.io.StringReader(MODEL)).orElseThrow();
    Path p = TestFiles.write(dir, "mac.csv", "id,name\rU1,甲\rU2,乙\r");
    UnitRegister r = UnitRegister.read(p, model).orElseThrow();
    assertEquals(2, r.size());
    assertEquals("乙", r.name(1));
  }

  @Test
  void aRegisterBuiltInCodeRejectsDuplicatesAndKeepsEveryField() {
    Unit x = new Unit(" X ", "甲", "t", "", 1, 2, Map.of("k", "v"), 0);
    Unit y = new Unit("Y", "乙", "t", "X", Double.NaN, 2, Map.of(), 0);
    UnitRegister r = new UnitRegister(List.of(x, y), "");
    assertEquals(List.of(x, y), r.units()); // ids are not trimmed when built in code
    assertEquals(0, r.indexOf(" X "));
    assertThrows(IllegalArgumentException.class, () -> new UnitRegister(List.of(x, x), ""));
  }

  @Test
  void fieldsGatheredAsBytesAreTheTextsUtf8() {
    Unit x = new Unit("X1", "甲乙", "乡镇", "", 1, 2, Map.of(), 0);
    Unit y = new Unit("Y", "", "", "", 1, 2, Map.of(), 0);
    UnitRegister r = new UnitRegister(List.of(x, y), "");
    int[] ends = new int[3];
    // units in the order y, x, y: y has no name (its id stands in) and no type; "甲乙" and "乡镇"
    // are 2 × 3 bytes each in UTF-8
    byte[] names =
        RegisterAccess.of().gatherUtf8(r, RegisterAccess.Field.NAME, new int[] {1, 0, 1}, ends, 0);
    assertEquals("Y甲乙Y", new String(names, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(List.of(1, 7, 8), java.util.Arrays.stream(ends).boxed().toList());
    byte[] types =
        RegisterAccess.of().gatherUtf8(r, RegisterAccess.Field.TYPE, new int[] {1, 0, 1}, ends, 0);
    assertEquals("乡镇", new String(types, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(List.of(0, 6, 6), java.util.Arrays.stream(ends).boxed().toList());
    byte[] ids =
        RegisterAccess.of().gatherUtf8(r, RegisterAccess.Field.ID, new int[] {0}, new int[1], 0);
    assertEquals("X1", new String(ids, java.nio.charset.StandardCharsets.UTF_8));
  }

  static final String MODEL =
      """
      bands: [{id: green, min: 85}, {id: red}]
      index:
        id: X
        children:
          - {id: A1, direction: higher, goalposts: [0, 100]}
      """;
}
