package dev.qinglian.internal.kernel;

import dev.qinglian.model.Aggregation;
import dev.qinglian.model.Band;
import dev.qinglian.model.Denominator;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.LeafSpec;
import dev.qinglian.model.Node;
import dev.qinglian.model.Outliers;
import dev.qinglian.model.OverrideRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The model compiled to arrays, and the evaluation of one period's column batch: normalise →
 * aggregate → classify → override. Pure: the same arrays in give the same arrays out.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Kernel {
  private final IndicatorModel model;
  private final int nodeCount;
  private final int[] parent;
  private final double[] localWeight;
  private final double[] weight;
  private final int[][] children;
  private final boolean[] geometric;
  private final double[] floor;
  private final int[] leafNode;
  private final boolean[] isLeaf;
  private final double[] nominal;
  private final int[] ruleLeaf;
  private final int[] ruleCap;
  private final double[] bandMin;

  /** Compiles a model. */
  public Kernel(IndicatorModel model) {
    this.model = model;
    List<Node> nodes = model.nodes();
    nodeCount = nodes.size();
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < nodeCount; i++) {
      pos.put(nodes.get(i).id(), i);
    }
    parent = new int[nodeCount];
    localWeight = new double[nodeCount];
    weight = new double[nodeCount];
    children = new int[nodeCount][];
    geometric = new boolean[nodeCount];
    floor = new double[nodeCount];
    parent[0] = -1;
    localWeight[0] = 1;
    for (int i = 0; i < nodeCount; i++) {
      Node n = nodes.get(i);
      geometric[i] = n.aggregation() == Aggregation.GEOMETRIC;
      floor[i] = n.floor();
      weight[i] = n.weight();
      double sum = 0;
      for (Node c : n.children()) {
        sum += c.weight();
      }
      children[i] = new int[n.children().size()];
      for (int k = 0; k < n.children().size(); k++) {
        Node c = n.children().get(k);
        int ci = pos.get(c.id());
        parent[ci] = i;
        localWeight[ci] = c.weight() / sum;
        children[i][k] = ci;
      }
    }
    List<Node> leaves = model.leaves();
    leafNode = new int[leaves.size()];
    isLeaf = new boolean[nodeCount];
    nominal = new double[leaves.size()];
    for (int l = 0; l < leaves.size(); l++) {
      leafNode[l] = pos.get(leaves.get(l).id());
      isLeaf[leafNode[l]] = true;
      double w = 1;
      for (int i = leafNode[l]; i > 0; i = parent[i]) {
        w *= localWeight[i];
      }
      nominal[l] = w;
    }
    List<OverrideRule> rules = model.overrides();
    ruleLeaf = new int[rules.size()];
    ruleCap = new int[rules.size()];
    List<Band> bands = model.bands();
    for (int r = 0; r < rules.size(); r++) {
      ruleLeaf[r] = model.leafIndex(rules.get(r).indicator());
      for (int b = 0; b < bands.size(); b++) {
        if (bands.get(b).id().equals(rules.get(r).cap())) {
          ruleCap[r] = b;
        }
      }
    }
    bandMin = bands.stream().mapToDouble(Band::min).toArray();
  }

  /** Number of nodes (pre-order, root at 0). */
  public int nodeCount() {
    return nodeCount;
  }

  /** Node position of leaf {@code l}. */
  public int leafNode(int l) {
    return leafNode[l];
  }

  /** Nominal weight of leaf {@code l} in the index. */
  public double nominal(int l) {
    return nominal[l];
  }

  /** Parent position of node {@code i}, -1 for the root. */
  public int parent(int i) {
    return parent[i];
  }

  /** The children's positions of node {@code i}, in model order (not to be modified). */
  public int[] children(int i) {
    return children[i];
  }

  /** Weight of node {@code i} among its siblings, normalised to sum to 1. */
  public double localWeight(int i) {
    return localWeight[i];
  }

  /** The floor of geometric node {@code i} (NaN: none). */
  public double floor(int i) {
    return floor[i];
  }

  /** True when node {@code i} aggregates geometrically. */
  public boolean geometric(int i) {
    return geometric[i];
  }

  /** The output of one period: arrays indexed [node][unit] and [unit]. */
  public static final class Output {
    /** Scores per node and unit, NaN where not computable. */
    public final double[][] score;

    /** Share of the nominal index weight resting on reported or carried values. */
    public final double[] coverage;

    /** Band by index alone (position in the model's bands), -1 when the index is NaN. */
    public final int[] uncapped;

    /** Final band after caps and the coverage rule; -1 for insufficient data. */
    public final int[] band;

    /** Bit r set when override rule r fired for the unit. */
    public final long[] rules;

    /** Per leaf: values winsorised (≥ 0), or -1 when log-transformed. */
    public final int[] treated;

    /** The first (unit, node, child) with a zero child under a geometric node, encoded; or max. */
    private long zeroAt = Long.MAX_VALUE;

    synchronized void zero(long code) {
      zeroAt = Math.min(zeroAt, code);
    }

    /**
     * The first unit whose geometric node has a child scoring zero or below, as {@code {unit, node,
     * child}} (of that unit's such nodes the deepest, then its first such child); null when there
     * is none.
     */
    public synchronized int[] zeroChild(int nodeCount) {
      if (zeroAt == Long.MAX_VALUE) {
        return null;
      }
      long n = nodeCount;
      int node = nodeCount - 1 - (int) (zeroAt / n % n);
      return new int[] {(int) (zeroAt / (n * n)), node, (int) (zeroAt % n)};
    }

    Output(int nodes, int leaves, int units) {
      score = new double[nodes][];
      coverage = new double[units];
      uncapped = new int[units];
      band = new int[units];
      rules = new long[units];
      treated = new int[leaves];
    }

    private Output(Output o, double[][] score) {
      this.score = score;
      this.zeroAt = o.zeroAt;
      coverage = o.coverage;
      uncapped = o.uncapped;
      band = o.band;
      rules = o.rules;
      treated = o.treated;
    }
  }

  /** The output without the leaves' score columns (null there); the rest shared. */
  public Output withoutLeafScores(Output o) {
    double[][] s = o.score.clone();
    for (int node : leafNode) {
      s[node] = null;
    }
    return new Output(o, s);
  }

  /**
   * Units per tile of the per-unit stages (aggregation, coverage, classes): the working arrays of a
   * tile stay in the core's cache while every node is aggregated, and tiles run on all cores.
   */
  static final int TILE = 2048;

  /** Below this many units × leaves the batch is evaluated on the calling thread only. */
  static final long PARALLEL_CELLS = 1L << 18;

  /**
   * Evaluates a batch. Large batches use all cores (leaves in parallel, then tiles of units); the
   * result does not depend on the number of threads, since every unit's arithmetic is the same.
   *
   * <p>This is the seam for engines past one machine: the inputs are plain arrays of one period,
   * the output is plain arrays, and every stage except the cross-sectional normalisations (min-max,
   * z-score, rank, which need the whole column) is independent per unit. A distributed engine would
   * compute those column statistics first and then call the kernel per partition.
   *
   * @param raw raw reported values [leaf][unit], NaN where missing (not modified)
   * @param flags provenance bits [leaf][unit] ({@link Flags})
   * @param empty true for leaves whose raw column is all NaN (may be one shared array)
   * @param staff staff per unit (NaN when unknown)
   * @param served population served per unit (NaN when unknown)
   */
  public Output evaluate(
      double[][] raw, byte[][] flags, boolean[] empty, double[] staff, double[] served) {
    return evaluate(raw, flags, empty, staff, served, true);
  }

  /**
   * Evaluates a batch, keeping the leaves' score columns or not. Without them ({@code leafScores}
   * false: null in the output), the leaves normalised unit by unit (goalposts or deduction, no
   * outlier treatment: the default model's) are not computed as columns at all but tile by tile
   * inside the aggregation, where they stay in the core's cache (1,000,000 units × 46 leaves: 368
   * MB neither allocated nor written and read back). Every other output is the same, bit for bit:
   * the arithmetic per value is the same.
   */
  public Output evaluate(
      double[][] raw,
      byte[][] flags,
      boolean[] empty,
      double[] staff,
      double[] served,
      boolean leafScores) {
    int units = staff.length;
    int leaves = leafNode.length;
    Output out = new Output(nodeCount, leaves, units);
    boolean parallel = (long) units * leaves >= PARALLEL_CELLS;
    boolean[] inTile = new boolean[leaves];
    boolean[] tileNode = new boolean[nodeCount];
    boolean anyInTile = false;
    for (int l = 0; l < leaves; l++) {
      inTile[l] = !leafScores && !empty[l] && perUnit(model.leaves().get(l).leaf());
      tileNode[leafNode[l]] = inTile[l];
      anyInTile |= inTile[l];
    }
    IntStream leafRange = IntStream.range(0, leaves);
    (parallel ? leafRange.parallel() : leafRange)
        .filter(l -> !inTile[l])
        .forEach(l -> normaliseLeaf(l, raw, flags, empty, staff, served, out));
    // inner nodes, filled tile by tile; allocated on all cores, since the JVM zeroes each array
    // and the kernel faults its pages in on the allocating thread (1,000,000 units: 26 arrays,
    // 208 MB, about 60 ms on one core)
    IntStream inner = IntStream.range(0, nodeCount).filter(i -> !isLeaf[i]);
    (parallel ? inner.parallel() : inner).forEach(i -> out.score[i] = new double[units]);
    int tiles = (units + TILE - 1) / TILE;
    // tile buffers of the leaves normalised in the tiles, reused from tile to tile
    java.util.Queue<double[][]> buffers = new java.util.concurrent.ConcurrentLinkedQueue<>();
    boolean tiled = anyInTile;
    IntStream tileRange = IntStream.range(0, tiles);
    (parallel ? tileRange.parallel() : tileRange)
        .forEach(
            t -> {
              int from = t * TILE;
              int to = Math.min(units, from + TILE);
              double[][] view = out.score;
              double[][] buf = null;
              if (tiled) {
                buf = buffers.poll();
                if (buf == null) {
                  buf = new double[leaves][TILE];
                }
                view = out.score.clone();
                for (int l = 0; l < leaves; l++) {
                  if (inTile[l]) {
                    normaliseTile(l, raw, staff, served, buf[l], from, to);
                    view[leafNode[l]] = buf[l]; // indexed from `from`
                  }
                }
              }
              aggregate(out, view, tileNode, from, to);
              coverage(out, view, tileNode, flags, from, to);
              classify(out, raw, flags, from, to);
              if (buf != null) {
                buffers.add(buf);
              }
            });
    return out;
  }

  /** True when a leaf's score of a unit depends on that unit's value alone. */
  private static boolean perUnit(LeafSpec spec) {
    return spec.outliers().kind() == Outliers.Kind.NONE
        && (spec.normalisation() instanceof dev.qinglian.model.Normalisation.Goalposts
            || spec.normalisation() instanceof dev.qinglian.model.Normalisation.Deduction);
  }

  /**
   * The scores of leaf {@code l} for units {@code from..to} into {@code s[0..to-from)}: the same
   * arithmetic as {@link #normaliseLeaf} and {@link Normalise#column}, value by value.
   */
  private void normaliseTile(
      int l, double[][] raw, double[] staff, double[] served, double[] s, int from, int to) {
    LeafSpec spec = model.leaves().get(l).leaf();
    Denominator d = spec.denominator();
    double[] r = raw[l];
    double[] base = base(d, staff, served);
    double per = d.per();
    if (spec.normalisation() instanceof dev.qinglian.model.Normalisation.Goalposts g) {
      double worst = g.worst();
      double span = g.best() - worst;
      for (int u = from; u < to; u++) {
        double x = base == null ? r[u] : r[u] / base[u] * per;
        s[u - from] = Normalise.goalpost(x, worst, span);
      }
    } else {
      double points = ((dev.qinglian.model.Normalisation.Deduction) spec.normalisation()).points();
      for (int u = from; u < to; u++) {
        double x = base == null ? r[u] : r[u] / base[u] * per;
        s[u - from] = Normalise.deduct(x, points);
      }
    }
  }

  /** The column a leaf's values are divided by (staff or population served), null for none. */
  private static double[] base(Denominator d, double[] staff, double[] served) {
    return switch (d.base()) {
      case NONE -> null;
      case STAFF -> staff;
      case SERVED -> served;
    };
  }

  private void normaliseLeaf(
      int l,
      double[][] raw,
      byte[][] flags,
      boolean[] empty,
      double[] staff,
      double[] served,
      Output out) {
    if (empty[l]) {
      out.score[leafNode[l]] = raw[l]; // all NaN, shared and never written: no scores
      return;
    }
    int units = staff.length;
    LeafSpec spec = model.leaves().get(l).leaf();
    Denominator d = spec.denominator();
    double[] r = raw[l];
    double[] x = r; // read only, unless a denominator or a treatment changes the values
    double[] base = base(d, staff, served);
    if (base != null) {
      x = new double[units];
      double per = d.per();
      for (int u = 0; u < units; u++) {
        x[u] = r[u] / base[u] * per;
      }
    } else if (spec.outliers().kind() != Outliers.Kind.NONE) {
      x = r.clone();
    }
    out.treated[l] = Treat.apply(spec.outliers(), x, flags[l]);
    double[] s = new double[units];
    Normalise.column(spec.normalisation(), spec.direction(), x, s);
    out.score[leafNode[l]] = s;
  }

  /**
   * Coverage: 1 minus the nominal weight of the leaves without a reported or carried value (imputed
   * values are not data), so that a fully covered unit has exactly 1.
   */
  private void coverage(
      Output out, double[][] score, boolean[] tileNode, byte[][] flags, int from, int to) {
    double[] missing = new double[to - from];
    for (int l = 0; l < leafNode.length; l++) {
      double[] s = score[leafNode[l]];
      int off = tileNode[leafNode[l]] ? from : 0;
      byte[] f = flags[l];
      double w = nominal[l];
      for (int u = from; u < to; u++) {
        boolean gone = Double.isNaN(s[u - off]) | (f[u] & Flags.IMPUTED) != 0;
        missing[u - from] += gone ? w : 0;
      }
    }
    double[] c = out.coverage;
    for (int u = from; u < to; u++) {
      c[u] = Math.max(0, 1 - missing[u - from]);
    }
  }

  /**
   * Aggregates inner nodes bottom-up (reverse pre-order visits children before parents), with the
   * model's own weights re-normalised over the children that have a score. The geometric mean is
   * taken relative to 100 ({@code 100·exp(Σw·ln(s/100)/Σw)}) so that all-100 children give exactly
   * 100.
   */
  private void aggregate(Output out, double[][] score, boolean[] tileNode, int from, int to) {
    double[] den = new double[to - from];
    for (int i = nodeCount - 1; i >= 0; i--) {
      if (isLeaf[i]) {
        continue; // a leaf
      }
      double[] n = score[i];
      java.util.Arrays.fill(den, 0);
      boolean geo = geometric[i];
      for (int c : children[i]) {
        int off = tileNode[c] ? from : 0; // a tile buffer starts at the tile's first unit
        if (geo && Double.isNaN(floor[i])) {
          zeros(out, score[c], off, i, c, from, to);
        }
        NodeRules.addChild(score[c], off, weight[c], geo, floor[i], n, 0, den, from, from, to);
      }
      NodeRules.finish(n, 0, den, from, geo, from, to);
    }
  }

  /** Records the first unit whose child {@code c} of geometric node {@code i} is zero or below. */
  private void zeros(Output out, double[] s, int off, int i, int c, int from, int to) {
    for (int u = from; u < to; u++) {
      if (s[u - off] <= 0) {
        // the deepest node first (the last in pre-order): where the zero comes from
        out.zero(((long) u * nodeCount + (nodeCount - 1 - i)) * nodeCount + c);
        return;
      }
    }
  }

  private void classify(Output out, double[][] raw, byte[][] flags, int from, int to) {
    double[] index = out.score[0];
    double minCoverage = model.missing().minCoverage();
    for (int u = from; u < to; u++) {
      double x = index[u];
      int b = NodeRules.band(x, bandMin);
      out.uncapped[u] = b;
      long fired = 0;
      int capped = b;
      for (int r = 0; r < ruleLeaf.length; r++) {
        double v = raw[ruleLeaf[r]][u];
        if ((flags[ruleLeaf[r]][u] & Flags.IMPUTED) == 0
            && model
                .overrides()
                .get(r)
                .comparison()
                .test(v, model.overrides().get(r).threshold())) {
          fired |= 1L << r;
          capped = NodeRules.capped(capped, ruleCap[r]);
        }
      }
      out.rules[u] = fired;
      boolean insufficient = Double.isNaN(x) || out.coverage[u] < minCoverage - 1e-12;
      out.band[u] = insufficient ? -1 : capped;
    }
  }
}
