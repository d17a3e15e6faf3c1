package dev.qinglian.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writing a file atomically: a temporary file in the same folder, then moved into place. The result
 * has the permissions a new file gets (the user's umask), or those of the file it replaces — not
 * the owner-only permissions of {@link Files#createTempFile}.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code text} (UTF-8) to {@code file}; a reader never sees it half-written. */
  public static void write(Path file, String text) throws IOException {
    Path tmp = sibling(file);
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      moveIntoPlace(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
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

  /** Moves a written temporary file over {@code target}, keeping target's permissions. */
  public static void moveIntoPlace(Path tmp, Path target) throws IOException {
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
