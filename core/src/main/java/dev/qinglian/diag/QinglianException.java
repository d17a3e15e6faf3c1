package dev.qinglian.diag;

import java.util.List;

/**
 * Thrown when work cannot go on because the input has errors; carries every diagnostic found in the
 * pass that failed, not only the first.
 */
public final class QinglianException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The diagnostics; immutable. */
  private final transient List<Diagnostic> diagnostics;

  /** Creates the exception from the diagnostics of a failed pass. */
  public QinglianException(List<Diagnostic> diagnostics) {
    super(summary(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Every diagnostic of the failed pass, errors and warnings, in the order found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String summary(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    String first =
        diagnostics.stream()
            .filter(Diagnostic::isError)
            .findFirst()
            .map(Object::toString)
            .orElse("");
    return errors + " error(s)" + (first.isEmpty() ? "" : "; first: " + first);
  }
}
