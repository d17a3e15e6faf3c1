package dev.qinglian.diag;

/** How serious a {@link Diagnostic} is. Errors stop an evaluation; warnings do not. */
public enum Severity {
  /** The input cannot be used as it is; the evaluation does not run. */
  ERROR,
  /** Something the user should look at (a stale value, an ignored column); results are valid. */
  WARNING;

  /** Lower-case label used in rendered messages ({@code error}, {@code warning}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
