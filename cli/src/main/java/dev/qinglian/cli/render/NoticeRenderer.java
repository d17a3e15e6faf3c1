package dev.qinglian.cli.render;

import dev.qinglian.data.Unit;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.Band;
import dev.qinglian.monitor.ExplainedNode;
import dev.qinglian.monitor.Explanation;
import dev.qinglian.monitor.Mover;
import dev.qinglian.monitor.Warning;
import dev.qinglian.monitor.WarningRegister;
import java.time.YearMonth;
import java.util.List;

/**
 * Warning notices (预警通知书) in Markdown, one per non-green unit, and their index. Every string from
 * the data (names) is escaped.
 */
public final class NoticeRenderer {
  private final Labels labels;
  private final boolean zh;

  /** A renderer in the language of {@code labels}. */
  public NoticeRenderer(Labels labels) {
    this.labels = labels;
    this.zh = labels.lang().equals("zh");
  }

  private String band(Band b) {
    return b.names().in(labels.lang());
  }

  /** The deadline for the rectification report: the last day of the next month. */
  public static String deadline(YearMonth p) {
    return p.plusMonths(1).atEndOfMonth().toString();
  }

  /** The file name of a unit's notice. */
  public static String fileName(YearMonth p, String unitId) {
    return p + "-" + FileNames.safe(unitId) + ".md";
  }

  private PeriodResult countedFor; // guarded by this: notices are rendered on several threads
  private int rankedCount;

  /**
   * The number of ranked units of a month, counted once per month (counted for every notice it made
   * warn quadratic: 300,000 units, 91,647 notices, minutes).
   */
  private synchronized int ranked(PeriodResult r) {
    if (r != countedFor) {
      rankedCount = (int) java.util.Arrays.stream(r.rankOrder()).filter(x -> r.rank(x) > 0).count();
      countedFor = r;
    }
    return rankedCount;
  }

  /** One notice. {@code before} may be null; {@code warning} is the unit's open warning. */
  public String notice(PeriodResult r, int u, PeriodResult before, Warning warning) {
    Unit unit = r.units().units().get(u);
    Explanation e = Explanation.of(r, unit.id());
    String name = Markdown.escape(unit.name());
    String id = Markdown.escape(unit.id());
    String index = Numbers.fixed(r.index(u), 1, "—");
    StringBuilder sb = new StringBuilder();
    int ranked = ranked(r);
    if (zh) {
      sb.append("# 预警通知书\n\n");
      sb.append("**").append(name).append("**（").append(id).append("）：\n\n");
      sb.append("根据 ")
          .append(r.period().getYear())
          .append(" 年 ")
          .append(r.period().getMonthValue())
          .append(" 月清廉指数监测评估，你单位清廉指数为 **")
          .append(index)
          .append("**，列为**")
          .append(band(r.band(u)))
          .append("色**管理（全县第 ")
          .append(r.rank(u))
          .append(" 名，共 ")
          .append(ranked)
          .append(" 个单位）。");
    } else {
      sb.append("# Warning notice\n\n");
      sb.append("To **").append(name).append("** (").append(id).append("):\n\n");
      sb.append("In the clean-government evaluation of ")
          .append(r.period())
          .append(" your unit's index is **")
          .append(index)
          .append("** and it is under **")
          .append(band(r.band(u)))
          .append("** management (rank ")
          .append(r.rank(u))
          .append(" of ")
          .append(ranked)
          .append(").");
    }
    if (warning != null && !warning.opened().equals(r.period())) {
      sb.append(
          zh
              ? "该预警自 " + warning.opened() + " 起持续未解除。"
              : " The warning has been open since " + warning.opened() + ".");
    }
    sb.append("\n\n");
    if (!e.caps().isEmpty()
        && r.uncappedBand(u).isPresent()
        && r.uncappedBand(u).get() != r.band(u)) {
      sb.append(
          zh
              ? "> 按指数应为"
                  + band(r.uncappedBand(u).get())
                  + "，因【"
                  + Markdown.escape(e.caps().get(0).names().zh())
                  + "】限定为"
                  + band(r.band(u))
                  + "。\n\n"
              : "> "
                  + band(r.uncappedBand(u).get())
                  + " by its index, capped at "
                  + band(r.band(u))
                  + " by \""
                  + Markdown.escape(e.caps().get(0).names().en())
                  + "\".\n\n");
    }
    sb.append(
        zh
            ? "## 失分较多的维度\n\n| 维度 | 得分 | 失分 |\n|---|---:|---:|\n"
            : "## Weakest dimensions\n\n| Dimension | Score | Points lost |\n|---|---:|---:|\n");
    for (ExplainedNode d :
        e.weakestDimensions().subList(0, Math.min(3, e.weakestDimensions().size()))) {
      sb.append("| ")
          .append(Markdown.escape(d.node().id() + " " + d.node().names().in(labels.lang())))
          .append(" | ")
          .append(Numbers.fixed(d.score(), 1, "—"))
          .append(" | ")
          .append(Numbers.fixed(d.lost(), 2, "—"))
          .append(" |\n");
    }
    sb.append(
        zh
            ? "\n## 失分最多的指标\n\n| 指标 | 原始值 | 得分 | 失分 |\n|---|---:|---:|---:|\n"
            : "\n## Indicators that cost most\n\n| Indicator | Raw value | Score | Points lost |\n|---|---:|---:|---:|\n");
    List<ExplainedNode> costly = e.costliestLeaves();
    for (ExplainedNode n : costly.subList(0, Math.min(5, costly.size()))) {
      sb.append("| ")
          .append(Markdown.escape(n.node().id() + " " + n.node().names().in(labels.lang())))
          .append(" | ")
          .append(Double.isNaN(n.raw()) ? "—" : Numbers.full(n.raw()))
          .append(" | ")
          .append(Numbers.fixed(n.score(), 1, "—"))
          .append(" | ")
          .append(Numbers.fixed(n.lost(), 2, "—"))
          .append(" |\n");
    }
    sb.append(zh ? "\n## 与上月相比\n\n" : "\n## Since last month\n\n");
    if (before == null || before.indexOf(unit.id()) < 0) {
      sb.append(zh ? "无上月数据。\n" : "No data for the previous month.\n");
    } else {
      int b = before.indexOf(unit.id());
      double change = r.index(u) - before.index(b);
      sb.append(
          zh
              ? "指数由 "
                  + Numbers.fixed(before.index(b), 1, "—")
                  + "（"
                  + band(before.band(b))
                  + "）变为 "
                  + index
                  + "（"
                  + band(r.band(u))
                  + "），变动 "
                  + Numbers.signed(change, 1, "—")
                  + "。主要变动：\n\n"
              : "The index went from "
                  + Numbers.fixed(before.index(b), 1, "—")
                  + " ("
                  + band(before.band(b))
                  + ") to "
                  + index
                  + " ("
                  + band(r.band(u))
                  + "), "
                  + Numbers.signed(change, 1, "—")
                  + ". Biggest movers:\n\n");
      List<Mover> movers = Explanation.movers(before, r, unit.id());
      for (Mover m : movers.subList(0, Math.min(3, movers.size()))) {
        sb.append("- ")
            .append(Markdown.escape(m.leaf().id() + " " + m.leaf().names().in(labels.lang())))
            .append(": ")
            .append(Numbers.signed(m.points(), 2, "—"))
            .append('\n');
      }
    }
    sb.append(
        zh
            ? "\n## 整改要求\n\n请你单位认真分析原因，制定整改措施，于 **" + deadline(r.period()) + "** 前将整改情况书面报送县纪委监委。\n"
            : "\n## Rectification\n\nAnalyse the causes, rectify, and report in writing by **"
                + deadline(r.period())
                + "**.\n");
    if (warning != null) {
      sb.append(zh ? "\n预警编号：" : "\nWarning: ").append(warning.id()).append('\n');
    }
    return sb.toString();
  }

