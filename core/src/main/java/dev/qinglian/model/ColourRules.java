package dev.qinglian.model;

import dev.qinglian.internal.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The colour part of a model file: {@code bands} and the {@code overrides} that cap them. */
final class ColourRules {
  private static final Set<String> BAND_KEYS = Set.of("id", "name", "min", "colour");
  private static final Set<String> RULE_KEYS =
      Set.of("id", "name", "indicator", "above", "at-least", "below", "at-most", "cap");

  private final YamlReader y;
  private final ModelFields fields;

  /** The ids of the model's nodes seen so far (a rule's indicator when the tree failed). */
  private final Map<String, org.yaml.snakeyaml.nodes.Node> ids;

  ColourRules(YamlReader y, ModelFields fields, Map<String, org.yaml.snakeyaml.nodes.Node> ids) {
    this.y = y;
    this.fields = fields;
    this.ids = ids;
  }

  List<Band> bands(org.yaml.snakeyaml.nodes.Node n, org.yaml.snakeyaml.nodes.Node doc) {
    if (n == null) {
      return List.of(); // a model without colours: scored and ranked
    }
    List<org.yaml.snakeyaml.nodes.Node> items = y.sequence(n, "bands");
    List<Band> out = new ArrayList<>();
    if (items == null) {
      return out;
    }
    if (items.isEmpty()) {
      y.error("model.required", n, "bands", "bands");
    }
    double previous = Double.POSITIVE_INFINITY;
    Map<String, org.yaml.snakeyaml.nodes.Node> seen = new HashMap<>();
    for (ModelFields.Item item : fields.items(items, "bands", BAND_KEYS)) {
      Map<String, org.yaml.snakeyaml.nodes.Node> m = item.m();
      String path = item.path();
      String id = item.id();
      double min;
      if (m.containsKey("min")) {
        min = y.number(m.get("min"), path + "/min");
      } else if (item.last()) {
        min = Double.NEGATIVE_INFINITY;
      } else {
        y.error("model.required", item.node(), path, "min");
        min = Double.NaN;
      }
      if (!Double.isNaN(min) && !(min < previous)) {
        y.error("model.bands.order", m.get("min"), path + "/min", item.name(), min, previous);
      }
      if (!Double.isNaN(min)) {
        previous = min;
      }
      String colour =
          m.containsKey("colour") ? y.text(m.get("colour"), path + "/colour") : "#808080";
      if (colour != null && !colour.matches("#[0-9a-fA-F]{6}")) {
        y.error("model.colour", m.get("colour"), path + "/colour", colour);
        colour = null;
      }
      if (id != null && seen.putIfAbsent(id, item.node()) != null) {
        y.error("model.id.duplicate", item.node(), path, id, y.at(seen.get(id)).line());
        id = null;
      }
      if (id != null && item.names() != null && !Double.isNaN(min) && colour != null) {
        out.add(new Band(id, item.names(), min, colour));
      }
    }
    return out;
  }

  /** Override rules in a model without bands: a rule caps a colour, so they are refused. */
  List<OverrideRule> noBands(org.yaml.snakeyaml.nodes.Node n) {
    List<org.yaml.snakeyaml.nodes.Node> items = y.sequence(n, "overrides");
    if (items != null && !items.isEmpty()) {
      y.error("model.override.nobands", n, "overrides", items.size());
    }
    return List.of();
  }

  List<OverrideRule> overrides(org.yaml.snakeyaml.nodes.Node n, Node root, List<Band> bands) {
    List<org.yaml.snakeyaml.nodes.Node> items = y.sequence(n, "overrides");
    List<OverrideRule> out = new ArrayList<>();
    if (items == null) {
      return out;
    }
    if (items.size() > IndicatorModel.MAX_OVERRIDES) {
      y.error(
          "model.override.count",
          items.get(IndicatorModel.MAX_OVERRIDES),
          "overrides",
          items.size(),
          IndicatorModel.MAX_OVERRIDES);
    }
    Map<String, Node> leaves = new HashMap<>();
    if (root != null) {
      collectLeaves(root, leaves);
    }
    for (ModelFields.Item item : fields.items(items, "overrides", RULE_KEYS)) {
      Map<String, org.yaml.snakeyaml.nodes.Node> m = item.m();
      String path = item.path();
      String id = item.id();
      Names names = item.names();
      String indicator = fields.requiredText(m, "indicator", item.node(), path);
      boolean known = root != null ? leaves.containsKey(indicator) : ids.containsKey(indicator);
      if (indicator != null && !known) {
        y.error(
            "model.override.indicator",
            m.get("indicator"),
            path + "/indicator",
            indicator,
            String.join(
                ", ",
                dev.qinglian.internal.Suggest.siblings(
                    indicator, root != null ? leaves.keySet() : ids.keySet(), 4)));
        indicator = null;
      }
      OverrideRule.Comparison comparison = null;
      double threshold = Double.NaN;
      for (OverrideRule.Comparison c : OverrideRule.Comparison.values()) {
        if (m.containsKey(c.key())) {
          if (comparison != null) {
            y.error("model.override.comparison", m.get(c.key()), path, item.name());
          }
          comparison = c;
          threshold = y.number(m.get(c.key()), path + "/" + c.key());
        }
      }
      if (comparison == null) {
        y.error("model.override.comparison", item.node(), path, item.name());
      }
      String cap = fields.requiredText(m, "cap", item.node(), path);
      if (cap != null && bands.stream().noneMatch(b -> b.id().equals(cap))) {
        y.error(
            "model.override.cap",
            m.get("cap"),
            path + "/cap",
            cap,
            bands.isEmpty() ? "—" : String.join(", ", bands.stream().map(Band::id).toList()));
        continue;
      }
      if (id != null
          && names != null
          && indicator != null
          && comparison != null
          && !Double.isNaN(threshold)
          && cap != null) {
        out.add(new OverrideRule(id, names, indicator, comparison, threshold, cap));
      }
    }
    return out;
  }

  private static void collectLeaves(Node node, Map<String, Node> out) {
    if (node.isLeaf()) {
      out.put(node.id(), node);
    }
    for (Node c : node.children()) {
      collectLeaves(c, out);
    }
  }
}
