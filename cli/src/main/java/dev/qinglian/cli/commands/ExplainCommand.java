package dev.qinglian.cli.commands;

import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.OutputOptions;
import dev.qinglian.cli.options.PeriodOption;
import dev.qinglian.cli.render.MonitorRenderer;
import dev.qinglian.cli.render.OutputFile;
import dev.qinglian.eval.PeriodResult;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qinglian explain UNIT}: why a unit has its score and colour, and what moved it. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain a unit's index and colour in a month.",
      "",
      "The tree from the index to the indicators with score, effective weight, points"
          + " contributed and lost, raw value and flags; then what moved the index since the"
          + " previous month, biggest movers first (they sum to the change)."
    })
public final class ExplainCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "UNIT", descriptionKey = "unit", description = "Unit id.")
  String unit;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "WORKSPACE",
      descriptionKey = "workspace",
      description = "Workspace folder (default: current folder).")
  Path workspace;

  @Mixin InputOptions inputs;
  @Mixin OutputOptions output;

  @Mixin PeriodOption periodOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    inputs.workspace = workspace;
    Common.Loaded l = Common.load(null, inputs, output.lang, spec.commandLine().getErr());
    unit = Common.unit(l, unit, spec.commandLine().getErr());
    YearMonth p = Common.month(l, periodOption.period, "--period", spec.commandLine().getErr());
    PeriodResult[] both = Common.evaluateWithPrevious(l.ws(), p, true);
    PeriodResult now = both[0];
    PeriodResult before = both[1];
    String text = new MonitorRenderer(l.labels()).explain(now, unit, before);
    OutputFile.write(
        text, output.output, output.force, l.ws().inputs(), spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
