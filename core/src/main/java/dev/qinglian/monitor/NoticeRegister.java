package dev.qinglian.monitor;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.diag.Location;
import dev.qinglian.io.CsvCells;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The register of the notices issued (发文登记簿), {@code notices.csv} in the workspace: one row per
 * notice with its document number (发文字号), the unit, the evaluated month, the warning and the
 * notice's date. Numbers run per calendar year of the date from 1, are never reused, and a month's
 * notice to a unit keeps its number and date when the month is run again, so that re-runs reproduce
 * the same documents.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoticeRegister {
  /** The register's file name in a workspace. */
  public static final String FILE = "notices.csv";

  private static final String[] HEADER = {
    "number", "year", "seq", "unit", "period", "warning", "date"
  };

  /**
   * One notice issued.
   *
   * @param number the document number as printed, e.g. 青纪预〔2026〕3号
   * @param year the year of the numbering
   * @param seq the number within the year, from 1
   * @param unit the unit's id
   * @param period the month evaluated
   * @param warning the id of the warning the notice belongs to
   * @param date the notice's date (成文日期)
   */
  public record Entry(
      String number,
      int year,
      int seq,
      String unit,
      YearMonth period,
      String warning,
      LocalDate date) {}

  private final List<Entry> entries;

  private NoticeRegister(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** An empty register. */
  public static NoticeRegister empty() {
    return new NoticeRegister(List.of());
  }

  /** Every notice, in the order issued. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The register with a notice for each of {@code units} (in this order) for month {@code period}:
   * a unit that already has that month's notice keeps its entry; the others are numbered after the
   * highest number of {@code date}'s year with {@code settings}' prefix.
   *
   * @param units unit ids in the order they are numbered (warn numbers them in rank order)
   * @param warnings each unit's warning id
   * @return the new register; {@link #find} gives each unit's entry
   */
  public NoticeRegister issue(
      List<String> units,
      YearMonth period,
      Map<String, String> warnings,
      LocalDate date,
      NoticeSettings settings) {
    Map<String, Entry> have = new HashMap<>();
    int last = 0;
    for (Entry e : entries) {
      if (e.period().equals(period)) {
        have.put(e.unit(), e);
      }
      if (e.year() == date.getYear()) {
        last = Math.max(last, e.seq());
      }
    }
    List<Entry> all = new ArrayList<>(entries);
    for (String u : units) {
      if (!have.containsKey(u)) {
        int seq = ++last;
        Entry e =
            new Entry(
                settings.number(date.getYear(), seq),
                date.getYear(),
                seq,
                u,
                period,
                warnings.getOrDefault(u, ""),
                date);
        all.add(e);
        have.put(u, e);
      }
    }
    return new NoticeRegister(all);
  }

  /** The notice of {@code unit} for {@code period}, or null. */
  public Entry find(String unit, YearMonth period) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      if (e.unit().equals(unit) && e.period().equals(period)) {
        return e;
      }
    }
    return null;
  }

  /** Each unit's notice for {@code period}, by unit id. */
  public Map<String, Entry> of(YearMonth period) {
    Map<String, Entry> m = new HashMap<>();
    for (Entry e : entries) {
      if (e.period().equals(period)) {
        m.put(e.unit(), e);
      }
    }
    return m;
  }

  /** Reads a register; a missing file is an empty register. Every bad row is reported. */
  public static Loaded<NoticeRegister> read(Path file) {
    String name = file.toString();
    if (!Files.exists(file)) {
      return new Loaded<>(empty(), List.of());
    }
    List<Diagnostic> diags = new ArrayList<>();
    List<Entry> out = new ArrayList<>();
    Map<String, Long> numbers = new HashMap<>();
    Map<String, Long> notices = new HashMap<>();
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(file)) {
      boolean header = true;
      for (CsvRecord r : csv) {
        long line = r.getStartingLineNumber();
        if (header) {
          header = false;
          if (!r.getFields().equals(Arrays.asList(HEADER))) {
            diags.add(
                Diagnostic.error(
                    "notices.header", Location.of(name, line, 1), String.join(",", HEADER)));
            break;
          }
          continue;
        }
        Location at = Location.of(name, line, 0);
        Diagnostic problem = null;
        if (r.getFieldCount() != HEADER.length) {
          problem = Diagnostic.error("notices.fields", at, r.getFieldCount(), HEADER.length);
        } else {
          try {
            Entry e =
                new Entry(
                    CsvCells.restore(r.getField(0)),
                    Integer.parseInt(r.getField(1)),
                    Integer.parseInt(r.getField(2)),
                    CsvCells.restore(r.getField(3)),
                    YearMonth.parse(r.getField(4)),
                    CsvCells.restore(r.getField(5)),
                    LocalDate.parse(r.getField(6)));
            Long first = numbers.putIfAbsent(e.year() + "/" + e.seq(), line);
            Long twice = notices.putIfAbsent(e.unit() + "/" + e.period(), line);
            if (e.seq() < 1 || e.year() != e.date().getYear()) {
              problem = Diagnostic.error("notices.number", at, e.seq(), e.year(), e.date());
            } else if (first != null) {
              problem = Diagnostic.error("notices.twice", at, e.number(), first);
            } else if (twice != null) {
              problem = Diagnostic.error("notices.second", at, e.unit(), e.period(), twice);
            } else {
              out.add(e);
            }
          } catch (NumberFormatException | DateTimeParseException e) {
            problem = Diagnostic.error("notices.row", at, e.getMessage());
          }
        }
        if (problem != null) {
          diags.add(problem);
        }
      }
    } catch (IOException | RuntimeException e) {
      diags.add(
          Diagnostic.error("file.unreadable", Location.of(name), String.valueOf(e.getMessage())));
    }
    return Loaded.unlessErrors(() -> new NoticeRegister(out), diags);
  }

  /** The register as CSV text (UTF-8, formula-safe text cells). */
  public String toCsv() {
    StringWriter sw = new StringWriter();
    try (CsvWriter w =
        CsvWriter.builder().lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(sw)) {
      w.writeRecord(HEADER);
      for (Entry e : entries) {
        w.writeRecord(
            CsvCells.neutral(e.number()),
            Integer.toString(e.year()),
            Integer.toString(e.seq()),
            CsvCells.neutral(e.unit()),
            e.period().toString(),
            CsvCells.neutral(e.warning()),
            e.date().toString());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sw.toString();
  }

  /** Writes the register atomically. */
  public void write(Path file) throws IOException {
    dev.qinglian.io.AtomicFiles.write(file, toCsv());
  }
}
