package dev.qinglian.cli.render;

import dev.qinglian.diag.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints diagnostics like a compiler: location, severity, message, the line with a caret, a hint.
 */
public final class DiagnosticPrinter {
  private final Labels labels;

  /** The command line's own hint (a Labels key) for a library diagnostic code. */
  private static final java.util.Map<String, String> CLI_HINTS =
      java.util.Map.of(
          "data.memory", "hint.data.memory",
          "ahp.inconsistent", "hint.ahp.inconsistent");

  /** A printer in the language of {@code labels}. */
  public DiagnosticPrinter(Labels labels) {
    this.labels = labels;
  }

  /** Prints every diagnostic (a hint once per code), then a count line when there is any. */
  public void print(List<Diagnostic> diagnostics, PrintWriter err) {
    java.util.Set<String> hinted = new java.util.HashSet<>();
    for (Diagnostic d : diagnostics) {
      err.println(format(d, hinted.add(d.code() + "|" + d.hint(labels.locale()))));
    }
    if (!diagnostics.isEmpty()) {
      long errors = diagnostics.stream().filter(Diagnostic::isError).count();
      err.println(labels.get("summary.errors", errors, diagnostics.size() - errors));
    }
  }

  /** One diagnostic, possibly over several lines, with its hint when {@code withHint}. */
  public String format(Diagnostic d, boolean withHint) {
    StringBuilder sb = new StringBuilder();
    sb.append(d.location())
        .append(": ")
        .append(labels.get(d.isError() ? "error" : "warning"))
        .append(": ")
        .append(d.message(labels.locale()));
    if (!d.excerpt().isEmpty()) {
      sb.append("\n  ").append(d.excerpt());
      int col = d.location().column();
      if (col > 0 && col <= d.excerpt().length() + 1) {
        sb.append("\n  ")
            .append(" ".repeat(Text.width(d.excerpt().substring(0, col - 1))))
            .append('^');
      }
    }
    String hint = d.hint(labels.locale());
    if (withHint && !hint.isEmpty()) {
      sb.append("\n  ").append(labels.get("hint")).append(": ").append(hint);
    }
    // the library's hints name no command-line flags; the command line adds its own
    String cli = CLI_HINTS.get(d.code());
    if (withHint && cli != null) {
      sb.append("\n  ").append(labels.get("hint")).append(": ").append(labels.get(cli));
    }
    return sb.toString();
  }
}
