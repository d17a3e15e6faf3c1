package dev.qinglian.diag;

import java.util.List;
import java.util.function.Supplier;

/**
 * The outcome of reading or checking something: the value (absent when there were errors) and every
 * diagnostic found on the way.
 *
 * <p>Instances are immutable and thread-safe when {@code T} is.
 *
 * @param <T> the type of the value
 * @param value the value, or null when {@link #hasErrors()}; a producer may document a value read
 *     only in part instead ({@code Workspace.open} gives the pieces read before the one that
 *     failed), which {@link #orElseThrow()} refuses all the same
 * @param diagnostics every problem found, in the order found
 */
public record Loaded<T>(T value, List<Diagnostic> diagnostics) {
  /** Copies the diagnostics and checks that a value is present when there is no error. */
  public Loaded {
    diagnostics = List.copyOf(diagnostics);
    if (value == null && diagnostics.stream().noneMatch(Diagnostic::isError)) {
      throw new IllegalArgumentException("a value is required when there is no error");
    }
  }

  /**
   * The outcome of a check that found {@code diagnostics}: the value (made only then) when none of
   * them is an error, none otherwise.
   */
  public static <T> Loaded<T> unlessErrors(
      Supplier<? extends T> value, List<Diagnostic> diagnostics) {
    return new Loaded<>(
        diagnostics.stream().anyMatch(Diagnostic::isError) ? null : value.get(), diagnostics);
  }

  /** True when at least one diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The value, or a {@link QinglianException} carrying the diagnostics when there were errors. */
  public T orElseThrow() throws QinglianException {
    if (hasErrors()) {
      throw new QinglianException(diagnostics);
    }
    return value;
  }

  /** The warnings only. */
  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
