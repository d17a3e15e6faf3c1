package dev.qinglian.monitor;

import dev.qinglian.diag.Diagnostic;
import dev.qinglian.diag.Loaded;
import dev.qinglian.diag.Location;
import dev.qinglian.internal.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Who issues the warning notices and how: the letterhead of a 预警通知书 laid out after GB/T 9704-2012,
 * read from the workspace's {@code settings.yaml} ({@link #FILE}), section {@code notice}:
 *
 * <pre>
 * notice:
 *   authority: 中共青山县纪律检查委员会 青山县监察委员会   # 发文机关 (required)
 *   mark: 中共青山县纪委 青山县监委文件                    # 发文机关标志, the red letterhead
 *   number-prefix: 青纪预                                  # 发文字号: 青纪预〔2026〕3号
 *   county: 青山县                                         # "在青山县 54 个单位中排第 50 名"
 *   signature: 中共青山县纪委 青山县监委                   # 署名
 *   report-to: 县纪委监委                                  # to whom the rectification is reported
 *   deadline-days: 30                                      # the report is due N days after the date
 * </pre>
 *
 * Every key but {@code authority} has a default: {@code mark} the authority followed by 文件, {@code
 * number-prefix} 预警, {@code county} 全县, {@code signature} the authority, {@code report-to} the
 * signature, and without {@code deadline-days} the report is due on the last day of the month after
 * the evaluated one.
 *
 * @param authority the issuing authority's full name (发文机关全称)
 * @param mark the letterhead (发文机关标志)
 * @param numberPrefix the authority's short name in the document number (发文机关代字)
 * @param county the county's name, where the notice says where the unit ranks
 * @param signature the signature block (发文机关署名)
 * @param reportTo to whom the unit reports its rectification
 * @param deadlineDays days from the notice's date to the rectification report's deadline; 0: the
 *     last day of the month after the evaluated one
 */
public record NoticeSettings(
    String authority,
    String mark,
    String numberPrefix,
    String county,
    String signature,
    String reportTo,
    int deadlineDays) {
  /** The settings file's name in a workspace. */
  public static final String FILE = "settings.yaml";

  /** The settings used when a workspace has no settings file (generic names, flagged as such). */
  public static NoticeSettings defaults() {
    return new NoticeSettings("县纪委监委", "县纪委监委文件", "预警", "全县", "县纪委监委", "县纪委监委", 0);
  }

  /** The document number (发文字号) of the {@code seq}-th notice of {@code year}. */
  public String number(int year, int seq) {
    return numberPrefix + "〔" + year + "〕" + seq + "号";
  }

  /**
   * The deadline of the rectification report for month {@code period}'s notice dated {@code date}.
   */
  public LocalDate deadline(YearMonth period, LocalDate date) {
    return deadlineDays > 0 ? date.plusDays(deadlineDays) : period.plusMonths(1).atEndOfMonth();
  }

  private static final Set<String> SECTIONS = Set.of("notice");
  private static final Set<String> KEYS =
      Set.of(
          "authority",
          "mark",
          "number-prefix",
          "county",
          "signature",
          "report-to",
          "deadline-days");

  /**
   * Reads {@code file}; a missing file is {@link #defaults()} with no diagnostic (the caller may
   * say so). Every problem is reported with its line.
   */
  public static Loaded<NoticeSettings> read(Path file) {
    if (!Files.exists(file)) {
      return new Loaded<>(defaults(), List.of());
    }
    Loaded<String> text = YamlReader.readText(file);
    if (text.hasErrors()) {
      return new Loaded<>(null, text.diagnostics());
    }
    List<Diagnostic> diags = new ArrayList<>();
    YamlReader y = new YamlReader(file.toString(), diags);
    Node root = y.compose(new java.io.StringReader(text.value()));
    if (root == null) {
      return new Loaded<>(null, diags);
    }
    Map<String, Node> top = y.mapping(root, "", SECTIONS);
    Map<String, Node> n = null;
    if (top != null && top.containsKey("notice")) {
      n = y.mapping(top.get("notice"), "notice", KEYS);
    } else if (top != null) {
      diags.add(Diagnostic.error("settings.missing", Location.of(file.toString()), "notice"));
    }
    if (n == null) {
      return new Loaded<>(null, diags);
    }
    String authority = text(y, n, "authority", null);
    if (authority == null && !n.containsKey("authority")) {
      diags.add(Diagnostic.error("settings.missing", y.at(top.get("notice")), "notice.authority"));
    }
    String mark = text(y, n, "mark", authority == null ? null : authority + "文件");
    String prefix = text(y, n, "number-prefix", "预警");
    String county = text(y, n, "county", "全县");
    String signature = text(y, n, "signature", authority);
    String reportTo = text(y, n, "report-to", signature);
    int days = 0;
    if (n.containsKey("deadline-days")) {
      double d = y.number(n.get("deadline-days"), "notice.deadline-days");
      if (!Double.isNaN(d) && (d != Math.rint(d) || d < 1 || d > 366)) {
        y.error("settings.days", n.get("deadline-days"), "notice.deadline-days", String.valueOf(d));
      } else if (!Double.isNaN(d)) {
        days = (int) d;
      }
    }
    int deadline = days;
    return Loaded.unlessErrors(
        () -> new NoticeSettings(authority, mark, prefix, county, signature, reportTo, deadline),
        diags);
  }

  /** A key's non-blank single-line text, {@code fallback} when absent; null with a diagnostic. */
  private static String text(YamlReader y, Map<String, Node> n, String key, String fallback) {
    if (!n.containsKey(key)) {
      return fallback;
    }
    String t = y.text(n.get(key), "notice." + key);
    if (t == null) {
      return null;
    }
    t = t.strip();
    if (t.isEmpty() || t.length() > 200 || t.chars().anyMatch(Character::isISOControl)) {
      y.error("settings.text", n.get(key), "notice." + key, "notice." + key);
      return null;
    }
    return t;
  }
}
