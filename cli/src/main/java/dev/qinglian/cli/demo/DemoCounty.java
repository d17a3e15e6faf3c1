package dev.qinglian.cli.demo;

import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the demo county (示例县): 40 departments and 14 townships, all fictional, with 24 months of
 * data ending 2026-10 in the seven source departments' files, as they arrive in practice:
 *
 * <ul>
 *   <li>{@code party-office.csv}: UTF-8, long layout, with a note column;
 *   <li>{@code gov-office.xlsx}: Excel, long layout;
 *   <li>{@code discipline.csv}: UTF-8 with byte-order mark, long layout;
 *   <li>{@code organisation.xlsx}: Excel, wide layout, with a notes sheet;
 *   <li>{@code propaganda.csv}: GBK (GB18030), wide layout, Chinese headers;
 *   <li>{@code supervision.csv}: UTF-8, wide layout, rates written as {@code 95.5%};
 *   <li>{@code petitions.csv}: UTF-8, long layout, Chinese headers.
 * </ul>
 *
 * <p>Each unit has a latent "health" per month (0–1) from which its figures are drawn; the stories
 * below are written into it. Quarterly, half-yearly and yearly indicators appear only in their
 * reporting months (and all of them in the first month, the baseline collection); about 1 % of
 * values are missing. The same seed gives the same data.
 *
 * <ul>
 *   <li>Z07 青山镇 collapses in summer 2026 and has a referral to judicial organs in 2026-08: red;
 *   <li>B12, B27 and Z03 slide to yellow and orange over several months;
 *   <li>B05, B18, Z10 and B33 go yellow or orange and return to green after rectification (复绿);
 *   <li>B21 reports a promotion of a cadre with known problems in 2026-10: capped at yellow;
 *   <li>B40's organisation figures for 2026-10 did not arrive.
 * </ul>
 */
public final class DemoCounty {
  /** The first month of data. */
  public static final YearMonth FIRST = YearMonth.of(2024, 11);

  /** Number of months. */
  public static final int MONTHS = 24;

  private static final String[] DEPARTMENTS = {
    "县委办公室",
    "县政府办公室",
    "县委组织部",
    "县委宣传部",
    "县委统战部",
    "县委政法委",
    "县发展和改革局",
    "县教育局",
    "县科学技术局",
    "县经济和信息化局",
    "县公安局",
    "县民政局",
    "县司法局",
    "县财政局",
    "县人力资源和社会保障局",
    "县自然资源和规划局",
    "县生态环境分局",
    "县住房和城乡建设局",
    "县交通运输局",
    "县水利局",
    "县农业农村局",
    "县商务局",
    "县文化和广电旅游体育局",
    "县卫生健康局",
    "县退役军人事务局",
    "县应急管理局",
    "县审计局",
    "县市场监督管理局",
    "县统计局",
    "县医疗保障局",
    "县林业局",
    "县综合行政执法局",
    "县信访局",
    "县行政服务中心",
    "县机关事务服务中心",
    "县国有资产服务中心",
    "县供销合作社",
    "县总工会",
    "团县委",
    "县妇女联合会"
  };
  private static final String[] TOWNSHIPS = {
    "白石镇", "清溪乡", "柳塘镇", "石门乡", "云岭镇", "桃源乡", "青山镇", "金湖镇", "梅岗乡", "松林镇", "龙潭乡", "竹园镇", "凤鸣乡", "双河镇"
  };

  private final IndicatorModel model;
  private final Random random;
  private final Figures figures;

  /** A generator for the default model with a seed. */
  public DemoCounty(IndicatorModel model, long seed) {
    this.model = model;
    this.random = new Random(seed);
    this.figures = new Figures(random);
  }

  /** One unit of the demo register. */
  record DemoUnit(String id, String name, String type, int staff, int served) {}

  /** The letterhead of the demo county's warning notices (README, Warning notices). */
  static final String SETTINGS =
      """
      # 预警通知书的发文机关与格式（README“预警通知书”）
      notice:
        authority: 中共示例县纪律检查委员会 示例县监察委员会   # 发文机关
        mark: 中共示例县纪委 示例县监委                         # 发文机关标志（红色版头）
        number-prefix: 示纪预                                   # 发文字号：示纪预〔2026〕1号
        county: 示例县
        signature: 中共示例县纪委 示例县监委                    # 署名
        report-to: 县纪委监委                                   # 整改情况报送
        deadline-days: 30                                       # 整改期限：成文日期后 30 天
      """;

