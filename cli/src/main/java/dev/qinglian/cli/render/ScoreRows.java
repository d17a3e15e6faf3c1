package dev.qinglian.cli.render;

import dev.qinglian.data.UnitRegister;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.internal.RegisterAccess;
import dev.qinglian.internal.ResultAccess;
import dev.qinglian.model.Band;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.OverrideRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gathered columns of one chunk of rows and the bytes formatted from them, as CSV lines or as
 * JSON objects.
 */
final class ScoreRows {
  private final PeriodResult result;
  private final IndicatorModel model;

  final int n;
  final int[] us;
  final int[] rank;
  final long[] caps;
  final Band[] band;
  final Band[] uncapped;
  final List<OverrideRule> rules;
  // id, name and type of every row, one after another
  final byte[][] text = new byte[3][];
  final int[][] ends;
  // index, coverage, the dimensions, change
  final double[][] number;
  // the colour, the colour by index alone and the override rules that fired, as the bytes of
  // their cells, CSV or JSON (one array per distinct cell, shared by its rows)
  final byte[][][] label = new byte[3][][];
  final Utf8Rows out;

  /**
   * The cells after the rank, in order: a kind (TEXT, NUMBER, LABEL) and which column of that kind.
   * The row writer loops over them, so that each kind is written from one call site: the JIT
   * inlines a callee at every call site, and ten calls of the number writer made the compiled row
   * writer 15 KB, 114 ms of the optimising compiler in the middle of the writing.
   */
  final int[] kind;

  final int[] column;

  static final byte[] NONE = new byte[0];

  static final int TEXT = 0;
  static final int NUMBER = 1;
  static final int LABEL = 2;

  final boolean json;

  ScoreRows(
      PeriodResult result,
      int[] us,
      int[] dims,
      double[] prev,
      Utf8Rows.Spare spare,
      boolean json) {
    this.result = result;
    this.model = result.model();
    this.rules = model.overrides();
    this.json = json;
    this.us = us;
    n = us.length;
    // Allocated first (a class still unloaded when the JIT compiles the loops below makes it
    // compile them again), with room for 256 bytes a line (they are about 190): a buffer that
    // grows takes a branch the JIT had compiled out of the row writer.
    out = spare.rows(n * (json ? 512 : 256));
    rank = new int[n];
    number = new double[dims.length + 3][n];
    caps = new long[n];
    band = new Band[n];
    uncapped = new Band[n];
    gather(prev, number[0], number[1], number[dims.length + 2]);
    UnitRegister units = result.units();
    ends = new int[3][n + 1]; // row i: [ends[t][i], ends[t][i + 1])
    text[0] = RegisterAccess.of().gatherUtf8(units, RegisterAccess.Field.ID, us, ends[0], 1);
    text[1] = RegisterAccess.of().gatherUtf8(units, RegisterAccess.Field.NAME, us, ends[1], 1);
    text[2] = RegisterAccess.of().gatherUtf8(units, RegisterAccess.Field.TYPE, us, ends[2], 1);
    for (int d = 0; d < dims.length; d++) {
      gather(dims[d], number[2 + d]);
    }
    label[0] = labels(band);
    label[1] = labels(uncapped);
    label[2] = capsLabels();
    boolean coloured = model.coloured();
    int cells = (coloured ? 8 : 5) + dims.length + 1;
    kind = new int[cells];
    column = new int[cells];
    int c = 0;
    for (int t = 0; t < 3; t++) { // id, name, type
      kind[c] = TEXT;
      column[c++] = t;
    }
    kind[c] = NUMBER; // index
    column[c++] = 0;
    if (coloured) {
      kind[c] = LABEL; // colour
      column[c++] = 0;
      kind[c] = LABEL; // colour by index alone
      column[c++] = 1;
    }
    kind[c] = NUMBER; // coverage
    column[c++] = 1;
    if (coloured) {
      kind[c] = LABEL; // the rules that capped it
      column[c++] = 2;
    }
    for (int d = 0; d <= dims.length; d++) { // the dimensions, then change
      kind[c] = NUMBER;
      column[c++] = 2 + d;
    }
  }

