package dev.qinglian.data;

import java.util.List;
import java.util.Map;

/** Column names accepted in headers, with the Chinese aliases departments use. */
final class Headers {
  static final Map<String, List<String>> ALIASES =
      Map.of(
          "id", List.of("id", "unit", "编码", "单位编码", "单位代码"),
          "unit", List.of("unit", "unit_id", "单位", "单位编码", "单位代码"),
          "name", List.of("name", "名称", "单位名称"),
          "type", List.of("type", "类型", "单位类型"),
          "parent", List.of("parent", "上级", "上级单位"),
          "staff", List.of("staff", "人数", "在编人数", "公职人员数"),
          "served", List.of("served", "服务人口", "人口"),
          "period", List.of("period", "month", "月份", "期间"),
          "indicator", List.of("indicator", "指标", "指标编码"),
          "value", List.of("value", "数值", "值"));

  private Headers() {}

  /** Column index of {@code key} in the header, or -1. */
  static int find(String[] header, String key) {
    List<String> names = ALIASES.get(key);
    for (int i = 0; i < header.length; i++) {
      String h = clean(header[i]);
      for (String n : names) {
        if (h.equalsIgnoreCase(n)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The position of a second column named for {@code key}, or -1 when there is none. */
  static int second(String[] header, String key) {
    int first = find(header, key);
    if (first < 0) {
      return -1;
    }
    String[] rest = header.clone();
    rest[first] = "";
    return find(rest, key);
  }

  /** Header text without BOM and surrounding blanks. */
  static String clean(String h) {
    String s = h == null ? "" : h.strip();
    return s.startsWith("\uFEFF") ? s.substring(1).strip() : s;
  }
}