  /** The index of the notices of a month, with the register's changes. */
  public String index(PeriodResult r, List<String> files, WarningRegister.Update update) {
    StringBuilder sb =
        new StringBuilder(
            zh ? "# " + r.period() + " 预警通知书\n\n" : "# Warning notices, " + r.period() + "\n\n");
    sb.append(
        zh
            ? "| 单位 | 名称 | 指数 | 颜色 | 通知书 |\n|---|---|---:|---|---|\n"
            : "| Unit | Name | Index | Colour | Notice |\n|---|---|---:|---|---|\n");
    int k = 0;
    for (int u : r.rankOrder()) {
      if (r.model().bands().indexOf(r.band(u)) > 0) {
        Unit unit = r.units().units().get(u);
        sb.append("| ")
            .append(Markdown.escape(unit.id()))
            .append(" | ")
            .append(Markdown.escape(unit.name()))
            .append(" | ")
            .append(Numbers.fixed(r.index(u), 1, "—"))
            .append(" | ")
            .append(Markdown.dot(r.band(u).id()))
            .append(' ')
            .append(band(r.band(u)))
            .append(" | [")
            .append(Markdown.escape(files.get(k)))
            .append("](")
            // a link's target is a URL: the file name's own %XX stay as they are on disk
            .append(files.get(k).replace("%", "%25").replace(" ", "%20"))
            .append(") |\n");
        k++;
      }
    }
    sb.append(zh ? "\n## 本月新开预警\n\n" : "\n## Warnings opened this month\n\n");
    // from the register, so that running the month again gives the same index
    List<Warning> all = update.register().warnings();
    list(sb, all.stream().filter(w -> w.opened().equals(r.period())).toList());
    sb.append(
        zh
            ? "\n## 本月解除预警（复绿或升级）\n\n"
            : "\n## Warnings closed this month (green again, or escalated)\n\n");
    list(sb, all.stream().filter(w -> r.period().equals(w.closed())).toList());
    return sb.toString();
  }

  private void list(StringBuilder sb, List<Warning> ws) {
    if (ws.isEmpty()) {
      sb.append(zh ? "无\n" : "none\n");
    }
    for (Warning w : ws) {
      sb.append("- ")
          .append(w.id())
          .append(" ")
          .append(Markdown.escape(w.unit() + " " + w.name()))
          .append(" (")
          .append(w.colour())
          .append(", ")
          .append(w.opened());
      if (!w.isOpen()) {
        sb.append(" → ").append(w.closed()).append(", ").append(w.closedAs());
      }
      sb.append(")\n");
    }
  }
}
