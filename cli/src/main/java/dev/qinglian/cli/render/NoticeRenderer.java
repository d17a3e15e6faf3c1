package dev.qinglian.cli.render;

import dev.qinglian.data.Unit;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.Band;
import dev.qinglian.model.OverrideRule;
import dev.qinglian.monitor.ExplainedNode;
import dev.qinglian.monitor.Explanation;
import dev.qinglian.monitor.Mover;
import dev.qinglian.monitor.NoticeRegister;
import dev.qinglian.monitor.NoticeSettings;
import dev.qinglian.monitor.Warning;
import dev.qinglian.monitor.WarningRegister;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The content of the warning notices (预警通知书), one per non-green unit, in the language of the labels
 * and with the letterhead of the workspace's {@link NoticeSettings}; written as Word by {@link
 * NoticeDocx}, or as Markdown here, with the month's index.
 *
 * <p>Thread-safe: notices are rendered on several threads.
 */
public final class NoticeRenderer {
  private final Labels labels;
  private final boolean zh;
  private final NoticeSettings settings;

  /** A renderer in the language of {@code labels}, for the authority of {@code settings}. */
  public NoticeRenderer(Labels labels, NoticeSettings settings) {
    this.labels = labels;
    this.zh = labels.lang().equals("zh");
    this.settings = settings;
  }

  /** The file name of a unit's notice, with extension {@code ext} ({@code docx} or {@code md}). */
  public static String fileName(YearMonth p, String unitId, String ext) {
    return p + "-" + FileNames.safe(unitId) + "." + ext;
  }

  /** A band's name as a colour word: 黄 → 黄色 for the one-character colour names; others as named. */
  private String colour(Band b) {
    String n = b.names().in(labels.lang());
    return zh && n.length() == 1 && "绿黄橙红蓝紫白黑".contains(n) ? n + "色" : n;
  }

  /** A date as printed in a document: 2026年12月2日, or 2 December 2026. */
  public String date(LocalDate d) {
    return zh
        ? d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日"
        : d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
  }

  private String month(YearMonth p) {
    return zh
        ? p.getYear() + "年" + p.getMonthValue() + "月"
        : MONTHS[p.getMonthValue() - 1] + " " + p.getYear();
  }

  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

  private PeriodResult countedFor; // guarded by this
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

