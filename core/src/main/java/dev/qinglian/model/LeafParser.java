package dev.qinglian.model;

import dev.qinglian.internal.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads what a leaf measures and how it is scored: direction, unit, denominator, frequency, source,
 * normalisation, range and outlier treatment, each problem a diagnostic at its line ({@link
 * ModelLoader}'s parse of the tree calls it for every node without children).
 */
final class LeafParser {
  private static final Set<String> DENOMINATOR_KEYS = Set.of("of", "per");
  private static final Set<String> GOALPOST_KEYS = Set.of("worst", "best");
  private static final Set<String> ZSCORE_KEYS = Set.of("mean", "sd");
  private static final Set<String> DEDUCTION_KEYS = Set.of("points");

  private final YamlReader y;

  LeafParser(YamlReader y) {
    this.y = y;
  }

  LeafSpec leaf(
      Map<String, org.yaml.snakeyaml.nodes.Node> s,
      org.yaml.snakeyaml.nodes.Node owner,
      String path,
      String id) {
    boolean ok = true;
    Direction direction = null;
    if (!s.containsKey("direction")) {
      y.error("model.required", owner, path, "direction");
      ok = false;
    } else {
      String d =
          y.choice(s.get("direction"), path + "/direction", List.of("higher", "lower", "+", "-"));
      if (d == null) {
        ok = false;
      } else {
        direction = d.equals("higher") || d.equals("+") ? Direction.HIGHER : Direction.LOWER;
      }
    }
    String unit = s.containsKey("unit") ? y.text(s.get("unit"), path + "/unit") : "";
    String source = s.containsKey("source") ? y.text(s.get("source"), path + "/source") : "";
    Frequency frequency = Frequency.M;
    if (s.containsKey("frequency")) {
      String f = y.choice(s.get("frequency"), path + "/frequency", List.of("M", "Q", "H", "Y"));
      if (f == null) {
        ok = false;
      } else {
        frequency = Frequency.valueOf(f);
      }
    }
    Denominator denominator = denominator(s.get("denominator"), path + "/denominator");
    ok &= denominator != null;
    double[] range = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    if (s.containsKey("range")) {
      range = pair(s.get("range"), path + "/range", null);
      if (range == null) {
        ok = false;
      } else if (range[0] > range[1]) {
        y.error("model.range.order", s.get("range"), path + "/range", range[0], range[1]);
        ok = false;
      }
    }
    Normalisation normalisation = normalisation(s, owner, path, id, direction);
    ok &= normalisation != null;
    if (!ok || direction == null) {
      return null;
    }
    Outliers outliers = outliers(s.get("outliers"), path + "/outliers");
    if (outliers == null) {
      return null;
    }
    if (outliers.kind() == Outliers.Kind.LOG && normalisation instanceof Normalisation.Goalposts) {
      y.error("model.outliers.log", s.get("outliers"), path + "/outliers", id);
      return null;
    }
    return new LeafSpec(
        direction,
        unit,
        denominator,
        frequency,
        source,
        normalisation,
        range[0],
        range[1],
        outliers);
  }

  private Outliers outliers(org.yaml.snakeyaml.nodes.Node n, String path) {
    if (n == null) {
      return Outliers.NONE;
    }
    List<String> kinds = List.of("none", "winsorise", "log");
    if (n instanceof ScalarNode) {
      String k = y.choice(n, path, kinds);
      return k == null ? null : kind(k, 5, 2, 3.5);
    }
    Map<String, org.yaml.snakeyaml.nodes.Node> m =
        y.mapping(n, path, Set.of("treatment", "max-points", "skew", "kurtosis", "fallback"));
    if (m == null || !m.containsKey("treatment")) {
      if (m != null) {
        y.error("model.required", n, path, "treatment");
      }
      return null;
    }
    String k = y.choice(m.get("treatment"), path + "/treatment", kinds);
    double max =
        m.containsKey("max-points") ? y.number(m.get("max-points"), path + "/max-points") : 5;
    double skew = m.containsKey("skew") ? y.number(m.get("skew"), path + "/skew") : 2;
    double kurt = m.containsKey("kurtosis") ? y.number(m.get("kurtosis"), path + "/kurtosis") : 3.5;
    if (k == null || Double.isNaN(max) || Double.isNaN(skew) || Double.isNaN(kurt)) {
      return null;
    }
    if (max < 0 || max != Math.rint(max) || !(skew > 0) || !(kurt > 0)) {
      y.error("model.outliers.limits", n, path, max, skew, kurt);
      return null;
    }
    Outliers o = kind(k, (int) max, skew, kurt);
    if (m.containsKey("fallback")) {
      String f = y.choice(m.get("fallback"), path + "/fallback", List.of("none", "log"));
      if (f == null) {
        return null;
      }
      if (o.kind() != Outliers.Kind.WINSORISE) {
        y.error("model.outliers.fallback", m.get("fallback"), path + "/fallback");
        return null;
      }
      o =
          new Outliers(
              o.kind(),
              o.maxPoints(),
              o.skew(),
              o.kurtosis(),
              f.equals("log") ? Outliers.Kind.LOG : Outliers.Kind.NONE);
    }
    return o;
  }

  private static Outliers kind(String k, int max, double skew, double kurt) {
    Outliers.Kind kind =
        switch (k) {
          case "winsorise" -> Outliers.Kind.WINSORISE;
          case "log" -> Outliers.Kind.LOG;
          default -> Outliers.Kind.NONE;
        };
    return new Outliers(kind, max, skew, kurt);
  }

  private Denominator denominator(org.yaml.snakeyaml.nodes.Node n, String path) {
    if (n == null) {
      return Denominator.NONE;
    }
    if (n instanceof ScalarNode) {
      String t = y.choice(n, path, List.of("none", "staff", "served"));
      if (t == null) {
        return null;
      }
      return switch (t) {
        case "staff" -> new Denominator(Denominator.Base.STAFF, 1);
        case "served" -> new Denominator(Denominator.Base.SERVED, 1);
        default -> Denominator.NONE;
      };
    }
    Map<String, org.yaml.snakeyaml.nodes.Node> m = y.mapping(n, path, DENOMINATOR_KEYS);
    if (m == null) {
      return null;
    }
    if (!m.containsKey("of")) {
      y.error("model.required", n, path, "of");
      return null;
    }
    String of = y.choice(m.get("of"), path + "/of", List.of("none", "staff", "served"));
    double per = m.containsKey("per") ? y.number(m.get("per"), path + "/per") : 1;
    if (!Double.isNaN(per) && !(per > 0)) {
      y.error("model.denominator.per", m.get("per"), path + "/per", per);
      return null;
    }
    if (of == null || Double.isNaN(per)) {
      return null;
    }
    return switch (of) {
      case "staff" -> new Denominator(Denominator.Base.STAFF, per);
      case "served" -> new Denominator(Denominator.Base.SERVED, per);
      default -> Denominator.NONE;
    };
  }

  /** A pair of numbers given as {@code [a, b]} or as a mapping with the two {@code keys}. */
  private double[] pair(org.yaml.snakeyaml.nodes.Node n, String path, Set<String> keys) {
    if (keys != null && n instanceof org.yaml.snakeyaml.nodes.MappingNode) {
      Map<String, org.yaml.snakeyaml.nodes.Node> m = y.mapping(n, path, keys);
      if (m == null || !m.containsKey("worst") || !m.containsKey("best")) {
        if (m != null) {
          y.error("model.required", n, path, "worst, best");
        }
        return null;
      }
      double a = y.number(m.get("worst"), path + "/worst");
      double b = y.number(m.get("best"), path + "/best");
      return Double.isNaN(a) || Double.isNaN(b) ? null : new double[] {a, b};
    }
    List<org.yaml.snakeyaml.nodes.Node> items = y.sequence(n, path);
    if (items == null) {
      return null;
    }
    if (items.size() != 2) {
      y.error("model.pair", n, path, path, items.size());
      return null;
    }
    double a = y.number(items.get(0), path);
    double b = y.number(items.get(1), path);
    return Double.isNaN(a) || Double.isNaN(b) ? null : new double[] {a, b};
  }

  /**
   * The parameters of a method that needs them ({@code zscore: {mean, sd}}, {@code deduction:
   * {points}}), every key of {@code keys} required, handed to {@code then}; null (reported with
   * {@code example}) when they are missing or not a mapping.
   */
  private Normalisation params(
      Map<String, org.yaml.snakeyaml.nodes.Node> s,
      org.yaml.snakeyaml.nodes.Node owner,
      String path,
      String id,
      String method,
      Set<String> keys,
      String example,
      java.util.function.Function<Map<String, org.yaml.snakeyaml.nodes.Node>, Normalisation> then) {
    if (!s.containsKey(method)) {
      y.error("model.method.params", owner, path, id, method, example);
      return null;
    }
    Map<String, org.yaml.snakeyaml.nodes.Node> m =
        y.mapping(s.get(method), path + "/" + method, keys);
    if (m == null || !m.keySet().containsAll(keys)) {
      y.error("model.method.params", s.get(method), path, id, method, example);
      return null;
    }
    return then.apply(m);
  }

  /** {@code zscore: {mean, sd}}: a mean in [0, 100] and a positive sd up to 100. */
  private Normalisation zscore(
      Map<String, org.yaml.snakeyaml.nodes.Node> m,
      org.yaml.snakeyaml.nodes.Node at,
      String path,
      String id) {
    double mean = y.number(m.get("mean"), path + "/zscore/mean");
    double sd = y.number(m.get("sd"), path + "/zscore/sd");
    if (!(mean >= 0 && mean <= 100) || !(sd > 0 && sd <= 100)) {
      y.error("model.zscore.range", at, path + "/zscore", id);
      return null;
    }
    return new Normalisation.ZScore(mean, sd);
  }

  /** {@code deduction: {points}}: the points a case costs, positive. */
  private Normalisation deduction(
      Map<String, org.yaml.snakeyaml.nodes.Node> m, String path, String id) {
    double points = y.number(m.get("points"), path + "/deduction/points");
    if (!(points > 0)) {
      if (!Double.isNaN(points)) {
        y.error("model.deduction.points", m.get("points"), path + "/deduction/points", id, points);
      }
      return null;
    }
    return new Normalisation.Deduction(points);
  }

  private Normalisation normalisation(
      Map<String, org.yaml.snakeyaml.nodes.Node> s,
      org.yaml.snakeyaml.nodes.Node owner,
      String path,
      String id,
      Direction direction) {
    String method = "goalposts";
    if (s.containsKey("normalisation")) {
      method =
          y.choice(
              s.get("normalisation"),
              path + "/normalisation",
              List.of("goalposts", "minmax", "zscore", "rank", "deduction"));
      if (method == null) {
        return null;
      }
    }
    switch (method) {
      case "minmax":
        {
          if (!s.containsKey("minmax")) {
            return new Normalisation.MinMax();
          }
          Map<String, org.yaml.snakeyaml.nodes.Node> m =
              y.mapping(s.get("minmax"), path + "/minmax", Set.of("min", "max"));
          if (m == null) {
            return null;
          }
          double lo = m.containsKey("min") ? y.number(m.get("min"), path + "/minmax/min") : 0;
          double hi = m.containsKey("max") ? y.number(m.get("max"), path + "/minmax/max") : 100;
          if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return null;
          }
          if (!(lo >= 0 && lo < hi && hi <= 100)) {
            y.error("model.minmax.range", s.get("minmax"), path + "/minmax", id, lo, hi);
            return null;
          }
          return new Normalisation.MinMax(lo, hi);
        }
      case "rank":
        return new Normalisation.Rank();
      case "zscore":
        return params(
            s,
            owner,
            path,
            id,
            "zscore",
            ZSCORE_KEYS,
            "zscore: {mean: 70, sd: 10}",
            m -> zscore(m, s.get("zscore"), path, id));
      case "deduction":
        return params(
            s,
            owner,
            path,
            id,
            "deduction",
            DEDUCTION_KEYS,
            "deduction: {points: 10}",
            m -> deduction(m, path, id));
      default:
        {
          if (!s.containsKey("goalposts")) {
            y.error(
                "model.method.params", owner, path, id, "goalposts", "goalposts: [worst, best]");
            return null;
          }
          double[] g = pair(s.get("goalposts"), path + "/goalposts", GOALPOST_KEYS);
          if (g == null) {
            return null;
          }
          if (g[0] == g[1]) {
            y.error("model.goalposts.equal", s.get("goalposts"), path + "/goalposts", id, g[0]);
            return null;
          }
          if (direction != null && (direction == Direction.HIGHER) != (g[1] > g[0])) {
            y.error(
                "model.goalposts.direction",
                s.get("goalposts"),
                path + "/goalposts",
                id,
                direction == Direction.HIGHER ? "higher" : "lower",
                g[0],
                g[1]);
            return null;
          }
          return new Normalisation.Goalposts(g[0], g[1]);
        }
    }
  }
}
