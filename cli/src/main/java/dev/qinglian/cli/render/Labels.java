package dev.qinglian.cli.render;

import java.util.Locale;
import java.util.Map;

/** Chinese and English labels of the command line's output. */
public final class Labels {
  private static final Map<String, String[]> L =
      Map.ofEntries(
          Map.entry("rank", new String[] {"排名", "Rank"}),
          Map.entry(
              "hint.data.memory",
              new String[] {
                "如 QINGLIAN_JAVA_OPTS=-Xmx8g ./qinglian …，或用 --data 只读取所需的文件",
                "for example QINGLIAN_JAVA_OPTS=-Xmx8g ./qinglian …, or --data with the files needed"
              }),
          Map.entry(
              "hint.ahp.inconsistent",
              new String[] {
                "使用 --allow-inconsistent 接受", "pass --allow-inconsistent to accept it"
              }),
          Map.entry("unit", new String[] {"单位", "Unit"}),
          Map.entry("name", new String[] {"名称", "Name"}),
          Map.entry("index", new String[] {"指数", "Index"}),
          Map.entry("colour", new String[] {"颜色", "Colour"}),
          Map.entry("ranked", new String[] {"第 {0} 名（共 {1} 个）", "rank {0} of {1}"}),
          Map.entry("change", new String[] {"环比", "Δ month"}),
          Map.entry("coverage", new String[] {"数据覆盖", "Coverage"}),
          Map.entry("type", new String[] {"类型", "Type"}),
          Map.entry("index_colour", new String[] {"按指数颜色", "Colour by index"}),
          Map.entry("caps", new String[] {"限定规则", "Capped by"}),
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
              "input.errors",
              new String[] {
                "输入有错误（见上），未作评估", "the input has errors (see above); nothing was evaluated"
              }),
          Map.entry(
              "input.warnings",
              new String[] {
                "提示：输入有 {0} 个警告，详见 qinglian validate",
                "note: {0} warning(s) in the input; see qinglian validate"
              }),
          Map.entry(
              "trend.title",
              new String[] {"{0} 至 {1} 清廉指数走势", "Clean-government index, {0} to {1}"}),
          Map.entry("trend.node", new String[] {"{0} 至 {1} {2} 得分走势", "{2} scores, {0} to {1}"}),
          Map.entry("trend.change", new String[] {"变化", "Change"}),
          Map.entry("trend.spark", new String[] {"走势", "Trend"}),
          Map.entry("month", new String[] {"月份", "Month"}),
          Map.entry("yoy", new String[] {"同比", "Δ year"}),
          Map.entry(
              "changes.title",
              new String[] {"{0} 颜色变化（对照 {1}）", "Colour changes in {0} (against {1})"}),
          Map.entry("NEWLY_WARNED", new String[] {"新预警（由绿转为非绿）", "Newly warned (left green)"}),
          Map.entry("WORSENED", new String[] {"恶化", "Worsened"}),
          Map.entry("IMPROVED", new String[] {"好转", "Improved"}),
          Map.entry("RETURNED", new String[] {"复绿", "Returned to green"}),
          Map.entry("DATA", new String[] {"数据不足变化", "Into or out of insufficient data"}),
          Map.entry("none", new String[] {"无", "none"}),
          Map.entry("counts", new String[] {"各颜色单位数：", "Units per colour: "}),
          Map.entry("weights.source", new String[] {"权重：{0}", "Weights: {0}"}),
          Map.entry("weights.model", new String[] {"权重：按模型文件", "Weights: as in the model"}),
          Map.entry("heading.count", new String[] {"{0}（{1}）", "{0} ({1})"}),
          Map.entry(
              "nongreen",
              new String[] {
                "非绿单位（当前颜色持续月数，区间内最长非绿月数）",
                "Non-green units (months in their colour, longest non-green run in the range)"
              }),
          Map.entry("streak", new String[] {"{0} 个月；最长 {1} 个月", "{0} month(s); longest {1}"}),
          Map.entry(
              "explain.title",
              new String[] {"{0} {1} · {2} · 指数 {3} · {4}", "{0} {1} · {2} · index {3} · {4}"}),
          Map.entry(
              "explain.capped",
              new String[] {"按指数为{0}，因【{1}】限为{2}", "{0} by its index, capped at {2} by \"{1}\""}),
          Map.entry("indicator", new String[] {"指标", "Indicator"}),
          Map.entry("score", new String[] {"得分", "Score"}),
          Map.entry("weight", new String[] {"有效权重", "Weight"}),
          Map.entry("points", new String[] {"贡献分", "Points"}),
          Map.entry("lost", new String[] {"失分", "Lost"}),
          Map.entry("raw", new String[] {"原始值", "Raw"}),
          Map.entry("flags", new String[] {"标记", "Flags"}),
          Map.entry("CARRIED", new String[] {"沿用", "carried"}),
          Map.entry("STALE", new String[] {"超期沿用", "stale"}),
          Map.entry("IMPUTED", new String[] {"插补", "imputed"}),
          Map.entry("WINSORISED", new String[] {"缩尾", "winsorised"}),
          Map.entry("TRANSFORMED", new String[] {"对数变换", "log-transformed"}),
          Map.entry(
              "movers",
              new String[] {"较 {0} 变动 {1}，主要因素：", "Change since {0}: {1}; biggest movers:"}),
          Map.entry(
              "movers.rest",
              new String[] {"其余 {0} 项合计 {1}", "{0} other indicator(s) together {1}"}),
          Map.entry(
              "noprevious.explain",
              new String[] {
                "无上月数据，无法分析变动", "no data for the previous month: no change to explain"
              }),
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
