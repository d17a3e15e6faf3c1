package dev.qinglian.data;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.diag.Location;
import dev.qinglian.internal.RegisterAccess;
import dev.qinglian.internal.table.ByteIndex;
import dev.qinglian.internal.table.FastCsv;
import dev.qinglian.internal.table.RegisterAhead;
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

  static final List<String> KNOWN = List.of("id", "name", "type", "parent", "staff", "served");

  private static final int ID = RegisterColumns.ID;
  private static final int NAME = RegisterColumns.NAME;
  private static final int TYPE = RegisterColumns.TYPE;
  private static final int PARENT = RegisterColumns.PARENT;

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

  private static RegisterColumns fromUnits(List<Unit> units) {
    List<String> keys = new ArrayList<>();
    for (Unit u : units) {
      for (String k : u.extra().keySet()) {
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
    }
    keys.sort(null);
    RegisterColumns c =
        new RegisterColumns(keys.toArray(String[]::new), units.size(), 64L * units.size());
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

  private UnitRegister(RegisterColumns c, ByteIndex ids, String file) {
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
    RegisterCollector c = collect(source, options, name, diags, needStaff, needServed, bytes, true);
    if (c.columns != null && !c.columns.indexDeferred()) {
      diags.clear();
      c = collect(source, options, name, diags, needStaff, needServed, bytes, false);
    }
    if (c.header == null && diags.isEmpty()) {
      diags.add(Diagnostic.error("units.empty", Location.of(name)));
    }
    RegisterColumns cols = c.columns;
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

  /**
   * Reads a UTF-8 register without quotes as bytes: the rows are counted first (the columns are
   * then allocated at their size, not at an estimate nearly twice too large) and the text fields
   * stay in the file's byte array (1,000,000 units: 80 MB less allocated and copied).
   */
  private static void readBytes(byte[] all, FastCsv.Probe probe, RegisterCollector c)
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
  private static RegisterCollector collect(
      RegisterAhead source,
      ReadOptions options,
      String name,
      List<Diagnostic> diags,
      boolean needStaff,
      boolean needServed,
      long bytes,
      boolean deferIds) {
    Path path = source.path();
    RegisterCollector c = new RegisterCollector(name, diags, needStaff, needServed, bytes);
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
              dev.qinglian.internal.Parallel.alongside(() -> Tables.detect(all));
          Exception failed = null;
          try {
            readBytes(all, probe, c);
          } catch (Tables.ReadException | RuntimeException e) {
            failed = e;
          }
          Charset cs = detected.join();
          if (!cs.equals(StandardCharsets.UTF_8)) {
            diags.clear();
            c = new RegisterCollector(name, diags, needStaff, needServed, bytes);
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
}
