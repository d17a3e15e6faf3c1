package dev.qinglian.data;

import dev.qinglian.internal.Ids;
import dev.qinglian.internal.table.FastCsv;
import dev.qinglian.internal.table.Parse;
import dev.qinglian.internal.table.TableRow;
import java.nio.charset.StandardCharsets;

/** One row of the register: text cells (general reader) or byte slices (fast reader). */
interface RegisterRow {
  /** The row as a table row, for messages. */
  TableRow table();

  /** True when cell {@code col} is absent or blank. */
  boolean blank(int col);

  /** Cell {@code col}, trimmed. */
  String text(int col);

  /** True when cell {@code col} is printable ASCII only (then {@link Ids#problem} has none). */
  default boolean plainAscii(int col) {
    return false;
  }

  /** Copies cell {@code col}, trimmed, into {@code field} of the current register row. */
  void copy(int col, int field, RegisterColumns c);

  /** Cell {@code col} as a number ({@link Parse#number} semantics). */
  double number(int col);

  /** A row from the general reader. */
  final class Text implements RegisterRow {
    TableRow row;

    @Override
    public TableRow table() {
      return row;
    }

    @Override
    public boolean blank(int col) {
      return row.cell(col).isEmpty();
    }

    @Override
    public String text(int col) {
      return row.cell(col);
    }

    @Override
    public void copy(int col, int field, RegisterColumns c) {
      c.text(field, row.cell(col));
    }

    @Override
    public double number(int col) {
      return Parse.number(row.cell(col));
    }
  }

  /** A row of a UTF-8 file without quotes, as slices of the file's bytes. */
  final class Bytes implements RegisterRow {
    String file;
    byte[] buf;
    int from;
    int to;
    int[] fs;
    int[] fe;
    int nf;
    long line;

    @Override
    public TableRow table() {
      return FastCsv.tableRow(file, line, buf, from, to);
    }

    private int start(int col) {
      int f = fs[col];
      int t = fe[col];
      while (f < t && (buf[f] & 0xff) <= ' ') {
        f++;
      }
      return f;
    }

    private int end(int col) {
      int f = fs[col];
      int t = fe[col];
      while (t > f && (buf[t - 1] & 0xff) <= ' ') {
        t--;
      }
      return t;
    }

    @Override
    public boolean blank(int col) {
      return col < 0 || col >= nf || start(col) == end(col);
    }

    @Override
    public boolean plainAscii(int col) {
      return col < 0 || col >= nf || Ids.plainAscii(buf, start(col), end(col));
    }

    @Override
    public String text(int col) {
      if (col < 0 || col >= nf) {
        return "";
      }
      int f = start(col);
      return new String(buf, f, end(col) - f, StandardCharsets.UTF_8);
    }

    @Override
    public void copy(int col, int field, RegisterColumns c) {
      if (col < nf) {
        c.bytes(field, buf, fs[col], fe[col]);
      } else {
        c.bytes(field, buf, 0, 0);
      }
    }

    @Override
    public double number(int col) {
      if (blank(col)) {
        return Double.NaN;
      }
      double v = Parse.number(buf, start(col), end(col));
      return Double.isNaN(v) ? Parse.number(text(col)) : v; // 1,234 or 95% or malformed
    }
  }
}
