package dev.qinglian.eval;

import dev.qinglian.data.Dataset;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Location;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Warnings about values missing in a month beyond their validity window: a quarterly indicator
 * whose last report is more than three months old, a monthly one not reported this month. One
 * warning per indicator, naming up to five units; they do not stop an evaluation (the missing-data
 * policy applies).
 *
 * <p>The class is stateless and thread-safe.
 */
public final class Gaps {
  /** Units named per warning; the rest are counted. */
  public static final int UNITS_LISTED = 5;

  private Gaps() {}

  /** The gaps of {@code period}, in model order of the indicators. */
  public static List<Diagnostic> of(Dataset data, YearMonth period) {
    IndicatorModel model = data.model();
    List<Diagnostic> out = new ArrayList<>();
    int units = data.units().size();
    double[] col = new double[units];
    for (int l = 0; l < model.leaves().size(); l++) {
      Node leaf = model.leaves().get(l);
      int window = leaf.leaf().frequency().validMonths();
      boolean[] valid = new boolean[units];
      for (int k = 0; k < window; k++) {
        data.copyColumn(period.minusMonths(k), l, col);
        for (int u = 0; u < units; u++) {
          valid[u] |= !Double.isNaN(col[u]);
        }
      }
      List<String> named = new ArrayList<>();
      int count = 0;
      for (int u = 0; u < units; u++) {
        if (!valid[u]) {
          count++;
          if (named.size() < UNITS_LISTED) {
            named.add(data.units().units().get(u).id());
          }
        }
      }
      if (count > 0) {
        String more = count > named.size() ? " (+" + (count - named.size()) + ")" : "";
        out.add(
            Diagnostic.warning(
                    "data.gap",
                    Location.of(sourceFile(data, leaf.leaf().source())),
                    leaf.id(),
                    leaf.leaf().frequency(),
                    period,
                    count,
                    String.join(", ", named) + more)
                .withModelPath(leaf.id()));
      }
    }
    return out;
  }

  private static String sourceFile(Dataset data, String source) {
    if (!source.isEmpty()) {
      for (String f : data.files()) {
        if (Path.of(f).getFileName().toString().startsWith(source)) {
          return f;
        }
      }
    }
    return source.isEmpty() ? "data" : source;
  }
}
