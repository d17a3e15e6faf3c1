package dev.qinglian.data;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Location;
import dev.qinglian.internal.Suggest;
import dev.qinglian.internal.table.FastCsv;
import dev.qinglian.internal.table.TableRow;
import dev.qinglian.model.IndicatorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The state of one merge: values, the diagnostics and, in ordered mode, the provenance of every
 * value. In optimistic mode the fast CSV workers store values concurrently and any conflict aborts
 * the read, which is then redone in ordered mode so that the conflict is reported with both places,
 * deterministically.
 *
 * <p>The concurrent stores are plain ones: a value goes into an empty cell (NaN), and every such
 * store is counted. Two threads can only race for one cell when the file gives it twice, and then
 * both stores are counted for one cell: after the read the count is compared with the cells that
 * hold a value ({@link #checkStores}), and a difference is handled as a conflict (read again in
 * file order, which settles it). A compare-and-set per value instead cost 0.1 s of the 2.7 s of a
 * 1,000,000-unit month (a locked instruction per value keeps the core from overlapping the cache
 * misses of the next rows).
 */
final class DataMerge implements FastCsv.Writer {
  private final IndicatorModel model;
  private final UnitRegister units;
  private final long budget;

  final boolean ordered;
  final java.util.concurrent.atomic.AtomicLong allocated =
      new java.util.concurrent.atomic.AtomicLong();
  final ConcurrentHashMap<Integer, AtomicReferenceArray<double[]>> store =
      new ConcurrentHashMap<>();
  final Map<Integer, long[][]> where = new HashMap<>();
  final List<String> fileNames = new ArrayList<>();
  final List<Diagnostic> diags = new ArrayList<>();
  final int[] perFile = new int[1024];
  private int lastMonth = Integer.MIN_VALUE;
  private AtomicReferenceArray<double[]> lastColumns;

  /** Values stored into empty cells by the calling thread (optimistic mode). */
  private long stored;

  /** The workers' writers, whose counts of stored values are added after the read. */
  private final List<WorkerWriter> workers = new java.util.concurrent.CopyOnWriteArrayList<>();

  DataMerge(IndicatorModel model, UnitRegister units, long budget, boolean ordered) {
    this.model = model;
    this.units = units;
    this.budget = budget;
    this.ordered = ordered;
  }

  AtomicReferenceArray<double[]> month(int month) {
    return store.computeIfAbsent(month, k -> new AtomicReferenceArray<>(model.leaves().size()));
  }

  /**
   * An empty column (all NaN) allocated in vain by a thread that lost the race to publish its own,
   * kept for whichever leaf is next to need one.
   */
  private final java.util.concurrent.atomic.AtomicReference<double[]> spare =
      new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * The column of a month's leaf, allocated (all NaN) when first asked for. The workers start
   * together and meet every indicator in their first rows, so they ask for the same new columns at
   * the same moments: each allocates one (on its own core, outside any lock), the first to publish
   * it wins, and the loser's column is kept as the spare that the next new column takes. Before,
   * the loser's column was thrown away (1,000,000 units, October: 464 MB allocated, zeroed and
   * filled for 248 MB of columns, and a full collection of 50 ms), and then, with one thread
   * allocating under a lock, the other waited: 0.15 s with one core busy.
   */
  double[] column(AtomicReferenceArray<double[]> cols, int leaf) {
    double[] c = cols.get(leaf);
    if (c == null) {
      double[] s = spare.getAndSet(null);
      if (s == null) {
        s = emptyColumn();
      }
      if (cols.compareAndSet(leaf, null, s)) {
        c = s;
      } else {
        c = cols.get(leaf);
        spare.compareAndSet(null, s); // (a spare already there: this one was in vain)
      }
    }
    return c;
  }

  private double[] emptyColumn() {
    long bytes = 8L * units.size() * (ordered ? 2 : 1);
    if (allocated.addAndGet(bytes) > budget) {
      throw new DataReader.TooLarge(store.size(), allocated.get());
    }
    double[] c = new double[units.size()];
    Arrays.fill(c, Double.NaN);
    return c;
  }

  /** Stores a value unless a different one was given before (then false; nothing reported). */
  boolean tryPut(int month, int leaf, int unit, double value, int file, long line) {
    if (month != lastMonth) {
      lastColumns = month(month);
      lastMonth = month;
    }
    double[] col = column(lastColumns, leaf);
    if (!ordered) {
      int r = DataReader.fill(col, unit, value);
      stored += Math.max(r, 0);
      return r >= 0;
    }
    long[][] w = where.computeIfAbsent(month, k -> new long[model.leaves().size()][]);
    if (w[leaf] == null) {
      w[leaf] = new long[units.size()];
    }
    if (Double.isNaN(col[unit])) {
      col[unit] = value;
      w[leaf][unit] = ((long) file << 40) | line;
      return true;
    }
    return col[unit] == value;
  }

  /** Stores a value; reports a conflict when a different one was given before. */
  void put(int month, int leaf, int unit, double value, int file, TableRow row, int col) {
    if (tryPut(month, leaf, unit, value, file, row.line())) {
      return;
    }
    if (!ordered) {
      throw new FastCsv.ConflictException();
    }
    double old = column(month(month), leaf)[unit];
    long w = where.get(month)[leaf][unit];
    int oldFile = (int) (w >>> 40);
    long oldLine = w & ((1L << 40) - 1);
    Location other = Location.of(fileNames.get(oldFile), oldLine, 0);
    report(
        file,
        Diagnostic.error(
                "data.conflict",
                row.at(col),
                units.id(unit),
                Dataset.month(month),
                model.leaves().get(leaf).id(),
                DataReader.fmt(value),
                DataReader.fmt(old),
                other)
            .withExcerpt(row.excerpt()));
  }

  void report(int file, Diagnostic d) {
    int slot = Math.min(file, perFile.length - 1);
    if (++perFile[slot] <= DataReader.MAX_DIAGNOSTICS_PER_FILE) {
      diags.add(d);
    }
  }

  /** True when the next diagnostic of {@code file} will be listed (not only counted). */
  boolean shown(int file) {
    return perFile[Math.min(file, perFile.length - 1)] < DataReader.MAX_DIAGNOSTICS_PER_FILE;
  }

  private String[] sortedIds;
  private final Map<String, String> suggested = new HashMap<>();

  /**
   * The register's ids closest to an unknown one, for the message. Computed once per unknown id (a
   * unit's rows repeat it); over every id of a register of up to {@link
   * #DataReader.EXACT_SUGGESTIONS} units, and among the ids next to it in sorted order for a larger
   * one (an exhaustive search over a million ids for each of 200 messages took minutes).
   */
  String suggest(String word) {
    return suggested.computeIfAbsent(
        word,
        w -> {
          if (sortedIds == null) {
            sortedIds = new String[units.size()];
            for (int u = 0; u < sortedIds.length; u++) {
              sortedIds[u] = units.id(u);
            }
            if (sortedIds.length > DataReader.EXACT_SUGGESTIONS) {
              Arrays.sort(sortedIds);
            }
          }
          List<String> pool = Arrays.asList(sortedIds);
          if (sortedIds.length > DataReader.EXACT_SUGGESTIONS) {
            int at = Arrays.binarySearch(sortedIds, w);
            int p = at < 0 ? -at - 1 : at;
            pool = pool.subList(Math.max(0, p - 64), Math.min(sortedIds.length, p + 64));
          }
          return String.join(", ", Suggest.closest(w, pool, 3));
        });
  }

  /** The values as month → [leaf][unit] (null columns where nothing was given). */
  TreeMap<Integer, double[][]> values() {
    TreeMap<Integer, double[][]> out = new TreeMap<>();
    store.forEach(
        (m, cols) -> {
          double[][] a = new double[cols.length()][];
          boolean any = false;
          for (int l = 0; l < a.length; l++) {
            a[l] = cols.get(l);
            any |= a[l] != null;
          }
          if (any) {
            out.put(m, a);
          }
        });
    return out;
  }

  @Override
  public FastCsv.Writer forWorker() {
    WorkerWriter w = new WorkerWriter();
    workers.add(w);
    return w;
  }

  @Override
  public boolean put(int unit, int month, int leaf, double value) {
    throw new UnsupportedOperationException("use forWorker()");
  }

  /**
   * In optimistic mode, throws a conflict unless every counted store filled a cell of its own (see
   * the class comment); called after the read, when the workers are done.
   */
  void checkStores(TreeMap<Integer, double[][]> values) {
    if (ordered || workers.isEmpty()) {
      return; // nothing was stored concurrently: no race to look for
    }
    long expected = stored;
    for (WorkerWriter w : workers) {
      expected += w.stored;
    }
    List<double[]> cols = new ArrayList<>();
    values.values().forEach(m -> Arrays.stream(m).filter(c -> c != null).forEach(cols::add));
    if (!DataReader.everyStoreFilledACell(expected, cols)) {
      throw new FastCsv.ConflictException(); // a cell given twice, stored by two threads
    }
  }

  /** One worker's writer: caches the month's columns it looked up, counts its stores. */
  private final class WorkerWriter implements FastCsv.Writer {
    int cachedMonth = Integer.MIN_VALUE;
    AtomicReferenceArray<double[]> cols;
    final double[][] resolved = new double[model.leaves().size()][];
    long stored;

    @Override
    public FastCsv.Writer forWorker() {
      return DataMerge.this.forWorker();
    }

    @Override
    public boolean put(int unit, int month, int leaf, double value) {
      if (month != cachedMonth) {
        cols = month(month);
        cachedMonth = month;
        Arrays.fill(resolved, null);
      }
      double[] c = resolved[leaf];
      if (c == null) {
        c = column(cols, leaf);
        resolved[leaf] = c;
      }
      int r = DataReader.fill(c, unit, value);
      stored += Math.max(r, 0);
      return r >= 0;
    }
  }
}
