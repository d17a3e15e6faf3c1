package dev.qinglian.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
  private Suggest() {}

  /** Up to {@code max} candidates closest to {@code word} (ties in alphabetical order). */
  public static List<String> closest(String word, Collection<String> candidates, int max) {
    return candidates.stream()
        .sorted(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c))
        .limit(max)
        .toList();
  }

  /**
   * Candidates sharing the longest prefix with {@code word}, as siblings of an id: D5.1.9 gives
   * D5.1.*.
   */
  public static List<String> siblings(String word, Collection<String> candidates, int max) {
    int dot = word.lastIndexOf('.');
    if (dot > 0) {
      String prefix = word.substring(0, dot + 1);
      List<String> same =
          candidates.stream()
              .filter(c -> c.startsWith(prefix) && c.indexOf('.', prefix.length()) < 0)
              .sorted()
              .limit(max)
              .toList();
      if (!same.isEmpty()) {
        return same;
      }
    }
    return closest(word, candidates, max);
  }

  /** Levenshtein distance. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
