package dev.qinglian.internal.table;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Reads CSV and XLSX files row by row into a {@link TableHandler}. */
public final class Tables {
  /** GB18030, a superset of GBK: what Excel on a Chinese Windows writes. */
  public static final Charset GB18030 = Charset.forName("GB18030");

  private Tables() {}

  /** A failure to read a file at all (not a problem of one value). */
  public static final class ReadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long line;

    ReadException(String message, long line, Throwable cause) {
      super(message, cause);
      this.line = line;
    }

    /** The line where reading stopped, 0 when unknown. */
    public long line() {
      return line;
    }
  }

  /** True for names ending in {@code .xlsx} (case-insensitive). */
  public static boolean isXlsx(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
  }

  /** A UTF-8 decoder that reports malformed input instead of replacing it (the detection). */
  private static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** {@link #detect(Path)} of a whole file already read. */
  public static Charset detect(byte[] all) {
    CharsetDecoder decoder = strictUtf8();
    ByteBuffer bytes = ByteBuffer.wrap(all);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    while (true) {
      java.nio.charset.CoderResult r = decoder.decode(bytes, chars, true);
      if (r.isError()) {
        return GB18030;
      }
      if (r.isUnderflow()) {
        break;
      }
      chars.clear(); // overflow: the chars are not needed, only the check
    }
    return decoder.flush(chars).isError() ? GB18030 : StandardCharsets.UTF_8;
  }

  /**
   * Detects the encoding of a CSV file: UTF-8 with or without byte-order mark when the bytes are
   * valid UTF-8, GB18030 (a superset of GBK) otherwise.
   */
  public static Charset detect(Path file) throws IOException {
    CharsetDecoder decoder = strictUtf8();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      ByteBuffer bytes = ByteBuffer.allocate(buf.length + 8);
      CharBuffer chars = CharBuffer.allocate(buf.length + 8);
      int n;
      while ((n = in.read(buf)) > 0) {
        bytes.put(buf, 0, n);
        bytes.flip();
        if (decoder.decode(bytes, chars, false).isError()) {
          return GB18030;
        }
        bytes.compact();
        chars.clear();
      }
      bytes.flip();
      if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError()) {
        return GB18030;
      }
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return GB18030;
    }
  }

  /** Reads a CSV file (one table) with the given charset, or a detected one when null. */
  public static void readCsv(Path file, String name, Charset charset, TableHandler handler)
      throws IOException, ReadException {
    Charset cs = charset != null ? charset : detect(file);
    TableRow row = new TableRow();
    row.file = name;
    handler.startTable(null);
    try (Reader reader = reader(file, cs);
        CsvReader<CsvRecord> csv =
            CsvReader.builder()
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .maxBufferSize(FastCsv.MAX_LINE)
                .ofCsvRecord(reader)) {
      Iterator<CsvRecord> it = csv.iterator();
      while (true) {
        CsvRecord rec;
        try {
          if (!it.hasNext()) {
            break;
          }
          rec = it.next();
        } catch (CsvParseException e) {
          throw tooLong(e, row.line + 1);
        }
        row.line = rec.getStartingLineNumber();
        if (rec.getFieldCount() > MAX_CELLS) {
          throw new ReadException(
              "line " + row.line + " has " + rec.getFieldCount() + " cells, more than " + MAX_CELLS,
              row.line,
              null);
        }
        row.cells = rec.getFields().toArray(new String[0]);
        handler.row(row);
      }
    }
  }

  private static final java.util.regex.Pattern FIELD_LIMIT =
      java.util.regex.Pattern.compile("maximum limit of (\\d+) fields");

  private static final java.util.regex.Pattern RECORD_LINE =
      java.util.regex.Pattern.compile("record starting at line (\\d+)");

  /**
   * FastCSV's refusal of a record over {@link FastCsv#MAX_LINE} characters, or of more fields than
   * it takes, as README's limits say it, at the record's line; any other parse error as FastCSV
   * says it.
   */
  private static ReadException tooLong(CsvParseException e, long next) {
    String m = String.valueOf(e.getMessage());
    java.util.regex.Matcher at = RECORD_LINE.matcher(m);
    long line = at.find() ? Long.parseLong(at.group(1)) : next;
    if (m.contains("maximum buffer size")) {
      return new ReadException("a line is longer than 1 MB", line, e);
    }
    java.util.regex.Matcher fields = FIELD_LIMIT.matcher(m);
    if (fields.find()) { // FastCSV's own ceiling, above README's
      return new ReadException(
          "line " + line + " has over " + fields.group(1) + " cells, more than " + MAX_CELLS,
          line,
          e);
    }
    return new ReadException(m, line, e);
  }

  private static Reader reader(Path file, Charset cs) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    if (cs.equals(StandardCharsets.UTF_8)) {
      in.mark(3);
      byte[] bom = in.readNBytes(3);
      if (!FastCsv.hasBom(bom)) {
        in.reset();
      }
    }
    return new InputStreamReader(in, cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE));
  }

  /**
   * Reads every visible sheet of a workbook, each as a table. Numbers are given as plain decimal
   * text (a percent-formatted 0.95 becomes {@code 95}); dates as {@code YYYY-MM-DD}.
   */
  public static void readXlsx(Path file, String name, TableHandler handler)
      throws IOException, ReadException {
    checkZip(file);
    TableRow row = new TableRow();
    row.file = name;
    try (InputStream in = Files.newInputStream(file);
        ReadableWorkbook wb = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
      for (Sheet sheet : wb.getSheets().toList()) {
        row.sheet = sheet.getName();
        handler.startTable(sheet.getName());
        try (Stream<Row> rows = sheet.openStream()) {
          Iterator<Row> it = rows.iterator();
          while (it.hasNext()) {
            Row r = it.next();
            row.line = r.getRowNum();
            if (r.getCellCount() > MAX_CELLS) {
              throw new ReadException(
                  "row "
                      + row.line
                      + " of sheet "
                      + sheet.getName()
                      + " has "
                      + r.getCellCount()
                      + " cells, more than "
                      + MAX_CELLS,
                  row.line,
                  null);
            }
            String[] cells = new String[r.getCellCount()];
            for (int i = 0; i < cells.length; i++) {
              cells[i] = text(r.getCell(i));
            }
            row.cells = cells;
            if (!row.blank()) {
              handler.row(row);
            }
          }
        }
      }
    } catch (RuntimeException e) {
      throw new ReadException(String.valueOf(e.getMessage()), row.line, e);
    }
  }

  /** Most cells accepted in one row (a data file has a few dozen). */
  public static final int MAX_CELLS = 10_000;

  /** Largest total uncompressed size of a workbook's parts. */
  public static final long MAX_XLSX_BYTES = 2L << 30;

  /** Largest compression ratio of a workbook part (spreadsheets compress about 10 to 30 times). */
  public static final long MAX_XLSX_RATIO = 200;

  /**
   * Refuses a workbook whose parts would expand beyond 2 GB in all, or by more than 200 times (a
   * "zip bomb"), before reading it; the sizes are those the zip directory declares, and the
   * streaming reader never holds a part in memory anyway.
   */
  static void checkZip(Path file) throws ReadException {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      long total = 0;
      for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
        long size = e.getSize();
        long packed = Math.max(1, e.getCompressedSize());
        total += Math.max(0, size);
        if (size > 1 << 20 && size / packed > MAX_XLSX_RATIO) {
          throw new ReadException(
              "part "
                  + e.getName()
                  + " would expand "
                  + size / packed
                  + " times (to "
                  + (size >> 20)
                  + " MB): refused as a possible zip bomb",
              0,
              null);
        }
      }
      if (total > MAX_XLSX_BYTES) {
        throw new ReadException(
            "the workbook would expand to "
                + (total >> 20)
                + " MB, more than "
                + (MAX_XLSX_BYTES >> 20)
                + " MB",
            0,
            null);
      }
      // the sizes declared above are the file's word: a bomb declares small ones. Each part is
      // inflated once, counted, and refused as soon as it passes what it declared (a 6 MB
      // workbook whose parts claimed 1,000 bytes inflated to 1.5 GB: 70 s and 6 GB before)
      byte[] buf = new byte[1 << 16];
      for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
        long declared = e.getSize();
        long seen = 0;
        try (InputStream in = zip.getInputStream(e)) {
          for (int n = in.read(buf); n > 0; n = in.read(buf)) {
            seen += n;
            if (seen > declared) {
              throw new ReadException(
                  "part "
                      + e.getName()
                      + " declares "
                      + declared
                      + " bytes but inflates to more: refused as a possible zip bomb",
                  0,
                  null);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new ReadException("not a readable XLSX (zip) file: " + e.getMessage(), 0, e);
    }
  }

  private static String text(Cell cell) {
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return "";
    }
    if (cell.getType() == CellType.NUMBER) {
      String format = cell.getDataFormatString();
      BigDecimal n = cell.asNumber();
      if (format != null && isDateFormat(format)) {
        LocalDateTime d = cell.asDate();
        return String.format(
            Locale.ROOT, "%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
      }
      if (format != null && format.contains("%")) {
        n = n.movePointRight(2);
      }
      return n.stripTrailingZeros().toPlainString();
    }
    if (cell.getType() == CellType.ERROR) {
      return "#ERROR:" + cell.getRawValue();
    }
    if (cell.getType() == CellType.FORMULA
        && (cell.getRawValue() == null || cell.getRawValue().isEmpty())) {
      // a formula saved without its result (written by a program, never opened in Excel): not
      // blank, which would pass for "not reported", but the formula, reported as no number
      return "=" + cell.getFormula();
    }
    String t = cell.getText();
    return t == null ? "" : t;
  }

  private static boolean isDateFormat(String format) {
    String f = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
    return f.contains("yy") || f.contains("mm") && f.contains("d") || f.contains("年");
  }
}
