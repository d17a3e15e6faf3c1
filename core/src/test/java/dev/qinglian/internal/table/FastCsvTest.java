package dev.qinglian.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastCsvTest {
  @Test
  void numbersParseExactlyAsTheJdkDoes() {
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      String s;
      switch (i % 4) {
        case 0 -> s = Integer.toString(r.nextInt(1000));
        case 1 -> s = (r.nextInt(200) - 100) + "." + r.nextInt(10);
        case 2 -> s = r.nextInt(100) + "." + String.format("%06d", r.nextInt(1_000_000));
        default ->
            s =
                Long.toString(r.nextLong() % 1_000_000_000_000_000L)
                    .replaceFirst("(\\d{3})$", ".$1");
      }
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      double fast = Parse.number(b, 0, b.length);
      // more than 15 significant digits are left to the general parser (NaN here)
      if (!Double.isNaN(fast)) {
        assertEquals(Double.parseDouble(s), fast, 0.0, s);
      }
    }
  }

  @Test
  void leavesAnythingUnusualToTheGeneralParser() {
    for (String s :
        new String[] {
          "95%", "1,234", "1e3", " 5", "5 ", "abc", "-", ".", "", "1.2.3", "0x10", "NaN", "+5"
        }) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      assertEquals(Double.NaN, Parse.number(b, 0, b.length), s);
    }
    assertEquals(0.5, Parse.number(".5".getBytes(StandardCharsets.US_ASCII), 0, 2));
    assertEquals(-12.25, Parse.number("-12.25".getBytes(StandardCharsets.US_ASCII), 0, 6));
  }

  @Test
  void periodsInTheirPlainFormOnly() {
    assertEquals(2026 * 12 + 9, Parse.period("2026-10".getBytes(StandardCharsets.US_ASCII), 0, 7));
    for (String s : new String[] {"2026-13", "2026-00", "2026/10", "2026-1", "20261"}) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      assertEquals(-1, Parse.period(b, 0, b.length), s);
    }
  }

  @Test
  void cellsQuotedWholeAreUnquotedAndOtherQuotingRefused() {
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new String[] {"U1", "2026-10", "5", "a, b", ""},
        FastCsv.quotedCells("\"U1\",\"2026-10\",5,\"a, b\","));
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new String[] {"", "x"}, FastCsv.quotedCells("\"\",x"));
    for (String bad : new String[] {"\"a\"\"b\",1", "x\"y\",1", "\"a\" ,1", "\"open,1"}) {
      assertEquals(null, FastCsv.quotedCells(bad), bad);
    }
  }

  /**
   * The line splitter (8 bytes compared at a time) against a plain reference on random files of
   * commas, line feeds, carriage returns, blank lines and text of every length, so that delimiters
   * fall at every offset of a word and in the last, shorter word; with and without a byte-order
   * mark and a last line feed.
   */
  @Test
  void linesSplitAsAPlainSplitWould() throws Exception {
    java.util.Random r = new java.util.Random(11);
    String alphabet = "ab,,\n\r 1é";
    for (int round = 0; round < 3000; round++) {
      StringBuilder sb = new StringBuilder(round % 7 == 0 ? "\uFEFF" : "");
      int len = r.nextInt(120);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      java.util.List<String> got = new java.util.ArrayList<>();
      FastCsv.readByteRows(
          bytes,
          (buf, from, to, fieldFrom, fieldTo, fields, line) -> {
            StringBuilder row = new StringBuilder(line + ":");
            for (int f = 0; f < fields; f++) {
              row.append('[')
                  .append(
                      new String(
                          buf,
                          fieldFrom[f],
                          fieldTo[f] - fieldFrom[f],
                          java.nio.charset.StandardCharsets.UTF_8))
                  .append(']');
            }
            got.add(row.toString());
          });
      // the reference: lines split at line feeds, one carriage return before it dropped, blank
      // lines skipped, fields split at commas
      java.util.List<String> expected = new java.util.ArrayList<>();
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      String[] lines = body.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String l =
            lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
        if (l.isEmpty()) {
          continue;
        }
        StringBuilder row = new StringBuilder((i + 1) + ":");
        for (String f : l.split(",", -1)) {
          row.append('[').append(f).append(']');
        }
        expected.add(row.toString());
      }
      assertEquals(expected, got, () -> "text " + text.replace("\n", "\\n").replace("\r", "\\r"));
    }
  }
}
