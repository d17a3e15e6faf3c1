package dev.qinglian.data;

import java.util.Map;

/**
 * A unit evaluated by the index: a party or government department, a township, a village…
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id stable id ({@code U017})
 * @param name display name
 * @param type unit type ({@code department}, {@code township}…), used by the group-mean policy
 * @param parent id of the parent unit, or empty
 * @param staff number of staff (denominator {@code staff}); NaN when not given
 * @param served population served (denominator {@code served}); NaN when not given
 * @param extra further columns of the register (for example a map id), by header
 * @param line line of the unit in the register file (0 when built in code)
 */
public record Unit(
    String id,
    String name,
    String type,
    String parent,
    double staff,
    double served,
    Map<String, String> extra,
    long line) {
  /** Validates and copies. */
  public Unit {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("unit id is required");
    }
    name = name == null || name.isBlank() ? id : name;
    type = type == null ? "" : type;
    parent = parent == null ? "" : parent;
    extra = Map.copyOf(extra);
  }
}
