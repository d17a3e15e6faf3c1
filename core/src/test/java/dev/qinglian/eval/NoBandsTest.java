package dev.qinglian.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.model.Band;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model without {@code bands}: scored and ranked, no colours; override rules refused. */
class NoBandsTest {
  @TempDir Path dir;

  static final String MODEL =
      """
      missing: {policy: exclude, min-coverage: 0.6}
      index:
        id: X
        children:
          - {id: A, direction: higher, goalposts: [0, 10], weight: 0.5}
          - {id: B, direction: higher, goalposts: [0, 10], weight: 0.5}
      """;

  static final String UNITS =
      """
      id,name,type,parent,staff,served
      U1,一,t,,1,1
      U2,二,t,,1,1
      U3,三,t,,1,1
      """;

  // U3 has no B: coverage 0.5 < 0.6, insufficient data
  static final String DATA =
      """
      unit,period,indicator,value
      U1,2026-03,A,2
      U1,2026-03,B,4
      U2,2026-03,A,8
      U2,2026-03,B,6
      U3,2026-03,A,10
      """;

  @Test
  void scoresAndRanksWithoutColours() throws Exception {
    IndicatorModel model = ModelLoader.load("m.yaml", new StringReader(MODEL)).orElseThrow();
    assertFalse(model.coloured());
    assertTrue(model.bands().isEmpty());
    UnitRegister units =
        UnitRegister.read(TestFiles.write(dir, "units.csv", UNITS), model).orElseThrow();
    Dataset data =
        new DataReader(model, units, ReadOptions.DEFAULTS)
            .read(List.of(TestFiles.write(dir, "data.csv", DATA)))
            .orElseThrow();
    PeriodResult r = new Evaluator(model).evaluate(data, YearMonth.of(2026, 3));
    // U1: (20 + 40)/2 = 30; U2: (80 + 60)/2 = 70; U3: too little data
    assertEquals(30, r.index(0), 1e-12);
    assertEquals(70, r.index(1), 1e-12);
    assertEquals(2, r.rank(0));
    assertEquals(1, r.rank(1));
    assertEquals(0, r.rank(2));
    assertEquals(Band.NONE, r.band(0));
    assertEquals(Band.INSUFFICIENT, r.band(2));
    assertNull(r.uncappedBandOrNull(0));
    assertTrue(r.cappedBy(0).isEmpty());
    assertEquals("{unclassified=2, insufficient=1}", r.colourCounts().toString());
    assertEquals(Band.NONE, model.classify(99));
    // the Monte Carlo still ranks; with no colours no unit is fragile and no colour has a share
    dev.qinglian.method.Sensitivity.Report s =
        dev.qinglian.method.Sensitivity.run(
            data,
            YearMonth.of(2026, 3),
            new dev.qinglian.method.Sensitivity.Options(50, 1, 0.2, true, true, List.of()));
    assertEquals(3, s.units().size());
    assertTrue(s.units().stream().noneMatch(x -> x.fragile()));
    assertTrue(
        s.units().stream()
            .allMatch(x -> x.colours().keySet().stream().allMatch(k -> k.equals("insufficient"))));
  }

  @Test
  void overrideRulesNeedBands() {
    String text =
        MODEL
            + """
            overrides:
              - {id: r1, indicator: A, above: 5, cap: red}
            """;
    Loaded<IndicatorModel> l = ModelLoader.load("m.yaml", new StringReader(text));
    assertTrue(l.hasErrors());
    Diagnostic d =
        l.diagnostics().stream()
            .filter(x -> x.code().equals("model.override.nobands"))
            .findFirst()
            .orElseThrow();
    // "overrides:" is line 7 of the text; the block (its first rule) starts on line 8
    assertEquals(8, d.location().line());
    assertEquals(
        "1 override rule(s) cap a colour, and the model has no bands", d.message(Locale.ENGLISH));
    assertTrue(d.hint(Locale.ENGLISH).contains("'bands:'"), d.hint(Locale.ENGLISH));
    assertEquals(1, l.diagnostics().stream().filter(Diagnostic::isError).count());
  }
}
