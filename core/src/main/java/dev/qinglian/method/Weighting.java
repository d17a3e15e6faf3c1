package dev.qinglian.method;

import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the weights of every inner node's children: equal, from AHP matrices, from the data
 * (entropy, CRITIC over the children's normalised scores of every unit and month given), or a
 * combination {@code α·subjective + (1 − α)·objective}. Weights are returned by child id,
 * normalised among siblings (they sum to 1 under each node).
 *
 * <p>The class is stateless and thread-safe.
 */
public final class Weighting {
  private Weighting() {}

  /** The objective methods. */
  public enum Objective {
    /** The entropy weight method (熵权法). */
    ENTROPY,
    /** CRITIC. */
    CRITIC
  }

  /** The model's own weights, normalised among siblings. */
  public static Map<String, Double> model(IndicatorModel m) {
    Map<String, Double> w = new LinkedHashMap<>();
    for (Node n : m.nodes()) {
      double sum = n.children().stream().mapToDouble(Node::weight).sum();
      n.children().forEach(c -> w.put(c.id(), c.weight() / sum));
    }
    return w;
  }

  /** Equal weights among siblings. */
  public static Map<String, Double> equal(IndicatorModel m) {
    Map<String, Double> w = new LinkedHashMap<>();
    for (Node n : m.nodes()) {
      n.children().forEach(c -> w.put(c.id(), 1.0 / n.children().size()));
    }
    return w;
  }

  /** AHP weights where a matrix is given, the model's elsewhere. */
  public static Map<String, Double> ahp(IndicatorModel m, Map<String, Ahp> matrices) {
    Map<String, Double> w = model(m);
    matrices.forEach(
        (id, a) -> {
          Node n = m.node(id).orElseThrow();
          for (int i = 0; i < n.children().size(); i++) {
            w.put(n.children().get(i).id(), a.weights().get(i));
          }
        });
    return w;
  }

  /**
   * Objective weights from the children's scores; rows are the unit-months of {@code months} where
   * every child of the node has a score (see {@link ObjectiveWeights}).
   */
  public static Map<String, Double> objective(
      IndicatorModel m, List<PeriodResult> months, Objective method) {
    Map<String, Double> w = new LinkedHashMap<>();
    for (Node n : m.nodes()) {
      if (n.isLeaf()) {
        continue;
      }
      List<double[]> rows = new ArrayList<>();
      for (PeriodResult r : months) {
        for (int u = 0; u < r.size(); u++) {
          double[] row = new double[n.children().size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = r.score(n.children().get(i).id(), u);
          }
          rows.add(row);
        }
      }
      double[][] x = rows.toArray(new double[0][]);
      double[] cw =
          method == Objective.ENTROPY ? ObjectiveWeights.entropy(x) : ObjectiveWeights.critic(x);
      for (int i = 0; i < cw.length; i++) {
        w.put(n.children().get(i).id(), cw[i]);
      }
    }
    return w;
  }

  /** {@code α·a + (1 − α)·b}, normalised among siblings. */
  public static Map<String, Double> combine(
      IndicatorModel m, Map<String, Double> a, Map<String, Double> b, double alpha) {
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1]");
    }
    Map<String, Double> w = new LinkedHashMap<>();
    for (Node n : m.nodes()) {
      double sum = 0;
      for (Node c : n.children()) {
        sum += alpha * a.get(c.id()) + (1 - alpha) * b.get(c.id());
      }
      for (Node c : n.children()) {
        w.put(c.id(), (alpha * a.get(c.id()) + (1 - alpha) * b.get(c.id())) / sum);
      }
    }
    return w;
  }
}
