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
    int b = before == null ? -1 : before.indexOf(unit.id());
    // the weakest dimensions, the costliest indicators and what moved since the month before
    Explanation.Summary why = explainer.summary(u, 3, 5, b < 0 ? null : before, 3);
    String index = Numbers.fixed(r.index(u), 1, "—");
    Band band = r.band(u);
    List<Notice.Block> body = new ArrayList<>();
    StringBuilder first = new StringBuilder();
    int ranked = ranked(r);
    first.append(
        labels.get(
            "notice.opening",
            month(r.period()),
            settings.county(),
            index,
            ranked,
            r.rank(u),
            colour(band)));
    if (warning != null && !warning.opened().equals(r.period())) {
      first.append(labels.get("notice.open_since", month(warning.opened())));
    }
    body.add(new Notice.Block(Notice.Kind.PARAGRAPH, first.toString()));
    OverrideRule cap = r.cappedBy(u).orElse(null);
    if (cap != null) {
      body.add(
          new Notice.Block(
              Notice.Kind.PARAGRAPH,
              labels.get(
                  "notice.capped",
                  colour(r.uncappedBand(u).get()),
                  zh ? CapNote.quoted(cap.names().zh()) : cap.names().en(),
                  colour(band))));
    }
    int section = 0;
    body.add(heading(section++, labels.get("notice.weakest_dimensions")));
    List<ExplainedNode> weakest = why.weakestDimensions();
    for (int i = 0; i < Math.min(3, weakest.size()); i++) {
      ExplainedNode d = weakest.get(i);
      body.add(
          new Notice.Block(
              Notice.Kind.ITEM,
              labels.get(
                  "notice.dimension",
                  zh ? ORDINALS[i] : i + 1,
                  d.node().names().in(labels.lang()),
                  d.node().id(),
                  Numbers.fixed(d.score(), 1, "—"),
                  Numbers.fixed(d.lost(), 2, "—"))));
    }
    body.add(heading(section++, labels.get("notice.indicators_that_cost_most")));
    List<ExplainedNode> costly = why.costliestLeaves();
    for (int i = 0; i < Math.min(5, costly.size()); i++) {
      ExplainedNode n = costly.get(i);
      String raw =
          Double.isNaN(n.raw())
              ? labels.get("notice.no_data")
              : Numbers.full(n.raw()) + measure(n.node().leaf().unit());
      body.add(
          new Notice.Block(
              Notice.Kind.ITEM,
              labels.get(
                  "notice.indicator",
                  i + 1,
                  n.node().names().in(labels.lang()),
                  n.node().id(),
                  raw,
                  Numbers.fixed(n.score(), 1, "—"),
                  Numbers.fixed(n.lost(), 2, "—"))));
    }
    body.add(heading(section++, labels.get("notice.since_last_month")));
    if (b < 0) {
      body.add(new Notice.Block(Notice.Kind.PARAGRAPH, labels.get("notice.no_data_for_the")));
    } else {
      double change = r.index(u) - before.index(b);
      body.add(
          new Notice.Block(
              Notice.Kind.PARAGRAPH,
              labels.get(
                  "notice.the_index_went_from",
                  Numbers.fixed(before.index(b), 1, "—"),
                  colour(before.band(b)),
                  index,
                  colour(band),
                  Numbers.signed(change, 1, "—"))));
      List<Mover> movers = why.movers();
      for (int i = 0; i < Math.min(3, movers.size()); i++) {
        Mover m = movers.get(i);
        body.add(
            new Notice.Block(
                Notice.Kind.ITEM,
                labels.get(
                    "notice.mover",
                    i + 1,
                    m.leaf().names().in(labels.lang()),
                    m.leaf().id(),
                    Numbers.signed(m.points(), 2, "—"))));
      }
    }
    LocalDate date = entry.date();
    body.add(heading(section, labels.get("notice.rectification")));
    body.add(
        new Notice.Block(
            Notice.Kind.PARAGRAPH,
            labels.get(
                "notice.analyse_the_causes_rectify",
                settings.reportTo(),
                date(settings.deadline(r.period(), date)))));
    return new Notice(
        labels.lang(),
        settings.mark(),
        entry.number(),
        labels.get("notice.notice_of_a_warning", colour(band), unit.name()),
        unit.name(),
        body,
        settings.signature(),
        date(date),
        warning == null ? "" : (labels.get("notice.warning", warning.id())),
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
    StringBuilder sb = new StringBuilder(labels.get("notice.warning_notices", month(r.period())));
    sb.append(labels.get("notice.number_unit_name_index"));
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
    sb.append(labels.get("notice.warnings_opened_this_month"));
    // from the register, so that running the month again gives the same index
    List<Warning> all = update.register().warnings();
    list(sb, r, all.stream().filter(w -> w.opened().equals(r.period())).toList());
    sb.append(labels.get("notice.warnings_closed_this_month"));
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
    Map<String, Warning> open = new java.util.HashMap<>();
    for (Warning w : update.open()) {
      open.putIfAbsent(w.unit(), w);
    }
    int[] warned =
        java.util.Arrays.stream(r.rankOrder())
            .filter(u -> r.model().bands().indexOf(r.band(u)) > 0)
            .toArray();
    XlsxExport.Rows notice =
        k -> {
          int u = warned[k];
          Band band = r.band(u);
          Unit unit = r.units().units().get(u);
          NoticeRegister.Entry entry = numbers.get(unit.id());
          Warning w = open.get(unit.id());
          return List.of(
              text(entry == null ? null : entry.number()),
              text(unit.id()),
              text(unit.name()),
              new XlsxExport.Cell(r.index(u), null),
              new XlsxExport.Cell(r.rank(u), null),
              new XlsxExport.Cell(colour(band), band),
              text(CapNote.of(r, u, labels.lang())),
              text(w == null ? null : w.id()),
              text(w == null ? null : month(w.opened())),
              text(files.get(k)));
        };
    List<Warning> changed =
        update.register().warnings().stream()
            .filter(w -> w.opened().equals(r.period()) || r.period().equals(w.closed()))
            .toList();
    XlsxExport.Rows change =
        k -> {
          Warning w = changed.get(k);
          return List.of(
              text(w.id()),
              text(w.unit()),
              text(w.name()),
              text(colourOf(r, w.colour())),
              text(month(w.opened())),
              text(w.closed() == null ? null : month(w.closed())),
              text(w.closed() == null ? null : closedAs(w.closedAs())));
        };
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    XlsxExport.workbook(
        bytes,
        List.of(
            new XlsxExport.Sheet(
                labels.get("notice.notices"),
                labels.list("notice.index_columns"),
                Map.of(6, 30.0), // the capping rule can be long: cut, shown whole when clicked
                warned.length,
                notice),
            new XlsxExport.Sheet(
                labels.get("notice.changes"),
                labels.list("notice.changes_columns"),
                Map.of(),
                changed.size(),
                change)));
    return bytes.toByteArray();
  }

  /** A text cell of the index; empty for null or "". */
  private static XlsxExport.Cell text(String s) {
    return new XlsxExport.Cell(s == null || s.isEmpty() ? null : s, null);
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
      case "green" -> labels.get("notice.green_again");
      case "escalated" -> labels.get("notice.escalated");
      default -> how;
    };
  }

  private void list(StringBuilder sb, PeriodResult r, List<Warning> ws) {
    if (ws.isEmpty()) {
      sb.append(labels.get("notice.none"));
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
