"""The workbook as an office opens it: openpyxl and LibreOffice read opendata/catalog.xlsx.

    check.py WORKBOOK OPENDATA_DIR [PART_DIR]     exit 0 when every code survives, 1 with the reasons

The open data is split (README, Open data): OPENDATA_DIR/datapackage.json lists each table's
parts, the national one (`materials.csv`) and one per region (`regions/<code>/materials.csv`). A
workbook holds the rows of the parts in its own folder: PART_DIR, relative to OPENDATA_DIR (by
default the workbook's folder when it lies under OPENDATA_DIR, else the national parts).

(a) openpyxl: every cell of a code column (基本编码, 行政区划代码, 实施编码, 统一社会信用代码,
    咨询电话) is a string cell (data_type 's') and the column holds exactly the CSV's codes;
(b) LibreOffice, headless, converts every sheet to CSV and the codes read there are the CSV's
    (000700180005 stays 000700180005, 113415000022306354 does not become 1.13415E+17).

A sheet belongs to the table whose titles in datapackage.json are its header row; a table split
into several sheets has its rows in all of them. Run by .ci/test (section 2), which also runs it on
a workbook whose codes were turned into numbers, as a spreadsheet does to a CSV, to see it fail.
"""

import csv
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import openpyxl

# The CSV columns holding codes.
CODES = ("code", "region", "item", "task_code", "credit_code", "phone")


def tables(opendata, part_dir):
    """Each table: its header titles, and for each code column its position and the values of
    its parts in `part_dir`."""
    package = json.loads((opendata / "datapackage.json").read_text(encoding="utf-8"))
    result = {}
    for resource in package["resources"]:
        fields = resource["schema"]["fields"]
        paths = resource["path"] if isinstance(resource["path"], list) else [resource["path"]]
        rows = []
        for path in paths:
            if Path(path).parent != part_dir:
                continue
            with open(opendata / path, encoding="utf-8-sig", newline="") as f:
                rows.extend(csv.DictReader(f))
        codes = {
            field["name"]: (i, Counter(row[field["name"]] for row in rows))
            for i, field in enumerate(fields)
            if field["name"] in CODES
        }
        result[resource["name"]] = ([field["title"] for field in fields], codes)
    return result


def compare(where, tables, sheets, problems):
    """`sheets`: (name, header, rows) with rows of cell texts; the codes must be the CSV's."""
    seen = {name: {column: Counter() for column in codes} for name, (_, codes) in tables.items()}
    for sheet, header, rows in sheets:
        table = next((n for n, (titles, _) in tables.items() if titles == header), None)
        if table is None:
            problems.append(f"{where}: sheet {sheet}: no table has the header {header}")
            continue
        for column, (at, _) in tables[table][1].items():
            seen[table][column].update(row[at] if at < len(row) else "" for row in rows)
    for table, (_, codes) in tables.items():
        for column, (_, expected) in codes.items():
            got = seen[table][column]
            if got != expected:
                lost = list((expected - got).elements())[:3]
                extra = list((got - expected).elements())[:3]
                problems.append(
                    f"{where}: {table}.{column} differs from the CSV: "
                    f"missing {lost}, instead {extra}"
                )


def with_openpyxl(workbook, tables, problems):
    book = openpyxl.load_workbook(workbook)
    sheets = []
    code_titles = {
        titles[at] for titles, codes in tables.values() for at, _ in codes.values()
    }
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows())
        header = [c.value for c in rows[0]]
        for row in rows[1:]:
            for title, cell in zip(header, row):
                if title in code_titles and cell.value is not None and cell.data_type != "s":
                    problems.append(
                        f"openpyxl: {sheet.title}!{cell.coordinate} ({title}) is "
                        f"{cell.value!r}, a cell of type {cell.data_type!r}, not a string"
                    )
        texts = [["" if c.value is None else str(c.value) for c in row] for row in rows[1:]]
        sheets.append((sheet.title, header, texts))
    compare("openpyxl", tables, sheets, problems)


def with_libreoffice(workbook, tables, problems):
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        # Every sheet to its own UTF-8 CSV (the last token, -1), with a profile of its own.
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir",
                str(work / "csv"),
                str(workbook),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        sheets = []
        for path in sorted((work / "csv").glob("*.csv")):
            with open(path, encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f))
            sheets.append((path.stem, rows[0], rows[1:]))
        if not sheets:
            problems.append("LibreOffice: the conversion wrote no CSV")
        compare("LibreOffice", tables, sheets, problems)


def main():
    workbook, opendata = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    if len(sys.argv) > 3:
        part_dir = Path(sys.argv[3])
    elif workbook.parent.is_relative_to(opendata):
        part_dir = workbook.parent.relative_to(opendata)
    else:
        part_dir = Path(".")
    expected = tables(opendata, part_dir)
    found = {}
    for tool, check in (("openpyxl", with_openpyxl), ("LibreOffice", with_libreoffice)):
        problems = found[tool] = []
        check(workbook, expected, problems)
        for problem in problems[:10]:
            print(problem)
    if any(found.values()):
        print("problems: " + ", ".join(f"{tool} {len(p)}" for tool, p in found.items()))
        return 1
    codes = sum(sum(c.values()) for _, codes in expected.values() for _, c in codes.values())
    print(f"{workbook.name}: {codes} code cells are strings and equal the CSV's, "
          "in openpyxl and in LibreOffice")
    return 0


if __name__ == "__main__":
    sys.exit(main())
