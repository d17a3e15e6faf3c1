package dev.qinglian.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ranking sort against the JDK's stable sort, on both sides of the parallel threshold. */
class SortsTest {
  @Test
  void descendingAndStableLikeTheJdkSortOfBoxedPositions() {
    Random r = new Random(5);
    for (int n : new int[] {0, 1, 7, 1000, 200_000}) {
      double[] key = new double[n];
      for (int i = 0; i < n; i++) {
        key[i] = r.nextInt(50) / 2.0; // many ties: their order must be the input order
      }
      int[] a = new int[n];
      Integer[] b = new Integer[n];
      for (int i = 0; i < n; i++) {
        a[i] = n - 1 - i; // not already in order, so that stability is visible
        b[i] = n - 1 - i;
      }
      Sorts.byDescending(a, key);
      Arrays.sort(b, (x, y) -> Double.compare(key[y], key[x])); // stable (TimSort)
      assertArrayEquals(Arrays.stream(b).mapToInt(Integer::intValue).toArray(), a, "n=" + n);
    }
  }

  @Test
  void largeArraysSortedByTheirBitsGiveTheSameOrder() {
    Random r = new Random(6);
    int n = 300_000; // past the radix threshold
    double[] pool = {
      0.0, -0.0, 100, 99.5, -3.25, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, 7
    };
    double[] key = new double[n];
    for (int i = 0; i < n; i++) {
      // ties from a small pool, and scores drawn at random over their whole precision
      key[i] = r.nextBoolean() ? pool[r.nextInt(pool.length)] : r.nextDouble() * 100;
    }
    int[] a = new int[n];
    Integer[] b = new Integer[n];
    for (int i = 0; i < n; i++) {
      a[i] = (int) ((i * 7919L) % n); // a permutation, not in order
      b[i] = a[i];
    }
    Sorts.byDescending(a, key);
    // the merge sort's order: -0.0 and 0.0 are equal, so they keep their input order
    Arrays.sort(b, (x, y) -> Double.compare(key[y] + 0.0, key[x] + 0.0));
    assertArrayEquals(Arrays.stream(b).mapToInt(Integer::intValue).toArray(), a);
    // a NaN key: the merge sort as before (NaN is never greater, so it stays where merging puts it)
    key[5] = Double.NaN;
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      c[i] = i;
    }
    Sorts.byDescending(c, key);
    assertArrayEquals(
        Arrays.stream(c).sorted().toArray(), java.util.stream.IntStream.range(0, n).toArray());
  }
}
