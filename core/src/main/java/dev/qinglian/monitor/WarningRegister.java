package dev.qinglian.monitor;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.diag.Location;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.Band;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The register of warnings (预警台账), kept in the workspace as {@code warnings.csv} so that the
 * monthly loop evaluate → warn → rectify → evaluate continues without losing history.
 *
 * <p>Updating with a month's result: a unit that is non-green and has no open warning gets one; a
 * unit whose colour is worse than its open warning's gets a new one and the old one is closed as
 * {@code escalated}; a unit that is green again has its open warning closed as {@code green}. Units
 * with insufficient data are left as they are. Updating twice with the same month changes nothing
 * the second time. Months are expected in order.
 *
 * <p>Instances are immutable and thread-safe. {@link #update} makes a large month's warnings in
 * parallel, in the {@link java.util.concurrent.ForkJoinPool} of the calling thread, else in the
 * common pool.
 */
public final class WarningRegister {
  /** The register's file name in a workspace. */
  public static final String FILE = "warnings.csv";

  private static final String[] HEADER = {
    "id",
    "unit",
    "name",
    "opened",
    "colour",
    "index",
    "weakest",
    "costliest",
    "status",
    "closed",
    "closed_as"
  };

  private final List<Warning> warnings;

  WarningRegister(List<Warning> warnings) {
    this.warnings = List.copyOf(warnings);
  }

  /** A register without warnings. */
  public static WarningRegister empty() {
    return new WarningRegister(List.of());
  }

  /** Every warning, in the order opened. */
  public List<Warning> warnings() {
    return warnings;
  }

  /** The open warnings. */
  public List<Warning> open() {
    return warnings.stream().filter(Warning::isOpen).toList();
  }

  /** The result of an update. */
  public record Update(
      WarningRegister register, List<Warning> opened, List<Warning> closed, List<Warning> open) {
    /** Copies the lists. */
    public Update {
      opened = List.copyOf(opened);
      closed = List.copyOf(closed);
      open = List.copyOf(open);
    }
  }

  /** The register after the month of {@code result} (see the class comment). */
  public Update update(PeriodResult result) {
    YearMonth p = result.period();
    List<Band> bands = result.model().bands();
    List<Warning> all = new ArrayList<>(warnings);
    List<Warning> opened = new ArrayList<>();
    List<Warning> closed = new ArrayList<>();
    // each unit's open warning, by position in `all` (a scan of `all` per unit was quadratic:
    // 300,000 units, 91,647 warnings, minutes)
    Map<String, Integer> openAt = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).isOpen()) {
        openAt.put(all.get(i).unit(), i);
      }
    }
    List<Integer> toOpen = new ArrayList<>(); // units whose new warning is made after the loop
    for (int u : result.rankOrder()) {
      String unitId = result.units().id(u);
      int rank = bands.indexOf(result.band(u));
      if (rank < 0) {
        continue; // insufficient data: no information
      }
      int open = openAt.getOrDefault(unitId, -1);
      Warning current = open < 0 ? null : all.get(open);
      if (current != null && current.opened().equals(p)) {
        continue; // this month was already applied
      }
      if (rank == 0) {
        if (current != null) {
          Warning c = current.close(p, "green");
          all.set(open, c);
          openAt.remove(unitId);
          closed.add(c);
        }
        continue;
      }
      if (current != null
          && rank <= bands.indexOf(result.model().band(current.colour()).orElse(bands.get(0)))) {
        continue; // still warned, not worse
      }
      if (current != null) {
        Warning c = current.close(p, "escalated");
        all.set(open, c);
        openAt.remove(unitId);
        closed.add(c);
      }
      all.add(null); // the new warning, made below
      openAt.put(unitId, all.size() - 1);
      opened.add(null);
      toOpen.add(u);
    }
    // the new warnings' explanations in register order, not rank order: each reads a unit across
    // every column of the month, and columns read in order stay in the cache (300,000 units:
    // 4.5 s in rank order, about 1 s in register order)
    int[] sorted =
        java.util.stream.IntStream.range(0, toOpen.size())
            .boxed()
            .sorted(java.util.Comparator.comparingInt(toOpen::get))
            .mapToInt(Integer::intValue)
            .toArray();
    int firstNew = all.size() - toOpen.size();
    Explanation.Explainer explainer = Explanation.explainer(result);
    Warning[] made = new Warning[sorted.length];
    // independent of each other: on every core for a large month (91,647 warnings: 2 s on one)
    java.util.stream.IntStream range = java.util.stream.IntStream.range(0, sorted.length);
    (sorted.length >= 4096 ? range.parallel() : range)
        .forEach(j -> made[j] = opened(result, explainer, toOpen.get(sorted[j])));
    for (int j = 0; j < sorted.length; j++) {
      all.set(firstNew + sorted[j], made[j]);
      opened.set(sorted[j], made[j]);
    }
    WarningRegister next = new WarningRegister(all);
    return new Update(next, opened, closed, next.open());
  }

  /**
   * The warning opened for unit {@code u} this month (a method of its own: the JIT compiles it
   * after a few calls, where the loop's body compiled on the stack was thrown away and recompiled
   * mid-way, 2 s of a 91,647-warning month in the interpreter).
   */
  private static Warning opened(PeriodResult result, Explanation.Explainer explainer, int u) {
    String id = result.units().id(u);
    Explanation.Summary why = explainer.summary(u, 2, 3, null, 0);
    return new Warning(
        "W-" + result.period() + "-" + id,
        id,
        result.units().name(u),
        result.period(),
        result.band(u).id(),
        result.index(u),
        why.weakestDimensions().stream().map(n -> n.node().id()).toList(),
        why.costliestLeaves().stream().map(n -> n.node().id()).toList(),
        null,
        "");
  }

  /** Reads a register; a missing file is an empty register. */
  public static Loaded<WarningRegister> read(Path file) {
    String name = file.toString();
    if (!Files.exists(file)) {
      return new Loaded<>(empty(), List.of());
    }
    List<Diagnostic> diags = new ArrayList<>();
    List<Warning> out = new ArrayList<>();
    Map<String, Integer> openAt = new HashMap<>();
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(file)) {
      boolean header = true;
      for (CsvRecord r : csv) {
        if (header) {
          header = false;
          if (!r.getFields().equals(Arrays.asList(HEADER))) {
            diags.add(
                Diagnostic.error(
                    "warnings.header",
                    Location.of(name, r.getStartingLineNumber(), 1),
                    String.join(",", HEADER)));
            break;
          }
          continue;
        }
        long line = r.getStartingLineNumber();
        Location at = Location.of(name, line, 0);
        if (r.getFieldCount() != HEADER.length) {
          diags.add(Diagnostic.error("warnings.fields", at, r.getFieldCount(), HEADER.length));
          continue;
        }
        Diagnostic problem = null;
        Warning w = null;
        try {
          double index = Double.parseDouble(r.getField(5));
          String status = r.getField(8);
          String closedAs = r.getField(10);
          YearMonth opened = YearMonth.parse(r.getField(3));
          YearMonth closed = r.getField(9).isEmpty() ? null : YearMonth.parse(r.getField(9));
          if (!(index >= 0 && index <= 100)) {
            problem = Diagnostic.error("warnings.index", at, r.getField(5));
          } else if (!status.equals("open") && !status.equals("closed")) {
            problem = Diagnostic.error("warnings.status", at, status);
          } else if (status.equals("open") != (closed == null)) {
            problem = Diagnostic.error("warnings.closed", at, status, r.getField(9));
          } else if (closed != null && closed.isBefore(opened)) {
            problem = Diagnostic.error("warnings.order", at, closed, opened);
          } else if (closed != null && !closedAs.equals("green") && !closedAs.equals("escalated")) {
            problem = Diagnostic.error("warnings.closedas", at, closedAs);
          } else if (closed == null && !closedAs.isEmpty()) {
            problem = Diagnostic.error("warnings.openas", at, closedAs);
          } else {
            w =
                new Warning(
                    unsafe(r.getField(0)),
                    unsafe(r.getField(1)),
                    unsafe(r.getField(2)),
                    opened,
                    unsafe(r.getField(4)),
                    index,
                    split(unsafe(r.getField(6))),
                    split(unsafe(r.getField(7))),
                    closed,
                    closedAs);
          }
        } catch (DateTimeParseException | NumberFormatException e) {
          problem = Diagnostic.error("warnings.row", at, e.getMessage());
        } catch (IllegalArgumentException e) {
          problem = Diagnostic.error("warnings.row", at, e.getMessage());
        }
        if (problem != null) {
          diags.add(problem);
          continue;
        }
        Integer first = openAt.get(w.unit());
        if (w.isOpen() && first != null) {
          diags.add(Diagnostic.error("warnings.second", at, w.unit(), first));
          continue;
        }
        if (w.isOpen()) {
          openAt.put(w.unit(), (int) line);
        }
        out.add(w);
      }
    } catch (IOException | RuntimeException e) {
      diags.add(
          Diagnostic.error("file.unreadable", Location.of(name), String.valueOf(e.getMessage())));
    }
    return Loaded.unlessErrors(() -> new WarningRegister(out), diags);
  }

  private static List<String> split(String s) {
    return s.isEmpty() ? List.of() : List.of(s.split(";"));
  }

  /** The register as CSV text (UTF-8, formula-safe names). */
  public String toCsv() {
    StringWriter sw = new StringWriter();
    try (CsvWriter w =
        CsvWriter.builder().lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(sw)) {
      w.writeRecord(HEADER);
      for (Warning x : warnings) {
        w.writeRecord(
            safe(x.id()),
            safe(x.unit()),
            safe(x.name()),
            x.opened().toString(),
            safe(x.colour()),
            fixed4(x.index()),
            safe(String.join(";", x.weakest())),
            safe(String.join(";", x.costliest())),
            x.isOpen() ? "open" : "closed",
            x.closed() == null ? "" : x.closed().toString(),
            x.closedAs());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sw.toString();
  }

  /** Writes the register atomically (temporary file in the same folder, then moved into place). */
  public void write(Path file) throws IOException {
    dev.qinglian.io.AtomicFiles.write(file, toCsv());
  }

  /**
   * {@code String.format(Locale.ROOT, "%.4f", v)}, which parses its pattern at every call (half a
   * second of a register of 91,647 warnings): the same digits, those of {@link Double#toString}
   * rounded half up, as {@link java.util.Formatter} takes them. Zero, negative and non-finite
   * values go to the formatter itself.
   */
  static String fixed4(double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      return String.format(Locale.ROOT, "%.4f", v);
    }
    return new java.math.BigDecimal(Double.toString(v))
        .setScale(4, java.math.RoundingMode.HALF_UP)
        .toPlainString();
  }

  private static String safe(String s) {
    return dev.qinglian.io.CsvCells.neutral(s);
  }

  private static String unsafe(String s) {
    return dev.qinglian.io.CsvCells.restore(s);
  }
}
