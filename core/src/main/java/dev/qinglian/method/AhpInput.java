package dev.qinglian.method;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.internal.yaml.YamlReader;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads AHP pairwise comparison matrices from YAML, one per node whose children they weigh (rows
 * and columns in the order of the children in the model); entries are numbers or fractions such as
 * {@code 1/3}:
 *
 * <pre>
 * matrices:
 *   CGI:                      # the index: its 7 dimensions
 *     - [1,   1,   2, 1, 1/2, 1, 2]
 *     ...
 *   D5: [[1, 2, 3], [1/2, 1, 2], [1/3, 1/2, 1]]
 * </pre>
 *
 * <p>Every problem is reported with file, line and column: unknown node, wrong size, an entry that
 * is not a positive number, a matrix that is not reciprocal, and a consistency ratio of 0.10 or
 * more (naming the most inconsistent pair) unless inconsistency is allowed (then a warning).
 *
 * <p>The class is stateless and thread-safe.
 */
public final class AhpInput {
  private AhpInput() {}

  /** The analysed matrices by node id, in file order. */
  public static Loaded<Map<String, Ahp>> read(
      Path file, IndicatorModel model, boolean allowInconsistent) {
    String name = file.toString();
    List<Diagnostic> diags = new ArrayList<>();
    Loaded<String> read = YamlReader.readText(file);
    if (read.hasErrors()) {
      return new Loaded<>(null, read.diagnostics());
    }
    String text = read.value();
    YamlReader y = new YamlReader(name, diags);
    org.yaml.snakeyaml.nodes.Node doc = y.compose(new StringReader(text));
    Map<String, Ahp> out = new LinkedHashMap<>();
    if (doc == null) {
      return new Loaded<>(null, diags);
    }
    Map<String, org.yaml.snakeyaml.nodes.Node> top = y.mapping(doc, "", Set.of("matrices"));
    if (top == null || !top.containsKey("matrices")) {
      if (top != null) {
        y.error("model.required", doc, "", "matrices");
      }
      return new Loaded<>(null, diags);
    }
    Set<String> inner =
        model.nodes().stream().filter(n -> !n.isLeaf()).map(Node::id).collect(Collectors.toSet());
    Map<String, org.yaml.snakeyaml.nodes.Node> matrices =
        y.mapping(top.get("matrices"), "matrices", inner);
    if (matrices == null) {
      return new Loaded<>(null, diags);
    }
    for (Map.Entry<String, org.yaml.snakeyaml.nodes.Node> e : matrices.entrySet()) {
      Node node = model.node(e.getKey()).orElseThrow();
      int n = node.children().size();
      String path = "matrices/" + node.id();
      List<org.yaml.snakeyaml.nodes.Node> rows = y.sequence(e.getValue(), path);
      if (rows == null) {
        continue;
      }
      if (rows.size() != n) {
        y.error("ahp.size", e.getValue(), path, node.id(), rows.size(), n, childIds(node));
        continue;
      }
      double[][] a = new double[n][n];
      boolean ok = true;
      for (int i = 0; i < n && ok; i++) {
        List<org.yaml.snakeyaml.nodes.Node> cells = y.sequence(rows.get(i), path);
        if (cells == null || cells.size() != n) {
          if (cells != null) {
            y.error("ahp.size", rows.get(i), path, node.id(), cells.size(), n, childIds(node));
          }
          ok = false;
          break;
        }
        for (int j = 0; j < n; j++) {
          String t = y.text(cells.get(j), path);
          double v = fraction(t);
          if (!(v > 0) || Double.isInfinite(v)) {
            y.error("ahp.entry", cells.get(j), path, t, node.id());
            ok = false;
          }
          a[i][j] = v;
        }
      }
      if (!ok) {
        continue;
      }
      for (int i = 0; i < n && ok; i++) {
        for (int j = i + 1; j < n && ok; j++) {
          if (Math.abs(a[i][j] * a[j][i] - 1) > 1e-2) {
            y.error(
                "ahp.reciprocal",
                e.getValue(),
                path,
                node.id(),
                node.children().get(i).id(),
                node.children().get(j).id(),
                fmt(a[i][j]),
                fmt(a[j][i]));
            ok = false;
          }
        }
      }
      if (!ok) {
        continue;
      }
      // a matrix written with rounded fractions (0.33 for 1/3) is made exactly reciprocal
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          a[i][j] = 1 / a[j][i];
        }
      }
      Ahp ahp = Ahp.of(a);
      if (ahp.cr() >= Ahp.MAX_CR) {
        Diagnostic d =
            allowInconsistent
                ? Diagnostic.warning(
                    "ahp.inconsistent",
                    y.at(e.getValue()),
                    node.id(),
                    fmt4(ahp.cr()),
                    node.children().get(ahp.worstI()).id(),
                    node.children().get(ahp.worstJ()).id())
                : Diagnostic.error(
                    "ahp.inconsistent",
                    y.at(e.getValue()),
                    node.id(),
                    fmt4(ahp.cr()),
                    node.children().get(ahp.worstI()).id(),
                    node.children().get(ahp.worstJ()).id());
        diags.add(d.withModelPath(path));
        if (!allowInconsistent) {
          continue;
        }
      }
      out.put(node.id(), ahp);
    }
    return Loaded.unlessErrors(() -> out, diags);
  }

  private static String childIds(Node n) {
    return n.children().stream().map(Node::id).collect(Collectors.joining(", "));
  }

  private static String fmt(double v) {
    return v == Math.rint(v)
        ? Long.toString((long) v)
        : String.format(java.util.Locale.ROOT, "%.4g", v);
  }

  private static String fmt4(double v) {
    return String.format(java.util.Locale.ROOT, "%.4f", v);
  }

  /** {@code 3}, {@code 0.5}, {@code 1/3}; NaN for anything else. */
  static double fraction(String t) {
    if (t == null) {
      return Double.NaN;
    }
    String s = t.strip();
    try {
      int slash = s.indexOf('/');
      if (slash > 0) {
        return Double.parseDouble(s.substring(0, slash).strip())
            / Double.parseDouble(s.substring(slash + 1).strip());
      }
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
