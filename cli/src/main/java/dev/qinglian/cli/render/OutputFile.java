package dev.qinglian.cli.render;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import dev.qinglian.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a result to standard output or to a file. A file is written to a temporary file in the
 * same folder and moved into place, so it is never half-written; an existing file is replaced only
 * with {@code --force}, and an input file never.
 */
public final class OutputFile {
  private OutputFile() {}

  /**
   * Makes output folder {@code dir} with its parents, or fails naming it: a file there or a link to
   * nothing (exit 1, {@link #requireFolderOrNothing}), a parent that is a file, no permission, a
   * read-only file system (exit 3).
   */
  public static void folder(Path dir) {
    requireFolderOrNothing(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw CliException.of(ExitCode.UNREADABLE, "create.failed", dir, e.getMessage());
    }
  }

  /**
   * Refuses (exit 1, naming it) an output folder {@code dir} that is a file or a link to nothing; a
   * folder there, or nothing, passes.
   */
  public static void requireFolderOrNothing(Path dir) {
    if (Files.isSymbolicLink(dir) && Files.notExists(dir)) {
      String target;
      try {
        target = Files.readSymbolicLink(dir).toString();
      } catch (IOException e) {
        target = "?";
      }
      throw CliException.of(ExitCode.INPUT, "folder.dangling", dir, target);
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw CliException.of(ExitCode.INPUT, "file.nothing", dir);
    }
  }

  /** Content written to a {@link Writer}, or as UTF-8 bytes to a file. */
  public interface Content {
    /** Writes the content. */
    void writeTo(Writer w) throws IOException;

