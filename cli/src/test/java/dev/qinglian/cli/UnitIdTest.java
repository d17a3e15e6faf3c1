package dev.qinglian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A unit id typed by a person: case forgiven with a note, a typo answered with the closest ids. */
class UnitIdTest {
  static final String DEMO = Golden.demo().toString();

  @Test
  void anIdInTheWrongCaseIsTakenWithANote() {
    Golden.Run zh = Golden.run("explain", "b21", DEMO);
    assertEquals(0, zh.exit(), zh.err());
    assertTrue(zh.err().contains("注意：按 B21 处理（输入为 b21）"), zh.err());
    assertTrue(zh.out().startsWith("B21 县农业农村局"), zh.out());
    Golden.Run en = Golden.run("trend", DEMO, "--unit", "z07", "--lang", "en");
    assertEquals(0, en.exit(), en.err());
    assertTrue(en.err().contains("note: taking z07 as Z07"), en.err());
  }

  @Test
  void anUnknownIdGetsTheClosestOnes() {
    // B99 is one edit from B09, B19, B29 and B39 (the register runs B01–B40): the first three
    Golden.Run zh = Golden.run("explain", "B99", DEMO);
    assertEquals(2, zh.exit());
    assertTrue(zh.err().contains("未知单位 B99；是否指：B09, B19, B29"), zh.err());
    Golden.Run en = Golden.run("explain", "B99", DEMO, "--lang", "en");
    assertTrue(en.err().contains("unknown unit B99; did you mean: B09, B19, B29"), en.err());
  }
}