  /**
   * Adds units {@code PREFIX01}… named {@code names}: staff {@code staff + [0, staffSpan)}, people
   * served {@code people + 1000 × [0, peopleSpan)}, drawn in that order unit by unit.
   */
  private void addUnits(
      List<DemoUnit> units,
      String prefix,
      String[] names,
      String type,
      int staff,
      int staffSpan,
      int people,
      int peopleSpan) {
    for (int i = 0; i < names.length; i++) {
      units.add(
          new DemoUnit(
              String.format(Locale.ROOT, "%s%02d", prefix, i + 1),
              names[i],
              type,
              staff + random.nextInt(staffSpan),
              people + 1000 * random.nextInt(peopleSpan)));
    }
  }

  /** Writes {@code units.csv}, {@code data/}, the map and the notice settings into {@code dir}. */
  public void write(Path dir) throws IOException {
    List<DemoUnit> units = new ArrayList<>();
    // staff 25-180 and 20,000-120,000 people served; townships 60-160 and 12,000-45,000
    addUnits(units, "B", DEPARTMENTS, "department", 25, 156, 20000, 101);
    addUnits(units, "Z", TOWNSHIPS, "township", 60, 101, 12000, 34);
    double[] base = new double[units.size()];
    for (int u = 0; u < base.length; u++) {
      base[u] = 0.91 + 0.06 * random.nextDouble();
    }
    List<Node> leaves = model.leaves();
    // values[leaf][unit][month], NaN when not reported
    double[][][] values = new double[leaves.size()][units.size()][MONTHS];
    for (int t = 0; t < MONTHS; t++) {
      YearMonth p = FIRST.plusMonths(t);
      for (int u = 0; u < units.size(); u++) {
        DemoUnit unit = units.get(u);
        double h = health(unit.id(), base[u], t) + 0.01 * random.nextGaussian();
        for (int l = 0; l < leaves.size(); l++) {
          Node leaf = leaves.get(l);
          // the first month is the baseline collection: every indicator is reported once
          double v =
              t == 0 || Figures.reports(leaf.leaf().frequency(), p)
                  ? draw(leaf, unit, h)
                  : Double.NaN;
          if (random.nextDouble() < 0.01) {
            v = Double.NaN; // a gap
          }
          values[l][u][t] = story(leaf.id(), unit.id(), t, v);
        }
      }
    }
    for (int u = 0; u < units.size(); u++) {
      if (units.get(u).id().equals("B40")) {
        for (int l = 0; l < leaves.size(); l++) {
          if (leaves.get(l).leaf().source().equals("organisation")) {
            values[l][u][MONTHS - 1] = Double.NaN;
          }
        }
      }
    }
    Files.createDirectories(dir.resolve("data"));
    StringBuilder reg = new StringBuilder("id,name,type,parent,staff,served\n");
    for (DemoUnit u : units) {
      reg.append(u.id())
          .append(',')
          .append(u.name())
          .append(',')
          .append(u.type())
          .append(",,")
          .append(u.staff())
          .append(',')
          .append(u.served())
          .append('\n');
    }
    Files.writeString(dir.resolve("units.csv"), reg.toString(), StandardCharsets.UTF_8);
    writeLongCsv(
        dir.resolve("data/party-office.csv"),
        "party-office",
        units,
        values,
        "unit,period,indicator,value,note",
        StandardCharsets.UTF_8,
        false,
        true);
    writeLongXlsx(dir.resolve("data/gov-office.xlsx"), "gov-office", units, values);
    writeLongCsv(
        dir.resolve("data/discipline.csv"),
        "discipline",
        units,
        values,
        "unit,period,indicator,value",
        StandardCharsets.UTF_8,
        true,
        false);
    writeWideXlsx(dir.resolve("data/organisation.xlsx"), "organisation", units, values);
    writeWideCsv(
        dir.resolve("data/propaganda.csv"),
        "propaganda",
        units,
        values,
        "单位,月份",
        Charset.forName("GB18030"),
        false);
    writeWideCsv(
        dir.resolve("data/supervision.csv"),
        "supervision",
        units,
        values,
        "unit,period",
        StandardCharsets.UTF_8,
        true);
    writeLongCsv(
        dir.resolve("data/petitions.csv"),
        "petitions",
        units,
        values,
        "单位,月份,指标,数值,备注",
        StandardCharsets.UTF_8,
        false,
        true);
    Files.writeString(dir.resolve("map.geojson"), geojson(units), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("settings.yaml"), SETTINGS, StandardCharsets.UTF_8);
  }

