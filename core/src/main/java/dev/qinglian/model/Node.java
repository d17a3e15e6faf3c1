package dev.qinglian.model;

import java.util.List;

/**
 * A node of the indicator tree: the index at the root, dimensions and first-level indicators
 * inside, second-level indicators (or any depth) at the leaves. A leaf has a {@link LeafSpec} and
 * no children; an inner node has children and no spec.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id stable id ({@code D5.1.3}); unique in the model
 * @param names Chinese and English names
 * @param weight relative weight among siblings (&gt; 0), normalised among them
 * @param aggregation how an inner node combines its children (ignored on leaves)
 * @param children the children, in model order; empty for a leaf
 * @param leaf the indicator spec of a leaf, or null for an inner node
 * @param floor under a geometric node, the lowest child score the mean takes (a child below it
 *     counts as this much); NaN for none, when a zero or negative child score is an error
 */
public record Node(
    String id,
    Names names,
    double weight,
    Aggregation aggregation,
    List<Node> children,
    LeafSpec leaf,
    double floor) {
  /** A node without a floor. */
  public Node(
      String id,
      Names names,
      double weight,
      Aggregation aggregation,
      List<Node> children,
      LeafSpec leaf) {
    this(id, names, weight, aggregation, children, leaf, Double.NaN);
  }

  /** Validates the node and copies the children. */
  public Node {
    if (id == null || id.isBlank() || names == null || aggregation == null) {
      throw new IllegalArgumentException("id, names and aggregation are required");
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight of " + id + " must be positive");
    }
    if (!Double.isNaN(floor) && !(floor > 0 && floor < 100)) {
      throw new IllegalArgumentException("floor of " + id + " must be above 0 and below 100");
    }
    children = List.copyOf(children);
    if ((leaf == null) == children.isEmpty()) {
      throw new IllegalArgumentException(id + ": a node is either a leaf or has children");
    }
  }

  /** True for an indicator (no children). */
  public boolean isLeaf() {
    return leaf != null;
  }
}
