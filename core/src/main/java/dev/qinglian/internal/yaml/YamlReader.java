package dev.qinglian.internal.yaml;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.diag.Location;
import dev.qinglian.internal.Suggest;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Composes YAML into SnakeYAML's node tree (no object construction, so no arbitrary types) with
 * bounded aliases, nesting and size, and reads typed values from it while collecting diagnostics
 * that carry the file, line and column of the offending node.
 */
public final class YamlReader {
  /** Largest model document accepted, in code points. */
  public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

  /** Deepest nesting accepted. */
  public static final int MAX_DEPTH = 64;

  /** Longest line of a model file, in characters. */
  public static final int MAX_LINE = 65_536;

  /** Aliases accepted for collections (guards against "billion laughs"). */
  public static final int MAX_ALIASES = 20;

  private final String file;
  private final List<Diagnostic> diagnostics;

  /**
   * A YAML file's text (UTF-8), or the {@code file.unreadable} diagnostic naming it: how the
   * model's companions (weights overlays, AHP judgements) are read.
   */
  public static Loaded<String> readText(java.nio.file.Path file) {
    try {
      return new Loaded<>(
          java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8), List.of());
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return new Loaded<>(
          null,
          List.of(
              Diagnostic.error("file.unreadable", Location.of(file.toString()), e.getMessage())));
    }
  }

  /** A reader reporting into {@code diagnostics} for {@code file}. */
  public YamlReader(String file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** Composes the document; null (with a diagnostic) when it is not valid YAML. */
  public Node compose(Reader reader) {
    // the limits enforced before SnakeYAML sees a character: its scanner is slow on very long
    // lines (a 1 M-character scalar 3 s, 12 M 61 s), so a line over MAX_LINE is refused, and so
    // is a document over MAX_CODE_POINTS (comments included), read no further than that
    String text;
    try {
      char[] buf = new char[8192];
      StringBuilder sb = new StringBuilder();
      for (int n = reader.read(buf); n > 0; n = reader.read(buf)) {
        sb.append(buf, 0, n);
        if (sb.length() > MAX_CODE_POINTS) {
          diagnostics.add(Diagnostic.error("model.size", Location.of(file), MAX_CODE_POINTS));
          return null;
        }
      }
      text = sb.toString();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      diagnostics.add(Diagnostic.error("file.unreadable", Location.of(file), e.getMessage()));
      return null;
    }
    long line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_LINE) {
          diagnostics.add(Diagnostic.error("model.line", Location.of(file, line, 1), MAX_LINE));
          return null;
        }
        line++;
        start = i + 1;
      }
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowDuplicateKeys(true); // reported by us, with both places
    options.setAllowRecursiveKeys(false);
    try {
      Node node = new Yaml(options).compose(new java.io.StringReader(text));
      if (node == null) {
        diagnostics.add(Diagnostic.error("model.empty", Location.of(file)));
      }
      return node;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      diagnostics.add(Diagnostic.error("model.yaml", at(mark), problem.trim()));
      return null;
    } catch (YAMLException | IllegalArgumentException | IllegalStateException e) {
      diagnostics.add(
          Diagnostic.error("model.yaml", Location.of(file), String.valueOf(e.getMessage())));
      return null;
    }
  }

  /** The location of a node. */
  public Location at(Node node) {
    return at(node.getStartMark());
  }

  private Location at(Mark mark) {
    return mark == null
        ? Location.of(file)
        : Location.of(file, mark.getLine() + 1L, mark.getColumn() + 1);
  }

  /** Records an error at a node. */
  public void error(String code, Node node, String path, Object... args) {
    diagnostics.add(Diagnostic.error(code, at(node), args).withModelPath(path));
  }

  /**
   * The entries of a mapping node in order, reporting duplicate keys and keys outside {@code
   * allowed}; null (with a diagnostic) when the node is not a mapping.
   */
  public Map<String, Node> mapping(Node node, String path, Set<String> allowed) {
    if (!(node instanceof MappingNode mapping)) {
      error("model.type.mapping", node, path, path);
      return null;
    }
    Map<String, Node> out = new LinkedHashMap<>();
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        error("model.key.type", tuple.getKeyNode(), path);
        continue;
      }
      String key = keyNode.getValue();
      if (keys.containsKey(key)) {
        error("model.key.duplicate", keyNode, path, key, at(keys.get(key)).line());
        continue;
      }
      keys.put(key, keyNode);
      if (!allowed.contains(key)) {
        error(
            "model.key.unknown",
            keyNode,
            path,
            key,
            String.join(", ", Suggest.closest(key, allowed, 3)));
        continue;
      }
      out.put(key, tuple.getValueNode());
    }
    return out;
  }

  /** The items of a sequence node; null (with a diagnostic) when it is not a sequence. */
  public List<Node> sequence(Node node, String path) {
    if (!(node instanceof SequenceNode seq)) {
      error("model.type.sequence", node, path, path);
      return null;
    }
    return new ArrayList<>(seq.getValue());
  }

  /** The text of a scalar; null (with a diagnostic) when it is not a scalar. */
  public String text(Node node, String path) {
    if (!(node instanceof ScalarNode scalar)) {
      error("model.type.scalar", node, path, path);
      return null;
    }
    return scalar.getValue();
  }

  /** A finite number; NaN (with a diagnostic) when it is not one. */
  public double number(Node node, String path) {
    String text = text(node, path);
    if (text == null) {
      return Double.NaN;
    }
    String t = text.trim();
    if (t.equals(".inf") || t.equals("+.inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (t.equals("-.inf")) {
      return Double.NEGATIVE_INFINITY;
    }
    try {
      double v = Double.parseDouble(t);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    error("model.number", node, path, path, text);
    return Double.NaN;
  }

  /** One of {@code allowed} (case-insensitive); null (with a diagnostic) otherwise. */
  public String choice(Node node, String path, List<String> allowed) {
    String text = text(node, path);
    if (text == null) {
      return null;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(text.trim())) {
        return a;
      }
    }
    error("model.value.invalid", node, path, path, text, String.join(", ", allowed));
    return null;
  }
}
