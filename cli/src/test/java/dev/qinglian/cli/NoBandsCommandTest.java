package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model without {@code bands}: {@code score} ranks with no colour column in any format; the
 * commands that follow colours say that they need bands and write nothing.
 */
class NoBandsCommandTest {
  @TempDir Path ws;

  private void workspace() throws Exception {
    // X = (A + B)/2 on goalposts 0..100: U1 (80 + 60)/2 = 70, U2 (40 + 20)/2 = 30
    Files.writeString(
        ws.resolve("indicators.yaml"),
        """
        defaults: {direction: higher, goalposts: [0, 100]}
        index:
          id: X
          children:
            - {id: A, name: {zh: 甲, en: First}}
            - {id: B, name: {zh: 乙, en: Second}}
        """);
    Files.writeString(
        ws.resolve("units.csv"), "id,name,type,parent,staff,served\nU1,一,t,,1,1\nU2,二,t,,1,1\n");
    Files.createDirectories(ws.resolve("data"));
    Files.writeString(
        ws.resolve("data/d.csv"),
        "unit,period,A,B\nU1,2026-02,80,60\nU2,2026-02,40,20\nU1,2026-03,80,60\nU2,2026-03,40,20\n");
  }

  @Test
  void scoreRanksWithoutAColourColumn() throws Exception {
    workspace();
    Golden.Run csv = Golden.run("score", ws.toString(), "--format", "csv");
    assertEquals(0, csv.exit(), csv.err());
    List<String> lines = csv.out().lines().toList();
    assertEquals("rank,unit,name,type,index,coverage,A,B,change", lines.get(0));
    assertEquals("1,U1,一,t,70,1,80,60,0", lines.get(1));
    assertEquals("2,U2,二,t,30,1,40,20,0", lines.get(2));
    Golden.Run json = Golden.run("score", ws.toString(), "--format", "json");
    assertFalse(json.out().contains("\"colour\""), json.out());
    assertTrue(json.out().contains("\"counts\" : {\n    \"unclassified\" : 2\n  }"), json.out());
    Golden.Run table = Golden.run("score", ws.toString(), "--lang", "en", "--no-color");
    assertEquals(0, table.exit(), table.err());
    String header = table.out().lines().toList().get(1);
    assertEquals("Rank  Unit  Name  Index     A     B  Δ month", header);
    assertTrue(table.out().contains("2026-03 · 2 units: unclassified 2"), table.out());
    Golden.Run md = Golden.run("score", ws.toString(), "--format", "markdown", "--lang", "en");
    assertTrue(md.out().contains("|---:|---|---|---:|---:|---:|---:|\n| 1 | U1 |"), md.out());
    Golden.Run explain = Golden.run("explain", "U2", ws.toString(), "--lang", "en");
    assertEquals(0, explain.exit(), explain.err());
    assertTrue(
        explain.out().startsWith("U2 二 · 2026-03 · index 30.0 · rank 2 of 2"), explain.out());
  }

  @Test
  void theCommandsThatFollowColoursSaySo() throws Exception {
    workspace();
    Path out = ws.resolve("out");
    Map<String, List<String>> args =
        Map.of(
            "changes", List.of(),
            "warn", List.of("--out", out.toString()),
            "report", List.of("--out", out.resolve("r.html").toString()));
    for (String command : List.of("changes", "warn", "report")) {
      List<String> a = new ArrayList<>(List.of(command, ws.toString()));
      a.addAll(args.get(command));
      Golden.Run zh = Golden.run(a.toArray(new String[0]));
      a.addAll(List.of("--lang", "en"));
      Golden.Run r = Golden.run(a.toArray(new String[0]));
      assertEquals(1, r.exit(), command + ": " + r.err());
      assertTrue(
          r.err().contains("the model has no colour bands: '" + command + "' follows the colours"),
          r.err());
      assertTrue(zh.err().contains("模型没有颜色等级（bands）"), zh.err());
    }
    try (var files = Files.list(ws)) {
      assertEquals(
          List.of("data", "indicators.yaml", "units.csv"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
