"""Sensitive fields reach only the people who accompany the person (issue #14, item 6).

The test walks the personal-data register: every field classified `SENSITIVE` has a
scenario here (a new one without a scenario fails). Each scenario writes a unique marker in
the field; the marker must be absent from every page and export of a partner the record is
shared with and of the regional admin who oversees it, and present for the record's
referent or social workers.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from extranet.candidates.enums import ContactKind
from extranet.candidates.models import CandidateContact
from extranet.models import Pathway, ReferralComment
from extranet.privacy.register import REGISTER, DataClass
from extranet.referrals import services as referral_services
from tests.extranet.factories import (
    PDF_BYTES,
    CandidateFactory,
    CandidateShareFactory,
    MembershipFactory,
    ReferralFactory,
    WelcomePoleFactory,
)
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

MARKER = "Marqueur-sensible-{}"


def sensitive_fields():
    return sorted(
        (label, name)
        for label, fields in REGISTER.items()
        if isinstance(fields, dict)
        for name, data_class in fields.items()
        if data_class == DataClass.SENSITIVE
    )


def text_of(response):
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if content_type.startswith("application/vnd.openxmlformats"):
        book = load_workbook(io.BytesIO(body))
        cells = [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
        return " ".join(str(cell) for cell in cells if cell is not None)
    return body.decode(errors="replace")


def candidate_notes(world, marker):
    candidate = CandidateFactory(pole=world.pole, referent=world.officer, last_name="Sensible")
    CandidateShareFactory(candidate=candidate, structure=world.partner_structure, can_edit=True)
    CandidateContact.objects.create(candidate=candidate, kind=ContactKind.PHONE, notes=marker)
    detail = reverse("extranet:candidate_detail", args=[candidate.reference])
    pages = [
        detail,
        reverse("extranet:candidate_list"),
        "/extranet/candidats/export.csv",
        "/extranet/candidats/export.xlsx",
        "/extranet/candidats/statistiques/export.csv",
        "/extranet/recherche/?q=Sensible",
        "/extranet/",
    ]
    return pages, [(world.officer, detail)]


def referral_record(world):
    return ReferralFactory(
        sender=world.member_a, sender_structure=world.a, target_structure=world.b
    )


def referral_pages(referral):
    detail = reverse("extranet:referral_detail", args=[referral.reference])
    lists = [f"/extranet/orientations/?box={box}" for box in ("received", "sent", "all")]
    exports = ["/extranet/orientations/statistiques/export.csv"]
    return [detail, *lists, *exports], detail


def referral_message(world, marker):
    referral = referral_record(world)
    referral.message = marker
    referral.save(update_fields=["message"])
    pages, detail = referral_pages(referral)
    search = f"/extranet/recherche/?q={referral.subject.split()[0]}"
    return [*pages, search], [(world.member_b, detail)]


def referral_comment(world, marker):
    referral = referral_record(world)
    ReferralComment.objects.create(
        referral=referral, author=world.member_a, author_structure=world.a, body=marker
    )
    pages, detail = referral_pages(referral)
    return pages, [(world.member_b, detail)]


def referral_file(world, marker):
    referral = referral_record(world)
    upload = SimpleUploadedFile("bilan.pdf", PDF_BYTES + marker.encode())
    referral_services.add_attachments(
        actor=world.member_a,
        referral=referral,
        attachments=[(upload, "application/pdf", "bilan.pdf")],
    )
    key = referral.attachments.get().key
    download = reverse("extranet:attachment_download", args=[referral.reference, key])
    pages, _detail = referral_pages(referral)
    return [*pages, download], [(world.member_b, download)]


def pathway_situation(world, marker):
    pathway = Pathway.objects.create(
        structure=world.a, person_first_name="Maëlle", person_last_name="Fictive",
        situation=marker, reference="FP-2026-99001",
    )  # fmt: skip
    detail = reverse("extranet:pathway_detail", args=[pathway.reference])
    edit = reverse("extranet:pathway_edit", args=[pathway.reference])
    return [detail, edit, reverse("extranet:pathway_list")], [(world.member_a, detail)]


SCENARIOS = {
    ("extranet.CandidateContact", "notes"): candidate_notes,
    ("extranet.Referral", "message"): referral_message,
    ("extranet.ReferralComment", "body"): referral_comment,
    ("extranet.ReferralAttachment", "file"): referral_file,
    ("extranet.Pathway", "situation"): pathway_situation,
}


class World:
    def __init__(self, network, regional_admin):
        self.a, self.b = network.a, network.b
        self.member_a, self.member_b = network.member_a, network.member_b
        self.officer = UserFactory()
        self.pole = WelcomePoleFactory(officers=[self.officer])
        partner = MembershipFactory(manager=True)
        self.partner, self.partner_structure = partner.user, partner.structure
        self.admin = regional_admin


def test_every_sensitive_field_of_the_register_has_a_scenario():
    assert sensitive_fields() == sorted(SCENARIOS)


@pytest.mark.parametrize("field", sorted(SCENARIOS), ids="-".join)
def test_sensitive_field_is_hidden_from_partners_and_overseers(
    client, network, regional_admin, field
):
    world = World(network, regional_admin)
    marker = MARKER.format(field[1])
    pages, readers = SCENARIOS[field](world, marker)
    for observer in (world.partner, world.admin):
        client.force_login(observer)
        for url in pages:
            response = client.get(url)
            assert response.status_code in (200, 403, 404), (url, response.status_code)
            assert marker not in text_of(response), (observer.email, url)
    for reader, url in readers:
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200, url
        assert marker in text_of(response), (reader.email, url)
