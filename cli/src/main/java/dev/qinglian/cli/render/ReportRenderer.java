package dev.qinglian.cli.render;

import dev.qinglian.Workspace;
import dev.qinglian.cli.VersionProvider;
import dev.qinglian.data.Unit;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.Band;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import dev.qinglian.monitor.Timeline;
import dev.qinglian.monitor.Transition;
import dev.qinglian.monitor.Warning;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The monthly report (一图一表一指数) as one self-contained HTML file: headline figures, the map of the
 * units in their colours (townships from a GeoJSON file, departments as a grid of tiles), the
 * ranking table (sortable), per unit the index trend over the colour bands and the dimension bars,
 * and the open warnings. No network: all CSS, SVG and script are inline; every string from the data
 * is escaped.
 */
public final class ReportRenderer {
  private final Workspace ws;
  private final Timeline timeline;
  private final Labels labels;
  private final List<MapShapes> features;
  private final List<Warning> openWarnings;
  private final boolean zh;
  private final IndicatorModel model;
  private final int maxCards;

  /**
   * A report of the timeline's last month.
   *
   * @param features the map's units' outlines; may be empty
   * @param openWarnings the open warnings of the register
   * @param maxCards at most this many units get a card (trend and dimension bars): those at the
   *     bottom of the ranking, who need attention first (a card is about 1.5 KB of HTML: a province
   *     of 100,000 units would make a 190 MB page no browser opens comfortably)
   */
  public ReportRenderer(
      Workspace ws,
      Timeline timeline,
      Labels labels,
      List<MapShapes> features,
      List<Warning> openWarnings,
      int maxCards) {
    this.maxCards = Math.max(0, maxCards);
    this.ws = ws;
    this.timeline = timeline;
    this.labels = labels;
    this.features = features;
    this.openWarnings = openWarnings;
    this.zh = labels.lang().equals("zh");
    this.model = timeline.latest().model();
  }

  private String band(Band b) {
    return b.names().in(labels.lang());
  }

  /** The report's title: the model's name, as a monthly report. */
  private String title() {
    return labels.get("report.title", model.root().names().in(labels.lang()));
  }

  private String capNote(PeriodResult r, int u) {
    return CapNote.of(r, u, labels.lang());
  }

  /** A mark after a capped colour, with the rule as its tooltip. */
  private String capMark(PeriodResult r, int u) {
    String note = capNote(r, u);
    return note == null ? "" : " <abbr class=\"cap\" title=\"" + Html.esc(note) + "\">▼</abbr>";
  }

  /** Inline style of a band-coloured box: the colour and a text colour with WCAG AA contrast. */
  private static String on(Band b) {
    return "background:" + b.colour() + ";color:" + Contrast.textOn(b.colour());
  }

  /** The HTML document. */
  public String html() {
    PeriodResult now = timeline.latest();
    PeriodResult before = timeline.at(now.period().minusMonths(1)).orElse(null);
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!doctype html>\n<html lang=\"")
        .append(zh ? "zh-CN" : "en")
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(Html.esc(title() + " " + now.period()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body data-ready=\"no\">\n");
    sb.append("<header><h1>")
        .append(Html.esc(title()))
        .append(" <span>")
        .append(now.period())
        .append("</span></h1><p>")
        .append(Html.esc(labels.get("report.subtitle", now.size())))
        .append("</p></header>\n<main>\n");
    headline(sb, now, before);
    map(sb, now);
    table(sb, now, before);
    units(sb, now);
    warnings(sb);
    sb.append("</main>\n<footer>")
        .append(
            Html.esc(
                "qinglian "
                    + VersionProvider.version()
                    + " · "
                    + labels.get(
                        "report.footer",
                        ws.modelDisplay(),
                        Hashes.modelSha256(ws).substring(0, 12),
                        model.weightsSource())));
    for (Path p : ws.inputs()) {
      sb.append("<br>").append(Html.esc(ws.display(p) + " sha256 " + Hashes.sha256(p)));
    }
    sb.append("</footer>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return sb.toString();
  }

  private void headline(StringBuilder sb, PeriodResult now, PeriodResult before) {
    sb.append("<section class=\"cards\">\n");
    Map<String, Integer> a = now.colourCounts();
    Map<String, Integer> b = before == null ? Map.of() : before.colourCounts();
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      Band bd = model.band(e.getKey()).orElse(Band.INSUFFICIENT);
      int d = e.getValue() - b.getOrDefault(e.getKey(), 0);
      sb.append("<div class=\"card\" style=\"border-color:")
          .append(bd.colour())
          .append("\"><b style=\"color:")
          .append(bd.colour())
          .append("\">")
          .append(e.getValue())
          .append("</b><span>")
          .append(Html.esc(band(bd)))
          .append("</span><small>")
          .append(before == null ? "" : (d > 0 ? "+" : d < 0 ? "−" : "±") + Math.abs(d))
          .append("</small></div>\n");
    }
    if (before != null) {
      List<Transition> tr = Transition.between(before, now);
      long warned = tr.stream().filter(x -> x.kind() == Transition.Kind.NEWLY_WARNED).count();
      long back = tr.stream().filter(x -> x.kind() == Transition.Kind.RETURNED).count();
      sb.append("<div class=\"card\"><b>")
          .append(warned)
          .append("</b><span>")
          .append(Html.esc(labels.get("report.newly_warned")))
          .append("</span><small>")
          .append(Html.esc(names(tr, Transition.Kind.NEWLY_WARNED)))
          .append("</small></div>\n");
      sb.append("<div class=\"card\"><b>")
          .append(back)
          .append("</b><span>")
          .append(Html.esc(labels.get("report.back_to_green")))
          .append("</span><small>")
          .append(Html.esc(names(tr, Transition.Kind.RETURNED)))
          .append("</small></div>\n");
    }
    sb.append("</section>\n");
  }

