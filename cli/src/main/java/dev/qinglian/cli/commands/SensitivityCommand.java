package dev.qinglian.cli.commands;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.OutputOptions;
import dev.qinglian.cli.options.PeriodOption;
import dev.qinglian.cli.options.WorkspaceParam;
import dev.qinglian.cli.render.Numbers;
import dev.qinglian.cli.render.OutputFile;
import dev.qinglian.cli.render.TextTable;
import dev.qinglian.method.Removal;
import dev.qinglian.method.Sensitivity;
import dev.qinglian.model.Band;
import dev.qinglian.model.Normalisation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qinglian sensitivity}: how robust ranks and colours are to the model's choices. */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description = {
      "Monte Carlo uncertainty and sensitivity of ranks and colours.",
      "",
      "Perturbs the weights (uniform ± --weight-share), the aggregation, the missing-data policy"
          + " and, with --normalisations, the normalisation; prints per unit the nominal and median"
          + " rank with its 5–95 %% interval and the probability of each colour (fragile units"
          + " marked), and a first-order sensitivity index per assumption. Seeded, on all cores."
    })
public final class SensitivityCommand implements Callable<Integer> {
  @Mixin WorkspaceParam workspace;
  @Mixin InputOptions inputs;
  @Mixin OutputOptions output;

  @Mixin PeriodOption periodOption;

  @Option(
      names = "--samples",
      defaultValue = "10000",
      paramLabel = "N",
      description = "Samples (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--weight-share",
      defaultValue = "0.2",
      paramLabel = "X",
      description = "Weights vary uniformly by ± this share (default: ${DEFAULT-VALUE}).")
  double share;

  @Option(names = "--no-aggregation", description = "Do not vary the aggregation.")
  boolean noAggregation;

  @Option(names = "--no-policy", description = "Do not vary the missing-data policy.")
  boolean noPolicy;

  @Option(
      names = "--normalisations",
      split = ",",
      paramLabel = "M",
      description = "Alternative normalisations to draw from: minmax, rank, zscore.")
  List<String> normalisations = new ArrayList<>();

