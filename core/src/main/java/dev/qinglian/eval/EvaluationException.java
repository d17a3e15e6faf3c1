package dev.qinglian.eval;

import dev.qinglian.diag.Diagnostic;

/**
 * A month that cannot be evaluated with the model as it stands, for a reason in the data: a
 * geometric node with a child scoring zero or below and no floor (its geometric mean is not
 * defined). Carries the {@link Diagnostic} naming the unit, the node, the child and the month.
 */
public final class EvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The problem, with its message in either language. */
  private final transient Diagnostic diagnostic;

  /** An exception for {@code diagnostic}. */
  public EvaluationException(Diagnostic diagnostic) {
    super(diagnostic.message(java.util.Locale.ENGLISH));
    this.diagnostic = diagnostic;
  }

  /** The problem. */
  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
