package dev.qinglian.cli.options;

import picocli.CommandLine.Option;

/**
 * The {@code --lang} option of the commands that write no table of results (those take it with
 * {@link OutputOptions}). A command that means something narrower by it says so under the key
 * {@code qinglian.COMMAND.lang} of the help bundles.
 */
public final class LangOption {
  @Option(
      names = "--lang",
      paramLabel = "zh|en",
      description = "Language of the messages (default: zh).")
  public String lang;
}
