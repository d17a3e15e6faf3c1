package dev.qinglian.monitor;

import dev.qinglian.data.Unit;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.Band;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit whose colour changed from one month to the next.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param unit the unit
 * @param kind what kind of change
 * @param before colour the month before
 * @param after colour this month
 * @param indexBefore index the month before (NaN if none)
 * @param indexAfter index this month (NaN if none)
 */
public record Transition(
    Unit unit, Kind kind, Band before, Band after, double indexBefore, double indexAfter) {

  /** Kinds of colour change. Bands are compared by their order in the model (best first). */
  public enum Kind {
    /** From the best band to a worse one: a new warning (newly non-green). */
    NEWLY_WARNED,
    /** From a non-best band to a worse one. */
    WORSENED,
    /** From a non-best band to a better band that is still not the best. */
    IMPROVED,
    /** From a non-best band back to the best one (复绿). */
    RETURNED,
    /** Into or out of "insufficient data". */
    DATA
  }

  /** Validates. */
  public Transition {
    if (unit == null || kind == null || before == null || after == null) {
      throw new IllegalArgumentException("unit, kind and colours are required");
    }
  }

  /** Every change of colour between two results, in the later result's rank order. */
  public static List<Transition> between(PeriodResult before, PeriodResult after) {
    List<Band> bands = after.model().bands();
    List<Transition> out = new ArrayList<>();
    for (int u : after.rankOrder()) {
      Unit unit = after.units().units().get(u);
      int p = before.indexOf(unit.id());
      if (p < 0) {
        continue;
      }
      Band b = before.band(p);
      Band a = after.band(u);
      if (a == b) {
        continue;
      }
      int rb = bands.indexOf(b);
      int ra = bands.indexOf(a);
      Kind kind;
      if (rb < 0 || ra < 0) {
        kind = Kind.DATA;
      } else if (ra == 0) {
        kind = Kind.RETURNED;
      } else if (rb == 0) {
        kind = Kind.NEWLY_WARNED;
      } else {
        kind = ra > rb ? Kind.WORSENED : Kind.IMPROVED;
      }
      out.add(new Transition(unit, kind, b, a, before.index(p), after.index(u)));
    }
    return out;
  }
}
