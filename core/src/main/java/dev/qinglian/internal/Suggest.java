package dev.qinglian.internal;

import java.util.Collection;
import java.util.List;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
  private Suggest() {}

  /**
   * Up to {@code max} candidates closest to {@code word} (ties in alphabetical order). One pass
   * over the candidates, each distance computed once and given up as soon as it cannot make the
   * list: a million unit ids take milliseconds, not the minutes a sort by distance took.
   */
  public static List<String> closest(String word, Collection<String> candidates, int max) {
    if (max <= 0) {
      return List.of();
    }
    // the best so far, by (distance, text); a small sorted array, max is a handful
    String[] best = new String[max];
    int[] dist = new int[max];
    int n = 0;
    for (String c : candidates) {
      int limit = n < max ? Integer.MAX_VALUE : dist[n - 1];
      if (Math.abs(c.length() - word.length()) > limit) {
        continue;
      }
      int d = distance(word, c, limit);
      if (n == max && (d > limit || (d == limit && c.compareTo(best[n - 1]) >= 0))) {
        continue;
      }
      int i = n < max ? n++ : n - 1; // insert, dropping the last when full
      while (i > 0 && (dist[i - 1] > d || (dist[i - 1] == d && best[i - 1].compareTo(c) > 0))) {
        best[i] = best[i - 1];
        dist[i] = dist[i - 1];
        i--;
      }
      best[i] = c;
      dist[i] = d;
    }
    return List.of(java.util.Arrays.copyOf(best, n));
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
    return distance(a, b, Integer.MAX_VALUE);
  }

  /**
   * Levenshtein distance, or some value above {@code limit} as soon as it is certain to exceed it
   * (every entry of a row of the table above the limit).
   */
  static int distance(String a, String b, int limit) {
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
      int rowMin = Integer.MAX_VALUE;
      for (int v : cur) {
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return rowMin; // the distance is at least the smallest entry of any row
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
