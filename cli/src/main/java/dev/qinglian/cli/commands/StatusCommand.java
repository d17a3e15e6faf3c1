package dev.qinglian.cli.commands;

import dev.qinglian.Workspace;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.LangOption;
import dev.qinglian.cli.options.WorkspaceParam;
import dev.qinglian.cli.render.Numbers;
import dev.qinglian.cli.render.TextTable;
import dev.qinglian.data.DataReader;
import dev.qinglian.data.Dataset;
import dev.qinglian.data.ReadOptions;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qinglian status}: is the month complete? */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show, per source department, what has arrived for a month.",
      "",
      "Whether its file is there (a data file whose name starts with the department id), how many"
          + " of the values it owes that month are present, missing or invalid, and which units are"
          + " affected; the completeness of the month. Exit 0 when complete, 1 when not."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the month is complete",
      "1:values are missing or invalid",
      "2:wrong usage",
      "3:an input cannot be read"
    })
public final class StatusCommand implements Callable<Integer> {
  @Mixin WorkspaceParam workspace;
  @Mixin InputOptions inputs;

  @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The month.")
  String period;

  @Mixin LangOption langOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Common.Loaded l =
        Common.loadModelAndUnits(workspace, inputs, langOption.lang, spec.commandLine().getErr());
    Workspace ws = l.ws();
    IndicatorModel model = ws.model();
    YearMonth p = Common.period(period, "--period");
    List<Path> all = new ArrayList<>();
    List<Path> given = inputs.data.isEmpty() ? List.of(ws.root().resolve("data")) : inputs.data;
    for (Path g : given) {
      if (Files.exists(g)) {
        // an empty data folder: nothing has arrived
        all.addAll(Workspace.dataFiles(List.of(g)).value());
      }
    }
    TextTable t =
        new TextTable(
            l.labels().list("status.columns"),
            new boolean[] {false, false, true, true, true, true, false});
    long owedAll = 0;
    long presentAll = 0;
    long invalidAll = 0;
    Charset cs = inputs.encoding == null ? null : Charset.forName(inputs.encoding);
    for (String source : TemplateCommand.sources(model)) {
      List<Node> owed = TemplateCommand.owed(model, source, p);
      List<Path> files =
          all.stream()
              .filter(
                  f ->
                      f.getFileName()
                          .toString()
                          .toLowerCase(Locale.ROOT)
                          .startsWith(
                              dev.qinglian.cli.render.FileNames.safe(source)
                                  .toLowerCase(Locale.ROOT)))
              .toList();
      long owedN = (long) owed.size() * ws.units().size();
      long present = 0;
      long invalid = 0;
      List<String> affected = new ArrayList<>();
      if (!files.isEmpty()) {
        Loaded<Dataset> read =
            new DataReader(model, ws.units(), new ReadOptions(cs)).readPartial(files);
        invalid = read.diagnostics().stream().filter(Diagnostic::isError).count();
        Dataset d = read.value();
        for (int u = 0; u < ws.units().size(); u++) {
          boolean miss = false;
          for (Node n : owed) {
            if (d != null && !Double.isNaN(d.value(model.leafIndex(n.id()), u, p))) {
              present++;
            } else {
              miss = true;
            }
          }
          if (miss) {
            affected.add(ws.units().units().get(u).id());
          }
        }
      } else if (!owed.isEmpty()) {
        affected.add(l.labels().get("status.all"));
      }
      owedAll += owedN;
      presentAll += present;
      invalidAll += invalid;
      String units =
          affected.size() > 8
              ? String.join(", ", affected.subList(0, 8)) + " (+" + (affected.size() - 8) + ")"
              : String.join(", ", affected);
      t.add(
          new String[] {
            model.sourceName(source, l.labels().lang()),
            files.isEmpty()
                ? l.labels().get("status.missing")
                : String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()),
            Long.toString(owedN),
            Long.toString(present),
            Long.toString(owedN - present),
            Long.toString(invalid),
            units
          },
          null);
    }
    PrintWriter o = spec.commandLine().getOut();
    o.print(l.labels().get("status.title", p) + "\n" + t.render(false));
    double share = owedAll == 0 ? 1 : (double) presentAll / owedAll;
    boolean complete = presentAll == owedAll && invalidAll == 0;
    o.println(
        l.labels()
            .get(
                complete ? "status.complete" : "status.incomplete",
                Numbers.fixed(100 * share, 1, "—"),
                presentAll,
                owedAll));
    return complete ? ExitCode.OK : ExitCode.INPUT;
  }
}
