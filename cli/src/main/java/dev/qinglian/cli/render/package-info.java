/**
 * Rendering results for people and machines: CJK-aligned tables with colour cells, CSV, JSON,
 * Markdown, compiler-style diagnostics, and atomic output files.
 */
package dev.qinglian.cli.render;
