package dev.qinglian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** "Did you mean": the one-pass search gives exactly what sorting every candidate gave. */
class SuggestTest {
  @Test
  void closestByDistanceThenText() {
    // by hand: distance("D5.1.9", ·) = 1 for D5.1.1 and D5.1.2, 2 for D5.2.1; D6 is far
    assertEquals(
        List.of("D5.1.1", "D5.1.2", "D5.2.1"),
        Suggest.closest("D5.1.9", List.of("D6", "D5.2.1", "D5.1.2", "D5.1.1"), 3));
    assertEquals(List.of(), Suggest.closest("x", List.of(), 3));
    assertEquals(List.of("a"), Suggest.closest("x", List.of("a"), 3));
  }

  @Test
  void sameAsSortingEveryCandidate() {
    Random r = new Random(11);
    for (int round = 0; round < 200; round++) {
      List<String> candidates = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        candidates.add(word(r));
      }
      String w = word(r);
      List<String> expected =
          candidates.stream()
              .sorted(
                  Comparator.comparingInt((String c) -> Suggest.distance(w, c))
                      .thenComparing(c -> c))
              .limit(3)
              .toList();
      assertEquals(expected, Suggest.closest(w, candidates, 3), w + " in " + candidates);
    }
  }

  private static String word(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
      sb.append((char) ('a' + r.nextInt(4)));
    }
    return sb.toString();
  }
}
