package dev.qinglian.cli.render;

import java.util.Locale;
import java.util.Map;

/** Chinese and English labels of the command line's output. */
public final class Labels {
  private static final Map<String, String[]> L =
      Map.ofEntries(
          Map.entry("rank", new String[] {"排名", "Rank"}),
          Map.entry("unit", new String[] {"单位", "Unit"}),
          Map.entry("name", new String[] {"名称", "Name"}),
          Map.entry("index", new String[] {"指数", "Index"}),
          Map.entry("colour", new String[] {"颜色", "Colour"}),
          Map.entry("change", new String[] {"环比", "Δ month"}),
          Map.entry("coverage", new String[] {"数据覆盖", "Coverage"}),
          Map.entry("summary", new String[] {"{0} · {1} 个单位：{2}", "{0} · {1} units: {2}"}),
          Map.entry("error", new String[] {"错误", "error"}),
          Map.entry("warning", new String[] {"警告", "warning"}),
          Map.entry("hint", new String[] {"提示", "hint"}),
          Map.entry(
              "summary.errors", new String[] {"{0} 个错误，{1} 个警告", "{0} error(s), {1} warning(s)"}),
          Map.entry(
              "clean",
              new String[] {
                "检查通过：{0} 个单位，{1} 个数据文件，{2} 个月份（{3} 至 {4}）",
                "clean: {0} units, {1} data files, {2} months ({3} to {4})"
              }),
          Map.entry(
              "capped",
              new String[] {
                "{0} {1}：按指数为{2}，因【{3}】限为{4}", "{0} {1}: {2} by its index, capped at {4} by \"{3}\""
              }),
          Map.entry(
              "insufficient",
              new String[] {
                "{0} {1}：数据覆盖 {2}%，低于最低要求 {3}%",
                "{0} {1}: data coverage {2}%, below the minimum of {3}%"
              }),
          Map.entry("legend", new String[] {"维度：", "Dimensions: "}),
          Map.entry("title", new String[] {"{0} 清廉指数排名", "Clean-government index ranking, {0}"}),
          Map.entry("previous", new String[] {"环比对照 {0}", "change against {0}"}),
          Map.entry(
              "noprevious",
              new String[] {"无上月数据，不计环比", "no data for the previous month: no change shown"}));

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

  /** A label, with {@code {0}}… replaced by {@code args}. */
  public String get(String key, Object... args) {
    String s = L.get(key)[i];
    for (int k = 0; k < args.length; k++) {
      s = s.replace("{" + k + "}", String.valueOf(args[k]));
    }
    return s;
  }
}
