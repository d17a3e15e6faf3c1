package dev.qinglian.cli.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where the inputs are: the workspace folder and the overrides of its pieces. */
public final class InputOptions {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "WORKSPACE",
      description =
          "Folder with units.csv, data/ and optionally indicators.yaml (default: current folder).")
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
      names = "--encoding",
      paramLabel = "CHARSET",
      description = "Force the encoding of CSV files (UTF-8, GBK, GB18030…); default: detect.")
  public String encoding;
}