    /**
     * Writes the content as UTF-8 bytes (to a file); override when the content can encode itself
     * faster than one {@link Writer} can (in parallel, say).
     */
    default void writeTo(java.io.OutputStream o) throws IOException {
      Writer w =
          new java.io.BufferedWriter(new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8));
      writeTo(w);
      w.flush();
    }
  }

  /** Content that writes itself as bytes (UTF-8 text: whole characters in each write). */
  @FunctionalInterface
  public interface Bytes {
    /** Writes the bytes. */
    void writeTo(java.io.OutputStream o) throws IOException;
  }

  /**
   * {@code bytes} as content: to a file as they are, to a writer (standard output) decoded write by
   * write.
   */
  public static Content of(Bytes bytes) {
    return new Content() {
      @Override
      public void writeTo(Writer w) throws IOException {
        bytes.writeTo(
            new java.io.OutputStream() {
              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                w.write(new String(b, off, len, StandardCharsets.UTF_8)); // whole characters
              }
            });
      }

      @Override
      public void writeTo(java.io.OutputStream o) throws IOException {
        bytes.writeTo(o);
      }
    };
  }

  /** {@code content} preceded by a UTF-8 byte-order mark when {@code bom}, else as it is. */
  public static Content withBom(Content content, boolean bom) {
    if (!bom) {
      return content;
    }
    return new Content() {
      @Override
      public void writeTo(Writer w) throws IOException {
        w.write('\uFEFF');
        content.writeTo(w);
      }

      @Override
      public void writeTo(java.io.OutputStream o) throws IOException {
        o.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        content.writeTo(o);
      }
    };
  }

  /** What {@code bytes} writes, as a string. */
  public static String text(Bytes bytes) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try {
      bytes.writeTo(b);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  /** Writes {@code content} to {@code target}, or to {@code out} when target is null. */
  public static void write(
      String content, Path target, boolean force, List<Path> inputs, PrintWriter out) {
    write(w -> w.write(content), target, force, inputs, out);
  }

  /** Writes binary content (a workbook) to {@code target}, which is required. */
  public static void writeBytes(byte[] content, Path target, boolean force, List<Path> inputs) {
    writeBinary(o -> o.write(content), target, force, inputs);
  }

  /**
   * Writes binary {@code content} (a workbook) to {@code target} atomically; there must be a
   * target.
   */
  public static void writeBinary(Bytes content, Path target, boolean force, List<Path> inputs) {
    if (target == null) {
      throw CliException.of(ExitCode.USAGE, "output.xlsx");
    }
    write(
        new Content() {
          @Override
          public void writeTo(Writer w) {
            throw new IllegalStateException("binary");
          }

          @Override
          public void writeTo(java.io.OutputStream o) throws IOException {
            content.writeTo(o);
          }
        },
        target,
        force,
        inputs,
        null);
  }

  /** Streams {@code content} to {@code target}, or to {@code out} when target is null. */
  public static void write(
      Content content, Path target, boolean force, List<Path> inputs, PrintWriter out) {
    if (target == null) {
      try {
        content.writeTo(out);
      } catch (IOException e) {
        throw CliException.of(ExitCode.UNREADABLE, "output.failed", e.getMessage());
      }
      // a PrintWriter keeps its errors to itself: a full disk or a closed pipe must not exit 0
      if (out.checkError()) {
        throw CliException.of(ExitCode.UNREADABLE, "output.full");
      }
      return;
    }
    check(target, force, absolute(inputs), false);
    writeChecked(target, content);
  }

  /** The inputs as absolute, normalised paths, for {@link #check}. */
  public static java.util.Set<Path> absolute(List<Path> inputs) {
    java.util.Set<Path> out = new java.util.HashSet<>();
    for (Path in : inputs) {
      out.add(in.toAbsolutePath().normalize());
    }
    return out;
  }

  /**
   * Checks that {@code target} may be written, with one look at it: not an input ({@code inputs}
   * absolute and normalised, {@link #absolute}), not a folder, and absent unless {@code force} — a
   * device or a pipe is written through, so it may exist. For a command that writes many files
   * ({@code batch}), every check before the first write, and its messages say nothing was written.
   */
  public static void check(Path target, boolean force, java.util.Set<Path> inputs, boolean batch) {
    java.nio.file.attribute.BasicFileAttributes a;
    try {
      a = Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class);
    } catch (IOException e) { // absent (or unreadable: then writing it says why)
      a = null;
    }
    Path abs = target.toAbsolutePath().normalize();
    if (inputs.contains(abs)) {
      throw CliException.of(ExitCode.INPUT, "output.input", target);
    }
    if (a != null) {
      for (Path in : inputs) { // another name of an input (a link)
        if (sameFile(in, target)) {
          throw CliException.of(ExitCode.INPUT, "output.input", target);
        }
      }
    }
    if (a != null && a.isDirectory()) {
      throw batch
          ? CliException.of(ExitCode.INPUT, "folder.nothing", target)
          : CliException.of(ExitCode.INPUT, "output.folder", target);
    }
    // a device or a pipe (/dev/null, /dev/stdout, a FIFO) is written through, never replaced; a
    // link to nothing is there too (the write would replace it)
    boolean dangling = a == null && Files.isSymbolicLink(target);
    if ((a != null && !a.isOther() || dangling) && !force) {
      throw batch
          ? CliException.of(ExitCode.INPUT, "exists.nothing", target)
          : CliException.of(ExitCode.INPUT, "output.exists", target);
    }
  }

  /**
   * {@link #check} of many files in one folder, before the first is written: the folder is listed
   * once and only the targets whose names are there (ignoring case, for file systems that do) are
   * looked at (a look at each of a month's 91,647 notices took over a second).
   *
   * @return the targets the listing showed absent, for {@link #writeChecked(Path, Content,
   *     boolean)}
   */
  public static java.util.Set<Path> checkAll(
      List<Path> targets, boolean force, java.util.Set<Path> inputs) {
    java.util.Set<Path> absent = new java.util.HashSet<>();
    java.util.Map<Path, java.util.Set<String>> present = new java.util.HashMap<>();
    for (Path t : targets) {
      Path dir = t.toAbsolutePath().normalize().getParent();
      java.util.Set<String> names =
          present.computeIfAbsent(
              dir,
              d -> {
                java.util.Set<String> n = new java.util.HashSet<>();
                try (java.util.stream.Stream<Path> s = Files.list(d)) {
                  s.forEach(f -> n.add(f.getFileName().toString().toLowerCase(Locale.ROOT)));
                } catch (java.nio.file.NoSuchFileException e) {
                  return n; // a folder still to be made holds nothing
                } catch (IOException | java.io.UncheckedIOException e) {
                  return null; // not a folder, or unreadable: each target is looked at
                }
                return n;
              });
      if (names == null
          || names.contains(t.getFileName().toString().toLowerCase(Locale.ROOT))
          || inputs.contains(t.toAbsolutePath().normalize())) {
        check(t, force, inputs, true);
      } else {
        absent.add(t);
      }
    }
    return absent;
  }

  /** Writes {@code content} to {@code target} atomically, its {@link #check} done. */
  public static void writeChecked(Path target, Content content) {
    writeChecked(target, content, false);
  }

  /**
   * Writes {@code content} to {@code target} atomically, its {@link #check} done; {@code absent}:
   * {@link #checkAll} saw no file there (none is looked for again).
   */
  public static void writeChecked(Path target, Content content, boolean absent) {
    try {
      Path t = target.toAbsolutePath().normalize();
      if (absent) {
        AtomicFiles.writeNew(t, o -> content.writeTo(o));
      } else {
        AtomicFiles.write(t, o -> content.writeTo(o));
      }
    } catch (IOException e) {
      throw CliException.of(ExitCode.UNREADABLE, "output.write", target, e.getMessage());
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
