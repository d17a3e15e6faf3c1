package dev.qinglian.monitor;

import dev.qinglian.model.Node;

/**
 * A leaf's share of the change of a unit's index between two months.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param leaf the indicator
 * @param points index points it moved the index by (positive: up)
 * @param scoreBefore its score the month before (NaN if missing)
 * @param scoreAfter its score this month (NaN if missing)
 */
public record Mover(Node leaf, double points, double scoreBefore, double scoreAfter) {}
