package dev.qinglian.cli.commands;

import dev.qinglian.Workspace;
import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.FormatOption;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.cli.options.OutputOptions;
import dev.qinglian.cli.options.PeriodOption;
import dev.qinglian.cli.options.WorkspaceParam;
import dev.qinglian.cli.render.Labels;
import dev.qinglian.cli.render.OutputFile;
import dev.qinglian.cli.render.ScoreRenderer;
import dev.qinglian.eval.PeriodResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qinglian score}: the ranking of all units in one month. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Rank all units in one month, with their colours.",
      "",
      "Shows rank, unit, name, index, colour, the dimension scores and the change against"
          + " the previous month, and a count per colour."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:scored",
      "1:errors in the input (run validate for details)",
      "2:wrong usage",
      "3:an input cannot be read"
    })
public final class ScoreCommand implements Callable<Integer> {
  @Mixin WorkspaceParam workspace;
  @Mixin InputOptions inputs;
  @Mixin OutputOptions output;
  @Mixin dev.qinglian.cli.options.BomOption bom;
  @Mixin FormatOption format;

  @Mixin PeriodOption periodOption;

  @Option(
      names = "--record",
      description =
          "Record this result in WORKSPACE/history (later runs of the month report revisions).")
  boolean record;

  @Option(
      names = "--levels",
      paramLabel = "N|all",
      description =
          "Score columns down to depth N (1: the dimensions, the default; 2: and the level below;"
              + " all: every node down to the indicators), in every format.")
  String levels;

  @Option(
      names = "--timings",
      hidden = true,
      description = "Print the time of each phase to stderr.")
  boolean timings;

  @Spec CommandSpec spec;

  private long t0 = System.nanoTime();

  private void phase(PrintWriter err, String name) {
    if (timings) {
      long t = System.nanoTime();
      err.printf(java.util.Locale.ROOT, "timing: %-10s %8.3f s%n", name, (t - t0) / 1e9);
      err.flush();
      t0 = t;
    }
  }

  /** {@code --levels}: a depth from 1, or all; 1 when not given. */
  static int levels(String levels) {
    if (levels == null) {
      return 1;
    }
    if (levels.equalsIgnoreCase("all")) {
      return Integer.MAX_VALUE;
    }
    try {
      int n = Integer.parseInt(levels.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw CliException.of(ExitCode.USAGE, "levels.invalid", levels);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    t0 = System.nanoTime();
    OutputOptions.Format f = format.resolve(output.output, "score", OutputOptions.Format.values());
    Common.Loaded l = Common.load(workspace, inputs, output.lang, err);
    phase(err, "read");
    Workspace ws = l.ws();
    Labels labels = l.labels();
    List<YearMonth> months = ws.data().periods();
    YearMonth p = Common.month(l, periodOption.period, "--period", err);
    int depth = levels(levels);
    // the leaves' scores are kept only when a column shows them
    boolean leaves =
        ScoreRenderer.nodesTo(ws.model(), depth).stream().anyMatch(dev.qinglian.model.Node::isLeaf);
    PeriodResult[] both =
        leaves ? Common.evaluateWithPrevious(ws, p, true) : Common.evaluateWithPrevious(ws, p);
    PeriodResult result = both[0];
    PeriodResult previous = both[1];
    phase(err, "evaluate");
    ScoreRenderer r = new ScoreRenderer(ws, result, previous, labels, depth);
    OutputFile.Content content =
        switch (f) {
          case table -> r.tableContent(Common.ansi(output));
          case csv -> OutputFile.withBom(r.csvContent(), bom.bom);
          case json -> r.jsonContent();
          case markdown -> r.markdownContent();
          case xlsx -> null;
        };
    if (record) {
      // both writes checked before the first: a revision that needs --force must not leave the
      // output written and the history not
      Path recorded = ws.root().resolve("history").resolve("score-" + p + ".json");
      try {
        if (Files.exists(recorded)
            && !output.force
            && !Files.readString(recorded).equals(r.json())) {
          throw CliException.of(ExitCode.INPUT, "record.exists.nothing", recorded);
        }
      } catch (IOException e) {
        throw CliException.of(ExitCode.UNREADABLE, "read.failed", recorded, e.getMessage());
      }
    }
    if (content == null) {
      OutputFile.writeBinary(r::xlsx, output.output, output.force, ws.inputs());
    } else {
      OutputFile.write(content, output.output, output.force, ws.inputs(), out);
    }
    phase(err, "write");
    revisions(l, p, r, err);
    return ExitCode.OK;
  }

  /**
   * Compares with the result recorded for the month in WORKSPACE/history (a revision never silently
   * rewrites a published evaluation), and records this one with --record.
   */
  private void revisions(Common.Loaded loaded, YearMonth p, ScoreRenderer r, PrintWriter err) {
    Workspace ws = loaded.ws();
    Path file = ws.root().resolve("history").resolve("score-" + p + ".json");
    if (!Files.exists(file) && !record) {
      return;
    }
    if (!record) {
      compare(loaded, p, file, r.json(), err);
      return;
    }
    // one writer of history/ at a time
    try (dev.qinglian.io.WorkspaceLock lock = Common.lock(loaded, err)) {
      String now = r.json();
      if (Files.exists(file) && Files.readString(file).equals(now)) {
        err.println(loaded.labels().get("score.already_recorded_identical", ws.display(file)));
        return;
      }
      compare(loaded, p, file, now, err);
      if (Files.exists(file) && !output.force) {
        throw CliException.of(ExitCode.INPUT, "record.exists", file);
      }
      OutputFile.write(now, file, true, ws.inputs(), null);
      err.println(loaded.labels().get("score.recorded", ws.display(file)));
    } catch (IOException e) {
      throw CliException.of(ExitCode.UNREADABLE, "record.failed", file, e.getMessage());
    }
  }

  /** Lists on stderr the units whose index or colour differ from the recorded result. */
  private static void compare(
      Common.Loaded loaded, YearMonth p, Path file, String now, PrintWriter err) {
    Workspace ws = loaded.ws();
    if (Files.exists(file)) {
      try {
        List<String> changed =
            Revisions.between(
                Files.readString(file),
                now,
                id ->
                    ws.model().band(id).map(b -> b.names().in(loaded.labels().lang())).orElse(id));
        if (!changed.isEmpty()) {
          err.println(loaded.labels().get("score.revision", p, ws.display(file), changed.size()));
          changed.forEach(c -> err.println("  " + c));
        }
      } catch (IOException | RuntimeException e) {
        err.println(loaded.labels().get("score.compare_failed", file, e.getMessage()));
      }
    }
  }
}
