package dev.qinglian.cli.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Column widths of the workbooks: worked out by hand from the texts the cells show. */
class XlsxWidthsTest {
  private static XlsxExport.Cell c(Object v) {
    return new XlsxExport.Cell(v, null);
  }

  @Test
  void aColumnIsAsWideAsItsWidestTextShownPlusTwoBetweenEightAndFifty() {
    List<String> headers = List.of("排名", "单位名称", "指数", "id", "说明", "给定");
    List<List<XlsxExport.Cell>> rows =
        List.of(
            List.of(
                c(1),
                c("县人力资源和社会保障局"),
                c(91.38543210987654),
                c("W-2026-10-B21"),
                c("x".repeat(80)),
                c("y".repeat(40))),
            List.of(c(1234567), c("青山镇"), c(Double.NaN), c(null), c("短"), c("z")));
    // 排名: header 4 wide, 1234567 seven digits: 7 + 2 = 9
    // 单位名称: 县人力资源和社会保障局 is 11 Chinese characters, 22 wide: 24
    // 指数: 91.4 as shown (one decimal), 4; the header 4; NaN shows nothing: at least 8
    // id: W-2026-10-B21, 13: 15
    // 说明: 80 characters: at most 50
    // 给定: 17 as given, whatever its cells
    assertArrayEquals(
        new double[] {9, 24, 8, 15, 50, 17}, XlsxExport.widths(headers, rows, Map.of(5, 17.0)));
  }
}
