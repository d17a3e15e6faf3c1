package dev.qinglian.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The single-writer lock of a workspace: held by every command that reads and rewrites its warning
 * register ({@code warnings.csv}) or its {@code history/}, so that two writers never interleave
 * their read-modify-write (two concurrent {@code warn} runs lost a register row). The lock is an OS
 * file lock ({@link FileChannel#tryLock()}) on {@code .qinglian.lock} in the workspace folder: it
 * is released when the process ends, however it ends, and the file itself is left in place (empty).
 *
 * <p>A second writer waits, polling, and is told so once; after {@code wait} it gives up with an
 * {@link IOException} naming the lock file. Within one JVM the lock is also exclusive between
 * threads.
 */
public final class WorkspaceLock implements AutoCloseable {
  /** The lock file's name in the workspace folder. */
  public static final String FILE = ".qinglian.lock";

  /**
   * Held around the file lock by a thread of this JVM: on Linux, closing any channel of the lock
   * file releases every lock the process holds on it, so a second thread must not even open the
   * file while a first holds the lock.
   */
  private static final java.util.concurrent.locks.ReentrantLock JVM =
      new java.util.concurrent.locks.ReentrantLock();

  private final FileChannel channel;
  private final FileLock lock;

  private WorkspaceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of the workspace at {@code root}.
   *
   * @param wait how long to wait for another writer to finish
   * @param waiting told once, with the lock file, when another writer holds the lock
   * @throws IOException when the lock cannot be taken within {@code wait}, or the file not opened
   */
  public static WorkspaceLock acquire(Path root, Duration wait, Consumer<Path> waiting)
      throws IOException {
    Path file = root.resolve(FILE);
    long deadline = System.nanoTime() + wait.toNanos();
    boolean told = false;
    try {
      if (!JVM.tryLock()) {
        waiting.accept(file);
        told = true;
        if (!JVM.tryLock(wait.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)) {
          throw busy(file);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + file, e);
    }
    try {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        while (true) {
          FileLock l;
          try {
            l = ch.tryLock();
          } catch (OverlappingFileLockException e) {
            l = null;
          }
          if (l != null) {
            return new WorkspaceLock(ch, l);
          }
          if (System.nanoTime() > deadline) {
            throw busy(file);
          }
          if (!told) {
            waiting.accept(file);
            told = true;
          }
          Thread.sleep(50);
        }
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      } catch (InterruptedException e) {
        ch.close();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + file, e);
      }
    } catch (IOException | RuntimeException e) {
      JVM.unlock();
      throw e;
    }
  }

  private static IOException busy(Path file) {
    return new IOException(
        "another qinglian command is writing this workspace (it holds "
            + file
            + "); try again when it has finished");
  }

  /** Releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      JVM.unlock();
    }
  }
}
