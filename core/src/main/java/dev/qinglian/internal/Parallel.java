package dev.qinglian.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * Where the library's parallel work runs: in the caller's {@link ForkJoinPool} when one was given
 * ({@code Workspace.Options.pool}), else where it always ran (parallel streams in the common pool;
 * the fast CSV reader in a pool of its own per file, shut down when the file is read). Parallel
 * streams started inside a task of a pool run in that pool, so running a whole call in the caller's
 * pool moves all of it there.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * {@code work} run in {@code pool} (the calling thread waits), or here when {@code pool} is null
   * or this thread already belongs to it.
   */
  public static <T> T in(ForkJoinPool pool, Supplier<T> work) {
    if (pool == null || ForkJoinTask.getPool() == pool) {
      return work.get();
    }
    return pool.submit(work::get).join();
  }

  /**
   * The caller's pool when this thread runs in one other than the common pool (then the fast CSV
   * reader's blocks are parsed there too), else null.
   */
  public static ExecutorService callersPool() {
    ForkJoinPool p = ForkJoinTask.getPool();
    return p == null || p == ForkJoinPool.commonPool() ? null : p;
  }

  /**
   * {@code work} started alongside the caller: in the caller's pool, else where {@link
   * java.util.concurrent.CompletableFuture#supplyAsync(Supplier)} puts it (the common pool, or a
   * thread of its own when the common pool has a single worker).
   */
  public static <T> java.util.concurrent.CompletableFuture<T> alongside(Supplier<T> work) {
    ExecutorService p = callersPool();
    return p != null
        ? java.util.concurrent.CompletableFuture.supplyAsync(work, p)
        : java.util.concurrent.CompletableFuture.supplyAsync(work);
  }
}
