"""Subject access (ZIP of JSON + files) and erasure on request, from the Wagtail admin."""

import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile

from extranet.enums import AuditAction
from extranet.models import AuditEvent
from extranet.privacy import subject
from extranet.privacy.anonymise import ANONYMISED
from tests.cartemploi.factories import YouthProfileFactory
from tests.extranet.factories import PDF_BYTES, CandidateFactory, ReferralFactory

URL = "/admin/donnees-personnelles/"
EMAIL = "camille.durandal@exemple.fr"


@pytest.fixture
def person(db, private_media):  # noqa: F811
    profile = YouthProfileFactory(user__email=EMAIL)
    profile.cv.save("cv.pdf", ContentFile(PDF_BYTES))
    candidate = CandidateFactory(email=EMAIL.upper(), first_name="Camille")
    referral = ReferralFactory(person_email=EMAIL, person_first_name="Camille")
    return profile, candidate, referral


@pytest.fixture
def admin_client(client, regional_admin):
    regional_admin.is_staff = True
    regional_admin.save()
    client.force_login(regional_admin)
    return client


def read_zip(response):
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name) for name in archive.namelist()}


def test_export_is_a_zip_of_json_and_files_and_is_audited(admin_client, person):
    profile, candidate, referral = person
    response = admin_client.post(URL, {"email": EMAIL, "action": "export"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    files = read_zip(response)
    [candidate_row] = json.loads(files["donnees/extranet.Candidate.json"])
    assert candidate_row["fields"]["first_name"] == "Camille"
    [user_row] = json.loads(files["donnees/portal.User.json"])
    assert "password" not in user_row["fields"]
    assert json.loads(files["donnees/cartemploi.YouthProfile.json"])[0]["pk"] == profile.pk
    assert json.loads(files["donnees/extranet.Referral.json"])[0]["pk"] == referral.pk
    assert files[f"fichiers/cartemploi.YouthProfile/{profile.pk}/cv.pdf"] == PDF_BYTES
    exports = AuditEvent.objects.filter(action=AuditAction.EXPORT)
    assert exports.count() == 3  # candidate, referral, account
    assert all(EMAIL not in e.reason for e in exports)


def test_erasure_needs_a_confirmation(admin_client, person):
    response = admin_client.post(URL, {"email": EMAIL, "action": "erase"})
    assert response.status_code == 200
    assert "Cochez la case" in response.content.decode()
    _profile, candidate, _referral = person
    candidate.refresh_from_db()
    assert candidate.last_name != ANONYMISED


def test_erasure_anonymises_everything_of_the_person(admin_client, person):
    profile, candidate, referral = person
    response = admin_client.post(URL, {"email": EMAIL, "action": "erase", "confirm": "on"})
    assert response.status_code == 302
    for row in (profile, candidate, referral, profile.user):
        row.refresh_from_db()
    assert candidate.last_name == referral.person_last_name == ANONYMISED
    assert profile.first_name == ANONYMISED and profile.cv.name == ""
    assert not profile.user.is_active
    assert subject.find(EMAIL).is_empty
    assert AuditEvent.objects.filter(action=AuditAction.ANONYMISE).count() == 3


def test_an_unknown_address_is_still_audited(admin_client, db):
    response = admin_client.post(URL, {"email": "personne@exemple.fr", "action": "export"})
    files = read_zip(response)
    assert json.loads(files["lisez-moi.json"])["contenu"] == {}
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT).count() == 1


def test_only_the_regional_admin_handles_requests(client, member, person):
    member.is_staff = True
    member.save()
    client.force_login(member)
    assert client.get(URL).status_code in (302, 403)
    response = client.post(URL, {"email": EMAIL, "action": "erase", "confirm": "on"})
    assert response.status_code in (302, 403)
    _profile, candidate, _referral = person
    candidate.refresh_from_db()
    assert candidate.last_name != ANONYMISED


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"] or "connexion" in response["Location"]


def test_admin_page_renders(admin_client):
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert "Demandes sur les données personnelles" in response.content.decode()