  private static String names(List<Transition> tr, Transition.Kind kind) {
    List<String> n = tr.stream().filter(x -> x.kind() == kind).map(x -> x.unit().name()).toList();
    return String.join("、", n);
  }

  private void map(StringBuilder sb, PeriodResult now) {
    sb.append("<section><h2>")
        .append(Html.esc(labels.get("report.the_map_every_unit_in")))
        .append("</h2>\n");
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    List<Object[]> shapes = new ArrayList<>();
    for (MapShapes f : features) {
      List<List<double[]>> rings = f.rings();
      for (List<double[]> ring : rings) {
        for (double[] p : ring) {
          minX = Math.min(minX, p[0]);
          maxX = Math.max(maxX, p[0]);
          minY = Math.min(minY, p[1]);
          maxY = Math.max(maxY, p[1]);
        }
      }
      shapes.add(new Object[] {f.unit(), rings});
    }
    java.util.Set<String> mapped = new java.util.HashSet<>();
    if (!shapes.isEmpty()) {
      double w = 640;
      double kx = Math.cos(Math.toRadians((minY + maxY) / 2));
      double scale = w / ((maxX - minX) * kx);
      double h = (maxY - minY) * scale;
      sb.append(
          String.format(
              Locale.ROOT,
              "<svg class=\"map\" viewBox=\"-10 -10 %.0f %.0f\" role=\"img\">\n",
              w + 20,
              h + 20));
      for (Object[] s : shapes) {
        String id = (String) s[0];
        int u = now.indexOf(id);
        if (u < 0) {
          continue;
        }
        mapped.add(id);
        @SuppressWarnings("unchecked")
        List<List<double[]>> rings = (List<List<double[]>>) s[1];
        StringBuilder d = new StringBuilder();
        double cx = 0;
        double cy = 0;
        int n = 0;
        for (List<double[]> ring : rings) {
          for (int i = 0; i < ring.size(); i++) {
            double x = (ring.get(i)[0] - minX) * kx * scale;
            double y = (maxY - ring.get(i)[1]) * scale;
            d.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
            cx += x;
            cy += y;
            n++;
          }
          d.append("Z ");
        }
        Unit unit = now.units().units().get(u);
        String tip =
            unit.name()
                + " "
                + Numbers.fixed(now.index(u), 1, "—")
                + " "
                + band(now.band(u))
                + (capNote(now, u) == null ? "" : " · " + capNote(now, u));
        sb.append("<path class=\"unit\" data-unit=\"")
            .append(Html.esc(id))
            .append("\" d=\"")
            .append(d.toString().trim())
            .append("\" fill=\"")
            .append(now.band(u).colour())
            .append("\"><title>")
            .append(Html.esc(tip))
            .append("</title></path>\n");
        sb.append(
                String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">",
                    cx / n,
                    cy / n,
                    Contrast.textOn(now.band(u).colour())))
            .append(Html.esc(unit.name()))
            .append("</text>\n");
      }
      sb.append("</svg>\n");
    } else {
      sb.append("<p class=\"note\">")
          .append(Html.esc(labels.get("report.no_map_geojson_in_the")))
          .append("</p>\n");
    }
    sb.append("<h3>")
        .append(Html.esc(labels.get("report.units_without_territory")))
        .append("</h3>\n<div class=\"tiles\">\n");
    for (int u : now.rankOrder()) {
      Unit unit = now.units().units().get(u);
      if (mapped.contains(unit.id())) {
        continue;
      }
      sb.append("<div class=\"tile\" data-unit=\"")
          .append(Html.esc(unit.id()))
          .append("\" style=\"")
          .append(on(now.band(u)))
          .append("\" title=\"")
          .append(
              Html.esc(
                  unit.name()
                      + " "
                      + Numbers.fixed(now.index(u), 1, "—")
                      + " "
                      + band(now.band(u))
                      + (capNote(now, u) == null ? "" : " · " + capNote(now, u))))
          .append("\">")
          .append(Html.esc(unit.name()))
          .append("<b>")
          .append(Numbers.fixed(now.index(u), 1, "—"))
          .append(capMark(now, u))
          .append("</b></div>\n");
    }
    sb.append("</div>\n<p class=\"legend\">");
    for (Band b : model.bands()) {
      sb.append("<span style=\"background:")
          .append(b.colour())
          .append("\"></span>")
          .append(Html.esc(band(b)))
          .append(' ');
    }
    sb.append("</p>\n</section>\n");
  }

  private void table(StringBuilder sb, PeriodResult now, PeriodResult before) {
    sb.append("<section><h2>")
        .append(Html.esc(labels.get("report.the_table_ranking")))
        .append("</h2>\n<table id=\"ranking\">\n<thead><tr>");
    List<String> h = ScoreRenderer.rankingHeaders(labels, model);
    for (int i = 0; i < h.size(); i++) {
      sb.append("<th data-col=\"")
          .append(i)
          .append("\">")
          .append(Html.esc(h.get(i)))
          .append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (int u : now.rankOrder()) {
      Unit unit = now.units().units().get(u);
      double change = before == null ? Double.NaN : now.change(u, before);
      sb.append("<tr><td>")
          .append(now.rank(u) == 0 ? "—" : now.rank(u))
          .append("</td><td>")
          .append(Html.esc(unit.id()))
          .append("</td><td>")
          .append(Html.esc(unit.name()))
          .append("</td><td>")
          .append(Numbers.fixed(now.index(u), 1, "—"))
          .append("</td><td class=\"c\" style=\"")
          .append(on(now.band(u)))
          .append("\">")
          .append(Html.esc(band(now.band(u))))
          .append(capMark(now, u))
          .append("</td>");
      for (Node d : model.dimensions()) {
        sb.append("<td>").append(Numbers.fixed(now.score(d.id(), u), 1, "—")).append("</td>");
      }
      sb.append("<td>").append(Numbers.signed(change, 1, "—")).append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n</section>\n");
  }

  /**
   * The order of the cards: the warned units first, worst band first (red, orange, yellow) and the
   * lowest index first within a band, then the others in rank order.
   */
  static int[] cardOrder(PeriodResult now) {
    List<Band> bands = now.model().bands();
    int[] rank = now.rankOrder();
    List<Integer> warned = new ArrayList<>();
    List<Integer> rest = new ArrayList<>();
    for (int u : rank) {
      (bands.indexOf(now.band(u)) > 0 ? warned : rest).add(u);
    }
    java.util.Collections.reverse(warned); // lowest index first
    warned.sort(
        java.util.Comparator.comparingInt((Integer u) -> -bands.indexOf(now.band(u)))); // stable
    warned.addAll(rest);
    return warned.stream().mapToInt(Integer::intValue).toArray();
  }

  private void units(StringBuilder sb, PeriodResult now) {
    sb.append("<section><h2>")
        .append(Html.esc(labels.get("report.the_index_every_unit_s")))
        .append("</h2>\n");
    int[] order = cardOrder(now);
    int shown = Math.min(order.length, maxCards);
    if (shown < order.length) {
      sb.append("<p class=\"note\">")
          .append(Html.esc(labels.get("report.cards_shown", shown, order.length)))
          .append("</p>\n");
    }
    sb.append("<div class=\"units\">\n");
    for (int k = 0; k < shown; k++) {
      int u = order[k];
      Unit unit = now.units().units().get(u);
      sb.append("<div class=\"unitcard\" id=\"u-")
          .append(Html.esc(unit.id()))
          .append("\" data-band=\"")
          .append(Html.esc(now.band(u).id()))
          .append("\"><h3>")
          .append(Html.esc(unit.id() + " " + unit.name()))
          .append(" <span style=\"")
          .append(on(now.band(u)))
          .append("\">")
          .append(Numbers.fixed(now.index(u), 1, "—"))
          .append(' ')
          .append(Html.esc(band(now.band(u))))
          .append("</span></h3>\n");
      String cap = capNote(now, u);
      if (cap != null) {
        sb.append("<p class=\"capnote\">▼ ").append(Html.esc(cap)).append("</p>\n");
      }
      line(sb, timeline.series(unit.id(), model.root().id()));
      bars(sb, now, u);
      sb.append("</div>\n");
    }
    sb.append("</div>\n</section>\n");
  }

  /** The index over the months, over the colour bands, with the months along the bottom. */
  private void line(StringBuilder sb, double[] series) {
    double w = 300;
    double h = 110;
    double lo = 40;
    for (double v : series) {
      if (!Double.isNaN(v)) {
        lo = Math.min(lo, Math.floor(v / 10) * 10);
      }
    }
    double low = lo;
    java.util.function.DoubleUnaryOperator y = v -> h - (v - low) / (100 - low) * h;
    sb.append("<svg class=\"line\" viewBox=\"0 0 300 126\">");
    double top = 100;
    for (Band b : model.bands()) {
      double min = Double.isInfinite(b.min()) ? low : Math.max(low, b.min());
      if (top > min) {
        sb.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"0\" y=\"%.1f\" width=\"300\" height=\"%.1f\" fill=\"%s\" opacity=\"0.18\"/>",
                y.applyAsDouble(top),
                y.applyAsDouble(min) - y.applyAsDouble(top),
                b.colour()));
      }
      top = Math.min(top, min);
    }
    StringBuilder pts = new StringBuilder();
    int n = series.length;
    java.util.function.IntToDoubleFunction x = i -> n == 1 ? w / 2 : i * (w - 30) / (n - 1) + 15;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(series[i])) {
        pts.append(
            String.format(
                Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(i), y.applyAsDouble(series[i])));
      }
    }
    sb.append("<polyline points=\"")
        .append(pts.toString().trim())
        .append("\" fill=\"none\" stroke=\"#263238\" stroke-width=\"2\"/>");
    // the months: the first, the last, and every third between (a year reads as four labels)
    List<PeriodResult> months = timeline.months();
    for (int i = 0; i < n && i < months.size(); i++) {
      if (i == 0 || i == n - 1 || (i % 3 == 0 && n - 1 - i >= 2)) {
        YearMonth m = months.get(i).period();
        sb.append(
                String.format(
                    Locale.ROOT, "<text class=\"month\" x=\"%.1f\" y=\"123\">", x.applyAsDouble(i)))
            .append(zh ? m.getMonthValue() + "月" : m.toString().substring(2))
            .append("</text>");
      }
    }
    sb.append("</svg>");
  }

  /** A dimension's name cut to fit beside its bar: 10 Chinese characters, or 20 Latin ones. */
  private String fit(String name) {
    int max = zh ? 10 : 20;
    return name.length() > max ? name.substring(0, max - 1) + "…" : name;
  }

  /** One bar per dimension, named, with its score, in the colour its score would have. */
  private void bars(StringBuilder sb, PeriodResult now, int u) {
    List<Node> dims = model.dimensions();
    sb.append("<svg class=\"bars\" viewBox=\"0 0 300 ").append(dims.size() * 16).append("\">");
    for (int i = 0; i < dims.size(); i++) {
      double s = now.score(dims.get(i).id(), u);
      double len = Double.isNaN(s) ? 0 : s * 1.5;
      Band b = Double.isNaN(s) ? Band.INSUFFICIENT : model.classify(s);
      String name = dims.get(i).names().in(labels.lang());
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"0\" y=\"%d\">%s</text><rect x=\"110\" y=\"%d\" width=\"%.1f\" height=\"11\" fill=\"%s\"><title>%s</title></rect><text x=\"%.1f\" y=\"%d\">%s</text>",
              i * 16 + 11,
              Html.esc(fit(name)),
              i * 16 + 2,
              len,
              b.colour(),
              Html.esc(dims.get(i).id() + " " + name + " " + Numbers.fixed(s, 1, "—")),
              110 + len + 3,
              i * 16 + 11,
              Numbers.fixed(s, 1, "—")));
    }
    sb.append("</svg>");
  }

  private void warnings(StringBuilder sb) {
    sb.append("<section><h2>")
        .append(Html.esc(labels.get("report.open_warnings")))
        .append("</h2>\n");
    if (openWarnings.isEmpty()) {
      sb.append("<p>")
          .append(Html.esc(labels.get("report.none_the_warning_register_is")))
          .append("</p>\n");
    } else {
      sb.append("<ul>\n");
      for (Warning w : openWarnings) {
        sb.append("<li>")
            .append(
                Html.esc(
                    w.id()
                        + " "
                        + w.unit()
                        + " "
                        + w.name()
                        + " · "
                        + model.band(w.colour()).map(this::band).orElse(w.colour())
                        + " · "
                        + labels.get("report.since", w.opened())))
            .append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    sb.append("</section>\n");
  }

  private static final String CSS =
      """
      body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",system-ui,sans-serif;margin:0;color:#263238;background:#f5f7f8}
      header{background:#b71c1c;color:#fff;padding:18px 28px}header h1{margin:0;font-size:26px}header span{font-weight:400;opacity:.85}
      header p{margin:4px 0 0;opacity:.85}main{padding:12px 28px;max-width:1200px}section{background:#fff;border-radius:8px;padding:12px 18px;margin:14px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}
      h2{font-size:19px;margin:4px 0 10px}.cards{display:flex;flex-wrap:wrap;gap:12px;background:none;box-shadow:none;padding:0}
      .card{background:#fff;border-top:4px solid #607d8b;border-radius:8px;padding:10px 16px;min-width:120px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
      .card b{font-size:30px;display:block}.card span{font-size:14px}.card small{display:block;color:#607d8b;max-width:240px}
      svg.map{width:100%;max-width:680px;height:auto}svg.map path{stroke:#fff;stroke-width:2}svg.map path:hover{opacity:.8}
      svg.map text{font-size:12px;text-anchor:middle;pointer-events:none}
      .tiles{display:flex;flex-wrap:wrap;gap:6px}.tile{border-radius:4px;padding:6px 8px;font-size:12px;min-width:90px}
      .tile b{display:block;font-size:15px}.legend span{display:inline-block;width:14px;height:14px;margin:0 4px 0 12px;vertical-align:middle;border-radius:3px}
      table{border-collapse:collapse;width:100%;font-size:14px}th{cursor:pointer;background:#eceff1;position:sticky;top:0}th,td{padding:4px 8px;border-bottom:1px solid #e0e0e0;text-align:right}
      td:nth-child(2),td:nth-child(3),th:nth-child(2),th:nth-child(3){text-align:left}td.c{text-align:center}
      .units{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}.unitcard{border:1px solid #e0e0e0;border-radius:6px;padding:8px}
      .unitcard h3{font-size:15px;margin:0 0 6px}.unitcard h3 span{border-radius:4px;padding:1px 6px;margin-left:6px}
      svg.line,svg.bars{width:100%;height:auto}svg.bars text{font-size:10px}footer{font-size:11px;color:#78909c;padding:10px 28px 30px;word-break:break-all}
      .note{color:#78909c}abbr.cap{text-decoration:none;cursor:help;margin-left:3px}
      .capnote{margin:0 0 4px;font-size:13px;color:#b71c1c}svg.line text.month{font-size:10px;text-anchor:middle;fill:#546e7a}
      @media print{@page{size:A4;margin:14mm 12mm}body{background:#fff;font-size:12px}
      header{-webkit-print-color-adjust:exact;print-color-adjust:exact;padding:8px 0}main{padding:0;max-width:none}
      section{box-shadow:none;border:1px solid #cfd8dc;padding:8px 10px;margin:8px 0;break-inside:auto}
      .card,.unitcard,tr,svg.map{break-inside:avoid}td.c,.tile,.unitcard h3 span,svg,.legend span{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      th{position:static}thead{display:table-header-group}.units{grid-template-columns:repeat(2,1fr)}
      h2{break-after:avoid}footer{padding:8px 0}}
      """;

  private static final String SCRIPT =
      """
      (function(){
        try {
          var table = document.getElementById('ranking');
          var dir = {};
          table.querySelectorAll('th').forEach(function(th){
            th.addEventListener('click', function(){
              var col = +th.dataset.col, body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              dir[col] = -(dir[col] || -1);
              rows.sort(function(a, b){
                var x = a.cells[col].textContent, y = b.cells[col].textContent;
                var nx = parseFloat(x), ny = parseFloat(y);
                var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'zh');
                return dir[col] * c;
              });
              rows.forEach(function(r){ body.appendChild(r); });
            });
          });
          document.querySelectorAll('[data-unit]').forEach(function(el){
            el.addEventListener('click', function(){
              var card = document.getElementById('u-' + el.dataset.unit);
              if (card) { card.scrollIntoView({behavior: 'smooth'}); }
            });
          });
          document.body.dataset.ready = 'ok';
        } catch (e) {
          document.body.dataset.ready = 'error: ' + e;
        }
      })();
      """;
}
