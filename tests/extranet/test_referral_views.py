"""Fiches de liaison through the browser's eyes: role matrix, bad input, attachments."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from extranet.enums import AuditAction
from extranet.models import AuditEvent, Referral, ReferralAttachment
from extranet.referrals.enums import ReferralStatus
from tests.extranet.factories import (
    EXE_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    ReferralFactory,
)
from tests.repertoire.factories import StructureFactory

S = ReferralStatus


def url(name, referral, *args):
    return reverse(f"extranet:{name}", args=[referral.reference, *args])


def form_data(network, **overrides):
    data = {
        "submission_key": "6f1c1f43-6d6e-4d43-9d2c-4a5d7c1b9a01",
        "sender_structure": network.a.pk,
        "target_structure": network.b.pk,
        "target_service": network.service_b.pk,
        "person_first_name": "Maëlle",
        "person_last_name": "Fictive",
        "person_phone": "06 00 00 00 00",
        "person_reach": "Plutôt le matin",
        "consent": "on",
        "consent_method": "oral",
        "consent_date": timezone.localdate().isoformat(),
        "subject": "Aide pour un dossier de logement",
        "urgency": "normal",
        "thematiques": ["logement-hebergement--louer-un-logement"],
        "message": "Elle attend votre appel.",
    }
    data.update(overrides)
    return data


def attachment(referral, user, content=PDF_BYTES, name="bilan.pdf"):
    from extranet.referrals import services

    upload = SimpleUploadedFile(name, content)
    services.add_attachments(
        actor=user, referral=referral, attachments=[(upload, "application/pdf", name)]
    )
    return referral.attachments.get(original_name=name)


# --- Role matrix ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["referral_detail", "referral_status", "referral_comment"])
def test_anonymous_goes_to_login(client, referral, name):
    response = client.get(url(name, referral))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("name", "method"),
    [("referral_detail", "get"), ("referral_status", "post"), ("referral_comment", "post"),
     ("referral_redirect", "post"), ("referral_attach", "post")],
)  # fmt: skip
def test_member_of_another_structure_gets_404(client, referral, network, name, method):
    client.force_login(network.member_c)
    response = getattr(client, method)(url(name, referral), {"status": "acknowledged", "body": "x"})
    assert response.status_code == 404
    referral.refresh_from_db()
    assert referral.status == S.SENT and not referral.comments.exists()


def test_attachment_is_404_for_another_structure(client, referral, network):
    stored = attachment(referral, network.member_a)
    client.force_login(network.member_c)
    assert client.get(url("attachment_download", referral, stored.key)).status_code == 404


def test_attachment_download_is_private_and_audited(client, referral, network, private_media):
    stored = attachment(referral, network.member_a)
    assert str(private_media) in stored.file.path
    client.force_login(network.member_b)
    response = client.get(url("attachment_download", referral, stored.key))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert (
        AuditEvent.objects.for_object(referral).filter(reason__startswith="pièce jointe").exists()
    )


@pytest.mark.parametrize("who", ["member_a", "member_b"])
def test_both_structures_read_the_referral_and_it_is_audited(client, referral, network, who):
    user = getattr(network, who)
    client.force_login(user)
    response = client.get(url("referral_detail", referral))
    assertContains(response, referral.person_last_name)
    assert AuditEvent.objects.filter(
        actor=user, action=AuditAction.READ, object_id=str(referral.pk)
    ).exists()


def test_regional_admin_reads_any_referral(client, referral, regional_admin):
    client.force_login(regional_admin)
    assert client.get(url("referral_detail", referral)).status_code == 200


def test_target_acknowledges_sender_cannot(client, referral, network):
    client.force_login(network.member_a)
    assert (
        client.post(url("referral_status", referral), {"status": "acknowledged"}).status_code == 403
    )
    client.force_login(network.member_b)
    response = client.post(url("referral_status", referral), {"status": "acknowledged"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == S.ACKNOWLEDGED


def test_workflow_refuses_done_to_sent_with_a_message(client, referral, network):
    Referral.objects.filter(pk=referral.pk).update(status=S.DONE)
    client.force_login(network.member_b)
    response = client.post(url("referral_status", referral), {"status": "sent", "note": "Oups"})
    assertContains(
        response,
        "Impossible de passer une fiche « Terminée » à l&#x27;état « Envoyée »",
        status_code=400,
    )
    referral.refresh_from_db()
    assert referral.status == S.DONE


def test_decline_without_reason_keeps_the_note(client, referral, network):
    client.force_login(network.member_b)
    response = client.post(
        url("referral_status", referral),
        {"status": "declined", "note": "Hors secteur, voir la mairie"},
    )
    assertContains(response, "Choisissez le motif du refus.", status_code=400)
    assertContains(response, "Hors secteur, voir la mairie", status_code=400)


def test_comment_on_closed_referral_is_refused_and_text_kept(client, referral, network):
    Referral.objects.filter(pk=referral.pk).update(status=S.DONE)
    client.force_login(network.member_a)
    response = client.post(url("referral_comment", referral), {"body": "Une dernière question"})
    assertContains(response, "on ne peut plus la commenter", status_code=400)
    assertContains(response, "Une dernière question", status_code=400)
    assert not referral.comments.exists()


def test_comment_from_sender_is_posted(client, referral, network):
    client.force_login(network.member_a)
    response = client.post(
        url("referral_comment", referral), {"body": "Elle est joignable demain."}
    )
    assert response.status_code == 302
    assert referral.comments.get().author_structure == network.a


# --- Creating a referral -------------------------------------------------------------------
def test_new_referral_form_is_prefilled_from_the_repertoire(client, network):
    client.force_login(network.member_a)
    response = client.get(
        reverse("extranet:referral_create")
        + f"?structure={network.b.slug}&service={network.service_b.pk}"
    )
    assert response.context["form"].initial["target_structure"] == network.b.pk
    assert response.context["form"].initial["target_service"] == network.service_b.pk


def test_new_referral_prefilled_from_previous_one(client, referral, network):
    client.force_login(network.member_a)
    response = client.get(reverse("extranet:referral_create") + f"?previous={referral.reference}")
    assert response.context["form"].initial["person_last_name"] == referral.person_last_name


def test_previous_referral_of_another_structure_does_not_leak(client, referral, network):
    client.force_login(network.member_c)
    response = client.get(reverse("extranet:referral_create") + f"?previous={referral.reference}")
    assertNotContains(response, referral.person_last_name)


def test_send_referral_with_attachment(client, network):
    client.force_login(network.member_a)
    data = form_data(network, attachments=[SimpleUploadedFile("bilan.pdf", PDF_BYTES)])
    response = client.post(reverse("extranet:referral_create"), data)
    referral = Referral.objects.get()
    assert response.status_code == 302 and response.url == url("referral_detail", referral)
    assert referral.target_service == network.service_b
    assert referral.attachments.get().content_type == "application/pdf"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"consent": ""}, "sans son accord, la fiche ne peut pas être envoyée"),
        ({"consent_method": ""}, "Précisez comment la personne a donné son accord"),
        ({"person_phone": "", "person_reach": ""}, "au moins un moyen de joindre"),
        ({"subject": ""}, "Dites en une ligne ce que la personne demande"),
    ],
)
def test_bad_input_is_refused_in_french_and_kept(client, network, overrides, message):
    client.force_login(network.member_a)
    response = client.post(reverse("extranet:referral_create"), form_data(network, **overrides))
    assertContains(response, message)
    assertContains(response, 'value="Fictive"')
    assertContains(response, "Elle attend votre appel.")
    assert not Referral.objects.exists()


def test_structure_not_accepting_referrals_is_refused(client, network):
    silent = StructureFactory()  # no member: nobody would read the referral
    client.force_login(network.member_a)
    response = client.post(
        reverse("extranet:referral_create"),
        form_data(network, target_structure=silent.pk, target_service=""),
    )
    assertContains(response, "ne reçoit pas de fiches de liaison en ligne")
    assertContains(response, 'value="Fictive"')
    assert not Referral.objects.exists()


def test_executable_renamed_pdf_is_refused(client, network):
    client.force_login(network.member_a)
    data = form_data(network, attachments=[SimpleUploadedFile("bilan.pdf", EXE_BYTES)])
    response = client.post(reverse("extranet:referral_create"), data)
    assertContains(response, "n&#x27;est pas un PDF, un PNG ou un JPEG")
    assertContains(response, "joignez-les à nouveau")
    assert not Referral.objects.exists() and not ReferralAttachment.objects.exists()


def test_fifty_megabyte_file_is_refused(client, network):
    client.force_login(network.member_a)
    big = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024))
    response = client.post(
        reverse("extranet:referral_create"), form_data(network, attachments=[big])
    )
    assertContains(response, "la limite est de 10 Mo par fichier")
    assert not Referral.objects.exists()


def test_png_is_accepted_and_named_by_its_content(client, referral, network):
    client.force_login(network.member_b)
    upload = SimpleUploadedFile("photo du courrier.pdf", PNG_BYTES)
    client.post(url("referral_attach", referral), {"attachments": [upload]})
    stored = referral.attachments.get()
    assert (stored.content_type, stored.original_name) == ("image/png", "photo_du_courrier.png")


def test_double_submission_creates_one_referral(client, network):
    client.force_login(network.member_a)
    first = client.post(reverse("extranet:referral_create"), form_data(network))
    second = client.post(reverse("extranet:referral_create"), form_data(network), follow=True)
    referral = Referral.objects.get()
    assert first.url == second.redirect_chain[-1][0] == url("referral_detail", referral)
    assertContains(second, "déjà été envoyée")


# --- Lists -----------------------------------------------------------------------------------
@pytest.mark.parametrize("rows", [2, 30])
def test_list_query_count_does_not_grow(
    client, network, django_assert_max_num_queries, settings, rows
):
    """≤ 12 queries whatever the size. allauth's session-activity tracking (5 statements per
    request on every page of the site, see USERSESSIONS_TRACK_ACTIVITY) is left out: it is
    not part of the list and is the same on every page."""
    settings.USERSESSIONS_TRACK_ACTIVITY = False
    for _ in range(rows):
        ReferralFactory(
            sender_structure=network.a, target_structure=network.b, target_service=network.service_b
        )
    client.force_login(network.member_b)
    client.get(reverse("extranet:referral_list"))  # first visit: session and site settings
    with django_assert_max_num_queries(12):
        response = client.get(reverse("extranet:referral_list"))
    assert len(response.context["page_obj"].object_list) == min(rows, 25)


def test_list_shows_only_visible_referrals(client, referral, network):
    client.force_login(network.member_c)
    response = client.get(reverse("extranet:referral_list") + "?box=all")
    assertNotContains(response, referral.reference)
