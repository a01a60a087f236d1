"""The export helper: streamed CSV and XLSX, formulas neutralised (CSV injection)."""

import csv
import datetime
import io

from openpyxl import load_workbook

from portal.exports import csv_response, xlsx_response

HEADER = ["Nom", "Montant", "Date"]
ROWS = [
    ['=HYPERLINK("http://x","y")', 3, datetime.date(2026, 1, 2)],
    ["+33 6 00 00 00 00", -4, None],
    ["-1+1", 1.5, None],
    ["@SUM(A1:A2)", 0, None],
    ["\tTab", 0, None],
    ["\rRetour", 0, None],
    ["Dupont", 7, None],
]


def _csv_rows(response):
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body, newline=""), delimiter=";"))


def test_csv_prefixes_formula_like_text_and_leaves_the_rest():
    response = csv_response(HEADER, iter(ROWS), "essai")
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="essai.csv"'
    rows = _csv_rows(response)
    assert rows[0] == HEADER
    assert [row[0] for row in rows[1:]] == [
        '\'=HYPERLINK("http://x","y")',
        "'+33 6 00 00 00 00",
        "'-1+1",
        "'@SUM(A1:A2)",
        "'\tTab",
        "'\rRetour",
        "Dupont",
    ]
    assert [row[1] for row in rows[1:3]] == ["3", "-4"]  # numbers are not text


def test_xlsx_writes_formula_like_text_as_text():
    response = xlsx_response(HEADER, iter(ROWS), "essai", "Feuille")
    assert response["Content-Disposition"].endswith('filename="essai.xlsx"')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.title == "Feuille"
    cells = [sheet.cell(row, 1) for row in range(2, len(ROWS) + 2)]
    assert all(cell.data_type == "s" for cell in cells)
    # As written (XML reads a carriage return back as a line feed).
    assert [cell.value for cell in cells] == [row[0].replace("\r", "\n") for row in ROWS]
    assert sheet.cell(2, 2).value == 3 and sheet.cell(2, 2).data_type == "n"
    assert sheet.cell(3, 2).value == -4
    assert sheet.cell(2, 3).value == datetime.datetime(2026, 1, 2)


def test_yes_no_and_dates_read_as_a_french_reader_expects():
    moment = datetime.datetime(2026, 6, 26, 11, 16, 54, 480137, tzinfo=datetime.UTC)
    row = [True, False, moment, datetime.date(2026, 6, 26)]
    (line,) = _csv_rows(csv_response(["a", "b", "c", "d"], iter([row]), "essai"))[1:]
    assert line == ["oui", "non", "26/06/2026 13:16", "26/06/2026"]  # Paris time, summer
    response = xlsx_response(["a", "b", "c", "d"], iter([row]), "essai", "Feuille")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [sheet.cell(2, column).value for column in (1, 2)] == ["oui", "non"]
    assert sheet.cell(2, 3).value == datetime.datetime(2026, 6, 26, 13, 16, 54)
    assert sheet.cell(2, 3).number_format == "DD/MM/YYYY HH:MM"
    assert sheet.cell(2, 4).number_format == "DD/MM/YYYY"
