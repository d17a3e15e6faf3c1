package dev.qinglian.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aNewFolderAppearsWholeWithItsFilesAndNothingBeside() throws IOException {
    Path dir = tmp.resolve("notices");
    AtomicFiles.writeFolder(
        dir,
        d -> {
          // while the files are written, the folder is not there under its name
          assertFalse(Files.exists(dir));
          AtomicFiles.writeInNewFolder(
              d.resolve("a.md"), o -> o.write("一".getBytes(StandardCharsets.UTF_8)));
          AtomicFiles.writeInNewFolder(d.resolve("b.md"), o -> o.write('b'));
        });
    assertEquals(List.of("a.md", "b.md"), names(dir));
    assertEquals("一", Files.readString(dir.resolve("a.md")));
    assertEquals(List.of("notices"), names(tmp), "no temporary folder left beside it");
  }

  /** {@link AtomicFiles#writeFolder} of one file, {@code a.md}, then {@code then}. */
  private static void writeAThen(Path dir, AtomicFiles.FolderContent then) throws IOException {
    AtomicFiles.writeFolder(
        dir,
        d -> {
          AtomicFiles.writeInNewFolder(d.resolve("a.md"), o -> o.write('a'));
          then.writeInto(d);
        });
  }

  @Test
  void aFailureLeavesNoFolderAndNoTemporaryOne() throws IOException {
    Path dir = tmp.resolve("notices");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                writeAThen(
                    dir,
                    d -> {
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", e.getMessage());
    assertEquals(List.of(), names(tmp));
    // an unchecked failure (a message of the caller's) cleans up the same way
    assertThrows(
        IllegalStateException.class,
        () ->
            writeAThen(
                dir,
                d -> {
                  throw new IllegalStateException("refused");
                }));
    assertEquals(List.of(), names(tmp));
  }

  @Test
  void aFolderThatAppearedMeanwhileIsNotReplaced() throws IOException {
    Path dir = tmp.resolve("notices");
    assertThrows(
        IOException.class,
        () ->
            writeAThen(
                dir,
                d -> {
                  Files.createDirectory(dir);
                  Files.writeString(dir.resolve("theirs.md"), "kept");
                }));
    assertEquals(List.of("theirs.md"), names(dir), "the other writer's folder untouched");
    assertEquals(List.of("notices"), names(tmp));
  }

  @Test
  void theFolderOfAKilledProcessIsRemovedAndALiveOnesKept() throws IOException {
    // 2^31 - 2 is no process (pid_max is at most 2^22); pid 1 is alive
    Path dead = Files.createDirectories(tmp.resolve(".notices.2147483646.9f3a.tmp/sub"));
    Files.writeString(dead.resolve("x.md"), "half");
    Path target = Files.createDirectory(tmp.resolve("elsewhere"));
    Files.writeString(target.resolve("keep.md"), "not ours");
    Files.createSymbolicLink(dead.resolve("link"), target); // removed, not followed
    Path alive = Files.createDirectory(tmp.resolve(".notices.1.9f3b.tmp"));
    AtomicFiles.clean(tmp);
    assertEquals(List.of(".notices.1.9f3b.tmp", "elsewhere"), names(tmp));
    assertTrue(Files.exists(alive));
    assertEquals("not ours", Files.readString(target.resolve("keep.md")));
  }
}
