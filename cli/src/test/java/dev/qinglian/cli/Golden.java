package dev.qinglian.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs the command line in-process and normalises outputs for golden comparisons. */
final class Golden {
  private Golden() {}

  /** The project root. */
  static Path root() {
    String prop = System.getProperty("qinglian.root");
    Path p = prop != null ? Path.of(prop) : Path.of("..");
    return p.toAbsolutePath().normalize();
  }

  /** The shipped demo county. */
  static Path demo() {
    return root().resolve("examples/demo-county");
  }

  /** Result of one run. */
  record Run(int exit, String out, String err) {}

  /** Runs {@code qinglian args…}. */
  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Copies a folder tree. */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  /** Every file under a folder with its bytes' SHA-256, for "nothing was touched" checks. */
  static List<String> snapshot(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted().toList()) {
        if (Files.isRegularFile(p)) {
          out.add(dir.relativize(p) + " " + dev.qinglian.cli.render.Hashes.sha256(p));
        }
      }
    }
    return out;
  }

  /** The charset a demo file is written in. */
  static Charset charsetOf(String file) {
    return file.endsWith("propaganda.csv") ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
  }
}
