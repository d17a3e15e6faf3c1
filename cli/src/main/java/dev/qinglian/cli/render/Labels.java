package dev.qinglian.cli.render;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Chinese and English labels of the command line's output, from the resource bundles {@code
 * dev/qinglian/cli/labels.properties} (English) and {@code labels_zh_CN.properties}: the scheme of
 * the command line's failure messages and of core's diagnostics. A label is text with {@code {0}}…
 * replaced by its arguments as they are (not a {@link java.text.MessageFormat} pattern).
 */
public final class Labels {
  /** The labels by key: [0] Chinese, [1] English. */
  private static final List<Map<String, String>> L =
      List.of(load(Locale.SIMPLIFIED_CHINESE), load(Locale.ROOT));

  private static Map<String, String> load(Locale locale) {
    ResourceBundle b =
        ResourceBundle.getBundle(
            "dev.qinglian.cli.labels",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Map<String, String> m = new HashMap<>();
    for (String k : b.keySet()) {
      m.put(k, b.getString(k));
    }
    return Map.copyOf(m);
  }

  private final int i;

  private Labels(int i) {
    this.i = i;
  }

  /** Labels for {@code zh} or {@code en}. */
  public static Labels of(String lang) {
    return new Labels("en".equals(lang) ? 1 : 0);
  }

  /** The language code. */
  public String lang() {
    return i == 0 ? "zh" : "en";
  }

  /** The locale of the diagnostics' messages. */
  public Locale locale() {
    return i == 0 ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
  }

  /**
   * A list label (column headers): its items separated by semicolons, {@code {0}}… replaced as in
   * {@link #get}.
   *
   * @return the items, unmodifiable
   */
  public List<String> list(String key, Object... args) {
    return List.of(get(key, args).split(";"));
  }

  /** A label, with {@code {0}}… replaced by {@code args}. */
  public String get(String key, Object... args) {
    String s = L.get(i).get(key);
    if (s == null) {
      throw new IllegalArgumentException("no label " + key); // LabelsTest finds them
    }
    if (args.length == 0) {
      return s;
    }
    // one pass over the label: an argument's own text is never read again (a unit named "{1}镇"
    // stays so; replacing {0}, then {1}… in turn replaced it)
    StringBuilder out = new StringBuilder(s.length() + 16 * args.length);
    int from = 0;
    for (int open = s.indexOf('{'); open >= 0; open = s.indexOf('{', open + 1)) {
      int close = s.indexOf('}', open);
      int k = close > open + 1 && close - open <= 3 ? index(s, open + 1, close) : -1;
      if (k >= 0 && k < args.length) {
        out.append(s, from, open).append(args[k]);
        from = close + 1;
        open = close;
      }
    }
    return out.append(s, from, s.length()).toString();
  }

  /** The number written in {@code s[from, to)}, or -1 when it is not digits only. */
  private static int index(String s, int from, int to) {
    int k = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      k = 10 * k + (c - '0');
    }
    return k;
  }
}
