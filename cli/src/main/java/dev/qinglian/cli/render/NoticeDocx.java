package dev.qinglian.cli.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

/**
 * A warning notice as a Word document laid out after GB/T 9704-2012 (党政机关公文格式): A4 with the
 * standard margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), the letterhead (发文机关标志) in
 * red 小标宋 centred, the document number (发文字号) under it, the red rule, the title in 2号小标宋, the
 * recipient (主送机关), the body in 3号仿宋 at a fixed 28.95 pt line pitch (22 lines a page), headings in
 * 黑体, the signature centred over the date with the date four characters from the right (the layout
 * for a stamped document), the annotation and the page number "— N —" in 4号宋体. Fonts are named, not
 * embedded. Provenance goes into the document's properties, not the letter.
 *
 * <p>Stateless; thread-safe. Byte-reproducible: the zip entries and the creation time are fixed
 * (the creation time is the notice's date).
 */
public final class NoticeDocx {
  private NoticeDocx() {}

  /** 小标宋 for the letterhead and title. */
  static final String TITLE_FONT = "方正小标宋简体";

  /** 仿宋 for the body. */
  static final String BODY_FONT = "仿宋_GB2312";

  /** 黑体 for first-level headings. */
  static final String HEADING_FONT = "黑体";

  /** 宋体 for the page number. */
  static final String PAGE_FONT = "宋体";

  /** Red of the letterhead and rule. */
  static final String RED = "FF0000";

  /** 3号: the body's size in points. */
  private static final int BODY_PT = 16;

  /** 1 mm in twentieths of a point. */
  private static final double MM = 1440 / 25.4;

  /** The type area's width (版心 156 mm) in points. */
  private static final double WIDTH_PT = 156 / 25.4 * 72;

  /** The notice as .docx bytes; {@code created} the ISO instant written as its creation time. */
  public static byte[] bytes(Notice n, String created) throws IOException {
    return bytes(n, markPt(n), signatureIndent(n), created);
  }

  /**
   * 发文机关标志's size: as large as fits the type area (at most 小初, 36 pt). A number of the layout's
   * taken from the texts, which {@link NoticeTemplates} keys its templates by.
   */
  static int markPt(Notice n) {
    return (int) Math.min(36, Math.floor(WIDTH_PT / Math.max(1, width(n.mark()))));
  }

  /**
   * The signature's right indent in characters: centred over the date, which stands four characters
   * from the right (the layout for a stamped document).
   */
  static double signatureIndent(Notice n) {
    return Math.max(0, 4 + (width(n.date()) - width(n.signature())) / 2);
  }

