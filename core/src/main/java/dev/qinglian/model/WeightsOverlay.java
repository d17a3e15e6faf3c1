package dev.qinglian.model;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A weights overlay: node weights derived by {@code qinglian weights} (AHP, entropy, CRITIC…), kept
 * apart from {@code indicators.yaml} and loaded on top of it — with the model key {@code
 * weights-overlay: FILE} (relative to the model file) or the option {@code --weights FILE}. The
 * user's model is never rewritten.
 *
 * <pre>
 * method: entropy            # free text: how the weights were derived
 * weights:                   # node id: weight, relative among siblings
 *   D1: 0.1432
 *   D1.1: 0.3125
 * </pre>
 *
 * <p>The class is stateless and thread-safe.
 */
public final class WeightsOverlay {
  private static final Set<String> TOP = Set.of("method", "weights", "qinglian-weights");

  private WeightsOverlay() {}

  /** The model with the overlay in {@code file} applied; diagnostics name the file and line. */
  public static Loaded<IndicatorModel> apply(IndicatorModel model, Path file) {
    String name = file.toString();
    Loaded<String> read = dev.qinglian.internal.yaml.YamlReader.readText(file);
    if (read.hasErrors()) {
      return new Loaded<>(null, read.diagnostics());
    }
    String text = read.value();
    List<Diagnostic> diags = new ArrayList<>();
    YamlReader y = new YamlReader(name, diags);
    org.yaml.snakeyaml.nodes.Node doc = y.compose(new StringReader(text));
    Map<String, Double> weights = new LinkedHashMap<>();
    String method = "overlay";
    if (doc != null) {
      Map<String, org.yaml.snakeyaml.nodes.Node> top = y.mapping(doc, "", TOP);
      if (top != null && top.containsKey("method")) {
        String m = y.text(top.get("method"), "method");
        method = m == null ? method : m;
      }
      if (top != null && !top.containsKey("weights")) {
        y.error("model.required", doc, "", "weights");
      } else if (top != null) {
        org.yaml.snakeyaml.nodes.Node wn = top.get("weights");
        Set<String> ids = new java.util.HashSet<>();
        model.nodes().forEach(n -> ids.add(n.id()));
        Map<String, org.yaml.snakeyaml.nodes.Node> w = y.mapping(wn, "weights", ids);
        if (w != null) {
          for (Map.Entry<String, org.yaml.snakeyaml.nodes.Node> e : w.entrySet()) {
            double v = y.number(e.getValue(), "weights/" + e.getKey());
            if (!Double.isNaN(v) && !(v > 0)) {
              y.error(
                  "model.weight.nonpositive", e.getValue(), "weights/" + e.getKey(), e.getKey(), v);
            } else if (!Double.isNaN(v)) {
              weights.put(e.getKey(), v);
            }
          }
        }
      }
    }
    String label = file.getFileName() + " (" + method + ")";
    return Loaded.unlessErrors(() -> model.withWeights(weights, label), diags);
  }

  /** Writes an overlay atomically (see {@link #text}). */
  public static void write(
      Path file,
      IndicatorModel model,
      Map<String, Double> weights,
      String method,
      List<String> comments)
      throws IOException {
    dev.qinglian.io.AtomicFiles.write(file, text(file, model, weights, method, comments));
  }

  /** The overlay text; weights in model order, rounded to 6 decimals. */
  public static String text(
      Path file,
      IndicatorModel model,
      Map<String, Double> weights,
      String method,
      List<String> comments) {
    StringBuilder sb = new StringBuilder();
    sb.append("# qinglian weights overlay (")
        .append(method)
        .append("). Load it on top of the model with\n");
    sb.append("# `weights-overlay: ")
        .append(file.getFileName())
        .append("` in indicators.yaml (or name it when opening the workspace).\n");
    for (String c : comments) {
      sb.append("# ").append(c).append('\n');
    }
    sb.append("method: \"").append(method.replace("\"", "'")).append("\"\nweights:\n");
    for (Node n : model.nodes()) {
      Double w = weights.get(n.id());
      if (w != null) {
        sb.append("  \"")
            .append(n.id())
            .append("\": ")
            .append(String.format(Locale.ROOT, "%.6f", w))
            .append('\n');
      }
    }
    return sb.toString();
  }
}
