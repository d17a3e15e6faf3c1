package dev.qinglian.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A failure a command reports as one message and an exit code (no stack trace). A failure made with
 * {@link #of} carries a message key of the command line's bundle ({@code
 * dev/qinglian/cli/messages*.properties}) and is shown in the language of the run.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;
  private final String key;
  private final transient Object[] args;

  /** A failure with its exit code and a message as given (one language). */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
    this.key = null;
    this.args = new Object[0];
  }

  private CliException(int exitCode, String key, Object[] args) {
    super(format(key, args, Locale.ENGLISH));
    this.exitCode = exitCode;
    this.key = key;
    this.args = args.clone();
  }

  /** A failure whose message is {@code key} of the bundle, formatted with {@code args}. */
  public static CliException of(int exitCode, String key, Object... args) {
    return new CliException(exitCode, key, args);
  }

  /** The exit code. */
  public int exitCode() {
    return exitCode;
  }

  /** The message in {@code lang} ({@code zh} or {@code en}). */
  public String message(String lang) {
    return key == null
        ? getMessage()
        : format(key, args, "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
  }

  private static String format(String key, Object[] args, Locale locale) {
    try {
      ResourceBundle b =
          ResourceBundle.getBundle(
              "dev.qinglian.cli.messages",
              locale,
              ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
      return new MessageFormat(b.getString(key), Locale.ROOT).format(args);
    } catch (MissingResourceException e) {
      return key; // a missing message names its key: found by the bundle test
    }
  }
}
