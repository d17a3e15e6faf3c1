package dev.qinglian.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.qinglian.model.Direction;
import dev.qinglian.model.Normalisation;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NormaliseTest {
  private static final double NAN = Double.NaN;
  private static final double TOL = 1e-12;

  static Stream<Arguments> cases() {
    return Stream.of(
        // goalposts 60 -> 100: 50 below worst clips to 0; 80 is half way; 110 clips to 100.
        Arguments.of(
            new Normalisation.Goalposts(60, 100),
            Direction.HIGHER,
            new double[] {50, 80, 100, 110, NAN},
            new double[] {0, 50, 100, 100, NAN}),
        // lower is better, 5 -> 0: 2.5 is half way, 7 beyond worst is 0.
        Arguments.of(
            new Normalisation.Goalposts(5, 0),
            Direction.LOWER,
            new double[] {0, 2.5, 7},
            new double[] {100, 50, 0}),
        // min-max over 2..6: (4-2)/4 = 50; NaN ignored.
        Arguments.of(
            new Normalisation.MinMax(),
            Direction.HIGHER,
            new double[] {2, 4, 6, NAN},
            new double[] {0, 50, 100, NAN}),
        Arguments.of(
            new Normalisation.MinMax(),
            Direction.LOWER,
            new double[] {2, 4, 6},
            new double[] {100, 50, 0}),
        // min = max: everybody 100.
        Arguments.of(
            new Normalisation.MinMax(),
            Direction.HIGHER,
            new double[] {3, 3},
            new double[] {100, 100}),
        // z-score: mean 2, sample sd 1 -> z = -1, 0, 1 -> 50 + 10 z.
        Arguments.of(
            new Normalisation.ZScore(50, 10),
            Direction.HIGHER,
            new double[] {1, 2, 3},
            new double[] {40, 50, 60}),
        Arguments.of(
            new Normalisation.ZScore(50, 10),
            Direction.LOWER,
            new double[] {1, 2, 3, NAN},
            new double[] {60, 50, 40, NAN}),
        // one value: sd undefined -> the stated mean.
        Arguments.of(
            new Normalisation.ZScore(70, 10),
            Direction.HIGHER,
            new double[] {NAN, 5},
            new double[] {NAN, 70}),
        // clipping: x = 0, 0, 3: mean 1, s = sqrt(6/2) = sqrt(3); z = -1/sqrt3, -1/sqrt3, 2/sqrt3;
        // 90 + 20 z = 78.45, 78.45, 113.1 -> clipped to 100.
        Arguments.of(
            new Normalisation.ZScore(90, 20),
            Direction.HIGHER,
            new double[] {0, 0, 3},
            new double[] {90 - 20 / Math.sqrt(3), 90 - 20 / Math.sqrt(3), 100}),
        // ranks 1, 2.5, 2.5, 4 of 4 -> 0, 50, 50, 100.
        Arguments.of(
            new Normalisation.Rank(),
            Direction.HIGHER,
            new double[] {10, 20, 20, 40},
            new double[] {0, 50, 50, 100}),
        Arguments.of(
            new Normalisation.Rank(),
            Direction.LOWER,
            new double[] {10, NAN, 40, 25},
            new double[] {100, NAN, 0, 50}),
        Arguments.of(
            new Normalisation.Rank(), Direction.HIGHER, new double[] {7}, new double[] {100}),
        // deduction 20 points per event: 100, 60, floored at 0.
        Arguments.of(
            new Normalisation.Deduction(20),
            Direction.LOWER,
            new double[] {0, 2, 6, NAN},
            new double[] {100, 60, 0, NAN}),
        // all missing stays missing.
        Arguments.of(
            new Normalisation.MinMax(),
            Direction.HIGHER,
            new double[] {NAN, NAN},
            new double[] {NAN, NAN}));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void normalisesAsDocumented(Normalisation n, Direction d, double[] x, double[] expected) {
    double[] out = new double[x.length];
    Normalise.column(n, d, x, out);
    assertArrayEquals(expected, out, TOL);
  }
}
