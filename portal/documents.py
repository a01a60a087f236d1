"""Wagtail document uploads go through the same checks as every other upload.

`WAGTAILDOCS_DOCUMENT_FORM_BASE` points here: the file's type is found by its content (a PDF
starts with `%PDF-`, an office document is a ZIP holding its format's manifest, a CSV or
text file is text without markup a browser would run), its size is bounded
(`DOCUMENT_MAX_BYTES`), it is scanned when `CLAMAV_URL` is set, and every refusal is logged
(`portal.denials`; an extension Wagtail would refuse has no known content, so it is refused
and logged here first). Serving:
`WAGTAILDOCS_INLINE_CONTENT_TYPES` is empty, so every document leaves as an attachment, with
Wagtail's `nosniff` and `default-src 'none'` headers.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from portal.denials import logged_upload_check

OFFICE_MANIFEST = {
    "docx": "[Content_Types].xml",
    "xlsx": "[Content_Types].xml",
    "pptx": "[Content_Types].xml",
    "odt": "mimetype",
    "ods": "mimetype",
    "odp": "mimetype",
}
TEXT = {"csv", "txt"}
MARKUP = (b"<html", b"<!doctype", b"<script", b"<svg", b"<?xml", b"<iframe", b"<body", b"<object")
HEAD = 64 * 1024

NOT_ITS_TYPE = _(
    "Le contenu de ce fichier ne correspond pas à son extension : il n'a pas été enregistré."
)


def _extension(upload):
    return upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""


def _is_office(upload, manifest):
    if upload.read(4) != b"PK\x03\x04":
        return False
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return manifest in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _is_text(upload):
    head = upload.read(HEAD)
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # a cut multi-byte character at the end is fine
            head.decode("cp1252", errors="strict")
    return not any(tag in head.lower() for tag in MARKUP)


def _matches(upload, extension):
    upload.seek(0)
    try:
        if extension == "pdf":
            return upload.read(5) == b"%PDF-"
        if extension in OFFICE_MANIFEST:
            return _is_office(upload, OFFICE_MANIFEST[extension])
        if extension in TEXT:
            return _is_text(upload)
        return False
    except UnicodeDecodeError:
        return False
    finally:
        upload.seek(0)


@logged_upload_check("wagtail_document")
def check_document(upload):
    max_bytes = settings.DOCUMENT_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("Le document dépasse %(mb)s Mo."),
            params={"mb": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    if not _matches(upload, _extension(upload)):
        raise ValidationError(NOT_ITS_TYPE, code="bad_type")
    return upload


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and hasattr(upload, "content_type"):  # a new upload only
            check_document(upload)
        return upload
