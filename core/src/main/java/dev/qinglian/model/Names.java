package dev.qinglian.model;

import java.util.Locale;

/**
 * A label in Chinese and English.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param zh the Chinese label (may equal {@code en} when only one was given)
 * @param en the English label (may equal {@code zh} when only one was given)
 */
public record Names(String zh, String en) {
  /** Fills a missing language from the other one; both missing is an error. */
  public Names {
    if ((zh == null || zh.isEmpty()) && (en == null || en.isEmpty())) {
      throw new IllegalArgumentException("at least one name is required");
    }
    if (zh == null || zh.isEmpty()) {
      zh = en;
    }
    if (en == null || en.isEmpty()) {
      en = zh;
    }
  }

  /** The label in {@code lang} ({@code zh} or anything else for English). */
  public String in(String lang) {
    return "zh".equals(lang) ? zh : en;
  }

  /** The label for a locale: Chinese for any {@code zh} locale, English otherwise. */
  public String in(Locale locale) {
    return in(locale.getLanguage());
  }
}
