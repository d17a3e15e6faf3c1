package dev.qinglian.model;

import dev.qinglian.internal.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The fields every part of a model file has alike: required texts, names, items of a list. */
final class ModelFields {
  static final Set<String> NAME_KEYS = Set.of("zh", "en");

  private final YamlReader y;

  ModelFields(YamlReader y) {
    this.y = y;
  }

  /**
   * An item of a list of named entries ({@code bands}, {@code overrides}).
   *
   * @param node the item as read
   * @param m its keys
   * @param id its id, or null (reported)
   * @param names its names (the id when it has none), or null (reported)
   * @param path its path in the file ({@code bands/2})
   * @param last whether it is the list's last item
   */
  record Item(
      org.yaml.snakeyaml.nodes.Node node,
      Map<String, org.yaml.snakeyaml.nodes.Node> m,
      String id,
      Names names,
      String path,
      boolean last) {
    /** How messages name it: its id, or its place when it has none. */
    String name() {
      return id != null ? id : path;
    }
  }

  /**
   * The items of {@code items} (the list {@code list}) that are mappings, each read (and its
   * problems reported) only when the iteration comes to it, so that the problems of an item and of
   * what is done with it are reported together, item after item.
   */
  Iterable<Item> items(List<org.yaml.snakeyaml.nodes.Node> items, String list, Set<String> keys) {
    return () ->
        new java.util.Iterator<>() {
          private int i;
          private Item next;

          @Override
          public boolean hasNext() {
            while (next == null && i < items.size()) {
              next = item(items, i++, list, keys);
            }
            return next != null;
          }

          @Override
          public Item next() {
            if (!hasNext()) {
              throw new java.util.NoSuchElementException();
            }
            Item n = next;
            next = null;
            return n;
          }
        };
  }

  private Item item(
      List<org.yaml.snakeyaml.nodes.Node> items, int i, String list, Set<String> keys) {
    String path = list + "/" + i;
    Map<String, org.yaml.snakeyaml.nodes.Node> m = y.mapping(items.get(i), path, keys);
    if (m == null) {
      return null;
    }
    String id = requiredText(m, "id", items.get(i), path);
    Names names = names(m.get("name"), id, path + "/name");
    return new Item(items.get(i), m, id, names, path, i == items.size() - 1);
  }

  String requiredText(
      Map<String, org.yaml.snakeyaml.nodes.Node> m,
      String key,
      org.yaml.snakeyaml.nodes.Node owner,
      String path) {
    if (!m.containsKey(key)) {
      y.error("model.required", owner, path, key);
      return null;
    }
    String t = y.text(m.get(key), path + "/" + key);
    if (t != null && t.isBlank()) {
      y.error("model.required", m.get(key), path, key);
      return null;
    }
    String bad = key.equals("id") && t != null ? dev.qinglian.internal.Ids.problem(t.trim()) : null;
    if (bad != null) {
      y.error("model.id.chars", m.get(key), path + "/" + key, t.trim(), bad);
      return null;
    }
    return t == null ? null : t.trim();
  }

  Names names(org.yaml.snakeyaml.nodes.Node n, String fallback, String path) {
    if (n == null) {
      return fallback == null ? null : new Names(fallback, fallback);
    }
    if (n instanceof ScalarNode) {
      String t = y.text(n, path);
      return t == null || t.isBlank() ? null : new Names(t, t);
    }
    Map<String, org.yaml.snakeyaml.nodes.Node> m = y.mapping(n, path, NAME_KEYS);
    if (m == null) {
      return null;
    }
    String zh = m.containsKey("zh") ? y.text(m.get("zh"), path + "/zh") : null;
    String en = m.containsKey("en") ? y.text(m.get("en"), path + "/en") : null;
    if ((zh == null || zh.isBlank()) && (en == null || en.isBlank())) {
      y.error("model.required", n, path, "zh/en");
      return null;
    }
    return new Names(zh, en);
  }
}
