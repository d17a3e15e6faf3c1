package dev.qinglian.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.data.Dataset;
import dev.qinglian.data.Unit;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.ModelLoader;
import dev.qinglian.model.Node;
import java.io.StringReader;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A summary evaluation (leaves normalised inside the aggregation tiles, their columns not kept)
 * gives exactly, bit for bit, what the full evaluation gives, on a model that mixes leaves
 * normalised unit by unit (goalposts, with and without a denominator; deduction) with leaves that
 * need their whole column (min-max, rank, winsorised goalposts), for a register of several tiles
 * evaluated in parallel.
 */
class SummaryTest {
  static final String MODEL =
      """
      bands:
        - {id: green, min: 85}
        - {id: yellow, min: 75}
        - {id: orange, min: 60}
        - {id: red}
      overrides:
        - {id: events, indicator: B1, above: 1, cap: orange}
      missing: {policy: exclude, min-coverage: 0.5}
      index:
        id: X
        children:
          - id: A
            weight: 2
            children:
              - {id: A1, direction: higher, goalposts: [0, 100]}
              - {id: A2, direction: lower, denominator: {of: served, per: 1000}, goalposts: [5, 0]}
              - {id: A3, direction: higher, normalisation: minmax}
              - {id: A4, direction: lower, normalisation: rank}
          - id: B
            aggregation: geometric
            floor: 0.5                  # generated scores reach 0; below it a child counts 0.5
            children:
              - {id: B1, direction: lower, normalisation: deduction, deduction: {points: 20}}
              - {id: B2, direction: higher, goalposts: [0, 10], outliers: {treatment: winsorise, max-points: 50}}
              - {id: B3, direction: lower, denominator: {of: staff, per: 100}, goalposts: [4, 0]}
      """;

  @Test
  void theSummaryIsTheFullEvaluationWithoutItsLeaves() throws Exception {
    IndicatorModel model = ModelLoader.load("m.yaml", new StringReader(MODEL)).orElseThrow();
    int n = 40_000; // 20 tiles of 2,048 units, 280,000 cells: the parallel paths
    SplittableRandom r = new SplittableRandom(4);
    List<Unit> list = new ArrayList<>();
    for (int u = 0; u < n; u++) {
      list.add(
          new Unit(
              "U" + u, "单位" + u, "t", "", r.nextInt(1, 300), r.nextInt(100, 90_000), Map.of(), 0));
    }
    UnitRegister units = new UnitRegister(list, "");
    int leaves = model.leaves().size();
    double[][] v = new double[leaves][n];
    for (int l = 0; l < leaves; l++) {
      for (int u = 0; u < n; u++) {
        // about 10 % not reported; an outlier now and then for the winsorised leaf
        v[l][u] =
            r.nextInt(10) == 0
                ? Double.NaN
                : l == 4 ? r.nextInt(4) : r.nextDouble() * (r.nextInt(500) == 0 ? 1000 : 100);
      }
    }
    YearMonth month = YearMonth.of(2026, 10);
    List<double[][]> months = new ArrayList<>();
    months.add(v);
    Dataset data = Dataset.of(model, units, List.of(month), months);
    Evaluator e = new Evaluator(model);
    PeriodResult full = e.evaluate(data, month);
    PeriodResult summary = e.evaluateSummary(data, month);
    assertTrue(full.hasLeafDetail());
    assertFalse(summary.hasLeafDetail());
    assertThrows(IllegalStateException.class, () -> summary.score("A1", 0));
    assertTrue(full.treatment("B2") > 0, "the winsorised leaf was treated");
    int ranked = 0;
    for (int u = 0; u < n; u++) {
      for (Node node : model.nodes()) {
        if (!node.isLeaf()) {
          assertEquals(full.score(node.id(), u), summary.score(node.id(), u), node.id() + " " + u);
        }
      }
      assertEquals(full.coverage(u), summary.coverage(u));
      assertEquals(full.band(u), summary.band(u));
      assertEquals(full.uncappedBandOrNull(u), summary.uncappedBandOrNull(u));
      assertEquals(full.capsMask(u), summary.capsMask(u));
      assertEquals(full.rank(u), summary.rank(u));
      ranked += full.rank(u) > 0 ? 1 : 0;
    }
    assertArrayEquals(full.rankOrder(), summary.rankOrder());
    assertTrue(ranked > n / 2, "most units are ranked: " + ranked);
  }
}
