package dev.qinglian.data;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.diag.Location;
import dev.qinglian.internal.Suggest;
import dev.qinglian.internal.table.ByteIndex;
import dev.qinglian.internal.table.FastCsv;
import dev.qinglian.internal.table.Parse;
import dev.qinglian.internal.table.TableHandler;
import dev.qinglian.internal.table.TableRow;
import dev.qinglian.internal.table.Tables;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.LeafSpec;
import dev.qinglian.model.Node;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Reads the source departments' data files and merges them per unit, indicator and month into a
 * {@link Dataset}, collecting every problem in one pass.
 *
 * <p>Two layouts are understood, in CSV and in every sheet of an XLSX workbook:
 *
 * <ul>
 *   <li>long: {@code unit,period,indicator,value} (extra columns such as {@code note} allowed);
 *   <li>wide: {@code unit,period} then one column per indicator id.
 * </ul>
 *
 * <p>Problems reported: unknown unit or indicator, malformed period or number, a value outside its
 * plausible range, the same unit/period/indicator given twice with different values (naming both
 * places), missing header columns; a unit without any data is a warning.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DataReader {
  /** Registers up to this size are searched whole for the ids closest to an unknown one. */
  static final int EXACT_SUGGESTIONS = 20_000;

  /** Units without any data listed one by one; the rest are counted in one warning. */
  public static final int NODATA_LISTED = 20;

  /** At most this many diagnostics are listed per file; the rest are counted. */
  public static final int MAX_DIAGNOSTICS_PER_FILE = 200;

  /**
   * The first cell of a sheet that is notes, not data (qinglian's templates write it): the sheet is
   * skipped silently, whatever its name and its other columns.
   */
  public static final String NOTES_MARKER = "qinglian:notes";

  /**
   * Sheet names skipped without a warning, whatever their columns: the notes that come with a
   * template (compared stripped and lower-cased).
   */
  private static final java.util.Set<String> NOTE_SHEETS =
      java.util.Set.of("说明", "填表说明", "notes", "readme", "instructions", "指标说明");

  private final IndicatorModel model;
  private final UnitRegister units;
  private final ReadOptions options;
  private final double[] rangeMin;
  private final double[] rangeMax;
  private final long checkWhileReading;

  /** A reader for data following {@code model} about the units of {@code units}. */
  public DataReader(IndicatorModel model, UnitRegister units, ReadOptions options) {
    this(model, units, options, CHECK_WHILE_READING);
  }

  /** A reader that checks CSV files from {@code checkWhileReading} bytes on while parsing. */
  DataReader(
      IndicatorModel model, UnitRegister units, ReadOptions options, long checkWhileReading) {
    this.checkWhileReading = checkWhileReading;
    this.model = model;
    this.units = units;
    this.options = options == null ? ReadOptions.DEFAULTS : options;
    this.rangeMin = model.leaves().stream().mapToDouble(n -> n.leaf().rangeMin()).toArray();
    this.rangeMax = model.leaves().stream().mapToDouble(n -> n.leaf().rangeMax()).toArray();
  }

  /** Unit ids encoded in a charset, built once per read and charset (a million ids take time). */
  private ByteIndex unitIndex(Charset cs, Map<Charset, ByteIndex> cache) {
    return cache.computeIfAbsent(cs, this::unitIndex);
  }

  private ByteIndex unitIndex(Charset cs) {
    if (cs.equals(StandardCharsets.UTF_8)) {
      return units.utf8Ids(); // built with the register
    }
    byte[][] keys = new byte[units.size()][];
    for (int u = 0; u < keys.length; u++) {
      keys[u] = units.id(u).getBytes(cs);
    }
    return new ByteIndex(keys);
  }

  private ByteIndex leafIndex(Charset cs) {
    byte[][] keys = new byte[model.leaves().size()][];
    for (int l = 0; l < keys.length; l++) {
      keys[l] = model.leaves().get(l).id().getBytes(cs);
    }
    return new ByteIndex(keys);
  }

  /**
   * Reads and merges the files, in the order given. Large CSV files are parsed on all cores; the
   * result (values and diagnostics) is the same as reading row by row in file order.
   */
  public Loaded<Dataset> read(List<Path> files) {
    return read(files, files.stream().map(Path::toString).toList());
  }

  /**
   * Reads one table that arrives as a stream (an upload, an attachment): CSV, or XLSX when {@code
   * name} ends with {@code .xlsx}; {@code name} is the file name messages give. The stream is read
   * to its end (into a temporary file, deleted afterwards) but not closed.
   *
   * @throws IOException when the stream cannot be read or the temporary file written
   */
  public Loaded<Dataset> read(String name, java.io.InputStream in) throws IOException {
    String suffix = extension(name).equals(".xlsx") ? ".xlsx" : ".csv";
    Path tmp = dev.qinglian.io.AtomicFiles.tempFile(suffix);
    try {
      java.nio.file.Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return read(List.of(tmp), List.of(name));
    } finally {
      java.nio.file.Files.deleteIfExists(tmp);
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
  }

  private Loaded<Dataset> read(List<Path> files, List<String> names) {
    try {
      try {
        return read(files, names, false, false);
      } catch (FastCsv.ConflictException e) {
        // a conflict: read again in file order to report both places
        return read(files, names, true, false);
      }
    } catch (TooLarge e) {
      return new Loaded<>(
          null,
          List.of(
              Diagnostic.error(
                  "data.memory",
                  Location.of(String.join(", ", names)),
                  e.months,
                  model.leaves().size(),
                  units.size(),
                  budget >> 20)));
    }
  }

  /**
   * Reads like {@link #read} but keeps the valid values even when some rows have errors (for the
   * status of a collection round); the value is absent only when nothing at all was read.
   */
  public Loaded<Dataset> readPartial(List<Path> files) {
    List<String> names = files.stream().map(Path::toString).toList();
    try {
      return read(files, names, false, true);
    } catch (FastCsv.ConflictException e) {
      return read(files, names, true, true);
    } catch (TooLarge e) {
      return read(files);
    }
  }

  /**
   * CSV files from this size on are checked for quotes and encoding while they are parsed (a
   * separate scan costs 0.25 s per 0.8 GB); smaller ones are scanned first, which avoids a retry.
   */
  private static final long CHECK_WHILE_READING = 64L << 20;

  /**
   * Workbooks up to this size are parsed ahead on other threads (and replayed in order); their rows
   * are held in memory meanwhile, so large ones are read in line.
   */
  private static final long STAGE_BYTES = 8L << 20;

  /** A file to read again another way (it has quotes, or it is not UTF-8 as assumed). */
  private static final class Retry extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int file;
    final boolean quotes;

    Retry(int file, boolean quotes) {
      super("retry", null, false, false);
      this.file = file;
      this.quotes = quotes;
    }
  }

  private Loaded<Dataset> read(
      List<Path> files, List<String> names, boolean ordered, boolean partial) {
    java.util.Set<Integer> general = new java.util.HashSet<>(); // files with quotes
    Map<Integer, Charset> detected = new HashMap<>(); // files found not to be UTF-8
    while (true) {
      try {
        return read(files, names, ordered, partial, general, detected);
      } catch (Retry r) {
        if (r.quotes) {
          general.add(r.file);
        } else {
          try {
            detected.put(r.file, Tables.detect(files.get(r.file)));
          } catch (IOException e) {
            general.add(r.file); // the general reader reports why it cannot be read
          }
        }
      }
    }
  }

  private Loaded<Dataset> read(
      List<Path> files,
      List<String> names,
      boolean ordered,
      boolean partial,
      java.util.Set<Integer> general,
      Map<Integer, Charset> detected) {
    Merge merge = new Merge(ordered);
    Map<Charset, ByteIndex> indexes = new HashMap<>();
    List<java.util.concurrent.CompletableFuture<Staged>> ahead = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      Path path = files.get(f);
      String name = names.get(f);
      ahead.add(
          files.size() > 1 && Tables.isXlsx(path) && size(path) <= STAGE_BYTES
              ? java.util.concurrent.CompletableFuture.supplyAsync(() -> Staged.read(path, name))
              : null);
    }
    for (int f = 0; f < files.size(); f++) {
      Path path = files.get(f);
      String name = names.get(f);
      merge.fileNames.add(name);
      FileHandler h = new FileHandler(merge, f, name);
      if (java.nio.file.Files.isRegularFile(path) && size(path) == 0) {
        merge.diags.add(Diagnostic.error("file.empty", Location.of(name)));
        continue;
      }
      try {
        if (ahead.get(f) != null) {
          ahead.get(f).join().replay(h);
        } else if (Tables.isXlsx(path)) {
          Tables.readXlsx(path, name, h);
        } else {
          if (!general.contains(f)
              && !detected.containsKey(f)
              && options.charset() == null
              && size(path) < checkWhileReading) {
            // a small file: one quick scan decides (a retry would read the other files again)
            FastCsv.Probe probe = FastCsv.probe(path);
            if (probe.quotes()) {
              general.add(f);
            } else if (!probe.bom() && probe.nonAscii()) {
              detected.put(f, Tables.detect(path));
            }
          }
          if (general.contains(f)) {
            Tables.readCsv(path, name, options.charset(), h);
          } else {
            // UTF-8 unless told or found otherwise; the reader checks as it goes
            Charset cs =
                options.charset() != null
                    ? options.charset()
                    : detected.getOrDefault(f, StandardCharsets.UTF_8);
            boolean assumed = options.charset() == null && !detected.containsKey(f);
            try {
              FastCsv.read(
                  path,
                  name,
                  cs,
                  assumed,
                  unitIndex(cs, indexes),
                  leafIndex(cs),
                  rangeMin,
                  rangeMax,
                  h);
            } catch (FastCsv.UnsuitableException e) {
              throw new Retry(f, e.quotes);
            }
          }
        }
      } catch (IOException e) {
        merge.diags.add(Diagnostic.error("file.unreadable", Location.of(name), e.getMessage()));
      } catch (Tables.ReadException e) {
        merge.diags.add(
            Diagnostic.error("file.malformed", Location.of(name, e.line(), 0), e.getMessage()));
      } catch (FastCsv.ConflictException | TooLarge | Retry e) {
        throw e; // handled by read(): a re-read in file order, or data.memory
      } catch (RuntimeException e) {
        // something in a file no check foresaw: a diagnostic for that file, never a crash
        merge.diags.add(
            Diagnostic.error("file.malformed", Location.of(name), String.valueOf(e.getMessage())));
      }
      h.finish();
    }
    return result(merge, partial);
  }

  /**
   * Reads in-memory tables in the long layout ({@code unit, period, indicator, value} cells, one
   * table per source name) through the same rules as a file's rows: for {@link DatasetBuilder}.
   */
  Loaded<Dataset> readTables(List<String> names, List<List<TableRow>> tables) {
    Merge merge = new Merge(true);
    for (int f = 0; f < names.size(); f++) {
      String name = names.get(f);
      merge.fileNames.add(name);
      FileHandler h = new FileHandler(merge, f, name);
      h.startTable(null);
      h.row(TableRow.of(name, 1, "unit", "period", "indicator", "value"));
      for (TableRow row : tables.get(f)) {
        h.row(row);
      }
      h.finish();
    }
    return result(merge, false);
  }

  /** The merged values as a dataset, with the checks made once every table has been read. */
  private Loaded<Dataset> result(Merge merge, boolean partial) {
    TreeMap<Integer, double[][]> values = merge.values();
    merge.checkStores(values);
    warnUnitsWithoutData(values, merge.diags);
    if (values.isEmpty() && merge.diags.stream().noneMatch(Diagnostic::isError)) {
      merge.diags.add(
          Diagnostic.error("data.none", Location.of(String.join(", ", merge.fileNames))));
    }
    if (merge.diags.stream().anyMatch(Diagnostic::isError) && !partial) {
      return new Loaded<>(null, merge.diags);
    }
    if (values.isEmpty()) {
      return new Loaded<>(
          null,
          merge.diags.isEmpty()
              ? List.of(
                  Diagnostic.error("data.none", Location.of(String.join(", ", merge.fileNames))))
              : merge.diags);
    }
    int first = values.firstKey();
    int last = values.lastKey();
    double[][][] v = new double[last - first + 1][][];
    values.forEach((k, m) -> v[k - first] = m);
    return new Loaded<>(new Dataset(model, units, first, v, merge.fileNames), merge.diags);
  }

  private static long size(Path p) {
    try {
      return java.nio.file.Files.size(p);
    } catch (IOException e) {
      return Long.MAX_VALUE; // read in line, where the error is reported
    }
  }

  /**
   * The tables of a workbook read ahead on another thread; replayed to a handler in the reading
   * thread, so that the merge (and every message) is the same as reading in file order.
   */
  private static final class Staged implements TableHandler {
    private final List<Object> events = new ArrayList<>(); // a Sheet or a row

    private record Sheet(String name) {}

    private Exception failure;

    static Staged read(Path path, String name) {
      Staged s = new Staged();
      try {
        Tables.readXlsx(path, name, s);
      } catch (IOException | Tables.ReadException | RuntimeException e) {
        s.failure = e;
      }
      return s;
    }

    @Override
    public void startTable(String sheet) {
      events.add(new Sheet(sheet));
    }

    @Override
    public void row(TableRow row) {
      events.add(row.copy());
    }

    void replay(TableHandler h) throws IOException, Tables.ReadException {
      for (Object e : events) {
        if (e instanceof Sheet sheet) {
          h.startTable(sheet.name());
        } else {
          h.row((TableRow) e);
        }
      }
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof Tables.ReadException re) {
        throw re;
      }
      if (failure instanceof RuntimeException re) {
        throw re;
      }
    }
  }

  /**
   * Share of the JVM's maximum heap the data columns may take; the evaluation needs about as much
   * again for a month of a large workspace.
   */
  private static final double MEMORY_SHARE = 0.6;

  private final long budget = (long) (Runtime.getRuntime().maxMemory() * MEMORY_SHARE);

  /** Thrown when the data columns would not fit in memory; becomes a {@code data.memory} error. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int months;
    final long bytes;

    TooLarge(int months, long bytes) {
      super("data too large", null, false, false);
      this.months = months;
      this.bytes = bytes;
    }
  }

  /**
   * The state of one merge: values, the diagnostics and, in ordered mode, the provenance of every
   * value. In optimistic mode the fast CSV workers store values concurrently and any conflict
   * aborts the read, which is then redone in ordered mode so that the conflict is reported with
   * both places, deterministically.
   *
   * <p>The concurrent stores are plain ones: a value goes into an empty cell (NaN), and every such
   * store is counted. Two threads can only race for one cell when the file gives it twice, and then
   * both stores are counted for one cell: after the read the count is compared with the cells that
   * hold a value ({@link #checkStores}), and a difference is handled as a conflict (read again in
   * file order, which settles it). A compare-and-set per value instead cost 0.1 s of the 2.7 s of a
   * 1,000,000-unit month (a locked instruction per value keeps the core from overlapping the cache
   * misses of the next rows).
   */
  private final class Merge implements FastCsv.Writer {
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

    Merge(boolean ordered) {
      this.ordered = ordered;
    }

    AtomicReferenceArray<double[]> month(int month) {
      return store.computeIfAbsent(month, k -> new AtomicReferenceArray<>(model.leaves().size()));
    }

    /**
     * An empty column (all NaN) allocated in vain by a thread that lost the race to publish its
     * own, kept for whichever leaf is next to need one.
     */
    private final java.util.concurrent.atomic.AtomicReference<double[]> spare =
        new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * The column of a month's leaf, allocated (all NaN) when first asked for. The workers start
     * together and meet every indicator in their first rows, so they ask for the same new columns
     * at the same moments: each allocates one (on its own core, outside any lock), the first to
     * publish it wins, and the loser's column is kept as the spare that the next new column takes.
     * Before, the loser's column was thrown away (1,000,000 units, October: 464 MB allocated,
     * zeroed and filled for 248 MB of columns, and a full collection of 50 ms), and then, with one
     * thread allocating under a lock, the other waited: 0.15 s with one core busy.
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
        throw new TooLarge(store.size(), allocated.get());
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
        int r = fill(col, unit, value);
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
                  fmt(value),
                  fmt(old),
                  other)
              .withExcerpt(row.excerpt()));
    }

    void report(int file, Diagnostic d) {
      int slot = Math.min(file, perFile.length - 1);
      if (++perFile[slot] <= MAX_DIAGNOSTICS_PER_FILE) {
        diags.add(d);
      }
    }

    /** True when the next diagnostic of {@code file} will be listed (not only counted). */
    boolean shown(int file) {
      return perFile[Math.min(file, perFile.length - 1)] < MAX_DIAGNOSTICS_PER_FILE;
    }

    private String[] sortedIds;
    private final Map<String, String> suggested = new HashMap<>();

    /**
     * The register's ids closest to an unknown one, for the message. Computed once per unknown id
     * (a unit's rows repeat it); over every id of a register of up to {@link #EXACT_SUGGESTIONS}
     * units, and among the ids next to it in sorted order for a larger one (an exhaustive search
     * over a million ids for each of 200 messages took minutes).
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
              if (sortedIds.length > EXACT_SUGGESTIONS) {
                Arrays.sort(sortedIds);
              }
            }
            List<String> pool = Arrays.asList(sortedIds);
            if (sortedIds.length > EXACT_SUGGESTIONS) {
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
     * In optimistic mode, throws a conflict unless every counted store filled a cell of its own
     * (see the class comment); called after the read, when the workers are done.
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
      if (!everyStoreFilledACell(expected, cols)) {
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
        return Merge.this.forWorker();
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
        int r = fill(c, unit, value);
        stored += Math.max(r, 0);
        return r >= 0;
      }
    }
  }

  /**
   * Warns of the units without any value (the first {@link #NODATA_LISTED} by name). A method of
   * its own: its loops over a million units get compiled while they run, and inside {@code read}
   * that meant compiling the whole of it (about 40 ms of the optimising compiler).
   */
  private void warnUnitsWithoutData(TreeMap<Integer, double[][]> values, List<Diagnostic> diags) {
    boolean[] any = unitsWithData(values, units.size());
    int without = 0;
    for (int u = 0; u < any.length; u++) {
      if (!any[u] && ++without <= NODATA_LISTED) {
        Unit unit = units.units().get(u);
        diags.add(
            Diagnostic.warning(
                "data.unit.nodata", Location.of(units.file(), unit.line(), 0), unit.id()));
      }
    }
    if (without > NODATA_LISTED) {
      diags.add(
          Diagnostic.warning(
              "data.unit.nodata.more",
              Location.of(units.file()),
              without - NODATA_LISTED,
              any.length,
              NODATA_LISTED));
    }
  }

  /** Which units have a value anywhere. */
  private static boolean[] unitsWithData(TreeMap<Integer, double[][]> values, int units) {
    boolean[] any = new boolean[units];
    int found = 0;
    for (double[][] month : values.values()) {
      for (double[] col : month) {
        if (col != null) {
          for (int u = 0; u < any.length; u++) {
            if (!any[u] && !Double.isNaN(col[u])) {
              any[u] = true;
              found++;
            }
          }
          if (found == any.length) {
            return any; // every unit has data: no need to look at the other columns
          }
        }
      }
    }
    return any;
  }

  /**
   * Puts {@code v} into cell {@code u} when it is empty (NaN): 1 when stored, 0 when the cell held
   * {@code v} already, -1 when it holds another value (a conflict). A plain store: see {@code
   * Merge} for why concurrent ones are safe.
   */
  private static int fill(double[] col, int u, double v) {
    double old = col[u];
    if (Double.isNaN(old)) {
      col[u] = v;
      return 1;
    }
    return old == v ? 0 : -1;
  }

  /**
   * True when {@code stores} (counted stores into empty cells) equals the number of cells of {@code
   * columns} that hold a value: no cell was filled by two stores (the columns are counted on all
   * cores).
   */
  static boolean everyStoreFilledACell(long stores, List<double[]> columns) {
    long present =
        columns.parallelStream()
            .mapToLong(
                c -> {
                  long n = 0;
                  for (double v : c) {
                    n += v == v ? 1 : 0; // not NaN
                  }
                  return n;
                })
            .sum();
    return present == stores;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** Reads the tables of one file. */
  private final class FileHandler implements TableHandler, FastCsv.Sink {
    final Merge merge;
    final int file;
    final String name;
    String sheet;
    boolean header;
    boolean skip;
    int unitCol;
    int periodCol;
    int indicatorCol;
    int valueCol;
    int[] leafOfCol;

    FileHandler(Merge merge, int file, String name) {
      this.merge = merge;
      this.file = file;
      this.name = name;
    }

    @Override
    public void startTable(String sheet) {
      this.sheet = sheet;
      header = false;
      skip = false;
    }

    @Override
    public FastCsv.Columns header(TableRow row) {
      startTable(null);
      this.row(row);
      if (skip) {
        return null;
      }
      return new FastCsv.Columns(unitCol, periodCol, indicatorCol, valueCol, leafOfCol.clone());
    }

    @Override
    public boolean value(int unit, int month, int leaf, double value, long line) {
      return merge.tryPut(month, leaf, unit, value, file, line);
    }

    @Override
    public void slow(TableRow row) {
      this.row(row);
    }

    @Override
    public FastCsv.Writer concurrentWriter() {
      return merge.ordered ? null : merge;
    }

    void finish() {
      int slot = Math.min(file, merge.perFile.length - 1);
      int over = merge.perFile[slot] - MAX_DIAGNOSTICS_PER_FILE;
      if (over > 0) {
        merge.diags.add(Diagnostic.error("data.more", Location.of(name), over));
      }
    }

    @Override
    public void row(TableRow row) {
      if (skip) {
        return;
      }
      if (!header) {
        header = true;
        readHeader(row);
        return;
      }
      if (row.blank()) {
        return;
      }
      String unitId = row.cell(unitCol);
      int unit = units.indexOf(unitId);
      if (unit < 0) {
        if (!merge.shown(file)) {
          merge.report(file, null); // counted only: building the message would be wasted
          return;
        }
        String code = unitId.isEmpty() ? "data.unit.blank" : "data.unit.unknown";
        merge.report(
            file,
            Diagnostic.error(code, row.at(unitCol), unitId, merge.suggest(unitId))
                .withExcerpt(row.excerpt()));
        return;
      }
      int month = Parse.period(row.cell(periodCol));
      if (month < 0) {
        merge.report(
            file,
            Diagnostic.error("data.period", row.at(periodCol), row.cell(periodCol))
                .withExcerpt(row.excerpt()));
        return;
      }
      if (indicatorCol >= 0) {
        String id = row.cell(indicatorCol);
        int leaf = model.leafIndex(id);
        if (leaf < 0) {
          String code =
              model.node(id).isPresent() ? "data.indicator.inner" : "data.indicator.unknown";
          merge.report(
              file,
              Diagnostic.error(
                      code,
                      row.at(indicatorCol),
                      id,
                      Suggest.siblings(id, leafIds(), 3).toString().replaceAll("[\\[\\]]", ""))
                  .withExcerpt(row.excerpt()));
          return;
        }
        value(row, unit, month, leaf, valueCol);
      } else {
        for (int c = 0; c < leafOfCol.length; c++) {
          if (leafOfCol[c] >= 0) {
            value(row, unit, month, leafOfCol[c], c);
          }
        }
      }
    }

    private void value(TableRow row, int unit, int month, int leaf, int col) {
      String text = row.cell(col);
      double v = Parse.number(text);
      if (Double.isNaN(v) && !Parse.malformed(v)) {
        return; // blank: nothing reported
      }
      Node node = model.leaves().get(leaf);
      if (Parse.malformed(v) || Double.isInfinite(v)) {
        merge.report(
            file,
            Diagnostic.error("data.number", row.at(col), text, node.id())
                .withExcerpt(row.excerpt()));
        return;
      }
      LeafSpec spec = node.leaf();
      if (!spec.plausible(v)) {
        merge.report(
            file,
            Diagnostic.error(
                    "data.range",
                    row.at(col),
                    fmt(v),
                    node.id(),
                    fmt(spec.rangeMin()),
                    fmt(spec.rangeMax()))
                .withExcerpt(row.excerpt()));
        return;
      }
      merge.put(month, leaf, unit, v, file, row, col);
    }

    private void readHeader(TableRow row) {
      if (sheet != null
          && (NOTE_SHEETS.contains(sheet.strip().toLowerCase(java.util.Locale.ROOT))
              || row.cell(0).startsWith(NOTES_MARKER))) {
        skip = true; // a template's notes: never data
        return;
      }
      String[] h = new String[row.size()];
      for (int i = 0; i < h.length; i++) {
        h[i] = Headers.clean(row.cell(i));
      }
      unitCol = Headers.find(h, "unit");
      periodCol = Headers.find(h, "period");
      indicatorCol = Headers.find(h, "indicator");
      valueCol = Headers.find(h, "value");
      for (String key : List.of("unit", "period", "indicator", "value")) {
        int twice = Headers.second(h, key);
        if (twice >= 0) {
          // the second one would be ignored without a word
          merge.report(
              file,
              Diagnostic.error("data.header.twice", row.at(twice), h[twice], key)
                  .withExcerpt(row.excerpt()));
          skip = true;
          return;
        }
      }
      leafOfCol = new int[h.length];
      Arrays.fill(leafOfCol, -1);
      int leaves = 0;
      List<Integer> unknown = new ArrayList<>();
      for (int i = 0; i < h.length; i++) {
        int leaf = model.leafIndex(h[i]);
        if (leaf >= 0) {
          leafOfCol[i] = leaf;
          leaves++;
        } else if (i != unitCol
            && i != periodCol
            && h[i].matches("[A-Za-z]+[0-9]+(\\.[0-9A-Za-z]+)+")) {
          unknown.add(i);
        }
      }
      boolean isLong = indicatorCol >= 0 && valueCol >= 0;
      if (unitCol < 0 || periodCol < 0 || (!isLong && leaves == 0)) {
        if (sheet != null && unitCol < 0 && periodCol < 0) {
          merge.diags.add(Diagnostic.warning("data.sheet.ignored", row.at(), sheet));
        } else {
          merge.report(
              file,
              Diagnostic.error("data.header", row.at(), String.join(",", h))
                  .withExcerpt(row.excerpt()));
        }
        skip = true;
        return;
      }
      if (isLong) {
        Arrays.fill(leafOfCol, -1);
        return;
      }
      indicatorCol = -1;
      for (int i : unknown) {
        merge.report(
            file,
            Diagnostic.error(
                    "data.indicator.unknown",
                    row.at(i),
                    h[i],
                    String.join(", ", Suggest.siblings(h[i], leafIds(), 3)))
                .withExcerpt(row.excerpt()));
      }
    }

    private List<String> leafIds() {
      return model.leaves().stream().map(Node::id).toList();
    }
  }
}
