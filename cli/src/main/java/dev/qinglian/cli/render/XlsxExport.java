package dev.qinglian.cli.render;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.model.Band;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Excel exports: a header row in bold, frozen; numbers written as numbers (full precision,
 * displayed with one decimal); colour cells filled with the band's colour. Text is written as text
 * cells, which spreadsheet programs never evaluate as formulas.
 */
public final class XlsxExport {
  /** One cell: a number (NaN: empty), a text, and an optional fill. */
  public record Cell(Object value, Band fill) {}

  private XlsxExport() {}

  /** The cells of row {@code r} (0-based, below the header) of a sheet. */
  @FunctionalInterface
  public interface Rows {
    /** Row {@code r}'s cells. */
    List<Cell> row(int r);
  }

  /**
   * Rows written between flushes of the sheet: the styles of a batch are applied as ranges, and the
   * batch is written out, so that only one batch is in memory (a ranking of 1,000,000 units held as
   * workbook cells took 3.9 GB, and a style set cell by cell 2 µs each).
   */
  static final int BATCH = 4096;

  /** A workbook with one sheet. */
  public static byte[] sheet(String name, List<String> headers, List<List<Cell>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      sheet(bytes, name, headers, rows.size(), rows::get);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A workbook with one sheet of {@code rows} rows below the header.
   *
   * @throws CliException when the rows do not fit in a sheet (1,048,575 below the header)
   */
  public static void sheet(
      java.io.OutputStream out, String name, List<String> headers, int rows, Rows source)
      throws IOException {
    workbook(out, List.of(new Sheet(name, headers, java.util.Map.of(2, 24.0), rows, source)));
  }

  /**
   * A sheet of a workbook: its name, the header row, the widths of the columns given one (the
   * others as wide as the header and the first {@value #BATCH} rows need), and {@code rows} rows
   * below the header.
   */
  public record Sheet(
      String name,
      List<String> headers,
      java.util.Map<Integer, Double> widths,
      int rows,
      Rows source) {}

  /**
   * A workbook of {@code sheets}, written in batches of {@value #BATCH} rows (see there), at a
   * fixed time.
   *
   * @throws CliException when the rows do not fit in a sheet (1,048,575 below the header)
   */
  public static void workbook(java.io.OutputStream out, List<Sheet> sheets) throws IOException {
    for (Sheet sheet : sheets) {
      if (sheet.rows() >= Worksheet.MAX_ROWS) {
        throw CliException.of(ExitCode.USAGE, "xlsx.rows", Worksheet.MAX_ROWS - 1, sheet.rows());
      }
    }
    // fastexcel writes to a temporary file, uncompressed (the copy compresses it once; compressing
    // twice took a quarter of the time); the copy made without its timestamp is streamed to out
    // (the gigabyte of XML of 1,000,000 units is never in memory, but passes through the file)
    java.nio.file.Path tmp = dev.qinglian.io.AtomicFiles.tempFile(".xlsx");
    try {
      try (java.io.OutputStream file =
          new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(tmp), 1 << 16)) {
        Workbook wb = new Workbook(file, "qinglian", "1.0");
        wb.setCompressionLevel(java.util.zip.Deflater.NO_COMPRESSION);
        for (Sheet sheet : sheets) {
          write(wb.newWorksheet(sheet.name()), sheet);
        }
        wb.finish();
      }
      dev.qinglian.cli.demo.Xlsx.withoutTimestamp(tmp, out, java.util.zip.Deflater.BEST_SPEED);
    } finally {
      java.nio.file.Files.deleteIfExists(tmp);
    }
  }

  private static void write(Worksheet ws, Sheet sheet) throws IOException {
    int rows = sheet.rows();
    List<String> headers = sheet.headers();
    // the first batch read before anything is written: the columns' widths come from it
    List<List<Cell>> first = new java.util.ArrayList<>();
    for (int r = 0; r < Math.min(rows, BATCH); r++) {
      first.add(sheet.source().row(r));
    }
    // sheet-level settings before the first rows are flushed: they are written ahead of them
    ws.freezePane(0, 1);
    // printed as an office prints a list: A4 landscape, as wide as the page, the header row on
    // every page
    ws.paperSize(org.dhatim.fastexcel.PaperSize.A4_PAPER);
    ws.pageOrientation("landscape");
    ws.setFitToPage(true);
    ws.fitToWidth((short) 1);
    ws.fitToHeight((short) 0);
    ws.repeatRows(0, 0);
    double[] widths = widths(headers, first, sheet.widths());
    for (int c = 0; c < widths.length; c++) {
      ws.width(c, widths[c]);
    }
    header(ws, 0, headers.toArray(new String[0]));
    Runs runs = new Runs(ws, headers.size());
    for (int r = 0; r < rows; r++) {
      row(ws, runs, r + 1, r < first.size() ? first.get(r) : sheet.source().row(r));
      if ((r + 1) % BATCH == 0) {
        runs.close(r + 2);
        ws.flush();
      }
    }
    runs.close(rows + 1);
    ws.finish(); // its zip entry closed before the next sheet's opens
  }

