package dev.qinglian.internal.table;

import static dev.qinglian.internal.table.FastCsv.Columns;
import static dev.qinglian.internal.table.FastCsv.MAX_LINE;
import static dev.qinglian.internal.table.FastCsv.UnsuitableException;
import static dev.qinglian.internal.table.FastCsv.Writer;
import static dev.qinglian.internal.table.FastCsv.indexOf;
import static dev.qinglian.internal.table.FastCsv.readInto;
import static dev.qinglian.internal.table.FastCsv.same;
import static dev.qinglian.internal.table.Parse.number;
import static dev.qinglian.internal.table.Parse.period;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** Parses blocks; immutable, shared by the workers. */
final class BlockParser {
  final Columns cols;
  final ByteIndex units;
  final ByteIndex leaves;
  final double[] rangeMin;
  final double[] rangeMax;
  final int maxCol;
  final Writer writer;
  final boolean checkUtf8;

  BlockParser(
      Columns cols,
      ByteIndex units,
      ByteIndex leaves,
      double[] rangeMin,
      double[] rangeMax,
      Writer writer,
      boolean checkUtf8) {
    this.checkUtf8 = checkUtf8;
    this.cols = cols;
    this.writer = writer;
    this.units = units;
    this.leaves = leaves;
    this.rangeMin = rangeMin;
    this.rangeMax = rangeMax;
    int m =
        Math.max(Math.max(cols.unit(), cols.period()), Math.max(cols.indicator(), cols.value()));
    this.maxCol = Math.max(m, cols.leafOfCol().length - 1);
  }

  /** Per-worker read buffer, reused from block to block when values go to a writer. */
  private final ThreadLocal<byte[]> buffers = new ThreadLocal<>();

  /**
   * Per-worker writer, kept from block to block: what it caches (a month's columns) stays valid,
   * and the hot code does not meet its empty cache again at every block start (the JIT had compiled
   * that branch out, and each block start threw the compiled code away).
   */
  private final ThreadLocal<Writer> writers = new ThreadLocal<>();

  ParsedBlock parse(FileChannel ch, long from, long to, long size, boolean first)
      throws IOException, Tables.ReadException {
    long readFrom = first ? from : from - 1;
    int len = (int) Math.min(size - readFrom, (to - readFrom) + MAX_LINE);
    byte[] buf;
    int limit;
    if (writer != null) {
      buf = buffers.get();
      if (buf == null || buf.length < len) {
        buf = new byte[len];
        buffers.set(buf);
      }
      limit = readInto(ch, readFrom, buf, len);
    } else {
      buf = FastCsv.read(ch, readFrom, len); // kept by the block for the ordered merge
      limit = buf.length;
    }
    ParsedBlock b = new ParsedBlock();
    // follows[l + 1]: the indicator predicted after indicator l; follows[0] the one predicted
    // first (no previous indicator). After the last indicator comes the first again (the next
    // unit's): a prediction is always an indicator, and the check of one never takes the
    // out-of-range path, which the JIT had compiled out and every block start then hit
    int leafCount = leaves.size();
    b.follows = new int[leafCount + 2]; // (one more: a model without leaves stays in range)
    for (int i = 0; i < b.follows.length; i++) {
      b.follows[i] = i < leafCount ? i : 0;
    }
    b.buf = buf;
    if (writer != null) {
      Writer w = writers.get();
      if (w == null) {
        w = writer.forWorker();
        writers.set(w);
      }
      b.writer = w;
    }
    int owned = (int) (to - readFrom); // rows starting before this offset are ours
    int rs = 0;
    if (!first) {
      int nl = indexOf(buf, 0, limit, (byte) '\n');
      if (nl < 0 || nl >= owned) {
        b.lines = 0;
        return b; // no row starts in this block
      }
      rs = nl + 1;
    }
    int[] fs = new int[maxCol + 2];
    int[] fe = new int[maxCol + 2];
    int row = 0;
    boolean primed = false;
    int last = fs.length - 1;
    while (rs < owned && rs < limit) {
      // one pass over the row: field boundaries and the end of the line together
      int nf = 0;
      int commas = 0; // every cell counts against the limit, kept or not
      int start = rs; // where the current field starts
      int qs = 0; // its content when it is quoted: [qs, qe)
      int qe = -1;
      int i = rs;
      boolean nonAscii = false;
      while (i < limit) {
        byte c = buf[i];
        if (c <= ',') { // one comparison for the common bytes (digits, letters, '.', '-')
          if (c == '\n') {
            break;
          }
          if (c == ',') {
            commas++;
            if (nf < last) {
              fs[nf] = qe >= 0 ? qs : start;
              fe[nf] = qe >= 0 ? qe : i;
              nf++;
            }
            start = i + 1;
            qe = -1;
          } else if (c == '"') {
            // a quoted field, as R and many exports write them: "U001","2026-10",... The
            // quotes must enclose the whole field, with no quote, line break or text after
            // inside; anything else (an escaped "" or a quoted line break) goes to the
            // general reader
            if (i != start) {
              throw new UnsuitableException(true);
            }
            int q = i + 1;
            while (q < limit && buf[q] != '"') {
              if (buf[q] == '\n' || buf[q] == '\r') {
                throw new UnsuitableException(true); // a line break inside quotes
              }
              nonAscii |= buf[q] < 0;
              q++;
            }
            int after = q + 1;
            if (q >= limit
                || (after < limit
                    && buf[after] != ','
                    && buf[after] != '\n'
                    && (buf[after] != '\r' || (after + 1 < limit && buf[after + 1] != '\n')))) {
              throw new UnsuitableException(true);
            }
            qs = i + 1;
            qe = q;
            i = after;
            continue;
          } else if (c < 0) {
            nonAscii = true;
          } else if (c == '\r' && i + 1 < limit && buf[i + 1] != '\n') {
            throw new UnsuitableException(true); // a line end of an old Mac spreadsheet
          }
        }
        i++;
      }
      if (nonAscii && checkUtf8 && !b.utf8.valid(buf, rs, i)) {
        throw new UnsuitableException(false);
      }
      int re = i;
      // README's limits (a record of at most 1 MB, 10,000 cells) are the general reader's: a line
      // that may be beyond them sends the file there, so that one rule decides and says where
      if ((i == limit && readFrom + limit < size)
          || re - rs > MAX_LINE
          || commas >= Tables.MAX_CELLS) {
        throw new UnsuitableException(true);
      }
      int end = re > rs && buf[re - 1] == '\r' ? re - 1 : re;
      if (end > rs) {
        fs[nf] = qe >= 0 ? qs : start;
        fe[nf] = qe >= 0 ? qe : Math.max(start, end);
        if (!primed) {
          prime(b, buf, nf + 1, fs, fe);
          primed = true;
        }
        parseRow(b, buf, row, rs, end, nf + 1, fs, fe);
      }
      row++;
      rs = re + 1;
    }
    b.lines = row;
    if (writer != null) {
      b.compactSlowRows(); // the buffer goes back to the worker
    }
    return b;
  }

