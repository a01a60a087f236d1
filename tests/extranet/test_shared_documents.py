"""Members share documents with the network (issue #12, item 9), moderated by a setting."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.documents import get_document_model

from extranet.enums import AuditAction, SharedDocumentStatus
from extranet.models import AuditEvent, SharedDocument

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% guide\n"


def upload(client, title="Guide des bénévoles", content=PDF, name="guide.pdf"):
    return client.post(
        reverse("extranet:document_share"),
        {
            "title": title,
            "description": "Quatre pages pour bien accueillir.",
            "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
        },
    )


def test_a_moderated_upload_waits_unseen_then_an_editor_publishes_it(
    client, network, editor, settings
):
    settings.NETWORK_DOCUMENTS_MODERATED = True
    client.force_login(network.member_a)
    assert upload(client).status_code == 302
    shared = SharedDocument.objects.get()
    assert shared.status == SharedDocumentStatus.PROPOSED and shared.document is None
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assertNotContains(client.get(reverse("extranet:document_list")), "Guide des bénévoles")
    assert client.get(reverse("extranet:document_proposals")).status_code == 403
    mail.outbox.clear()

    client.force_login(editor)
    assertContains(client.get(reverse("extranet:dashboard")), "1 document proposé")
    assertContains(client.get(reverse("extranet:document_proposals")), "Guide des bénévoles")
    download = client.get(reverse("extranet:proposal_download", args=[shared.pk]))
    assert b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"
    url = reverse("extranet:document_review", args=[shared.pk])
    assert client.post(url, {"decision": "publish"}).status_code == 302

    shared.refresh_from_db()
    assert shared.status == SharedDocumentStatus.PUBLISHED and not shared.file
    assert [m.to for m in mail.outbox] == [[network.member_a.email]]
    client.force_login(network.member_c)
    listing = client.get(reverse("extranet:document_list"))
    assertContains(listing, "Guide des bénévoles")
    assertContains(listing, "Quatre pages pour bien accueillir.")
    assertContains(client.get(reverse("extranet:dashboard")), "Guide des bénévoles")
    actions = set(AuditEvent.objects.filter(object_id=shared.pk).values_list("action", flat=True))
    assert {AuditAction.CREATE, AuditAction.UPDATE, AuditAction.READ} <= actions


def test_without_moderation_the_document_is_published_at_once(client, network, settings):
    settings.NETWORK_DOCUMENTS_MODERATED = False
    client.force_login(network.member_a)
    upload(client)
    shared = SharedDocument.objects.get()
    assert shared.status == SharedDocumentStatus.PUBLISHED
    assert shared.document.collection.name == settings.NETWORK_DOCUMENTS_COLLECTION
    assert mail.outbox == []


def test_a_refusal_tells_the_reason_and_publishes_nothing(client, network, editor):
    client.force_login(network.member_a)
    upload(client)
    shared = SharedDocument.objects.get()
    mail.outbox.clear()
    client.force_login(editor)
    url = reverse("extranet:document_review", args=[shared.pk])
    client.post(url, {"decision": "refuse", "reason": "Document déjà en ligne."})
    shared.refresh_from_db()
    assert shared.status == SharedDocumentStatus.REFUSED and not shared.file
    assert not get_document_model().objects.exists()
    assert "Document déjà en ligne." in mail.outbox[0].body


def test_bad_files_are_refused_next_to_the_field_and_nothing_is_written(client, network):
    client.force_login(network.member_a)
    response = upload(client, content=b"<html><script>alert(1)</script>", name="guide.pdf")
    assertContains(response, "ne correspond pas à son extension")
    assertContains(response, 'class="field field--error"')
    response = upload(client, title="")
    assertContains(response, "Donnez un titre au document.")
    response = client.post(reverse("extranet:document_share"), {"title": "Sans fichier"})
    assertContains(response, "Choisissez le fichier à partager.")
    assert not SharedDocument.objects.exists()
    assert not get_document_model().objects.exists()


def test_outsiders_cannot_share_or_review(client, stranger, network):
    client.force_login(network.member_a)
    upload(client)
    shared = SharedDocument.objects.get()
    client.force_login(stranger)
    assert client.get(reverse("extranet:document_share")).status_code == 403
    client.force_login(network.member_b)
    url = reverse("extranet:proposal_download", args=[shared.pk])
    assert client.get(url).status_code == 403


def test_the_proposals_list_costs_the_same_whatever_its_length(
    client, network, editor, django_assert_max_num_queries
):
    client.force_login(network.member_a)
    upload(client)
    client.force_login(editor)
    client.get(reverse("extranet:document_proposals"))
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("extranet:document_proposals"))
    budget = len(few)
    client.force_login(network.member_a)
    for number in range(12):
        upload(client, title=f"Document {number}")
    client.force_login(editor)
    client.get(reverse("extranet:document_proposals"))
    with django_assert_max_num_queries(budget):
        response = client.get(reverse("extranet:document_proposals"))
    assertContains(response, "Document 11")
