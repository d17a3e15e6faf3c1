package dev.qinglian.cli.commands;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.OutputOptions;
import dev.qinglian.cli.options.RangeOptions;
import dev.qinglian.cli.options.WorkspaceParam;
import dev.qinglian.cli.render.Numbers;
import dev.qinglian.cli.render.OutputFile;
import dev.qinglian.cli.render.TextTable;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.method.Audit;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qinglian audit}: the statistical audit of the indicators. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audit the indicators statistically over a range of months.",
      "",
      "Per indicator: coverage, mean, sd, min, max, skewness, kurtosis, outliers (|skew| > 2 and"
          + " kurtosis > 3.5), zero variance. Per dimension: correlation of each indicator with the"
          + " dimension (negative ones flagged), near-duplicates (|r| > 0.92), Cronbach's alpha and"
          + " the variance share of the first principal component."
    })
public final class AuditCommand implements Callable<Integer> {
  @Mixin WorkspaceParam workspace;
  @Mixin InputOptions inputs;
  @Mixin OutputOptions output;

  @Mixin RangeOptions range;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Common.Loaded l = Common.load(workspace, inputs, output.lang, spec.commandLine().getErr());
    YearMonth end = Common.month(l, range.to, "--to", spec.commandLine().getErr());
    YearMonth start =
        range.from != null ? Common.period(range.from, "--from") : Common.first(l.ws());
    if (start.isAfter(end)) {
      throw CliException.of(ExitCode.USAGE, "range.reversed", start, end);
    }
    Audit.Report r = Audit.of(new Evaluator(l.ws().model()).evaluate(l.ws().data(), start, end));
    String lang = l.labels().lang();
    StringBuilder sb = new StringBuilder(l.labels().get("audit.title", start, end)).append('\n');
    TextTable t =
        new TextTable(
            List.of(
                l.labels().get("indicator"),
                l.labels().get("audit.coverage"),
                "n",
                l.labels().get("audit.mean"),
                l.labels().get("audit.sd"),
                l.labels().get("audit.min"),
                l.labels().get("audit.max"),
                l.labels().get("audit.skew"),
                l.labels().get("audit.kurt"),
                l.labels().get("audit.flags")),
            new boolean[] {false, true, true, true, true, true, true, true, true, false});
    for (Audit.LeafStats s : r.leaves()) {
      List<String> flags = new ArrayList<>();
      if (s.outlier()) {
        flags.add(l.labels().get("audit.outliers"));
      }
      if (s.zeroVariance()) {
        flags.add(l.labels().get("audit.zero_variance"));
      }
      t.add(
          new String[] {
            s.leaf().id() + " " + s.leaf().names().in(lang),
            Numbers.fixed(100 * s.coverage(), 1, "—") + "%",
            Long.toString(s.n()),
            Numbers.fixed(s.mean(), 2, "—"),
            Numbers.fixed(s.sd(), 2, "—"),
            Numbers.fixed(s.min(), 2, "—"),
            Numbers.fixed(s.max(), 2, "—"),
            Numbers.fixed(s.skewness(), 2, "—"),
            Numbers.fixed(s.kurtosis(), 2, "—"),
            String.join(", ", flags)
          },
          null);
    }
    sb.append(t.render(false)).append('\n');
    TextTable d =
        new TextTable(
            List.of(
                l.labels().get("audit.dimension"),
                l.labels().get("audit.rows"),
                "Cronbach α",
                l.labels().get("audit.pc_share"),
                l.labels().get("audit.negative_with_dimension"),
                l.labels().get("audit.near_duplicates")),
            new boolean[] {false, true, true, true, false, false});
    for (Audit.DimensionStats s : r.dimensions()) {
      List<String> neg = new ArrayList<>();
      double[] w = s.withDimension();
      for (int i = 0; i < w.length; i++) {
        if (w[i] < 0) {
          neg.add(s.leaves().get(i).id() + " " + Numbers.fixed(w[i], 2, ""));
        }
      }
      d.add(
          new String[] {
            s.dimension().id() + " " + s.dimension().names().in(lang),
            Integer.toString(s.rows()),
            Numbers.fixed(s.cronbachAlpha(), 3, "—"),
            Numbers.fixed(100 * s.firstComponentShare(), 1, "—") + "%",
            String.join("; ", neg),
            String.join("; ", s.duplicates())
          },
          null);
    }
    sb.append(d.render(false));
    for (Audit.DimensionStats s : r.dimensions()) {
      sb.append('\n')
          .append(
              l.labels()
                  .get("audit.correlations", s.dimension().id(), s.dimension().names().in(lang)));
      List<String> hs = new ArrayList<>();
      hs.add("");
      s.leaves().forEach(n -> hs.add(n.id()));
      boolean[] right = new boolean[hs.size()];
      java.util.Arrays.fill(right, true);
      right[0] = false;
      TextTable m = new TextTable(hs, right);
      double[][] pe = s.pearson();
      double[][] sp = s.spearman();
      for (int i = 0; i < s.leaves().size(); i++) {
        String[] row = new String[hs.size()];
        row[0] = s.leaves().get(i).id();
        for (int j = 0; j < s.leaves().size(); j++) {
          row[j + 1] = i == j ? "1" : Numbers.fixed(j > i ? pe[i][j] : sp[i][j], 2, "—");
        }
        m.add(row, null);
      }
      sb.append(m.render(false));
    }
    OutputFile.write(
        sb.toString(), output.output, output.force, l.ws().inputs(), spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
