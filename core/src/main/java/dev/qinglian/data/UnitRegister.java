package dev.qinglian.data;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.diag.Location;
import dev.qinglian.internal.Ids;
import dev.qinglian.internal.RegisterAccess;
import dev.qinglian.internal.table.ByteIndex;
import dev.qinglian.internal.table.FastCsv;
import dev.qinglian.internal.table.Parse;
import dev.qinglian.internal.table.RegisterAhead;
import dev.qinglian.internal.table.TableHandler;
import dev.qinglian.internal.table.TableRow;
import dev.qinglian.internal.table.Tables;
import dev.qinglian.model.Denominator;
import dev.qinglian.model.IndicatorModel;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The units evaluated, in register order, with their staff and population served (the denominators
 * of per-capita indicators).
 *
 * <p>The register is stored by column: the text of every field is one UTF-8 byte array and the
 * units are positions in it, so a national register of a million units costs about its file size in
 * memory and no object per unit; {@link #units()} builds {@link Unit} values on demand, and {@link
 * #id(int)}, {@link #name(int)} and {@link #type(int)} read single fields.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class UnitRegister {
  static {
    RegisterAccess.install(
        new RegisterAccess.Reader() {
          @Override
          public byte[] gatherUtf8(
              UnitRegister units, RegisterAccess.Field f, int[] us, int[] ends, int at) {
            return units.gatherUtf8(f, us, ends, at);
          }

          @Override
          public Loaded<UnitRegister> read(
              RegisterAhead ahead, IndicatorModel model, ReadOptions options) {
            return UnitRegister.read(ahead, model, options);
          }
        });
  }

  private static final List<String> KNOWN =
      List.of("id", "name", "type", "parent", "staff", "served");

  /** Field positions in the text columns: id, name, type, parent, then the extra columns. */
  private static final int ID = 0;

  private static final int NAME = 1;
  private static final int TYPE = 2;
  private static final int PARENT = 3;

  private final byte[] pool;
  private final int[][] from; // [field][unit]; -1 when an extra field is absent
  private final int[][] to;
  private final double[] staff;
  private final double[] served;
  private final long[] lines;
  private final String[] extraKeys;
  private final int size;
  private final ByteIndex index;
  private final String file;
  private final List<Unit> view;

  /**
   * A register of the given units.
   *
   * @param units the units, ids unique
   * @param file the register file name used in diagnostics (may be empty)
   * @throws IllegalArgumentException on a duplicate id
   */
  public UnitRegister(List<Unit> units, String file) {
    this(fromUnits(units), null, file);
  }

  private static Columns fromUnits(List<Unit> units) {
    List<String> keys = new ArrayList<>();
    for (Unit u : units) {
      for (String k : u.extra().keySet()) {
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
    }
    keys.sort(null);
    Columns c = new Columns(keys.toArray(String[]::new), units.size(), 64L * units.size());
    for (Unit u : units) {
      int row = c.begin(u.line());
      c.text(ID, u.id());
      if (c.addId() >= 0) {
        throw new IllegalArgumentException("duplicate unit " + u.id());
      }
      c.text(NAME, u.name());
      c.text(TYPE, u.type());
      c.text(PARENT, u.parent());
      for (int k = 0; k < keys.size(); k++) {
        String v = u.extra().get(keys.get(k));
        if (v != null) {
          c.text(PARENT + 1 + k, v);
        }
      }
      c.staff[row] = u.staff();
      c.served[row] = u.served();
      c.commit();
    }
    return c;
  }

  private UnitRegister(Columns c, ByteIndex ids, String file) {
    this.size = c.n;
    this.from = new int[c.from.length][];
    this.to = new int[c.to.length][];
    for (int f = 0; f < from.length; f++) {
      from[f] = exact(c.from[f], size);
      to[f] = exact(c.to[f], size);
    }
    this.staff = c.staff.length == size ? c.staff : Arrays.copyOf(c.staff, size);
    this.served = c.served.length == size ? c.served : Arrays.copyOf(c.served, size);
    this.lines = c.lines.length == size ? c.lines : Arrays.copyOf(c.lines, size);
    this.extraKeys = c.extraKeys;
    this.index = ids != null ? ids : c.ids.build(c.trimPool());
    this.pool = c.pool; // trimmed above (or the register file itself), shared with the index
    this.file = file == null ? "" : file;
    this.view = new View();
  }

  private static int[] exact(int[] a, int size) {
    return a.length == size ? a : Arrays.copyOf(a, size); // a column sized right is taken over
  }

  /** The units in register order (built on demand; immutable). */
  public List<Unit> units() {
    return view;
  }

  /** Number of units. */
  public int size() {
    return size;
  }

  /** Position of a unit, or -1. */
  public int indexOf(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    return index.get(b, 0, b.length);
  }

  /** The unit with this id. */
  public Optional<Unit> unit(String id) {
    int i = indexOf(id);
    return i < 0 ? Optional.empty() : Optional.of(view.get(i));
  }

  /**
   * The unit an id typed by a person means: the id itself, or else the one id equal to it but for
   * case; -1 when there is none (or several).
   */
  public int lenientIndexOf(String id) {
    int exact = indexOf(id);
    if (exact >= 0) {
      return exact;
    }
    int found = -1;
    for (int u = 0; u < size; u++) {
      if (id(u).equalsIgnoreCase(id)) {
        if (found >= 0) {
          return -1; // ambiguous
        }
        found = u;
      }
    }
    return found;
  }

  /** Up to {@code max} ids closest to {@code id} (edit distance), for "did you mean". */
  public List<String> closest(String id, int max) {
    return dev.qinglian.internal.Suggest.closest(
        id, java.util.stream.IntStream.range(0, size).mapToObj(this::id).toList(), max);
  }

  /** The id of the unit at position {@code u} (without building a {@link Unit}). */
  public String id(int u) {
    return text(ID, u);
  }

  /** The display name of the unit at position {@code u} (its id when the register has none). */
  public String name(int u) {
    return to[NAME][u] > from[NAME][u] ? text(NAME, u) : id(u);
  }

  /** The type of the unit at position {@code u}, or empty. */
  public String type(int u) {
    return text(TYPE, u);
  }

  /**
   * The value of column {@code column} for the unit at position {@code u}: {@code type} or an extra
   * column of the register; null when the register has no such column (see {@link #hasColumn}).
   */
  public String column(int u, String column) {
    if (column.equals("type")) {
      return type(u);
    }
    for (int k = 0; k < extraKeys.length; k++) {
      if (extraKeys[k].equals(column)) {
        String v = text(PARENT + 1 + k, u);
        return v == null ? "" : v;
      }
    }
    return null;
  }

  /** True when the register has column {@code column} ({@code type} always). */
  public boolean hasColumn(String column) {
    return column.equals("type") || java.util.Arrays.asList(extraKeys).contains(column);
  }

  /** See {@link RegisterAccess.Reader#gatherUtf8}. */
  private byte[] gatherUtf8(RegisterAccess.Field f, int[] us, int[] ends, int at) {
    int n = us.length;
    int[] fs = new int[n];
    int[] ts = new int[n];
    int[] fc = from[f == RegisterAccess.Field.TYPE ? TYPE : ID];
    int[] tc = to[f == RegisterAccess.Field.TYPE ? TYPE : ID];
    for (int i = 0; i < n; i++) {
      fs[i] = fc[us[i]];
    }
    for (int i = 0; i < n; i++) {
      ts[i] = tc[us[i]];
    }
    if (f == RegisterAccess.Field.NAME) {
      int[] fn = from[NAME];
      int[] tn = to[NAME];
      for (int i = 0; i < n; i++) {
        int a = fn[us[i]];
        int b = tn[us[i]];
        if (b > a) {
          fs[i] = a;
          ts[i] = b;
        }
      }
    }
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += Math.max(0, ts[i] - fs[i]);
      ends[at + i] = total;
    }
    byte[] out = new byte[total];
    int p = 0;
    for (int i = 0; i < n; i++) {
      int len = Math.max(0, ts[i] - fs[i]);
      System.arraycopy(pool, Math.max(0, fs[i]), out, p, len);
      p += len;
    }
    return out;
  }

  /** Staff of the unit at position {@code u}, NaN when not given. */
  public double staff(int u) {
    return staff[u];
  }

  /** Population served by the unit at position {@code u}, NaN when not given. */
  public double served(int u) {
    return served[u];
  }

  /** The file the register was read from, or empty. */
  public String file() {
    return file;
  }

  /** The unit ids as UTF-8 bytes, indexed by position (for the fast CSV reader). */
  ByteIndex utf8Ids() {
    return index;
  }

  private String text(int field, int u) {
    int f = from[field][u];
    return f < 0 ? null : new String(pool, f, to[field][u] - f, StandardCharsets.UTF_8);
  }

  /** The units as records, built on demand. */
  private final class View extends AbstractList<Unit> implements RandomAccess {
    @Override
    public Unit get(int u) {
      Objects.checkIndex(u, size);
      Map<String, String> extra = Map.of();
      if (extraKeys.length > 0) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < extraKeys.length; k++) {
          String v = text(PARENT + 1 + k, u);
          if (v != null) {
            m.put(extraKeys[k], v);
          }
        }
        extra = m;
      }
      return new Unit(
          id(u), name(u), type(u), text(PARENT, u), staff[u], served[u], extra, lines[u]);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /**
   * Reads a register with detected encoding. See {@link #read(Path, IndicatorModel, ReadOptions)}.
   */
  public static Loaded<UnitRegister> read(Path path, IndicatorModel model) {
    return read(path, model, ReadOptions.DEFAULTS);
  }

  /**
   * Reads {@code units.csv} (or an XLSX register): columns {@code id,name,type,parent,staff,served}
   * (Chinese headers accepted), extra columns kept. Every problem is reported: missing columns,
   * blank or duplicate ids, malformed or negative numbers, unknown parents, and a missing staff or
   * population figure when the model has indicators divided by it.
   */
  public static Loaded<UnitRegister> read(Path path, IndicatorModel model, ReadOptions options) {
    return read(RegisterAhead.named(path), model, options);
  }

  /**
   * {@link #read(Path, IndicatorModel, ReadOptions)} of a file read ahead ({@link
   * RegisterAhead#of}): the same register and the same messages.
   */
  private static Loaded<UnitRegister> read(
      RegisterAhead source, IndicatorModel model, ReadOptions options) {
    Path path = source.path();
    String name = path.toString();
    List<Diagnostic> diags = new ArrayList<>();
    boolean needStaff = false;
    boolean needServed = false;
    for (var leaf : model.leaves()) {
      needStaff |= leaf.leaf().denominator().base() == Denominator.Base.STAFF;
      needServed |= leaf.leaf().denominator().base() == Denominator.Base.SERVED;
    }
    long bytes;
    try {
      bytes = java.nio.file.Files.size(path);
    } catch (IOException e) {
      bytes = 0;
    }
    // ids indexed after the rows, in one tight loop whose memory reads overlap (1,000,000 ids:
    // 0.2 s inserted row by row between the other fields' work, 0.05 s this way); a duplicate id
    // (an error anyway) reads the file again indexing row by row, for the messages of that path
    Collector c = collect(source, options, name, diags, needStaff, needServed, bytes, true);
    if (c.columns != null && !c.columns.indexDeferred()) {
      diags.clear();
      c = collect(source, options, name, diags, needStaff, needServed, bytes, false);
    }
    if (c.header == null && diags.isEmpty()) {
      diags.add(Diagnostic.error("units.empty", Location.of(name)));
    }
    Columns cols = c.columns;
    ByteIndex ids = cols == null ? null : cols.ids.build(cols.trimPool());
    if (cols != null) {
      for (int u = 0; u < cols.n; u++) {
        int pf = cols.from[PARENT][u];
        int pt = cols.to[PARENT][u];
        if (pt > pf && ids.get(cols.pool, pf, pt) < 0) {
          diags.add(
              Diagnostic.error(
                  "units.parent",
                  Location.of(name, cols.lines[u], 0),
                  cols.string(ID, u),
                  cols.string(PARENT, u)));
        }
      }
    }
    boolean failed = diags.stream().anyMatch(Diagnostic::isError);
    if (diags.size() > DataReader.MAX_DIAGNOSTICS_PER_FILE) {
      // a register of another format or another county: the first problems say what is wrong
      int more = diags.size() - DataReader.MAX_DIAGNOSTICS_PER_FILE;
      boolean errors =
          diags.subList(DataReader.MAX_DIAGNOSTICS_PER_FILE, diags.size()).stream()
              .anyMatch(Diagnostic::isError);
      diags = new ArrayList<>(diags.subList(0, DataReader.MAX_DIAGNOSTICS_PER_FILE));
      diags.add(
          errors
              ? Diagnostic.error("data.more", Location.of(name), more)
              : Diagnostic.warning("data.more", Location.of(name), more));
    }
    if (failed || cols == null) {
      return new Loaded<>(null, diags);
    }
    UnitRegister r = new UnitRegister(cols, ids, name);
    String by = model.missing().groupBy();
    if (model.missing().kind() == dev.qinglian.model.MissingPolicy.Kind.GROUP_MEAN
        && !r.hasColumn(by)) { // the groups of the imputation are a column the register lacks
      diags.add(Diagnostic.error("units.groupby", Location.of(name, 1, 1), by));
      return new Loaded<>(null, diags);
    }
    return new Loaded<>(r, diags);
  }

  /** The register being built: growing text columns over one byte pool. Not thread-safe. */
  private static final class Columns {
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

    Columns(String[] extraKeys, int expected, long poolBytes) {
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
    Columns(String[] extraKeys, int expected, byte[] file) {
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
      alongside = java.util.concurrent.CompletableFuture.supplyAsync(this::indexPublished);
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
     * Indexes the ids of all rows read without indexing them; false at the first duplicate (the
     * index is then incomplete and the file must be read again indexing row by row).
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
      return new String(
          pool, from[field][u], to[field][u] - from[field][u], StandardCharsets.UTF_8);
    }
  }

  /** One row of the register: text cells (general reader) or byte slices (fast reader). */
  private interface Row {
    /** The row as a table row, for messages. */
    TableRow table();

    /** True when cell {@code col} is absent or blank. */
    boolean blank(int col);

    /** Cell {@code col}, trimmed. */
    String text(int col);

    /** True when cell {@code col} is printable ASCII only (then {@link Ids#problem} has none). */
    default boolean plainAscii(int col) {
      return false;
    }

    /** Copies cell {@code col}, trimmed, into {@code field} of the current register row. */
    void copy(int col, int field, Columns c);

    /** Cell {@code col} as a number ({@link Parse#number} semantics). */
    double number(int col);
  }

  /** A row from the general reader. */
  private static final class TextRow implements Row {
    TableRow row;

    @Override
    public TableRow table() {
      return row;
    }

    @Override
    public boolean blank(int col) {
      return row.cell(col).isEmpty();
    }

    @Override
    public String text(int col) {
      return row.cell(col);
    }

    @Override
    public void copy(int col, int field, Columns c) {
      c.text(field, row.cell(col));
    }

    @Override
    public double number(int col) {
      return Parse.number(row.cell(col));
    }
  }

  /** A row of a UTF-8 file without quotes, as slices of the file's bytes. */
  private static final class ByteRow implements Row {
    String file;
    byte[] buf;
    int from;
    int to;
    int[] fs;
    int[] fe;
    int nf;
    long line;

    @Override
    public TableRow table() {
      return FastCsv.tableRow(file, line, buf, from, to);
    }

    private int start(int col) {
      int f = fs[col];
      int t = fe[col];
      while (f < t && (buf[f] & 0xff) <= ' ') {
        f++;
      }
      return f;
    }

    private int end(int col) {
      int f = fs[col];
      int t = fe[col];
      while (t > f && (buf[t - 1] & 0xff) <= ' ') {
        t--;
      }
      return t;
    }

    @Override
    public boolean blank(int col) {
      return col < 0 || col >= nf || start(col) == end(col);
    }

    @Override
    public boolean plainAscii(int col) {
      return col < 0 || col >= nf || Ids.plainAscii(buf, start(col), end(col));
    }

    @Override
    public String text(int col) {
      if (col < 0 || col >= nf) {
        return "";
      }
      int f = start(col);
      return new String(buf, f, end(col) - f, StandardCharsets.UTF_8);
    }

    @Override
    public void copy(int col, int field, Columns c) {
      if (col < nf) {
        c.bytes(field, buf, fs[col], fe[col]);
      } else {
        c.bytes(field, buf, 0, 0);
      }
    }

    @Override
    public double number(int col) {
      if (blank(col)) {
        return Double.NaN;
      }
      double v = FastCsv.number(buf, start(col), end(col));
      return Double.isNaN(v) ? Parse.number(text(col)) : v; // 1,234 or 95% or malformed
    }
  }

  /**
   * Reads a UTF-8 register without quotes as bytes: the rows are counted first (the columns are
   * then allocated at their size, not at an estimate nearly twice too large) and the text fields
   * stay in the file's byte array (1,000,000 units: 80 MB less allocated and copied).
   */
  private static void readBytes(byte[] all, FastCsv.Probe probe, Collector c)
      throws Tables.ReadException {
    boolean open = all.length > 0 && all[all.length - 1] != '\n'; // a last line without its end
    c.bytesOfFile = all;
    c.expectedRows = (int) Math.min(Integer.MAX_VALUE, probe.newlines() + (open ? 1 : 0) - 1);
    try {
      FastCsv.readByteRows(all, c);
    } finally {
      if (c.columns != null) {
        c.columns.finish(); // the indexing thread stops, whatever happens to these rows
      }
    }
  }

  /** Collects units from the rows of the register. */
  private static Collector collect(
      RegisterAhead source,
      ReadOptions options,
      String name,
      List<Diagnostic> diags,
      boolean needStaff,
      boolean needServed,
      long bytes,
      boolean deferIds) {
    Path path = source.path();
    Collector c = new Collector(name, diags, needStaff, needServed, bytes);
    c.deferIds = deferIds;
    try {
      if (Tables.isXlsx(path)) {
        Tables.readXlsx(path, name, c);
      } else {
        // one read of the file: scanned (quotes, encoding, lines) and then split in place
        byte[] all =
            source.bytes() != null ? source.bytes() : java.nio.file.Files.readAllBytes(path);
        FastCsv.Probe probe = source.bytes() != null ? source.probe() : FastCsv.probe(all);
        boolean guess = options.charset() == null && !probe.bom() && probe.nonAscii();
        if (guess && !probe.quotes()) {
          // the check that the text is UTF-8 (a whole pass of the decoder) runs beside the
          // byte-level read that assumes it; in the rare other case the rows are read again
          java.util.concurrent.CompletableFuture<Charset> detected =
              java.util.concurrent.CompletableFuture.supplyAsync(() -> Tables.detect(all));
          Exception failed = null;
          try {
            readBytes(all, probe, c);
          } catch (Tables.ReadException | RuntimeException e) {
            failed = e;
          }
          Charset cs = detected.join();
          if (!cs.equals(StandardCharsets.UTF_8)) {
            diags.clear();
            c = new Collector(name, diags, needStaff, needServed, bytes);
            c.deferIds = deferIds;
            Tables.readCsv(path, name, cs, c);
          } else if (failed instanceof Tables.ReadException e) {
            throw e;
          } else if (failed instanceof RuntimeException e) {
            throw e;
          }
          return c;
        }
        Charset cs =
            options.charset() != null
                ? options.charset()
                : guess ? Tables.detect(all) : StandardCharsets.UTF_8;
        if (probe.quotes() || !cs.equals(StandardCharsets.UTF_8)) {
          Tables.readCsv(path, name, cs, c);
        } else {
          readBytes(all, probe, c); // UTF-8 without quotes: fields stay in the file's bytes
        }
      }
    } catch (IOException e) {
      diags.add(Diagnostic.error("file.unreadable", Location.of(name), e.getMessage()));
    } catch (Tables.ReadException e) {
      diags.add(Diagnostic.error("file.malformed", Location.of(name, e.line(), 0), e.getMessage()));
    } catch (RuntimeException e) {
      diags.add(
          Diagnostic.error("file.malformed", Location.of(name), String.valueOf(e.getMessage())));
    }
    return c;
  }

  private static final class Collector implements TableHandler, FastCsv.ByteRows {
    final String file;
    final List<Diagnostic> diags;
    final boolean needStaff;
    final boolean needServed;
    final long bytes;
    final TextRow textRow = new TextRow();
    final ByteRow byteRow = new ByteRow();
    String[] header;
    int[] cols;
    int[] extraCols;
    boolean done;
    boolean deferIds;
    byte[] bytesOfFile; // the whole register, when it is read as bytes: fields stay in it
    int expectedRows = -1;
    Columns columns;

    Collector(
        String file, List<Diagnostic> diags, boolean needStaff, boolean needServed, long bytes) {
      this.file = file;
      this.diags = diags;
      this.needStaff = needStaff;
      this.needServed = needServed;
      this.bytes = bytes;
      byteRow.file = file;
    }

    @Override
    public void startTable(String sheet) {
      if (header != null) {
        done = true; // only the first sheet of a workbook holds the register
      }
    }

    @Override
    public void row(TableRow row) {
      if (done) {
        return;
      }
      if (header == null) {
        header(row);
        return;
      }
      textRow.row = row;
      add(textRow, row.line());
    }

    @Override
    public void row(byte[] buf, int from, int to, int[] fs, int[] fe, int nf, long line) {
      if (done) {
        return;
      }
      if (header == null) {
        header(FastCsv.tableRow(file, line, buf, from, to));
        return;
      }
      ByteRow r = byteRow;
      r.buf = buf;
      r.from = from;
      r.to = to;
      r.fs = fs;
      r.fe = fe;
      r.nf = nf;
      r.line = line;
      add(r, line);
    }

    private void header(TableRow row) {
      header = new String[row.size()];
      for (int i = 0; i < header.length; i++) {
        header[i] = Headers.clean(row.cell(i));
      }
      cols = new int[KNOWN.size()];
      for (int k = 0; k < KNOWN.size(); k++) {
        cols[k] = Headers.find(header, KNOWN.get(k));
      }
      List<Integer> extras = new ArrayList<>();
      for (int i = 0; i < header.length; i++) {
        boolean known = false;
        for (int c : cols) {
          known |= c == i;
        }
        if (!known && !header[i].isEmpty()) {
          extras.add(i);
        }
      }
      extraCols = extras.stream().mapToInt(Integer::intValue).toArray();
      String[] keys = extras.stream().map(i -> header[i]).toArray(String[]::new);
      columns =
          bytesOfFile != null
              ? new Columns(keys, expectedRows, bytesOfFile)
              : new Columns(keys, (int) Math.min(1 << 26, bytes / 24), bytes);
      if (cols[0] < 0 || cols[1] < 0) {
        diags.add(
            Diagnostic.error("units.header", row.at(), String.join(",", header), "id,name")
                .withExcerpt(row.excerpt()));
        done = true;
      }
      List<String> missing = new ArrayList<>();
      if (needStaff && cols[4] < 0) {
        missing.add("staff");
      }
      if (needServed && cols[5] < 0) {
        missing.add("served");
      }
      if (!missing.isEmpty() && !done) {
        diags.add(
            Diagnostic.error(
                    "units.header", row.at(), String.join(",", header), String.join(",", missing))
                .withExcerpt(row.excerpt()));
        done = true;
      }
      if (!done && deferIds && bytesOfFile != null) {
        columns.indexAlongside(); // columns sized for the file's lines: they never grow
      }
    }

    private void add(Row row, long line) {
      Columns c = columns;
      if (row.blank(cols[0])) {
        TableRow t = row.table();
        diags.add(Diagnostic.error("units.id.blank", t.at(cols[0])).withExcerpt(t.excerpt()));
        return;
      }
      String bad = row.plainAscii(cols[0]) ? null : Ids.problem(row.text(cols[0]));
      if (bad != null) {
        TableRow t = row.table();
        diags.add(
            Diagnostic.error("units.id.chars", t.at(cols[0]), row.text(cols[0]), bad)
                .withExcerpt(t.excerpt()));
        return;
      }
      int u = c.begin(line);
      row.copy(cols[0], ID, c);
      int first = deferIds ? -1 : c.addId();
      if (first >= 0) {
        TableRow t = row.table();
        diags.add(
            Diagnostic.error("units.id.duplicate", t.at(cols[0]), row.text(cols[0]), c.lines[first])
                .withExcerpt(t.excerpt()));
        return; // the row is not committed
      }
      c.staff[u] = count(row, cols[4], "staff", needStaff);
      c.served[u] = count(row, cols[5], "served", needServed);
      row.copy(cols[1], NAME, c);
      if (cols[2] >= 0) {
        row.copy(cols[2], TYPE, c);
      }
      if (cols[3] >= 0) {
        row.copy(cols[3], PARENT, c);
      }
      for (int k = 0; k < extraCols.length; k++) {
        row.copy(extraCols[k], PARENT + 1 + k, c);
      }
      c.commit();
    }

    private double count(Row row, int col, String what, boolean required) {
      if (col < 0) {
        return Double.NaN;
      }
      double v = row.number(col);
      if (Parse.malformed(v) || v < 0 || Double.isInfinite(v)) {
        TableRow t = row.table();
        diags.add(
            Diagnostic.error("units.number", t.at(col), what, row.text(col))
                .withExcerpt(t.excerpt()));
        return Double.NaN;
      }
      if (required && !(v > 0)) {
        TableRow t = row.table();
        diags.add(
            Diagnostic.error("units.denominator", t.at(col), row.text(cols[0]), what)
                .withExcerpt(t.excerpt()));
      }
      return v;
    }
  }
}
