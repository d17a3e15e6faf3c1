package dev.qinglian.internal.table;

/** Receives the tables of a file: a CSV holds one, a workbook one per sheet. */
public interface TableHandler {
  /** A new table starts (its first row is the header); {@code sheet} is null for CSV. */
  void startTable(String sheet);

  /** The next row of the current table. */
  void row(TableRow row);
}
