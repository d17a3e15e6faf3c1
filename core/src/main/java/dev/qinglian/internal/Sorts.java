package dev.qinglian.internal;

/** Sorting of positions by a primitive key, without boxing. */
public final class Sorts {
  private Sorts() {}

  /** Stable merge sort of positions {@code a} by {@code key[a[i]]} descending (ties keep order). */
  public static void byDescending(int[] a, double[] key) {
    int[] tmp = new int[a.length];
    for (int width = 1; width < a.length; width *= 2) {
      for (int lo = 0; lo < a.length - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, a.length);
        int i = lo;
        int j = mid;
        int t = lo;
        while (i < mid && j < hi) {
          tmp[t++] = key[a[j]] > key[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
          tmp[t++] = a[i++];
        }
        while (j < hi) {
          tmp[t++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
      }
    }
  }
}
