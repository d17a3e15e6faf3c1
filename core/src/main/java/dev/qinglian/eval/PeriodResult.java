package dev.qinglian.eval;

import dev.qinglian.data.Unit;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.internal.kernel.Flags;
import dev.qinglian.internal.kernel.Kernel;
import dev.qinglian.model.Band;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import dev.qinglian.model.OverrideRule;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluation of one month: per unit the index, every node's score, the colour and rank, the
 * coverage, and per leaf the raw value used, its normalised score and its provenance flags.
 *
 * <p>Units are addressed by their position in the {@link UnitRegister} ({@code 0…size−1}) or by id.
 * Instances are immutable and thread-safe: the arrays are never exposed.
 */
public final class PeriodResult {
  static {
    dev.qinglian.internal.ResultAccess.install(
        new dev.qinglian.internal.ResultAccess.Reader() {
          @Override
          public Kernel kernel(PeriodResult r) {
            return r.kernel;
          }

          @Override
          public double raw(PeriodResult r, int l, int u) {
            return r.rawAt(l, u);
          }

          @Override
          public double effective(PeriodResult r, int l, int u) {
            return r.effectiveAt(l, u);
          }

          @Override
          public Set<ValueFlag> flags(PeriodResult r, int l, int u) {
            return r.flagsAt(l, u);
          }

          @Override
          public double score(PeriodResult r, int node, int u) {
            return r.score(node, u);
          }

          @Override
          public int nodePosition(PeriodResult r, String id) {
            return r.node(id);
          }

          @Override
          public long capsMask(PeriodResult r, int u) {
            return r.capsMask(u);
          }
        });
  }

  private final IndicatorModel model;
  private final Kernel kernel;
  private final UnitRegister units;
  private final YearMonth period;
  private final double[][] raw;
  private final byte[][] flags;
  private final Kernel.Output out;
  private final Map<String, Integer> nodePos;
  private final int[] rank;
  private final int[] order;

