package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV has no byte-order mark by default (the machine format); --bom adds one for Excel. */
class CsvBomTest {
  @Test
  void bomIsTheThreeBytesBeforeTheSameCsv(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("plain.csv");
    Path bom = dir.resolve("bom.csv");
    String demo = Golden.demo().toString();
    assertEquals(0, Golden.run("score", demo, "--output", plain.toString()).exit());
    assertEquals(0, Golden.run("score", demo, "--output", bom.toString(), "--bom").exit());
    byte[] a = Files.readAllBytes(plain);
    byte[] b = Files.readAllBytes(bom);
    assertTrue(a[0] == 'r', "no BOM by default");
    // EF BB BF is U+FEFF in UTF-8
    assertEquals(0xEF, b[0] & 0xFF);
    assertEquals(0xBB, b[1] & 0xFF);
    assertEquals(0xBF, b[2] & 0xFF);
    assertTrue(Arrays.equals(a, Arrays.copyOfRange(b, 3, b.length)));
  }
}