  /**
   * The notice of unit {@code u}. {@code before} (the month before) may be null; {@code warning} is
   * the unit's open warning (may be null); {@code entry} its number and date in the notice
   * register; {@code explainer} explains the units of {@code r}.
   */
  public Notice notice(
      Explanation.Explainer explainer,
      PeriodResult r,
      int u,
      PeriodResult before,
      Warning warning,
      NoticeRegister.Entry entry,
      String provenance) {
    Unit unit = r.units().units().get(u);
    String index = Numbers.fixed(r.index(u), 1, "—");
    Band band = r.band(u);
    List<Notice.Block> body = new ArrayList<>();
    StringBuilder first = new StringBuilder();
    int ranked = ranked(r);
    if (zh) {
      first
          .append("根据")
          .append(month(r.period()))
          .append(settings.county())
          .append("清廉指数监测评估结果，你单位清廉指数为")
          .append(index)
          .append("，在")
          .append(settings.county())
          .append(ranked)
          .append("个参评单位中排第")
          .append(r.rank(u))
          .append("名，列为")
          .append(colour(band))
          .append("预警。");
      if (warning != null && !warning.opened().equals(r.period())) {
        first.append("该预警自").append(month(warning.opened())).append("起持续未解除。");
      }
    } else {
      first
          .append("In the clean-government evaluation of ")
          .append(month(r.period()))
          .append(", your unit's index is ")
          .append(index)
          .append(", rank ")
          .append(r.rank(u))
          .append(" of ")
          .append(ranked)
          .append(" units (")
          .append(settings.county())
          .append("): a ")
          .append(colour(band))
          .append(" warning.");
      if (warning != null && !warning.opened().equals(r.period())) {
        first
            .append(" The warning has been open since ")
            .append(month(warning.opened()))
            .append('.');
      }
    }
    body.add(new Notice.Block(Notice.Kind.PARAGRAPH, first.toString()));
    OverrideRule cap = r.cappedBy(u).orElse(null);
    if (cap != null) {
      body.add(
          new Notice.Block(
              Notice.Kind.PARAGRAPH,
              zh
                  ? "按指数，你单位应为"
                      + colour(r.uncappedBand(u).get())
                      + "；因“"
                      + CapNote.quoted(cap.names().zh())
                      + "”，限定为"
                      + colour(band)
                      + "。"
                  : "By its index the unit is "
                      + colour(r.uncappedBand(u).get())
                      + "; the rule \""
                      + cap.names().en()
                      + "\" caps it at "
                      + colour(band)
                      + "."));
    }
    int section = 0;
    body.add(heading(section++, zh ? "失分较多的维度" : "Weakest dimensions"));
    List<ExplainedNode> weakest = explainer.weakestDimensions(u, 3);
    for (int i = 0; i < Math.min(3, weakest.size()); i++) {
      ExplainedNode d = weakest.get(i);
      body.add(
          new Notice.Block(
              Notice.Kind.ITEM,
              zh
                  ? "（"
                      + ORDINALS[i]
                      + "）"
                      + d.node().names().zh()
                      + "（"
                      + d.node().id()
                      + "）：得分"
                      + Numbers.fixed(d.score(), 1, "—")
                      + "，失分"
                      + Numbers.fixed(d.lost(), 2, "—")
                      + "分。"
                  : (i + 1)
                      + ". "
                      + d.node().names().en()
                      + " ("
                      + d.node().id()
                      + "): score "
                      + Numbers.fixed(d.score(), 1, "—")
                      + ", "
                      + Numbers.fixed(d.lost(), 2, "—")
                      + " points lost."));
    }
    body.add(heading(section++, zh ? "失分最多的指标" : "Indicators that cost most"));
    List<ExplainedNode> costly = explainer.costliestLeaves(u, 5);
    for (int i = 0; i < Math.min(5, costly.size()); i++) {
      ExplainedNode n = costly.get(i);
      String raw =
          Double.isNaN(n.raw())
              ? (zh ? "无数据" : "no data")
              : Numbers.full(n.raw()) + measure(n.node().leaf().unit());
      body.add(
          new Notice.Block(
              Notice.Kind.ITEM,
              zh
                  ? (i + 1)
                      + ". "
                      + n.node().names().zh()
                      + "（"
                      + n.node().id()
                      + "）：原始值"
                      + raw
                      + "，得分"
                      + Numbers.fixed(n.score(), 1, "—")
                      + "，失分"
                      + Numbers.fixed(n.lost(), 2, "—")
                      + "分。"
                  : (i + 1)
                      + ". "
                      + n.node().names().en()
                      + " ("
                      + n.node().id()
                      + "): value "
                      + raw
                      + ", score "
                      + Numbers.fixed(n.score(), 1, "—")
                      + ", "
                      + Numbers.fixed(n.lost(), 2, "—")
                      + " points lost."));
    }
    body.add(heading(section++, zh ? "与上月相比" : "Since last month"));
    if (before == null || before.indexOf(unit.id()) < 0) {
      body.add(
          new Notice.Block(
              Notice.Kind.PARAGRAPH, zh ? "无上月数据。" : "No data for the previous month."));
    } else {
      int b = before.indexOf(unit.id());
      double change = r.index(u) - before.index(b);
      body.add(
          new Notice.Block(
              Notice.Kind.PARAGRAPH,
              zh
                  ? "指数由上月的"
                      + Numbers.fixed(before.index(b), 1, "—")
                      + "（"
                      + colour(before.band(b))
                      + "）变为"
                      + index
                      + "（"
                      + colour(band)
                      + "），变动"
                      + Numbers.signed(change, 1, "—")
                      + "。主要变动："
                  : "The index went from "
                      + Numbers.fixed(before.index(b), 1, "—")
                      + " ("
                      + colour(before.band(b))
                      + ") to "
                      + index
                      + " ("
                      + colour(band)
                      + "), "
                      + Numbers.signed(change, 1, "—")
                      + ". Biggest movers:"));
      List<Mover> movers = explainer.movers(before, u, 3);
      for (int i = 0; i < Math.min(3, movers.size()); i++) {
        Mover m = movers.get(i);
        body.add(
            new Notice.Block(
                Notice.Kind.ITEM,
                zh
                    ? (i + 1)
                        + ". "
                        + m.leaf().names().zh()
                        + "（"
                        + m.leaf().id()
                        + "）："
                        + Numbers.signed(m.points(), 2, "—")
                        + "分。"
                    : (i + 1)
                        + ". "
                        + m.leaf().names().en()
                        + " ("
                        + m.leaf().id()
                        + "): "
                        + Numbers.signed(m.points(), 2, "—")
                        + " points."));
      }
    }
    LocalDate date = entry.date();
    body.add(heading(section, zh ? "整改要求" : "Rectification"));
    body.add(
        new Notice.Block(
            Notice.Kind.PARAGRAPH,
            zh
                ? "请你单位认真分析原因，制定整改措施，于"
                    + date(settings.deadline(r.period(), date))
                    + "前将整改情况书面报送"
                    + settings.reportTo()
                    + "。"
                : "Analyse the causes, rectify, and report in writing to "
                    + settings.reportTo()
                    + " by "
                    + date(settings.deadline(r.period(), date))
                    + "."));
    return new Notice(
        labels.lang(),
        settings.mark(),
        entry.number(),
        zh
            ? "关于对" + unit.name() + "予以" + colour(band) + "预警的通知"
            : "Notice of a " + colour(band) + " warning to " + unit.name(),
        unit.name(),
        body,
        settings.signature(),
        date(date),
        warning == null
            ? ""
            : (zh ? "（预警编号：" + warning.id() + "）" : "(Warning " + warning.id() + ")"),
        unit.id(),
        band.colour(),
        provenance);
  }

