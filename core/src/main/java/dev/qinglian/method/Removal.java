package dev.qinglian.method;

import dev.qinglian.data.Unit;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.internal.kernel.NodeRules;
import dev.qinglian.model.Aggregation;
import dev.qinglian.model.Band;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import dev.qinglian.model.OverrideRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * What each element of the index is worth (COINr's {@code remove_elements}; Schlossarek et al.
 * 2019, "The importance of variables in composite indices"): the index recomputed with each node of
 * a level — or each indicator — left out in turn, its siblings' weights re-normalised, by the
 * evaluator's own aggregation and classification rules ({@link NodeRules}) from the month's stored
 * scores (one re-aggregation of the path to the root per element). Override caps stay as they
 * fired; a unit without a rank (insufficient data) stays out.
 *
 * <p>Stateless; thread-safe.
 */
public final class Removal {
  private Removal() {}

  /**
   * The effect of leaving one element out.
   *
   * @param node the element left out
   * @param meanShift mean absolute change of rank over the ranked units
   * @param maxShift the largest absolute change of rank
   * @param maxShiftUnit the (first) unit whose rank changes most, or null when none changes
   * @param colourChanged the units whose colour changes, in register order
   * @param pearson Pearson correlation of the reduced index with the full one
   * @param spearman Spearman rank correlation of the reduced index with the full one
   */
  public record Element(
      Node node,
      double meanShift,
      int maxShift,
      Unit maxShiftUnit,
      List<Unit> colourChanged,
      double pearson,
      double spearman) {
    /** Copies the list. */
    public Element {
      colourChanged = List.copyOf(colourChanged);
    }
  }

  /**
   * Leaves out in turn every node at depth {@code level} (1: the dimensions, the root's children),
   * or every indicator when {@code level} is 0. The result needs leaf detail only for indicators.
   *
   * @throws IllegalArgumentException when the model has no node at that depth
   */
  public static List<Element> run(PeriodResult full, int level) {
    IndicatorModel model = full.model();
    List<Node> nodes = model.nodes();
    int n = nodes.size();
    int units = full.size();
    Map<Node, Integer> pos = new java.util.IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      pos.put(nodes.get(i), i);
    }
    int[] parent = new int[n];
    int[] depth = new int[n];
    parent[0] = -1;
    for (int i = 0; i < n; i++) {
      for (Node c : nodes.get(i).children()) {
        parent[pos.get(c)] = i;
        depth[pos.get(c)] = depth[i] + 1;
      }
    }
    List<Integer> elements = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      if (level == 0 ? nodes.get(i).isLeaf() : depth[i] == level) {
        elements.add(i);
      }
    }
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("the model has no node at level " + level);
    }
    // the stored scores, per node (only the columns a path recomputes are replaced)
    double[][] score = new double[n][];
    for (int i = 0; i < n; i++) {
      if (level == 0 || !nodes.get(i).isLeaf()) {
        double[] s = new double[units];
        for (int u = 0; u < units; u++) {
          s[u] = dev.qinglian.internal.ResultAccess.of().score(full, i, u);
        }
        score[i] = s;
      }
    }
    List<Band> bands = model.bands();
    double[] bandMin = bands.stream().mapToDouble(Band::min).toArray();
    int[] cap = new int[units]; // the worst band a rule capped the unit at, -1 for none
    int[] ranked =
        java.util.stream.IntStream.range(0, units).filter(u -> full.rank(u) > 0).toArray();
    for (int u = 0; u < units; u++) {
      cap[u] = -1;
      for (OverrideRule r : full.caps(u)) {
        cap[u] = Math.max(cap[u], bands.indexOf(model.band(r.cap()).orElseThrow()));
      }
    }
    double[] fullIndex = new double[ranked.length];
    for (int k = 0; k < ranked.length; k++) {
      fullIndex[k] = full.index(ranked[k]);
    }
    int[] fullRank = ranks(fullIndex);
    List<Element> out = new ArrayList<>();
    for (int e : elements) {
      double[] index = reduced(nodes, parent, score, e, units);
      double[] reduced = new double[ranked.length];
      List<Unit> changed = new ArrayList<>();
      for (int k = 0; k < ranked.length; k++) {
        int u = ranked[k];
        reduced[k] = index[u];
        int b = NodeRules.capped(NodeRules.band(index[u], bandMin), cap[u]);
        if (b >= 0 && !bands.isEmpty() && bands.get(b) != full.band(u)) {
          changed.add(full.units().units().get(u));
        }
      }
      int[] rank = ranks(reduced);
      double sum = 0;
      int max = 0;
      Unit who = null;
      for (int k = 0; k < ranked.length; k++) {
        int shift = Math.abs(rank[k] - fullRank[k]);
        sum += shift;
        if (shift > max) {
          max = shift;
          who = full.units().units().get(ranked[k]);
        }
      }
      boolean defined = ranked.length >= 2 && Arrays.stream(reduced).noneMatch(Double::isNaN);
      out.add(
          new Element(
              nodes.get(e),
              ranked.length == 0 ? 0 : sum / ranked.length,
              max,
              who,
              changed,
              defined ? new PearsonsCorrelation().correlation(reduced, fullIndex) : Double.NaN,
              defined ? new SpearmansCorrelation().correlation(reduced, fullIndex) : Double.NaN));
    }
    return out;
  }

  /** The index with node {@code e} left out: its ancestors re-aggregated without it. */
  private static double[] reduced(
      List<Node> nodes, int[] parent, double[][] score, int e, int units) {
    Map<Integer, double[]> replaced = new HashMap<>();
    int child = e;
    for (int p = parent[e]; p >= 0; child = p, p = parent[p]) {
      Node node = nodes.get(p);
      boolean geo = node.aggregation() == Aggregation.GEOMETRIC;
      double[] num = new double[units];
      double[] den = new double[units];
      int first = p + 1; // children follow their parent in pre-order
      for (int ci = first, k = 0; k < node.children().size(); k++) {
        Node c = node.children().get(k);
        if (!(ci == e)) {
          double[] s = replaced.containsKey(ci) ? replaced.get(ci) : score[ci];
          NodeRules.addChild(s, 0, c.weight(), geo, node.floor(), num, 0, den, 0, 0, units);
        }
        ci += size(c);
      }
      NodeRules.finish(num, 0, den, 0, geo, 0, units);
      replaced.put(p, num);
    }
    return replaced.get(0);
  }

  /** The number of nodes in the subtree of {@code n}, itself included. */
  private static int size(Node n) {
    int s = 1;
    for (Node c : n.children()) {
      s += size(c);
    }
    return s;
  }

  /** 1-based ranks by value descending, ties sharing the better rank. */
  static int[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[b], v[a]));
    int[] rank = new int[v.length];
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      rank[i] = k > 0 && v[order[k - 1]] == v[i] ? rank[order[k - 1]] : k + 1;
    }
    return rank;
  }
}
