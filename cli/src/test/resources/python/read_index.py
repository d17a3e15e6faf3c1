"""Reads the notices' index workbook with openpyxl, an independent reader: prints the sheet names,
then every row of the first sheet as cells joined by |, with the colour cell's fill and font colour."""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
print("|".join(wb.sheetnames))
for row in wb.worksheets[0].iter_rows():
    c = row[5]
    font = c.font.color.rgb if c.font is not None and c.font.color is not None else ""
    print("|".join("" if x.value is None else str(x.value) for x in row), c.fill.fgColor.rgb, font)
