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
}
