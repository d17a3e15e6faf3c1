package dev.qinglian.eval;

import dev.qinglian.data.Dataset;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.internal.SharedColumns;
import dev.qinglian.internal.kernel.Flags;
import dev.qinglian.internal.kernel.Kernel;
import dev.qinglian.model.Denominator;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.LeafSpec;
import dev.qinglian.model.MissingPolicy;
import dev.qinglian.model.Outliers;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Evaluates months of a {@link Dataset} under an {@link IndicatorModel}.
 *
 * <p>For each leaf and unit the value used in month P is the one reported in P; otherwise the
 * latest one reported within the indicator's validity window (flagged {@link ValueFlag#CARRIED});
 * otherwise the model's missing-data policy applies: {@code exclude} drops the leaf (its siblings'
 * weights are re-normalised), {@code last-value} carries the last report up to {@code max-months}
 * further ({@link ValueFlag#STALE}), {@code group-mean} imputes the mean denominated value of the
 * units of the same type ({@link ValueFlag#IMPUTED}). Then leaves are normalised, nodes aggregated,
 * the index classified into bands, override caps applied, and units whose coverage is below the
 * minimum classified {@link dev.qinglian.model.Band#INSUFFICIENT}.
 *
 * <p>Instances are immutable and thread-safe; one evaluator can serve many threads. Its parallel
 * work runs in the {@link java.util.concurrent.ForkJoinPool} of the calling thread (submit the call
 * to a pool of your own to choose the threads), else in the common pool; it starts no thread of its
 * own.
 */
public final class Evaluator {
  private final IndicatorModel model;
  private final Kernel kernel;

  /** An evaluator for a model. */
  public Evaluator(IndicatorModel model) {
    this.model = model;
    this.kernel = new Kernel(model);
  }

  /** The model. */
  public IndicatorModel model() {
    return model;
  }

  /**
   * Evaluates one month.
   *
   * <p>The dataset may have been read for another model with the same indicators in the same order
   * (other weights, aggregation, missing-data policy or normalisation): its values are evaluated
   * with this model.
   *
   * @throws IllegalArgumentException when the dataset was read for a model with other indicators
   */
  public PeriodResult evaluate(Dataset data, YearMonth period) {
    return evaluate(data, period, true);
  }

  /**
   * Evaluates one month without keeping its leaf-level detail: the same index, dimension and inner
   * scores, colours, caps, coverage and ranks as {@link #evaluate(Dataset, YearMonth)}, bit for
   * bit, as a {@link PeriodResult#withoutLeafDetail()} result; cheaper for large registers, since
   * the leaves' score columns are not built (see {@code Kernel.evaluate}).
   *
   * @throws IllegalArgumentException when the dataset was read for a model with other indicators
   */
  public PeriodResult evaluateSummary(Dataset data, YearMonth period) {
    return evaluate(data, period, false);
  }

  private PeriodResult evaluate(Dataset given, YearMonth period, boolean detail) {
    // read for other weights, policy or methods: the same columns
    Dataset data = given.model() == model ? given : given.withModel(model);
    UnitRegister register = data.units();
    int units = register.size();
    int leaves = model.leaves().size();
    double[][] raw = new double[leaves][];
    byte[][] flags = new byte[leaves][];
    MissingPolicy policy = model.missing();
    boolean[] empty = new boolean[leaves];
    double[] noValues = null; // one shared all-NaN column for leaves without any value
    byte[] noFlags = null;
    for (int l = 0; l < leaves; l++) {
      if (!anyValue(data, period, l)
          && policy.kind() != MissingPolicy.Kind.GROUP_MEAN
          && policy.kind() != MissingPolicy.Kind.MEAN) {
        if (noValues == null) {
          noValues = nanColumn(units);
          noFlags = new byte[units];
        }
        raw[l] = noValues;
        flags[l] = noFlags;
        empty[l] = true;
      }
    }
    // flags of the leaves where nothing is carried, imputed or treated: zeros, never written
    byte[] zeros = noFlags != null ? noFlags : new byte[units];
    IntStream range = IntStream.range(0, leaves);
    (units * (long) leaves >= PARALLEL_CELLS ? range.parallel() : range)
        .filter(l -> !empty[l])
        .forEach(l -> fill(data, period, l, raw, flags, zeros));
    double[] staff = new double[units];
    double[] served = new double[units];
    denominators(register, staff, served);
    Kernel.Output out = kernel.evaluate(raw, flags, empty, staff, served, detail);
    int[] zero = out.zeroChild(model.nodes().size());
    if (zero != null) { // a geometric mean over a zero score: refused, as the reference engine does
      throw new EvaluationException(
          dev.qinglian.diag.Diagnostic.error(
              "eval.geometric.zero",
              dev.qinglian.diag.Location.of(period.toString()),
              register.units().get(zero[0]).id(),
              model.nodes().get(zero[1]).id(),
              model.nodes().get(zero[2]).id(),
              period,
              out.score[zero[2]] == null ? "0" : String.valueOf(out.score[zero[2]][zero[0]])));
    }
    PeriodResult r = new PeriodResult(model, kernel, register, period, raw, flags, out);
    return detail ? r : r.withoutLeafDetail();
  }

  /**
   * The register's staff and population served, as columns. A method of its own: a loop over a
   * million units gets compiled while it runs, and inside {@link #evaluate} that meant compiling
   * the whole method (about 50 ms of the optimising compiler) for a loop of a few milliseconds.
   */
  private static void denominators(UnitRegister register, double[] staff, double[] served) {
    for (int u = 0; u < staff.length; u++) {
      staff[u] = register.staff(u);
      served[u] = register.served(u);
    }
  }

  /** Below this many units × leaves a month is prepared on the calling thread only. */
  private static final long PARALLEL_CELLS = 1L << 18;

  /** Months back a value of leaf {@code l} may come from (validity window and policy). */
  private int reach(int l) {
    MissingPolicy policy = model.missing();
    int window = model.leaves().get(l).leaf().frequency().validMonths();
    return window - 1 + (policy.kind() == MissingPolicy.Kind.LAST_VALUE ? policy.maxMonths() : 0);
  }

  private boolean anyValue(Dataset data, YearMonth period, int l) {
    for (int k = 0; k <= reach(l); k++) {
      if (data.hasColumn(period.minusMonths(k), l)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The values used for leaf {@code l}: reported, carried within the window, or imputed. The
   * dataset's own column is used as it is (read only) unless values are carried or imputed into it;
   * the flags are shared zeros unless something is flagged.
   */
  private void fill(
      Dataset data, YearMonth period, int l, double[][] raw, byte[][] flags, byte[] noFlags) {
    UnitRegister register = data.units();
    int units = register.size();
    LeafSpec spec = model.leaves().get(l).leaf();
    int window = spec.frequency().validMonths();
    int reach = reach(l);
    double[] shared = SharedColumns.column(data, period, l);
    double[] x = shared;
    byte[] f = spec.outliers().kind() == Outliers.Kind.NONE ? null : new byte[units];
    boolean imputes =
        model.missing().kind() == MissingPolicy.Kind.GROUP_MEAN
            || model.missing().kind() == MissingPolicy.Kind.MEAN;
    boolean fills = reach > 0 || imputes;
    // the gaps are counted only when something may fill them (a month of a million units: 46
    // passes over the columns saved when the model carries and imputes nothing)
    int missing = x == null ? units : fills ? countNaN(x) : 0;
    for (int k = 1; k <= reach && missing > 0; k++) {
      YearMonth earlier = period.minusMonths(k);
      double[] before = SharedColumns.column(data, earlier, l);
      if (before == null) {
        continue;
      }
      if (x == shared) {
        x = writable(shared, units);
      }
      if (f == null) {
        f = new byte[units];
      }
      byte flag = k < window ? Flags.CARRIED : (byte) (Flags.CARRIED | Flags.STALE);
      for (int u = 0; u < units; u++) {
        if (Double.isNaN(x[u]) && !Double.isNaN(before[u])) {
          x[u] = before[u];
          f[u] = flag;
          missing--;
        }
      }
    }
    if (missing > 0 && imputes) {
      if (x == shared) {
        x = writable(shared, units);
      }
      if (f == null) {
        f = new byte[units];
      }
      impute(spec, register, x, f, model.missing());
    }
    raw[l] = x == null ? nanColumn(units) : x;
    flags[l] = f == null ? noFlags : f;
  }

  /** A copy of the dataset's column to fill in (all NaN when the month has none). */
  private static double[] writable(double[] shared, int units) {
    return shared == null ? nanColumn(units) : shared.clone();
  }

  private static double[] nanColumn(int units) {
    double[] x = new double[units];
    java.util.Arrays.fill(x, Double.NaN);
    return x;
  }

  /** Evaluates every month from {@code from} to {@code to} inclusive, in order. */
  public List<PeriodResult> evaluate(Dataset data, YearMonth from, YearMonth to) {
    List<PeriodResult> out = new ArrayList<>();
    for (YearMonth p = from; !p.isAfter(to); p = p.plusMonths(1)) {
      out.add(evaluate(data, p));
    }
    return out;
  }

  private static int countNaN(double[] x) {
    int n = 0;
    for (double v : x) {
      if (Double.isNaN(v)) {
        n++;
      }
    }
    return n;
  }

  /** Group mean of the denominated values of units of the same type, written back as raw. */
  /** The imputation group of unit {@code u}: its value in column {@code by}, one group for null. */
  private static String group(UnitRegister register, int u, String by) {
    if (by == null) {
      return "";
    }
    String g = register.column(u, by);
    return g == null ? "" : g;
  }

  private static void impute(
      LeafSpec spec, UnitRegister register, double[] x, byte[] f, MissingPolicy policy) {
    // mean: one group of every unit; group-mean: the register column named by group-by
    String by = policy.kind() == MissingPolicy.Kind.MEAN ? null : policy.groupBy();
    Denominator d = spec.denominator();
    int units = x.length;
    Map<String, double[]> sums = new HashMap<>();
    double[] base = new double[units];
    for (int u = 0; u < units; u++) {
      base[u] =
          switch (d.base()) {
            case NONE -> 1;
            case STAFF -> register.staff(u) / d.per();
            case SERVED -> register.served(u) / d.per();
          };
      if (!Double.isNaN(x[u])) {
        double eff = x[u] / base[u];
        if (!Double.isNaN(eff) && !Double.isInfinite(eff)) {
          double[] s = sums.computeIfAbsent(group(register, u, by), k -> new double[2]);
          s[0] += eff;
          s[1]++;
        }
      }
    }
    for (int u = 0; u < units; u++) {
      if (Double.isNaN(x[u])) {
        double[] s = sums.get(group(register, u, by));
        if (s != null && s[1] > 0) {
          x[u] = s[0] / s[1] * base[u];
          f[u] = Flags.IMPUTED;
        }
      }
    }
  }
}
