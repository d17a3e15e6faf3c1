package dev.qinglian.cli.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Makes workbooks byte-reproducible: fastexcel stamps the creation time into docProps/core.xml. */
public final class Xlsx {
  /** The creation time written instead of the wall clock. */
  static final String CREATED = "2026-10-31T00:00:00Z";

  private Xlsx() {}

  /** The same workbook with a fixed creation time and fixed zip entry times. */
  public static byte[] withoutTimestamp(byte[] xlsx) throws IOException {
    return withoutTimestamp(xlsx, CREATED);
  }

  /**
   * The same OOXML package (workbook or document) with creation time {@code created} (an ISO
   * instant) and fixed zip entry times.
   */
  public static byte[] withoutTimestamp(byte[] xlsx, String created) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(xlsx.length);
    Path tmp = dev.qinglian.io.AtomicFiles.tempFile(".xlsx");
    try {
      Files.write(tmp, xlsx);
      withoutTimestamp(tmp, bytes, java.util.zip.Deflater.DEFAULT_COMPRESSION, created);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return bytes.toByteArray();
  }

  /**
   * {@link #withoutTimestamp(byte[], String)} of a package whose entries are all deflated (Apache
   * POI's), read as a stream in the order its entries were written: no temporary file opened as a
   * {@link ZipFile} (a seventh of the time of a month's Word notices). A stored entry with a data
   * descriptor (fastexcel's workbooks) cannot be read this way.
   */
  public static byte[] deflatedWithoutTimestamp(byte[] pkg, String created) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(pkg.length);
    try (java.util.zip.ZipInputStream in =
            new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(pkg));
        ZipOutputStream zip = zip(bytes, java.util.zip.Deflater.DEFAULT_COMPRESSION)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        copy(e.getName(), in, zip, created);
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Writes workbook {@code xlsx} to {@code out} with a fixed creation time and fixed zip entry
   * times, entry by entry as a stream (the sheet of a large ranking is a gigabyte of XML),
   * compressed at {@code level}.
   */
  public static void withoutTimestamp(Path xlsx, java.io.OutputStream out, int level)
      throws IOException {
    withoutTimestamp(xlsx, out, level, CREATED);
  }

  private static void withoutTimestamp(
      Path xlsx, java.io.OutputStream out, int level, String created) throws IOException {
    try (ZipFile in = new ZipFile(xlsx.toFile());
        ZipOutputStream zip = zip(out, level)) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        try (var s = in.getInputStream(e)) {
          copy(e.getName(), s, zip, created);
        }
      }
    }
  }

  /** A zip stream on {@code out} that leaves {@code out} open. */
  private static ZipOutputStream zip(java.io.OutputStream out, int level) {
    ZipOutputStream zip =
        new ZipOutputStream(
            new java.io.FilterOutputStream(out) {
              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
              }

              @Override
              public void close() throws IOException {
                flush(); // the caller closes its stream
              }
            });
    zip.setLevel(level);
    return zip;
  }

  /** Copies entry {@code name} read from {@code s}, at the fixed time, its creation time set. */
  private static void copy(String name, java.io.InputStream s, ZipOutputStream zip, String created)
      throws IOException {
    ZipEntry copy = new ZipEntry(name);
    // 1980-01-01 00:00, the zip epoch, as the entry's DOS (local) time in every time zone: setTime
    // converts through the JVM's zone, so it is given the instant that is that local time here (a
    // fixed instant gave 14:00 under TZ=Pacific/Kiritimati, and before 1980, with an extra
    // timestamp field, west of Greenwich); setTimeLocal adds such a field too
    copy.setTime(
        java.time.LocalDateTime.of(1980, 1, 1, 0, 0)
            .atZone(java.time.ZoneId.systemDefault())
            .toInstant()
            .toEpochMilli());
    zip.putNextEntry(copy);
    if (name.equals("docProps/core.xml")) {
      String xml = new String(s.readAllBytes(), StandardCharsets.UTF_8);
      xml =
          xml.replaceAll(
              "(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + created + "$2");
      zip.write(xml.getBytes(StandardCharsets.UTF_8));
    } else {
      s.transferTo(zip);
    }
    zip.closeEntry();
  }
}
