package dev.qinglian.internal.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A register file read ahead: the bytes of a CSV file and what one pass over them found (quotes,
 * non-ASCII bytes, the lines), so that the workspace can read it on another core while it loads the
 * model (1,000,000 units: about 55 ms of reading and scanning that the model's 65 ms of loading
 * then hide). An XLSX file, or one that could not be read, is only named: the register's read reads
 * it, and reports its problems, as a read from the path does. Immutable; a register read from it
 * keeps its bytes.
 *
 * @param path the file
 * @param bytes its bytes, or null: read when the register is
 * @param probe what one pass over the bytes found (null with them)
 */
public record RegisterAhead(Path path, byte[] bytes, FastCsv.Probe probe) {
  /** Checks the path. */
  public RegisterAhead {
    Objects.requireNonNull(path);
  }

  /** Only the path: everything is read when the register is. */
  public static RegisterAhead named(Path path) {
    return new RegisterAhead(path, null, null);
  }

  /** Reads and scans a CSV register; never throws (a problem is reported by the read). */
  public static RegisterAhead of(Path path) {
    if (Tables.isXlsx(path)) {
      return named(path);
    }
    try {
      byte[] all = java.nio.file.Files.readAllBytes(path);
      return new RegisterAhead(path, all, FastCsv.probe(all));
    } catch (IOException | RuntimeException e) {
      return named(path); // read again by the register, which reports it
    }
  }
}
