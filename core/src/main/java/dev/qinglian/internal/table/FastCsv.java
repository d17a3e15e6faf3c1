package dev.qinglian.internal.table;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The fast path for large data CSV files: a byte-level reader that splits the file into blocks,
 * parses them on all cores without allocating per row or per cell, and hands the values over in
 * file order. Rows it cannot take trivially (an unknown unit, a {@code 95%}, a malformed number, a
 * value out of range, a conflict) go to the general reader, so every message is the same as on the
 * general path.
 *
 * <p>Why not a library: on a 0.83 GB long file (1,000,000 units × 31 monthly indicators, 31 M rows)
 * the general path — FastCSV 4.4 over a decoding {@code Reader}, a {@code String} per field — took
 * 33 s end to end (of which about 20 s reading) on this project's 2-core machine; FastCSV alone,
 * with no work per field, needs about 6 s for the decoding and splitting. This reader needs about 2
 * s for the same file (see README, Performance). It takes files without quote characters and files
 * whose quotes enclose whole fields (as R's {@code write.csv} and many exports write them); other
 * quoting (an escaped {@code ""}, a quoted line break) is noticed while reading and the file goes
 * to the general path.
 */
public final class FastCsv {
  /** Bytes per block handed to a worker. */
  static final int BLOCK = 8 << 20;

  /** Longest line accepted on the fast path. */
  public static final int MAX_LINE = 1 << 20;

  private FastCsv() {}

  /** Column roles decided from the header. */
  public record Columns(int unit, int period, int indicator, int value, int[] leafOfCol) {}

  /** Receives the rows of a file. */
  public interface Sink {
    /** The header row; the column roles, or null when the file is not a data table. */
    Columns header(TableRow header);

    /** One value, in file order, on the reading thread; false hands the row to {@link #slow}. */
    boolean value(int unit, int month, int leaf, double value, long line);

    /** A row the fast path does not take; always called on the reading thread, in file order. */
    void slow(TableRow row);

    /**
     * A thread-safe writer for the workers, or null to receive every value through {@link #value}
     * in file order. With a writer, values are stored by the workers as they parse (in no
     * particular order) and only the slow rows come back in order.
     */
    default Writer concurrentWriter() {
      return null;
    }
  }

  /** Stores values from worker threads. */
  public interface Writer {
    /** A writer for one worker thread, used for every block it parses (it may cache lookups). */
    Writer forWorker();

    /** Stores a value; false when a different value is already there (a conflict). */
    boolean put(int unit, int month, int leaf, double value);
  }

  /** Thrown by a worker when a {@link Writer} reports a conflict. */
  public static final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A conflict; no stack trace (it is control flow). */
    public ConflictException() {
      super("conflicting values", null, false, false);
    }
  }

  /**
   * Thrown when a file turns out not to suit this reader while it is read: it has a quote
   * character, or it was assumed to be UTF-8 and is not. The caller reads it again another way.
   */
  public static final class UnsuitableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * True when the general reader must read the file (a quote, an old Mac line end, a line or a
     * row beyond README's limits: the general reader's rules then apply, one definition of them);
     * false for bytes that are not UTF-8.
     */
    public final boolean quotes;

    UnsuitableException(boolean quotes) {
      super(quotes ? "quotes" : "not UTF-8", null, false, false);
      this.quotes = quotes;
    }
  }

  /** True when {@code b[from, to)} is well-formed UTF-8. */
  static boolean utf8(byte[] b, int from, int to) {
    return new Utf8Check().valid(b, from, to);
  }

  /**
   * Checks lines for well-formed UTF-8 with one decoder and one buffer, reused line after line (a
   * file with Chinese notes on every line has tens of millions of them). Not thread-safe.
   */
  static final class Utf8Check {
    private final java.nio.charset.CharsetDecoder decoder =
        java.nio.charset.StandardCharsets.UTF_8.newDecoder(); // reports malformed input
    private java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(256);

    boolean valid(byte[] b, int from, int to) {
      if (chars.capacity() < to - from) {
        chars = java.nio.CharBuffer.allocate(to - from);
      }
      chars.clear();
      decoder.reset();
      ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
      return !decoder.decode(in, chars, true).isError() && !decoder.flush(chars).isError();
    }
  }

  /**
   * What a quick scan of a file found.
   *
   * @param quotes a quote character, or a carriage return not followed by a line feed (the line
   *     ends of old Mac spreadsheets): either is the general reader's business
   * @param nonAscii a byte outside ASCII
   * @param bom the UTF-8 byte-order mark at the start
   * @param newlines line feeds in the file, up to the first quote or lone carriage return; counted
   *     only by {@link #probe(byte[])} ({@link #probe(Path)} gives -1)
   */
  public record Probe(boolean quotes, boolean nonAscii, boolean bom, long newlines) {}

  private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long NLS = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

  /** True when one of the 8 bytes of {@code w} is zero. */
  private static boolean zeroByte(long w) {
    return ((w - ONES) & ~w & HIGHS) != 0;
  }

  /**
   * The high bit of every byte of {@code w} that is zero, and no other bit (exact, unlike {@link
   * #zeroByte}).
   */
  private static long zeroBytes(long w) {
    return ~(((w & LOWS) + LOWS) | w | LOWS);
  }

  /** The scan of {@link #probe}, chunk after chunk. */
  private static final class Scan {
    boolean quotes;
    boolean nonAscii;
    boolean crBefore; // the previous chunk ended with '\r'
    long newlines;

    /** Scans {@code b[0, n)}, the next chunk; stops at a quote or a lone carriage return. */
    void chunk(byte[] b, int n, boolean count) {
      if (crBefore && n > 0 && b[0] != '\n') {
        quotes = true;
        return;
      }
      int i = 0;
      long highs = 0;
      long lines = 0;
      for (; i + 8 <= n; i += 8) {
        long w = (long) LONGS.get(b, i);
        highs |= w;
        if (count) {
          lines += Long.bitCount(zeroBytes(w ^ NLS));
        }
        if (zeroByte(w ^ QUOTES) || (zeroByte(w ^ CRS) && loneCr(b, i, i + 8, n))) {
          quotes = true;
          break;
        }
      }
      for (; i < n && !quotes; i++) {
        highs |= b[i];
        lines += b[i] == '\n' ? 1 : 0;
        quotes = b[i] == '"' || (b[i] == '\r' && loneCr(b, i, i + 1, n));
      }
      nonAscii |= (highs & HIGHS) != 0;
      newlines += lines;
      crBefore = n > 0 && b[n - 1] == '\r';
    }
  }

  /**
   * Scans the file for quote characters, lone carriage returns and non-ASCII bytes (8 bytes at a
   * time).
   */
  public static Probe probe(Path file) throws IOException {
    Scan scan = new Scan();
    boolean bom = false;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 20];
      boolean first = true;
      int n;
      while (!scan.quotes && (n = in.readNBytes(buf, 0, buf.length)) > 0) {
        if (first) {
          bom = hasBom(buf);
          first = false;
        }
        scan.chunk(buf, n, false);
      }
    }
    return new Probe(scan.quotes || scan.crBefore, scan.nonAscii, bom, -1);
  }

  /**
   * {@link #probe(Path)} of a whole file already read, with its line feeds counted in the same pass
   * (the unit register: one pass instead of a read and a scan of the file, and a count).
   */
  public static Probe probe(byte[] all) {
    Scan scan = new Scan();
    scan.chunk(all, all.length, true);
    return new Probe(scan.quotes || scan.crBefore, scan.nonAscii, hasBom(all), scan.newlines);
  }

  /** True when a '\r' in {@code [from, to)} is followed by something else than '\n'. */
  private static boolean loneCr(byte[] b, int from, int to, int n) {
    for (int k = from; k < to; k++) {
      if (b[k] == '\r' && k + 1 < n && b[k + 1] != '\n') {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads a CSV file in {@code cs} whose unit ids are {@code units} (encoded in cs). The file is
   * checked while it is read: a quote character anywhere, or (with {@code assumeUtf8}, when the
   * encoding was not given and there is no byte-order mark) a line that is not UTF-8, stops the
   * read with an {@link UnsuitableException}, and the caller reads the file another way (a separate
   * scan for these cost a quarter of a second per 0.8 GB).
   */
  public static void read(
      Path file,
      String name,
      Charset cs,
      boolean assumeUtf8,
      ByteIndex units,
      ByteIndex leaves,
      double[] rangeMin,
      double[] rangeMax,
      Sink sink)
      throws IOException, Tables.ReadException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      byte[] head = read(ch, 0, (int) Math.min(size, MAX_LINE + 3L));
      int start = hasBom(head) ? 3 : 0;
      assumeUtf8 &= start == 0; // a byte-order mark settles it
      int nl = indexOf(head, start, head.length, (byte) '\n');
      if (nl < 0 && head.length == size) {
        nl = head.length;
      }
      if (nl < 0) {
        throw new UnsuitableException(true); // beyond the limits: the general reader's rule
      }
      if (indexOf(head, start, nl, (byte) '"') >= 0 && quotedCells(head, start, nl) == null) {
        throw new UnsuitableException(true);
      }
      int cr = indexOf(head, start, nl, (byte) '\r');
      if (cr >= 0 && cr != nl - 1) {
        throw new UnsuitableException(true); // a line end of an old Mac spreadsheet
      }
      if (assumeUtf8 && !utf8(head, start, nl)) {
        throw new UnsuitableException(false);
      }
      TableRow header = row(name, 1, head, start, nl, cs);
      if (header.size() > Tables.MAX_CELLS) {
        throw new UnsuitableException(true); // beyond the limits: the general reader's rule
      }
      Columns cols = sink.header(header);
      if (cols == null) {
        // not a data table, skipped; but read as a whole file would be (a broken quote reported,
        // the header decoded in the file's encoding), so that the messages are the same
        Probe p = probe(file);
        if (p.quotes()) {
          throw new UnsuitableException(true);
        }
        if (assumeUtf8 && p.nonAscii() && !Tables.detect(file).equals(cs)) {
          throw new UnsuitableException(false);
        }
      }
      if (cols == null || nl >= size) {
        return;
      }
      long dataStart = nl + 1L;
      BlockParser parser =
          new BlockParser(
              cols, units, leaves, rangeMin, rangeMax, sink.concurrentWriter(), assumeUtf8);
      int blocks = (int) ((size - dataStart + BLOCK - 1) / BLOCK);
      int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), blocks));
      // the caller's pool when the call runs in one (Workspace.Options.pool), else a pool of this
      // file's own, shut down when it is read (the common pool has one worker on two cores)
      ExecutorService callers = dev.qinglian.internal.Parallel.callersPool();
      ExecutorService pool =
          callers != null
              ? callers
              : Executors.newFixedThreadPool(
                  threads,
                  r -> {
                    Thread t = new Thread(r, "qinglian-csv");
                    t.setDaemon(true);
                    return t;
                  });
      ArrayDeque<Future<ParsedBlock>> window = new ArrayDeque<>();
      try {
        int next = 0;
        long line = 2;
        for (int k = 0; k < blocks; k++) {
          while (next < blocks && window.size() < threads + 1) {
            long from = dataStart + (long) next * BLOCK;
            long to = Math.min(size, from + BLOCK);
            boolean first = next == 0;
            window.add(pool.submit(() -> parser.parse(ch, from, to, size, first)));
            next++;
          }
          ParsedBlock b = get(window.poll());
          merge(b, line, name, cs, sink);
          line += b.lines;
        }
      } finally {
        if (pool != callers) {
          pool.shutdownNow();
        } else {
          window.forEach(f -> f.cancel(true)); // blocks not merged (after a failure)
        }
      }
    }
  }

  private static ParsedBlock get(Future<ParsedBlock> f) throws IOException, Tables.ReadException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof Tables.ReadException re) {
        throw re;
      }
      if (c instanceof RuntimeException re) {
        throw re; // a conflict, or the data not fitting in memory: the caller decides
      }
      throw new IllegalStateException(c);
    }
  }

  private static void merge(ParsedBlock b, long firstLine, String name, Charset cs, Sink sink) {
    int si = 0;
    int i = 0;
    while (i < b.n || si < b.slowCount) {
      int row = i < b.n ? b.rowOf[i] : Integer.MAX_VALUE;
      if (si < b.slowCount && b.slowRow[si] < row) {
        int s = b.slowStart[si];
        sink.slow(row(name, firstLine + b.slowRow[si], b.buf, s, b.slowEnd[si], cs));
        si++;
        continue;
      }
      boolean ok = true;
      long line = firstLine + row;
      int j = i;
      while (j < b.n && b.rowOf[j] == row) {
        if (ok) {
          ok = sink.value(b.unit[j], b.month[j], b.leaf[j], b.value[j], line);
        }
        j++;
      }
      if (!ok) {
        sink.slow(row(name, line, b.buf, b.rowStart[i], b.rowEnd[i], cs));
      }
      i = j;
    }
  }

  /** Receives the lines of a quote-free file as byte slices, without decoding them. */
  public interface ByteRows {
    /**
     * One non-blank line {@code buf[from, to)} (line end removed) at line number {@code line}:
     * field {@code i < fields} is {@code buf[fieldFrom[i], fieldTo[i])}. The arrays are reused.
     */
    void row(byte[] buf, int from, int to, int[] fieldFrom, int[] fieldTo, int fields, long line);
  }

  /**
   * Reads a whole quote-free CSV file line by line (sequentially, for small and medium files such
   * as the unit register) and splits each line at commas, without decoding; blank lines skipped.
   */
  public static void readByteRows(Path file, ByteRows handler)
      throws IOException, Tables.ReadException {
    readByteRows(java.nio.file.Files.readAllBytes(file), handler);
  }

  /** {@link #readByteRows(Path, ByteRows)} over the bytes of a file already read. */
  public static void readByteRows(byte[] all, ByteRows handler) throws Tables.ReadException {
    int n = all.length;
    int rs = hasBom(all) ? 3 : 0;
    int[] fs = new int[16];
    int[] fe = new int[16];
    long line = 1;
    while (rs < n) {
      int nf = 0;
      int fieldStart = rs;
      int d = nextDelimiter(all, rs, n);
      while (d < n && all[d] == ',') {
        if (nf == Tables.MAX_CELLS) {
          throw new Tables.ReadException(
              "line " + line + " has more than " + Tables.MAX_CELLS + " cells", line, null);
        }
        if (nf + 1 == fs.length) {
          fs = java.util.Arrays.copyOf(fs, fs.length * 2);
          fe = java.util.Arrays.copyOf(fe, fe.length * 2);
        }
        fs[nf] = fieldStart;
        fe[nf++] = d;
        fieldStart = d + 1;
        d = nextDelimiter(all, fieldStart, n);
      }
      // d: the line feed ending the line, or the end of the file
      int end = d > rs && all[d - 1] == '\r' ? d - 1 : d;
      if (end > rs) {
        fs[nf] = fieldStart;
        fe[nf++] = Math.max(fieldStart, end);
        handler.row(all, rs, end, fs, fe, nf, line);
      }
      line++;
      rs = d + 1;
    }
  }

  private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;

  /**
   * The position of the first comma or line feed in {@code b[i, n)}, or n: 8 bytes compared at a
   * time (the unit register's 1,000,000 lines split in 40 ms instead of 78 ms byte by byte).
   */
  static int nextDelimiter(byte[] b, int i, int n) {
    for (; i + 8 <= n; i += 8) {
      long w = (long) LONGS.get(b, i);
      long m = zeroBytes(w ^ COMMAS) | zeroBytes(w ^ NLS);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    for (; i < n; i++) {
      if (b[i] == ',' || b[i] == '\n') {
        return i;
      }
    }
    return n;
  }

  /** A row of a quote-free file decoded as text (for the header, and for messages). */
  public static TableRow tableRow(String name, long line, byte[] buf, int from, int to) {
    return row(name, line, buf, from, to, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A decoded row (split on commas; the file has no quotes). */
  static TableRow row(String name, long line, byte[] buf, int from, int to, Charset cs) {
    if (to > from && buf[to - 1] == '\r') {
      to--;
    }
    TableRow r = new TableRow();
    r.file = name;
    r.line = line;
    String text = new String(buf, from, to - from, cs);
    String[] cells = text.indexOf('"') < 0 ? null : quotedCells(text);
    r.cells = cells != null ? cells : text.split(",", -1);
    return r;
  }

  /**
   * The cells of a line whose quotes enclose whole fields ({@code "U001","2026-10",5}), without the
   * quotes; null when the quotes are used otherwise (escaped, or text around them).
   */
  static String[] quotedCells(String line) {
    java.util.List<String> cells = new java.util.ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      if (i < n && line.charAt(i) == '"') {
        int q = line.indexOf('"', i + 1);
        if (q < 0 || (q + 1 < n && line.charAt(q + 1) != ',')) {
          return null;
        }
        cells.add(line.substring(i + 1, q));
        i = q + 1;
      } else {
        int c = line.indexOf(',', i);
        int e = c < 0 ? n : c;
        if (line.substring(i, e).indexOf('"') >= 0) {
          return null;
        }
        cells.add(line.substring(i, e));
        i = e;
      }
      if (i >= n) {
        return cells.toArray(String[]::new);
      }
      i++; // the comma
      if (i == n) {
        cells.add("");
        return cells.toArray(String[]::new);
      }
    }
  }

  /** {@link #quotedCells(String)} of a UTF-8 byte range. */
  static String[] quotedCells(byte[] b, int from, int to) {
    if (to > from && b[to - 1] == '\r') {
      to--;
    }
    return quotedCells(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** True when the bytes start with the UTF-8 byte-order mark. */
  static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final java.lang.invoke.VarHandle INTS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * Equality of two short byte ranges (ids of a few bytes), compared 8 or 4 bytes at a time with
   * overlapping reads at the end: on the 1,000,000-unit file this took half the parsing time as a
   * byte loop, and {@code Arrays.equals} with ranges is slower still for such short ranges.
   */
  static boolean same(byte[] a, int af, int at, byte[] b, int bf, int bt) {
    int len = at - af;
    if (len != bt - bf) {
      return false;
    }
    if (len >= 8) {
      for (int i = 0; i < len - 8; i += 8) {
        if ((long) LONGS.get(a, af + i) != (long) LONGS.get(b, bf + i)) {
          return false;
        }
      }
      return (long) LONGS.get(a, at - 8) == (long) LONGS.get(b, bt - 8);
    }
    if (len >= 4) {
      return (int) INTS.get(a, af) == (int) INTS.get(b, bf)
          && (int) INTS.get(a, at - 4) == (int) INTS.get(b, bt - 4);
    }
    for (int i = 0; i < len; i++) {
      if (a[af + i] != b[bf + i]) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] b, int from, int to, byte x) {
    for (int i = from; i < to; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  static int readInto(FileChannel ch, long from, byte[] out, int len) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(out, 0, len);
    long pos = from;
    while (bb.hasRemaining()) {
      int n = ch.read(bb, pos);
      if (n < 0) {
        break;
      }
      pos += n;
    }
    return bb.position();
  }

  static byte[] read(FileChannel ch, long from, int len) throws IOException {
    byte[] out = new byte[len];
    int n = readInto(ch, from, out, len);
    return n == len ? out : java.util.Arrays.copyOf(out, n);
  }
}
