package dev.qinglian.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qinglian.TestFiles;
import dev.qinglian.Workspace;
import dev.qinglian.eval.PeriodResult;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The explainer's short lists (what a notice and a warning name) are the heads of the full
 * explanation's lists, for every unit of the demo county: one rule for points lost and for the
 * movers, whichever way they are asked for.
 */
class ExplainerTest {
  @Test
  void theShortListsAreTheHeadsOfTheFullOnes() throws Exception {
    Workspace ws = Workspace.open(TestFiles.root().resolve("examples/demo-county")).orElseThrow();
    PeriodResult sep = ws.evaluate(YearMonth.of(2026, 9));
    PeriodResult oct = ws.evaluate(YearMonth.of(2026, 10));
    Explanation.Explainer ex = Explanation.explainer(oct);
    int checked = 0;
    for (int u = 0; u < oct.size(); u++) {
      Explanation full = Explanation.of(oct, oct.units().id(u));
      assertEquals(full, ex.of(u));
      for (int n : new int[] {0, 1, 3, 5, 100}) {
        List<ExplainedNode> leaves = full.costliestLeaves();
        assertEquals(leaves.subList(0, Math.min(n, leaves.size())), ex.costliestLeaves(u, n));
        List<ExplainedNode> dims = full.weakestDimensions();
        List<ExplainedNode> weakest = ex.weakestDimensions(u, n);
        assertEquals(Math.min(n, dims.size()), weakest.size());
        for (int i = 0; i < weakest.size(); i++) {
          ExplainedNode a = dims.get(i);
          ExplainedNode b = weakest.get(i);
          assertEquals(a.node(), b.node());
          // bit for bit: the same arithmetic
          assertEquals(Double.doubleToLongBits(a.score()), Double.doubleToLongBits(b.score()));
          assertEquals(Double.doubleToLongBits(a.lost()), Double.doubleToLongBits(b.lost()));
          assertEquals(Double.doubleToLongBits(a.points()), Double.doubleToLongBits(b.points()));
          assertTrue(b.children().isEmpty());
        }
        List<Mover> movers = Explanation.movers(sep, oct, oct.units().id(u));
        assertEquals(movers.subList(0, Math.min(n, movers.size())), ex.movers(sep, u, n));
        // all three at once: the same lists
        Explanation.Summary s = ex.summary(u, n, n, sep, n);
        assertEquals(weakest, s.weakestDimensions());
        assertEquals(ex.costliestLeaves(u, n), s.costliestLeaves());
        assertEquals(ex.movers(sep, u, n), s.movers());
        assertEquals(List.of(), ex.summary(u, n, 1, null, n).movers());
      }
      checked++;
    }
    assertEquals(54, checked);
  }

  @Test
  void theLeavesLossesAddUpToTheIndexShortfall() throws Exception {
    Workspace ws = Workspace.open(TestFiles.root().resolve("examples/demo-county")).orElseThrow();
    PeriodResult oct = ws.evaluate(YearMonth.of(2026, 10));
    // B38: index 98.9159068627451 (tools/crosscheck.py), so its leaves lost 1.0840931372549 points
    int u = oct.indexOf("B38");
    double lost =
        Explanation.explainer(oct).costliestLeaves(u, 1000).stream()
            .mapToDouble(ExplainedNode::lost)
            .sum();
    assertEquals(100 - 98.9159068627451, lost, 1e-9);
  }
}
