package dev.qinglian.internal.table;

import java.util.Arrays;

/**
 * An immutable open-addressing hash from byte strings to ints, looked up with a slice of a byte
 * array so that the hot loop of the CSV reader allocates nothing per row. Key {@code i} is the
 * slice {@code pool[from[i], to[i])} of one shared array (a million unit ids are one array and two
 * int columns, not a million objects).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ByteIndex {
  private final byte[] pool;
  private final int[] from;
  private final int[] to;

  /**
   * Per slot: the key's 32-bit hash in the high half, its index + 1 in the low half; 0 is an empty
   * slot. The hash lets a probe pass over other keys without reading them (their bytes and bounds
   * are elsewhere in memory: each read was a cache miss; 1,000,000 unit ids indexed in 75 ms with
   * the key compared at every occupied slot, in about 50 ms this way).
   */
  private final long[] slots;

  private final int mask;

  /** An index of {@code keys[i] → i}; later duplicates are ignored. */
  public ByteIndex(byte[][] keys) {
    Builder b = new Builder(keys.length);
    int total = 0;
    for (byte[] k : keys) {
      total += k.length;
    }
    byte[] pool = new byte[total];
    int p = 0;
    for (byte[] k : keys) {
      System.arraycopy(k, 0, pool, p, k.length);
      if (b.add(pool, p, p + k.length) >= 0) {
        b.append(p, p + k.length); // a duplicate keeps its position but is never found
      }
      p += k.length;
    }
    ByteIndex built = b.build();
    this.pool = built.pool;
    this.from = built.from;
    this.to = built.to;
    this.slots = built.slots;
    this.mask = built.mask;
  }

  private ByteIndex(byte[] pool, int[] from, int[] to, long[] slots) {
    this.pool = pool;
    this.from = from;
    this.to = to;
    this.slots = slots;
    this.mask = slots.length - 1;
  }

  /** The value of {@code buf[from, to)}, or -1. */
  public int get(byte[] buf, int from, int to) {
    return find(pool, this.from, this.to, slots, mask, buf, from, to);
  }

  /** True when key {@code i} equals {@code buf[f, t)} (a cheap check of a predicted key). */
  public boolean matches(int i, byte[] buf, int f, int t) {
    return i >= 0 && i < from.length && FastCsv.same(pool, from[i], to[i], buf, f, t);
  }

  /** Number of keys. */
  public int size() {
    return from.length;
  }

  private static int find(
      byte[] pool, int[] from, int[] to, long[] slots, int mask, byte[] buf, int f, int t) {
    int hash = hash(buf, f, t);
    int h = hash & mask;
    while (true) {
      long e = slots[h];
      if (e == 0) {
        return -1;
      }
      if ((int) (e >>> 32) == hash) {
        int k = (int) e - 1;
        if (FastCsv.same(pool, from[k], to[k], buf, f, t)) {
          return k;
        }
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

  /**
   * Builds an index key by key; the pool may be reallocated between calls (pass the current one
   * each time, and the final one to {@link #build}). Not thread-safe.
   */
  public static final class Builder {
    private byte[] pool = new byte[0];
    private int[] from;
    private int[] to;
    private long[] slots;
    private int n;

    /** A builder expecting about {@code expected} keys. */
    public Builder(int expected) {
      int cap = Math.max(4, expected);
      from = new int[cap];
      to = new int[cap];
      slots = new long[Integer.highestOneBit(Math.max(4, cap * 2 + 1) - 1) << 1];
    }

    /**
     * Adds {@code pool[f, t)} as key {@link #size()} unless an equal key is there; returns that
     * earlier key's index, or -1 when the key was added.
     */
    public int add(byte[] pool, int f, int t) {
      this.pool = pool;
      int mask = slots.length - 1;
      int hash = hash(pool, f, t);
      int h = hash & mask;
      while (slots[h] != 0) {
        long e = slots[h];
        if ((int) (e >>> 32) == hash) {
          int k = (int) e - 1;
          if (FastCsv.same(pool, from[k], to[k], pool, f, t)) {
            return k;
          }
        }
        h = (h + 1) & mask;
      }
      append(f, t);
      slots[h] = (long) hash << 32 | n;
      if (2 * n > slots.length) {
        rehash();
      }
      return -1;
    }

    private void append(int f, int t) {
      if (n == from.length) {
        from = Arrays.copyOf(from, n * 2);
        to = Arrays.copyOf(to, n * 2);
      }
      from[n] = f;
      to[n] = t;
      n++;
    }

    /** The index of an equal key added so far, or -1. */
    public int get(byte[] buf, int f, int t) {
      return find(pool, from, to, slots, slots.length - 1, buf, f, t);
    }

    /** Keys added so far. */
    public int size() {
      return n;
    }

    private void rehash() {
      long[] s = new long[slots.length * 2];
      int mask = s.length - 1;
      for (long e : slots) { // the keys indexed (a duplicate appended unindexed is not there)
        if (e != 0) {
          int h = (int) (e >>> 32) & mask;
          while (s[h] != 0) {
            h = (h + 1) & mask;
          }
          s[h] = e;
        }
      }
      slots = s;
    }

    /** The index over the final pool (the builder must not be used afterwards). */
    public ByteIndex build(byte[] finalPool) {
      this.pool = finalPool;
      return build();
    }

    private ByteIndex build() {
      return new ByteIndex(pool, Arrays.copyOf(from, n), Arrays.copyOf(to, n), slots);
    }
  }
}
