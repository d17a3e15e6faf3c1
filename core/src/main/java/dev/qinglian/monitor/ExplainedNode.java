package dev.qinglian.monitor;

import dev.qinglian.eval.ValueFlag;
import dev.qinglian.model.Node;
import java.util.List;
import java.util.Set;

/**
 * One node of an explanation: its score, the weight it actually had in the index, the points it
 * contributed and the points it lost against a perfect 100, and for a leaf the value behind it.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param node the model node
 * @param score its score in [0, 100], NaN when missing
 * @param effectiveWeight its weight in the index after re-normalisation over what is present (0
 *     when missing)
 * @param points {@code effectiveWeight × score}: index points it contributes (exact for arithmetic
 *     aggregation)
 * @param lost index points lost against 100; they sum to {@code 100 − index} over the leaves
 * @param raw for a leaf, the raw value used (as reported), else NaN
 * @param effective for a leaf, the value after its denominator, else NaN
 * @param flags for a leaf, where its value came from
 * @param children the children, in model order
 */
public record ExplainedNode(
    Node node,
    double score,
    double effectiveWeight,
    double points,
    double lost,
    double raw,
    double effective,
    Set<ValueFlag> flags,
    List<ExplainedNode> children) {
  /** Copies the collections (the flags in their declared order). */
  public ExplainedNode {
    flags =
        flags.isEmpty()
            ? Set.of()
            : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(flags));
    children = List.copyOf(children);
  }
}
