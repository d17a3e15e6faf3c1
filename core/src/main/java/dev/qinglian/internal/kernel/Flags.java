package dev.qinglian.internal.kernel;

/** Bits describing where a leaf value came from. */
public final class Flags {
  /** Carried from an earlier month within its validity window. */
  public static final byte CARRIED = 1;

  /** Carried beyond the validity window by the {@code last-value} policy. */
  public static final byte STALE = 2;

  /** Imputed by the {@code group-mean} policy. */
  public static final byte IMPUTED = 4;

  private Flags() {}
}
