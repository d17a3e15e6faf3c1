package dev.qinglian.cli.commands;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.LangOption;
import dev.qinglian.cli.options.RangeOptions;
import dev.qinglian.cli.options.WorkspaceParam;
import dev.qinglian.cli.render.DiagnosticPrinter;
import dev.qinglian.cli.render.Numbers;
import dev.qinglian.cli.render.OutputFile;
import dev.qinglian.cli.render.TextTable;
import dev.qinglian.diag.Loaded;
import dev.qinglian.eval.Evaluator;
import dev.qinglian.eval.PeriodResult;
import dev.qinglian.method.Ahp;
import dev.qinglian.method.AhpInput;
import dev.qinglian.method.Weighting;
import dev.qinglian.model.IndicatorModel;
import dev.qinglian.model.Node;
import dev.qinglian.model.WeightsOverlay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qinglian weights}: derive weights and write them as an overlay. */
@Command(
    name = "weights",
    mixinStandardHelpOptions = true,
    description = {
      "Derive weights (AHP, entropy, CRITIC, equal, combined) and write a weights overlay.",
      "",
      "Prints the weights of every node's children next to the model's, with λmax, CI and CR for"
          + " AHP matrices, and writes an overlay that the model loads on top of indicators.yaml"
          + " (key weights-overlay, or --weights): indicators.yaml itself is never rewritten."
    })
public final class WeightsCommand implements Callable<Integer> {
  @Mixin WorkspaceParam workspace;
  @Mixin InputOptions inputs;

  @Option(
      names = "--method",
      required = true,
      paramLabel = "METHOD",
      description = "ahp, entropy, critic, equal or combined.")
  String method;

  @Option(
      names = "--ahp",
      paramLabel = "FILE",
      description = "AHP matrices (YAML) for ahp and combined.")
  Path ahpFile;

  @Option(
      names = "--objective",
      defaultValue = "entropy",
      paramLabel = "entropy|critic",
      description = "Objective method of combined (default: ${DEFAULT-VALUE}).")
  String objective;

  @Option(
      names = "--alpha",
      defaultValue = "0.5",
      paramLabel = "A",
      description =
          "Share of the subjective (AHP) weights in combined (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Mixin RangeOptions range;

  @Option(
      names = "--allow-inconsistent",
      description = "Accept AHP matrices with CR ≥ 0.10 (a warning instead of an error).")
  boolean allowInconsistent;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "The overlay to write (default: WORKSPACE/weights.yaml).")
  Path out;

  @Option(names = "--force", description = "Replace an existing overlay.")
  boolean force;

  @Mixin LangOption langOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    Common.Loaded l = Common.load(workspace, inputs, langOption.lang, err);
    IndicatorModel model = l.ws().model();
    String m = method.toLowerCase(Locale.ROOT);
    if (!List.of("ahp", "entropy", "critic", "equal", "combined").contains(m)) {
      throw CliException.of(ExitCode.USAGE, "method.invalid", method);
    }
    Map<String, Ahp> matrices = Map.of();
    if (m.equals("ahp") || m.equals("combined")) {
      if (ahpFile == null) {
        throw CliException.of(ExitCode.USAGE, "method.ahp", m);
      }
      Common.requireFile(ahpFile);
      Loaded<Map<String, Ahp>> read = AhpInput.read(ahpFile, model, allowInconsistent);
      new DiagnosticPrinter(l.labels()).print(read.diagnostics(), err);
      if (read.hasErrors()) {
        throw new CliException(ExitCode.INPUT, l.labels().get("input.errors"));
      }
      matrices = read.value();
    }
    Weighting.Objective obj =
        objective.equalsIgnoreCase("critic")
            ? Weighting.Objective.CRITIC
            : Weighting.Objective.ENTROPY;
    List<PeriodResult> months = List.of();
    if (!m.equals("ahp") && !m.equals("equal")) {
      YearMonth end = Common.month(l, range.to, "--to", spec.commandLine().getErr());
      YearMonth start =
          range.from != null ? Common.period(range.from, "--from") : Common.first(l.ws());
      months = new Evaluator(model).evaluate(l.ws().data(), start, end);
    }
    Map<String, Double> w =
        switch (m) {
          case "ahp" -> Weighting.ahp(model, matrices);
          case "equal" -> Weighting.equal(model);
          case "entropy" -> Weighting.objective(model, months, Weighting.Objective.ENTROPY);
          case "critic" -> Weighting.objective(model, months, Weighting.Objective.CRITIC);
          default ->
              Weighting.combine(
                  model,
                  Weighting.ahp(model, matrices),
                  Weighting.objective(model, months, obj),
                  alpha);
        };
    String label =
        m.equals("combined")
            ? String.format(
                Locale.ROOT,
                "combined %.2f·ahp + %.2f·%s",
                alpha,
                1 - alpha,
                obj.name().toLowerCase(Locale.ROOT))
            : m;
    if (!months.isEmpty()) {
      label += ", data " + months.get(0).period() + " to " + months.get(months.size() - 1).period();
    }
    Map<String, Double> current = Weighting.model(model);
    TextTable t =
        new TextTable(
            l.labels().list("weights.columns", m), new boolean[] {false, false, true, true, false});
    for (Node n : model.nodes()) {
      if (n.isLeaf()) {
        continue;
      }
      Ahp a = matrices.get(n.id());
      for (int i = 0; i < n.children().size(); i++) {
        Node c = n.children().get(i);
        String diag =
            a != null && i == 0
                ? String.format(Locale.ROOT, "%.4f / %.4f / %.4f", a.lambdaMax(), a.ci(), a.cr())
                : "";
        t.add(
            new String[] {
              i == 0 ? n.id() : "",
              c.id() + " " + c.names().in(l.labels().lang()),
              Numbers.fixed(current.get(c.id()), 4, "—"),
              Numbers.fixed(w.get(c.id()), 4, "—"),
              diag
            },
            null);
      }
    }
    o.print(t.render(false));
    Path target = out != null ? out : l.ws().root().resolve("weights.yaml");
    List<String> comments = new ArrayList<>();
    matrices.forEach(
        (id, a) ->
            comments.add(
                String.format(
                    Locale.ROOT,
                    "AHP %s: lambda max %.4f, CI %.4f, CR %.4f",
                    id,
                    a.lambdaMax(),
                    a.ci(),
                    a.cr())));
    OutputFile.write(
        WeightsOverlay.text(target, model, new LinkedHashMap<>(w), label, comments),
        target,
        force,
        l.ws().inputs(),
        null);
    o.println(l.labels().get("weights.wrote_use_it_with", target, label));
    return ExitCode.OK;
  }
}
