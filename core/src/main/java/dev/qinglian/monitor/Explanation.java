package dev.qinglian.monitor;

import dev.qinglian.eval.PeriodResult;
import dev.qinglian.internal.ResultAccess;
import dev.qinglian.internal.kernel.Kernel;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import dev.qinglian.model.OverrideRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    return explainer(result).of(u);
  }

  /**
   * An explainer of the units of {@code result}: the model's tree laid out once, for the
   * explanations of many units (a month's notices) — the same numbers as {@link #of} and {@link
   * #movers}, which use one.
   */
  public static Explainer explainer(PeriodResult result) {
    return new Explainer(result);
  }

  /**
   * What a warning or a notice names of a unit ({@link Explainer#summary}).
   *
   * @param weakestDimensions the first of the weakest dimensions, without their children
   * @param costliestLeaves the first of the leaves that lost the most points
   * @param movers the first of the leaves that moved the index most since the month asked for
   *     (empty when none was)
   */
  public record Summary(
      List<ExplainedNode> weakestDimensions,
      List<ExplainedNode> costliestLeaves,
      List<Mover> movers) {
    /** Copies the lists. */
    public Summary {
      weakestDimensions = List.copyOf(weakestDimensions);
      costliestLeaves = List.copyOf(costliestLeaves);
      movers = List.copyOf(movers);
    }
  }

  /**
   * Explains units of one month by position. Immutable and thread-safe.
   *
   * <p>Points lost are computed top-down over the nodes in pre-order ({@link
   * IndicatorModel#nodes()} positions), each inner node sharing its loss among its children ({@link
   * #lossClaims}); a change is attributed down the tree by {@link #attribute}.
   */
  public static final class Explainer {
    private final PeriodResult r;
    private final Kernel k;
    private final List<Node> nodes;
    private final int[] leafOf; // node position -> leaf index, -1 for an inner node
    private final int[] leaves; // the leaves' node positions in pre-order, as the tree lists them
    private final ResultAccess.Reader access = ResultAccess.of();

    private Explainer(PeriodResult r) {
      this.r = r;
      this.k = access.kernel(r);
      this.nodes = r.model().nodes();
      this.leafOf = new int[nodes.size()];
      java.util.Arrays.fill(leafOf, -1);
      for (int l = 0; l < r.model().leaves().size(); l++) {
        leafOf[k.leafNode(l)] = l;
      }
      this.leaves =
          java.util.stream.IntStream.range(0, nodes.size()).filter(i -> leafOf[i] >= 0).toArray();
    }

    /** Explains the unit at position {@code u} of the result. */
    public Explanation of(int u) {
      double[] weights = r.effectiveWeights(u); // every node's, computed once
      double[] lost = lost(u, weights);
      return new Explanation(r.units().id(u), build(0, u, weights, lost), r.caps(u));
    }

    /**
     * The first {@code n} of {@code of(u).costliestLeaves()}, without the rest of the tree (a
     * notice names a few; building every tree of 91,647 notices took 2.4 s).
     */
    public List<ExplainedNode> costliestLeaves(int u, int n) {
      return summary(u, 0, n, null, 0).costliestLeaves();
    }

    /**
     * The first {@code n} of {@code of(u).weakestDimensions()}, each <b>without its children</b>
     * (an empty list): score, weight, points and points lost as in the full tree.
     */
    public List<ExplainedNode> weakestDimensions(int u, int n) {
      return summary(u, n, 0, null, 0).weakestDimensions();
    }

    /**
     * {@link #weakestDimensions weakestDimensions(u, dimensions)}, {@link #costliestLeaves
     * costliestLeaves(u, leaves)} and, when {@code before} is given, {@link #movers(PeriodResult,
     * int, int) movers(before, u, movers)} at once: the unit's effective weights and losses
     * computed once for the three (a warning names the first two, a notice all three; 91,647 of
     * them read each unit across every column of the month).
     */
    public Summary summary(int u, int dimensions, int leaves, PeriodResult before, int movers) {
      double[] weights = r.effectiveWeights(u);
      double[] lost = lost(u, weights);
      return new Summary(
          weakestDimensions(u, dimensions, weights, lost),
          costliestLeaves(u, leaves, weights, lost),
          before == null ? List.of() : movers(before, u, movers, weights));
    }

    private List<ExplainedNode> costliestLeaves(int u, int n, double[] weights, double[] lost) {
      if (n == 0) {
        return List.of();
      }
      // as costliestLeaves: most points lost first, ties in tree order (a stable sort)
      double[] key = new double[nodes.size()];
      for (int i : leaves) {
        key[i] = -lostOf(i, u, lost);
      }
      List<ExplainedNode> out = new ArrayList<>();
      for (int i : first(key, leaves, n)) {
        out.add(build(i, u, weights, lost));
      }
      return out;
    }

    private List<ExplainedNode> weakestDimensions(int u, int n, double[] weights, double[] lost) {
      if (n == 0) {
        return List.of();
      }
      int[] dims = k.children(0);
      double[] key = new double[nodes.size()];
      for (int i : dims) {
        key[i] = weakness(access.score(r, i, u));
      }
      List<ExplainedNode> out = new ArrayList<>();
      for (int i : first(key, dims, n)) {
        double s = access.score(r, i, u);
        double e = weights[i];
        out.add(
            new ExplainedNode(
                nodes.get(i),
                s,
                e,
                Double.isNaN(s) ? 0 : e * s,
                lostOf(i, u, lost),
                Double.NaN,
                Double.NaN,
                Set.of(),
                List.of()));
      }
      return out;
    }

    /**
     * The first {@code n} of {@code candidates} (node positions, in their order) by ascending
     * {@code key[i]} ({@link Double#compare}), ties in the candidates' order: the head of what a
     * stable sort by that key gives, without sorting them all (one pass, each candidate placed
     * among the best so far after those it does not beat).
     */
    private static int[] first(double[] key, int[] candidates, int n) {
      int m = Math.min(n, candidates.length);
      int[] out = new int[m];
      int held = 0;
      for (int c : candidates) {
        double x = key[c];
        if (held == m && (m == 0 || Double.compare(x, key[out[m - 1]]) >= 0)) {
          continue; // not better than the last kept
        }
        int j = held < m ? held++ : m - 1;
        while (j > 0 && Double.compare(x, key[out[j - 1]]) < 0) {
          out[j] = out[j - 1];
          j--;
        }
        out[j] = c;
      }
      return out;
    }

    /** The points node {@code i} lost as its {@link ExplainedNode} says: 0 when it is missing. */
    private double lostOf(int i, int u, double[] lost) {
      return Double.isNaN(access.score(r, i, u)) ? 0 : lost[i];
    }

    /**
     * The index points each node lost (by position), top-down: the index's shortfall from 100, each
     * inner node's loss shared among its children ({@link #lossClaims}).
     */
    private double[] lost(int u, double[] weights) {
      double index = r.index(u);
      double[] lost = new double[nodes.size()];
      lost[0] = Double.isNaN(index) ? 0 : 100 - index;
      for (int i = 0; i < lost.length; i++) { // pre-order: a parent before its children
        int[] kids = k.children(i);
        if (kids.length > 0) {
          // each child's claim on the loss first (in place), then its share of it
          double total = lossClaims(i, u, weights, lost);
          for (int c : kids) {
            lost[c] = lost[i] * (total > 0 ? lost[c] / total : 0);
          }
        }
      }
      return lost;
    }

    private ExplainedNode build(int i, int u, double[] weights, double[] lost) {
      double s = access.score(r, i, u);
      double e = weights[i];
      // the same arithmetic as lostOf, for the tree and the lists alike
      int[] kids = k.children(i);
      List<ExplainedNode> children = new ArrayList<>(kids.length);
      for (int c : kids) {
        children.add(build(c, u, weights, lost));
      }
      int l = leafOf[i];
      return new ExplainedNode(
          nodes.get(i),
          s,
          e,
          Double.isNaN(s) ? 0 : e * s,
          lostOf(i, u, lost),
          l >= 0 ? access.raw(r, l, u) : Double.NaN,
          l >= 0 ? access.effective(r, l, u) : Double.NaN,
          l >= 0 ? access.flags(r, l, u) : Set.of(),
          children);
    }

    /**
     * Each child's claim on node {@code i}'s loss, written into {@code out} at the child's
     * position: {@code E·(100 − s)} under an arithmetic node, {@code E·ln(100/s)} under a geometric
     * one, 0 for a missing child; returns their sum (a child's share is its claim over the sum).
     */
    private double lossClaims(int i, int u, double[] weights, double[] out) {
      double total = 0;
      for (int c : k.children(i)) {
        double s = access.score(r, c, u);
        double w = 0;
        if (!Double.isNaN(s)) {
          double e = weights[c];
          w = k.geometric(i) ? e * Math.log(100 / Math.max(s, floor(i))) : e * (100 - s);
        }
        out[c] = w;
        total += w;
      }
      return total;
    }

    /** The lowest child score a geometric node's mean took: its floor, else none (a tiny one). */
    private double floor(int i) {
      return Double.isNaN(k.floor(i)) ? 1e-9 : k.floor(i);
    }

    /**
     * What moved the index of the unit at position {@code u} since {@code before} (matched by id):
     * see {@link Explanation#movers}.
     */
    public List<Mover> movers(PeriodResult before, int u) {
      return movers(before, u, Integer.MAX_VALUE);
    }

    /** The first {@code n} of {@link #movers(PeriodResult, int)}, the others not made. */
    public List<Mover> movers(PeriodResult before, int u, int n) {
      return movers(before, u, n, r.effectiveWeights(u));
    }

    /** {@link #movers(PeriodResult, int, int)} with the unit's effective weights this month. */
    private List<Mover> movers(PeriodResult before, int u, int n, double[] w1) {
      String unitId = r.units().id(u);
      int b = before.indexOf(unitId);
      if (b < 0) {
        throw new IllegalArgumentException("unit " + unitId + " is not in both months");
      }
      // the nodes of the month before by this month's positions (the same, under one model)
      int[] pos0 = new int[nodes.size()];
      for (int i = 0; i < pos0.length; i++) {
        pos0[i] = before.model() == r.model() ? i : access.nodePosition(before, nodes.get(i).id());
      }
      double now = r.index(u);
      double then = before.index(b);
      double change = (Double.isNaN(now) ? 0 : now) - (Double.isNaN(then) ? 0 : then);
      double[] w0 = before.effectiveWeights(b); // every node's, computed once per month
      double[] shares = new double[nodes.size()];
      attribute(before, b, w0, pos0, u, w1, 0, change, true, shares);
      // biggest movers (absolute points) first, ties in the model's leaf order
      int[] moved = new int[leaves.length];
      int m = 0;
      double[] key = new double[nodes.size()];
      for (int l = 0; l < r.model().leaves().size(); l++) {
        int i = k.leafNode(l);
        if (shares[i] != 0) {
          moved[m++] = i;
          key[i] = -Math.abs(shares[i]);
        }
      }
      List<Mover> out = new ArrayList<>();
      for (int i : first(key, java.util.Arrays.copyOf(moved, m), n)) {
        out.add(
            new Mover(
                nodes.get(i), shares[i], access.score(before, pos0[i], b), access.score(r, i, u)));
      }
      return out;
    }

    /**
     * Splits {@code amount} (node {@code i}'s change in index points) among the leaves below. While
     * every ancestor is arithmetic ({@code exact}), a child's part is its own points difference,
     * which makes the split exact; below a geometric node parts are scaled to the share received.
     */
    private void attribute(
        PeriodResult r0,
        int u0,
        double[] ew0,
        int[] pos0,
        int u1,
        double[] ew1,
        int i,
        double amount,
        boolean exact,
        double[] out) {
      int[] kids = k.children(i);
      if (kids.length == 0) {
        out[i] += amount;
        return;
      }
      int n = kids.length;
      double[] d = new double[n];
      double sum = 0;
      double e0 = ew0[pos0[i]];
      double e1 = ew1[i];
      boolean geometric = k.geometric(i);
      for (int c = 0; c < n; c++) {
        int c1 = kids[c];
        int c0 = pos0[c1];
        double s0 = access.score(r0, c0, u0);
        double s1 = access.score(r, c1, u1);
        double w0 = ew0[c0];
        double w1 = ew1[c1];
        if (geometric) {
          double t1 =
              Double.isNaN(s1) || e1 == 0 ? 0 : (w1 / e1) * Math.log(Math.max(s1, floor(i)));
          double t0 =
              Double.isNaN(s0) || e0 == 0 ? 0 : (w0 / e0) * Math.log(Math.max(s0, floor(i)));
          d[c] = t1 - t0;
        } else {
          d[c] = (Double.isNaN(s1) ? 0 : w1 * s1) - (Double.isNaN(s0) ? 0 : w0 * s0);
        }
        sum += d[c];
      }
      for (int c = 0; c < n; c++) {
        double part;
        if (exact && !geometric) {
          part = d[c]; // points now minus points then: these sum to the node's change
        } else if (Math.abs(sum) > 1e-12) {
          part = amount * d[c] / sum;
        } else {
          part = amount / n;
        }
        attribute(r0, u0, ew0, pos0, u1, ew1, kids[c], part, exact && !geometric, out);
      }
    }
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
    d.sort(Comparator.comparingDouble((ExplainedNode x) -> weakness(x.score())));
    return d;
  }

  /** The sort key of a dimension's score for {@link #weakestDimensions}: missing last. */
  private static double weakness(double score) {
    return Double.isNaN(score) ? Double.MAX_VALUE : score;
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
    if (a < 0 || before.indexOf(unitId) < 0) {
      throw new IllegalArgumentException("unit " + unitId + " is not in both months");
    }
    return explainer(after).movers(before, a);
  }
}
