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
 * <p>Temporary files are named {@code .NAME.<pid>.<hex>.tmp}, next to their target; the first write
 * into a folder removes those that dead processes left there ({@link #clean}). A new folder of many
 * files is made whole by {@link #writeFolder}: its files written into a temporary folder so named,
 * renamed once.
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
    // one look at the target: absent, a folder, a device or pipe, or a file to replace
    java.nio.file.attribute.BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
    } catch (java.nio.file.NoSuchFileException e) {
      a = null;
    }
    if (a != null && a.isDirectory()) {
      throw new IOException(file + " is a folder");
    }
    if (a != null && a.isOther()) {
      try (OutputStream o =
          Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        content.writeTo(o);
      }
      return;
    }
    replace(file, content, a);
  }

  /**
   * {@link #write} of a file the caller has just seen absent (a listing of its folder), without a
   * second look at it: a batch of 91,647 new files spent a seventh of its time in those looks. A
   * file made there since is replaced, as {@link #write} replaces a regular file.
   *
   * @throws IOException when the file cannot be written
   */
  public static void writeNew(Path file, Content content) throws IOException {
    replace(file, content, null);
  }

  /** What writes the files of a new folder, into the folder it is given. */
  @FunctionalInterface
  public interface FolderContent {
    /** Writes the files into {@code folder} (by {@link #writeInNewFolder}). */
    void writeInto(Path folder) throws IOException;
  }

  /**
   * Makes folder {@code dir}, which must not exist, with the files {@code content} writes, all at
   * once: they are written plainly into a hidden sibling folder {@code .NAME.<pid>.<hex>.tmp},
   * renamed to {@code dir} at the end. A reader sees no folder or the whole folder; a failure (or a
   * kill) leaves no {@code dir}, and {@link #clean} removes what a killed process left. One rename
   * instead of one per file: a month's 91,647 notices written one by one atomically took 3.9 s of
   * system time on two cores, most of it the creates and renames of temporary files waiting on the
   * folder's lock; plainly into the new folder, docs/performance.md.
   *
   * @throws IOException when the folder cannot be made or written, or {@code dir} appeared
   *     meanwhile (a folder that is not empty, a file)
   */
  public static void writeFolder(Path dir, FolderContent content) throws IOException {
    Path abs = dir.toAbsolutePath();
    Path tmp = null;
    for (int attempt = 0; tmp == null; attempt++) {
      Path t = sibling(abs);
      try {
        tmp = Files.createDirectory(t);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
    boolean moved = false;
    try {
      content.writeInto(tmp);
      // rename(2): atomic; over an empty folder made meanwhile it succeeds, over anything else
      // fails
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    } finally {
      if (!moved) {
        deleteTree(tmp);
      }
    }
  }

  /**
   * Writes a new file {@code file} plainly (it must not exist), for a folder being made by {@link
   * #writeFolder}: no temporary file, as nobody sees that folder before it is complete.
   */
  public static void writeInNewFolder(Path file, Content content) throws IOException {
    try (OutputStream o =
        new java.io.BufferedOutputStream(
            Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            1 << 13)) {
      content.writeTo(o);
    }
  }

  /** Removes a folder of ours and what it holds; links are removed, not followed. */
  private static void deleteTree(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult visitFile(
              Path f, java.nio.file.attribute.BasicFileAttributes a) throws IOException {
            Files.deleteIfExists(f);
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e)
              throws IOException {
            Files.deleteIfExists(d);
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
  }

  /** Writes a temporary sibling and renames it over {@code file} ({@code a}: its attributes). */
  private static void replace(
      Path file, Content content, java.nio.file.attribute.BasicFileAttributes a)
      throws IOException {
    // the temporary file is created by the open that writes it (CREATE_NEW: one open, no race)
    Path tmp = null;
    boolean moved = false;
    try {
      OutputStream raw = null;
      for (int attempt = 0; raw == null; attempt++) {
        tmp = sibling(file);
        try {
          raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException | java.nio.file.NoSuchFileException e) {
          if (attempt == 100) {
            throw e;
          }
          Files.createDirectories(tmp.getParent()); // removed since this process created it
        }
      }
      // 8 KB: larger writes pass straight through; a 64 KB buffer per file was 6 GB of garbage for
      // a month's 91,647 notices of 3 KB
      try (OutputStream o = new java.io.BufferedOutputStream(raw, 1 << 13)) {
        content.writeTo(o);
      }
      if (a != null) { // the permissions of the file it replaces, not a new file's
        PosixFileAttributeView old = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (old != null) {
          Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
        }
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved && tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * True when {@code file} exists and is neither a regular file nor a folder (a device, a named
   * pipe, a socket): written through, never replaced.
   */
  public static boolean isSpecial(Path file) {
    return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
  }

  /** A fresh hidden name in {@code target}'s folder (created and cleaned once per process). */
  private static Path sibling(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (!CLEANED.contains(dir)) {
      Files.createDirectories(dir); // once per folder and process, then cleaned of leftovers
      cleanOnce(dir);
    }
    return dir.resolve(
        "."
            + abs.getFileName()
            + "."
            + PID
            + "."
            + Long.toHexString(ThreadLocalRandom.current().nextLong())
            + ".tmp");
  }

  /** This process's id, part of every temporary file's name. */
  private static final long PID = ProcessHandle.current().pid();

  /** Folders already cleaned by this process (a folder is cleaned once, not at every write). */
  private static final java.util.Set<Path> CLEANED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static final java.util.regex.Pattern OURS =
      java.util.regex.Pattern.compile(
          "^(?:\\..+\\.|qinglian-)(\\d+)[.-][0-9a-f]+(?:\\.tmp|\\.xlsx|\\.csv)$");

  private static void cleanOnce(Path dir) {
    if (CLEANED.add(dir)) {
      clean(dir);
    }
  }

  /**
   * Removes the temporary files that processes no longer running left in {@code dir} (killed while
   * writing: a kill -9 leaves the old or the new complete file, and this leftover): hidden {@code
   * .NAME.<pid>.<hex>.tmp} files next to outputs (folders so named too, with what they hold), and
   * {@code qinglian-<pid>-<hex>.xlsx} in the temporary folder. A file of a live process, or of this
   * one, is left alone.
   */
  public static void clean(Path dir) {
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      for (Path f : s.toList()) {
        java.util.regex.Matcher m = OURS.matcher(f.getFileName().toString());
        if (m.matches()) {
          long pid = Long.parseLong(m.group(1));
          if (pid != PID && ProcessHandle.of(pid).isEmpty()) {
            if (Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              deleteTree(f); // a folder of writeFolder's, never renamed
            } else {
              Files.deleteIfExists(f);
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // cleaning is a courtesy: a folder that cannot be listed is written all the same
    }
  }

  /**
   * A new temporary file in {@code java.io.tmpdir}, readable by its owner only, named {@code
   * qinglian-<pid>-<hex>} with {@code suffix} ({@code .xlsx} or {@code .csv}) so that {@link
   * #clean} finds it if this process dies before deleting it.
   */
  public static Path tempFile(String suffix) throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    cleanOnce(dir);
    for (int attempt = 0; ; attempt++) {
      Path f =
          dir.resolve(
              "qinglian-"
                  + PID
                  + "-"
                  + Long.toHexString(ThreadLocalRandom.current().nextLong())
                  + suffix);
      try {
        return Files.getFileStore(dir).supportsFileAttributeView("posix")
            ? Files.createFile(
                f,
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")))
            : Files.createFile(f);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }
}
