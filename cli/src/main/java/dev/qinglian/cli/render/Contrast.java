package dev.qinglian.cli.render;

/**
 * Text colour on a coloured background by the WCAG 2 contrast ratio: black or white, whichever
 * contrasts more with the background (so that a model's own band colours stay readable).
 */
public final class Contrast {
  private Contrast() {}

  /** {@code #000000} or {@code #ffffff} for text on {@code background} ({@code #rrggbb}). */
  public static String textOn(String background) {
    double l = luminance(background);
    // contrast with black (l + 0.05) / 0.05, with white 1.05 / (l + 0.05)
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
  }

  /** The WCAG contrast ratio of two colours ({@code #rrggbb}), from 1 to 21. */
  public static double ratio(String a, String b) {
    double x = luminance(a);
    double y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  /** WCAG 2 relative luminance of {@code #rrggbb}. */
  static double luminance(String hex) {
    String h = hex.startsWith("#") ? hex.substring(1) : hex;
    if (h.length() != 6) {
      return 1; // not a colour we can read: treated as white (black text)
    }
    double l = 0;
    double[] k = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; i++) {
      double c;
      try {
        c = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
      } catch (NumberFormatException e) {
        return 1;
      }
      c = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      l += k[i] * c;
    }
    return l;
  }
}
