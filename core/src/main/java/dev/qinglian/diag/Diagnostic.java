package dev.qinglian.diag;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * One problem found in the input: a severity, a stable code (such as {@code data.conflict} or
 * {@code model.weight.nonpositive}), where it is, the path in the model it concerns, and the
 * arguments of its message. Messages and hints are templates in {@code messages.properties} (and
 * {@code messages_zh_CN.properties}) keyed by the code, so tests assert codes and arguments while
 * users read sentences in their language.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param severity error or warning
 * @param code stable, dotted, lower-case code
 * @param location where the problem is
 * @param modelPath the node path in the model ({@code D3/D3.1/weight}), or empty
 * @param args message arguments, rendered into the template of {@code code}
 * @param excerpt the offending source line (for the caret display), or empty
 */
public record Diagnostic(
    Severity severity,
    String code,
    Location location,
    String modelPath,
    List<String> args,
    String excerpt) {

  /** Validates and copies the arguments. */
  public Diagnostic {
    if (severity == null || code == null || location == null) {
      throw new IllegalArgumentException("severity, code and location are required");
    }
    modelPath = modelPath == null ? "" : modelPath;
    excerpt = excerpt == null ? "" : excerpt;
    args = List.copyOf(args);
  }

  /** An error at {@code location} with message arguments (whole doubles print without ".0"). */
  public static Diagnostic error(String code, Location location, Object... args) {
    return new Diagnostic(Severity.ERROR, code, location, "", strings(args), "");
  }

  /** A warning at {@code location} with message arguments. */
  public static Diagnostic warning(String code, Location location, Object... args) {
    return new Diagnostic(Severity.WARNING, code, location, "", strings(args), "");
  }

  /** The same diagnostic with the model path set. */
  public Diagnostic withModelPath(String path) {
    return new Diagnostic(severity, code, location, path, args, excerpt);
  }

  /** The same diagnostic with the offending source line attached. */
  public Diagnostic withExcerpt(String line) {
    return new Diagnostic(severity, code, location, modelPath, args, line);
  }

  /** True for {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The message in English. */
  public String message() {
    return message(Locale.ROOT);
  }

  /** The message in the given locale ({@code Locale.SIMPLIFIED_CHINESE} or English otherwise). */
  public String message(Locale locale) {
    String template = template(code, locale);
    return template == null ? code + " " + args : format(template, locale);
  }

  /** The hint (what to do) in the given locale, or empty when the code has none. */
  public String hint(Locale locale) {
    String template = template(code + ".hint", locale);
    return template == null ? "" : format(template, locale);
  }

  private String format(String template, Locale locale) {
    return new MessageFormat(template, locale).format(args.toArray());
  }

  /**
   * The template of {@code key}: from {@code messages_zh_CN.properties} for {@link
   * Locale#SIMPLIFIED_CHINESE} (falling back to the English one for a key it lacks), else from
   * {@code messages.properties}; never from the JVM's default locale. The bundles are read as
   * resources of this package (UTF-8), which works in a named module as on the class path.
   */
  private static String template(String key, Locale locale) {
    boolean zh = locale.getLanguage().equals("zh") && locale.getCountry().equals("CN");
    String t = zh ? Bundles.ZH.getProperty(key) : null;
    return t != null ? t : Bundles.EN.getProperty(key);
  }

  /** The two message bundles, read once when first needed; never modified. */
  private static final class Bundles {
    static final java.util.Properties EN = read("messages.properties");
    static final java.util.Properties ZH = read("messages_zh_CN.properties");

    private static java.util.Properties read(String name) {
      java.util.Properties p = new java.util.Properties();
      try (java.io.InputStream in = Diagnostic.class.getResourceAsStream(name)) {
        if (in != null) {
          p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return p;
    }
  }

  private static List<String> strings(Object... args) {
    String[] out = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      boolean integral = a instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15;
      out[i] = integral ? Long.toString(((Double) a).longValue()) : String.valueOf(a);
    }
    return List.of(out);
  }

  /** Compiler-style one-line rendering in English: {@code file:line:col: error: message}. */
  @Override
  public String toString() {
    return location + ": " + severity.label() + ": " + message();
  }
}