  /**
   * The units' values, in one loop of independent reads (in rank order each is a cache miss, and
   * the core overlaps them); apart from the constructor, so that the JIT compiles small loops once
   * rather than the whole constructor again for each of its loops.
   */
  private void gather(double[] prev, double[] index, double[] coverage, double[] change) {
    for (int i = 0; i < n; i++) {
      int u = us[i];
      rank[i] = result.rank(u);
      index[i] = result.index(u);
      coverage[i] = result.coverage(u);
      change[i] = index[i] - prev[u];
      caps[i] = ResultAccess.of().capsMask(result, u);
      band[i] = result.band(u);
      uncapped[i] = result.uncappedBandOrNull(u);
    }
  }

  /** The units' scores of node {@code node}. */
  private void gather(int node, double[] out) {
    ScoreText.scores(result, node, us, out);
  }

  /**
   * Each row's band id as UTF-8 (empty for none), or as a JSON string (null for none), one array
   * per band shared by its rows.
   */
  private byte[][] labels(Band[] bands) {
    byte[][] l = new byte[n][];
    Map<Band, byte[]> bytes = new java.util.IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      Band b = bands[i];
      l[i] =
          b == null
              ? (json ? Utf8Rows.NULL : NONE)
              : bytes.computeIfAbsent(
                  b,
                  k ->
                      json
                          ? Utf8Rows.jsonText(k.id())
                          : Csv.text(k.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return l;
  }

  /**
   * Each row's override rules that fired ({@code a;b}) as the CSV cell's UTF-8 bytes, or as a JSON
   * array ({@code [ "a", "b" ]}). Apart from the row writer: a ranking's first rows seldom have
   * any, and a branch for them in the row writer was compiled out and hit further down, which threw
   * the compiled writer away.
   */
  private byte[][] capsLabels() {
    byte[][] l = new byte[n][];
    Map<Long, byte[]> cells = new HashMap<>();
    long lastMask = 0;
    byte[] none = capsCell(0);
    byte[] last = none;
    for (int i = 0; i < n; i++) {
      long mask = caps[i];
      if (mask != lastMask) { // rows in a row mostly share theirs: no lookup
        lastMask = mask;
        last = mask == 0 ? none : cells.computeIfAbsent(mask, this::capsCell);
      }
      l[i] = last;
    }
    return l;
  }

  private byte[] capsCell(long mask) {
    List<String> ids = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      if ((mask >>> r & 1) != 0) {
        ids.add(rules.get(r).id());
      }
    }
    if (!json) {
      return Csv.text(String.join(";", ids)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    java.io.ByteArrayOutputStream cell = new java.io.ByteArrayOutputStream();
    cell.writeBytes(new byte[] {'['});
    for (int k = 0; k < ids.size(); k++) {
      cell.writeBytes(k == 0 ? new byte[] {' '} : new byte[] {',', ' '});
      cell.writeBytes(Utf8Rows.jsonText(ids.get(k)));
    }
    cell.writeBytes(new byte[] {' ', ']'});
    return cell.toByteArray();
  }

  void format(int from, int to) {
    for (int i = from; i < to; i++) {
      row(i);
    }
  }

  private void row(int i) {
    Utf8Rows sb = out;
    if (rank[i] > 0) {
      sb.whole(rank[i]);
    }
    for (int c = 0; c < kind.length; c++) {
      sb.comma();
      int k = column[c];
      switch (kind[c]) {
        case TEXT -> sb.text(text[k], ends[k][i], ends[k][i + 1]);
        case NUMBER -> sb.full(number[k][i]);
        default -> sb.bytes(label[k][i]);
      }
    }
    sb.newline();
  }

  /**
   * Row {@code i} as a JSON object of the units array, after its separator: {@code fields[c]} is
   * the separator and name of cell {@code c}, the first the rank's.
   */
  void jsonObject(int i, boolean first, byte[][] fields) {
    Utf8Rows sb = out;
    sb.jsonObjectStart(first);
    sb.bytes(fields[0]);
    if (rank[i] > 0) {
      sb.whole(rank[i]);
    } else {
      sb.bytes(Utf8Rows.NULL);
    }
    for (int c = 0; c < kind.length; c++) {
      sb.bytes(fields[1 + c]);
      int k = column[c];
      switch (kind[c]) {
        case TEXT -> sb.jsonText(text[k], ends[k][i], ends[k][i + 1]);
        case NUMBER -> sb.json(number[k][i]);
        default -> sb.bytes(label[k][i]);
      }
    }
    sb.jsonObjectEnd();
  }
}
