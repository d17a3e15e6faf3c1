package dev.qinglian.cli.options;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.OutputOptions.Format;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code --format}, for the commands that write more than a text table. Without it the format
 * follows the {@code --output} file's extension ({@code .csv}, {@code .json}, {@code .md}, {@code
 * .xlsx}), else a table: {@code --output ranks.csv} writes CSV, as one expects.
 */
public final class FormatOption {
  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "table, csv, json, markdown or xlsx (default: from the --output file's extension"
              + " .csv, .json, .md or .xlsx, else table).")
  Format format;

  /**
   * The format to write: the one asked for, else the one of {@code output}'s extension, else a
   * table.
   *
   * @param what the command, for the message ("trend --unit")
   * @param offered the formats {@code what} writes
   * @throws CliException (usage) when the format asked for, or the extension's, is not offered, or
   *     is xlsx without an output file
   */
  public Format resolve(Path output, String what, Format... offered) {
    Format f = format;
    if (f == null) {
      f = ofExtension(output);
    }
    if (f == null) {
      return Format.table;
    }
    if (!Arrays.asList(offered).contains(f)) {
      String writes = Arrays.stream(offered).map(Format::name).collect(Collectors.joining(", "));
      throw format == null
          ? CliException.of(ExitCode.USAGE, "format.byextension", what, f, output, writes)
          : CliException.of(ExitCode.USAGE, "format.notwritten", what, f, writes);
    }
    if (f == Format.xlsx && output == null) {
      throw CliException.of(ExitCode.USAGE, "output.xlsx");
    }
    return f;
  }

  /** The format a file name's extension names, or null. */
  static Format ofExtension(Path file) {
    if (file == null || file.getFileName() == null) {
      return null;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return switch (dot < 0 ? "" : name.substring(dot + 1)) {
      case "csv" -> Format.csv;
      case "json" -> Format.json;
      case "md", "markdown" -> Format.markdown;
      case "xlsx" -> Format.xlsx;
      default -> null;
    };
  }
}
