package dev.qinglian;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers for tests that write small input files. */
public final class TestFiles {
  private TestFiles() {}

  /** Writes UTF-8 text. */
  public static Path write(Path dir, String name, String text) throws IOException {
    return write(dir, name, text, StandardCharsets.UTF_8);
  }

  /** Writes text in a charset. */
  public static Path write(Path dir, String name, String text, Charset cs) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, text.getBytes(cs));
    return p;
  }

  /** The project root (where indicators.yaml lives). */
  public static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("indicators.yaml"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("project root not found");
    }
    return p;
  }
}
