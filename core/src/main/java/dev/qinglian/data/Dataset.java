package dev.qinglian.data;

import dev.qinglian.model.IndicatorModel;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The merged data of all source files: for every month and leaf indicator, one column of raw values
 * over the units of the register (NaN where nothing was reported). Storage is columnar, primitive
 * arrays only, allocated for the (month, leaf) pairs that have data.
 *
 * <p>Instances are immutable and thread-safe: no method exposes the arrays.
 */
public final class Dataset {
  static {
    dev.qinglian.internal.SharedColumns.install((d, p, l) -> d.column(d.key(p), l));
  }

  private final IndicatorModel model;
  private final UnitRegister units;
  private final int firstMonth;
  private final double[][][] values;
  private final List<String> files;

  /**
   * Creates a dataset. The arrays are taken over, not copied: callers hand them over and drop them.
   *
   * @param model the model whose {@link IndicatorModel#leaves()} index the columns
   * @param units the register whose order indexes the rows
   * @param firstMonth month key ({@code year·12 + month − 1}) of {@code values[0]}
   * @param values {@code values[month][leaf]} is a column of {@code units.size()} raw values or
   *     null
   * @param files the names of the files the data came from
   */
  Dataset(
      IndicatorModel model,
      UnitRegister units,
      int firstMonth,
      double[][][] values,
      List<String> files) {
    this.model = model;
    this.units = units;
    this.firstMonth = firstMonth;
    this.values = values;
    this.files = List.copyOf(files);
  }

  /**
   * Builds a dataset in code from columns: {@code values[leaf][unit]} for one month per entry of
   * {@code months}.
   *
   * <p><b>The values are not checked</b> (no range, no finiteness: a +Infinity scores as the best
   * value there is). Rows from another system go through {@link DatasetBuilder}, which checks them
   * as a file's rows are checked.
   */
  public static Dataset of(
      IndicatorModel model, UnitRegister units, List<YearMonth> months, List<double[][]> values) {
    if (months.size() != values.size() || months.isEmpty()) {
      throw new IllegalArgumentException("one value matrix per month is required");
    }
    int first = months.stream().mapToInt(Dataset::key).min().orElseThrow();
    int last = months.stream().mapToInt(Dataset::key).max().orElseThrow();
    double[][][] v = new double[last - first + 1][][];
    for (int i = 0; i < months.size(); i++) {
      double[][] m = values.get(i);
      if (m.length != model.leaves().size()) {
        throw new IllegalArgumentException("one column per leaf is required");
      }
      double[][] copy = new double[m.length][];
      for (int l = 0; l < m.length; l++) {
        if (m[l] != null) {
          if (m[l].length != units.size()) {
            throw new IllegalArgumentException("one value per unit is required");
          }
          copy[l] = m[l].clone();
        }
      }
      v[key(months.get(i)) - first] = copy;
    }
    return new Dataset(model, units, first, v, List.of());
  }

  static int key(YearMonth p) {
    return p.getYear() * 12 + p.getMonthValue() - 1;
  }

  static YearMonth month(int key) {
    return YearMonth.of(Math.floorDiv(key, 12), Math.floorMod(key, 12) + 1);
  }

  /**
   * The same data for a variant of its model with the same leaves in the same order (other weights,
   * policy or normalisation); the columns are shared, not copied.
   *
   * @throws IllegalArgumentException when the leaves differ
   */
  public Dataset withModel(IndicatorModel other) {
    List<String> a = model.leaves().stream().map(n -> n.id()).toList();
    List<String> b = other.leaves().stream().map(n -> n.id()).toList();
    if (!a.equals(b)) {
      List<String> gone = a.stream().filter(id -> !b.contains(id)).limit(5).toList();
      List<String> added = b.stream().filter(id -> !a.contains(id)).limit(5).toList();
      throw new IllegalArgumentException(
          "the data were read for a model with other indicators"
              + (gone.isEmpty() ? "" : "; not in the new model: " + String.join(", ", gone))
              + (added.isEmpty() ? "" : "; new: " + String.join(", ", added))
              + (gone.isEmpty() && added.isEmpty() ? " (the same ids in another order)" : "")
              + "; read the data again for the new model");
    }
    return new Dataset(other, units, firstMonth, values, files);
  }

  /** The model the columns follow. */
  public IndicatorModel model() {
    return model;
  }

  /** The unit register the rows follow. */
  public UnitRegister units() {
    return units;
  }

  /** The files read, in reading order. */
  public List<String> files() {
    return files;
  }

  /** The months that have at least one value, in order. */
  public List<YearMonth> periods() {
    List<YearMonth> out = new ArrayList<>();
    for (int m = 0; m < values.length; m++) {
      if (values[m] != null && Arrays.stream(values[m]).anyMatch(c -> c != null)) {
        out.add(month(firstMonth + m));
      }
    }
    return out;
  }

  /** The latest month with data. */
  public Optional<YearMonth> latest() {
    List<YearMonth> p = periods();
    return p.isEmpty() ? Optional.empty() : Optional.of(p.get(p.size() - 1));
  }

  /** The raw value reported for a unit and leaf in a month, NaN when none. */
  public double value(int leaf, int unit, YearMonth period) {
    double[] c = column(key(period), leaf);
    return c == null ? Double.NaN : c[unit];
  }

  /** True when any unit has a value for this leaf in this month. */
  public boolean hasColumn(YearMonth period, int leaf) {
    return column(key(period), leaf) != null;
  }

  /**
   * Copies the column of a leaf in a month into {@code dest} (length = units), NaN-filled when the
   * month has no data for it.
   */
  public void copyColumn(YearMonth period, int leaf, double[] dest) {
    double[] c = column(key(period), leaf);
    if (c == null) {
      Arrays.fill(dest, Double.NaN);
    } else {
      System.arraycopy(c, 0, dest, 0, dest.length);
    }
  }

  private double[] column(int key, int leaf) {
    int m = key - firstMonth;
    if (m < 0 || m >= values.length || values[m] == null) {
      return null;
    }
    return values[m][leaf];
  }
}
