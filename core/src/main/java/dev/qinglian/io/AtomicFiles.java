package dev.qinglian.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writing a file atomically: a temporary file in the same folder, then moved into place, so that a
 * reader never sees it half-written. The result has the permissions a new file gets (the user's
 * umask), or those of the file it replaces — not the owner-only permissions of {@link
 * Files#createTempFile}.
 *
 * <p>A target that exists and is neither a regular file nor a folder — a device such as {@code
 * /dev/null} or {@code /dev/stdout}, a named pipe — is written <em>through</em>, never replaced (a
 * rename over it would turn {@code /dev/null} into a regular file); a folder is refused.
 *
 * <p>Temporary files are named {@code .NAME.<hex>.tmp}, next to their target.
 *
 * <p>Stateless; thread-safe.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** What writes the content of a file. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code text} (UTF-8) to {@code file}. */
  public static void write(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(file, o -> o.write(bytes));
  }

  /**
   * Writes {@code content} to {@code file}: atomically for a regular or new file, through for a
   * device or a pipe.
   *
   * @throws IOException when the file cannot be written, or is a folder
   */
  public static void write(Path file, Content content) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a folder");
    }
    if (isSpecial(file)) {
      try (OutputStream o =
          Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        content.writeTo(o);
      }
      return;
    }
    Path tmp = sibling(file);
    try {
      try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        content.writeTo(o);
      }
      moveIntoPlace(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * True when {@code file} exists and is neither a regular file nor a folder (a device, a named
   * pipe, a socket): written through, never replaced.
   */
  public static boolean isSpecial(Path file) {
    return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
  }

  /**
   * A new empty hidden file in {@code target}'s folder (created if needed), to be written and then
   * {@linkplain #moveIntoPlace moved into place}.
   */
  public static Path sibling(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    for (int attempt = 0; ; attempt++) {
      String name =
          "."
              + abs.getFileName()
              + "."
              + Long.toHexString(ThreadLocalRandom.current().nextLong())
              + ".tmp";
      try {
        return Files.createFile(dir.resolve(name));
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }

  /**
   * Moves a written temporary file over {@code target}, keeping target's permissions.
   *
   * @throws IOException when the target is a device or a pipe (write those through instead)
   */
  public static void moveIntoPlace(Path tmp, Path target) throws IOException {
    if (isSpecial(target)) {
      throw new IOException(target + " is not a regular file and is not replaced");
    }
    PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (old != null && Files.exists(target)) {
      Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
