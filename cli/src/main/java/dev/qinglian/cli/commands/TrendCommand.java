package dev.qinglian.cli.commands;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.FormatOption;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.OutputOptions;
import dev.qinglian.cli.options.RangeOptions;
import dev.qinglian.cli.options.WorkspaceParam;
import dev.qinglian.cli.render.OutputFile;
import dev.qinglian.cli.render.TrendRenderer;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.monitor.Timeline;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qinglian trend}: units × months of the index or of one node's score. */
@Command(
    name = "trend",
    mixinStandardHelpOptions = true,
    description = {
      "Show how every unit moves over the months.",
      "",
      "A table of units × months with the index in coloured cells, the change over the range and"
          + " a sparkline, sorted by the latest index; --node shows one dimension's scores,"
          + " --unit one unit's full series by dimension with 环比 and 同比."
    })
public final class TrendCommand implements Callable<Integer> {
  @Mixin WorkspaceParam workspace;
  @Mixin InputOptions inputs;
  @Mixin OutputOptions output;
  @Mixin dev.qinglian.cli.options.BomOption bom;
  @Mixin FormatOption format;

  @Mixin RangeOptions range;

  @Option(
      names = "--node",
      paramLabel = "ID",
      description = "Show this node's scores (a dimension such as D5) instead of the index.")
  String node;

  @Option(names = "--unit", paramLabel = "ID", description = "Show one unit's series by dimension.")
  String unit;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    OutputOptions.Format f =
        unit != null
            ? format.resolve(output.output, "trend --unit", OutputOptions.Format.table)
            : format.resolve(output.output, "trend", OutputOptions.Format.values());
    Common.Loaded l = Common.load(workspace, inputs, output.lang, spec.commandLine().getErr());
    YearMonth end = Common.month(l, range.to, "--to", spec.commandLine().getErr());
    YearMonth first = Common.first(l.ws());
    YearMonth start =
        range.from != null ? Common.period(range.from, "--from") : end.minusMonths(11);
    if (range.from == null && start.isBefore(first)) {
      start = first;
    }
    if (start.isAfter(end)) {
      throw CliException.of(ExitCode.USAGE, "range.reversed", start, end);
    }
    if (node != null && l.ws().model().node(node).isEmpty()) {
      throw CliException.of(
          ExitCode.USAGE,
          "node.unknown",
          node,
          String.join(", ", l.ws().model().dimensions().stream().map(n -> n.id()).toList()));
    }
    if (unit != null) {
      unit = Common.unit(l, unit, spec.commandLine().getErr());
    }
    // the unit view shows 同比: evaluate up to a year more, as far as there is data
    YearMonth evalFrom = unit == null ? start : start.minusMonths(12);
    if (evalFrom.isBefore(first)) {
      evalFrom = first.isAfter(start) ? start : first;
    }
    // the index and inner nodes are all a trend shows: months kept without leaf detail, unless
    // a leaf's own scores were asked for
    boolean leaf = node != null && l.ws().model().leafIndex(node) >= 0;
    Evaluator evaluator = new Evaluator(l.ws().model());
    Timeline timeline =
        leaf
            ? Timeline.of(evaluator, l.ws().data(), evalFrom, end)
            : Timeline.summary(evaluator, l.ws().data(), evalFrom, end);
    TrendRenderer r = new TrendRenderer(l.ws(), timeline, l.labels(), node);
    boolean ansi = Common.ansi(output);
    if (unit != null) {
      OutputFile.write(
          r.unitTable(unit, start, ansi),
          output.output,
          output.force,
          l.ws().inputs(),
          spec.commandLine().getOut());
      return ExitCode.OK;
    }
    if (f == OutputOptions.Format.xlsx) {
      OutputFile.writeBytes(r.xlsx(), output.output, output.force, l.ws().inputs());
      return ExitCode.OK;
    }
    OutputFile.write(
        switch (f) {
          case table -> r.tableContent(ansi);
          case csv -> OutputFile.withBom(r.csvContent(), bom.bom);
          case json -> r.jsonContent();
          case markdown -> r.markdownContent();
          case xlsx -> throw new IllegalStateException("written above");
        },
        output.output,
        output.force,
        l.ws().inputs(),
        spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
