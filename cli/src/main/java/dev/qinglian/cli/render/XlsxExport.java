package dev.qinglian.cli.render;

import dev.qinglian.model.Band;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Excel exports: a header row in bold, frozen; numbers written as numbers (full precision,
 * displayed with one decimal); colour cells filled with the band's colour. Text is written as text
 * cells, which spreadsheet programs never evaluate as formulas.
 */
public final class XlsxExport {
  /** One cell: a number (NaN: empty), a text, and an optional fill. */
  public record Cell(Object value, Band fill) {}

  private XlsxExport() {}

  /** A workbook with one sheet. */
  public static byte[] sheet(String name, List<String> headers, List<List<Cell>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(bytes, "qinglian", "1.0");
      Worksheet ws = wb.newWorksheet(name);
      for (int c = 0; c < headers.size(); c++) {
        ws.value(0, c, headers.get(c));
        ws.style(0, c).bold().fillColor("ECEFF1").set();
      }
      for (int r = 0; r < rows.size(); r++) {
        List<Cell> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          Cell cell = row.get(c);
          if (cell.value() instanceof Number n) {
            if (!Double.isNaN(n.doubleValue())) {
              ws.value(r + 1, c, n);
              ws.style(r + 1, c).format(n instanceof Integer ? "0" : "0.0").set();
            }
          } else if (cell.value() != null) {
            ws.value(r + 1, c, String.valueOf(cell.value()));
          }
          if (cell.fill() != null) {
            ws.style(r + 1, c)
                .fillColor(cell.fill().colour().substring(1).toUpperCase(java.util.Locale.ROOT))
                .fontColor("FFFFFF")
                .set();
          }
        }
      }
      ws.freezePane(0, 1);
      ws.width(2, 24);
      wb.finish();
      return dev.qinglian.cli.demo.Xlsx.withoutTimestamp(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
