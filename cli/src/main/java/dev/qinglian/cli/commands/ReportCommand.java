package dev.qinglian.cli.commands;

import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.LangOption;
import dev.qinglian.cli.options.PeriodOption;
import dev.qinglian.cli.options.WorkspaceParam;
import dev.qinglian.cli.render.MapShapes;
import dev.qinglian.cli.render.OutputFile;
import dev.qinglian.cli.render.ReportRenderer;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.monitor.Timeline;
import dev.qinglian.monitor.Warning;
import dev.qinglian.monitor.WarningRegister;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qinglian report}: the monthly report as one self-contained HTML file. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the monthly report (一图一表一指数) as one self-contained HTML file.",
      "",
      "Headline figures, the map of the units in their colours (WORKSPACE/map.geojson; units"
          + " without territory as tiles), the sortable ranking, per unit the trend over the colour"
          + " bands and the dimension bars, and the open warnings. Opens offline anywhere."
    })
public final class ReportCommand implements Callable<Integer> {
  @Mixin WorkspaceParam workspace;
  @Mixin InputOptions inputs;

  @Mixin PeriodOption periodOption;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.html",
      description = "The report to write.")
  Path out;

  @Option(
      names = "--map",
      paramLabel = "FILE",
      description = "GeoJSON of the units (default: WORKSPACE/map.geojson).")
  Path map;

  @Option(
      names = "--months",
      defaultValue = "12",
      paramLabel = "N",
      description = "Months of trend (default: ${DEFAULT-VALUE}).")
  int months;

  @Mixin LangOption langOption;

  @Option(
      names = "--cards",
      defaultValue = "500",
      paramLabel = "N",
      description =
          "Unit cards (trend and dimensions) for at most N units, the last in the ranking"
              + " (default: ${DEFAULT-VALUE}; the ranking table always lists every unit).")
  int cards;

  @Option(names = "--force", description = "Replace an existing report.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() throws IOException {
    Common.Loaded l = Common.load(workspace, inputs, langOption.lang, spec.commandLine().getErr());
    Common.requireBands(l, "report");
    YearMonth p = Common.month(l, periodOption.period, "--period", spec.commandLine().getErr());
    YearMonth first = Common.first(l.ws());
    YearMonth start = p.minusMonths(Math.max(1, months) - 1L);
    if (start.isBefore(first)) {
      start = first;
    }
    // trends need the index and dimensions of every month; leaf detail only the last two
    Timeline t = Timeline.summary(new Evaluator(l.ws().model()), l.ws().data(), start, p, 2);
    Path geo = map != null ? map : l.ws().root().resolve("map.geojson");
    List<MapShapes> features = List.of();
    List<Path> inputsUsed = new ArrayList<>(l.ws().inputs());
    if (Files.isRegularFile(geo)) {
      features = MapShapes.read(geo);
      inputsUsed.add(geo);
    } else if (map != null) {
      Common.requireFile(map); // a folder or nothing there: refused, naming it
    }
    List<Warning> open = List.of();
    Path register = l.ws().root().resolve(WarningRegister.FILE);
    if (Files.exists(register)) {
      WarningRegister read = WarningRegister.read(register).value();
      if (read == null) {
        spec.commandLine()
            .getErr()
            .println(
                "note: "
                    + register
                    + " cannot be read (run qinglian warn to see why); no open warnings are listed");
      }
      open = read == null ? List.of() : read.open();
    }
    String html = new ReportRenderer(l.ws(), t, l.labels(), features, open, cards).html();
    OutputFile.write(html, out, force, inputsUsed, null);
    spec.commandLine().getOut().println(l.labels().get("wrote", out));
    return ExitCode.OK;
  }
}
