"""Do to a workbook what a spreadsheet does to a CSV: every cell of digits becomes a number.

    digits_to_numbers.py IN OUT

.ci/test runs check.py on the result to see the check fail (000700180005 becomes 700180005).
"""

import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
changed = 0
for sheet in book.worksheets:
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.isdigit():
                cell.value = int(cell.value)
                changed += 1
book.save(sys.argv[2])
print(f"{changed} cells of digits made numbers")
