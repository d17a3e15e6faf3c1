/**
 * The monthly evaluation: {@link dev.qinglian.eval.Evaluator} turns a {@link
 * dev.qinglian.data.Dataset} into a {@link dev.qinglian.eval.PeriodResult} per month — every node's
 * score per unit, the index, the colour (with override caps and the coverage rule), the rank, and
 * the provenance of every leaf value.
 */
package dev.qinglian.eval;
