package dev.qinglian.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.diag.Loaded;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import dev.qinglian.model.WeightsOverlay;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsTest {
  @TempDir Path dir;

  @Test
  void ahpReproducesSaatysTextbookMatrix() {
    // Saaty's classic 3x3 [[1,3,5],[1/3,1,3],[1/5,1/3,1]]: weights 0.637, 0.258, 0.105,
    // lambda max 3.0385, CI 0.0193, CR 0.0332 (RI 0.58); checked by power iteration in Python:
    // [0.636986, 0.258285, 0.104729], 3.038511, 0.019256, 0.033199
    Ahp a = Ahp.of(new double[][] {{1, 3, 5}, {1.0 / 3, 1, 3}, {1.0 / 5, 1.0 / 3, 1}});
    assertArrayEquals(
        new double[] {0.636986, 0.258285, 0.104729},
        a.weights().stream().mapToDouble(Double::doubleValue).toArray(),
        1e-6);
    assertEquals(3.038511, a.lambdaMax(), 1e-6);
    assertEquals(0.019256, a.ci(), 1e-6);
    assertEquals(0.033199, a.cr(), 1e-6);
  }

  @Test
  void aConsistentMatrixGivesItsWeightsExactly() {
    double[] w = {0.4, 0.3, 0.2, 0.1};
    double[][] m = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        m[i][j] = w[i] / w[j];
      }
    }
    Ahp a = Ahp.of(m);
    assertArrayEquals(w, a.weights().stream().mapToDouble(Double::doubleValue).toArray(), 1e-12);
    assertEquals(4, a.lambdaMax(), 1e-9);
    assertEquals(0, a.cr(), 1e-9);
  }

  @Test
  void aCyclicMatrixIsInconsistentAndNotReciprocalOneIsRejected() {
    // A > B (9), B > C (9), but C > A (9): as inconsistent as it gets
    Ahp a = Ahp.of(new double[][] {{1, 9, 1.0 / 9}, {1.0 / 9, 1, 9}, {9, 1.0 / 9, 1}});
    assertTrue(a.cr() > 1, "CR " + a.cr());
    assertThrows(IllegalArgumentException.class, () -> Ahp.of(new double[][] {{1, 3}, {3, 1}}));
  }

  @Test
  void entropyWeightsAsWorkedByHand() {
    // column 1: 1, 2, 3 -> p = 1/6, 1/3, 1/2, e = 0.920620, d = 0.079380
    // column 2: 2, 2, 4 -> p = 1/4, 1/4, 1/2, e = 0.946394, d = 0.053606
    // w = d / sum(d) = 0.596908, 0.403092 (Python: 0.596908264686658, 0.4030917353133419)
    double[] w = ObjectiveWeights.entropy(new double[][] {{1, 2}, {2, 2}, {3, 4}});
    assertArrayEquals(new double[] {0.596908264686658, 0.4030917353133419}, w, 1e-12);
    // a constant column carries no information; rows with NaN are left out
    double[] c = ObjectiveWeights.entropy(new double[][] {{5, 1}, {5, 2}, {Double.NaN, 9}, {5, 3}});
    assertEquals(0, c[0], 1e-12);
    assertEquals(1, c[1], 1e-12);
  }

  @Test
  void criticWeightsAsComputedIndependently() {
    // C_j = s_j * sum_k (1 - r_jk), sample sd, Pearson r; Python gives
    // 0.29796530913472447, 0.5213179151709886, 0.18071677569428687
    double[] w =
        ObjectiveWeights.critic(
            new double[][] {{10, 20, 5}, {20, 10, 5}, {30, 40, 10}, {40, 30, 20}});
    assertArrayEquals(
        new double[] {0.29796530913472447, 0.5213179151709886, 0.18071677569428687}, w, 1e-12);
  }

  static final String MODEL =
      """
      bands: [{id: ok, min: 50}, {id: bad}]
      index:
        id: X
        children:
          - {id: A, direction: higher, goalposts: [0, 100], weight: 1}
          - {id: B, direction: higher, goalposts: [0, 100], weight: 1}
          - {id: C, direction: higher, goalposts: [0, 100], weight: 2}
      """;

  @Test
  void ahpFileErrorsNameTheNodeAndThePair() throws Exception {
    IndicatorModel m = ModelLoader.load("m.yaml", new java.io.StringReader(MODEL)).orElseThrow();
    Path bad =
        TestFiles.write(
            dir,
            "ahp.yaml",
            "matrices:\n  X:\n    - [1, 9, 1/9]\n    - [1/9, 1, 9]\n    - [9, 1/9, 1]\n");
    Loaded<Map<String, Ahp>> l = AhpInput.read(bad, m, false);
    assertEquals("ahp.inconsistent", l.diagnostics().get(0).code());
    assertEquals(3, l.diagnostics().get(0).location().line()); // the matrix begins on line 3
    assertTrue(
        l.diagnostics().get(0).message().contains("the most inconsistent pair is "),
        l.diagnostics().get(0).message());
    assertTrue(AhpInput.read(bad, m, true).diagnostics().stream().noneMatch(d -> d.isError()));
    Path size = TestFiles.write(dir, "size.yaml", "matrices:\n  X: [[1, 2], [1/2, 1]]\n");
    assertEquals(
        "the matrix of 'X' has 2 rows or columns; it needs 3, one per child (A, B, C)",
        AhpInput.read(size, m, false).diagnostics().get(0).message());
    Path nonRecip =
        TestFiles.write(dir, "nr.yaml", "matrices:\n  X: [[1, 2, 1], [2, 1, 1], [1, 1, 1]]\n");
    assertEquals("ahp.reciprocal", AhpInput.read(nonRecip, m, false).diagnostics().get(0).code());
  }

  @Test
  void anOverlayReweightsWithoutTouchingTheModelFile() throws Exception {
    IndicatorModel m = ModelLoader.load("m.yaml", new java.io.StringReader(MODEL)).orElseThrow();
    assertEquals(0.5, m.nominalWeight("C"), 1e-12);
    Path overlay = dir.resolve("weights.yaml");
    WeightsOverlay.write(overlay, m, Map.of("A", 0.2, "B", 0.3, "C", 0.5), "test", List.of());
    IndicatorModel w = WeightsOverlay.apply(m, overlay).orElseThrow();
    assertEquals(0.2, w.nominalWeight("A"), 1e-12);
    assertEquals("weights.yaml (test)", w.weightsSource());
    // and through the model key, relative to the model file
    Path model = TestFiles.write(dir, "indicators.yaml", MODEL + "weights-overlay: weights.yaml\n");
    assertEquals(0.3, ModelLoader.load(model).orElseThrow().nominalWeight("B"), 1e-12);
    assertEquals(
        java.util.Optional.of(dir.resolve("weights.yaml")), ModelLoader.read(model).overlay());
    // the key read as YAML: quoted, followed by a comment, in flow style; never a nested key
    Path quoted =
        TestFiles.write(dir, "q.yaml", MODEL + "weights-overlay: \"weights.yaml\"  # tuned\n");
    assertEquals(0.3, ModelLoader.load(quoted).orElseThrow().nominalWeight("B"), 1e-12);
    assertEquals(
        java.util.Optional.of(dir.resolve("weights.yaml")), ModelLoader.read(quoted).overlay());
    Path nested = TestFiles.write(dir, "n.yaml", "x:\n  weights-overlay: weights.yaml\n");
    assertEquals(java.util.Optional.empty(), ModelLoader.read(nested).overlay());
    // an unknown id in an overlay is reported with its line
    Path badOverlay = TestFiles.write(dir, "bad.yaml", "method: x\nweights:\n  Z: 1\n");
    assertEquals(3, WeightsOverlay.apply(m, badOverlay).diagnostics().get(0).location().line());
  }
}
