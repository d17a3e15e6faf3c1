package dev.qinglian.cli;

/** The exit codes of every command; printed in {@code --help} and README. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;

  /** Problems in the input (validation errors), or an output that may not be written. */
  public static final int INPUT = 1;

  /** Wrong usage: unknown option, malformed argument. */
  public static final int USAGE = 2;

  /** An input that cannot be read at all (missing workspace or file). */
  public static final int UNREADABLE = 3;

  /** Internal error (a bug): rerun with -x for the stack trace. */
  public static final int INTERNAL = 4;

  private ExitCode() {}
}
