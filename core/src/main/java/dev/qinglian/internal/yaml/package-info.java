/** Typed access to a composed SnakeYAML node tree that reports problems with line and column. */
package dev.qinglian.internal.yaml;
