package dev.qinglian.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The WORKSPACE positional parameter (first position). */
public final class WorkspaceParam {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "WORKSPACE",
      descriptionKey = "workspace",
      description =
          "Folder with units.csv, data/ and optionally indicators.yaml (default: current folder).")
  public Path workspace;
}
