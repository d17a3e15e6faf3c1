package dev.qinglian.cli.render;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A result written as CSV, JSON and Markdown, each streamed as UTF-8 bytes; the text and the {@link
 * OutputFile} content of each come from the same stream.
 */
public interface StreamedFormats {
  /** Streams the CSV (one line per unit, full precision, formula-safe text cells). */
  void csv(OutputStream o) throws IOException;

  /** Streams the JSON. */
  void json(OutputStream o) throws IOException;

  /** Streams the GitHub-flavoured Markdown. */
  void markdown(OutputStream o) throws IOException;

  /** The CSV as text. */
  default String csv() {
    return OutputFile.text(this::csv);
  }

  /** The CSV as content for {@link OutputFile}: text to a writer, bytes to a file. */
  default OutputFile.Content csvContent() {
    return OutputFile.of(this::csv);
  }

  /** The JSON as text. */
  default String json() {
    return OutputFile.text(this::json);
  }

  /** The JSON as content for {@link OutputFile}. */
  default OutputFile.Content jsonContent() {
    return OutputFile.of(this::json);
  }

  /** The Markdown as text. */
  default String markdown() {
    return OutputFile.text(this::markdown);
  }

  /** The Markdown as content for {@link OutputFile}. */
  default OutputFile.Content markdownContent() {
    return OutputFile.of(this::markdown);
  }
}
