package dev.qinglian.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where and how results are written: file, language and colours. The commands that write more than
 * a text table add {@link FormatOption}.
 */
public final class OutputOptions {
  /** The output formats. */
  public enum Format {
    /** Aligned text table (colours on terminals). */
    table,
    /** Comma-separated values, full precision. */
    csv,
    /** JSON document, full precision. */
    json,
    /** GitHub-flavoured Markdown table. */
    markdown,
    /** Excel workbook (needs --output): coloured cells, frozen header, numbers as numbers. */
    xlsx
  }

  /** When to colour. */
  public enum ColorMode {
    /** On a terminal, unless NO_COLOR is set. */
    auto,
    /** Always. */
    always,
    /** Never. */
    never
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of standard output.")
  public Path output;

  @Option(names = "--force", description = "Replace an existing output file.")
  public boolean force;

  @Option(
      names = "--lang",
      paramLabel = "zh|en",
      description = "Language of labels and messages (default: the model's, zh).")
  public String lang;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      description = "auto, always or never (default: ${DEFAULT-VALUE}); NO_COLOR is honoured.",
      defaultValue = "auto")
  public ColorMode color;

  @Option(names = "--no-color", description = "Same as --color=never.")
  public boolean noColor;
}
