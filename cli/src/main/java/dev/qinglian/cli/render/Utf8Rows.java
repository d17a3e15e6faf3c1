package dev.qinglian.cli.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lines of CSV as a growing UTF-8 byte buffer (ASCII copied char by char, other text encoded,
 * numbers written as they are formatted), and the writer that formats chunks of rows on all cores
 * while the calling thread writes the finished ones in order.
 */
final class Utf8Rows {
  /** Rows per chunk formatted on one core. */
  static final int CHUNK = 16_384;

  /** Formats rows {@code from..to} of a table. */
  interface Chunk {
    /**
     * Rows {@code from..to} formatted into {@code spare.rows(capacity)}, a buffer of a chunk
     * already written when there is one.
     */
    Utf8Rows format(int from, int to, Spare spare);
  }

  /**
   * The buffers of chunks already written, handed to the chunks still to format. A fresh buffer per
   * chunk allocated 256 MB for the 184 MB CSV of 1,000,000 units, each zeroed by the JVM and
   * faulted in by the kernel page by page, and filled the old generation (buffers that large are
   * allocated there) until full collections ran: reused, the window of chunks in flight is all the
   * memory the writing takes. Thread-safe.
   */
  static final class Spare {
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> free =
        new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * An empty row buffer with room for {@code capacity} bytes and a number past them: a spare one
     * when one is large enough, else a new one.
     */
    Utf8Rows rows(int capacity) {
      int size = size(capacity);
      byte[] b = free.poll();
      return new Utf8Rows(b != null && b.length >= size ? b : new byte[size]);
    }

    void giveBack(Utf8Rows written) {
      free.add(written.b);
    }
  }

  /**
   * Writes rows {@code 0..rows} to {@code o}, chunks formatted in parallel (formatting doubles
   * dominates the output of large tables) and written in order.
   */
  static void write(OutputStream o, int rows, Chunk chunk) throws IOException {
    write(o, rows, CHUNK, chunk);
  }

