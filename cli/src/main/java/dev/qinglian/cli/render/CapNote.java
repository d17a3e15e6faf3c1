package dev.qinglian.cli.render;

import dev.qinglian.eval.PeriodResult;
import dev.qinglian.model.Band;
import dev.qinglian.model.OverrideRule;

/**
 * How a capped colour is said: "按指数为绿，因“…”限为黄" / "green by its index, capped at yellow by "…"", for
 * the report, {@code changes} and the notices' index. The rule is {@link PeriodResult#cappedBy}.
 */
public final class CapNote {
  private CapNote() {}

  /** The note for unit {@code u}, or null when no rule set its colour. */
  public static String of(PeriodResult r, int u, String lang) {
    OverrideRule rule = r.cappedBy(u).orElse(null);
    if (rule == null) {
      return null;
    }
    String by = r.uncappedBand(u).map(b -> b.names().in(lang)).orElse("");
    Band is = r.band(u);
    String name = rule.names().in(lang);
    return lang.equals("zh")
        ? "按指数为" + by + "，因“" + quoted(name) + "”限为" + is.names().zh()
        : by + " by its index, capped at " + is.names().en() + " by \"" + name + "\"";
  }

  /** Double quotes inside a quotation become single ones, as Chinese documents write them. */
  static String quoted(String zh) {
    return zh.replace('“', '‘').replace('”', '’');
  }
}
