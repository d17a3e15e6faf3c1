package dev.qinglian.data;

import dev.qinglian.internal.table.ByteIndex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The register being built: growing text columns over one byte pool. Not thread-safe. */
final class RegisterColumns {
  /** Field positions in the text columns: id, name, type, parent, then the extra columns. */
  static final int ID = 0;

  static final int NAME = 1;
  static final int TYPE = 2;
  static final int PARENT = 3;

  final String[] extraKeys;
  byte[] pool;
  int used;
  boolean borrowed; // pool is the file itself: fields are slices of it
  int[][] from;
  int[][] to;
  double[] staff;
  double[] served;
  long[] lines;
  final ByteIndex.Builder ids;
  int n;

  RegisterColumns(String[] extraKeys, int expected, long poolBytes) {
    this(
        extraKeys,
        expected,
        new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(1024, poolBytes))]);
    borrowed = false;
    used = 0;
  }

  /**
   * Columns whose text stays where it is in {@code file}, the bytes of the whole register file
   * (fields are slices of it: nothing copied), sized for {@code expected} rows.
   */
  RegisterColumns(String[] extraKeys, int expected, byte[] file) {
    this.extraKeys = extraKeys;
    int cap = Math.max(1, expected);
    pool = file;
    borrowed = true;
    used = file.length;
    from = new int[PARENT + 1 + extraKeys.length][cap];
    to = new int[PARENT + 1 + extraKeys.length][cap];
    staff = new double[cap];
    served = new double[cap];
    lines = new long[cap];
    ids = new ByteIndex.Builder(cap);
  }

  /** Starts row {@link #n} (made permanent by {@link #commit}); text fields start empty. */
  int begin(long line) {
    if (n == lines.length) {
      int c = n * 2;
      for (int f = 0; f < from.length; f++) {
        from[f] = Arrays.copyOf(from[f], c);
        to[f] = Arrays.copyOf(to[f], c);
      }
      staff = Arrays.copyOf(staff, c);
      served = Arrays.copyOf(served, c);
      lines = Arrays.copyOf(lines, c);
    }
    for (int f = 0; f < from.length; f++) {
      from[f][n] = f <= PARENT ? 0 : -1;
      to[f][n] = f <= PARENT ? 0 : -1;
    }
    staff[n] = Double.NaN;
    served[n] = Double.NaN;
    lines[n] = line;
    return n;
  }

  void commit() {
    n++;
    if ((n & 4095) == 0) {
      published = n; // (read by the indexing thread, when there is one)
    }
  }

  /** Rows committed and visible to the thread indexing alongside ({@link #indexAlongside}). */
  private volatile int published;

  /** Set (after the last {@link #published}) when no more rows will come. */
  private volatile boolean finished;

  /** The ids being indexed on another thread while the rows are read, or null. */
  private java.util.concurrent.CompletableFuture<Boolean> alongside;

  /**
   * Indexes the ids on another thread, following the rows as they are committed; {@link
   * #indexDeferred} then waits for it. Only for columns that never grow (sized for the file's
   * rows): the indexing thread reads the id columns while this one fills them further on. On the
   * common pool, after the check of the encoding (the register of 1,000,000 units: 70 ms of
   * indexing that ran after the 120 ms of rows now runs beside them).
   */
  void indexAlongside() {
    alongside = dev.qinglian.internal.Parallel.alongside(this::indexPublished);
  }

  /** No more rows: the indexing thread, if any, indexes the last ones and stops. */
  void finish() {
    published = n;
    finished = true;
  }

  private boolean indexPublished() {
    int u = 0;
    while (true) {
      boolean last = finished; // read before published: when true, published is final
      int p = published;
      int[] f = from[ID];
      int[] t = to[ID];
      for (; u < p; u++) {
        if (ids.add(pool, f[u], t[u]) >= 0) {
          return false;
        }
      }
      if (last) {
        return true;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(50_000);
    }
  }

  /** Shrinks the pool to the bytes used (it was sized for the whole file); returns it. */
  byte[] trimPool() {
    if (!borrowed && pool.length != used) {
      pool = Arrays.copyOf(pool, used);
    }
    return pool;
  }

  /** Registers the id of the current row; the position of an equal earlier id, or -1. */
  int addId() {
    return ids.add(pool, from[ID][n], to[ID][n]);
  }

  /**
   * Indexes the ids of all rows read without indexing them; false at the first duplicate (the index
   * is then incomplete and the file must be read again indexing row by row).
   */
  boolean indexDeferred() {
    if (alongside != null) {
      finish();
      return alongside.join();
    }
    if (ids.size() > 0) {
      return true; // indexed row by row
    }
    for (int u = 0; u < n; u++) {
      if (ids.add(pool, from[ID][u], to[ID][u]) >= 0) {
        return false;
      }
    }
    return true;
  }

  void bytes(int field, byte[] src, int f, int t) {
    trimmed(field, src, f, t, true);
  }

  void text(int field, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    trimmed(field, b, 0, b.length, false);
  }

  private void trimmed(int field, byte[] src, int f, int t, boolean trim) {
    while (trim && f < t && (src[f] & 0xff) <= ' ') {
      f++; // trimmed like String.trim (UTF-8 continuation bytes are never <= 0x20)
    }
    while (trim && t > f && (src[t - 1] & 0xff) <= ' ') {
      t--;
    }
    int len = t - f;
    if (borrowed && src == pool) {
      from[field][n] = f; // a slice of the file, left where it is
      to[field][n] = t;
      return;
    }
    if (borrowed) {
      pool = Arrays.copyOf(pool, pool.length + Math.max(1024, pool.length / 8));
      borrowed = false; // text from elsewhere: the file becomes an ordinary, growing pool
    }
    if (used + len > pool.length) {
      pool = Arrays.copyOf(pool, (int) Math.min(Integer.MAX_VALUE - 16, 2L * pool.length + len));
    }
    System.arraycopy(src, f, pool, used, len);
    from[field][n] = used;
    to[field][n] = used + len;
    used += len;
  }

  String string(int field, int u) {
    return new String(pool, from[field][u], to[field][u] - from[field][u], StandardCharsets.UTF_8);
  }
}
