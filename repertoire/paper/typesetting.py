"""Laying out long PDFs in parallel, then joining and numbering their pages.

WeasyPrint lays out about ten dense A4 pages a second on a small server and cannot use a
second core, so a long document is cut into parts laid out in separate processes
(`lay_out_all`). Each part reports its page count and the page of each of
its anchors, which is what a table of contents or an index needs; `join` then puts the
parts end to end, keeps their bookmarks and stamps "n / total" at the foot of every page
but the first.

No Django here: worker processes import this module and nothing else of the project.
"""

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# The interpreter of the worker processes: this one, unless the server embeds Python (uWSGI's
# sys.executable is uwsgi itself): then PASSERELLES_PYTHON names the project's python.
PYTHON = os.environ.get("PASSERELLES_PYTHON") or sys.executable
WORKER_TIMEOUT = 600  # seconds for one part: far beyond any booklet, but never hung forever

# Helvetica (a PDF base font: nothing to embed) advance widths, in 1/1000 em.
_HELVETICA_WIDTHS = {" ": 278, "/": 278, **dict.fromkeys("0123456789", 556)}
NUMBER_SIZE = 9  # pt, as the running header
NUMBER_BASELINE = 28  # pt from the bottom edge, inside the 2 cm bottom margin
NUMBER_GREY = 0.2


@dataclass
class LaidOut:
    """One part once laid out: its PDF, its page count and the page (0-based) of each anchor."""

    pdf: bytes
    pages: int
    anchors: dict = field(default_factory=dict)


def lay_out(html, stylesheets, base_url=None):
    """Lay out one HTML document (a string) with the given CSS files."""
    from weasyprint import CSS, HTML  # heavy import, only when a PDF is asked for

    document = HTML(string=html, base_url=base_url).render(
        stylesheets=[CSS(filename=path) for path in stylesheets]
    )
    anchors = {}
    for number, page in enumerate(document.pages):
        for name in page.anchors:
            anchors.setdefault(name, number)
    return LaidOut(document.write_pdf(), len(document.pages), anchors)


def lay_out_all(htmls, stylesheets, base_url=None, workers=1):
    """Lay out documents, `workers` at a time, each in its own Python process (in this
    process when there is one worker or one document). Results keep the input order.

    Worker processes are started with `python -m repertoire.paper.typesetting` rather than
    multiprocessing: nothing of the web server (threads, database connections, its main
    module) is forked or re-imported."""
    if workers <= 1 or len(htmls) <= 1:
        return [lay_out(html, stylesheets, base_url) for html in htmls]
    with (
        tempfile.TemporaryDirectory(prefix="passerelles-pdf-") as folder,
        ThreadPoolExecutor(max_workers=workers) as threads,
    ):
        jobs = [
            threads.submit(
                _lay_out_elsewhere,
                Path(folder) / f"part-{number}.html",
                html,
                stylesheets,
                base_url,
            )
            for number, html in enumerate(htmls)
        ]
        return [job.result() for job in jobs]


class TypesettingError(RuntimeError):
    """A worker process failed to lay a part out; carries the end of its error output."""


def _lay_out_elsewhere(source, html, stylesheets, base_url):
    source.write_text(html, encoding="utf-8")
    target = source.with_suffix(".pdf")
    command = [PYTHON, "-m", "repertoire.paper.typesetting", str(source), str(target)]
    command += [f"--css={path}" for path in stylesheets]
    if base_url:
        command.append(f"--base-url={base_url}")
    result = subprocess.run(
        command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=WORKER_TIMEOUT
    )
    if result.returncode:
        raise TypesettingError(result.stderr[-2000:])
    facts = json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))
    return LaidOut(target.read_bytes(), facts["pages"], facts["anchors"])


def join(parts, number_from=2):
    """One PDF from laid-out parts, bookmarks kept, pages numbered "n / total" from page
    `number_from` on (the cover has no number)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part.pdf)))
    total = len(writer.pages)
    font = writer._add_object(_base_font())
    for number, page in enumerate(writer.pages, start=1):
        if number >= number_from:
            _stamp(writer, page, f"{number} / {total}", font)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _base_font():
    from pypdf.generic import DictionaryObject, NameObject

    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )


def _stream(writer, data):
    from pypdf.generic import DecodedStreamObject

    stream = DecodedStreamObject()
    stream.set_data(data.encode("ascii"))
    return writer._add_object(stream)


def _stamp(writer, page, text, font):
    """Add `text` centred at the foot of `page`, without re-parsing its content: the page's
    own content is wrapped in q/Q so its coordinate changes cannot move the stamp."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    width = sum(_HELVETICA_WIDTHS[char] for char in text) * NUMBER_SIZE / 1000
    x = (float(page.mediabox.width) - width) / 2 + float(page.mediabox.left)
    y = NUMBER_BASELINE + float(page.mediabox.bottom)
    contents = page.get("/Contents")
    if contents is None:
        existing = []
    elif isinstance(contents.get_object(), ArrayObject):
        existing = list(contents.get_object())
    else:
        existing = [contents]
    number = (
        f"q {NUMBER_GREY} g BT /PageNumber {NUMBER_SIZE} Tf {x:.2f} {y:.2f} Td ({text}) Tj ET Q"
    )
    page[NameObject("/Contents")] = ArrayObject(
        [_stream(writer, "q\n"), *existing, _stream(writer, "\nQ\n"), _stream(writer, number)]
    )
    resources = page["/Resources"].get_object()
    if "/Font" not in resources:
        resources[NameObject("/Font")] = DictionaryObject()
    resources["/Font"].get_object()[NameObject("/PageNumber")] = font


def main(argv=None):
    """`python -m repertoire.paper.typesetting SOURCE.html TARGET.pdf --css=FILE…`: lay one part
    out; its page count and anchors go to TARGET.json."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--css", action="append", default=[])
    parser.add_argument("--base-url")
    args = parser.parse_args(argv)
    laid = lay_out(args.source.read_text(encoding="utf-8"), args.css, args.base_url)
    args.target.write_bytes(laid.pdf)
    facts = {key: value for key, value in asdict(laid).items() if key != "pdf"}
    args.target.with_suffix(".json").write_text(json.dumps(facts), encoding="utf-8")


if __name__ == "__main__":
    main()