  /**
   * A fictional map: the townships as irregular cells of a 5 × 3 grid (a separate generator, so the
   * data do not depend on it); departments have no territory and no geometry.
   */
  static String geojson(List<DemoUnit> units) {
    Random r = new Random(7);
    int cols = 5;
    int rows = 3;
    double[][] lon = new double[rows + 1][cols + 1];
    double[][] lat = new double[rows + 1][cols + 1];
    for (int i = 0; i <= rows; i++) {
      for (int j = 0; j <= cols; j++) {
        boolean edge = i == 0 || j == 0 || i == rows || j == cols;
        double jitter = edge ? 0.004 : 0.018;
        lon[i][j] = 118.30 + 0.09 * j + jitter * (2 * r.nextDouble() - 1);
        lat[i][j] = 28.95 - 0.07 * i + jitter * (2 * r.nextDouble() - 1);
      }
    }
    StringBuilder sb =
        new StringBuilder(
            "{\"type\": \"FeatureCollection\",\n \"name\": \"示例县（虚构）\",\n \"features\": [\n");
    int k = 0;
    for (DemoUnit u : units) {
      if (!u.type().equals("township")) {
        continue;
      }
      int i = k / cols;
      int j = k % cols;
      k++;
      double[][] ring = {
        {lon[i][j], lat[i][j]},
        {lon[i][j + 1], lat[i][j + 1]},
        {lon[i + 1][j + 1], lat[i + 1][j + 1]},
        {lon[i + 1][j], lat[i + 1][j]},
        {lon[i][j], lat[i][j]}
      };
      sb.append(k > 1 ? ",\n" : "")
          .append("  {\"type\": \"Feature\", \"properties\": {\"unit\": \"")
          .append(u.id())
          .append("\", \"name\": \"")
          .append(u.name())
          .append("\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[");
      for (int p = 0; p < ring.length; p++) {
        sb.append(p > 0 ? ", " : "")
            .append(String.format(Locale.ROOT, "[%.4f, %.4f]", ring[p][0], ring[p][1]));
      }
      sb.append("]]}}");
    }
    return sb.append("\n]}\n").toString();
  }

  /** The latent health of a unit in month t (0 = 2024-11), with the stories written in. */
  static double health(String id, double base, int t) {
    return switch (id) {
      case "Z07" -> t <= 18 ? base : new double[] {0.84, 0.70, 0.40, 0.42, 0.46}[t - 19];
      case "B12" -> t < 17 ? base : base - (base - 0.72) * Math.min(1, (t - 16) / 7.0);
      case "B27" -> t < 13 ? base : base - (base - 0.67) * Math.min(1, (t - 12) / 7.0);
      case "Z03" -> t < 19 ? base : 0.75;
      case "B05" -> t >= 6 && t <= 10 ? 0.64 : t == 11 ? 0.82 : base;
      case "B18" -> t >= 9 && t <= 14 ? 0.78 : base;
      case "Z10" -> t >= 12 && t <= 17 ? 0.66 : t == 18 ? 0.84 : base;
      case "B33" -> t >= 17 && t <= 20 ? 0.78 : base;
      default -> base;
    };
  }

  /** Figures fixed by the stories: referrals and problem promotions only where told. */
  static double story(String leaf, String unit, int t, double v) {
    if (leaf.equals("D5.1.3")) {
      return Double.isNaN(v) ? v : (unit.equals("Z07") && t == 21 ? 1 : 0);
    }
    if (leaf.equals("D3.1.2")) {
      return Double.isNaN(v) ? v : (unit.equals("B21") && t == MONTHS - 1 ? 1 : 0);
    }
    return v;
  }

  /** A raw figure for a leaf given the unit's health h. */
  private double draw(Node leaf, DemoUnit unit, double h) {
    return figures.draw(leaf.leaf(), unit.staff(), unit.served(), h);
  }

