package dev.qinglian.data;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.internal.Ids;
import dev.qinglian.internal.table.FastCsv;
import dev.qinglian.internal.table.Parse;
import dev.qinglian.internal.table.TableHandler;
import dev.qinglian.internal.table.TableRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the units of a register from its rows, the general reader's text rows or the fast
 * reader's byte rows, with the same checks for both ({@link RegisterRow}). Not thread-safe.
 */
final class RegisterCollector implements TableHandler, FastCsv.ByteRows {
  final String file;
  final List<Diagnostic> diags;
  final boolean needStaff;
  final boolean needServed;
  final long bytes;
  final RegisterRow.Text textRow = new RegisterRow.Text();
  final RegisterRow.Bytes byteRow = new RegisterRow.Bytes();
  String[] header;
  int[] cols;
  int[] extraCols;
  boolean done;
  boolean deferIds;
  byte[] bytesOfFile; // the whole register, when it is read as bytes: fields stay in it
  int expectedRows = -1;
  RegisterColumns columns;

  RegisterCollector(
      String file, List<Diagnostic> diags, boolean needStaff, boolean needServed, long bytes) {
    this.file = file;
    this.diags = diags;
    this.needStaff = needStaff;
    this.needServed = needServed;
    this.bytes = bytes;
    byteRow.file = file;
  }

  @Override
  public void startTable(String sheet) {
    if (header != null) {
      done = true; // only the first sheet of a workbook holds the register
    }
  }

  @Override
  public void row(TableRow row) {
    if (done) {
      return;
    }
    if (header == null) {
      header(row);
      return;
    }
    textRow.row = row;
    add(textRow, row.line());
  }

  @Override
  public void row(byte[] buf, int from, int to, int[] fs, int[] fe, int nf, long line) {
    if (done) {
      return;
    }
    if (header == null) {
      header(FastCsv.tableRow(file, line, buf, from, to));
      return;
    }
    RegisterRow.Bytes r = byteRow;
    r.buf = buf;
    r.from = from;
    r.to = to;
    r.fs = fs;
    r.fe = fe;
    r.nf = nf;
    r.line = line;
    add(r, line);
  }

  private void header(TableRow row) {
    header = new String[row.size()];
    for (int i = 0; i < header.length; i++) {
      header[i] = Headers.clean(row.cell(i));
    }
    cols = new int[UnitRegister.KNOWN.size()];
    for (int k = 0; k < UnitRegister.KNOWN.size(); k++) {
      cols[k] = Headers.find(header, UnitRegister.KNOWN.get(k));
    }
    List<Integer> extras = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      boolean known = false;
      for (int c : cols) {
        known |= c == i;
      }
      if (!known && !header[i].isEmpty()) {
        extras.add(i);
      }
    }
    extraCols = extras.stream().mapToInt(Integer::intValue).toArray();
    String[] keys = extras.stream().map(i -> header[i]).toArray(String[]::new);
    columns =
        bytesOfFile != null
            ? new RegisterColumns(keys, expectedRows, bytesOfFile)
            : new RegisterColumns(keys, (int) Math.min(1 << 26, bytes / 24), bytes);
    if (cols[0] < 0 || cols[1] < 0) {
      diags.add(
          Diagnostic.error("units.header", row.at(), String.join(",", header), "id,name")
              .withExcerpt(row.excerpt()));
      done = true;
    }
    List<String> missing = new ArrayList<>();
    if (needStaff && cols[4] < 0) {
      missing.add("staff");
    }
    if (needServed && cols[5] < 0) {
      missing.add("served");
    }
    if (!missing.isEmpty() && !done) {
      diags.add(
          Diagnostic.error(
                  "units.header", row.at(), String.join(",", header), String.join(",", missing))
              .withExcerpt(row.excerpt()));
      done = true;
    }
    if (!done && deferIds && bytesOfFile != null) {
      columns.indexAlongside(); // columns sized for the file's lines: they never grow
    }
  }

  private void add(RegisterRow row, long line) {
    RegisterColumns c = columns;
    if (row.blank(cols[0])) {
      TableRow t = row.table();
      diags.add(Diagnostic.error("units.id.blank", t.at(cols[0])).withExcerpt(t.excerpt()));
      return;
    }
    String bad = row.plainAscii(cols[0]) ? null : Ids.problem(row.text(cols[0]));
    if (bad != null) {
      TableRow t = row.table();
      diags.add(
          Diagnostic.error("units.id.chars", t.at(cols[0]), row.text(cols[0]), bad)
              .withExcerpt(t.excerpt()));
      return;
    }
    int u = c.begin(line);
    row.copy(cols[0], RegisterColumns.ID, c);
    int first = deferIds ? -1 : c.addId();
    if (first >= 0) {
      TableRow t = row.table();
      diags.add(
          Diagnostic.error("units.id.duplicate", t.at(cols[0]), row.text(cols[0]), c.lines[first])
              .withExcerpt(t.excerpt()));
      return; // the row is not committed
    }
    c.staff[u] = count(row, cols[4], "staff", needStaff);
    c.served[u] = count(row, cols[5], "served", needServed);
    row.copy(cols[1], RegisterColumns.NAME, c);
    if (cols[2] >= 0) {
      row.copy(cols[2], RegisterColumns.TYPE, c);
    }
    if (cols[3] >= 0) {
      row.copy(cols[3], RegisterColumns.PARENT, c);
    }
    for (int k = 0; k < extraCols.length; k++) {
      row.copy(extraCols[k], RegisterColumns.PARENT + 1 + k, c);
    }
    c.commit();
  }

  private double count(RegisterRow row, int col, String what, boolean required) {
    if (col < 0) {
      return Double.NaN;
    }
    double v = row.number(col);
    if (Parse.malformed(v) || v < 0 || Double.isInfinite(v)) {
      TableRow t = row.table();
      diags.add(
          Diagnostic.error("units.number", t.at(col), what, row.text(col))
              .withExcerpt(t.excerpt()));
      return Double.NaN;
    }
    if (required && !(v > 0)) {
      TableRow t = row.table();
      diags.add(
          Diagnostic.error("units.denominator", t.at(col), row.text(cols[0]), what)
              .withExcerpt(t.excerpt()));
    }
    return v;
  }
}