  /**
   * Sets the block's remembered unit and month to those of its first row, looked up, so that {@link
   * #parseRow} needs no test for "nothing remembered yet": a branch taken only at block starts is
   * one the JIT compiles out as never taken, and every block start then threw the compiled parser
   * away (seen: parseRow compiled twice, 130-150 ms each, the rows in between parsed by slower
   * code).
   */
  private void prime(ParsedBlock b, byte[] buf, int nf, int[] fs, int[] fe) {
    int uc = cols.unit();
    int pc = cols.period();
    if (uc < nf) {
      b.lastUnit = units.get(buf, fs[uc], fe[uc]);
      b.lastUnitStart = fs[uc];
      b.lastUnitEnd = fe[uc];
    }
    if (pc < nf) {
      b.lastMonth = period(buf, fs[pc], fe[pc]);
      b.lastMonthStart = fs[pc];
      b.lastMonthEnd = fe[pc];
    }
  }

  private void parseRow(
      ParsedBlock b, byte[] buf, int row, int rs, int end, int nf, int[] fs, int[] fe) {
    int uc = cols.unit();
    int pc = cols.period();
    if (uc >= nf || pc >= nf) {
      b.slow(row, rs, end);
      return;
    }
    int u;
    // (the remembered unit and month are looked-up ones, -1 when unknown: see prime)
    if (same(buf, fs[uc], fe[uc], buf, b.lastUnitStart, b.lastUnitEnd)) {
      u = b.lastUnit; // rows of a unit usually follow one another
    } else {
      // predicted: the next unit of the register (files usually follow its order), checked
      // against the register's bytes, which are then read in order instead of hashed at random
      u = b.lastUnit + 1;
      if (!units.matches(u, buf, fs[uc], fe[uc])) {
        u = units.get(buf, fs[uc], fe[uc]);
      }
      b.lastUnit = u;
      b.lastUnitStart = fs[uc];
      b.lastUnitEnd = fe[uc];
    }
    int m;
    if (same(buf, fs[pc], fe[pc], buf, b.lastMonthStart, b.lastMonthEnd)) {
      m = b.lastMonth; // one month per file, usually
    } else {
      m = period(buf, fs[pc], fe[pc]);
      b.lastMonth = m;
      b.lastMonthStart = fs[pc];
      b.lastMonthEnd = fe[pc];
    }
    if (u < 0 || m < 0) {
      b.slow(row, rs, end);
      return;
    }
    if (cols.indicator() >= 0) {
      int ic = cols.indicator();
      int vc = cols.value();
      if (ic >= nf || vc >= nf) {
        b.slow(row, rs, end);
        return;
      }
      // predicted: the indicator that followed the previous one last time (files list the
      // indicators of a unit in the same order, row after row), or the one after it (a row
      // left out: a value not reported), which leaves the learnt order as it is
      int prev = b.lastLeaf; // -1 at a block start or after an unknown indicator
      int l = b.follows[prev + 1];
      if (!leaves.matches(l, buf, fs[ic], fe[ic])) {
        int skip = b.follows[l + 1];
        if (leaves.matches(skip, buf, fs[ic], fe[ic])) {
          l = skip;
        } else {
          l = leaves.get(buf, fs[ic], fe[ic]);
          if (l >= 0) {
            b.follows[prev + 1] = l;
          }
        }
      }
      b.lastLeaf = l;
      if (l < 0) {
        b.slow(row, rs, end);
        return;
      }
      if (fs[vc] == fe[vc]) {
        return; // blank: nothing reported
      }
      double v = number(buf, fs[vc], fe[vc]);
      if (Double.isNaN(v) || v < rangeMin[l] || v > rangeMax[l]) {
        b.slow(row, rs, end);
        return;
      }
      b.add(row, rs, end, u, m, l, v);
      return;
    }
    int[] leafOf = cols.leafOfCol();
    int mark = b.n;
    for (int c = 0; c < leafOf.length; c++) {
      int l = leafOf[c];
      if (l < 0 || c >= nf || fs[c] == fe[c]) {
        continue;
      }
      double v = number(buf, fs[c], fe[c]);
      if (Double.isNaN(v) || v < rangeMin[l] || v > rangeMax[l]) {
        b.n = mark; // drop what this row added: the slow path takes all of it
        b.slow(row, rs, end);
        return;
      }
      b.add(row, rs, end, u, m, l, v);
    }
  }
}
