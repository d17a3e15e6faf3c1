"""Fills qinglian's XLSX templates as another program would (openpyxl), for TemplateRoundTripTest.

usage: fill_templates.py TEMPLATE.xlsx...
For each template: reads it, checks that every value cell carries a range check that Excel
enforces (errorStyle stop, an error message shown), checks that the stored rule refuses a value
above the range and accepts the lower bound and a blank, fills every value cell with the lower
bound of its range (0 when there is none), saves the workbook, and prints one line per file:
FILE ROWS VALIDATIONS REFUSED.
"""
import re
import sys

import openpyxl


def bounds(formula):
    """The (min, max) a stored rule OR(ISBLANK(I2),AND(ISNUMBER(I2),I2>=a,NOT(I2>b))) allows."""
    lo = re.search(r"I\d+>=(-?[0-9.Ee+-]+)", formula)
    hi = re.search(r"NOT\(I\d+>(-?[0-9.Ee+-]+)\)", formula)
    return (float(lo.group(1)) if lo else None, float(hi.group(1)) if hi else None)


def allowed(formula, value):
    """Evaluates the stored rule for a value, as Excel would (blank passes)."""
    if value is None:
        return "ISBLANK" in formula
    lo, hi = bounds(formula)
    return (lo is None or value >= lo) and (hi is None or not value > hi)


for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    rules = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.errorStyle == "stop", dv.errorStyle
        assert dv.showErrorMessage, "error message not shown"
        assert dv.errorTitle and dv.error, "no error title or message"
        for cell in str(dv.sqref).split():
            rules[cell.split(":")[0]] = dv.formula1
    rows = 0
    refused = 0
    for row in ws.iter_rows(min_row=2):
        cell = row[8]
        rule = rules[cell.coordinate]
        lo, hi = bounds(rule)
        if hi is not None and not allowed(rule, hi + 1):
            refused += 1
        assert allowed(rule, None) and allowed(rule, lo if lo is not None else 0)
        cell.value = lo if lo is not None else 0
        rows += 1
    wb.save(path)
    print(path, rows, len(rules), refused)
