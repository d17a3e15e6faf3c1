package dev.qinglian.model;

import dev.qinglian.internal.kernel.NodeRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A complete indicator model: the tree under the index, the colour bands (best first), the override
 * rules, the missing-data policy and the default display language. Build it with {@link
 * ModelLoader} from YAML, or directly from records.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IndicatorModel {
  /** The most override rules a model may have (the evaluator keeps the rules fired as bits). */
  public static final int MAX_OVERRIDES = 64;

  private final Node root;
  private final List<Band> bands;
  private final List<OverrideRule> overrides;
  private final MissingPolicy missing;
  private final String language;
  private final List<Node> leaves;
  private final List<Node> nodes;
  private final Map<String, Node> byId;
  private final Map<String, Node> parents;
  private final Map<String, Integer> leafIndex;
  private final String weightsSource;
  private final Map<String, Names> sources;
  private final double[] bandMin;

  /**
   * Creates a model after checking that ids are unique, bands are ordered best first by strictly
   * decreasing minimum, and rules name existing leaves and bands.
   *
   * @param root the index node; its children are the dimensions
   * @param bands colour bands, best first
   * @param overrides override rules (may be empty)
   * @param missing missing-data policy
   * @param language default display language ({@code zh} or {@code en})
   * @throws IllegalArgumentException when the model is inconsistent
   */
  public IndicatorModel(
      Node root,
      List<Band> bands,
      List<OverrideRule> overrides,
      MissingPolicy missing,
      String language) {
    this(root, bands, overrides, missing, language, "model", Map.of());
  }

  private IndicatorModel(
      Node root,
      List<Band> bands,
      List<OverrideRule> overrides,
      MissingPolicy missing,
      String language,
      String weightsSource,
      Map<String, Names> sources) {
    this.weightsSource = weightsSource;
    this.sources = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
    if (root == null || root.isLeaf() || missing == null) {
      throw new IllegalArgumentException("the index needs children and a missing-data policy");
    }
    this.root = root;
    this.bands = List.copyOf(bands);
    this.overrides = List.copyOf(overrides);
    this.missing = missing;
    this.language = "en".equals(language) ? "en" : "zh";
    List<Node> all = new ArrayList<>();
    List<Node> leafList = new ArrayList<>();
    Map<String, Node> ids = new LinkedHashMap<>();
    Map<String, Node> parentMap = new HashMap<>();
    walk(root, null, all, leafList, ids, parentMap);
    this.nodes = List.copyOf(all);
    this.leaves = List.copyOf(leafList);
    this.byId = Collections.unmodifiableMap(ids);
    this.parents = Collections.unmodifiableMap(parentMap);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < leaves.size(); i++) {
      index.put(leaves.get(i).id(), i);
    }
    this.leafIndex = Collections.unmodifiableMap(index);
    if (this.bands.isEmpty() && !this.overrides.isEmpty()) {
      throw new IllegalArgumentException("override rules cap a colour: they need bands");
    }
    this.bandMin = this.bands.stream().mapToDouble(Band::min).toArray();
    for (int i = 1; i < this.bands.size(); i++) {
      if (!(this.bands.get(i).min() < this.bands.get(i - 1).min())) {
        throw new IllegalArgumentException("bands must have strictly decreasing minimums");
      }
    }
    if (this.overrides.size() > MAX_OVERRIDES) {
      throw new IllegalArgumentException("at most " + MAX_OVERRIDES + " override rules");
    }
    for (OverrideRule rule : this.overrides) {
      if (!leafIndex.containsKey(rule.indicator()) || band(rule.cap()).isEmpty()) {
        throw new IllegalArgumentException("override " + rule.id() + " names unknown ids");
      }
    }
  }

  private static void walk(
      Node node,
      Node parent,
      List<Node> all,
      List<Node> leaves,
      Map<String, Node> ids,
      Map<String, Node> parents) {
    if (ids.putIfAbsent(node.id(), node) != null) {
      throw new IllegalArgumentException("duplicate id " + node.id());
    }
    all.add(node);
    if (parent != null) {
      parents.put(node.id(), parent);
    }
    if (node.isLeaf()) {
      leaves.add(node);
    }
    for (Node child : node.children()) {
      walk(child, node, all, leaves, ids, parents);
    }
  }

  /** The index node. */
  public Node root() {
    return root;
  }

  /** Where the weights come from: {@code model}, or the overlay that replaced some of them. */
  public String weightsSource() {
    return weightsSource;
  }

  /**
   * The same model with some node weights replaced (an overlay from {@code qinglian weights});
   * weights stay relative among siblings.
   *
   * @param weights new weights by node id (positive, finite; ids must exist)
   * @param source what to report as the weights' source
   * @throws IllegalArgumentException on an unknown id or a non-positive weight
   */
  public IndicatorModel withWeights(Map<String, Double> weights, String source) {
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (!byId.containsKey(e.getKey())) {
        throw new IllegalArgumentException("unknown node " + e.getKey());
      }
      if (!(e.getValue() > 0) || Double.isInfinite(e.getValue())) {
        throw new IllegalArgumentException("weight of " + e.getKey() + " must be positive");
      }
    }
    return new IndicatorModel(
        reweight(root, weights), bands, overrides, missing, language, source, sources);
  }

  /**
   * The same model with display names for its sources (the departments that report): {@code
   * sources} maps a source id, as the leaves name it, to its names.
   */
  public IndicatorModel withSources(Map<String, Names> sources) {
    return new IndicatorModel(root, bands, overrides, missing, language, weightsSource, sources);
  }

  /** A source's (department's) name in {@code lang}; its id when the model does not name it. */
  public String sourceName(String id, String lang) {
    Names n = sources.get(id);
    return n == null ? id : n.in(lang);
  }

  /** The same model with another missing-data policy (for sensitivity analysis). */
  public IndicatorModel withMissing(MissingPolicy policy) {
    return new IndicatorModel(root, bands, overrides, policy, language, weightsSource, sources);
  }

  /**
   * The same model with every leaf normalised by {@code method} (for sensitivity analysis); {@code
   * null} keeps each leaf's own method.
   */
  public IndicatorModel withNormalisation(Normalisation method) {
    if (method == null) {
      return this;
    }
    return new IndicatorModel(
        renormalise(root, method), bands, overrides, missing, language, weightsSource, sources);
  }

  private static Node renormalise(Node n, Normalisation method) {
    List<Node> kids = new ArrayList<>();
    for (Node c : n.children()) {
      kids.add(renormalise(c, method));
    }
    LeafSpec l = n.leaf();
    LeafSpec spec = l == null ? null : l.withNormalisation(method);
    return new Node(n.id(), n.names(), n.weight(), n.aggregation(), kids, spec);
  }

  private static Node reweight(Node n, Map<String, Double> w) {
    List<Node> kids = new ArrayList<>();
    for (Node c : n.children()) {
      kids.add(reweight(c, w));
    }
    return new Node(
        n.id(), n.names(), w.getOrDefault(n.id(), n.weight()), n.aggregation(), kids, n.leaf());
  }

  /** The root's children (the seven dimensions in the default model). */
  public List<Node> dimensions() {
    return root.children();
  }

  /** Every node, depth-first in model order, the root first. */
  public List<Node> nodes() {
    return nodes;
  }

  /** Every leaf indicator, in model order. */
  public List<Node> leaves() {
    return leaves;
  }

  /** The node with this id. */
  public Optional<Node> node(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The parent of a node, empty for the root or an unknown id. */
  public Optional<Node> parent(String id) {
    return Optional.ofNullable(parents.get(id));
  }

  /** Position of a leaf in {@link #leaves()}, or -1. */
  public int leafIndex(String id) {
    Integer i = leafIndex.get(id);
    return i == null ? -1 : i;
  }

  /** Colour bands, best first; empty for a model that ranks without colours. */
  public List<Band> bands() {
    return bands;
  }

  /**
   * True when the model has colour bands. Without them units are scored and ranked, every unit with
   * enough data is {@link Band#NONE} and there are no override rules.
   */
  public boolean coloured() {
    return !bands.isEmpty();
  }

  /** The band with this id. */
  public Optional<Band> band(String id) {
    return bands.stream().filter(b -> b.id().equals(id)).findFirst();
  }

  /** The band an index falls in (unrounded index; the last band catches everything below). */
  public Band classify(double index) {
    if (bands.isEmpty()) {
      return Band.NONE;
    }
    int k = NodeRules.band(index, bandMin);
    return bands.get(k < 0 ? bands.size() - 1 : k);
  }

  /** Override rules in model order. */
  public List<OverrideRule> overrides() {
    return overrides;
  }

  /** The missing-data policy. */
  public MissingPolicy missing() {
    return missing;
  }

  /** Default display language, {@code zh} or {@code en}. */
  public String language() {
    return language;
  }

  /**
   * The nominal weight of a node within the whole index: the product of its sibling-normalised
   * weights on the path from the root (1 for the root).
   */
  public double nominalWeight(String id) {
    Node node = byId.get(id);
    if (node == null) {
      throw new IllegalArgumentException("unknown node " + id);
    }
    double w = 1;
    for (Node p = parents.get(id); p != null; node = p, p = parents.get(p.id())) {
      double sum = 0;
      for (Node c : p.children()) {
        sum += c.weight();
      }
      w *= node.weight() / sum;
    }
    return w;
  }
}
