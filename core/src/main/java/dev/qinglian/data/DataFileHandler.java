package dev.qinglian.data;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Location;
import dev.qinglian.internal.Suggest;
import dev.qinglian.internal.table.FastCsv;
import dev.qinglian.internal.table.Parse;
import dev.qinglian.internal.table.TableHandler;
import dev.qinglian.internal.table.TableRow;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.LeafSpec;
import dev.qinglian.model.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the tables of one file. */
final class DataFileHandler implements TableHandler, FastCsv.Sink {
  private final IndicatorModel model;
  private final UnitRegister units;

  final DataMerge merge;
  final int file;
  final String name;
  String sheet;
  boolean header;
  boolean skip;
  int unitCol;
  int periodCol;
  int indicatorCol;
  int valueCol;
  int[] leafOfCol;

  DataFileHandler(
      IndicatorModel model, UnitRegister units, DataMerge merge, int file, String name) {
    this.model = model;
    this.units = units;
    this.merge = merge;
    this.file = file;
    this.name = name;
  }

  @Override
  public void startTable(String sheet) {
    this.sheet = sheet;
    header = false;
    skip = false;
  }

  @Override
  public FastCsv.Columns header(TableRow row) {
    startTable(null);
    this.row(row);
    if (skip) {
      return null;
    }
    return new FastCsv.Columns(unitCol, periodCol, indicatorCol, valueCol, leafOfCol.clone());
  }

  @Override
  public boolean value(int unit, int month, int leaf, double value, long line) {
    return merge.tryPut(month, leaf, unit, value, file, line);
  }

  @Override
  public void slow(TableRow row) {
    this.row(row);
  }

  @Override
  public FastCsv.Writer concurrentWriter() {
    return merge.ordered ? null : merge;
  }

  void finish() {
    int slot = Math.min(file, merge.perFile.length - 1);
    int over = merge.perFile[slot] - DataReader.MAX_DIAGNOSTICS_PER_FILE;
    if (over > 0) {
      merge.diags.add(Diagnostic.error("data.more", Location.of(name), over));
    }
  }

  @Override
  public void row(TableRow row) {
    if (skip) {
      return;
    }
    if (!header) {
      header = true;
      readHeader(row);
      return;
    }
    if (row.blank()) {
      return;
    }
    String unitId = row.cell(unitCol);
    int unit = units.indexOf(unitId);
    if (unit < 0) {
      if (!merge.shown(file)) {
        merge.report(file, null); // counted only: building the message would be wasted
        return;
      }
      String code = unitId.isEmpty() ? "data.unit.blank" : "data.unit.unknown";
      merge.report(
          file,
          Diagnostic.error(code, row.at(unitCol), unitId, merge.suggest(unitId))
              .withExcerpt(row.excerpt()));
      return;
    }
    int month = Parse.period(row.cell(periodCol));
    if (month < 0) {
      merge.report(
          file,
          Diagnostic.error("data.period", row.at(periodCol), row.cell(periodCol))
              .withExcerpt(row.excerpt()));
      return;
    }
    if (indicatorCol >= 0) {
      String id = row.cell(indicatorCol);
      int leaf = model.leafIndex(id);
      if (leaf < 0) {
        String code =
            model.node(id).isPresent() ? "data.indicator.inner" : "data.indicator.unknown";
        merge.report(
            file,
            Diagnostic.error(
                    code,
                    row.at(indicatorCol),
                    id,
                    Suggest.siblings(id, leafIds(), 3).toString().replaceAll("[\\[\\]]", ""))
                .withExcerpt(row.excerpt()));
        return;
      }
      value(row, unit, month, leaf, valueCol);
    } else {
      for (int c = 0; c < leafOfCol.length; c++) {
        if (leafOfCol[c] >= 0) {
          value(row, unit, month, leafOfCol[c], c);
        }
      }
    }
  }

  private void value(TableRow row, int unit, int month, int leaf, int col) {
    String text = row.cell(col);
    double v = Parse.number(text);
    if (Double.isNaN(v) && !Parse.malformed(v)) {
      return; // blank: nothing reported
    }
    Node node = model.leaves().get(leaf);
    if (Parse.malformed(v) || Double.isInfinite(v)) {
      merge.report(
          file,
          Diagnostic.error("data.number", row.at(col), text, node.id()).withExcerpt(row.excerpt()));
      return;
    }
    LeafSpec spec = node.leaf();
    if (!spec.plausible(v)) {
      merge.report(
          file,
          Diagnostic.error(
                  "data.range",
                  row.at(col),
                  DataReader.fmt(v),
                  node.id(),
                  DataReader.fmt(spec.rangeMin()),
                  DataReader.fmt(spec.rangeMax()))
              .withExcerpt(row.excerpt()));
      return;
    }
    merge.put(month, leaf, unit, v, file, row, col);
  }

  private void readHeader(TableRow row) {
    if (sheet != null
        && (DataReader.NOTE_SHEETS.contains(sheet.strip().toLowerCase(java.util.Locale.ROOT))
            || row.cell(0).startsWith(DataReader.NOTES_MARKER))) {
      skip = true; // a template's notes: never data
      return;
    }
    String[] h = new String[row.size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = Headers.clean(row.cell(i));
    }
    unitCol = Headers.find(h, "unit");
    periodCol = Headers.find(h, "period");
    indicatorCol = Headers.find(h, "indicator");
    valueCol = Headers.find(h, "value");
    for (String key : List.of("unit", "period", "indicator", "value")) {
      int twice = Headers.second(h, key);
      if (twice >= 0) {
        // the second one would be ignored without a word
        merge.report(
            file,
            Diagnostic.error("data.header.twice", row.at(twice), h[twice], key)
                .withExcerpt(row.excerpt()));
        skip = true;
        return;
      }
    }
    leafOfCol = new int[h.length];
    Arrays.fill(leafOfCol, -1);
    int leaves = 0;
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < h.length; i++) {
      int leaf = model.leafIndex(h[i]);
      if (leaf >= 0) {
        leafOfCol[i] = leaf;
        leaves++;
      } else if (i != unitCol
          && i != periodCol
          && h[i].matches("[A-Za-z]+[0-9]+(\\.[0-9A-Za-z]+)+")) {
        unknown.add(i);
      }
    }
    boolean isLong = indicatorCol >= 0 && valueCol >= 0;
    if (unitCol < 0 || periodCol < 0 || (!isLong && leaves == 0)) {
      if (sheet != null && unitCol < 0 && periodCol < 0) {
        merge.diags.add(Diagnostic.warning("data.sheet.ignored", row.at(), sheet));
      } else {
        merge.report(
            file,
            Diagnostic.error("data.header", row.at(), String.join(",", h))
                .withExcerpt(row.excerpt()));
      }
      skip = true;
      return;
    }
    if (isLong) {
      Arrays.fill(leafOfCol, -1);
      return;
    }
    indicatorCol = -1;
    for (int i : unknown) {
      merge.report(
          file,
          Diagnostic.error(
                  "data.indicator.unknown",
                  row.at(i),
                  h[i],
                  String.join(", ", Suggest.siblings(h[i], leafIds(), 3)))
              .withExcerpt(row.excerpt()));
    }
  }

  private List<String> leafIds() {
    return model.leaves().stream().map(Node::id).toList();
  }
}
