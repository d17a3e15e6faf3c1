package dev.qinglian.cli.commands;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.OutputOptions;
import dev.qinglian.cli.options.PeriodOption;
import dev.qinglian.cli.options.WorkspaceParam;
import dev.qinglian.cli.render.MonitorRenderer;
import dev.qinglian.cli.render.OutputFile;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.monitor.Timeline;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qinglian changes}: the colour transitions of a month. */
@Command(
    name = "changes",
    mixinStandardHelpOptions = true,
    description = {
      "Show the colour changes of a month.",
      "",
      "Units newly warned (left green), worsened, improved and returned to green (复绿), the"
          + " count per colour against the previous month, and how long each non-green unit has"
          + " been in its colour."
    })
public final class ChangesCommand implements Callable<Integer> {
  @Mixin WorkspaceParam workspace;
  @Mixin InputOptions inputs;
  @Mixin OutputOptions output;

  @Mixin PeriodOption periodOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Common.Loaded l = Common.load(workspace, inputs, output.lang, spec.commandLine().getErr());
    Common.requireBands(l, "changes");
    YearMonth p = Common.month(l, periodOption.period, "--period", spec.commandLine().getErr());
    YearMonth first = Common.first(l.ws());
    if (!p.isAfter(first)) {
      throw CliException.of(ExitCode.INPUT, "changes.first", p);
    }
    // every month for the colour streaks; leaf detail for the two months compared
    Timeline t = Timeline.summary(new Evaluator(l.ws().model()), l.ws().data(), first, p, 2);
    String text = new MonitorRenderer(l.labels()).changes(t);
    OutputFile.write(
        text, output.output, output.force, l.ws().inputs(), spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