  /** The document with the layout's numbers given ({@link #markPt}, {@link #signatureIndent}). */
  static byte[] bytes(Notice n, int markPt, double signatureIndent, String created)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      page(doc);
      boolean zh = n.lang().equals("zh");
      // 发文机关标志: red 小标宋, centred
      XWPFParagraph mark = paragraph(doc, ParagraphAlignment.CENTER, 0);
      exact(mark, markPt * 1.4);
      run(mark, n.mark(), TITLE_FONT, markPt, RED);
      blank(doc);
      blank(doc);
      // 发文字号, then the red rule 4 mm below it (a bottom border, the width of the type area)
      XWPFParagraph number = paragraph(doc, ParagraphAlignment.CENTER, 0);
      run(number, n.number(), BODY_FONT, BODY_PT, null);
      CTPPr ppr = ppr(number);
      CTBorder rule = ppr.addNewPBdr().addNewBottom();
      rule.setVal(STBorder.SINGLE);
      rule.setSz(BigInteger.valueOf(12)); // eighths of a point: 1.5 pt
      rule.setSpace(BigInteger.valueOf(11)); // points between the text and the rule: ~4 mm
      rule.setColor(RED);
      blank(doc);
      // 标题: 2号 (22 pt) 小标宋, centred, one blank line below the rule
      XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER, 0);
      exact(title, 35);
      run(title, n.title(), TITLE_FONT, 22, null);
      blank(doc);
      // 主送机关, flush left, with a full-width colon
      XWPFParagraph to = paragraph(doc, ParagraphAlignment.LEFT, 0);
      run(to, n.recipient() + (zh ? "：" : ":"), BODY_FONT, BODY_PT, null);
      for (Notice.Block b : n.body()) {
        XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH, 2);
        boolean heading = b.kind() == Notice.Kind.HEADING;
        run(p, b.text(), heading ? HEADING_FONT : BODY_FONT, BODY_PT, null);
      }
      blank(doc);
      blank(doc);
      // 署名 centred over 成文日期, the date four characters from the right (stamped layout)
      XWPFParagraph sig = paragraph(doc, ParagraphAlignment.RIGHT, 0);
      rightIndent(sig, signatureIndent);
      run(sig, n.signature(), BODY_FONT, BODY_PT, null);
      XWPFParagraph date = paragraph(doc, ParagraphAlignment.RIGHT, 0);
      rightIndent(date, 4);
      run(date, n.date(), BODY_FONT, BODY_PT, null);
      if (!n.note().isEmpty()) {
        // 附注: under the date, two characters from the left, in parentheses
        XWPFParagraph note = paragraph(doc, ParagraphAlignment.LEFT, 2);
        run(note, n.note(), BODY_FONT, BODY_PT, null);
      }
      pageNumber(doc);
      var props = doc.getProperties();
      props.getCoreProperties().setTitle(n.title());
      props.getCoreProperties().setCreator(n.signature());
      props.getCoreProperties().setIdentifier(n.number());
      props.getCoreProperties().setSubjectProperty(n.unitId());
      try {
        props.getCoreProperties().setModified(created);
      } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
        throw new IllegalArgumentException(created, e);
      }
      props.getCustomProperties().addProperty("qinglian-provenance", n.provenance());
      doc.write(out);
    }
    return dev.qinglian.cli.demo.Xlsx.deflatedWithoutTimestamp(out.toByteArray(), created);
  }

  /** A4 portrait with the standard's margins. */
  private static void page(XWPFDocument doc) {
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906)); // 210 mm
    size.setH(BigInteger.valueOf(16838)); // 297 mm
    CTPageMar mar = sect.addNewPgMar();
    mar.setTop(BigInteger.valueOf(Math.round(37 * MM)));
    mar.setBottom(BigInteger.valueOf(Math.round(35 * MM)));
    mar.setLeft(BigInteger.valueOf(Math.round(28 * MM)));
    mar.setRight(BigInteger.valueOf(Math.round(26 * MM)));
    mar.setHeader(BigInteger.valueOf(Math.round(15 * MM)));
    mar.setFooter(BigInteger.valueOf(Math.round(28 * MM))); // the page number ~7 mm under the text
  }

  /** A paragraph at the body's fixed line pitch, first line indented by {@code indentChars}. */
  private static XWPFParagraph paragraph(
      XWPFDocument doc, ParagraphAlignment align, int indentChars) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(align);
    exact(p, 28.95);
    if (indentChars > 0) {
      p.setIndentationFirstLine(indentChars * BODY_PT * 20);
    }
    return p;
  }

  private static void blank(XWPFDocument doc) {
    XWPFParagraph p = paragraph(doc, ParagraphAlignment.LEFT, 0);
    run(p, "", BODY_FONT, BODY_PT, null);
  }

  private static CTPPr ppr(XWPFParagraph p) {
    return p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
  }

  /** Fixed line spacing of {@code pt} points, nothing before or after. */
  private static void exact(XWPFParagraph p, double pt) {
    CTPPr ppr = ppr(p);
    CTSpacing s = ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing();
    s.setLine(BigInteger.valueOf(Math.round(pt * 20)));
    s.setLineRule(STLineSpacingRule.EXACT);
    s.setBefore(BigInteger.ZERO);
    s.setAfter(BigInteger.ZERO);
  }

  private static void rightIndent(XWPFParagraph p, double chars) {
    p.setIndentationRight((int) Math.round(chars * BODY_PT * 20));
  }

  private static XWPFRun run(XWPFParagraph p, String text, String font, int pt, String colour) {
    XWPFRun r = p.createRun();
    r.setText(text);
    r.setFontFamily(font); // every range: ASCII digits in the same face as the Chinese
    r.setFontSize(pt);
    if (colour != null) {
      r.setColor(colour);
    }
    return r;
  }

  /** "— N —" centred at the foot of every page, in 4号 (14 pt) 宋体. */
  private static void pageNumber(XWPFDocument doc) {
    XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
    XWPFParagraph p = footer.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    run(p, "— ", PAGE_FONT, 14, null);
    XWPFRun field = run(p, "", PAGE_FONT, 14, null);
    field
        .getCTR()
        .addNewFldChar()
        .setFldCharType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.BEGIN);
    XWPFRun instr = run(p, "", PAGE_FONT, 14, null);
    instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
    XWPFRun sep = run(p, "", PAGE_FONT, 14, null);
    sep.getCTR()
        .addNewFldChar()
        .setFldCharType(
            org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.SEPARATE);
    run(p, "1", PAGE_FONT, 14, null);
    XWPFRun end = run(p, "", PAGE_FONT, 14, null);
    end.getCTR()
        .addNewFldChar()
        .setFldCharType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.END);
    run(p, " —", PAGE_FONT, 14, null);
  }

  /** The width of {@code s} in characters of the body: a CJK character 1, other characters ½. */
  static double width(String s) {
    return s.codePoints().mapToDouble(c -> c < 0x2E80 ? 0.5 : 1).sum();
  }
}
