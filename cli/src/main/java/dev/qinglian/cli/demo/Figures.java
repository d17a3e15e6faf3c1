package dev.qinglian.cli.demo;

import dev.qinglian.model.Direction;
import dev.qinglian.model.LeafSpec;
import dev.qinglian.model.Normalisation;
import java.time.YearMonth;
import java.util.Random;

/**
 * Draws plausible raw figures for a leaf of the default model from a unit's latent health (0–1, 1
 * perfect): rates near {@code worst + (best − worst)·health}, event counts from a Poisson law whose
 * mean grows as health falls (scaled by staff or population for per-capita indicators). Shared by
 * the demo county and the synthetic generator.
 */
final class Figures {
  private final Random random;

  Figures(Random random) {
    this.random = random;
  }

  /** True when an indicator of this frequency is reported in this month. */
  static boolean reports(dev.qinglian.model.Frequency f, YearMonth p) {
    return f.dueIn(p);
  }

  /** A raw figure (one decimal for rates, whole for counts). */
  double draw(LeafSpec spec, double staff, double served, double h) {
    Normalisation.Goalposts g = (Normalisation.Goalposts) spec.normalisation();
    if (!spec.unit().equals("count")) {
      double s = Math.max(0, Math.min(100, 100 * (h + 0.01) + 3 * random.nextGaussian()));
      double v = g.worst() + (g.best() - g.worst()) * s / 100;
      return Math.round(Math.max(0, Math.min(100, v)) * 10) / 10.0;
    }
    double scale =
        switch (spec.denominator().base()) {
          case STAFF -> staff / spec.denominator().per();
          case SERVED -> served / spec.denominator().per();
          case NONE -> 1;
        };
    if (spec.direction() == Direction.HIGHER) {
      return Math.min(g.best() * 2, poisson(g.best() * 1.6 * h));
    }
    return poisson(scale * g.worst() * (1 - h) * 0.9);
  }

  int poisson(double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
