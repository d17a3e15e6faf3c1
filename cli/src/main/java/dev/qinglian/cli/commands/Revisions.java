package dev.qinglian.cli.commands;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qinglian.cli.render.Numbers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The units whose index or colour differ between two score JSON results. */
final class Revisions {
  private Revisions() {}

  /** Numbers read as written (BigDecimal), so that a value is compared and shown by its text. */
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /**
   * One line per changed unit ("B12 80.0 黄 → 78.1 黄"), in the earlier rank order, each colour id
   * shown as {@code colour} names it (in the user's language).
   */
  static List<String> between(
      String before, String after, java.util.function.UnaryOperator<String> colour)
      throws IOException {
    Map<String, JsonNode> now = byUnit(MAPPER.readTree(after).path("units"));
    List<String> changed = new ArrayList<>();
    for (JsonNode a : MAPPER.readTree(before).path("units")) {
      JsonNode b = now.get(text(a, "unit"));
      if (differs(a, b)) {
        changed.add(
            text(a, "unit")
                + " "
                + show(a, colour)
                + " → "
                + (b == null ? "absent" : show(b, colour)));
      }
    }
    return changed;
  }

  /** The units of a result's {@code units} list by id. */
  static Map<String, JsonNode> byUnit(JsonNode units) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode u : units) {
      out.put(text(u, "unit"), u);
    }
    return out;
  }

  /** True when a unit's index or colour differ between two results (absent in the second). */
  static boolean differs(JsonNode then, JsonNode now) {
    return now == null
        || !text(now, "index").equals(text(then, "index"))
        || !text(now, "colour").equals(text(then, "colour"));
  }

  /** A field's value as written (a number's text, a string's content; "null" when absent). */
  static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? "null" : v.asText();
  }

  private static String show(JsonNode u, java.util.function.UnaryOperator<String> colour) {
    JsonNode i = u.get("index");
    String index = i == null || !i.isNumber() ? "—" : Numbers.fixed(i.asDouble(), 1, "—");
    return index + " " + colour.apply(text(u, "colour"));
  }
}
