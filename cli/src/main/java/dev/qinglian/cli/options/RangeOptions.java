package dev.qinglian.cli.options;

import picocli.CommandLine.Option;

/**
 * The {@code --from} and {@code --to} options of the commands that look at a range of months; what
 * {@code --from} defaults to is said per command under the key {@code qinglian.COMMAND.from} of the
 * help bundles.
 */
public final class RangeOptions {
  @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month.")
  public String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "Last month (default: the latest with data).")
  public String to;
}
