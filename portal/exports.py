"""CSV and XLSX downloads of rows, streamed: memory stays flat whatever the number of rows.

Give a header, rows (any iterable of sequences, read lazily) and a file name. CSV rows are
written as the response is sent; XLSX goes through openpyxl's write-only mode (rows go to a
temporary file, not to memory), then the file is streamed.

Values are written as a French reader expects them: "oui"/"non" for yes/no, dates and
times in local time ("26/06/2026 13:16" in CSV; date cells in XLSX, without seconds'
fractions or a time zone, which spreadsheets cannot hold).

Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return: "CSV injection") is neutralised: a leading apostrophe in CSV, a cell typed as text
in XLSX. Numbers, dates and empty cells are written as they are.
"""

import csv
import datetime
import itertools
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

CSV_BATCH_ROWS = 1000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_DATE, XLSX_DATETIME = "DD/MM/YYYY", "DD/MM/YYYY HH:MM"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def plain_value(value):
    """Yes/no in words; date-times in local time, to the second, without a time zone."""
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        return value.replace(microsecond=0)
    return value


def csv_cell(value):
    """The value as text a French spreadsheet reads, with an apostrophe before text it
    would run as a formula."""
    value = plain_value(value)
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return f"'{value}" if is_formula_like(value) else value


class _Echo:
    def write(self, value):
        return value


def csv_response(header, rows, filename):
    """A streamed `<filename>.csv` (UTF-8 with BOM, `;`-separated, as French spreadsheets
    expect)."""
    writer = csv.writer(_Echo(), delimiter=";")

    def line(row):
        return writer.writerow([csv_cell(value) for value in row])

    def stream():
        yield "\ufeff"  # BOM: spreadsheet software then reads UTF-8 correctly
        yield line(header)
        # One chunk per batch of rows, not per row: far fewer writes to the socket.
        for batch in itertools.batched(rows, CSV_BATCH_ROWS):
            yield "".join(map(line, batch))

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _xlsx_row(sheet, row):
    """Formula-like text becomes a cell typed as text (openpyxl would write a formula)."""
    cells = [plain_value(value) for value in row]
    for index, value in enumerate(cells):
        if is_formula_like(value):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            cells[index] = cell
        elif isinstance(value, datetime.date):
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = (
                XLSX_DATETIME if isinstance(value, datetime.datetime) else XLSX_DATE
            )
            cells[index] = cell
    return cells


def write_xlsx(file, header, rows, title):
    """Write one sheet named `title` (31 characters at most) to the binary `file`."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(title)[:31])
    sheet.append(_xlsx_row(sheet, header))
    for row in rows:
        sheet.append(_xlsx_row(sheet, row))
    workbook.save(file)


def xlsx_response(header, rows, filename, title):
    """A streamed `<filename>.xlsx`, built in a temporary file rather than in memory."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115  (FileResponse closes it once sent)
    write_xlsx(spool, header, rows, title)
    spool.seek(0)
    return FileResponse(
        spool, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE
    )
