package dev.qinglian.internal;

import dev.qinglian.data.ReadOptions;
import dev.qinglian.data.UnitRegister;
import dev.qinglian.diag.Loaded;
import dev.qinglian.internal.table.RegisterAhead;
import dev.qinglian.model.IndicatorModel;

/**
 * Access to a {@link UnitRegister}'s text columns as bytes and to a register read ahead, for the
 * workspace and the renderers of a million-unit ranking (not API: the package is not exported; the
 * pattern of {@link SharedColumns}).
 */
public final class RegisterAccess {
  /** A text field of the units. */
  public enum Field {
    /** The id. */
    ID,
    /** The display name (the id when the register has none). */
    NAME,
    /** The type (empty when not given). */
    TYPE
  }

  /** The accessor {@link UnitRegister} installs when its class is initialised. */
  public interface Reader {
    /**
     * The UTF-8 bytes of field {@code f} of the units {@code us}, one after another; {@code ends[at
     * + i]} receives the end of unit {@code us[i]}'s bytes (with {@code at} 1 and {@code ends[0]}
     * 0, unit {@code us[i]}'s bytes are {@code [ends[i], ends[i + 1])}). For writing many rows in
     * an order other than the register's: the positions are read in one tight loop first, so that
     * the memory reads of many units overlap instead of waiting one after the other.
     */
    byte[] gatherUtf8(UnitRegister units, Field f, int[] us, int[] ends, int at);

    /** {@link UnitRegister#read} of a file read ahead: the same register and messages. */
    Loaded<UnitRegister> read(RegisterAhead ahead, IndicatorModel model, ReadOptions options);
  }

  private static final Installed<Reader> READER = new Installed<>(UnitRegister.class);

  private RegisterAccess() {}

  /** Installs the accessor; called once, by {@link UnitRegister}'s static initialiser. */
  public static void install(Reader r) {
    READER.install(r);
  }

  /** The accessor. */
  public static Reader of() {
    return READER.get();
  }
}
