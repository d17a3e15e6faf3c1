package dev.qinglian.cli.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Word notices of a run: the documents {@link NoticeDocx#bytes} builds (the same parts, byte
 * for byte), made from templates. The notices of a month differ in their texts and in few shapes
 * (the kinds of their paragraphs, the size of the letterhead, the signature's indent, a note or
 * none, the date), so each shape is built once by {@link NoticeDocx} with markers in place of the
 * texts, its parts cut at the markers and the pieces between them compressed once; a notice is
 * those pieces with its texts between them, stored uncompressed. Apache POI builds and saves a
 * document in about 2.5 ms of one core, and compressing its parts again takes 0.1 ms (a month of
 * 91,647 notices: 90 s with POI on two cores; docs/performance.md has the figures since).
 *
 * <p>Only a text that POI writes as it is can be put in place of a marker: not empty, without
 * characters XML escapes in text ({@code < > &}), control characters, surrogates or the private-use
 * area the markers use, and without white space at either end (POI marks such a run {@code
 * xml:space="preserve"}). A notice with any other text is built by {@link NoticeDocx} itself and
 * written the same way. {@code NoticeTemplatesTest} compares the two on generated and mutated
 * notices, part by part.
 *
 * <p>Thread-safe: the templates are kept in a concurrent map.
 */
public final class NoticeTemplates {
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  /**
   * The notice as .docx bytes: the parts {@link NoticeDocx#bytes(Notice, String)} makes, in its
   * order, in a zip of this class's (entries at the zip epoch, as there).
   */
  public byte[] bytes(Notice n, String created) throws IOException {
    List<String> texts = texts(n);
    if (!allPlain(texts)) {
      // built by NoticeDocx, written as every other notice
      return new Template(NoticeDocx.bytes(n, created), 0).fill(List.of());
    }
    Layout layout = layout(n);
    int markPt = layout.markPt();
    double indent = layout.indent();
    StringBuilder key = new StringBuilder();
    key.append(n.lang()).append('|').append(markPt).append('|').append(indent).append('|');
    key.append(created).append('|').append(n.note().isEmpty());
    for (Notice.Block b : n.body()) {
      key.append('|').append(b.kind());
    }
    Template t = templates.get(key.toString());
    if (t == null) {
      t = new Template(NoticeDocx.bytes(marked(n), markPt, indent, created), texts.size());
      templates.putIfAbsent(key.toString(), t);
    }
    return t.fill(texts);
  }

  /** The layout's numbers taken from a notice's letterhead, signature and date. */
  private record Layout(String mark, String signature, String date, int markPt, double indent) {}

  private volatile Layout last; // the notices of a run share their letterhead, signature and date

  /**
   * {@link NoticeDocx#markPt} and {@link NoticeDocx#signatureIndent} of {@code n}, measured again
   * only when its letterhead, signature or date differ from the last notice's (measuring the three
   * texts for each of 91,647 notices took a quarter of a second).
   */
  private Layout layout(Notice n) {
    Layout l = last;
    if (l == null
        || !l.mark().equals(n.mark())
        || !l.signature().equals(n.signature())
        || !l.date().equals(n.date())) {
      l =
          new Layout(
              n.mark(),
              n.signature(),
              n.date(),
              NoticeDocx.markPt(n),
              NoticeDocx.signatureIndent(n));
      last = l;
    }
    return l;
  }

  /** True when {@link #bytes} fills a template for {@code n} (all its texts {@link #plain}). */
  static boolean templated(Notice n) {
    return allPlain(texts(n));
  }

