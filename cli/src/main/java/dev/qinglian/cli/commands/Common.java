package dev.qinglian.cli.commands;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.OutputOptions;
import dev.qinglian.cli.render.Labels;
import dev.qinglian.cli.workspace.Workspace;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Small decisions shared by the commands: language, colours, periods. */
final class Common {
  private Common() {}

  /** Language: --lang, else the model's, else the system locale's. */
  static Labels labels(String lang, Workspace ws) {
    if (lang != null) {
      if (!lang.equals("zh") && !lang.equals("en")) {
        throw new CliException(ExitCode.USAGE, "--lang must be zh or en, not " + lang);
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

  /** Parses YYYY-MM or fails with a usage error. */
  static YearMonth period(String text, String option) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new CliException(ExitCode.USAGE, option + " must be a month as YYYY-MM, not " + text);
    }
  }
}
