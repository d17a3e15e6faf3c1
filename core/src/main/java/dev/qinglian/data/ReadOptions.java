package dev.qinglian.data;

import java.nio.charset.Charset;

/**
 * Options for reading CSV files.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param charset forced encoding of CSV files, or null to detect (UTF-8, UTF-8 with BOM, else
 *     GB18030, the superset of GBK)
 */
public record ReadOptions(Charset charset) {
  /** Detect encodings. */
  public static final ReadOptions DEFAULTS = new ReadOptions(null);
}