  private static boolean allPlain(List<String> texts) {
    for (String t : texts) {
      if (!plain(t)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The notice's texts in the order of the markers: each is written once or twice (the title,
   * number and signature also in the document's properties), and the layout's numbers taken from
   * them are part of the template's key.
   */
  private static List<String> texts(Notice n) {
    List<String> t = new ArrayList<>();
    t.add(n.mark());
    t.add(n.number());
    t.add(n.title());
    t.add(n.recipient());
    for (Notice.Block b : n.body()) {
      t.add(b.text());
    }
    t.add(n.signature());
    t.add(n.date());
    if (!n.note().isEmpty()) { // no note: no paragraph (part of the key)
      t.add(n.note());
    }
    t.add(n.unitId());
    t.add(n.provenance());
    return t;
  }

  /** The notice with marker {@code i} in place of its i-th text ({@link #texts}). */
  private static Notice marked(Notice n) {
    int[] i = {0};
    java.util.function.UnaryOperator<String> m = x -> "" + MARK + i[0]++ + END;
    String mark = m.apply(n.mark());
    String number = m.apply(n.number());
    String title = m.apply(n.title());
    String recipient = m.apply(n.recipient());
    List<Notice.Block> body = new ArrayList<>();
    for (Notice.Block b : n.body()) {
      body.add(new Notice.Block(b.kind(), m.apply(b.text())));
    }
    String signature = m.apply(n.signature());
    String date = m.apply(n.date());
    String note = n.note().isEmpty() ? "" : m.apply(n.note());
    String unitId = m.apply(n.unitId());
    return new Notice(
        n.lang(),
        mark,
        number,
        title,
        recipient,
        body,
        signature,
        date,
        note,
        unitId,
        n.colour(),
        m.apply(n.provenance()));
  }

  private static final char MARK = '\uE000';
  private static final char END = '\uE001';

  /** A text POI writes as it is (see the class comment). */
  static boolean plain(String s) {
    if (s.isEmpty()
        || Character.isWhitespace(s.charAt(0))
        || Character.isSpaceChar(s.charAt(0))
        || Character.isWhitespace(s.charAt(s.length() - 1))
        || Character.isSpaceChar(s.charAt(s.length() - 1))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20
          || (c >= 0x7F && c <= 0x9F)
          || c == '<'
          || c == '>'
          || c == '&'
          || Character.isSurrogate(c)
          || (c >= 0xE000 && c <= 0xF8FF)
          || c >= 0xFFFE) {
        return false;
      }
    }
    return true;
  }

  /**
   * One shape's document: its parts, each cut at the markers, the pieces between them compressed
   * once. A notice's part is those pieces with its texts between them as stored (uncompressed)
   * deflate blocks: each piece was compressed on its own and flushed to a byte boundary, so the
   * pieces and the stored blocks follow each other in one valid deflate stream (RFC 1951, 3.2.4).
   */
  private static final class Template {
    private final List<String> names = new ArrayList<>();
    private final List<byte[]> utf8Names = new ArrayList<>();
    private final List<byte[][]> pieces = new ArrayList<>(); // the bytes between the markers
    private final List<byte[][]> deflated = new ArrayList<>(); // each piece compressed
    private final List<int[]> slots = new ArrayList<>(); // the marker between piece k and k + 1

    /**
     * The parts of {@code docx}; cut at the markers of {@code texts} texts, or none ({@code texts}
     * 0: a document of NoticeDocx's written as it is, whatever its texts hold).
     */
    Template(byte[] docx, int texts) throws IOException {
      boolean[] seen = new boolean[texts];
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          names.add(e.getName());
          utf8Names.add(e.getName().getBytes(StandardCharsets.UTF_8));
          byte[] part = in.readAllBytes();
          if (texts > 0) {
            cut(part, seen);
          } else {
            pieces.add(new byte[][] {part});
            slots.add(new int[0]);
          }
        }
      }
      for (int i = 0; i < texts; i++) {
        if (!seen[i]) {
          throw new IllegalStateException("text " + i + " of the notice is not in its template");
        }
      }
      java.util.zip.Deflater d =
          new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
      try {
        for (byte[][] p : pieces) {
          byte[][] z = new byte[p.length][];
          for (int k = 0; k < p.length; k++) {
            z[k] = deflate(d, p[k]);
          }
          deflated.add(z);
        }
      } finally {
        d.end();
      }
    }

    /** {@code b} compressed on its own, flushed to a byte boundary, the stream left open. */
    private static byte[] deflate(java.util.zip.Deflater d, byte[] b) {
      d.reset();
      d.setInput(b);
      ByteArrayOutputStream out = new ByteArrayOutputStream(b.length / 2 + 64);
      byte[] buf = new byte[8192];
      int n;
      do {
        n = d.deflate(buf, 0, buf.length, java.util.zip.Deflater.SYNC_FLUSH);
        out.write(buf, 0, n);
      } while (n == buf.length || !d.needsInput());
      return out.toByteArray();
    }

    /** Cuts a part at its markers: U+E000 (EE 80 80 in UTF-8), the text's number, U+E001. */
    private void cut(byte[] part, boolean[] seen) {
      List<byte[]> p = new ArrayList<>();
      List<Integer> s = new ArrayList<>();
      int from = 0;
      for (int i = 0; i + 2 < part.length; i++) {
        if (part[i] == (byte) 0xEE && part[i + 1] == (byte) 0x80 && part[i + 2] == (byte) 0x80) {
          int j = i + 3;
          int k = 0;
          while (j < part.length && part[j] >= '0' && part[j] <= '9') {
            k = k * 10 + part[j++] - '0';
          }
          // U+E001: EE 80 81
          if (j + 2 >= part.length
              || part[j] != (byte) 0xEE
              || part[j + 1] != (byte) 0x80
              || part[j + 2] != (byte) 0x81) {
            throw new IllegalStateException("a marker cut short in a notice's template");
          }
          p.add(java.util.Arrays.copyOfRange(part, from, i));
          s.add(k);
          seen[k] = true;
          from = j + 3;
          i = from - 1;
        }
      }
      p.add(java.util.Arrays.copyOfRange(part, from, part.length));
      pieces.add(p.toArray(new byte[0][]));
      slots.add(s.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The document with {@code texts} in place of the markers: a zip of deflated entries written
     * from their compressed bytes (java.util.zip and Apache Commons Compress compress what they are
     * given; neither takes a stream put together from pieces compressed beforehand). Entries at
     * 1980-01-01 00:00, the zip epoch, as {@link dev.qinglian.cli.demo.Xlsx} writes them; CRC and
     * sizes in the local header (no data descriptor); no zip64 (a notice is a few kilobytes).
     */
    byte[] fill(List<String> texts) {
      byte[][] utf8 = new byte[texts.size()][];
      for (int i = 0; i < utf8.length; i++) {
        utf8[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
      }
      int n = names.size();
      int size = 22; // the end of the central directory
      for (int e = 0; e < n; e++) {
        size += 30 + 46 + 2 * name(e).length + 5; // the two headers, the final empty block
        for (byte[] z : deflated.get(e)) {
          size += z.length;
        }
        for (int slot : slots.get(e)) {
          size += utf8[slot].length + 5 * ((utf8[slot].length + 0xFFFE) / 0xFFFF);
        }
      }
      java.nio.ByteBuffer b =
          java.nio.ByteBuffer.allocate(size).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      int[] at = new int[n];
      int[] crcs = new int[n];
      int[] compressed = new int[n];
      int[] sizes = new int[n];
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      for (int e = 0; e < n; e++) {
        at[e] = b.position();
        header(b, 0x04034b50, e, 0, 0, 0); // CRC and sizes put in below, once known
        int data = b.position();
        crc.reset();
        long length = data(b, e, utf8, crc);
        b.put((byte) 1).putShort((short) 0).putShort((short) 0xFFFF); // the last block: empty
        crcs[e] = (int) crc.getValue();
        compressed[e] = b.position() - data;
        sizes[e] = (int) length;
        b.putInt(at[e] + 14, crcs[e])
            .putInt(at[e] + 18, compressed[e])
            .putInt(at[e] + 22, sizes[e]);
      }
      int central = b.position();
      for (int e = 0; e < n; e++) {
        header(b, 0x02014b50, e, crcs[e], compressed[e], sizes[e]);
        b.putShort((short) 0).putShort((short) 0).putShort((short) 0); // comment, disk, internal
        b.putInt(0).putInt(at[e]); // external attributes, the local header's offset
        b.put(name(e));
      }
      int end = b.position();
      b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
      b.putShort((short) n).putShort((short) n).putInt(end - central).putInt(central);
      b.putShort((short) 0); // no comment
      return b.array();
    }

    /**
     * Entry {@code e}'s deflate stream without its final block: its pieces, compressed, and the
     * texts between them as stored blocks; its bytes added to {@code crc}. The number of bytes it
     * inflates to. (A method of its own: the optimising compiler, behind during a large month,
     * compiled {@link #fill}'s loops on the stack five times, each with this loop inside: 0.54 s of
     * its time in one run, 0.30 s with this apart.)
     */
    private long data(java.nio.ByteBuffer b, int e, byte[][] utf8, java.util.zip.CRC32 crc) {
      byte[][] p = pieces.get(e);
      byte[][] z = deflated.get(e);
      int[] s = slots.get(e);
      long length = 0;
      for (int k = 0; k <= s.length; k++) {
        if (k > 0) {
          byte[] t = utf8[s[k - 1]];
          crc.update(t);
          length += t.length;
          for (int off = 0; off < t.length; off += 0xFFFF) {
            int len = Math.min(0xFFFF, t.length - off);
            // a stored block, not the last: header byte 0 (aligned), LEN, NLEN, the bytes
            b.put((byte) 0).putShort((short) len).putShort((short) ~len).put(t, off, len);
          }
        }
        crc.update(p[k]);
        length += p[k].length;
        b.put(z[k]);
      }
      return length;
    }

    private byte[] name(int e) {
      return utf8Names.get(e);
    }

    /** DOS date of 1980-01-01: (year - 1980) << 9 | month << 5 | day; the time is 0. */
    private static final short DOS_DATE = 1 << 5 | 1;

    /**
     * A local header ({@code 0x04034b50}: the name after it) or the fixed part of a central one
     * ({@code 0x02014b50}: version made by, then as the local one up to the extra field's length).
     */
    private void header(java.nio.ByteBuffer b, int signature, int e, int crc, int csize, int size) {
      b.putInt(signature);
      if (signature == 0x02014b50) {
        b.putShort((short) 20); // version made by
      }
      b.putShort((short) 20).putShort((short) 0).putShort((short) 8); // version, flags, deflated
      b.putShort((short) 0).putShort(DOS_DATE).putInt(crc).putInt(csize).putInt(size);
      b.putShort((short) name(e).length).putShort((short) 0); // the name's length, no extra field
      if (signature == 0x04034b50) {
        b.put(name(e));
      }
    }
  }
}
