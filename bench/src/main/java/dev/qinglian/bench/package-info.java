/** Benchmarks: JMH kernels over in-memory column batches, and the DuckDB reference parse. */
package dev.qinglian.bench;
