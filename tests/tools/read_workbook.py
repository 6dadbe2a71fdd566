#!/usr/bin/python3
"""Prints a workbook's cells as JSON, read by a library that did not write it.

XLSX through openpyxl, ODS through odfpy (Debian's python3-openpyxl, python3-odf):
{"sheets": [{"name": …, "rows": [[value, …], …], "formats": [[number format, …], …],
"merged": ["A1:B2", …], "frozen": "A2"}]}. Numbers come back as numbers; ODS
percentages as their stored fraction.
"""
import json
import sys


def read_xlsx(path):
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        rows, formats = [], []
        for row in sheet.iter_rows():
            rows.append([cell.value for cell in row])
            formats.append([cell.number_format for cell in row])
        sheets.append({"name": sheet.title, "rows": rows, "formats": formats,
                       "merged": [str(r) for r in sheet.merged_cells.ranges],
                       "frozen": sheet.freeze_panes})
    return {"title": book.properties.title, "sheets": sheets}


def ods_cell_value(cell):
    from odf import teletype
    from odf.namespaces import OFFICENS

    kind = cell.attributes.get((OFFICENS, "value-type"))
    if kind in ("float", "percentage", "currency"):
        return float(cell.attributes.get((OFFICENS, "value")))
    text = "\n".join(teletype.extractText(p) for p in cell.childNodes
                     if p.qname[1] == "p")
    return text if text else None


def read_ods(path):
    from odf.opendocument import load
    from odf.namespaces import TABLENS
    from odf.table import Table, TableRow

    document = load(path)
    sheets = []
    for table in document.spreadsheet.getElementsByType(Table):
        rows = []
        for row in table.getElementsByType(TableRow):
            values = []
            for cell in row.childNodes:
                if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                    continue
                repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), "1"))
                value = ods_cell_value(cell) if cell.qname[1] == "table-cell" else None
                values.extend([value] * min(repeat, 1000))
            while values and values[-1] is None:
                values.pop()
            rows.append(values)
        sheets.append({"name": table.getAttribute("name"), "rows": rows})
    return {"sheets": sheets}


def main():
    path = sys.argv[1]
    result = read_xlsx(path) if path.endswith(".xlsx") else read_ods(path)
    json.dump(result, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
