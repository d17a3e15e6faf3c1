package dev.qinglian.monitor;

import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.Aggregation;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import dev.qinglian.model.OverrideRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a unit has its score and colour in a month, and what moved its index since another month.
 *
 * <p><b>Points lost.</b> Under an arithmetic node a child's loss is {@code E·(100 − s)} with {@code
 * E} its effective weight; these add up exactly to the node's loss. Under a geometric node the
 * node's loss is shared among the children in proportion to {@code w·ln(100/s)} (each child's share
 * of the log shortfall), which also adds up exactly.
 *
 * <p><b>Attribution of a change.</b> The change of the index is split down the tree. Under an
 * arithmetic node each child gets {@code E'·s' − E·s} (its points now minus its points then, a
 * missing child counting 0): these terms sum exactly to the node's own change, so for an
 * all-arithmetic model (the default) the leaves' contributions sum to the change of the index to
 * rounding, including the effect of weights re-normalised over missing values. Under a geometric
 * node the node's change is shared in proportion to each child's change of {@code ŵ·ln s} (the
 * log-change decomposition); within such a subtree the split below is scaled to that share.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param unitId the unit
 * @param root the tree from the index to the leaves
 * @param caps the override rules that capped the colour this month
 */
public record Explanation(String unitId, ExplainedNode root, List<OverrideRule> caps) {
  /** Copies the list. */
  public Explanation {
    caps = List.copyOf(caps);
  }

  /** Explains unit {@code unitId} in {@code result}. */
  public static Explanation of(PeriodResult result, String unitId) {
    int u = result.indexOf(unitId);
    if (u < 0) {
      throw new IllegalArgumentException("unknown unit " + unitId);
    }
    IndicatorModel model = result.model();
    double index = result.index(u);
    double[] weights = result.effectiveWeights(u); // every node's, computed once
    ExplainedNode root =
        build(result, u, model.root(), Double.isNaN(index) ? 0 : 100 - index, weights);
    return new Explanation(unitId, root, result.caps(u));
  }

  private static ExplainedNode build(
      PeriodResult r, int u, Node node, double lost, double[] weights) {
    int at = r.nodePosition(node.id());
    double s = r.score(at, u);
    double e = weights[at];
    List<ExplainedNode> kids = new ArrayList<>();
    if (!node.isLeaf()) {
      double[] share = lossShares(r, u, node, weights);
      for (int i = 0; i < node.children().size(); i++) {
        kids.add(build(r, u, node.children().get(i), lost * share[i], weights));
      }
    }
    boolean leaf = node.isLeaf();
    return new ExplainedNode(
        node,
        s,
        e,
        Double.isNaN(s) ? 0 : e * s,
        Double.isNaN(s) ? 0 : lost,
        leaf ? r.raw(node.id(), u) : Double.NaN,
        leaf ? r.effective(node.id(), u) : Double.NaN,
        leaf ? r.flags(node.id(), u) : Set.of(),
        kids);
  }

  /** The lowest child score a geometric node's mean took: its floor, else none (a tiny one). */
  private static double floor(Node node) {
    return Double.isNaN(node.floor()) ? 1e-9 : node.floor();
  }

