package dev.qinglian.cli.options;

import picocli.CommandLine.Option;

/** The {@code --period} option of the commands that look at one month. */
public final class PeriodOption {
  @Option(
      names = "--period",
      paramLabel = "YYYY-MM",
      description = "The month (default: the latest with data).")
  public String period;
}
