package dev.qinglian.data;

import dev.qinglian.diag.Loaded;
import dev.qinglian.internal.table.TableRow;
import dev.qinglian.model.IndicatorModel;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset from rows at hand — a database query, another system's API — checked by exactly the
 * rules a department's file is checked by: every row goes through the reader's rules for a
 * long-layout table ({@code unit, period, indicator, value}), so an unknown unit or indicator, a
 * malformed period or number, a value outside the indicator's plausible range, an infinite value
 * and the same cell given twice with different values are {@link dev.qinglian.diag.Diagnostic}s of
 * {@link #build()}, with the same codes and messages as for a file.
 *
 * <p>Each row names its source: a file name and line, or any text that says where it came from in
 * messages (a table and a row key, {@code "db:petitions"} with the row's id as its line). Rows of
 * one source are checked in the order added; sources in the order first seen.
 *
 * <p>Values may be given as text (read as a file's cell is: {@code 95%}, {@code 1,234.5},
 * full-width digits; blank is "not reported") or as numbers; a number that is not finite (NaN,
 * infinity) is reported as not a number, as its text would be in a file.
 *
 * <p>A builder is not thread-safe; the dataset it builds is immutable.
 */
public final class DatasetBuilder {
  private final IndicatorModel model;
  private final UnitRegister units;
  private final Map<String, List<TableRow>> sources = new LinkedHashMap<>();

  /** A builder for data of {@code model}'s indicators and {@code units}' units. */
  public DatasetBuilder(IndicatorModel model, UnitRegister units) {
    this.model = Objects.requireNonNull(model, "model");
    this.units = Objects.requireNonNull(units, "units");
  }

  /**
   * Adds a row with its value as text.
   *
   * @param unit the unit id
   * @param period the month as text ({@code 2026-10}, {@code 2026年10月}…)
   * @param indicator the indicator (leaf) id
   * @param value the value as a cell would hold it; blank for "not reported"
   * @param source where the row comes from, as messages name it
   * @param line the row's line or number within its source (≥ 1)
   * @return this builder
   */
  public DatasetBuilder add(
      String unit, String period, String indicator, String value, String source, long line) {
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1, not " + line);
    }
    sources
        .computeIfAbsent(Objects.requireNonNull(source, "source"), k -> new ArrayList<>())
        .add(
            TableRow.of(
                source,
                line,
                Objects.requireNonNullElse(unit, ""),
                Objects.requireNonNullElse(period, ""),
                Objects.requireNonNullElse(indicator, ""),
                Objects.requireNonNullElse(value, "")));
    return this;
  }

  /**
   * Adds a row with a numeric value (written as its exact decimal, so that the number read back is
   * the same double).
   *
   * @return this builder
   */
  public DatasetBuilder add(
      String unit, YearMonth period, String indicator, double value, String source, long line) {
    String text =
        Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : Double.toString(value);
    return add(unit, period.toString(), indicator, text, source, line);
  }

  /** Checks every row and builds the dataset, or gives every problem found. */
  public Loaded<Dataset> build() {
    return new DataReader(model, units, ReadOptions.DEFAULTS)
        .readTables(List.copyOf(sources.keySet()), List.copyOf(sources.values()));
  }
}
