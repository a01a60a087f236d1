"""Wagtail document uploads: checked like every upload, served only as downloads (#14, item 4)."""

import io
import logging
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection

from portal.documents import DocumentForm
from tests.extranet.factories import PDF_BYTES
from tests.portal.clamd_peer import EICAR, ClamdPeer
from tests.portal.test_antivirus import needs_client

pytestmark = pytest.mark.django_db


def office(manifest="[Content_Types].xml"):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(manifest, "<Types/>")
    return out.getvalue()


def submit(name, content):
    form_class = get_document_form(get_document_model())
    assert issubclass(form_class, DocumentForm)
    upload = SimpleUploadedFile(name, content)
    form = form_class(
        data={"title": "Convention", "collection": Collection.get_first_root_node().pk},
        files={"file": upload},
    )
    return form


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("convention.pdf", PDF_BYTES),
        ("convention.docx", office()),
        ("tableau.ods", office("mimetype")),
        ("horaires.csv", "jour;heures\nlundi;9 h–12 h\n".encode()),
        ("notes.txt", "Réunion du réseau, café à 9 h.".encode("cp1252")),
    ],
)
def test_real_documents_are_accepted(name, content):
    form = submit(name, content)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("page.pdf", b"<html><script>alert(1)</script></html>", "bad_type"),
        ("faux.docx", b"PK\x03\x04 not a zip at all", "bad_type"),
        ("archive.docx", office("autre.xml"), "bad_type"),
        ("liste.csv", b"nom;<script>alert(1)</script>", "bad_type"),
        ("dessin.txt", b'<?xml version="1.0"?><svg onload="alert(1)"/>', "bad_type"),
        ("binaire.txt", b"MZ\x90\x00\x03\x00", "bad_type"),
        ("page.html", b"<html></html>", "bad_type"),
        ("dessin.svg", b"<svg/>", "bad_type"),
    ],
)
def test_documents_a_browser_would_run_are_refused_and_logged(name, content, reason, caplog):
    caplog.set_level(logging.WARNING, logger="passerelles.denials")
    form = submit(name, content)
    assert not form.is_valid()
    assert "file" in form.errors
    assert f"reason={reason}" in caplog.records[-1].getMessage()
    assert name not in caplog.text, "no file name in the log"


def test_an_oversized_document_is_refused(settings, caplog):
    settings.DOCUMENT_MAX_BYTES = 1024
    caplog.set_level(logging.WARNING, logger="passerelles.denials")
    form = submit("gros.pdf", PDF_BYTES + b"0" * 2048)
    assert not form.is_valid()
    assert "dépasse" in form.errors["file"][0]
    assert "reason=too_large" in caplog.records[-1].getMessage()


@needs_client
def test_eicar_in_a_document_is_refused_when_a_scanner_is_configured(settings, caplog):
    caplog.set_level(logging.WARNING, logger="passerelles.denials")
    with ClamdPeer() as clamd:
        settings.CLAMAV_URL = clamd.url
        assert submit("propre.pdf", PDF_BYTES).is_valid()
        form = submit("infecte.pdf", PDF_BYTES + EICAR)
        assert not form.is_valid()
    assert form.errors["file"][0].startswith("Ce fichier contient un virus")
    assert "reason=virus" in caplog.records[-1].getMessage()


@pytest.mark.parametrize("name", ["convention.pdf", "notes.txt"])
def test_every_document_leaves_as_a_download_never_sniffed(client, name):
    document = get_document_model().objects.create(
        title="Convention", file=ContentFile(PDF_BYTES, name=name)
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
