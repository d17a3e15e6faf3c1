package dev.qinglian.internal;

import dev.qinglian.data.Dataset;
import java.time.YearMonth;

/**
 * Read access to a {@link Dataset}'s columns without copying them, for the evaluator only (not API;
 * the JDK's "shared secrets" pattern). A million-unit month would otherwise be copied column by
 * column (250 MB) just to be read. Callers must never write into the arrays.
 */
public final class SharedColumns {
  /** The accessor {@link Dataset} installs when its class is initialised. */
  public interface Reader {
    /** The column of {@code leaf} in {@code period}, or null when the month has none for it. */
    double[] column(Dataset data, YearMonth period, int leaf);
  }

  private static final Installed<Reader> READER = new Installed<>(Dataset.class);

  private SharedColumns() {}

  /** Installs the accessor; called once, by {@link Dataset}'s static initialiser. */
  public static void install(Reader r) {
    READER.install(r);
  }

  /**
   * The shared column (read only), or null when the month has no value for the leaf. (A dataset
   * instance exists, so its class is initialised and the accessor installed.)
   */
  public static double[] column(Dataset data, YearMonth period, int leaf) {
    return READER.get().column(data, period, leaf);
  }
}
