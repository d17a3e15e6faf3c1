package dev.qinglian.internal;

import dev.qinglian.eval.PeriodResult;
import dev.qinglian.eval.ValueFlag;
import dev.qinglian.internal.kernel.Kernel;
import dev.qinglian.model.IndicatorModel;
import java.util.Set;

/**
 * Read access to a {@link PeriodResult} by position (its compiled model, a node's scores and a
 * leaf's value and flags by position, the override rules that fired as bits) for the code that
 * reads many units at a time: explanations of a month's notices, the renderers of a million-unit
 * ranking (not API: the package is not exported; the pattern of {@link SharedColumns}). A month's
 * 91,647 notices looked every leaf up by id, three times per leaf and unit: 70 % of the
 * explanations' time.
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

    /** The score of the node at position {@code node} ({@link IndicatorModel#nodes()}). */
    double score(PeriodResult r, int node, int u);

    /** The position of node {@code id} in {@link IndicatorModel#nodes()}. */
    int nodePosition(PeriodResult r, String id);

    /** Bit k set when override rule k (model order) fired for unit {@code u}. */
    long capsMask(PeriodResult r, int u);
  }

  private static final Installed<Reader> READER = new Installed<>(PeriodResult.class);

  private ResultAccess() {}

  /** Installs the accessor; called once, by {@link PeriodResult}'s static initialiser. */
  public static void install(Reader r) {
    READER.install(r);
  }

  /** The accessor. */
  public static Reader of() {
    return READER.get();
  }
}
