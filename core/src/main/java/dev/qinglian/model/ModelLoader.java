package dev.qinglian.model;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.diag.Location;
import dev.qinglian.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@link IndicatorModel} from YAML and reports every problem at once, each with file,
 * line, column and model path. The YAML is composed into a node tree only (no object construction),
 * with bounded aliases, nesting and size.
 *
 * <p>Leaf attributes ({@code direction}, {@code unit}, {@code denominator}, {@code frequency},
 * {@code source}, {@code normalisation}, {@code goalposts}, {@code zscore}, {@code deduction},
 * {@code range}) and {@code aggregation} (with a geometric node's {@code floor}) may be given in
 * {@code defaults} or on any inner node and are inherited by its descendants; a node's own value
 * wins.
 *
 * <p>Instances are stateless; the class is thread-safe.
 */
public final class ModelLoader {
  private static final Set<String> TOP =
      Set.of(
          "qinglian",
          "name",
          "language",
          "defaults",
          "missing",
          "bands",
          "overrides",
          "index",
          "weights-overlay",
          "sources");
  private static final Set<String> INHERITED =
      Set.of(
          "aggregation",
          "direction",
          "unit",
          "denominator",
          "frequency",
          "source",
          "normalisation",
          "goalposts",
          "zscore",
          "deduction",
          "range",
          "outliers",
          "floor",
          "minmax");
  private static final Set<String> NODE_KEYS =
      union(INHERITED, "id", "name", "weight", "children", "note");
  private static final Set<String> MISSING_KEYS =
      Set.of("policy", "max-months", "min-coverage", "group-by");

  private ModelLoader() {}

  /**
   * Reads a model file (UTF-8), and the weights overlay it names with {@code weights-overlay}
   * (relative to the model file). An unreadable file is reported as a diagnostic.
   */
  public static Loaded<IndicatorModel> load(Path file) {
    return read(file).model();
  }

  /**
   * A model file as read: the model (with the overlay it names applied) and that overlay's file,
   * for provenance.
   *
   * @param model the model, or the diagnostics
   * @param overlay the file its {@code weights-overlay} key names, if it names one
   */
  public record Read(Loaded<IndicatorModel> model, java.util.Optional<Path> overlay) {}

  /** Reads a model file as {@link #load(Path)} does, and says which overlay file it named. */
  public static Read read(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      return new Read(
          new Loaded<>(
              null,
              List.of(Diagnostic.error("file.unreadable", Location.of(name), e.getMessage()))),
          java.util.Optional.empty());
    }
    Parse parse = new Parse(name, new ArrayList<>());
    Loaded<IndicatorModel> model = load(name, parse, new StringReader(text));
    String overlay = parse.overlay;
    if (overlay == null) {
      return new Read(model, java.util.Optional.empty());
    }
    Path overlayFile;
    try {
      overlayFile = file.resolveSibling(overlay);
    } catch (java.nio.file.InvalidPathException e) {
      if (model.hasErrors()) {
        return new Read(model, java.util.Optional.empty());
      }
      return new Read(
          new Loaded<>(
              null,
              List.of(Diagnostic.error("file.unreadable", Location.of(overlay), e.getMessage()))),
          java.util.Optional.empty());
    }
    if (model.hasErrors()) {
      return new Read(model, java.util.Optional.of(overlayFile));
    }
    Loaded<IndicatorModel> applied = WeightsOverlay.apply(model.value(), overlayFile);
    List<Diagnostic> all = new ArrayList<>(model.diagnostics());
    all.addAll(applied.diagnostics());
    return new Read(new Loaded<>(applied.value(), all), java.util.Optional.of(overlayFile));
  }

  /** Name under which the built-in default model appears in diagnostics. */
  public static final String DEFAULT_NAME = "indicators.yaml (built-in default)";

  /**
   * Reads the built-in default model (7 dimensions, 18 first-level and 46 second-level indicators),
   * the same as the project's {@code indicators.yaml}.
   */
  public static Loaded<IndicatorModel> loadDefault() {
    try (var in = ModelLoader.class.getResourceAsStream("indicators.yaml")) {
      if (in == null) {
        return new Loaded<>(
            null,
            List.of(
                Diagnostic.error(
                    "file.unreadable", Location.of(DEFAULT_NAME), "missing resource")));
      }
      return load(
          DEFAULT_NAME, new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return new Loaded<>(
          null,
          List.of(Diagnostic.error("file.unreadable", Location.of(DEFAULT_NAME), e.getMessage())));
    }
  }

  /** Reads a model from a reader; {@code file} names it in diagnostics. */
  public static Loaded<IndicatorModel> load(String file, Reader reader) {
    return load(file, new Parse(file, new ArrayList<>()), reader);
  }

  private static Loaded<IndicatorModel> load(String file, Parse parse, Reader reader) {
    List<Diagnostic> diags = parse.diags;
    IndicatorModel model;
    try {
      model = parse.run(reader);
    } catch (RuntimeException e) {
      // a combination the checks above did not foresee: still a diagnostic, never a crash
      diags.add(
          Diagnostic.error("model.invalid", Location.of(file), String.valueOf(e.getMessage())));
      model = null;
    }
    if (model == null && diags.stream().noneMatch(Diagnostic::isError)) {
      diags.add(Diagnostic.error("model.invalid", Location.of(file), "no model"));
    }
    IndicatorModel parsed = model;
    return Loaded.unlessErrors(() -> parsed, once(diags));
  }

  /**
   * The diagnostics with one per place and kind: a bad value in {@code defaults} (or on an inner
   * node) is inherited by every leaf below and would otherwise be reported once per leaf.
   */
  private static List<Diagnostic> once(List<Diagnostic> diags) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : diags) {
      Location l = d.location();
      if (l.line() == 0 || seen.add(d.code() + "@" + l)) {
        out.add(d);
      }
    }
    return out;
  }

  private static Set<String> union(Set<String> base, String... more) {
    java.util.HashSet<String> s = new java.util.HashSet<>(base);
    s.addAll(List.of(more));
    return Set.copyOf(s);
  }

  /** One parse: the reader, the diagnostics and the ids seen so far. */
  private static final class Parse {
    private final YamlReader y;
    private final List<Diagnostic> diags;
    private final Map<String, org.yaml.snakeyaml.nodes.Node> ids = new HashMap<>();

    /** The top-level {@code weights-overlay} file name, or null. */
    String overlay;

    Parse(String file, List<Diagnostic> diags) {
      this.y = new YamlReader(file, diags);
      this.diags = diags;
      this.leaves = new LeafParser(y);
      this.fields = new ModelFields(y);
      this.colours = new ColourRules(y, fields, ids);
    }

    /** Required texts and names, on the same reader. */
    private final ModelFields fields;

    /** The parser of bands and override rules, on the same reader. */
    private final ColourRules colours;

    /** The parser of the leaves' specifications, on the same reader. */
    private final LeafParser leaves;

    IndicatorModel run(Reader reader) {
      org.yaml.snakeyaml.nodes.Node doc = y.compose(reader);
      if (doc == null) {
        return null;
      }
      Map<String, org.yaml.snakeyaml.nodes.Node> top = y.mapping(doc, "", TOP);
      if (top == null) {
        return null;
      }
      if (top.containsKey("weights-overlay")) {
        String o = y.text(top.get("weights-overlay"), "weights-overlay");
        overlay = o == null || o.isBlank() ? null : o.strip();
      }
      if (top.containsKey("qinglian")) {
        String v = y.text(top.get("qinglian"), "qinglian");
        if (v != null && !v.strip().equals("1")) {
          y.error("model.version", top.get("qinglian"), "qinglian", v.strip());
        }
      }
      String language =
          top.containsKey("language")
              ? y.choice(top.get("language"), "language", List.of("zh", "en"))
              : "zh";
      Map<String, org.yaml.snakeyaml.nodes.Node> defaults = new LinkedHashMap<>();
      if (top.containsKey("defaults")) {
        Map<String, org.yaml.snakeyaml.nodes.Node> d =
            y.mapping(top.get("defaults"), "defaults", INHERITED);
        if (d != null) {
          defaults.putAll(d);
        }
      }
      MissingPolicy missing = missing(top.get("missing"));
      List<Band> bands = colours.bands(top.get("bands"), doc);
      Node root = null;
      if (!top.containsKey("index")) {
        y.error("model.required", doc, "", "index");
      } else {
        root = node(top.get("index"), "", defaults, true);
      }
      List<OverrideRule> rules =
          !top.containsKey("overrides")
              ? List.of()
              : top.containsKey("bands")
                  ? colours.overrides(top.get("overrides"), root, bands)
                  : colours.noBands(top.get("overrides"));
      if (diags.stream().anyMatch(Diagnostic::isError) || root == null) {
        return null;
      }
      IndicatorModel model = new IndicatorModel(root, bands, rules, missing, language);
      return top.containsKey("sources") ? model.withSources(sources(top.get("sources"))) : model;
    }

    /** {@code sources:} a source id, as the leaves name it, to its names ({zh, en} or one text). */
    private Map<String, Names> sources(org.yaml.snakeyaml.nodes.Node n) {
      Map<String, Names> out = new LinkedHashMap<>();
      if (!(n instanceof org.yaml.snakeyaml.nodes.MappingNode m)) {
        y.error("model.type.mapping", n, "sources", "sources");
        return out;
      }
      for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
        String id = y.text(t.getKeyNode(), "sources");
        Names names = fields.names(t.getValueNode(), id, "sources/" + id);
        if (id != null && names != null) {
          out.put(id, names);
        }
      }
      return out;
    }

    private MissingPolicy missing(org.yaml.snakeyaml.nodes.Node n) {
      MissingPolicy.Kind kind = MissingPolicy.Kind.EXCLUDE;
      int maxMonths = 3;
      double minCoverage = 0.7;
      if (n == null) {
        return new MissingPolicy(kind, maxMonths, minCoverage);
      }
      Map<String, org.yaml.snakeyaml.nodes.Node> m = y.mapping(n, "missing", MISSING_KEYS);
      if (m == null) {
        return new MissingPolicy(kind, maxMonths, minCoverage);
      }
      if (m.containsKey("policy")) {
        String p =
            y.choice(
                m.get("policy"),
                "missing/policy",
                List.of("exclude", "mean", "group-mean", "last-value"));
        for (MissingPolicy.Kind k : MissingPolicy.Kind.values()) {
          if (k.key().equals(p)) {
            kind = k;
          }
        }
      }
      if (m.containsKey("max-months")) {
        double v = y.number(m.get("max-months"), "missing/max-months");
        if (!Double.isNaN(v) && (v < 0 || v != Math.rint(v) || v > 120)) {
          y.error("model.missing.months", m.get("max-months"), "missing/max-months", v);
        } else if (!Double.isNaN(v)) {
          maxMonths = (int) v;
        }
      }
      if (m.containsKey("min-coverage")) {
        double v = y.number(m.get("min-coverage"), "missing/min-coverage");
        if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) {
          y.error("model.missing.coverage", m.get("min-coverage"), "missing/min-coverage", v);
        } else if (!Double.isNaN(v)) {
          minCoverage = v;
        }
      }
      String groupBy = "type";
      if (m.containsKey("group-by")) {
        String g = y.text(m.get("group-by"), "missing/group-by");
        if (g != null && !g.isBlank()) {
          groupBy = g.strip();
        }
      }
      return new MissingPolicy(kind, maxMonths, minCoverage, groupBy);
    }

    /** Parses a node and its subtree; null when it has errors (they are recorded). */
    private Node node(
        org.yaml.snakeyaml.nodes.Node n,
        String parentPath,
        Map<String, org.yaml.snakeyaml.nodes.Node> inherited,
        boolean isRoot) {
      Map<String, org.yaml.snakeyaml.nodes.Node> m =
          y.mapping(n, parentPath.isEmpty() ? "index" : parentPath, NODE_KEYS);
      if (m == null) {
        return null;
      }
      String id = fields.requiredText(m, "id", n, parentPath);
      String path =
          parentPath.isEmpty()
              ? (id == null ? "?" : id)
              : parentPath + "/" + (id == null ? "?" : id);
      if (id != null) {
        org.yaml.snakeyaml.nodes.Node first = ids.putIfAbsent(id, n);
        if (first != null) {
          y.error("model.id.duplicate", m.get("id"), path, id, y.at(first).line());
        }
      }
      Names names = fields.names(m.get("name"), id, path + "/name");
      double weight = 1;
      if (m.containsKey("weight")) {
        weight = y.number(m.get("weight"), path + "/weight");
        if (!Double.isNaN(weight) && !(weight > 0 && Double.isFinite(weight))) {
          y.error("model.weight.nonpositive", m.get("weight"), path + "/weight", id, weight);
          weight = Double.NaN;
        }
      }
      Map<String, org.yaml.snakeyaml.nodes.Node> scope = new LinkedHashMap<>(inherited);
      for (String key : INHERITED) {
        if (m.containsKey(key)) {
          scope.put(key, m.get(key));
        }
      }
      Aggregation aggregation = Aggregation.ARITHMETIC;
      if (scope.containsKey("aggregation")) {
        String a =
            y.choice(
                scope.get("aggregation"),
                path + "/aggregation",
                List.of("arithmetic", "geometric"));
        aggregation = "geometric".equals(a) ? Aggregation.GEOMETRIC : Aggregation.ARITHMETIC;
      }
      // the lowest child score a geometric mean takes: below it a child counts as the floor
      double floor = Double.NaN;
      if (scope.containsKey("floor")) {
        double f = y.number(scope.get("floor"), path + "/floor");
        if (!Double.isNaN(f) && !(f > 0 && f < 100)) {
          y.error("model.floor", scope.get("floor"), path + "/floor", f);
        } else {
          floor = f;
        }
      }
      List<Node> children = new ArrayList<>();
      LeafSpec leaf = null;
      boolean childError = false;
      if (m.containsKey("children")) {
        List<org.yaml.snakeyaml.nodes.Node> items =
            y.sequence(m.get("children"), path + "/children");
        if (items != null && items.isEmpty()) {
          y.error("model.children.empty", m.get("children"), path, id);
        }
        if (items != null) {
          for (org.yaml.snakeyaml.nodes.Node item : items) {
            Node child = node(item, path, scope, false);
            if (child == null) {
              childError = true;
            } else {
              children.add(child);
            }
          }
        }
      } else if (isRoot) {
        y.error("model.required", n, path, "children");
      } else {
        leaf = leaves.leaf(scope, n, path, id);
      }
      if (id == null
          || names == null
          || Double.isNaN(weight)
          || childError
          || (children.isEmpty() && leaf == null)) {
        return null;
      }
      return new Node(
          id,
          names,
          weight,
          aggregation,
          children,
          leaf,
          aggregation == Aggregation.GEOMETRIC ? floor : Double.NaN);
    }
  }
}
