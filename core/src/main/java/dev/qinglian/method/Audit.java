package dev.qinglian.method;

import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The statistical audit of the indicators over a range of months (JRC/COINr practice).
 *
 * <p>Per leaf, on the values used in the evaluation (after denominators) of every unit-month:
 * coverage, mean, sample standard deviation, min, max, sample skewness and excess kurtosis (the
 * bias-corrected estimators of commons-math3's {@code DescriptiveStatistics}), an outlier flag when
 * |skewness| &gt; 2 and kurtosis &gt; 3.5, and zero variance. Per dimension, on the normalised
 * scores of the unit-months where all its leaves have one: Pearson and Spearman correlation
 * matrices, the correlation of each leaf with its dimension's score (negative ones are flagged),
 * near-duplicate pairs (|r| &gt; 0.92), Cronbach's alpha {@code k/(k−1)·(1 − Σ var_i / var(Σ))},
 * and the share of variance of the first principal component (largest eigenvalue of the correlation
 * matrix over k).
 *
 * <p>The class is stateless and thread-safe.
 */
public final class Audit {
  /** Skewness above which (in absolute value), with kurtosis above 3.5, a leaf is flagged. */
  public static final double MAX_SKEW = 2;

  /** Kurtosis above which, with |skewness| above 2, a leaf is flagged. */
  public static final double MAX_KURTOSIS = 3.5;

  /** |r| above which two leaves are near-duplicates. */
  public static final double DUPLICATE = 0.92;

  private Audit() {}

  /**
   * Statistics of one leaf.
   *
   * @param leaf the leaf
   * @param coverage share of unit-months with a value (reported, carried or imputed)
   * @param n number of values reported in the audited months: a quarterly or yearly value carried
   *     through the months after it counts once, and an imputed value not at all
   * @param mean mean
   * @param sd sample standard deviation
   * @param min minimum
   * @param max maximum
   * @param skewness sample skewness (NaN for fewer than 3 values)
   * @param kurtosis sample excess kurtosis (NaN for fewer than 4 values)
   * @param outlier |skewness| &ge; 2 and kurtosis &ge; 3.5 (the treatment rule)
   * @param zeroVariance all values equal
   */
  public record LeafStats(
      Node leaf,
      double coverage,
      long n,
      double mean,
      double sd,
      double min,
      double max,
      double skewness,
      double kurtosis,
      boolean outlier,
      boolean zeroVariance) {}

  /**
   * Statistics of one dimension.
   *
   * @param dimension the dimension
   * @param leaves its leaves, in model order
   * @param rows unit-months used (all leaves present)
   * @param pearson Pearson correlations of the leaves
   * @param spearman Spearman correlations of the leaves
   * @param withDimension Pearson correlation of each leaf with the dimension's score
   * @param cronbachAlpha Cronbach's alpha of the leaves
   * @param firstComponentShare share of variance of the first principal component
   * @param duplicates pairs "A ~ B (r)" with |r| &gt; 0.92
   */
  public record DimensionStats(
      Node dimension,
      List<Node> leaves,
      int rows,
      double[][] pearson,
      double[][] spearman,
      double[] withDimension,
      double cronbachAlpha,
      double firstComponentShare,
      List<String> duplicates) {
    /** Copies the arrays and the list. */
    public DimensionStats {
      leaves = List.copyOf(leaves);
      pearson = deep(pearson);
      spearman = deep(spearman);
      withDimension = withDimension.clone();
      duplicates = List.copyOf(duplicates);
    }

    /** A copy of the Pearson matrix. */
    @Override
    public double[][] pearson() {
      return deep(pearson);
    }

    /** A copy of the Spearman matrix. */
    @Override
    public double[][] spearman() {
      return deep(spearman);
    }

    /** A copy of the correlations with the dimension. */
    @Override
    public double[] withDimension() {
      return withDimension.clone();
    }

    private static double[][] deep(double[][] m) {
      double[][] c = new double[m.length][];
      for (int i = 0; i < m.length; i++) {
        c[i] = m[i].clone();
      }
      return c;
    }
  }

  /** The report. */
  public record Report(List<LeafStats> leaves, List<DimensionStats> dimensions) {
    /** Copies the lists. */
    public Report {
      leaves = List.copyOf(leaves);
      dimensions = List.copyOf(dimensions);
    }
  }

  /** Audits the months of {@code months}. */
  public static Report of(List<PeriodResult> months) {
    IndicatorModel model = months.get(0).model();
    List<LeafStats> leaves = new ArrayList<>();
    for (Node leaf : model.leaves()) {
      DescriptiveStatistics d = new DescriptiveStatistics();
      long total = 0;
      long covered = 0;
      for (PeriodResult r : months) {
        for (int u = 0; u < r.size(); u++) {
          total++;
          double v = r.effective(leaf.id(), u);
          if (!Double.isNaN(v) && !Double.isInfinite(v)) {
            covered++;
            java.util.Set<dev.qinglian.eval.ValueFlag> f = r.flags(leaf.id(), u);
            if (!f.contains(dev.qinglian.eval.ValueFlag.CARRIED)
                && !f.contains(dev.qinglian.eval.ValueFlag.IMPUTED)) {
              d.addValue(v); // each reported value once
            }
          }
        }
      }
      long n = d.getN();
      double skew = n >= 3 ? d.getSkewness() : Double.NaN;
      double kurt = n >= 4 ? d.getKurtosis() : Double.NaN;
      boolean zero = n > 0 && d.getMin() == d.getMax();
      leaves.add(
          new LeafStats(
              leaf,
              total == 0 ? 0 : (double) covered / total,
              n,
              d.getMean(),
              d.getStandardDeviation(),
              d.getMin(),
              d.getMax(),
              skew,
              kurt,
              Math.abs(skew) >= MAX_SKEW && kurt >= MAX_KURTOSIS, // as the treatment rule
              zero));
    }
    List<DimensionStats> dims = new ArrayList<>();
    for (Node dim : model.dimensions()) {
      List<Node> ls = new ArrayList<>();
      collect(dim, ls);
      List<double[]> rows = new ArrayList<>();
      List<Double> dimScores = new ArrayList<>();
      for (PeriodResult r : months) {
        for (int u = 0; u < r.size(); u++) {
          double[] row = new double[ls.size()];
          boolean ok = true;
          for (int i = 0; i < row.length && ok; i++) {
            row[i] = r.score(ls.get(i).id(), u);
            ok = !Double.isNaN(row[i]);
          }
          if (ok) {
            rows.add(row);
            dimScores.add(r.score(dim.id(), u));
          }
        }
      }
      int k = ls.size();
      double[][] x = rows.toArray(new double[0][]);
      double[][] pearson = nanMatrix(k);
      double[][] spearman = nanMatrix(k);
      double[] withDim = new double[k];
      java.util.Arrays.fill(withDim, Double.NaN);
      double alpha = Double.NaN;
      double pc1 = Double.NaN;
      List<String> dup = new ArrayList<>();
      if (x.length >= 3 && k >= 2) {
        pearson = new PearsonsCorrelation(x).getCorrelationMatrix().getData();
        spearman = new SpearmansCorrelation().computeCorrelationMatrix(x).getData();
        double[] ds = dimScores.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < k; i++) {
          double[] col = column(x, i);
          withDim[i] = new PearsonsCorrelation().correlation(col, ds);
        }
        alpha = cronbach(x);
        double[][] c = copyNoNaN(pearson);
        pc1 = firstComponentShare(c, k);
        for (int i = 0; i < k; i++) {
          for (int j = i + 1; j < k; j++) {
            if (Math.abs(pearson[i][j]) > DUPLICATE) {
              dup.add(
                  ls.get(i).id()
                      + " ~ "
                      + ls.get(j).id()
                      + String.format(java.util.Locale.ROOT, " (%.3f)", pearson[i][j]));
            }
          }
        }
      }
      dims.add(new DimensionStats(dim, ls, x.length, pearson, spearman, withDim, alpha, pc1, dup));
    }
    return new Report(leaves, dims);
  }

  /** Cronbach's alpha of the columns of {@code x} (rows complete). */
  public static double cronbach(double[][] x) {
    int k = x[0].length;
    double sumVar = 0;
    for (int i = 0; i < k; i++) {
      sumVar += new DescriptiveStatistics(column(x, i)).getVariance();
    }
    double[] total = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      for (double v : x[r]) {
        total[r] += v;
      }
    }
    double varTotal = new DescriptiveStatistics(total).getVariance();
    return varTotal == 0 ? Double.NaN : (double) k / (k - 1) * (1 - sumVar / varTotal);
  }

  private static void collect(Node n, List<Node> out) {
    if (n.isLeaf()) {
      out.add(n);
    }
    n.children().forEach(c -> collect(c, out));
  }

  private static double[] column(double[][] x, int i) {
    double[] c = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      c[r] = x[r][i];
    }
    return c;
  }

  private static double[][] nanMatrix(int k) {
    double[][] m = new double[k][k];
    for (double[] row : m) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    return m;
  }

  /**
   * The correlation matrix with undefined entries (a constant column) set to 0 (1 on the diagonal).
   */
  private static double[][] copyNoNaN(double[][] c) {
    double[][] m = new double[c.length][c.length];
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c.length; j++) {
        m[i][j] = Double.isNaN(c[i][j]) ? (i == j ? 1 : 0) : c[i][j];
      }
    }
    return m;
  }

  /** Most indicators of one dimension for which the first principal component is computed. */
  static final int MAX_PCA = 500;

  /**
   * The variance share of the first principal component of a correlation matrix (its largest
   * eigenvalue over k); NaN when the dimension has more than {@link #MAX_PCA} indicators (the
   * decomposition costs k³) or the decomposition does not converge (commons-math3 gives up on some
   * matrices: a 10,000-indicator model ended the command with an internal error).
   */
  static double firstComponentShare(double[][] c, int k) {
    if (k > MAX_PCA) {
      return Double.NaN;
    }
    try {
      double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(c)).getRealEigenvalues();
      return java.util.Arrays.stream(ev).max().orElse(Double.NaN) / k;
    } catch (org.apache.commons.math3.exception.MathRuntimeException
        | org.apache.commons.math3.exception.MathIllegalStateException e) {
      return Double.NaN;
    }
  }
}
