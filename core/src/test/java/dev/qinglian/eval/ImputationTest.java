package dev.qinglian.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mean and group-mean imputation on four units, worked out by hand. */
class ImputationTest {
  @TempDir Path dir;

  static final String MODEL =
      """
      bands: [{id: green, min: 50}, {id: red}]
      missing: MISSING
      index:
        id: X
        children:
          - {id: A, direction: higher, goalposts: [0, 100]}
          - {id: B, direction: higher, goalposts: [0, 100]}
      """;
  // U1, U2 type t; U3, U4 type s; district d1, d2, d1, d2
  static final String UNITS =
      """
      id,name,type,parent,staff,served,district
      U1,一,t,,1,1,d1
      U2,二,t,,1,1,d2
      U3,三,s,,1,1,d1
      U4,四,s,,1,1,d2
      """;
  static final String DATA =
      """
      unit,period,indicator,value
      U1,2026-03,A,10
      U2,2026-03,A,20
      U3,2026-03,A,60
      U1,2026-03,B,50
      U2,2026-03,B,50
      U3,2026-03,B,50
      U4,2026-03,B,50
      """;

  Loaded<UnitRegister> register(String missing) throws Exception {
    IndicatorModel model =
        ModelLoader.load("m.yaml", new StringReader(MODEL.replace("MISSING", missing)))
            .orElseThrow();
    return UnitRegister.read(TestFiles.write(dir, "units.csv", UNITS), model);
  }

  double imputedA(String missing) throws Exception {
    UnitRegister units = register(missing).orElseThrow();
    IndicatorModel model =
        ModelLoader.load("m.yaml", new StringReader(MODEL.replace("MISSING", missing)))
            .orElseThrow();
    Dataset data =
        new DataReader(model, units, ReadOptions.DEFAULTS)
            .read(List.of(TestFiles.write(dir, "data.csv", DATA)))
            .orElseThrow();
    PeriodResult r = new Evaluator(model).evaluate(data, YearMonth.of(2026, 3));
    int u4 = r.indexOf("U4");
    assertTrue(r.flags("A", u4).contains(ValueFlag.IMPUTED));
    return r.raw("A", u4);
  }

  @Test
  void meanOverAllUnits() throws Exception {
    // (10 + 20 + 60) / 3 = 30
    assertEquals(30, imputedA("{policy: mean}"), 1e-12);
  }

  @Test
  void groupMeanByTypeOrByANamedColumn() throws Exception {
    // type s: U3 alone has A, 60
    assertEquals(60, imputedA("{policy: group-mean}"), 1e-12);
    // district d2: U2 alone has A, 20
    assertEquals(20, imputedA("{policy: group-mean, group-by: district}"), 1e-12);
  }

  @Test
  void aGroupByColumnTheRegisterLacksIsAnError() throws Exception {
    Loaded<UnitRegister> r = register("{policy: group-mean, group-by: county}");
    assertTrue(r.hasErrors());
    List<String> codes = r.diagnostics().stream().map(Diagnostic::code).toList();
    assertEquals(List.of("units.groupby"), codes);
  }
}
