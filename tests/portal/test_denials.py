"""Every denial and every refused upload is logged once, at WARNING, with ids only (#14)."""

import logging

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cartemploi import uploads
from tests.extranet.factories import EXE_BYTES, CandidateFactory

pytestmark = pytest.mark.django_db

LOGGER = "passerelles.denials"


def denials(caplog):
    return [r for r in caplog.records if r.name == LOGGER and r.levelno == logging.WARNING]


def assert_ids_only(record, user):
    message = record.getMessage()
    for personal in (user.email, user.first_name, user.last_name):
        if personal:
            assert personal not in message


def test_an_out_of_scope_object_is_logged_with_ids(client, member, caplog):
    candidate = CandidateFactory()
    client.force_login(member)
    caplog.set_level(logging.WARNING, logger=LOGGER)

    response = client.get(reverse("extranet:candidate_detail", args=[candidate.reference]))

    assert response.status_code == 404
    (record,) = denials(caplog)
    message = record.getMessage()
    assert f"user={member.pk}" in message
    assert "url=extranet:candidate_detail" in message
    assert f"reference={candidate.reference}" in message
    assert "status=404" in message
    assert candidate.last_name not in message and candidate.email not in message
    assert_ids_only(record, member)


def test_a_forbidden_page_is_logged(client, caplog):
    from tests.portal.factories import UserFactory

    youth = UserFactory(youth=True)
    client.force_login(youth)
    caplog.set_level(logging.WARNING, logger=LOGGER)

    assert client.get(reverse("extranet:dashboard")).status_code == 403

    (record,) = denials(caplog)
    assert "status=403" in record.getMessage() and "url=extranet:dashboard" in record.getMessage()
    assert f"user={youth.pk}" in record.getMessage()
    assert_ids_only(record, youth)


def test_pages_served_and_unknown_addresses_are_not_denials(client, member, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    client.get("/extranet/nulle-part/")  # no object asked for: an ordinary 404
    client.get(reverse("extranet:candidate_list"))  # anonymous: the login page, not a denial
    client.force_login(member)
    assert client.get(reverse("extranet:dashboard")).status_code == 200
    assert denials(caplog) == []


def test_a_refused_attachment_is_logged(client, referral, network, caplog):
    client.force_login(network.member_b)
    caplog.set_level(logging.WARNING, logger=LOGGER)
    upload = SimpleUploadedFile("outil.pdf", EXE_BYTES)

    url = reverse("extranet:referral_attach", args=[referral.reference])
    client.post(url, {"attachments": [upload]})

    assert not referral.attachments.exists()
    (record,) = denials(caplog)
    message = record.getMessage()
    assert "upload refused: what=referral_attachment reason=bad_type" in message
    assert f"user={network.member_b.pk}" in message and "outil" not in message


@pytest.mark.parametrize(
    ("check", "content", "what"),
    [
        (uploads.clean_cv, b"<html>not a pdf</html>", "cartemploi_cv"),
        (uploads.clean_photo, b"GIF89a-but-not-really", "cartemploi_photo"),
    ],
)
def test_refused_cartemploi_files_are_logged(check, content, what, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    with pytest.raises(ValidationError):
        check(SimpleUploadedFile("moi.pdf", content))
    (record,) = denials(caplog)
    assert f"what={what} reason=bad_type size={len(content)}" in record.getMessage()