  /** A unit of measure after a value: the model's words, with count and score said in Chinese. */
  private String measure(String unit) {
    if (unit.isEmpty() || zh && unit.equals("count")) {
      return "";
    }
    return zh && unit.equals("score") ? "分" : unit.equals("%") ? "%" : " " + unit;
  }

  private Notice.Block heading(int i, String text) {
    return new Notice.Block(
        Notice.Kind.HEADING, zh ? ORDINALS[i] + "、" + text : (i + 1) + ". " + text);
  }

  /** The notice as Markdown; the provenance in an HTML comment at the end, out of the letter. */
  public static String markdown(Notice n) {
    boolean zh = n.lang().equals("zh");
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(Markdown.escape(n.mark())).append("**\n\n");
    sb.append(Markdown.escape(n.number())).append("\n\n");
    sb.append("# ").append(Markdown.escape(n.title())).append("\n\n");
    sb.append(Markdown.escape(n.recipient())).append(zh ? "：\n\n" : ":\n\n");
    for (Notice.Block b : n.body()) {
      switch (b.kind()) {
        case HEADING -> sb.append("## ").append(Markdown.escape(b.text())).append("\n\n");
        case PARAGRAPH, ITEM -> sb.append(Markdown.escape(b.text())).append("\n\n");
      }
    }
    sb.append(Markdown.escape(n.signature())).append("  \n");
    sb.append(Markdown.escape(n.date())).append("\n\n");
    if (!n.note().isEmpty()) {
      sb.append(Markdown.escape(n.note())).append('\n');
    }
    sb.append("\n<!-- ").append(n.provenance().replace("--", "- -")).append(" -->\n");
    return sb.toString();
  }

