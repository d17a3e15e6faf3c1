package dev.qinglian.internal.table;

import static dev.qinglian.internal.table.FastCsv.ConflictException;
import static dev.qinglian.internal.table.FastCsv.Utf8Check;
import static dev.qinglian.internal.table.FastCsv.Writer;

/** The parsed content of one block: values in row order, and the rows left to the slow path. */
final class ParsedBlock {
  byte[] buf;
  int lines;
  int n;
  // the values in row order, for the ordered merge (left empty when a writer stores them)
  int[] rowOf = new int[0];
  int[] rowStart = new int[0];
  int[] rowEnd = new int[0];
  int[] unit = new int[0];
  int[] month = new int[0];
  int[] leaf = new int[0];
  double[] value = new double[0];
  Writer writer;
  int lastUnit = -1;
  int lastUnitStart;
  int lastUnitEnd;
  int lastLeaf = -1;
  int[] follows;
  int lastMonth = -1;
  int lastMonthStart;
  int lastMonthEnd;
  final Utf8Check utf8 = new Utf8Check();
  int slowCount;
  int[] slowRow = new int[64];
  int[] slowStart = new int[64];
  int[] slowEnd = new int[64];

  void add(int row, int rs, int re, int u, int m, int l, double v) {
    if (writer != null) {
      if (!writer.put(u, m, l, v)) {
        throw new ConflictException();
      }
      return;
    }
    if (n == rowOf.length) {
      int c = Math.max(1 << 14, n * 2);
      rowOf = java.util.Arrays.copyOf(rowOf, c);
      rowStart = java.util.Arrays.copyOf(rowStart, c);
      rowEnd = java.util.Arrays.copyOf(rowEnd, c);
      unit = java.util.Arrays.copyOf(unit, c);
      month = java.util.Arrays.copyOf(month, c);
      leaf = java.util.Arrays.copyOf(leaf, c);
      value = java.util.Arrays.copyOf(value, c);
    }
    rowOf[n] = row;
    rowStart[n] = rs;
    rowEnd[n] = re;
    unit[n] = u;
    month[n] = m;
    leaf[n] = l;
    value[n] = v;
    n++;
  }

  /** Copies the bytes of the slow rows out of the shared buffer. */
  void compactSlowRows() {
    int total = 0;
    for (int i = 0; i < slowCount; i++) {
      total += slowEnd[i] - slowStart[i];
    }
    byte[] out = new byte[total];
    int p = 0;
    for (int i = 0; i < slowCount; i++) {
      int len = slowEnd[i] - slowStart[i];
      System.arraycopy(buf, slowStart[i], out, p, len);
      slowStart[i] = p;
      slowEnd[i] = p + len;
      p += len;
    }
    buf = out;
  }

  void slow(int row, int rs, int re) {
    if (slowCount == slowRow.length) {
      int c = slowCount * 2;
      slowRow = java.util.Arrays.copyOf(slowRow, c);
      slowStart = java.util.Arrays.copyOf(slowStart, c);
      slowEnd = java.util.Arrays.copyOf(slowEnd, c);
    }
    slowRow[slowCount] = row;
    slowStart[slowCount] = rs;
    slowEnd[slowCount] = re;
    slowCount++;
  }
}
