package dev.qinglian.cli.render;

import java.util.List;

/**
 * What a warning notice (预警通知书) says, in the parts of an official document (GB/T 9704-2012):
 * written out as Word ({@link NoticeDocx}) or Markdown ({@link NoticeRenderer#markdown}). Texts are
 * plain (each writer escapes them for its format).
 *
 * @param lang {@code zh} or {@code en}
 * @param mark the letterhead (发文机关标志)
 * @param number the document number (发文字号)
 * @param title the title
 * @param recipient the unit addressed (主送机关)
 * @param body the body: headings, paragraphs and items
 * @param signature the issuing authority's signature (署名)
 * @param date the date as printed (成文日期)
 * @param note the annotation below the date (附注: the warning's id)
 * @param unitId the unit's id
 * @param colour the band's colour ({@code #rrggbb}), for the index
 * @param provenance tool, model and inputs with their SHA-256, for the document's properties
 */
public record Notice(
    String lang,
    String mark,
    String number,
    String title,
    String recipient,
    List<Block> body,
    String signature,
    String date,
    String note,
    String unitId,
    String colour,
    String provenance) {
  /** Copies the body. */
  public Notice {
    body = List.copyOf(body);
  }

  /** A part of the body. */
  public enum Kind {
    /** A first-level heading (一、…), in 黑体. */
    HEADING,
    /** A paragraph, first line indented by two characters. */
    PARAGRAPH,
    /** An item of a list under a heading, indented like a paragraph. */
    ITEM
  }

  /**
   * One part of the body.
   *
   * @param kind heading, paragraph or item
   * @param text the plain text
   */
  public record Block(Kind kind, String text) {}
}