  /** The index of the notices of a month in Markdown, with the register's changes. */
  public String index(
      PeriodResult r,
      List<String> files,
      WarningRegister.Update update,
      Map<String, NoticeRegister.Entry> numbers) {
    StringBuilder sb =
        new StringBuilder(
            zh
                ? "# " + month(r.period()) + "预警通知书\n\n"
                : "# Warning notices, " + month(r.period()) + "\n\n");
    sb.append(
        zh
            ? "| 发文字号 | 单位 | 名称 | 指数 | 颜色 | 通知书 |\n|---|---|---|---:|---|---|\n"
            : "| Number | Unit | Name | Index | Colour | Notice |\n|---|---|---|---:|---|---|\n");
    int k = 0;
    for (int u : r.rankOrder()) {
      if (r.model().bands().indexOf(r.band(u)) > 0) {
        Unit unit = r.units().units().get(u);
        NoticeRegister.Entry entry = numbers.get(unit.id());
        sb.append("| ")
            .append(entry == null ? "" : Markdown.escape(entry.number()))
            .append(" | ")
            .append(Markdown.escape(unit.id()))
            .append(" | ")
            .append(Markdown.escape(unit.name()))
            .append(" | ")
            .append(Numbers.fixed(r.index(u), 1, "—"))
            .append(" | ")
            .append(Markdown.dot(r.band(u).id()))
            .append(' ')
            .append(Markdown.escape(colour(r.band(u))))
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
    list(sb, r, all.stream().filter(w -> w.opened().equals(r.period())).toList());
    sb.append(
        zh
            ? "\n## 本月解除预警（复绿或升级）\n\n"
            : "\n## Warnings closed this month (green again, or escalated)\n\n");
    list(sb, r, all.stream().filter(w -> r.period().equals(w.closed())).toList());
    return sb.toString();
  }

  /**
   * The index of the notices of a month as a workbook: one row per notice in rank order (number,
   * unit, index, rank, colour in the band's colour, the capping rule, the warning, the file), and a
   * second sheet with the warnings opened and closed this month.
   */
  public byte[] indexXlsx(
      PeriodResult r,
      List<String> files,
      WarningRegister.Update update,
      Map<String, NoticeRegister.Entry> numbers)
      throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(bytes, "qinglian", "1.0");
    org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet(zh ? "预警通知书" : "notices");
    String[] h =
        zh
            ? new String[] {"发文字号", "单位编码", "单位名称", "指数", "排名", "颜色", "限定规则", "预警编号", "预警自", "通知书"}
            : new String[] {
              "Number",
              "Unit",
              "Name",
              "Index",
              "Rank",
              "Colour",
              "Capped by",
              "Warning",
              "Open since",
              "Notice"
            };
    XlsxExport.header(ws, 0, h);
    Map<String, Warning> open = new java.util.HashMap<>();
    for (Warning w : update.open()) {
      open.putIfAbsent(w.unit(), w);
    }
    int row = 1;
    int k = 0;
    for (int u : r.rankOrder()) {
      Band band = r.band(u);
      if (r.model().bands().indexOf(band) <= 0) {
        continue;
      }
      Unit unit = r.units().units().get(u);
      NoticeRegister.Entry entry = numbers.get(unit.id());
      Warning w = open.get(unit.id());
      ws.value(row, 0, entry == null ? "" : entry.number());
      ws.value(row, 1, unit.id());
      ws.value(row, 2, unit.name());
      ws.value(row, 3, r.index(u));
      ws.style(row, 3).format("0.0").set();
      ws.value(row, 4, r.rank(u));
      ws.value(row, 5, colour(band));
      ws.style(row, 5)
          .fillColor(band.colour().substring(1))
          .fontColor(Contrast.textOn(band.colour()).substring(1))
          .set();
      String cap = CapNote.of(r, u, labels.lang());
      ws.value(row, 6, cap == null ? "" : cap);
      ws.value(row, 7, w == null ? "" : w.id());
      ws.value(row, 8, w == null ? "" : month(w.opened()));
      ws.value(row, 9, files.get(k++));
      row++;
    }
    ws.width(0, 22);
    ws.width(2, 24);
    ws.width(6, 30);
    ws.width(9, 28);
    ws.freezePane(0, 1);
    org.dhatim.fastexcel.Worksheet changes = wb.newWorksheet(zh ? "本月变动" : "changes");
    String[] ch =
        zh
            ? new String[] {"预警编号", "单位编码", "单位名称", "颜色", "开始", "解除", "解除方式"}
            : new String[] {"Warning", "Unit", "Name", "Colour", "Opened", "Closed", "Closed as"};
    XlsxExport.header(changes, 0, ch);
    int cr = 1;
    for (Warning w : update.register().warnings()) {
      if (!w.opened().equals(r.period()) && !r.period().equals(w.closed())) {
        continue;
      }
      changes.value(cr, 0, w.id());
      changes.value(cr, 1, w.unit());
      changes.value(cr, 2, w.name());
      changes.value(cr, 3, colourOf(r, w.colour()));
      changes.value(cr, 4, month(w.opened()));
      changes.value(cr, 5, w.closed() == null ? "" : month(w.closed()));
      changes.value(cr, 6, w.closed() == null ? "" : closedAs(w.closedAs()));
      cr++;
    }
    changes.width(0, 22);
    changes.width(2, 24);
    wb.finish();
    return dev.qinglian.cli.demo.Xlsx.withoutTimestamp(bytes.toByteArray());
  }

  /**
   * A register colour id in words: the model's band name, or the id when the model has no such
   * band.
   */
  String colourOf(PeriodResult r, String id) {
    return r.model().band(id).map(this::colour).orElse(id);
  }

  /** How a warning was closed, in words. */
  String closedAs(String how) {
    return switch (how) {
      case "green" -> zh ? "复绿" : "green again";
      case "escalated" -> zh ? "升级" : "escalated";
      default -> how;
    };
  }

  private void list(StringBuilder sb, PeriodResult r, List<Warning> ws) {
    if (ws.isEmpty()) {
      sb.append(zh ? "无\n" : "none\n");
    }
    for (Warning w : ws) {
      sb.append("- ")
          .append(Markdown.escape(w.id()))
          .append(" ")
          .append(Markdown.escape(w.unit() + " " + w.name()))
          .append(zh ? "（" : " (")
          .append(Markdown.escape(colourOf(r, w.colour())))
          .append(zh ? "，" : ", ")
          .append(month(w.opened()));
      if (!w.isOpen()) {
        sb.append(" → ")
            .append(month(w.closed()))
            .append(zh ? "，" : ", ")
            .append(closedAs(w.closedAs()));
      }
      sb.append(zh ? "）\n" : ")\n");
    }
  }
}
