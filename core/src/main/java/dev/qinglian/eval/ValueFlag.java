package dev.qinglian.eval;

/** Where a leaf value used in an evaluation came from, when it was not reported that month. */
public enum ValueFlag {
  /** Carried from an earlier report within the indicator's validity window. */
  CARRIED,
  /** Carried beyond the validity window by the {@code last-value} policy. */
  STALE,
  /** Imputed as the mean of units of the same type ({@code group-mean} policy). */
  IMPUTED,
  /** Capped by winsorisation of the month's outliers before normalisation. */
  WINSORISED,
  /** Log-transformed (the leaf's outlier treatment) before normalisation. */
  TRANSFORMED
}
