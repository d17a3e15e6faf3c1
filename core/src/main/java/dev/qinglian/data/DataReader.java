package dev.qinglian.data;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.diag.Location;
import dev.qinglian.internal.table.ByteIndex;
import dev.qinglian.internal.table.FastCsv;
import dev.qinglian.internal.table.TableHandler;
import dev.qinglian.internal.table.TableRow;
import dev.qinglian.internal.table.Tables;
import dev.qinglian.model.IndicatorModel;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
  static final java.util.Set<String> NOTE_SHEETS =
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
    DataMerge merge = new DataMerge(model, units, budget, ordered);
    Map<Charset, ByteIndex> indexes = new HashMap<>();
    List<java.util.concurrent.CompletableFuture<Staged>> ahead = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      Path path = files.get(f);
      String name = names.get(f);
      ahead.add(
          files.size() > 1 && Tables.isXlsx(path) && size(path) <= STAGE_BYTES
              ? dev.qinglian.internal.Parallel.alongside(() -> Staged.read(path, name))
              : null);
    }
    for (int f = 0; f < files.size(); f++) {
      Path path = files.get(f);
      String name = names.get(f);
      merge.fileNames.add(name);
      DataFileHandler h = new DataFileHandler(model, units, merge, f, name);
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
    DataMerge merge = new DataMerge(model, units, budget, true);
    for (int f = 0; f < names.size(); f++) {
      String name = names.get(f);
      merge.fileNames.add(name);
      DataFileHandler h = new DataFileHandler(model, units, merge, f, name);
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
  private Loaded<Dataset> result(DataMerge merge, boolean partial) {
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
  static final class TooLarge extends RuntimeException {
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
   * DataMerge} for why concurrent ones are safe.
   */
  static int fill(double[] col, int u, double v) {
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

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
