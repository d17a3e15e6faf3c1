package dev.qinglian.data;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.diag.Location;
import dev.qinglian.internal.table.FastCsv;
import dev.qinglian.internal.table.Parse;
import dev.qinglian.internal.table.TableHandler;
import dev.qinglian.internal.table.TableRow;
import dev.qinglian.internal.table.Tables;
import dev.qinglian.model.Denominator;
import dev.qinglian.model.IndicatorModel;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units evaluated, in register order, with their staff and population served (the denominators
 * of per-capita indicators).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class UnitRegister {
  private static final List<String> KNOWN =
      List.of("id", "name", "type", "parent", "staff", "served");

  private final List<Unit> units;
  private final Map<String, Integer> index;
  private final String file;

  /**
   * A register of the given units.
   *
   * @param units the units, ids unique
   * @param file the register file name used in diagnostics (may be empty)
   * @throws IllegalArgumentException on a duplicate id
   */
  public UnitRegister(List<Unit> units, String file) {
    this(List.copyOf(units), indexOf(units), file);
  }

  private UnitRegister(List<Unit> units, Map<String, Integer> index, String file) {
    this.units = units;
    this.index = Collections.unmodifiableMap(index);
    this.file = file == null ? "" : file;
  }

  private static Map<String, Integer> indexOf(List<Unit> units) {
    Map<String, Integer> m = new HashMap<>(Math.max(16, units.size() * 4 / 3 + 1));
    for (int i = 0; i < units.size(); i++) {
      if (m.put(units.get(i).id(), i) != null) {
        throw new IllegalArgumentException("duplicate unit " + units.get(i).id());
      }
    }
    return m;
  }

  /** The units in register order. */
  public List<Unit> units() {
    return units;
  }

  /** Number of units. */
  public int size() {
    return units.size();
  }

  /** Position of a unit, or -1. */
  public int indexOf(String id) {
    Integer i = index.get(id);
    return i == null ? -1 : i;
  }

  /** The unit with this id. */
  public Optional<Unit> unit(String id) {
    int i = indexOf(id);
    return i < 0 ? Optional.empty() : Optional.of(units.get(i));
  }

  /** The file the register was read from, or empty. */
  public String file() {
    return file;
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
    Collector c = new Collector(name, diags, needStaff, needServed, bytes);
    try {
      if (Tables.isXlsx(path)) {
        Tables.readXlsx(path, name, c);
      } else {
        FastCsv.Probe probe = FastCsv.probe(path);
        if (probe.quotes()) {
          Tables.readCsv(path, name, options.charset(), c);
        } else {
          Charset cs =
              options.charset() != null
                  ? options.charset()
                  : probe.bom() || !probe.nonAscii()
                      ? java.nio.charset.StandardCharsets.UTF_8
                      : Tables.detect(path);
          FastCsv.readRows(path, name, cs, c);
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
    if (c.header == null && diags.isEmpty()) {
      diags.add(Diagnostic.error("units.empty", Location.of(name)));
    }
    for (Unit u : c.units) {
      if (!u.parent().isEmpty() && !c.index.containsKey(u.parent())) {
        diags.add(
            Diagnostic.error("units.parent", Location.of(name, u.line(), 0), u.id(), u.parent()));
      }
    }
    if (diags.stream().anyMatch(Diagnostic::isError)) {
      return new Loaded<>(null, diags);
    }
    return new Loaded<>(new UnitRegister(List.copyOf(c.units), c.index, name), diags);
  }

  /** Collects units from the rows of the register. */
  private static final class Collector implements TableHandler {
    final String file;
    final List<Diagnostic> diags;
    final boolean needStaff;
    final boolean needServed;
    final List<Unit> units = new ArrayList<>();
    final Map<String, Integer> index;
    String[] header;
    int[] cols;
    int[] extraCols;
    boolean done;

    Collector(
        String file, List<Diagnostic> diags, boolean needStaff, boolean needServed, long bytes) {
      this.index = new HashMap<>((int) Math.min(1 << 26, Math.max(16, bytes / 16)));
      this.file = file;
      this.diags = diags;
      this.needStaff = needStaff;
      this.needServed = needServed;
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
        return;
      }
      String id = row.cell(cols[0]);
      if (id.isEmpty()) {
        diags.add(Diagnostic.error("units.id.blank", row.at(cols[0])).withExcerpt(row.excerpt()));
        return;
      }
      Integer first = index.putIfAbsent(id, units.size());
      if (first != null) {
        diags.add(
            Diagnostic.error("units.id.duplicate", row.at(cols[0]), id, units.get(first).line())
                .withExcerpt(row.excerpt()));
        return;
      }
      double staff = count(row, id, cols[4], "staff", needStaff);
      double served = count(row, id, cols[5], "served", needServed);
      Map<String, String> extra = Map.of();
      if (extraCols.length > 0) {
        extra = new LinkedHashMap<>();
        for (int i : extraCols) {
          extra.put(header[i], row.cell(i));
        }
      }
      units.add(
          new Unit(
              id,
              row.cell(cols[1]),
              cols[2] < 0 ? "" : row.cell(cols[2]),
              cols[3] < 0 ? "" : row.cell(cols[3]),
              staff,
              served,
              extra,
              row.line()));
    }

    private double count(TableRow row, String id, int col, String what, boolean required) {
      if (col < 0) {
        return Double.NaN;
      }
      double v = Parse.number(row.cell(col));
      if (Parse.malformed(v) || v < 0 || Double.isInfinite(v)) {
        diags.add(
            Diagnostic.error("units.number", row.at(col), what, row.cell(col))
                .withExcerpt(row.excerpt()));
        return Double.NaN;
      }
      if (required && !(v > 0)) {
        diags.add(
            Diagnostic.error("units.denominator", row.at(col), id, what)
                .withExcerpt(row.excerpt()));
      }
      return v;
    }
  }
}
