package dev.qinglian.cli.commands;

import dev.qinglian.Workspace;
import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.OutputOptions;
import dev.qinglian.cli.render.Labels;
import dev.qinglian.cli.workspace.WorkspaceLoader;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Small decisions shared by the commands: language, colours, periods. */
final class Common {
  private Common() {}

  /** The value of work started alongside; its failure thrown as the work threw it. */
  static <T> T join(java.util.concurrent.CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw e;
    }
  }

  /** Language: --lang, else the model's, else the system locale's. */
  static Labels labels(String lang, Workspace ws) {
    if (lang != null) {
      if (!lang.equals("zh") && !lang.equals("en")) {
        throw CliException.of(ExitCode.USAGE, "lang.invalid", lang);
      }
      return Labels.of(lang);
    }
    if (ws != null && ws.model() != null) {
      return Labels.of(ws.model().language());
    }
    return Labels.of(Locale.getDefault().getLanguage().equals("zh") ? "zh" : "en");
  }

  /** Colour cells: always/never as asked; auto = on a terminal, stdout, NO_COLOR unset. */
  static boolean ansi(OutputOptions o) {
    if (o.noColor || o.color == OutputOptions.ColorMode.never) {
      return false;
    }
    if (o.color == OutputOptions.ColorMode.always) {
      return true;
    }
    String noColor = System.getenv("NO_COLOR");
    return o.output == null && System.console() != null && (noColor == null || noColor.isEmpty());
  }

  /** A loaded workspace with the labels of its language. */
  record Loaded(Workspace ws, Labels labels) {}

  /**
   * Loads the workspace; on errors prints them (compiler style) and fails with exit code 1; with
   * warnings prints a one-line note.
   */
  static Loaded load(
      dev.qinglian.cli.options.WorkspaceParam param,
      dev.qinglian.cli.options.InputOptions inputs,
      String lang,
      java.io.PrintWriter err) {
    inputs.workspace = param == null ? inputs.workspace : param.workspace;
    dev.qinglian.diag.Loaded<Workspace> ws = WorkspaceLoader.load(inputs, true);
    Labels labels = labels(lang, ws.value());
    if (ws.hasErrors()) {
      new dev.qinglian.cli.render.DiagnosticPrinter(labels).print(ws.diagnostics(), err);
      throw new CliException(ExitCode.INPUT, labels.get("input.errors"));
    }
    if (!ws.diagnostics().isEmpty()) {
      err.println(labels.get("input.warnings", ws.diagnostics().size()));
    }
    return new Loaded(ws.value(), labels);
  }

  /** Loads the model and the register only (no data yet); fails like {@link #load}. */
  /**
   * Fails when the model has no colour bands: {@code command} (changes, warn, report) follows
   * colours, and a model without bands only ranks.
   */
  static void requireBands(Loaded l, String command) {
    if (!l.ws().model().coloured()) {
      throw CliException.of(ExitCode.INPUT, "model.nobands", command);
    }
  }

  static Loaded loadModelAndUnits(
      dev.qinglian.cli.options.WorkspaceParam param,
      dev.qinglian.cli.options.InputOptions inputs,
      String lang,
      java.io.PrintWriter err) {
    inputs.workspace = param == null ? inputs.workspace : param.workspace;
    dev.qinglian.diag.Loaded<Workspace> ws = WorkspaceLoader.load(inputs, false);
    Labels labels = labels(lang, ws.value());
    if (ws.hasErrors()) {
      new dev.qinglian.cli.render.DiagnosticPrinter(labels).print(ws.diagnostics(), err);
      throw new CliException(ExitCode.INPUT, labels.get("input.errors"));
    }
    return new Loaded(ws.value(), labels);
  }

  /**
   * The workspace's single-writer lock, for a command that rewrites its register or history; a
   * second writer waits up to a minute, told so on stderr, then fails with exit code 3.
   */
  static dev.qinglian.io.WorkspaceLock lock(Loaded l, java.io.PrintWriter err) {
    try {
      return dev.qinglian.io.WorkspaceLock.acquire(
          l.ws().root(),
          java.time.Duration.ofMinutes(1),
          file -> {
            err.println(l.labels().get("common.qinglian_another_command_is", file));
            err.flush();
          });
    } catch (java.io.IOException e) {
      throw new CliException(ExitCode.UNREADABLE, e.getMessage());
    }
  }

  /**
   * The unit a typed id names: the id, or the one id equal to it but for case (with a note on
   * stderr); else a usage error with the closest ids.
   */
  static String unit(Loaded l, String typed, java.io.PrintWriter err) {
    int u = l.ws().units().lenientIndexOf(typed);
    if (u >= 0) {
      String id = l.ws().units().id(u);
      if (!id.equals(typed)) {
        err.println(l.labels().get("unit.taken_as", typed, id));
      }
      return id;
    }
    String near = String.join(", ", l.ws().units().closest(typed, 3));
    throw new CliException(
        ExitCode.USAGE, l.labels().get("common.unknown_unit_did_you", typed, near));
  }

  /** The month asked for, or the latest with data; it must have data. */
  static YearMonth month(Workspace ws, String text, String option) {
    java.util.List<YearMonth> months = ws.data().periods();
    YearMonth p = text != null ? period(text, option) : months.get(months.size() - 1);
    if (!months.contains(p)) {
      throw CliException.of(
          ExitCode.INPUT, "month.nodata", p, months.get(0), months.get(months.size() - 1));
    }
    return p;
  }

  /**
   * The month a command evaluates: {@code text} when given; else the latest <em>complete</em> month
   * — every department that owes indicators that month has reported some — and, when a later month
   * is still being collected, a note on {@code err} saying which month is taken and why. When no
   * month is complete, the latest.
   */
  static YearMonth month(Loaded l, String text, String option, java.io.PrintWriter err) {
    if (text != null) {
      return month(l.ws(), text, option);
    }
    java.util.List<YearMonth> months = l.ws().data().periods();
    if (months.isEmpty()) {
      return month(l.ws(), null, option);
    }
    YearMonth last = months.get(months.size() - 1);
    for (int i = months.size() - 1; i >= 0; i--) {
      java.util.List<String> missing = missingSources(l.ws(), months.get(i), l.labels().lang());
      if (missing.isEmpty()) {
        if (i < months.size() - 1) {
          java.util.List<String> later = missingSources(l.ws(), last, l.labels().lang());
          err.println(
              l.labels()
                  .get(
                      "common.incomplete_month",
                      last,
                      String.join(l.labels().get("list.separator"), later),
                      months.get(i),
                      option));
          err.flush();
        }
        return months.get(i);
      }
    }
    return last;
  }

  /**
   * The departments (model sources) that owe indicators in month {@code p} and have reported none
   * of them for any unit, by their names in {@code lang}: the completeness rule of {@code status},
   * by department.
   */
  static java.util.List<String> missingSources(Workspace ws, YearMonth p, String lang) {
    java.util.List<String> missing = new java.util.ArrayList<>();
    dev.qinglian.model.IndicatorModel model = ws.model();
    int units = ws.units().size();
    for (String source : TemplateCommand.sources(model)) {
      java.util.List<dev.qinglian.model.Node> owed = TemplateCommand.owed(model, source, p);
      boolean any = owed.isEmpty();
      for (int k = 0; k < owed.size() && !any; k++) {
        int leaf = model.leafIndex(owed.get(k).id());
        for (int u = 0; u < units && !any; u++) {
          any = !Double.isNaN(ws.data().value(leaf, u, p));
        }
      }
      if (!any) {
        missing.add(model.sourceName(source, lang));
      }
    }
    return missing;
  }

  /** A month's result and the month before's (null when it has no data), as score shows them. */
  static dev.qinglian.eval.PeriodResult[] evaluateWithPrevious(Workspace ws, YearMonth p) {
    // the ranking needs no leaf-level detail: summaries, cheaper for large registers
    return evaluateWithPrevious(ws, p, false);
  }

  /**
   * A month's result and the month before's (null when it has no data), with their leaf-level
   * detail when {@code detail} (explain, warn).
   */
  static dev.qinglian.eval.PeriodResult[] evaluateWithPrevious(
      Workspace ws, YearMonth p, boolean detail) {
    dev.qinglian.eval.Evaluator evaluator = new dev.qinglian.eval.Evaluator(ws.model());
    java.util.function.Function<YearMonth, dev.qinglian.eval.PeriodResult> eval =
        m -> detail ? evaluator.evaluate(ws.data(), m) : evaluator.evaluateSummary(ws.data(), m);
    dev.qinglian.eval.PeriodResult result = eval.apply(p);
    dev.qinglian.eval.PeriodResult previous =
        ws.data().periods().contains(p.minusMonths(1)) ? eval.apply(p.minusMonths(1)) : null;
    return new dev.qinglian.eval.PeriodResult[] {result, previous};
  }

  /** The first month with data. */
  static YearMonth first(Workspace ws) {
    return ws.data().periods().get(0);
  }

  /**
   * Requires {@code file}, named on the command line, to be a file that can be read: a folder there
   * or nothing there (a link to nothing) is refused with exit 3, naming it.
   */
  static void requireFile(java.nio.file.Path file) {
    if (java.nio.file.Files.isDirectory(file)) {
      throw CliException.of(ExitCode.UNREADABLE, "input.folder", file);
    }
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw CliException.of(ExitCode.UNREADABLE, "file.notfound", file);
    }
  }

  /** Parses YYYY-MM or fails with a usage error. */
  static YearMonth period(String text, String option) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw CliException.of(ExitCode.USAGE, "month.format", option, text);
    }
  }
}