  /**
   * Writes {@code cells} as sheet row {@code r}. (A method of its own: the loop over the rows stays
   * small, so the JIT compiles this once instead of the whole loop on the stack, which took a
   * second of the optimising compiler's time while 91,647 notices waited for it.)
   */
  private static void row(Worksheet ws, Runs runs, int r, List<Cell> cells) {
    for (int c = 0; c < cells.size(); c++) {
      Cell cell = cells.get(c);
      String format = null;
      if (cell.value() instanceof Number n) {
        if (!Double.isNaN(n.doubleValue())) {
          ws.value(r, c, n);
          format = decimals(n) == 0 ? "0" : "0.0";
        }
      } else if (cell.value() != null) {
        // inline: a shared string table would hold every unit's id and name until the end
        ws.inlineString(r, c, String.valueOf(cell.value()));
      }
      runs.cell(r, c, format, cell.fill());
    }
  }

  /**
   * The width of each column, in characters: the one given, else what its header and its cells
   * among {@code rows} show (a Chinese character counted as two, a number as displayed: one
   * decimal), two more for the margins, at least 8 and at most 50 (a longer text is shown whole
   * when its cell is chosen). (fastexcel's own guess counts every character as one and a number
   * with all its digits: a column of indices 19 wide, names cut.)
   */
  static double[] widths(List<String> headers, List<List<Cell>> rows, Map<Integer, Double> given) {
    double[] w = new double[headers.size()];
    for (int c = 0; c < w.length; c++) {
      int widest = Text.width(headers.get(c));
      for (List<Cell> row : rows) {
        if (c < row.size()) {
          widest = Math.max(widest, Text.width(shown(row.get(c).value())));
        }
      }
      w[c] = given.containsKey(c) ? given.get(c) : Math.min(50, Math.max(8, widest + 2));
    }
    return w;
  }

  /** The decimals a number cell shows: none for an integer (a rank), one for a score. */
  private static int decimals(Number n) {
    return n instanceof Integer ? 0 : 1;
  }

  /** A cell's value as the sheet shows it (a number with its {@link #decimals}). */
  private static String shown(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number n) {
      return Numbers.fixed(n.doubleValue(), decimals(n), "");
    }
    return String.valueOf(value);
  }

  /**
   * Runs of cells in a column with the same style (number format and fill), applied as one range
   * each: the rows of a ranking share their formats and, mostly, their colours.
   */
  private static final class Runs {
    private final Worksheet ws;
    private final int[] start;
    private final String[] format;
    private final Band[] fill;

    Runs(Worksheet ws, int columns) {
      this.ws = ws;
      start = new int[columns];
      format = new String[columns];
      fill = new Band[columns];
      java.util.Arrays.fill(start, 1);
    }

    /** Sheet row {@code r}, column {@code c} has this format and fill (either may be null). */
    void cell(int r, int c, String f, Band b) {
      if (!java.util.Objects.equals(f, format[c]) || b != fill[c]) {
        apply(c, r);
        start[c] = r;
        format[c] = f;
        fill[c] = b;
      }
    }

    /** Applies every column's run up to sheet row {@code end} (exclusive); runs go on from it. */
    void close(int end) {
      for (int c = 0; c < start.length; c++) {
        apply(c, end);
        start[c] = end;
      }
    }

    private void apply(int c, int end) {
      if (end <= start[c] || format[c] == null && fill[c] == null) {
        return;
      }
      StyleSetter s = ws.range(start[c], c, end - 1, c).style();
      if (format[c] != null) {
        s.format(format[c]);
      }
      if (fill[c] != null) {
        s.fillColor(fill[c].colour().substring(1).toUpperCase(java.util.Locale.ROOT))
            .fontColor(
                Contrast.textOn(fill[c].colour()).substring(1).toUpperCase(java.util.Locale.ROOT));
      }
      s.set();
    }
  }

  /** A header row at {@code row}: bold on the headers' grey, as every workbook here writes it. */
  public static void header(org.dhatim.fastexcel.Worksheet ws, int row, String... headers) {
    for (int c = 0; c < headers.length; c++) {
      ws.value(row, c, headers[c]);
      ws.style(row, c).bold().fillColor("ECEFF1").set();
    }
  }
}
