"""Shared documents: listed and served to network members only."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.documents import get_document_model
from wagtail.models import Collection


@pytest.fixture
def documents(db):
    Document = get_document_model()
    shared = Collection.objects.get(name=settings.NETWORK_DOCUMENTS_COLLECTION)
    minutes = Document(title="Compte rendu du comité de pilotage", collection=shared)
    minutes.file.save("compte-rendu.pdf", ContentFile(b"%PDF-1.4 compte rendu"), save=True)
    public = Document(title="Plaquette publique", collection=Collection.get_first_root_node())
    public.file.save("plaquette.pdf", ContentFile(b"%PDF-1.4 plaquette"), save=True)
    return minutes, public


def test_collection_exists_after_migrations(db):
    assert Collection.objects.filter(name=settings.NETWORK_DOCUMENTS_COLLECTION, depth=2).exists()


def test_members_list_and_download_network_documents(client, network, documents):
    minutes, public = documents
    client.force_login(network.member_c)
    listing = client.get(reverse("extranet:document_list"))
    assertContains(listing, minutes.title)
    assertNotContains(listing, public.title)
    response = client.get(reverse("extranet:document_download", args=[str(minutes.pk)]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 compte rendu"
    dashboard = client.get(reverse("extranet:dashboard"))
    assertContains(dashboard, minutes.title)


def test_other_documents_are_not_served_here(client, network, documents):
    client.force_login(network.member_a)
    public = documents[1]
    url = reverse("extranet:document_download", args=[str(public.pk)])
    assert client.get(url).status_code == 404


def test_anonymous_and_stranger_cannot_download(client, stranger, documents):
    minutes = documents[0]
    url = reverse("extranet:document_download", args=[str(minutes.pk)])
    assert client.get(url).url.startswith(reverse("account_login"))
    client.force_login(stranger)
    assert client.get(url).status_code == 403


def test_wagtail_public_document_url_is_closed_to_outsiders(client, stranger, network, documents):
    minutes, public = documents
    assert client.get(minutes.url).status_code == 403
    assert client.get(public.url).status_code == 200
    client.force_login(network.member_a)
    assert client.get(minutes.url).status_code == 200
