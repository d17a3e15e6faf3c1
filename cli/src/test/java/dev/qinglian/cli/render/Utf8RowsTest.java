package dev.qinglian.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Utf8RowsTest {

  /**
   * Row i: "i,", then i % 13 times "ab" (0 to 24 bytes of text), then the number i / 4 and a line
   * feed. Rows of different lengths put different amounts into the buffers handed from chunk to
   * chunk, so a reused buffer that kept anything of its earlier chunk would show in the output.
   */
  private static Utf8Rows chunk(int from, int to, Utf8Rows.Spare spare, int capacity) {
    Utf8Rows out = spare.rows(capacity);
    for (int i = from; i < to; i++) {
      out.whole(i);
      out.comma().append("ab".repeat(i % 13));
      out.comma().full(i / 4.0);
      out.newline();
    }
    return out;
  }

  private static String expected(int rows) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      // i / 4.0 written shortest: 0, 0.25, 0.5, 0.75, 1, 1.25, ...
      double v = i / 4.0;
      String n = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
      b.append(i).append(',').append("ab".repeat(i % 13)).append(',').append(n).append('\n');
    }
    return b.toString();
  }

  @Test
  void chunksWrittenInOrderWhateverBuffersTheyReuse() throws Exception {
    // 1,000 rows in chunks of 7: 143 chunks, at most 2 x cores in flight, so most chunks are
    // formatted into the buffer of one written before
    AtomicInteger chunks = new AtomicInteger();
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    Utf8Rows.write(
        o,
        1000,
        7,
        (from, to, spare) -> {
          chunks.incrementAndGet();
          return chunk(from, to, spare, 7 * 40);
        });
    assertEquals(143, chunks.get()); // ceil(1000 / 7)
    assertEquals(expected(1000), o.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aReusedBufferTooSmallGrows() throws Exception {
    // capacity 1 byte a chunk: every row grows the buffer, and the grown one is handed on
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    Utf8Rows.write(o, 500, 11, (from, to, spare) -> chunk(from, to, spare, 1));
    assertEquals(expected(500), o.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theSpareHandsBackWhatWasGivenBackWhenLargeEnough() throws Exception {
    Utf8Rows.Spare spare = new Utf8Rows.Spare();
    int room = 2 * ShortestDouble.MAX_BYTES; // kept past the capacity asked for
    Utf8Rows a = spare.rows(1000);
    assertEquals(1000 + room, a.capacity());
    a.append("xyz");
    spare.giveBack(a);
    Utf8Rows b = spare.rows(500); // fits in a's buffer: that one, emptied
    assertEquals(1000 + room, b.capacity());
    b.append("q");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    b.writeTo(o);
    assertEquals("q", o.toString(StandardCharsets.UTF_8));
    spare.giveBack(b);
    assertEquals(100_000 + room, spare.rows(100_000).capacity()); // too small: a new one
    assertEquals(16 + room, spare.rows(10).capacity()); // nothing spare left (16 at least)
  }
}
