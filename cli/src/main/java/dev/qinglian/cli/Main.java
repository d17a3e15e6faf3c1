package dev.qinglian.cli;

import dev.qinglian.cli.commands.AuditCommand;
import dev.qinglian.cli.commands.ChangesCommand;
import dev.qinglian.cli.commands.DemoCommand;
import dev.qinglian.cli.commands.ExplainCommand;
import dev.qinglian.cli.commands.GenerateCommand;
import dev.qinglian.cli.commands.ReportCommand;
import dev.qinglian.cli.commands.ScoreCommand;
import dev.qinglian.cli.commands.SensitivityCommand;
import dev.qinglian.cli.commands.StatusCommand;
import dev.qinglian.cli.commands.TemplateCommand;
import dev.qinglian.cli.commands.TrendCommand;
import dev.qinglian.cli.commands.ValidateCommand;
import dev.qinglian.cli.commands.VerifyCommand;
import dev.qinglian.cli.commands.WarnCommand;
import dev.qinglian.cli.commands.WeightsCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top command: lists the subcommands and maps failures to exit codes. */
@Command(
    name = "qinglian",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "清廉指数 — the clean-government index of every unit, month by month.",
      "",
      "Evaluates the source departments' monthly data under an indicator model"
          + " (indicators.yaml) and classifies every unit green, yellow, orange or red.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all good",
      "1:problems in the input (file:line messages on stderr)",
      "2:wrong usage",
      "3:an input cannot be read (missing workspace, file or folder)",
      "4:internal error; rerun with -x for the stack trace",
    })
public final class Main implements Runnable {
  /**
   * The subcommands, in the order of the help. Added when the command line is built, and only the
   * one named when a known one is: building picocli's model of all fifteen (their options read by
   * reflection) cost about 0.1 s of every run.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ValidateCommand.class,
          ScoreCommand.class,
          TrendCommand.class,
          ChangesCommand.class,
          ExplainCommand.class,
          WarnCommand.class,
          VerifyCommand.class,
          WeightsCommand.class,
          SensitivityCommand.class,
          AuditCommand.class,
          TemplateCommand.class,
          StatusCommand.class,
          ReportCommand.class,
          DemoCommand.class,
          GenerateCommand.class);

  @Option(
      names = {"-x", "--stacktrace"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an internal error.")
  boolean stacktrace;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * A mistake in the command line in the run's language: picocli's own words in English, the same
   * facts in Chinese (a missing option, an unknown argument, a value the option does not take).
   */
  static String usageError(CommandLine.ParameterException ex, String lang) {
    if (lang.equals("en")) {
      return ex.getMessage().equals("a command is required")
          ? "a command is required (see --help)"
          : ex.getMessage();
    }
    if (ex instanceof CommandLine.MissingParameterException m) {
      java.util.List<String> names = new java.util.ArrayList<>();
      for (CommandLine.Model.ArgSpec a : m.getMissing()) {
        names.add(
            a instanceof CommandLine.Model.OptionSpec o
                ? "'" + o.longestName() + "=" + o.paramLabel() + "'"
                : "'" + a.paramLabel() + "'");
      }
      return "缺少必需的选项或参数：" + String.join("、", names);
    }
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      String s = "无法识别的参数：" + String.join(" ", u.getUnmatched());
      return u.getSuggestions().isEmpty()
          ? s
          : s + "（是否想用 " + String.join("、", u.getSuggestions()) + "？）";
    }
    if (ex.getMessage().equals("a command is required")) {
      return "请给出一个命令（见 qinglian --help）";
    }
    CommandLine.Model.ArgSpec a = ex.getArgSpec();
    if (a != null && ex.getValue() != null) {
      String name = a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel();
      java.util.List<String> allowed = new java.util.ArrayList<>();
      if (a.completionCandidates() != null) {
        a.completionCandidates().forEach(allowed::add);
      }
      return name
          + " 的值 '"
          + ex.getValue()
          + "' 无效"
          + (allowed.isEmpty() ? "" : "，可选：" + String.join("、", allowed));
    }
    return "用法错误：" + ex.getMessage();
  }

  /** True when the arguments ask for English ({@code --lang en} or {@code --lang=en}). */
  static boolean english(String... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--lang=en")
          || args[i].equals("--lang") && i + 1 < args.length && args[i + 1].equals("en")) {
        return true;
      }
    }
    return false;
  }

  /** Runs the command line; results go to {@code out}, diagnostics to {@code err}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Main main = new Main();
    CommandLine cl = new CommandLine(main);
    Class<?> named = null;
    for (String a : args) {
      if (!a.startsWith("-")) {
        for (Class<?> c : SUBCOMMANDS) {
          if (c.getAnnotation(Command.class).name().equals(a)) {
            named = c;
          }
        }
        break; // the first word is the subcommand, if any
      }
    }
    for (Class<?> c : SUBCOMMANDS) {
      if (named == null || c == named) {
        cl.addSubcommand(c);
      }
    }
    cl.setOut(out);
    cl.setErr(err);
    // help in the run's language: Chinese (the default model's) from the help bundle, English as
    // the annotations say it with --lang en (and the few keys of the English bundle)
    cl.setResourceBundle(
        java.util.ResourceBundle.getBundle(
            "dev.qinglian.cli.help",
            english(args) ? java.util.Locale.ROOT : java.util.Locale.SIMPLIFIED_CHINESE,
            java.util.ResourceBundle.Control.getNoFallbackControl(
                java.util.ResourceBundle.Control.FORMAT_DEFAULT)));
    cl.setParameterExceptionHandler(
        (ex, arguments) -> {
          // a mistake in the command line, said in the run's language, then the usage
          String lang = english(args) ? "en" : "zh";
          err.println(usageError(ex, lang));
          ex.getCommandLine().usage(err);
          err.flush();
          return ExitCode.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // the language of the run, as the help's: --lang en, else Chinese (the default model's)
          String lang = english(args) ? "en" : "zh";
          if (e instanceof CliException c) {
            err.println("qinglian: " + c.message(lang));
            err.flush();
            return c.exitCode();
          }
          if (e instanceof dev.qinglian.eval.EvaluationException x) {
            // a month the model cannot evaluate, for a reason in the data: an input error
            new dev.qinglian.cli.render.DiagnosticPrinter(dev.qinglian.cli.render.Labels.of(lang))
                .print(java.util.List.of(x.diagnostic()), err);
            err.flush();
            return ExitCode.INPUT;
          }
          if (main.stacktrace) {
            e.printStackTrace(err);
          } else {
            err.println(
                "qinglian: " + CliException.of(ExitCode.INTERNAL, "internal", e).message(lang));
          }
          err.flush();
          return ExitCode.INTERNAL;
        });
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(
          "qinglian: "
              + CliException.of(ExitCode.UNREADABLE, "memory.short")
                  .message(english(args) ? "en" : "zh"));
      err.flush();
      return ExitCode.UNREADABLE;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** Process entry point. */
  public static void main(String[] args) {
    System.exit(
        run(
            // the file descriptor itself, not System.out: a PrintStream swallows write errors
            // (a full disk, a closed pipe), which the PrintWriter must see to fail the command
            new PrintWriter(
                new java.io.OutputStreamWriter(
                    new java.io.BufferedOutputStream(
                        new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16),
                    StandardCharsets.UTF_8),
                false),
            new PrintWriter(
                new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), false),
            args));
  }
}
