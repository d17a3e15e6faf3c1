package dev.qinglian.eval;

import dev.qinglian.data.Unit;
import dev.qinglian.model.Band;
import dev.qinglian.model.OverrideRule;
import java.util.List;

/**
 * One unit's line of the ranking.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param unit the unit
 * @param rank 1-based rank (ties share the better rank), 0 when unranked (insufficient data)
 * @param index the index in [0, 100], NaN when no data
 * @param band the colour after override caps and the coverage rule
 * @param uncapped the colour by the index alone (null when the index is NaN)
 * @param coverage share (0–1) of the index weight resting on reported or carried values
 * @param caps the override rules that fired, in model order
 * @param dimensions scores of the root's children in model order (NaN where missing)
 */
public record UnitScore(
    Unit unit,
    int rank,
    double index,
    Band band,
    Band uncapped,
    double coverage,
    List<OverrideRule> caps,
    List<Double> dimensions) {
  /** Copies the lists. */
  public UnitScore {
    caps = List.copyOf(caps);
    dimensions = List.copyOf(dimensions);
  }

  /** True when an override rule made the colour worse than the index alone. */
  public boolean capped() {
    return capped(band, uncapped);
  }

  /**
   * True when a unit coloured {@code band}, {@code uncapped} by its index alone (null when the
   * index is NaN), was capped by an override rule; for renderers that hold the two colours in
   * columns rather than as {@code UnitScore}s.
   */
  public static boolean capped(Band band, Band uncapped) {
    return uncapped != null && band != uncapped && band != Band.INSUFFICIENT;
  }
}
