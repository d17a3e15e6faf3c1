package dev.qinglian.model;

/**
 * How a leaf's raw values become scores in [0, 100]. Chosen per leaf in the model.
 *
 * <p>All methods map a missing raw value (NaN) to a missing score. Directions are applied by each
 * method so that 100 is always best.
 */
public sealed interface Normalisation
    permits Normalisation.Goalposts,
        Normalisation.MinMax,
        Normalisation.ZScore,
        Normalisation.Rank,
        Normalisation.Deduction {

  /** The YAML name of the method. */
  String method();

  /** True when a unit's score depends on the other units of the month (cross-section). */
  boolean crossSectional();

  /**
   * Fixed bounds: {@code 100·(x − worst)/(best − worst)}, clipped to [0, 100]. The default, because
   * scores stay comparable from month to month. {@code worst > best} expresses "lower is better".
   *
   * @param worst raw value scoring 0 (and anything beyond it)
   * @param best raw value scoring 100 (and anything beyond it)
   */
  record Goalposts(double worst, double best) implements Normalisation {
    /** Rejects equal or non-finite bounds. */
    public Goalposts {
      if (!Double.isFinite(worst) || !Double.isFinite(best) || worst == best) {
        throw new IllegalArgumentException("goalposts need two different finite bounds");
      }
    }

    @Override
    public String method() {
      return "goalposts";
    }

    @Override
    public boolean crossSectional() {
      return false;
    }
  }

  /**
   * Min–max within the month's cross-section of units that have a value, scaled to [{@code min},
   * {@code max}]: the best unit scores {@code max}, the worst {@code min}, {@code min + (max −
   * min)·(x − x_min)/(x_max − x_min)} (mirrored for lower-is-better). When all values are equal
   * every unit scores {@code max}: no unit is worse than another. The range lies within [0, 100]
   * ([0, 100] by default; [1, 100] keeps a geometric mean defined), so bands, goalposts and points
   * lost keep their meaning.
   *
   * @param min the worst unit's score
   * @param max the best unit's score
   */
  record MinMax(double min, double max) implements Normalisation {
    /** Validates the range. */
    public MinMax {
      if (!(min >= 0 && min < max && max <= 100)) {
        throw new IllegalArgumentException("minmax needs 0 <= min < max <= 100");
      }
    }

    /** Min–max to [0, 100]. */
    public MinMax() {
      this(0, 100);
    }

    @Override
    public String method() {
      return "minmax";
    }

    @Override
    public boolean crossSectional() {
      return true;
    }
  }

  /**
   * Standardisation within the month rescaled to a stated mean and standard deviation: {@code mean
   * + sd·z} with {@code z = ±(x − x̄)/s} (sample standard deviation, sign by direction), clipped to
   * [0, 100]. With fewer than two values or s = 0 every unit scores {@code mean}.
   *
   * @param mean score of an average unit (for example 70)
   * @param sd score points per standard deviation (for example 10)
   */
  record ZScore(double mean, double sd) implements Normalisation {
    /** Validates the target mean and spread. */
    public ZScore {
      if (!(mean >= 0 && mean <= 100) || !(sd > 0 && sd <= 100)) {
        throw new IllegalArgumentException("zscore needs mean in [0, 100] and sd in (0, 100]");
      }
    }

    @Override
    public String method() {
      return "zscore";
    }

    @Override
    public boolean crossSectional() {
      return true;
    }
  }

  /**
   * Percentile rank within the month: {@code 100·(r − 1)/(n − 1)} where r is the 1-based rank from
   * worst to best and ties share their mean rank. A single unit scores 100.
   */
  record Rank() implements Normalisation {
    @Override
    public String method() {
      return "rank";
    }

    @Override
    public boolean crossSectional() {
      return true;
    }
  }

  /**
   * Deduction scoring (扣分制): {@code max(0, 100 − points·x)} for x events; the direction is always
   * "lower is better".
   *
   * @param points points deducted per event (or per unit of the denominated value)
   */
  record Deduction(double points) implements Normalisation {
    /** Rejects a non-positive deduction. */
    public Deduction {
      if (!(points > 0) || Double.isInfinite(points)) {
        throw new IllegalArgumentException("deduction needs positive points");
      }
    }

    @Override
    public String method() {
      return "deduction";
    }

    @Override
    public boolean crossSectional() {
      return false;
    }
  }
}
