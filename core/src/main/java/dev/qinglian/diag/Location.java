package dev.qinglian.diag;

/**
 * Where a problem is: a file, and in it a line and column (1-based; 0 when unknown), or for a
 * spreadsheet the cell reference such as {@code Sheet1!D12}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param file the file as the user named it (relative paths stay relative); never null
 * @param line 1-based line (or spreadsheet row), 0 when unknown
 * @param column 1-based character column (or spreadsheet column number), 0 when unknown
 * @param cell spreadsheet cell reference such as {@code data!C7}, or null for text files
 */
public record Location(String file, long line, int column, String cell) {
  /** Validates the location. */
  public Location {
    if (file == null) {
      throw new IllegalArgumentException("file must not be null");
    }
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0");
    }
  }

  /** A location naming only a file. */
  public static Location of(String file) {
    return new Location(file, 0, 0, null);
  }

  /** A location in a text file. */
  public static Location of(String file, long line, int column) {
    return new Location(file, line, column, null);
  }

  /**
   * Compiler-style rendering: {@code file:line:column}, {@code file:line}, {@code file} or, for a
   * spreadsheet, {@code file[Sheet1!D12]}.
   */
  @Override
  public String toString() {
    if (cell != null) {
      return file + "[" + cell + "]";
    }
    if (line == 0) {
      return file;
    }
    return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