  @Option(
      names = "--remove",
      paramLabel = "LEVEL",
      description =
          "Instead of sampling: leave out each node of LEVEL in turn (1: the dimensions, 2: the"
              + " level below…, or indicators) and show what each is worth: rank shifts, colour"
              + " changes, correlation with the full index.")
  String remove;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Common.Loaded l = Common.load(workspace, inputs, output.lang, spec.commandLine().getErr());
    YearMonth p = Common.month(l, periodOption.period, "--period", spec.commandLine().getErr());
    if (remove != null) {
      return remove(l, p);
    }
    List<Normalisation> norms = new ArrayList<>();
    for (String n : normalisations) {
      norms.add(
          switch (n.toLowerCase(Locale.ROOT)) {
            case "minmax" -> new Normalisation.MinMax();
            case "rank" -> new Normalisation.Rank();
            case "zscore" -> new Normalisation.ZScore(70, 10);
            default -> throw CliException.of(ExitCode.USAGE, "normalisations.invalid", n);
          });
    }
    if (samples < 1 || !(share >= 0 && share < 1)) {
      throw CliException.of(ExitCode.USAGE, "samples.invalid");
    }
    Sensitivity.Report r =
        Sensitivity.run(
            l.ws().data(),
            p,
            new Sensitivity.Options(samples, seed, share, !noAggregation, !noPolicy, norms));
    String lang = l.labels().lang();
    List<String> headers =
        new ArrayList<>(
            List.of(
                l.labels().get("unit"),
                l.labels().get("name"),
                l.labels().get("colour"),
                l.labels().get("sensitivity.rank"),
                l.labels().get("sensitivity.median"),
                "5–95 %"));
    List<Band> bands = l.ws().model().bands();
    bands.forEach(b -> headers.add("P(" + b.names().in(lang) + ")"));
    headers.add(l.labels().get("sensitivity.fragile"));
    boolean[] right = new boolean[headers.size()];
    for (int i = 3; i < right.length - 1; i++) {
      right[i] = true;
    }
    TextTable t = new TextTable(headers, right);
    boolean coloured = l.ws().model().coloured();
    if (!coloured) { // ranks only: no colour, no colour probability to be fragile about
      t.hide(2, headers.size() - 1);
    }
    for (Sensitivity.UnitUncertainty u : r.units()) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  u.unit().id(),
                  u.unit().name(),
                  u.nominalBand().names().in(lang),
                  u.nominalRank() == 0 ? "—" : Integer.toString(u.nominalRank()),
                  Numbers.fixed(u.medianRank(), 1, "—"),
                  u.rank5() + "–" + u.rank95()));
      for (Band b : bands) {
        row.add(Numbers.fixed(u.colours().getOrDefault(b.id(), 0.0), 3, "—"));
      }
      row.add(u.fragile() ? "*" : "");
      String[] colours = new String[headers.size()];
      colours[2] = u.nominalBand().colour();
      t.add(row.toArray(new String[0]), colours);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(l.labels().get("sensitivity.title", p, samples, seed)).append('\n');
    sb.append(t.render(Common.ansi(output)));
    sb.append(l.labels().get("sensitivity.first_order_sensitivity_indices_share"));
    for (Map.Entry<String, Double> e : r.firstOrder().entrySet()) {
      sb.append("  ")
          .append(dev.qinglian.cli.render.Text.padRight(assumption(e.getKey(), lang), 16))
          .append(String.format(Locale.ROOT, " %.3f", e.getValue()))
          .append('\n');
    }
    if (!noAggregation) {
      sb.append(l.labels().get("sensitivity.the_geometric_alternative_rescales_leaf"));
    }
    long fragile = r.units().stream().filter(Sensitivity.UnitUncertainty::fragile).count();
    if (coloured) {
      sb.append(l.labels().get("sensitivity.fragile_units", fragile)).append('\n');
    }
    OutputFile.write(
        sb.toString(), output.output, output.force, l.ws().inputs(), spec.commandLine().getOut());
    return ExitCode.OK;
  }

  /** An assumption of the first-order indices in words (core names them in English). */
  static String assumption(String key, String lang) {
    if (!lang.equals("zh")) {
      return key;
    }
    if (key.startsWith("weight ")) {
      return "权重 " + key.substring(7);
    }
    return switch (key) {
      case "aggregation" -> "聚合方式";
      case "missing policy" -> "缺失数据策略";
      case "normalisation" -> "标准化方法";
      default -> key;
    };
  }

  /** {@code --remove}: each element of a level left out in turn. */
  private int remove(Common.Loaded l, YearMonth p) {
    int level;
    if (remove.equalsIgnoreCase("indicators")) {
      level = 0;
    } else {
      try {
        level = Integer.parseInt(remove.strip());
      } catch (NumberFormatException e) {
        level = -1;
      }
    }
    if (level < 0) {
      throw CliException.of(ExitCode.USAGE, "remove.invalid", remove);
    }
    List<Removal.Element> elements;
    try {
      elements = Removal.run(l.ws().evaluate(p), level);
    } catch (IllegalArgumentException e) {
      throw CliException.of(ExitCode.USAGE, "remove.level", remove);
    }
    String lang = l.labels().lang();
    List<String> headers = l.labels().list("sensitivity.remove_columns");
    boolean[] right = {false, false, true, true, false, false, true, true};
    TextTable t = new TextTable(headers, right);
    if (!l.ws().model().coloured()) {
      t.hide(5); // no colours to change
    }
    for (Removal.Element e : elements) {
      List<String> names =
          e.colourChanged().stream().map(dev.qinglian.data.Unit::name).limit(3).toList();
      String changed =
          e.colourChanged().size()
              + (names.isEmpty() ? "" : " (" + String.join(l.labels().get("list.separator"), names))
              + (e.colourChanged().size() > 3 ? l.labels().get("list.more") : "")
              + (names.isEmpty() ? "" : ")");
      t.add(
          new String[] {
            e.node().id(),
            e.node().names().in(lang),
            Numbers.fixed(e.meanShift(), 2, "—"),
            Integer.toString(e.maxShift()),
            e.maxShiftUnit() == null ? "—" : e.maxShiftUnit().name(),
            changed,
            Numbers.fixed(e.pearson(), 3, "—"),
            Numbers.fixed(e.spearman(), 3, "—")
          },
          new String[headers.size()]);
    }
    String title = l.labels().get("sensitivity.what_each_element_is", p);
    OutputFile.write(
        title + t.render(Common.ansi(output)),
        output.output,
        output.force,
        l.ws().inputs(),
        spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