  private List<Integer> leavesOf(String source) {
    List<Integer> out = new ArrayList<>();
    for (int l = 0; l < model.leaves().size(); l++) {
      if (model.leaves().get(l).leaf().source().equals(source)) {
        out.add(l);
      }
    }
    return out;
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private void writeLongCsv(
      Path file,
      String source,
      List<DemoUnit> units,
      double[][][] values,
      String header,
      Charset cs,
      boolean bom,
      boolean notes)
      throws IOException {
    StringBuilder sb = new StringBuilder(header).append('\n');
    for (int t = 0; t < MONTHS; t++) {
      for (int u = 0; u < units.size(); u++) {
        for (int l : leavesOf(source)) {
          double v = values[l][u][t];
          if (!Double.isNaN(v)) {
            sb.append(units.get(u).id())
                .append(',')
                .append(FIRST.plusMonths(t))
                .append(',')
                .append(model.leaves().get(l).id())
                .append(',')
                .append(num(v));
            if (notes) {
              sb.append(',')
                  .append(
                      v > 0 && model.leaves().get(l).leaf().unit().equals("count") ? "已核实" : "");
            }
            sb.append('\n');
          }
        }
      }
    }
    write(file, sb.toString(), cs, bom);
  }

  private void writeWideCsv(
      Path file,
      String source,
      List<DemoUnit> units,
      double[][][] values,
      String header,
      Charset cs,
      boolean percent)
      throws IOException {
    List<Integer> ls = leavesOf(source);
    StringBuilder sb = new StringBuilder(header);
    ls.forEach(l -> sb.append(',').append(model.leaves().get(l).id()));
    sb.append('\n');
    for (int t = 0; t < MONTHS; t++) {
      for (int u = 0; u < units.size(); u++) {
        StringBuilder row = new StringBuilder();
        boolean any = false;
        for (int l : ls) {
          double v = values[l][u][t];
          row.append(',');
          if (!Double.isNaN(v)) {
            any = true;
            boolean pct = percent && model.leaves().get(l).leaf().unit().equals("%");
            row.append(num(v)).append(pct ? "%" : "");
          }
        }
        if (any) {
          sb.append(units.get(u).id())
              .append(',')
              .append(FIRST.plusMonths(t))
              .append(row)
              .append('\n');
        }
      }
    }
    write(file, sb.toString(), cs, false);
  }

  private void writeLongXlsx(Path file, String source, List<DemoUnit> units, double[][][] values)
      throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    {
      Workbook wb = new Workbook(out, "qinglian", "1.0");
      Worksheet ws = wb.newWorksheet("数据");
      String[] h = {"unit", "period", "indicator", "value"};
      for (int i = 0; i < h.length; i++) {
        ws.value(0, i, h[i]);
      }
      int r = 1;
      for (int t = 0; t < MONTHS; t++) {
        for (int u = 0; u < units.size(); u++) {
          for (int l : leavesOf(source)) {
            double v = values[l][u][t];
            if (!Double.isNaN(v)) {
              ws.value(r, 0, units.get(u).id());
              ws.value(r, 1, FIRST.plusMonths(t).toString());
              ws.value(r, 2, model.leaves().get(l).id());
              ws.value(r, 3, v);
              r++;
            }
          }
        }
      }
      wb.finish();
    }
    Files.write(file, Xlsx.withoutTimestamp(out.toByteArray()));
  }

  private void writeWideXlsx(Path file, String source, List<DemoUnit> units, double[][][] values)
      throws IOException {
    List<Integer> ls = leavesOf(source);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    {
      Workbook wb = new Workbook(out, "qinglian", "1.0");
      Worksheet notes = wb.newWorksheet("说明");
      notes.value(0, 0, "组织部月度报送表（示例县，虚构数据）");
      int r = 1;
      for (int l : ls) {
        Node n = model.leaves().get(l);
        notes.value(r, 0, n.id());
        notes.value(r, 1, n.names().zh());
        notes.value(r, 2, n.leaf().unit());
        r++;
      }
      Worksheet ws = wb.newWorksheet("数据");
      ws.value(0, 0, "单位");
      ws.value(0, 1, "月份");
      for (int i = 0; i < ls.size(); i++) {
        ws.value(0, 2 + i, model.leaves().get(ls.get(i)).id());
      }
      r = 1;
      for (int t = 0; t < MONTHS; t++) {
        for (int u = 0; u < units.size(); u++) {
          boolean any = false;
          for (int l : ls) {
            any |= !Double.isNaN(values[l][u][t]);
          }
          if (!any) {
            continue;
          }
          ws.value(r, 0, units.get(u).id());
          ws.value(r, 1, FIRST.plusMonths(t).toString());
          for (int i = 0; i < ls.size(); i++) {
            double v = values[ls.get(i)][u][t];
            if (!Double.isNaN(v)) {
              ws.value(r, 2 + i, v);
            }
          }
          r++;
        }
      }
      wb.finish();
    }
    Files.write(file, Xlsx.withoutTimestamp(out.toByteArray()));
  }

  private static void write(Path file, String text, Charset cs, boolean bom) throws IOException {
    byte[] body = text.getBytes(cs);
    try (OutputStream out = Files.newOutputStream(file)) {
      if (bom) {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      out.write(body);
    }
  }
}
