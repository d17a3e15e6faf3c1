package dev.qinglian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import dev.qinglian.model.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  static final Path DEMO = TestFiles.root().resolve("examples/demo-county");
  static final YearMonth OCT = YearMonth.of(2026, 10);

  @Test
  void opensTheDemoCountyAndEvaluatesAMonth() throws Exception {
    Workspace ws = Workspace.open(DEMO).orElseThrow();
    assertEquals(ModelLoader.DEFAULT_NAME, ws.modelName());
    // units.csv and the seven departments' files
    assertEquals(8, ws.inputs().size());
    assertEquals(OCT, ws.latest());
    PeriodResult oct = ws.evaluate(OCT);
    // python3 tools/crosscheck.py examples/demo-county B38 2026-10 -> 98.9159068627451
    assertEquals(98.9159068627451, oct.index(oct.indexOf("B38")), 1e-9);
    // python3 tools/crosscheck.py examples/demo-county Z07 2026-10 -> 51.15777356902357
    assertEquals(51.15777356902357, oct.index(oct.indexOf("Z07")), 1e-9);
    assertEquals("B21", ws.explain("B21", OCT).unitId());
    assertEquals(2, ws.timeline(OCT.minusMonths(1), OCT).months().size());
  }

  @Test
  void reweightingNeedsNoExtraCallAndMatchesTheWeightedMeanByHand() throws Exception {
    Workspace ws = Workspace.open(DEMO).orElseThrow();
    PeriodResult before = ws.evaluate(OCT);
    Workspace heavier = ws.withWeights(Map.of("D1", 2 * weight(ws.model(), "D1")), "test");
    PeriodResult after = heavier.evaluate(OCT);
    // the default model is arithmetic: the index is the weighted mean of the dimensions, so with
    // D1's weight doubled it is (2·w1·D1 + Σ_{d≠1} w_d·D_d) / (w1 + Σ_d w_d) for a unit whose
    // seven dimensions all have scores (dimension scores do not depend on D1's weight)
    int u = before.indexOf("Z07");
    double num = 0;
    double den = 0;
    for (Node d : ws.model().dimensions()) {
      double w = d.weight() * (d.id().equals("D1") ? 2 : 1);
      num += w * before.score(d.id(), u);
      den += w;
    }
    assertEquals(num / den, after.index(u), 1e-12);
    // and an evaluator of the reweighted model takes the data read for the original as they are
    PeriodResult direct = new Evaluator(heavier.model()).evaluate(ws.data(), OCT);
    assertEquals(after.index(u), direct.index(u), 0.0);
  }

  @Test
  void aModelWithOtherIndicatorsIsRefusedWithWhatDiffers() throws Exception {
    Workspace ws = Workspace.open(DEMO).orElseThrow();
    String yaml =
        "bands:\n  - {id: good, min: 50}\n  - {id: bad}\n"
            + "index:\n  id: I\n  children:\n    - {id: X1, direction: higher, goalposts: [0, 1]}\n";
    IndicatorModel other =
        ModelLoader.load("other.yaml", new java.io.StringReader(yaml)).orElseThrow();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Evaluator(other).evaluate(ws.data(), OCT));
    assertTrue(
        e.getMessage()
            .startsWith(
                "the data were read for a model with other indicators; not in the new model:"
                    + " D1.1.1, D1.1.2"),
        e.getMessage());
    assertTrue(e.getMessage().contains("; new: X1; read the data again"), e.getMessage());
  }

  @Test
  void aMissingPieceIsADiagnosticAndReadingStopsThere(@TempDir Path dir) throws Exception {
    Loaded<Workspace> none = Workspace.open(dir.resolve("nope"));
    assertEquals(List.of("workspace.missing"), codes(none));
    assertNull(none.value());
    // no units.csv: the model is read (the built-in one), the register is missing
    Loaded<Workspace> noUnits = Workspace.open(dir);
    assertEquals(List.of("file.missing"), codes(noUnits));
    assertEquals(
        "file not found: " + dir.resolve("units.csv"), noUnits.diagnostics().get(0).message());
    assertEquals(ModelLoader.DEFAULT_NAME, noUnits.value().modelName());
    assertNull(noUnits.value().units());
    Files.copy(DEMO.resolve("units.csv"), dir.resolve("units.csv"));
    Files.createDirectory(dir.resolve("data"));
    Loaded<Workspace> noData = Workspace.open(dir);
    assertEquals(List.of("data.nofiles"), codes(noData));
    assertEquals(54, noData.value().units().size());
    assertNull(noData.value().data());
    assertThrows(IllegalStateException.class, () -> noData.value().evaluate(OCT));
    // without data, by choice: no error
    Loaded<Workspace> modelAndUnits = Workspace.open(Workspace.Options.of(dir).withoutData());
    assertEquals(List.of(), codes(modelAndUnits));
  }

  @Test
  void filesThatAreNotReadAreErrorsNeverSkippedSilently(@TempDir Path dir) throws Exception {
    Files.copy(DEMO.resolve("units.csv"), dir.resolve("units.csv"));
    Path data = Files.createDirectory(dir.resolve("data"));
    Files.copy(DEMO.resolve("data/discipline.csv"), data.resolve("discipline.csv"));
    Files.write(data.resolve("petitions.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11});
    Files.createSymbolicLink(data.resolve("gone.csv"), dir.resolve("nowhere.csv"));
    Files.createSymbolicLink(data.resolve("loop.csv"), data.resolve("loop.csv"));
    Files.write(data.resolve("empty.csv"), new byte[0]);
    Files.writeString(data.resolve(".hidden.csv"), "not read");
    Loaded<Workspace> ws = Workspace.open(dir);
    List<String> errors =
        ws.diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(d -> d.code() + " " + Path.of(d.location().file()).getFileName())
            .toList();
    // files in name order: empty.csv, gone.csv, loop.csv, petitions.xls; the data read all the same
    assertEquals(
        List.of(
            "data.link gone.csv",
            "data.link loop.csv",
            "data.format petitions.xls",
            "file.empty empty.csv"),
        errors);
    assertEquals(
        "petitions.xls is a format qinglian does not read",
        ws.diagnostics().stream()
            .filter(d -> d.code().equals("data.format"))
            .findFirst()
            .orElseThrow()
            .message());
    // (discipline.csv itself was read: its rows would have been reported otherwise)
  }

  private static double weight(IndicatorModel m, String id) {
    return m.node(id).orElseThrow().weight();
  }

  private static List<String> codes(Loaded<?> l) {
    return l.diagnostics().stream().map(Diagnostic::code).toList();
  }
}
