package dev.qinglian.cli.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The notices filled into templates are the documents {@link NoticeDocx} builds, part for part and
 * byte for byte: on generated notices (shapes, widths, dates, notes) and on notices mutated one
 * text at a time into texts the templates must leave to {@link NoticeDocx} (escaped characters,
 * white space at an end, empty, surrogates, control characters, the markers' own characters).
 */
class NoticeTemplatesTest {
  private static final String[] PLAIN = {
    "中共示例县纪委 示例县监委",
    "县纪委监委",
    "示例县纪律检查委员会 示例县监察委员会 示例县人民政府办公室",
    "示纪预〔2026〕17号",
    "关于对县农业农村局予以黄色预警的通知",
    "县农业农村局",
    "U000017",
    "一、主要失分维度",
    "1. 信访举报（D3.1.2）：原始值 12.5%，得分 40.0，失分 3.25。",
    "2026年10月，全县清廉指数 300,000 家单位参评，你单位指数 61.2，排名第 17 位，为黄色。",
    "请于2026年12月10日前向县纪委监委报送整改情况。",
    "Notice of a yellow warning to County Bureau of Agriculture",
    "your unit's index is 61.2; the rule \"promotion\" caps it at yellow.",
    "St. Mary's \"Hospital\"",
    "County Commission for Discipline Inspection",
    "5 November 2026",
    "2026年11月5日",
    "（预警编号：W-2026-10-U000017）",
    "qinglian 1.0.0; 2026-10; indicators.yaml sha256 9f3a; data/data.csv sha256 77e1",
    "指数下降 -3.2 分（由 64.4 降至 61.2）；按指数，你单位应为绿色；因“当月有‘带病提拔’问题”，限定为黄色。",
  };

  private static final String[] AWKWARD = {
    "",
    "A&B 局",
    "a<b",
    "b>a",
    " 前导空格",
    "尾随空格 ",
    "\u3000全角空格",
    "两行\n文字",
    "制表\t符",
    "\uD840\uDC00扩展B",
    "私用\uE000区",
    "\uE0015",
    "回车\r",
    "\u007F删除",
    "\uFFFE",
  };

  private static String pick(Random r, String[] pool) {
    return pool[r.nextInt(pool.length)];
  }

  private static Notice generated(Random r) {
    List<Notice.Block> body = new ArrayList<>();
    int blocks = 3 + r.nextInt(12);
    for (int i = 0; i < blocks; i++) {
      body.add(
          new Notice.Block(
              Notice.Kind.values()[r.nextInt(3)], pick(r, PLAIN) + (i % 3 == 0 ? i : "")));
    }
    return new Notice(
        r.nextBoolean() ? "zh" : "en",
        pick(r, PLAIN),
        "示纪预〔2026〕" + (1 + r.nextInt(99999)) + "号",
        pick(r, PLAIN),
        pick(r, PLAIN),
        body,
        pick(r, PLAIN),
        r.nextBoolean() ? "2026年11月5日" : "2026年11月10日",
        r.nextInt(4) == 0 ? "" : "（预警编号：W-2026-10-U" + r.nextInt(300000) + "）",
        "U" + r.nextInt(300000),
        "#FFD700",
        pick(r, PLAIN));
  }

  /** {@code n} with its text number {@code i} (in the order of the record's fields) replaced. */
  private static Notice with(Notice n, int i, String text) {
    String[] f = {
      n.mark(),
      n.number(),
      n.title(),
      n.recipient(),
      n.signature(),
      n.date(),
      n.note(),
      n.unitId(),
      n.provenance()
    };
    List<Notice.Block> body = new ArrayList<>(n.body());
    if (i < f.length) {
      f[i] = text;
    } else {
      int b = (i - f.length) % body.size();
      body.set(b, new Notice.Block(body.get(b).kind(), text));
    }
    return new Notice(
        n.lang(), f[0], f[1], f[2], f[3], body, f[4], f[5], f[6], f[7], n.colour(), f[8]);
  }

  /**
   * The two documents' parts: the same names in the same order, the same bytes. The template's zip
   * read twice, as a stream (each entry's CRC checked against its content) and by its central
   * directory (the sizes and offsets, the epoch time).
   */
  private static void assertSameParts(byte[] expected, byte[] actual, String what)
      throws java.io.IOException {
    Map<String, byte[]> e = parts(expected);
    Map<String, byte[]> a = parts(actual);
    assertEquals(List.copyOf(e.keySet()), List.copyOf(a.keySet()), what);
    for (String name : e.keySet()) {
      assertArrayEquals(e.get(name), a.get(name), what + ": " + name);
    }
    java.nio.file.Path f = java.nio.file.Files.createTempFile("notice", ".docx");
    try {
      java.nio.file.Files.write(f, actual);
      try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f.toFile())) {
        for (String name : e.keySet()) {
          java.util.zip.ZipEntry entry = z.getEntry(name);
          assertEquals(java.util.zip.ZipEntry.DEFLATED, entry.getMethod());
          assertEquals(
              java.time.LocalDateTime.of(1980, 1, 1, 0, 0),
              entry.getTimeLocal(),
              what + ": " + name);
          try (var in = z.getInputStream(entry)) {
            assertArrayEquals(e.get(name), in.readAllBytes(), what + ": " + name);
          }
        }
      }
    } finally {
      java.nio.file.Files.delete(f);
    }
  }

  private static Map<String, byte[]> parts(byte[] docx) throws java.io.IOException {
    Map<String, byte[]> m = new LinkedHashMap<>();
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        m.put(entry.getName(), in.readAllBytes());
      }
    }
    return m;
  }

  @Test
  void generatedNoticesAreTheDocumentsNoticeDocxBuilds() throws Exception {
    NoticeTemplates templates = new NoticeTemplates();
    Random r = new Random(20261203);
    int filled = 0;
    for (int k = 0; k < 150; k++) {
      Notice n = generated(r);
      String created = k % 5 == 0 ? "2026-11-10T00:00:00Z" : "2026-11-05T00:00:00Z";
      assertTrue(NoticeTemplates.templated(n), "generated from plain texts only");
      filled++;
      assertSameParts(NoticeDocx.bytes(n, created), templates.bytes(n, created), "notice " + k);
    }
    assertTrue(filled == 150);
  }

  @Test
  void mutatedNoticesAreTheDocumentsNoticeDocxBuilds() throws Exception {
    NoticeTemplates templates = new NoticeTemplates();
    Random r = new Random(7);
    for (int k = 0; k < 120; k++) {
      Notice base = generated(r);
      String awkward = AWKWARD[k % AWKWARD.length];
      int field = r.nextInt(12);
      Notice n = with(base, field, awkward);
      if (field == 6 && awkward.isEmpty()) {
        // an empty note is no note (a shape of its own), a template's case
        assertTrue(NoticeTemplates.templated(n));
      } else {
        assertFalse(NoticeTemplates.templated(n), "not a template's text: " + awkward);
      }
      String created = "2026-11-05T00:00:00Z";
      assertSameParts(NoticeDocx.bytes(n, created), templates.bytes(n, created), "notice " + k);
      // and the template of its shape still gives the plain notice's document
      assertSameParts(NoticeDocx.bytes(base, created), templates.bytes(base, created), "base");
    }
  }

  @Test
  void plainIsWhatXmlWritesAsItIs() {
    assertTrue(NoticeTemplates.plain("县农业农村局（D1.2.3）：-3.25%，“引号”‘单引号’"));
    for (String s : AWKWARD) {
      assertFalse(NoticeTemplates.plain(s), s);
    }
  }
}
