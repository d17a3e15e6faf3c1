package dev.qinglian.cli.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the inputs are: the overrides of the workspace's pieces. */
public final class InputOptions {
  /** The workspace folder; set by a {@link WorkspaceParam} mixin or by the command. */
  public Path workspace;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "Indicator model (default: WORKSPACE/indicators.yaml, else the built-in model).")
  public Path model;

  @Option(
      names = "--units",
      paramLabel = "FILE",
      description = "Unit register (default: WORKSPACE/units.csv).")
  public Path units;

  @Option(
      names = "--data",
      paramLabel = "FILE|DIR",
      description =
          "Data file or folder; repeatable (default: every .csv and .xlsx in WORKSPACE/data).")
  public List<Path> data = new ArrayList<>();

  @Option(
      names = "--weights",
      paramLabel = "FILE",
      description = "A weights overlay (from qinglian weights) to apply on top of the model.")
  public Path weights;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description = "Force the encoding of CSV files (UTF-8, GBK, GB18030…); default: detect.")
  public String encoding;
}
