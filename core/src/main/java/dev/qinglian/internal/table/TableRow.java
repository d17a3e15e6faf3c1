package dev.qinglian.internal.table;

import dev.qinglian.diag.Location;

/**
 * One row of a table being read: the cells as text and where the row is. The reader reuses one
 * instance per table; handlers must not keep it.
 */
public final class TableRow {
  String file;
  String sheet;
  long line;
  String[] cells = new String[0];

  /** A row of a CSV-like source named {@code file} (no sheet), at {@code line}. */
  public static TableRow of(String file, long line, String... cells) {
    TableRow r = new TableRow();
    r.file = file;
    r.line = line;
    r.cells = cells.clone();
    return r;
  }

  /** A copy that the reader will not reuse. */
  public TableRow copy() {
    TableRow r = new TableRow();
    r.file = file;
    r.sheet = sheet;
    r.line = line;
    r.cells = cells.clone();
    return r;
  }

  /** Row number in the file (1-based; for a spreadsheet the row number of the sheet). */
  public long line() {
    return line;
  }

  /** Sheet name for a spreadsheet, null for CSV. */
  public String sheet() {
    return sheet;
  }

  /** Number of cells in the row. */
  public int size() {
    return cells.length;
  }

  /** Cell {@code i} (0-based), trimmed; empty when the row is shorter. */
  public String cell(int i) {
    return i < cells.length && cells[i] != null ? cells[i].trim() : "";
  }

  /** True when every cell is blank. */
  public boolean blank() {
    for (String c : cells) {
      if (c != null && !c.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The location of cell {@code i}: file:line:column for CSV, file[Sheet!C7] for XLSX. */
  public Location at(int i) {
    if (sheet != null) {
      return new Location(file, line, i + 1, sheet + "!" + columnName(i) + line);
    }
    int col = 1;
    for (int j = 0; j < i && j < cells.length; j++) {
      col += cells[j].length() + 1;
    }
    return Location.of(file, line, col);
  }

  /** The location of the row. */
  public Location at() {
    return sheet != null
        ? new Location(file, line, 0, sheet + "!" + line + ":" + line)
        : Location.of(file, line, 0);
  }

  /** The row as a CSV line, for the caret display; empty for spreadsheets. */
  public String excerpt() {
    return sheet != null ? "" : String.join(",", cells);
  }

  /** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
  public static String columnName(int i) {
    StringBuilder sb = new StringBuilder();
    for (int n = i + 1; n > 0; n = (n - 1) / 26) {
      sb.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return sb.toString();
  }
}