  /** Shares (summing to 1 over present children) of a node's loss. */
  private static double[] lossShares(PeriodResult r, int u, Node node, double[] weights) {
    int n = node.children().size();
    double[] w = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      int c = r.nodePosition(node.children().get(i).id());
      double s = r.score(c, u);
      if (Double.isNaN(s)) {
        continue;
      }
      double e = weights[c];
      w[i] =
          node.aggregation() == Aggregation.GEOMETRIC
              ? e * Math.log(100 / Math.max(s, floor(node)))
              : e * (100 - s);
      total += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] = total > 0 ? w[i] / total : 0;
    }
    return w;
  }

  /** The leaves in order of the points they lost, most first. */
  public List<ExplainedNode> costliestLeaves() {
    List<ExplainedNode> leaves = new ArrayList<>();
    collect(root, leaves);
    leaves.sort(Comparator.comparingDouble(ExplainedNode::lost).reversed());
    return leaves;
  }

  /** The root's children (dimensions) from the lowest score up; missing ones last. */
  public List<ExplainedNode> weakestDimensions() {
    List<ExplainedNode> d = new ArrayList<>(root.children());
    d.sort(
        Comparator.comparingDouble(
            (ExplainedNode x) -> Double.isNaN(x.score()) ? Double.MAX_VALUE : x.score()));
    return d;
  }

  private static void collect(ExplainedNode n, List<ExplainedNode> out) {
    if (n.children().isEmpty()) {
      out.add(n);
    }
    n.children().forEach(c -> collect(c, out));
  }

  /**
   * What moved the index of {@code unitId} from {@code before} to {@code after}: one entry per leaf
   * with a non-zero share, biggest movers (by absolute points) first. The shares sum to the change
   * of the index (exactly, to rounding, for arithmetic aggregation).
   */
  public static List<Mover> movers(PeriodResult before, PeriodResult after, String unitId) {
    int a = after.indexOf(unitId);
    int b = before.indexOf(unitId);
    if (a < 0 || b < 0) {
      throw new IllegalArgumentException("unit " + unitId + " is not in both months");
    }
    Map<String, Double> shares = new HashMap<>();
    Node root = after.model().root();
    double now = after.index(a);
    double then = before.index(b);
    double change = (Double.isNaN(now) ? 0 : now) - (Double.isNaN(then) ? 0 : then);
    double[] w0 = before.effectiveWeights(b); // every node's, computed once per month
    double[] w1 = after.effectiveWeights(a);
    attribute(before, b, w0, after, a, w1, root, change, true, shares);
    List<Mover> out = new ArrayList<>();
    for (Node leaf : after.model().leaves()) {
      double p = shares.getOrDefault(leaf.id(), 0.0);
      if (p != 0) {
        out.add(new Mover(leaf, p, before.score(leaf.id(), b), after.score(leaf.id(), a)));
      }
    }
    out.sort(Comparator.comparingDouble((Mover m) -> -Math.abs(m.points())));
    return out;
  }

  /**
   * Splits {@code amount} (the node's change in index points) among the leaves below. While every
   * ancestor is arithmetic ({@code exact}), a child's part is its own points difference, which
   * makes the split exact; below a geometric node parts are scaled to the share received.
   */
  private static void attribute(
      PeriodResult r0,
      int u0,
      double[] ew0,
      PeriodResult r1,
      int u1,
      double[] ew1,
      Node node,
      double amount,
      boolean exact,
      Map<String, Double> out) {
    if (node.isLeaf()) {
      out.merge(node.id(), amount, Double::sum);
      return;
    }
    int n = node.children().size();
    double[] d = new double[n];
    double sum = 0;
    double e0 = ew0[r0.nodePosition(node.id())];
    double e1 = ew1[r1.nodePosition(node.id())];
    for (int i = 0; i < n; i++) {
      String id = node.children().get(i).id();
      int c0 = r0.nodePosition(id);
      int c1 = r1.nodePosition(id);
      double s0 = r0.score(c0, u0);
      double s1 = r1.score(c1, u1);
      double w0 = ew0[c0];
      double w1 = ew1[c1];
      if (node.aggregation() == Aggregation.GEOMETRIC) {
        double t1 =
            Double.isNaN(s1) || e1 == 0 ? 0 : (w1 / e1) * Math.log(Math.max(s1, floor(node)));
        double t0 =
            Double.isNaN(s0) || e0 == 0 ? 0 : (w0 / e0) * Math.log(Math.max(s0, floor(node)));
        d[i] = t1 - t0;
      } else {
        d[i] = (Double.isNaN(s1) ? 0 : w1 * s1) - (Double.isNaN(s0) ? 0 : w0 * s0);
      }
      sum += d[i];
    }
    boolean arithmetic = node.aggregation() == Aggregation.ARITHMETIC;
    for (int i = 0; i < n; i++) {
      double part;
      if (exact && arithmetic) {
        part = d[i]; // points now minus points then: these sum to the node's change
      } else if (Math.abs(sum) > 1e-12) {
        part = amount * d[i] / sum;
      } else {
        part = amount / n;
      }
      attribute(r0, u0, ew0, r1, u1, ew1, node.children().get(i), part, exact && arithmetic, out);
    }
  }
}
