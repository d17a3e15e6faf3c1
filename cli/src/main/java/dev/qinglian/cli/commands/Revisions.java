package dev.qinglian.cli.commands;

import dev.qinglian.cli.render.Numbers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The units whose index or colour differ between two score JSON results. */
final class Revisions {
  private Revisions() {}

  /** One line per changed unit ("B12 80.0 yellow → 78.1 yellow"), in the earlier rank order. */
  static List<String> between(String before, String after) throws IOException {
    Map<String, Map<?, ?>> now = new LinkedHashMap<>();
    for (Object o : (List<?>) VerifyCommand.parse(after).get("units")) {
      now.put(String.valueOf(((Map<?, ?>) o).get("unit")), (Map<?, ?>) o);
    }
    List<String> changed = new ArrayList<>();
    for (Object o : (List<?>) VerifyCommand.parse(before).get("units")) {
      Map<?, ?> a = (Map<?, ?>) o;
      Map<?, ?> b = now.get(String.valueOf(a.get("unit")));
      if (b == null
          || !String.valueOf(a.get("index")).equals(String.valueOf(b.get("index")))
          || !String.valueOf(a.get("colour")).equals(String.valueOf(b.get("colour")))) {
        changed.add(a.get("unit") + " " + show(a) + " → " + (b == null ? "absent" : show(b)));
      }
    }
    return changed;
  }

  private static String show(Map<?, ?> u) {
    Object i = u.get("index");
    String index = i == null ? "—" : Numbers.fixed(Double.parseDouble(String.valueOf(i)), 1, "—");
    return index + " " + u.get("colour");
  }
}
