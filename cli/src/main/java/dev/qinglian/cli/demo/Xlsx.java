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
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(xlsx.length);
    Path tmp = Files.createTempFile("qinglian", ".xlsx");
    try (ZipFile in = openZip(tmp, xlsx);
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] data;
        try (var s = in.getInputStream(e)) {
          data = s.readAllBytes();
        }
        if (e.getName().equals("docProps/core.xml")) {
          String xml = new String(data, StandardCharsets.UTF_8);
          xml =
              xml.replaceAll(
                  "(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + CREATED + "$2");
          data = xml.getBytes(StandardCharsets.UTF_8);
        }
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(315532800000L); // 1980-01-01, the zip epoch
        out.putNextEntry(copy);
        out.write(data);
        out.closeEntry();
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return bytes.toByteArray();
  }

  private static ZipFile openZip(Path tmp, byte[] xlsx) throws IOException {
    Files.write(tmp, xlsx);
    return new ZipFile(tmp.toFile());
  }
}
