package dev.qinglian.internal;

import dev.qinglian.eval.PeriodResult;
import dev.qinglian.eval.ValueFlag;
import dev.qinglian.internal.kernel.Kernel;
import java.util.Set;

/**
 * Read access to a {@link PeriodResult} by position (its compiled model, a leaf's value and flags
 * by leaf index) for the explanations of many units (not API; the pattern of {@link
 * SharedColumns}). A month's 91,647 notices looked every leaf up by id, three times per leaf and
 * unit: 70 % of the explanations' time.
 */
public final class ResultAccess {
  /** The accessor {@link PeriodResult} installs when its class is initialised. */
  public interface Reader {
    /** The compiled model the result was evaluated with. */
    Kernel kernel(PeriodResult r);

    /** {@link PeriodResult#raw(String, int)} of leaf index {@code l}. */
    double raw(PeriodResult r, int l, int u);

    /** {@link PeriodResult#effective(String, int)} of leaf index {@code l}. */
    double effective(PeriodResult r, int l, int u);

    /** {@link PeriodResult#flags(String, int)} of leaf index {@code l}. */
    Set<ValueFlag> flags(PeriodResult r, int l, int u);
  }

  private static volatile Reader reader;

  private ResultAccess() {}

  /** Installs the accessor; called once, by {@link PeriodResult}'s static initialiser. */
  public static void install(Reader r) {
    if (reader != null) {
      throw new IllegalStateException("already installed");
    }
    reader = r;
  }

  /** The accessor (a result exists, so its class is initialised and the accessor installed). */
  public static Reader of() {
    return reader;
  }
}
