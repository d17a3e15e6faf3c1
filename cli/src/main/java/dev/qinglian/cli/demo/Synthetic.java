package dev.qinglian.cli.demo;

import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.LeafSpec;
import dev.qinglian.model.Node;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic synthetic workspace of any size for the default model: a unit register and the
 * data of {@code months} months ending {@code end}, in one long file, one wide file or one long
 * file per source department. Units have a latent health drawn once (most units healthy, a tail of
 * weak ones) that drifts slowly month to month; quarterly, half-yearly and yearly indicators appear
 * only in their reporting months; about 2 % of values are missing. Files are streamed, so a million
 * units need little memory.
 */
public final class Synthetic {
  /** File layouts. */
  public enum Layout {
    /** {@code data/data.csv}: unit,period,indicator,value. */
    LONG,
    /** {@code data/data.csv}: unit,period and one column per indicator. */
    WIDE,
    /** {@code data/SOURCE.csv}: the long layout, one file per source department. */
    DEPARTMENTS
  }

  private final IndicatorModel model;
  private final Random random;
  private final Figures figures;

  /** A generator for a model (leaves need goalposts) with a seed. */
  public Synthetic(IndicatorModel model, long seed) {
    this.model = model;
    this.random = new Random(seed);
    this.figures = new Figures(random);
  }

  /** Writes {@code units.csv} and {@code data/} for {@code units} units into {@code dir}. */
  public void write(Path dir, int units, int months, YearMonth end, Layout layout)
      throws IOException {
    Files.createDirectories(dir.resolve("data"));
    int width = Math.max(4, Integer.toString(units).length());
    String[] ids = new String[units];
    double[] staff = new double[units];
    double[] served = new double[units];
    double[] base = new double[units];
    double[] phase = new double[units];
    String[] types = {"department", "township", "village"};
    try (OutputStream reg =
        new BufferedOutputStream(Files.newOutputStream(dir.resolve("units.csv")), 1 << 16)) {
      reg.write("id,name,type,parent,staff,served\n".getBytes(StandardCharsets.UTF_8));
      for (int u = 0; u < units; u++) {
        ids[u] = "U" + String.format(Locale.ROOT, "%0" + width + "d", u + 1);
        int type = random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 6 ? 1 : 2;
        staff[u] = 20 + random.nextInt(181);
        served[u] = 5000 + 1000 * random.nextInt(56);
        base[u] = 0.97 - 0.30 * Math.pow(random.nextDouble(), 3);
        phase[u] = random.nextDouble() * 2 * Math.PI;
        String line =
            ids[u]
                + ",单位"
                + (u + 1)
                + ","
                + types[type]
                + ",,"
                + (int) staff[u]
                + ","
                + (int) served[u]
                + "\n";
        reg.write(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    List<Node> leaves = model.leaves();
    Map<String, OutputStream> outs = new LinkedHashMap<>();
    List<OutputStream> leafOut = new ArrayList<>();
    try {
      for (Node leaf : leaves) {
        String file = layout == Layout.DEPARTMENTS ? leaf.leaf().source() + ".csv" : "data.csv";
        OutputStream o = outs.get(file);
        if (o == null) {
          o =
              new BufferedOutputStream(
                  Files.newOutputStream(dir.resolve("data").resolve(file)), 1 << 20);
          outs.put(file, o);
          if (layout == Layout.WIDE) {
            StringBuilder h = new StringBuilder("unit,period");
            leaves.forEach(l -> h.append(',').append(l.id()));
            o.write((h + "\n").getBytes(StandardCharsets.UTF_8));
          } else {
            o.write("unit,period,indicator,value\n".getBytes(StandardCharsets.UTF_8));
          }
        }
        leafOut.add(o);
      }
      byte[][] leafIds = new byte[leaves.size()][];
      for (int l = 0; l < leaves.size(); l++) {
        leafIds[l] = leaves.get(l).id().getBytes(StandardCharsets.US_ASCII);
      }
      YearMonth first = end.minusMonths(months - 1L);
      StringBuilder sb = new StringBuilder(512);
      for (int t = 0; t < months; t++) {
        YearMonth p = first.plusMonths(t);
        byte[] period = p.toString().getBytes(StandardCharsets.US_ASCII);
        for (int u = 0; u < units; u++) {
          double h =
              Math.min(
                  1, base[u] + 0.03 * Math.sin(t / 4.0 + phase[u]) + 0.01 * random.nextGaussian());
          byte[] unit = ids[u].getBytes(StandardCharsets.US_ASCII);
          if (layout == Layout.WIDE) {
            sb.setLength(0);
            boolean any = false;
            for (int l = 0; l < leaves.size(); l++) {
              sb.append(',');
              double v = value(leaves.get(l).leaf(), p, t, staff[u], served[u], h);
              if (!Double.isNaN(v)) {
                any = true;
                appendNumber(sb, v);
              }
            }
            if (any) {
              OutputStream o = leafOut.get(0);
              o.write(unit);
              o.write(',');
              o.write(period);
              o.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
              o.write('\n');
            }
            continue;
          }
          for (int l = 0; l < leaves.size(); l++) {
            double v = value(leaves.get(l).leaf(), p, t, staff[u], served[u], h);
            if (Double.isNaN(v)) {
              continue;
            }
            OutputStream o = leafOut.get(l);
            o.write(unit);
            o.write(',');
            o.write(period);
            o.write(',');
            o.write(leafIds[l]);
            o.write(',');
            sb.setLength(0);
            appendNumber(sb, v);
            o.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            o.write('\n');
          }
        }
      }
    } finally {
      for (OutputStream o : outs.values()) {
        o.close();
      }
    }
  }

  private double value(LeafSpec spec, YearMonth p, int t, double staff, double served, double h) {
    if (!Figures.reports(spec.frequency(), p)) {
      return Double.NaN;
    }
    double v = figures.draw(spec, staff, served, h);
    return random.nextInt(50) == 0 ? Double.NaN : v; // ~2 % gaps
  }

  private static void appendNumber(StringBuilder sb, double v) {
    long tenths = Math.round(v * 10);
    sb.append(tenths / 10);
    if (tenths % 10 != 0) {
      sb.append('.').append(Math.abs(tenths % 10));
    }
  }
}
