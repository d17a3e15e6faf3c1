package dev.qinglian.method;

import dev.qinglian.data.Dataset;
import dev.qinglian.data.Unit;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.internal.kernel.NodeRules;
import dev.qinglian.model.Band;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.MissingPolicy;
import dev.qinglian.model.Node;
import dev.qinglian.model.Normalisation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Monte Carlo uncertainty and sensitivity analysis of ranks and colours (OECD/JRC handbook
 * practice). Each sample draws: every node weight multiplied by an independent factor uniform in [1
 * − share, 1 + share] (then re-normalised among siblings); the aggregation of every inner node
 * (arithmetic or geometric, one draw per sample, if enabled); the missing-data policy (exclude,
 * group-mean, last-value, if enabled); and the normalisation of every leaf (its own or one of the
 * listed alternatives). Leaf scores are computed once per (policy, normalisation) variant and each
 * sample only re-aggregates the tree: cost linear in samples × units × nodes.
 *
 * <p><b>First-order sensitivity index</b> of an assumption X: {@code S = Σ_u Var(E[R_u | X]) / Σ_u
 * Var(R_u)} with R_u the rank of unit u, pooled over units; E[R | X] is estimated by the mean over
 * the samples of each category of a discrete X (aggregation, policy, normalisation) or of each of
 * ten equal-frequency bins of a continuous X (the weight factor of each of the root's children).
 *
 * <p>Samples are split into fixed chunks, each with its own generator seeded from the seed and the
 * chunk number, and run on all cores: the same seed gives the same report on any machine.
 *
 * <p>The class is stateless and thread-safe. Its parallel work runs in the {@link
 * java.util.concurrent.ForkJoinPool} of the calling thread (submit the call to a pool of your own
 * to choose the threads), else in the common pool; it starts no thread of its own.
 */
public final class Sensitivity {
  /** Samples per chunk (fixed, so results do not depend on the number of threads). */
  static final int CHUNK = 256;

  /**
   * The lower end of the leaf scores under the geometric alternative: scores in [0, 100] are
   * rescaled to [1, 100] before the geometric mean, which a zero score would otherwise make 0.
   */
  public static final double GEOMETRIC_MIN = 1;

  /** Units whose most probable colour has less than this probability are fragile. */
  public static final double FRAGILE = 0.9;

  private Sensitivity() {}

  /**
   * Options.
   *
   * @param samples number of Monte Carlo samples (≥ 1)
   * @param seed random seed
   * @param weightShare half-width of the uniform weight factor (0 disables, 0.2 = ±20 %)
   * @param aggregation whether to vary the aggregation
   * @param missingPolicy whether to vary the missing-data policy
   * @param normalisations alternative normalisations to draw from, besides each leaf's own
   */
  public record Options(
      int samples,
      long seed,
      double weightShare,
      boolean aggregation,
      boolean missingPolicy,
      List<Normalisation> normalisations) {
    /** Validates. */
    public Options {
      if (samples < 1 || !(weightShare >= 0 && weightShare < 1)) {
        throw new IllegalArgumentException(
            "samples >= 1 and a weight share in [0, 1) are required");
      }
      normalisations = List.copyOf(normalisations);
    }
  }

  /**
   * One unit's uncertainty.
   *
   * @param unit the unit
   * @param nominalRank its rank with the model as it is (0 if unranked)
   * @param nominalBand its colour with the model as it is
   * @param medianRank median rank over the samples where it is ranked (NaN if never)
   * @param rank5 5th percentile of the rank
   * @param rank95 95th percentile of the rank
   * @param colours probability of each band id (and {@code insufficient})
   * @param fragile true when no colour has a probability of at least 0.9 (always false under a
   *     model without bands)
   */
  public record UnitUncertainty(
      Unit unit,
      int nominalRank,
      Band nominalBand,
      double medianRank,
      int rank5,
      int rank95,
      Map<String, Double> colours,
      boolean fragile) {
    /** Copies the map. */
    public UnitUncertainty {
      colours = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(colours));
    }
  }

  /**
   * The report.
   *
   * @param units per unit, in nominal rank order
   * @param firstOrder first-order index per assumption ({@code weight D1}…, {@code aggregation},
   *     {@code missing policy}, {@code normalisation})
   * @param samples samples drawn
   * @param seed the seed
   */
  public record Report(
      List<UnitUncertainty> units, Map<String, Double> firstOrder, int samples, long seed) {
    /** Copies. */
    public Report {
      units = List.copyOf(units);
      firstOrder = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(firstOrder));
    }
  }

  /** Runs the analysis for {@code period}. */
  public static Report run(Dataset data, YearMonth period, Options o) {
    IndicatorModel model = data.model();
    List<MissingPolicy> policies = new ArrayList<>(List.of(model.missing()));
    if (o.missingPolicy()) {
      for (MissingPolicy.Kind k : MissingPolicy.Kind.values()) {
        if (k != model.missing().kind()) {
          policies.add(
              new MissingPolicy(
                  k,
                  model.missing().maxMonths(),
                  model.missing().minCoverage(),
                  model.missing().groupBy()));
        }
      }
    }
    List<Normalisation> norms = new ArrayList<>();
    norms.add(null);
    norms.addAll(o.normalisations());
    List<Node> nodes = model.nodes();
    int nNodes = nodes.size();
    int units = data.units().size();
    Map<String, Integer> pos = new LinkedHashMap<>();
    for (int i = 0; i < nNodes; i++) {
      pos.put(nodes.get(i).id(), i);
    }
    int[][] children = new int[nNodes][];
    for (int i = 0; i < nNodes; i++) {
      children[i] = nodes.get(i).children().stream().mapToInt(c -> pos.get(c.id())).toArray();
    }
    // leaf scores, caps and coverage per variant (policy p, normalisation n)
    int variants = policies.size() * norms.size();
    double[][][] leafScores = new double[variants][nNodes][];
    int[][] capBand = new int[variants][units];
    boolean[][] insufficient = new boolean[variants][units];
    PeriodResult nominal = null;
    for (int p = 0; p < policies.size(); p++) {
      for (int n = 0; n < norms.size(); n++) {
        IndicatorModel vm = model.withMissing(policies.get(p)).withNormalisation(norms.get(n));
        PeriodResult r = new Evaluator(vm).evaluate(rebind(data, vm), period);
        if (p == 0 && n == 0) {
          nominal = r;
        }
        int v = p * norms.size() + n;
        for (int i = 0; i < nNodes; i++) {
          if (nodes.get(i).isLeaf()) {
            double[] s = new double[units];
            for (int u = 0; u < units; u++) {
              s[u] = dev.qinglian.internal.ResultAccess.of().score(r, i, u);
            }
            leafScores[v][i] = s;
          }
        }
        for (int u = 0; u < units; u++) {
          int cap = -1;
          for (var rule : r.caps(u)) {
            cap = Math.max(cap, model.bands().indexOf(model.band(rule.cap()).orElseThrow()));
          }
          capBand[v][u] = cap;
          insufficient[v][u] = r.band(u) == Band.INSUFFICIENT;
        }
      }
    }
    double[] baseWeight = new double[nNodes];
    boolean[] leaf = new boolean[nNodes];
    boolean[] ownGeo = new boolean[nNodes];
    for (int i = 0; i < nNodes; i++) {
      baseWeight[i] = nodes.get(i).weight();
      leaf[i] = nodes.get(i).isLeaf();
      ownGeo[i] = nodes.get(i).aggregation() == dev.qinglian.model.Aggregation.GEOMETRIC;
    }
    int[] parent = new int[nNodes];
    parent[0] = -1;
    for (int i = 0; i < nNodes; i++) {
      for (int ci : children[i]) {
        parent[ci] = i;
      }
    }
    // ln(s/100) of every leaf score, once per variant (the geometric samples need it); for the
    // geometric alternative, of the score rescaled to [1, 100], where a geometric mean is defined
    double[][][] leafLogs = new double[variants][nNodes][];
    double[][][] leafLogsRescaled = new double[variants][nNodes][];
    for (int v = 0; v < variants; v++) {
      for (int i = 0; i < nNodes; i++) {
        if (leaf[i]) {
          double[] sc = leafScores[v][i];
          // NaN stays NaN; under a geometric parent with a floor, raised to it
          leafLogs[v][i] = logs(sc, new double[units], nodes.get(parent[i]).floor());
          if (o.aggregation()) {
            leafLogsRescaled[v][i] = rescaledLogs(sc, new double[units]);
          }
        }
      }
    }
    double[] bandMin = model.bands().stream().mapToDouble(Band::min).toArray();
    List<Node> dims = model.dimensions();
    int[] dimPos = dims.stream().mapToInt(d -> pos.get(d.id())).toArray();
    int samples = o.samples();
    int[][] ranks = new int[samples][];
    byte[][] bands = new byte[samples][];
    double[][] dimFactor = new double[samples][dims.size()];
    int[] aggregation = new int[samples];
    int[] policy = new int[samples];
    int[] norm = new int[samples];
    int chunks = (samples + CHUNK - 1) / CHUNK;
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              SplittableRandom rnd = new SplittableRandom(o.seed() * 1_000_003L + c);
              double[] w = new double[nNodes];
              double[][] score = new double[nNodes][];
              double[][] logs = new double[nNodes][];
              double[][] own = new double[nNodes][];
              double[][] ownLog = new double[nNodes][];
              for (int i = 0; i < nNodes; i++) {
                if (!leaf[i]) {
                  own[i] = new double[units];
                  ownLog[i] = new double[units];
                }
              }
              double[] den = new double[units];
              for (int s = c * CHUNK; s < Math.min(samples, (c + 1) * CHUNK); s++) {
                for (int i = 0; i < nNodes; i++) {
                  double f =
                      o.weightShare() == 0 ? 1 : 1 + o.weightShare() * (2 * rnd.nextDouble() - 1);
                  w[i] = baseWeight[i] * f;
                }
                for (int d = 0; d < dimPos.length; d++) {
                  dimFactor[s][d] = w[dimPos[d]] / baseWeight[dimPos[d]];
                }
                aggregation[s] = o.aggregation() ? rnd.nextInt(2) : -1;
                policy[s] = rnd.nextInt(policies.size());
                norm[s] = rnd.nextInt(norms.size());
                int v = policy[s] * norms.size() + norm[s];
                // bottom-up aggregation with the sample's weights (reverse pre-order); only the
                // inner nodes are recomputed, from the leaf scores (and their logarithms) of the
                // sample's variant, computed once
                boolean rescaled = aggregation[s] == 1;
                for (int i = nNodes - 1; i >= 0; i--) {
                  if (leaf[i]) {
                    score[i] = leafScores[v][i];
                    logs[i] = (rescaled ? leafLogsRescaled : leafLogs)[v][i];
                    continue;
                  }
                  boolean geo = aggregation[s] < 0 ? ownGeo[i] : aggregation[s] == 1;
                  int pi = parent[i];
                  boolean parentGeo =
                      pi >= 0 && (aggregation[s] < 0 ? ownGeo[pi] : aggregation[s] == 1);
                  // the evaluator's rule (NodeRules), over the logarithms computed once when
                  // geometric: their weighted mean is this node's own ln(s/100), which a
                  // geometric parent takes as it is, and only others need the score
                  double[] sums = geo ? ownLog[i] : own[i];
                  Arrays.fill(sums, 0);
                  Arrays.fill(den, 0);
                  for (int ci : children[i]) {
                    NodeRules.addChild(
                        geo ? logs[ci] : score[ci],
                        0,
                        w[ci],
                        false,
                        Double.NaN,
                        sums,
                        0,
                        den,
                        0,
                        0,
                        units);
                  }
                  NodeRules.finish(sums, 0, den, 0, false, 0, units);
                  if (geo) {
                    logs[i] = sums;
                    score[i] = parentGeo ? null : exp100(sums, own[i]);
                  } else {
                    score[i] = sums;
                    logs[i] = parentGeo ? logs(sums, ownLog[i], nodes.get(pi).floor()) : null;
                  }
                }
                bands[s] = classify(score[0], bandMin, insufficient[v], capBand[v]);
                ranks[s] = rank(score[0], bands[s]);
              }
            });
    // per unit, in blocks of units in register order: ranks are stored by sample, so a block's
    // ranks are gathered row by row (a unit at a time would miss the cache on every sample)
    UnitUncertainty[] byUnit = new UnitUncertainty[units];
    int block = 64;
    int[][] rk = new int[block][samples];
    byte[][] bd = new byte[block][samples];
    for (int u0 = 0; u0 < units; u0 += block) {
      int width = Math.min(block, units - u0);
      for (int s = 0; s < samples; s++) {
        int[] r = ranks[s];
        byte[] b = bands[s];
        for (int j = 0; j < width; j++) {
          rk[j][s] = r[u0 + j];
          bd[j][s] = b[u0 + j];
        }
      }
      for (int j = 0; j < width; j++) {
        byUnit[u0 + j] = uncertainty(data, model, nominal, u0 + j, rk[j], bd[j]);
      }
    }
    List<UnitUncertainty> out = new ArrayList<>();
    for (int u : nominal.rankOrder()) {
      out.add(byUnit[u]);
    }
    // first-order indices: Σ_u Var(R_u) over the samples, sample by sample (same sums, in the
    // same order, as unit by unit)
    Map<String, Double> s1 = new LinkedHashMap<>();
    double[] mean = new double[units];
    for (int[] r : ranks) {
      for (int u = 0; u < units; u++) {
        mean[u] += r[u];
      }
    }
    double[] ss = new double[units];
    for (int u = 0; u < units; u++) {
      mean[u] /= samples;
    }
    for (int[] r : ranks) {
      for (int u = 0; u < units; u++) {
        double d = r[u] - mean[u];
        ss[u] += d * d;
      }
    }
    double total = 0;
    for (int u = 0; u < units; u++) {
      total += ss[u] / samples;
    }
    for (int d = 0; d < dims.size(); d++) {
      if (o.weightShare() > 0) {
        int[] cls = bins(dimFactor, d, 10);
        s1.put("weight " + dims.get(d).id(), conditional(ranks, cls, units, total));
      }
    }
    if (o.aggregation()) {
      s1.put("aggregation", conditional(ranks, aggregation, units, total));
    }
    if (policies.size() > 1) {
      s1.put("missing policy", conditional(ranks, policy, units, total));
    }
    if (norms.size() > 1) {
      s1.put("normalisation", conditional(ranks, norm, units, total));
    }
    return new Report(out, s1, samples, o.seed());
  }

  /** The dataset read for a variant of its model (same columns: the leaves are the same). */
  private static Dataset rebind(Dataset data, IndicatorModel variant) {
    return data.withModel(variant);
  }

  /** Scores from the means of their logarithms ({@link NodeRules#fromLog}). */
  private static double[] exp100(double[] m, double[] out) {
    for (int u = 0; u < out.length; u++) {
      out[u] = NodeRules.fromLog(m[u]); // NaN stays NaN
    }
    return out;
  }

  /**
   * {@link NodeRules#logScore(double, double)} of scores with the geometric parent's floor (NaN:
   * none, and a zero score gives −∞, as in the evaluator).
   */
  private static double[] logs(double[] score, double[] out, double floor) {
    for (int u = 0; u < score.length; u++) {
      out[u] = NodeRules.logScore(score[u], floor);
    }
    return out;
  }

  /**
   * {@link NodeRules#logScore} of scores rescaled from [0, 100] to [1, 100] ({@code 1 + 0.99·s}):
   * the geometric alternative's leaves, so that a zero score does not make the whole index 0.
   */
  private static double[] rescaledLogs(double[] score, double[] out) {
    for (int u = 0; u < score.length; u++) {
      out[u] = NodeRules.logScore(GEOMETRIC_MIN + score[u] * (100 - GEOMETRIC_MIN) / 100);
    }
    return out;
  }

  /** Colours of one sample's index: band by index, capped, -1 where insufficient. */
  private static byte[] classify(
      double[] index, double[] bandMin, boolean[] insufficient, int[] capBand) {
    byte[] b = new byte[index.length];
    for (int u = 0; u < index.length; u++) {
      b[u] =
          (byte)
              (insufficient[u]
                  ? -1
                  : NodeRules.capped(NodeRules.band(index[u], bandMin), capBand[u]));
    }
    return b;
  }

  /** Ranks (ties share the better rank) of the units with a colour; 0 for the others. */
  static int[] rank(double[] index, byte[] band) {
    int n = index.length;
    int[] ranked = new int[n];
    int m = 0;
    for (int u = 0; u < n; u++) {
      if (band[u] >= 0) {
        ranked[m++] = u;
      }
    }
    ranked = Arrays.copyOf(ranked, m);
    dev.qinglian.internal.Sorts.byDescending(ranked, index);
    int[] r = new int[n];
    for (int i = 0; i < m; i++) {
      int u = ranked[i];
      r[u] = i > 0 && index[ranked[i - 1]] == index[u] ? r[ranked[i - 1]] : i + 1;
    }
    return r;
  }

  private static int[] bins(double[][] factor, int d, int k) {
    int n = factor.length;
    Integer[] idx = new Integer[n];
    for (int s = 0; s < n; s++) {
      idx[s] = s;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(factor[a][d], factor[b][d]));
    int[] cls = new int[n];
    for (int i = 0; i < n; i++) {
      cls[idx[i]] = (int) ((long) i * k / n);
    }
    return cls;
  }

  /** One unit's uncertainty from its ranks and bands over the samples. */
  private static UnitUncertainty uncertainty(
      Dataset data, IndicatorModel model, PeriodResult nominal, int u, int[] ranks, byte[] bands) {
    int samples = ranks.length;
    int[] r = new int[samples];
    int m = 0;
    int[] count = new int[model.bands().size() + 1]; // the last: insufficient
    for (int s = 0; s < samples; s++) {
      if (ranks[s] > 0) {
        r[m++] = ranks[s];
      }
      if (bands[s] < 0) {
        count[count.length - 1]++;
      } else if (bands[s] < count.length - 1) { // a model without bands: ranked, no colour
        count[bands[s]]++;
      }
    }
    Map<String, Double> colours = new LinkedHashMap<>();
    for (int b = 0; b < model.bands().size(); b++) {
      colours.put(model.bands().get(b).id(), count[b] / (double) samples);
    }
    if (count[count.length - 1] > 0) {
      colours.put(Band.INSUFFICIENT.id(), count[count.length - 1] / (double) samples);
    }
    int[] sorted = Arrays.copyOf(r, m);
    Arrays.sort(sorted);
    double median =
        m == 0
            ? Double.NaN
            : (m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2.0);
    int p5 = m == 0 ? 0 : sorted[(int) Math.floor(0.05 * (m - 1))];
    int p95 = m == 0 ? 0 : sorted[(int) Math.ceil(0.95 * (m - 1))];
    double max = colours.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return new UnitUncertainty(
        data.units().units().get(u),
        nominal.rank(u),
        nominal.band(u),
        median,
        p5,
        p95,
        colours,
        model.coloured() && max < FRAGILE); // without bands there is no colour to be unsure of
  }

  /**
   * Σ_u Var(E[R_u | class]) / total, with classes given per sample. Sums are taken sample by sample
   * over all units (rows of {@code ranks}), which reads memory in order.
   */
  private static double conditional(int[][] ranks, int[] cls, int units, double total) {
    if (total == 0) {
      return 0;
    }
    int k = Arrays.stream(cls).max().orElse(0) + 1;
    int samples = cls.length;
    double[][] sum = new double[k][units];
    int[] count = new int[k];
    double[] mean = new double[units];
    for (int s = 0; s < samples; s++) {
      int c = Math.max(0, cls[s]);
      count[c]++;
      double[] sc = sum[c];
      int[] r = ranks[s];
      for (int u = 0; u < units; u++) {
        sc[u] += r[u];
        mean[u] += r[u];
      }
    }
    double explained = 0;
    for (int u = 0; u < units; u++) {
      double mu = mean[u] / samples;
      double v = 0;
      for (int c = 0; c < k; c++) {
        if (count[c] > 0) {
          double e = sum[c][u] / count[c] - mu;
          v += count[c] * e * e;
        }
      }
      explained += v / samples;
    }
    return explained / total;
  }
}
