package dev.qinglian.cli.commands;

import dev.qinglian.Workspace;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.LangOption;
import dev.qinglian.cli.options.PeriodOption;
import dev.qinglian.cli.options.WorkspaceParam;
import dev.qinglian.cli.render.DiagnosticPrinter;
import dev.qinglian.cli.render.Labels;
import dev.qinglian.cli.workspace.WorkspaceLoader;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.eval.Gaps;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qinglian validate}: checks model, register and data; prints every problem. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check the model, the unit register and every data file.",
      "",
      "Prints every problem as file:line:column with the offending line and a hint."
          + " Warnings (values missing beyond their validity window, skipped sheets) do not"
          + " fail the check."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:clean (warnings allowed)",
      "1:errors in the input",
      "2:wrong usage",
      "3:an input cannot be read"
    })
public final class ValidateCommand implements Callable<Integer> {
  @Mixin WorkspaceParam workspace;
  @Mixin InputOptions inputs;

  @Mixin PeriodOption periodOption;

  @Mixin LangOption langOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    inputs.workspace = workspace.workspace;
    dev.qinglian.diag.Loaded<Workspace> loaded = WorkspaceLoader.load(inputs, true);
    Workspace ws = loaded.value();
    Labels labels = Common.labels(langOption.lang, ws);
    List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
    YearMonth month = null;
    if (ws != null && ws.data() != null) {
      month =
          periodOption.period != null
              ? Common.period(periodOption.period, "--period")
              : ws.data().latest().orElseThrow();
      all.addAll(Gaps.of(ws.data(), month));
    }
    new DiagnosticPrinter(labels).print(all, err);
    if (loaded.hasErrors()) {
      return ExitCode.INPUT;
    }
    List<YearMonth> periods = ws.data().periods();
    out.println(
        labels.get(
            "clean",
            ws.units().size(),
            ws.data().files().size(),
            periods.size(),
            periods.get(0),
            periods.get(periods.size() - 1)));
    return ExitCode.OK;
  }
}
