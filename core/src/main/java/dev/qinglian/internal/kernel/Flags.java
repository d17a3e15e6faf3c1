package dev.qinglian.internal.kernel;

/** Bits describing where a leaf value came from. */
public final class Flags {
  /** Carried from an earlier month within its validity window. */
  public static final byte CARRIED = 1;

  /** Carried beyond the validity window by the {@code last-value} policy. */
  public static final byte STALE = 2;

  /** Imputed by the {@code group-mean} policy. */
  public static final byte IMPUTED = 4;

  /** Capped by winsorisation before normalisation. */
  public static final byte WINSORISED = 8;

  /** Log-transformed before normalisation (every value of the leaf that month). */
  public static final byte TRANSFORMED = 16;

  private Flags() {}
}
