/**
 * Methodology: deriving weights (AHP, entropy, CRITIC, equal, combined) and writing them as an
 * overlay on the model; the statistical audit of the indicators; Monte Carlo uncertainty and
 * sensitivity analysis of ranks and colours.
 */
package dev.qinglian.method;
