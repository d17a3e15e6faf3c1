package dev.qinglian.cli.options;

import picocli.CommandLine.Option;

/** {@code --bom}, for the commands that write CSV (score, trend). */
public final class BomOption {
  /**
   * CSV output starts with a byte-order mark. Not by default: the CSV is the machine format (other
   * systems, scripts, {@code cmp} of two runs), and a BOM is a stray first "character" for most of
   * them; for Excel on a Chinese Windows, which reads a CSV without a BOM as GBK and garbles the
   * names, this flag adds it (or use --format xlsx, made for people).
   */
  @Option(
      names = "--bom",
      description =
          "Start a CSV with a byte-order mark, so that Excel on a Chinese Windows reads it as"
              + " UTF-8 (default: none, the machine format).")
  public boolean bom;
}
