package dev.qinglian.cli.render;

import dev.qinglian.eval.PeriodResult;
import dev.qinglian.eval.ValueFlag;
import dev.qinglian.model.Band;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.OverrideRule;
import dev.qinglian.monitor.ExplainedNode;
import dev.qinglian.monitor.Explanation;
import dev.qinglian.monitor.Mover;
import dev.qinglian.monitor.Timeline;
import dev.qinglian.monitor.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders colour transitions and explanations as text for people. */
public final class MonitorRenderer {
  /** Movers listed before the rest is summed up. */
  static final int MOVERS = 10;

  private final Labels labels;

  /** A renderer in the language of {@code labels}. */
  public MonitorRenderer(Labels labels) {
    this.labels = labels;
  }

  private String band(Band b) {
    return b.names().in(labels.lang());
  }

  /** The transitions of the last month of the timeline against the month before. */
  public String changes(Timeline t) {
    PeriodResult now = t.latest();
    PeriodResult before = t.at(now.period().minusMonths(1)).orElseThrow();
    List<Transition> all = Transition.between(before, now);
    StringBuilder sb =
        new StringBuilder(labels.get("changes.title", now.period(), before.period())).append('\n');
    for (Transition.Kind kind : Transition.Kind.values()) {
      List<Transition> of = all.stream().filter(x -> x.kind() == kind).toList();
      if (of.isEmpty() && kind == Transition.Kind.DATA) {
        continue;
      }
      sb.append('\n')
          .append(labels.get("heading.count", labels.get(kind.name()), of.size()))
          .append('\n');
      if (of.isEmpty()) {
        sb.append("  ").append(labels.get("none")).append('\n');
      }
      for (Transition x : of) {
        sb.append("  ")
            .append(x.unit().id())
            .append(' ')
            .append(Text.padRight(x.unit().name(), 24))
            .append(band(x.before()))
            .append(" → ")
            .append(band(x.after()))
            .append("   ")
            .append(Numbers.fixed(x.indexBefore(), 1, "—"))
            .append(" → ")
            .append(Numbers.fixed(x.indexAfter(), 1, "—"));
        int u = now.indexOf(x.unit().id());
        String cap = u < 0 ? null : CapNote.of(now, u, labels.lang());
        if (cap != null) {
          sb.append(labels.lang().equals("zh") ? "（" + cap + "）" : " (" + cap + ")");
        }
        sb.append('\n');
      }
    }
    sb.append('\n').append(labels.get("counts"));
    Map<String, Integer> a = now.colourCounts();
    Map<String, Integer> b = before.colourCounts();
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      Band band = now.model().band(e.getKey()).orElse(Band.INSUFFICIENT);
      int d = e.getValue() - b.getOrDefault(e.getKey(), 0);
      parts.add(
          band(band)
              + " "
              + e.getValue()
              + " ("
              + (d > 0 ? "+" : d < 0 ? "−" : "±")
              + Math.abs(d)
              + ")");
    }
    sb.append(String.join(" · ", parts)).append('\n');
    sb.append('\n').append(labels.get("nongreen")).append('\n');
    List<Band> bands = now.model().bands();
    boolean any = false;
    for (int u : now.rankOrder()) {
      Band c = now.band(u);
      if (bands.indexOf(c) > 0) {
        any = true;
        String id = now.units().units().get(u).id();
        sb.append("  ")
            .append(id)
            .append(' ')
            .append(Text.padRight(now.units().units().get(u).name(), 24))
            .append(Text.padRight(band(c), 8))
            .append(
                labels.get(
                    "streak", t.monthsInColour(id, now.period()), t.longestNonGreenStreak(id)))
            .append('\n');
      }
    }
    if (!any) {
      sb.append("  ").append(labels.get("none")).append('\n');
    }
    return sb.toString();
  }

  /** The explanation tree and, when {@code before} is given, the movers since then. */
  public String explain(PeriodResult result, String unitId, PeriodResult before) {
    IndicatorModel model = result.model();
    Explanation e = Explanation.of(result, unitId);
    int u = result.indexOf(unitId);
    var unit = result.units().units().get(u);
    StringBuilder sb = new StringBuilder();
    sb.append(
            labels.get(
                "explain.title",
                unit.id(),
                unit.name(),
                result.period(),
                Numbers.fixed(result.index(u), 1, "—"),
                model.coloured() || result.band(u) == Band.INSUFFICIENT
                    ? band(result.band(u))
                    : labels.get("ranked", result.rank(u), result.size())))
        .append('\n');
    OverrideRule rule = result.cappedBy(u).orElse(null);
    if (rule != null) {
      sb.append(
              labels.get(
                  "explain.capped",
                  band(result.uncappedBand(u).get()),
                  rule.names().in(labels.lang()),
                  band(result.band(u))))
          .append('\n');
    }
    List<String> headers =
        List.of(
            labels.get("indicator"),
            labels.get("score"),
            labels.get("weight"),
            labels.get("points"),
            labels.get("lost"),
            labels.get("raw"),
            labels.get("flags"));
    TextTable t =
        new TextTable(headers, new boolean[] {false, true, true, true, true, true, false});
    row(t, e.root(), "", "");
    sb.append(t.render(false));
    // what the outlier treatment did to each leaf this month, over all units
    for (var leaf : model.leaves()) {
      int treated = result.treatment(leaf.id());
      if (treated != 0) {
        sb.append(
                treated < 0
                    ? labels.get("explain.log_transformed", leaf.id())
                    : labels.get("explain.winsorised", leaf.id(), treated))
            .append('\n');
      }
    }
    if (before == null) {
      sb.append(labels.get("noprevious.explain")).append('\n');
      return sb.toString();
    }
    List<Mover> movers = Explanation.movers(before, result, unitId);
    double change = result.index(u) - before.index(before.indexOf(unitId));
    sb.append('\n')
        .append(labels.get("movers", before.period(), Numbers.signed(change, 2, "—")))
        .append('\n');
    TextTable t2 =
        new TextTable(
            List.of(labels.get("indicator"), labels.get("points"), labels.get("score")),
            new boolean[] {false, true, false});
    double rest = 0;
    for (int i = 0; i < movers.size(); i++) {
      Mover m = movers.get(i);
      if (i >= MOVERS) {
        rest += m.points();
        continue;
      }
      t2.add(
          new String[] {
            m.leaf().id() + " " + m.leaf().names().in(labels.lang()),
            Numbers.signed(m.points(), 2, "—"),
            Numbers.fixed(m.scoreBefore(), 1, "—") + " → " + Numbers.fixed(m.scoreAfter(), 1, "—")
          },
          null);
    }
    sb.append(t2.render(false));
    if (movers.size() > MOVERS) {
      sb.append(labels.get("movers.rest", movers.size() - MOVERS, Numbers.signed(rest, 2, "—")))
          .append('\n');
    }
    return sb.toString();
  }

  private void row(TextTable t, ExplainedNode n, String prefix, String childPrefix) {
    String flags =
        String.join(
            ",", n.flags().stream().sorted().map(ValueFlag::name).map(labels::get).toList());
    t.add(
        new String[] {
          prefix + n.node().id() + " " + n.node().names().in(labels.lang()),
          Numbers.fixed(n.score(), 1, "—"),
          Numbers.fixed(100 * n.effectiveWeight(), 2, "—") + "%",
          Numbers.fixed(n.points(), 2, "—"),
          Numbers.fixed(n.lost(), 2, "—"),
          Double.isNaN(n.raw()) ? "" : Numbers.full(n.raw()),
          flags
        },
        null);
    List<ExplainedNode> kids = n.children();
    for (int i = 0; i < kids.size(); i++) {
      boolean last = i == kids.size() - 1;
      row(
          t,
          kids.get(i),
          childPrefix + (last ? "└─ " : "├─ "),
          childPrefix + (last ? "   " : "│  "));
    }
  }
}
