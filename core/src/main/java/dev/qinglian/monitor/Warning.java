package dev.qinglian.monitor;

import java.time.YearMonth;
import java.util.List;

/**
 * One warning of the register: opened when a unit became non-green (or worse), closed when it is
 * green again (复绿) or when a worse colour replaced it (escalated).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id stable id {@code W-YYYY-MM-UNIT}
 * @param unit unit id
 * @param name unit name when opened
 * @param opened month it was opened
 * @param colour band id when opened
 * @param index index when opened
 * @param weakest ids of the weakest dimensions when opened
 * @param costliest ids of the leaves that cost most points when opened
 * @param closed month it was closed, or null while open
 * @param closedAs {@code green} (returned to green) or {@code escalated}; empty while open
 */
public record Warning(
    String id,
    String unit,
    String name,
    YearMonth opened,
    String colour,
    double index,
    List<String> weakest,
    List<String> costliest,
    YearMonth closed,
    String closedAs) {
  /** Copies the lists. */
  public Warning {
    weakest = List.copyOf(weakest);
    costliest = List.copyOf(costliest);
    closedAs = closedAs == null ? "" : closedAs;
  }

  /** True while not closed. */
  public boolean isOpen() {
    return closed == null;
  }

  /** The same warning closed in {@code period}. */
  public Warning close(YearMonth period, String how) {
    return new Warning(id, unit, name, opened, colour, index, weakest, costliest, period, how);
  }
}