  /** {@link #write(OutputStream, int, Chunk)} with {@code size} rows per chunk. */
  static void write(OutputStream o, int rows, int size, Chunk chunk) throws IOException {
    int chunks = (rows + size - 1) / size;
    Spare spare = new Spare();
    if (chunks <= 1) {
      chunk.format(0, rows, spare).writeTo(o);
      return;
    }
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "qinglian-csv-out");
              t.setDaemon(true);
              return t;
            });
    try {
      ArrayDeque<Future<Utf8Rows>> window = new ArrayDeque<>();
      int next = 0;
      for (int c = 0; c < chunks; c++) {
        while (next < chunks && window.size() < 2 * threads) {
          int from = next * size;
          int to = Math.min(rows, from + size);
          window.add(pool.submit(() -> chunk.format(from, to, spare)));
          next++;
        }
        Utf8Rows done = window.poll().get();
        done.writeTo(o);
        spare.giveBack(done);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private byte[] b;
  private int n;

  private Utf8Rows(byte[] b) {
    this.b = b;
  }

  /**
   * The buffer for {@code capacity} bytes: with room for a number past it, as each one is written
   * after asking for the room of the longest (345 bytes), and the last of a chunk would otherwise
   * copy the buffer.
   */
  private static int size(int capacity) {
    return Math.max(16, capacity) + 2 * ShortestDouble.MAX_BYTES;
  }

  private void room(int k) {
    if (n + k > b.length) {
      b = java.util.Arrays.copyOf(b, Math.max(n + k, 2 * b.length));
    }
  }

  Utf8Rows comma() {
    room(1);
    b[n++] = ',';
    return this;
  }

  void newline() {
    room(1);
    b[n++] = '\n';
  }

  Utf8Rows append(String s) {
    int len = s.length();
    room(len);
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        n -= i; // not ASCII: encode the whole string
        byte[] e = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        room(e.length);
        System.arraycopy(e, 0, b, n, e.length);
        n += e.length;
        return this;
      }
      b[n++] = (byte) c;
    }
    return this;
  }

  /** Bytes copied as they are (UTF-8 text that needs no quoting). */
  Utf8Rows bytes(byte[] t) {
    room(t.length);
    System.arraycopy(t, 0, b, n, t.length);
    n += t.length;
    return this;
  }

  /** {@link Numbers#full}, written in place. */
  void full(double v) {
    if (!Double.isNaN(v)) {
      room(ShortestDouble.MAX_BYTES);
      n = ShortestDouble.write(v, b, n);
    }
  }

  /** The decimal digits of {@code v}. */
  void whole(long v) {
    room(20);
    if (v < 0) {
      b[n++] = '-';
      v = -v;
    }
    int digits = Numbers.digitCount(v);
    for (int k = n + digits - 1; k >= n; k--) {
      b[k] = (byte) ('0' + v % 10);
      v /= 10;
    }
    n += digits;
  }

  /**
   * {@code v} as a JSON number as Jackson writes it ({@link ShortestDouble#writeJava}); {@code
   * null} for NaN, and the infinities as the strings Jackson makes of them.
   */
  Utf8Rows json(double v) {
    if (Double.isNaN(v)) {
      bytes(NULL);
    } else if (Double.isInfinite(v)) {
      append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    } else {
      room(ShortestDouble.MAX_BYTES);
      n = ShortestDouble.writeJava(v, b, n);
    }
    return this;
  }

  static final byte[] NULL = {'n', 'u', 'l', 'l'};

  /**
   * UTF-8 text {@code t[from, to)} as a JSON string, escaped as Jackson escapes it: quote,
   * backslash and control characters ({@code \n} and its kind, else a six-character escape of its
   * code); everything else as it is.
   */
  void jsonText(byte[] t, int from, int to) {
    room(2 + 6 * (to - from));
    b[n++] = '"';
    for (int k = from; k < to; k++) {
      byte c = t[k];
      if (c >= 0x20 && c != '"' && c != '\\' || c < 0) {
        b[n++] = c;
        continue;
      }
      b[n++] = '\\';
      switch (c) {
        case '"', '\\' -> b[n++] = c;
        case '\b' -> b[n++] = 'b';
        case '\t' -> b[n++] = 't';
        case '\n' -> b[n++] = 'n';
        case '\f' -> b[n++] = 'f';
        case '\r' -> b[n++] = 'r';
        default -> {
          b[n++] = 'u';
          b[n++] = '0';
          b[n++] = '0';
          b[n++] = (byte) "0123456789ABCDEF".charAt(c >> 4);
          b[n++] = (byte) "0123456789ABCDEF".charAt(c & 15);
        }
      }
    }
    b[n++] = '"';
  }

  // Jackson's default pretty printer: an object of an array of the root object starts " {" (the
  // first) or ", {", each field on its own line indented by four, and the object ends on a line of
  // its own indented by two
  private static final byte[] JSON_FIRST = {' ', '{'};
  private static final byte[] JSON_NEXT = {',', ' ', '{'};
  private static final byte[] JSON_END = {'\n', ' ', ' ', '}'};

  /**
   * The start of an object of an array of the root object, as Jackson's pretty printer writes it.
   */
  void jsonObjectStart(boolean first) {
    bytes(first ? JSON_FIRST : JSON_NEXT);
  }

  /** The end of such an object. */
  void jsonObjectEnd() {
    bytes(JSON_END);
  }

  /**
   * Writes the head of a streamed JSON document, which ends in an open {@code "units": [}: closed
   * (array and object) when no unit follows, else only flushed, the units' objects and the closing
   * brackets to be written after it.
   */
  static void writeJsonHead(
      com.fasterxml.jackson.core.JsonGenerator g,
      java.io.StringWriter w,
      java.io.OutputStream o,
      boolean noUnits)
      throws java.io.IOException {
    if (noUnits) {
      g.writeEndArray();
      g.writeEndObject();
      g.close();
    } else {
      g.flush(); // not closed: that would close the array and the object
    }
    o.write(w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The separator and name of each field of such an object: a new line indented by four (after a
   * comma but for the first), the quoted name and {@code " : "}.
   */
  static byte[][] jsonFields(List<String> names) {
    byte[][] f = new byte[names.size()][];
    for (int c = 0; c < f.length; c++) {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      b.writeBytes(
          (c == 0 ? "\n    " : ",\n    ").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      b.writeBytes(jsonText(names.get(c)));
      b.writeBytes(" : ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      f[c] = b.toByteArray();
    }
    return f;
  }

  /** {@link #jsonText(byte[], int, int)} of a string's UTF-8 bytes, as bytes. */
  static byte[] jsonText(String s) {
    byte[] t = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Utf8Rows r = new Utf8Rows(new byte[2 + 6 * t.length]);
    r.jsonText(t, 0, t.length);
    return java.util.Arrays.copyOf(r.b, r.n);
  }

  /**
   * UTF-8 text {@code t[from, to)} as a CSV text cell ({@link Csv#text}): the bytes copied as they
   * are unless the cell needs quoting or neutralising.
   */
  void text(byte[] t, int from, int to) {
    boolean plain = to == from || "=+-@\t\r".indexOf(t[from]) < 0;
    for (int k = from; plain && k < to; k++) {
      byte c = t[k];
      plain = c != ',' && c != '"' && c != '\n' && c != '\r';
    }
    if (plain) {
      room(to - from);
      System.arraycopy(t, from, b, n, to - from);
      n += to - from;
    } else {
      append(Csv.text(new String(t, from, to - from, java.nio.charset.StandardCharsets.UTF_8)));
    }
  }

  /** An empty buffer of {@code capacity} bytes for one cell at a time ({@link #clear}). */
  static Utf8Rows scratch(int capacity) {
    return new Utf8Rows(new byte[capacity]);
  }

  /** The bytes written. */
  int size() {
    return n;
  }

  /** Empties the buffer. */
  void clear() {
    n = 0;
  }

  /** The bytes of {@code other}, appended. */
  void copy(Utf8Rows other) {
    room(other.n);
    System.arraycopy(other.b, 0, b, n, other.n);
    n += other.n;
  }

  /** {@code k} spaces (none when k is not positive). */
  void spaces(int k) {
    if (k > 0) {
      room(k);
      java.util.Arrays.fill(b, n, n + k, (byte) ' ');
      n += k;
    }
  }

  /** Drops the spaces at the end. */
  void stripSpaces() {
    while (n > 0 && b[n - 1] == ' ') {
      n--;
    }
  }

  /** {@link Numbers#fixed} to one decimal, a dash for NaN. */
  void fixed(double v) {
    if (Double.isNaN(v)) {
      bytes(DASH);
    } else {
      room(Numbers.room(1));
      n = Numbers.fixed(v, 1, b, n);
    }
  }

  /** {@link Numbers#signed} to one decimal, a dash for NaN. */
  void signed(double v) {
    if (Double.isNaN(v)) {
      bytes(DASH);
    } else {
      room(Numbers.room(1) + 1);
      n = Numbers.signed(v, 1, b, n);
    }
  }

  private static final byte[] DASH = "—".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  /**
   * UTF-8 text {@code t[from, to)} as it is, or escaped as {@link Markdown#escape} escapes it (all
   * the characters it escapes are ASCII).
   */
  void plain(byte[] t, int from, int to, boolean markdown) {
    room(to - from);
    for (int k = from; k < to; k++) {
      byte c = t[k];
      String e = markdown && c >= 0 ? Markdown.escaped((char) c) : null;
      if (e == null) {
        b[n++] = c;
      } else {
        append(e);
        room(to - k);
      }
    }
  }

  /** The columns the bytes take in a terminal, as {@link Text#width(String)} counts them. */
  int width() {
    int w = 0;
    for (int k = 0; k < n; ) {
      int c = b[k];
      if (c >= 0) {
        w += c < 0x20 ? 0 : 1;
        k++;
        continue;
      }
      // a multi-byte sequence (the buffer holds valid UTF-8)
      int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
      int cp = c & (0x7F >> len);
      for (int j = 1; j < len; j++) {
        cp = cp << 6 | (b[k + j] & 0x3F);
      }
      w += Text.width(cp);
      k += len;
    }
    return w;
  }

  /** The bytes the buffer holds before it has to grow. */
  int capacity() {
    return b.length;
  }

  void writeTo(java.io.OutputStream o) throws IOException {
    o.write(b, 0, n);
  }
}
