"""The candidate page outlives the accounts that wrote its timeline (issue #14, finding 5)."""

import pytest
from django.urls import reverse

from extranet.candidates.enums import CandidateStatus, ContactKind
from extranet.candidates.models import CandidateContact, StatusChange
from tests.extranet.factories import CandidateFactory
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_deleted_author_shows_as_a_deleted_account(client, regional_admin):
    candidate = CandidateFactory()
    author = UserFactory()
    CandidateContact.objects.create(
        candidate=candidate, kind=ContactKind.PHONE, notes="Appel", author=author
    )
    StatusChange.objects.create(
        candidate=candidate,
        old_status=CandidateStatus.NEW,
        new_status=CandidateStatus.CONTACTED,
        author=author,
    )
    author.delete()
    client.force_login(regional_admin)

    response = client.get(reverse("extranet:candidate_detail", args=[candidate.reference]))

    assert response.status_code == 200
    assert response.content.decode().count("compte supprimé") == 2
