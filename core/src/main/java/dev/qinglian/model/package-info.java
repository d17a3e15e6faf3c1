/**
 * The indicator model: a tree of weighted nodes whose leaves are indicators with a direction, unit,
 * denominator, reporting frequency and normalisation; the colour bands and the override rules.
 * {@link dev.qinglian.model.ModelLoader} reads it from YAML and reports every error with file, line
 * and column.
 */
package dev.qinglian.model;
