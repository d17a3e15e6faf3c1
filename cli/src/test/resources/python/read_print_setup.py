"""Reads a workbook's first sheet's print setup and column widths with openpyxl, an independent
reader: prints orientation|paper size|fit to page|fit to width|fit to height|print titles, then the
widths of columns A to F."""
import sys

import openpyxl

ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
s = ws.page_setup
print("|".join(str(x) for x in (s.orientation, s.paperSize, ws.sheet_properties.pageSetUpPr.fitToPage,
                                 s.fitToWidth, s.fitToHeight, ws.print_title_rows)))
print("|".join(str(ws.column_dimensions[c].width) for c in "ABCDEF"))
