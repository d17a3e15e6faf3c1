package dev.qinglian.cli.render;

import dev.qinglian.cli.CliException;
import dev.qinglian.cli.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * File names made from text of the model or the data (a unit id, a source department): one
 * encoding, safe and collision-free. Letters and digits of any script (青山镇 stays 青山镇), {@code -}
 * and {@code _} are kept, and {@code .} except at the start; every other character — {@code /},
 * {@code \}, NUL, spaces, controls, bidirectional overrides, {@code %} itself — becomes {@code %XX}
 * for each byte of its UTF-8, so that two different texts never give the same name. A name longer
 * than {@value #MAX} characters is cut and ends with {@code ~} and 16 hex digits of its SHA-256.
 */
public final class FileNames {
  private FileNames() {}

  /** The longest encoded text kept whole. */
  static final int MAX = 120;

  /** The text as a file name part (see the class comment). */
  public static String safe(String text) {
    return plain(text) ? text : encoded(text);
  }

  /**
   * {@link #safe} by its rule, character by character (FileNamesTest: the same for plain texts).
   */
  static String encoded(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              boolean keep =
                  (Character.isLetterOrDigit(cp)
                          && Character.getType(cp) != Character.FORMAT
                          && cp < 0xF0000)
                      || cp == '-'
                      || cp == '_'
                      || (cp == '.' && sb.length() > 0);
              if (keep) {
                sb.appendCodePoint(cp);
              } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                  sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
              }
            });
    if (sb.length() == 0) {
      return "%";
    }
    if (sb.length() <= MAX) {
      return sb.toString();
    }
    return sb.substring(0, MAX - 17) + "~" + sha256(text).substring(0, 16);
  }

  /**
   * True when {@link #safe} keeps {@code text} as it is: ASCII letters, digits, {@code -} and
   * {@code _}, {@code .} but not first, not empty and not longer than {@value #MAX} (unit ids
   * mostly are).
   */
  private static boolean plain(String text) {
    if (text.isEmpty() || text.length() > MAX || text.charAt(0) == '.') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_'
          || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code dir/name}, refused when the result would lie outside {@code dir} (a name is made with
   * {@link #safe}, so this is a second line of defence).
   */
  public static Path inside(Path dir, String name) {
    Path d = dir.toAbsolutePath().normalize();
    Path f = d.resolve(name).normalize();
    if (!f.getParent().equals(d)) {
      throw CliException.of(ExitCode.INPUT, "path.outside", f, d);
    }
    return f;
  }

  /**
   * Refuses, before anything is written, two outputs that would land in one file (names that differ
   * only in case are one file on Windows and macOS).
   *
   * @param names the file names, in order
   * @param owners what each name was made from, for the message
   */
  public static void requireDistinct(List<String> names, List<String> owners) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Integer j = seen.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
      if (j != null) {
        throw CliException.of(
            ExitCode.INPUT, "names.collide", owners.get(j), owners.get(i), names.get(i));
      }
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
