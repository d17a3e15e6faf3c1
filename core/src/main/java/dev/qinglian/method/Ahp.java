package dev.qinglian.method;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The analytic hierarchy process (层次分析法, Saaty 1980): weights from the principal eigenvector of a
 * positive reciprocal pairwise comparison matrix on the 1–9 scale, with λmax, the consistency index
 * {@code CI = (λmax − n)/(n − 1)} and the consistency ratio {@code CR = CI/RI(n)} with Saaty's
 * random index table (RI = 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56,
 * 1.57, 1.59 for n = 1…15). For n ≤ 2 every reciprocal matrix is consistent (CR = 0).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param weights the principal eigenvector, normalised to sum to 1
 * @param lambdaMax the principal eigenvalue
 * @param ci the consistency index
 * @param cr the consistency ratio (0 for n ≤ 2)
 * @param worstI row of the most inconsistent pair: the largest |ln(a_ij·w_j/w_i)|
 * @param worstJ column of that pair
 */
public record Ahp(
    List<Double> weights, double lambdaMax, double ci, double cr, int worstI, int worstJ) {
  /** Saaty's random consistency index for n = 1…15. */
  static final double[] RI = {
    0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59
  };

  /** Copies the weights. */
  public Ahp {
    weights = List.copyOf(weights);
  }

  /** The CR threshold above which a matrix is rejected unless the user allows it. */
  public static final double MAX_CR = 0.10;

  /**
   * Analyses a matrix.
   *
   * @throws IllegalArgumentException when it is not square, not positive, not reciprocal (within
   *     1e-3 relative) or larger than 15 (no random index)
   */
  public static Ahp of(double[][] a) {
    int n = a.length;
    if (n == 0 || n > RI.length) {
      throw new IllegalArgumentException("an AHP matrix needs 1 to 15 rows, not " + n);
    }
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException(
            "row " + (i + 1) + " has " + a[i].length + " entries, not " + n);
      }
      for (int j = 0; j < n; j++) {
        if (!(a[i][j] > 0) || Double.isInfinite(a[i][j])) {
          throw new IllegalArgumentException(
              "entry (" + (i + 1) + ", " + (j + 1) + ") must be positive");
        }
        if (Math.abs(a[i][j] * a[j][i] - 1) > 1e-3) {
          throw new IllegalArgumentException(
              "not reciprocal: a("
                  + (i + 1)
                  + ","
                  + (j + 1)
                  + ") = "
                  + a[i][j]
                  + " but a("
                  + (j + 1)
                  + ","
                  + (i + 1)
                  + ") = "
                  + a[j][i]);
        }
      }
    }
    double[] w = new double[n];
    double lambda;
    if (n == 1) {
      w[0] = 1;
      lambda = 1;
    } else {
      EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(a, true));
      double[] re = e.getRealEigenvalues();
      int best = 0;
      for (int k = 1; k < re.length; k++) {
        if (re[k] > re[best]) {
          best = k;
        }
      }
      lambda = re[best];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        w[i] = e.getEigenvector(best).getEntry(i);
        sum += w[i];
      }
      for (int i = 0; i < n; i++) {
        w[i] /= sum; // the Perron vector has one sign; dividing by the sum makes it positive
      }
    }
    double ci = n <= 2 ? 0 : (lambda - n) / (n - 1);
    double cr = n <= 2 ? 0 : ci / RI[n - 1];
    int wi = 0;
    int wj = n > 1 ? 1 : 0;
    double worst = -1;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dev = Math.abs(Math.log(a[i][j] * w[j] / w[i]));
        if (dev > worst) {
          worst = dev;
          wi = i;
          wj = j;
        }
      }
    }
    return new Ahp(
        java.util.Arrays.stream(w).boxed().toList(),
        lambda,
        Math.max(0, ci),
        Math.max(0, cr),
        wi,
        wj);
  }
}
