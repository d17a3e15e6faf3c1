package dev.qinglian.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qinglian.TestFiles;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.Unit;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing each of three equally weighted dimensions on four units, by hand:
 *
 * <pre>
 *        D1  D2  D3   index    rank   without D1   without D2   without D3
 *   U1   90  60  60   70       4      60   (4)     75   (1)     75 (1)
 *   U2   60  80  80   73.333   2      80   (2)     70   (3)     70 (2)
 *   U3   70  70  75   71.667   3      72.5 (3)     72.5 (2)     70 (2)
 *   U4   50  90  90   76.667   1      90   (1)     70   (3)     70 (2)
 * </pre>
 *
 * Without D2 the shifts are 3, 1, 1, 2: mean 1.75, largest 3 (U1). Green from 75: U4 only in full;
 * without D1 U2 turns green; without D2 U1 turns green and U4 red. Correlations of the reduced with
 * the full index (Python, textbook formulas; Spearman on mid-ranks): without D1 0.9743571218180728
 * and 1; without D2 -0.8664002254439629 and -0.9486832980505138.
 */
class RemovalTest {
  @TempDir Path dir;

  @Test
  void eachDimensionLeftOutInTurn() throws Exception {
    String yaml =
        """
        bands: [{id: green, min: 75}, {id: red}]
        defaults: {direction: higher, goalposts: [0, 100]}
        index:
          id: X
          children:
            - {id: D1, children: [{id: A}]}
            - {id: D2, children: [{id: B}]}
            - {id: D3, children: [{id: C}]}
        """;
    IndicatorModel model = ModelLoader.load("m.yaml", new StringReader(yaml)).orElseThrow();
    UnitRegister units =
        UnitRegister.read(
                TestFiles.write(
                    dir,
                    "units.csv",
                    "id,name,type,parent,staff,served\nU1,a,t,,1,1\nU2,b,t,,1,1\nU3,c,t,,1,1\n"
                        + "U4,d,t,,1,1\n"),
                model)
            .orElseThrow();
    StringBuilder data = new StringBuilder("unit,period,A,B,C\n");
    data.append("U1,2026-03,90,60,60\nU2,2026-03,60,80,80\nU3,2026-03,70,70,75\n");
    data.append("U4,2026-03,50,90,90\n");
    Dataset d =
        new DataReader(model, units, ReadOptions.DEFAULTS)
            .read(List.of(TestFiles.write(dir, "data.csv", data.toString())))
            .orElseThrow();
    PeriodResult r = new Evaluator(model).evaluate(d, YearMonth.of(2026, 3));
    List<Removal.Element> e = Removal.run(r, 1);
    assertEquals(List.of("D1", "D2", "D3"), e.stream().map(x -> x.node().id()).toList());
    Removal.Element d1 = e.get(0);
    assertEquals(0, d1.meanShift(), 0);
    assertEquals(0, d1.maxShift());
    assertEquals(List.of("U2"), d1.colourChanged().stream().map(Unit::id).toList());
    assertEquals(0.9743571218180728, d1.pearson(), 1e-12);
    assertEquals(1, d1.spearman(), 1e-12);
    Removal.Element d2 = e.get(1);
    assertEquals(1.75, d2.meanShift(), 1e-12);
    assertEquals(3, d2.maxShift());
    assertEquals("U1", d2.maxShiftUnit().id());
    assertEquals(List.of("U1", "U4"), d2.colourChanged().stream().map(Unit::id).toList());
    assertEquals(-0.8664002254439629, d2.pearson(), 1e-12);
    assertEquals(-0.9486832980505138, d2.spearman(), 1e-12);
    // every indicator (level 0): here the same three, one per dimension
    assertEquals(3, Removal.run(r, 0).size());
    assertEquals(1.75, Removal.run(r, 0).get(1).meanShift(), 1e-12);
  }
}
