package dev.qinglian.cli.workspace;

import dev.qinglian.Workspace;
import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.cli.options.InputOptions;
import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Set;

/**
 * The command line's way into the library's {@link Workspace}: the options of {@link InputOptions}
 * as {@link Workspace.Options}, and a missing folder or file as exit code 3 rather than a
 * diagnostic among the others.
 */
public final class WorkspaceLoader {
  private WorkspaceLoader() {}

  /** The codes of the library's diagnostics that mean a named input does not exist. */
  private static final Set<String> MISSING =
      Set.of("workspace.missing", "file.missing", "data.missing", "data.nofiles", "data.list");

  /**
   * Opens the workspace the options name, with its data or only its model and register.
   *
   * @throws CliException with {@link ExitCode#UNREADABLE} when a named folder or file is missing,
   *     {@link ExitCode#USAGE} for an unknown encoding
   */
  public static Loaded<Workspace> load(InputOptions o, boolean withData) {
    Charset cs = null;
    if (o.encoding != null) {
      try {
        cs = Charset.forName(o.encoding);
      } catch (IllegalArgumentException e) {
        throw CliException.of(ExitCode.USAGE, "encoding.unknown", o.encoding);
      }
    }
    Path root = o.workspace == null ? Path.of(".") : o.workspace;
    Loaded<Workspace> ws =
        Workspace.open(
            new Workspace.Options(root, o.model, o.units, o.data, o.weights, cs, withData, null));
    for (Diagnostic d : ws.diagnostics()) {
      if (MISSING.contains(d.code())) {
        throw new CliException(ExitCode.UNREADABLE, d.message());
      }
    }
    return ws;
  }
}
