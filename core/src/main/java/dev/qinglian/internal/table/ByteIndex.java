package dev.qinglian.internal.table;

import java.util.Arrays;

/**
 * An immutable open-addressing hash from byte strings to ints, looked up with a slice of a byte
 * array so that the hot loop of the CSV reader allocates nothing per row.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ByteIndex {
  private final byte[][] keys;
  private final int[] values;
  private final int mask;
  private final byte[][] inOrder;

  /** An index of {@code keys[i] → i}; later duplicates are ignored. */
  public ByteIndex(byte[][] keys) {
    int cap = Integer.highestOneBit(Math.max(4, keys.length * 2 + 1) - 1) << 1;
    this.keys = new byte[cap][];
    this.values = new int[cap];
    this.mask = cap - 1;
    this.inOrder = keys.clone();
    for (int i = 0; i < keys.length; i++) {
      int h = hash(keys[i], 0, keys[i].length) & mask;
      while (this.keys[h] != null && !Arrays.equals(this.keys[h], keys[i])) {
        h = (h + 1) & mask;
      }
      if (this.keys[h] == null) {
        this.keys[h] = keys[i];
        this.values[h] = i;
      }
    }
  }

  /** The keys in the order given (key i has value i); do not modify. */
  byte[][] keysInOrder() {
    return inOrder;
  }

  /** The value of {@code buf[from, to)}, or -1. */
  public int get(byte[] buf, int from, int to) {
    int h = hash(buf, from, to) & mask;
    int len = to - from;
    while (true) {
      byte[] k = keys[h];
      if (k == null) {
        return -1;
      }
      if (k.length == len && FastCsv.same(k, 0, len, buf, from, to)) {
        return values[h];
      }
      h = (h + 1) & mask;
    }
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 0x811c9dc5;
    for (int i = from; i < to; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
