package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score --levels} on a three-level toy tree, numbers by hand. */
class LevelsTest {
  @TempDir Path ws;

  @Test
  void everyNodeGetsItsColumnDownToTheLevelAsked() throws Exception {
    // X = (D1 + D2)/2, D1 = (A + B)/2, D2 = C; U1: A 80, B 60, C 40 -> D1 70, D2 40, X 55
    Files.writeString(
        ws.resolve("indicators.yaml"),
        """
        bands: [{id: green, min: 50}, {id: red}]
        defaults: {direction: higher, goalposts: [0, 100]}
        index:
          id: X
          children:
            - {id: D1, name: {zh: 甲, en: First}, children: [{id: A}, {id: B}]}
            - {id: D2, name: {zh: 乙, en: Second}, children: [{id: C}]}
        """);
    Files.writeString(ws.resolve("units.csv"), "id,name,type,parent,staff,served\nU1,一,t,,1,1\n");
    Files.createDirectories(ws.resolve("data"));
    Files.writeString(ws.resolve("data/d.csv"), "unit,period,A,B,C\nU1,2026-03,80,60,40\n");
    Golden.Run one = Golden.run("score", ws.toString(), "--format", "csv");
    assertEquals(0, one.exit(), one.err());
    assertEquals(
        "rank,unit,name,type,index,colour,index_colour,coverage,caps,D1,D2,change",
        one.out().lines().findFirst().orElseThrow());
    Golden.Run all = Golden.run("score", ws.toString(), "--format", "csv", "--levels", "all");
    assertEquals(0, all.exit(), all.err());
    List<String> lines = all.out().lines().toList();
    assertEquals(
        "rank,unit,name,type,index,colour,index_colour,coverage,caps,D1,A,B,D2,C,change",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("1,U1,一,t,55,green,green,1,,70,80,60,40,40,"), lines.get(1));
    Golden.Run json = Golden.run("score", ws.toString(), "--format", "json", "--levels", "2");
    assertTrue(json.out().contains("\"id\" : \"A\",\n    \"level\" : 2"), json.out());
    Golden.Run table =
        Golden.run("score", ws.toString(), "--levels", "all", "--lang", "en", "--no-color");
    assertTrue(table.out().contains("D1 First"), table.out());
  }
}
