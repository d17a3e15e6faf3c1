/**
 * The evaluation kernel: pure functions over the column batch of one period (primitive arrays in,
 * primitive arrays out, no I/O, no objects per cell). This is the seam at which a distributed
 * engine (for example Apache Spark, per partition of units) would call qinglian: every method here
 * depends only on its arguments, and all but the cross-sectional normalisations ({@code minmax},
 * {@code zscore}, {@code rank}) and the {@code group-mean} policy are per unit.
 */
package dev.qinglian.internal.kernel;