  PeriodResult(
      IndicatorModel model,
      Kernel kernel,
      UnitRegister units,
      YearMonth period,
      double[][] raw,
      byte[][] flags,
      Kernel.Output out) {
    this.model = model;
    this.kernel = kernel;
    this.units = units;
    this.period = period;
    this.raw = raw;
    this.flags = flags;
    this.out = out;
    Map<String, Integer> pos = new HashMap<>();
    List<Node> nodes = model.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      pos.put(nodes.get(i).id(), i);
    }
    this.nodePos = pos;
    int n = units.size();
    double[] index = out.score[0];
    // Ranked units by index descending (stable: ties keep register order), then the unranked.
    int[] ranked = new int[n];
    int r = 0;
    for (int u = 0; u < n; u++) {
      if (out.band[u] >= 0) {
        ranked[r++] = u;
      }
    }
    ranked = java.util.Arrays.copyOf(ranked, r);
    dev.qinglian.internal.Sorts.byDescending(ranked, index);
    order = new int[n];
    System.arraycopy(ranked, 0, order, 0, r);
    int k = r;
    for (int u = 0; u < n; u++) {
      if (out.band[u] < 0) {
        order[k++] = u;
      }
    }
    rank = new int[n];
    for (int i = 0; i < r; i++) {
      int u = order[i];
      rank[u] = i > 0 && index[order[i - 1]] == index[u] ? rank[order[i - 1]] : i + 1;
    }
  }

  private PeriodResult(PeriodResult full, Kernel.Output out) {
    this.model = full.model;
    this.kernel = full.kernel;
    this.units = full.units;
    this.period = full.period;
    this.raw = null;
    this.flags = null;
    this.out = out;
    this.nodePos = full.nodePos;
    this.rank = full.rank;
    this.order = full.order;
  }

  /**
   * This result without its leaf-level detail: the index, colours, caps, coverage, ranks and the
   * scores of inner nodes stay; the leaves' raw values, flags and scores go (about three quarters
   * of the memory of a month with the default model). For long series of large registers (see
   * {@link dev.qinglian.monitor.Timeline#summary}). The leaf-level methods then throw {@link
   * IllegalStateException}.
   */
  public PeriodResult withoutLeafDetail() {
    return raw == null ? this : new PeriodResult(this, kernel.withoutLeafScores(out));
  }

  /** True when the leaf-level detail is there (see {@link #withoutLeafDetail()}). */
  public boolean hasLeafDetail() {
    return raw != null;
  }

  private void requireDetail() {
    if (raw == null) {
      throw new IllegalStateException(
          "the result for "
              + period
              + " was kept without leaf-level detail; evaluate the month again for it");
    }
  }

  private double[] scores(int node) {
    double[] s = out.score[node];
    if (s == null) {
      requireDetail();
    }
    return s;
  }

  /** The model. */
  public IndicatorModel model() {
    return model;
  }

  /** The unit register. */
  public UnitRegister units() {
    return units;
  }

  /** The month evaluated. */
  public YearMonth period() {
    return period;
  }

  /** Number of units. */
  public int size() {
    return units.size();
  }

  /** Position of a unit or -1. */
  public int indexOf(String unitId) {
    return units.indexOf(unitId);
  }

  /** The index of unit {@code u} in [0, 100], NaN when it has no data. */
  public double index(int u) {
    return out.score[0][u];
  }

  /** The score of node {@code nodeId} for unit {@code u} in [0, 100], NaN when missing. */
  public double score(String nodeId, int u) {
    return scores(node(nodeId))[u];
  }

  /** The raw value used for leaf {@code leafId} (as reported, before denominators), NaN if none. */
  public double raw(String leafId, int u) {
    return rawAt(leaf(leafId), u);
  }

  private double rawAt(int l, int u) {
    requireDetail();
    return raw[l][u];
  }

  /** The value after the denominator (the one normalised), NaN if none. */
  public double effective(String leafId, int u) {
    return effectiveAt(leaf(leafId), u);
  }

  private double effectiveAt(int l, int u) {
    requireDetail();
    dev.qinglian.model.Denominator d = model.leaves().get(l).leaf().denominator();
    return switch (d.base()) {
      case NONE -> raw[l][u];
      case STAFF -> raw[l][u] / units.staff(u) * d.per();
      case SERVED -> raw[l][u] / units.served(u) * d.per();
    };
  }

  /** Where the value of a leaf came from when it was not reported this month. */
  public Set<ValueFlag> flags(String leafId, int u) {
    return flagsAt(leaf(leafId), u);
  }

  private Set<ValueFlag> flagsAt(int l, int u) {
    requireDetail();
    byte f = flags[l][u];
    if (f == 0) {
      return Set.of(); // most values were reported in their month
    }
    EnumSet<ValueFlag> s = EnumSet.noneOf(ValueFlag.class);
    if ((f & Flags.CARRIED) != 0) {
      s.add(ValueFlag.CARRIED);
    }
    if ((f & Flags.STALE) != 0) {
      s.add(ValueFlag.STALE);
    }
    if ((f & Flags.IMPUTED) != 0) {
      s.add(ValueFlag.IMPUTED);
    }
    if ((f & Flags.WINSORISED) != 0) {
      s.add(ValueFlag.WINSORISED);
    }
    if ((f & Flags.TRANSFORMED) != 0) {
      s.add(ValueFlag.TRANSFORMED);
    }
    return s;
  }

  /**
   * The weight a node actually had in the index for this unit: its sibling weight re-normalised
   * over the siblings that had a score, multiplied up the tree; 0 when the node was missing.
   */
  public double effectiveWeight(String nodeId, int u) {
    return effectiveWeight(node(nodeId), u, null);
  }

  /**
   * The effective weight of every node for unit {@code u}, by position in {@link
   * IndicatorModel#nodes()}: the same numbers as {@link #effectiveWeight(String, int)}, each
   * sibling sum computed once (an explanation asks for every node).
   */
  public double[] effectiveWeights(int u) {
    int n = model.nodes().size();
    // each parent's sum over its scored children once, not once per child
    double[] sum = new double[n];
    for (int i = 0; i < n; i++) {
      if (kernel.children(i).length > 0) {
        sum[i] = scoredChildren(i, u);
      }
    }
    double[] factor = new double[n];
    for (int i = 1; i < n; i++) {
      factor[i] = kernel.localWeight(i) / sum[kernel.parent(i)];
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = effectiveWeight(i, u, factor);
    }
    return w;
  }

  /** Product of the factors from node {@code i} up to the root; {@code factor} null: computed. */
  private double effectiveWeight(int i, int u, double[] factor) {
    double w = 1;
    for (; i > 0; i = kernel.parent(i)) {
      if (Double.isNaN(scores(i)[u])) {
        return 0;
      }
      w *= factor != null ? factor[i] : factor(i, u);
    }
    return w;
  }

  /** Node {@code i}'s weight over the sum of its siblings' (itself included) that have a score. */
  private double factor(int i, int u) {
    return kernel.localWeight(i) / scoredChildren(kernel.parent(i), u);
  }

  /** The sum of the weights of node {@code p}'s children that have a score, in model order. */
  private double scoredChildren(int p, int u) {
    double sum = 0;
    for (int ci : kernel.children(p)) {
      if (!Double.isNaN(scores(ci)[u])) {
        sum += kernel.localWeight(ci);
      }
    }
    return sum;
  }

  /** Share (0–1) of the nominal index weight resting on reported or carried values. */
  public double coverage(int u) {
    return out.coverage[u];
  }

  /** The colour after override caps and the coverage rule. */
  public Band band(int u) {
    int b = out.band[u];
    return b < 0 ? Band.INSUFFICIENT : model.coloured() ? model.bands().get(b) : Band.NONE;
  }

  /** The colour by the index alone, empty when the index is NaN or the model has no bands. */
  public Optional<Band> uncappedBand(int u) {
    return Optional.ofNullable(uncappedBandOrNull(u));
  }

  /** Bit r set when override rule r (model order) fired for unit {@code u}. */
  long capsMask(int u) {
    return out.rules[u];
  }

  /**
   * The band by the index alone, or null when the index is NaN or the model has no bands (no
   * allocation).
   */
  public Band uncappedBandOrNull(int u) {
    int b = out.uncapped[u];
    return b < 0 || !model.coloured() ? null : model.bands().get(b);
  }

  /**
   * The outlier treatment applied to a leaf this month: the number of values winsorised, -1 when
   * log-transformed, 0 when none.
   */
  public int treatment(String leafId) {
    return out.treated[leaf(leafId)];
  }

  /** The override rules that fired for unit {@code u}, in model order. */
  public List<OverrideRule> caps(int u) {
    List<OverrideRule> r = new ArrayList<>();
    long bits = out.rules[u];
    for (int i = 0; i < model.overrides().size(); i++) {
      if ((bits & (1L << i)) != 0) {
        r.add(model.overrides().get(i));
      }
    }
    return r;
  }

  /**
   * The override rule that set unit {@code u}'s colour: of the rules that fired, the first (model
   * order) whose cap is the colour the unit got, when that colour is worse than its index alone
   * gives; empty when no rule changed the colour (none fired, or the index was as bad already).
   */
  public Optional<OverrideRule> cappedBy(int u) {
    Band by = uncappedBandOrNull(u);
    Band is = band(u);
    if (by == null || by == is) {
      return Optional.empty();
    }
    for (OverrideRule r : caps(u)) {
      if (r.cap().equals(is.id())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** 1-based rank by index (ties share the better rank); 0 for units with insufficient data. */
  public int rank(int u) {
    return rank[u];
  }

  /** One unit's line. */
  public UnitScore unit(int u) {
    List<Double> dims = new ArrayList<>();
    for (Node d : model.dimensions()) {
      dims.add(score(d.id(), u));
    }
    Unit unit = units.units().get(u);
    return new UnitScore(
        unit, rank[u], index(u), band(u), uncappedBand(u).orElse(null), coverage(u), caps(u), dims);
  }

  /** The line of the unit with this id. */
  public Optional<UnitScore> unit(String id) {
    int u = units.indexOf(id);
    return u < 0 ? Optional.empty() : Optional.of(unit(u));
  }

  /** Positions of the units in rank order (unranked last, ties in register order); a copy. */
  public int[] rankOrder() {
    return order.clone();
  }

  /** The score of the node at position {@code node} for unit {@code u}. */
  double score(int node, int u) {
    return scores(node)[u];
  }

  /** All units in rank order (unranked last, ties in register order). */
  public List<UnitScore> ranking() {
    List<UnitScore> r = new ArrayList<>(order.length);
    for (int u : order) {
      r.add(unit(u));
    }
    return r;
  }

  /**
   * Units per colour: every band of the model in order, then {@code insufficient} if any (a model
   * without bands: {@code unclassified}, then {@code insufficient} if any).
   */
  public Map<String, Integer> colourCounts() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (Band b : model.bands()) {
      m.put(b.id(), 0);
    }
    if (!model.coloured()) {
      m.put(Band.NONE.id(), 0);
    }
    for (int u = 0; u < size(); u++) {
      m.merge(band(u).id(), 1, Integer::sum);
    }
    return m;
  }

  /**
   * The change of the index of unit {@code u} against another result (typically the previous
   * month), matched by unit id; NaN when either index is missing.
   */
  public double change(int u, PeriodResult previous) {
    int p = previous.indexOf(units.units().get(u).id());
    return p < 0 ? Double.NaN : index(u) - previous.index(p);
  }

  private int node(String id) {
    Integer i = nodePos.get(id);
    if (i == null) {
      throw new IllegalArgumentException("unknown node " + id);
    }
    return i;
  }

  private int leaf(String id) {
    int l = model.leafIndex(id);
    if (l < 0) {
      throw new IllegalArgumentException("unknown leaf " + id);
    }
    return l;
  }
}
