package dev.qinglian.model;

/**
 * A colour band of the classification: a unit whose index is at least {@code min} (and not in a
 * better band) gets this colour.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id stable id ({@code green}, {@code yellow}, {@code orange}, {@code red})
 * @param names display names ({@code 绿}, {@code green})
 * @param min lowest index of the band (inclusive)
 * @param colour display colour as {@code #rrggbb}
 */
public record Band(String id, Names names, double min, String colour) {
  /** The pseudo-band of a unit whose data coverage is below the model's minimum. */
  public static final Band INSUFFICIENT =
      new Band("insufficient", new Names("数据不足", "insufficient data"), Double.NaN, "#9e9e9e");

  /**
   * The pseudo-band of a unit with enough data under a model without bands ({@link
   * IndicatorModel#coloured()} false): ranked, not coloured.
   */
  public static final Band NONE =
      new Band("unclassified", new Names("未分级", "unclassified"), Double.NaN, "#ffffff");

  /** Validates the band. */
  public Band {
    if (id == null || id.isBlank() || names == null || colour == null) {
      throw new IllegalArgumentException("band needs id, names and colour");
    }
  }
}
