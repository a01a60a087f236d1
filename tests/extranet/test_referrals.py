"""The referral workflow: transitions, visibility, thread, reminders, expiry, e-mails."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from extranet.enums import AuditAction
from extranet.models import AuditEvent, Referral, ReferralReception
from extranet.referrals import services
from extranet.referrals.enums import TRANSITIONS, DeclineReason, ReferralStatus
from portal.models import OutboundEmail
from tests.extranet.factories import MembershipFactory
from tests.repertoire.factories import StructureFactory

S = ReferralStatus


def new_referral(network, **overrides):
    values = {
        "sender_structure": network.a,
        "target_structure": network.b,
        "person_first_name": "Maëlle",
        "person_last_name": "Fictive",
        "person_phone": "06 00 00 00 00",
        "consent_at": timezone.now(),
        "consent_method": "oral",
        "subject": "Aide pour un dossier de logement",
    }
    values.update(overrides)
    return Referral(**values)


def test_send_creates_reference_event_audit_and_notifies_target(
    network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral = services.send_referral(actor=network.member_a, referral=new_referral(network))
    assert referral.reference.startswith("OR-")
    assert referral.events.get().to_status == S.SENT
    assert AuditEvent.objects.for_object(referral).filter(action=AuditAction.CREATE).exists()
    assert [m.to for m in mail.outbox] == [[network.member_b.email]]


def test_notifications_never_contain_the_person(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        referral = services.send_referral(
            actor=network.member_a,
            referral=new_referral(network, person_email="maelle@exemple.fr"),
        )
        services.change_status(actor=network.member_b, referral=referral, to_status=S.ACKNOWLEDGED)
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        body = message.body + message.alternatives[0][0]
        assert "Fictive" not in body and "06 00" not in body and "maelle@" not in body
        assert f"/extranet/orientations/{referral.reference}/" in body
        assert "Fictive" not in message.subject


def test_structure_without_members_or_opted_out_refuses(network):
    empty = StructureFactory()
    with pytest.raises(services.ReferralError, match="ne reçoit pas"):
        services.send_referral(
            actor=network.member_a, referral=new_referral(network, target_structure=empty)
        )
    ReferralReception.objects.create(structure=network.b, accepts_referrals=False)
    with pytest.raises(services.ReferralError, match="ne reçoit pas"):
        services.send_referral(actor=network.member_a, referral=new_referral(network))
    assert not Referral.objects.exists()


def test_double_submission_returns_the_first(network):
    first = services.send_referral(actor=network.member_a, referral=new_referral(network))
    again = new_referral(network, submission_key=first.submission_key)
    with pytest.raises(services.AlreadySent) as caught:
        services.send_referral(actor=network.member_a, referral=again)
    assert caught.value.existing == first
    assert Referral.objects.count() == 1


def test_transitions_outside_the_table_are_refused(referral, network):
    refused = [(c, t) for c in S for t in S if t not in TRANSITIONS[c]]
    assert (S.DONE, S.SENT) in refused
    for current, target in refused:
        Referral.objects.filter(pk=referral.pk).update(status=current)
        with pytest.raises(services.ReferralError, match="Impossible de passer"):
            services.change_status(actor=network.member_b, referral=referral, to_status=target)
        referral.refresh_from_db()
        assert referral.status == current, (current, target)
    assert not referral.events.exists()


def test_full_workflow_records_dates_events_and_audit(referral, network):
    for status in (S.ACKNOWLEDGED, S.IN_PROGRESS, S.DONE):
        referral = services.change_status(
            actor=network.member_b, referral=referral, to_status=status
        )
    assert referral.acknowledged_at and referral.closed_at
    assert list(referral.events.values_list("to_status", flat=True)) == [
        S.ACKNOWLEDGED,
        S.IN_PROGRESS,
        S.DONE,
    ]
    assert AuditEvent.objects.for_object(referral).filter(action=AuditAction.UPDATE).count() == 3


def test_decline_needs_a_reason_from_the_list(referral, network):
    with pytest.raises(services.ReferralError, match="motif"):
        services.change_status(actor=network.member_b, referral=referral, to_status=S.DECLINED)
    declined = services.change_status(
        actor=network.member_b, referral=referral, to_status=S.DECLINED,
        decline_reason=DeclineReason.OUT_OF_AREA, note="Habite dans le département voisin.",
    )  # fmt: skip
    assert declined.decline_reason == DeclineReason.OUT_OF_AREA
    assert not declined.is_open


def test_redirect_closes_and_sends_the_follow_on(referral, network):
    MembershipFactory(structure=network.c)
    closed, follow_on = services.redirect(
        actor=network.member_b, referral=referral, target_structure=network.c, note="Mieux placée."
    )
    assert closed.status == S.REDIRECTED
    assert follow_on.redirected_from == closed
    assert follow_on.sender_structure == network.b and follow_on.target_structure == network.c
    assert follow_on.person_last_name == referral.person_last_name
    assert follow_on.consent_at == referral.consent_at


def test_redirect_to_a_structure_already_involved_is_refused(referral, network):
    with pytest.raises(services.ReferralError):
        services.redirect(actor=network.member_b, referral=referral, target_structure=network.a)
    referral.refresh_from_db()
    assert referral.status == S.SENT


def test_comment_on_closed_referral_is_refused(referral, network):
    services.add_comment(
        actor=network.member_b, referral=referral, body="Reçu, on l'appelle.", structure=network.b
    )
    Referral.objects.filter(pk=referral.pk).update(status=S.DONE)
    with pytest.raises(services.ReferralError, match="close"):
        services.add_comment(
            actor=network.member_a, referral=referral, body="Merci", structure=network.a
        )
    assert referral.comments.count() == 1


def test_comment_notifies_the_other_side_only(
    referral, network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(
            actor=network.member_b, referral=referral, body="Rendez-vous fixé.", structure=network.b
        )
    assert [m.to for m in mail.outbox] == [[network.member_a.email]]


def test_visibility(referral, network, regional_admin):
    assert Referral.objects.visible_to(network.member_a).get() == referral
    assert Referral.objects.visible_to(network.member_b).get() == referral
    assert not Referral.objects.visible_to(network.member_c).exists()
    assert Referral.objects.visible_to(regional_admin).get() == referral


def test_reminders_are_sent_once_per_period(referral, network, settings):
    settings.REFERRAL_REMIND_AFTER_DAYS = 3
    now = timezone.now()
    assert services.send_reminders(now=now) == 0
    later = now + timedelta(days=3, minutes=1)
    assert services.send_reminders(now=later) == 1
    assert services.send_reminders(now=later + timedelta(hours=5)) == 0
    assert services.send_reminders(now=later + timedelta(days=3, minutes=1)) == 1
    assert OutboundEmail.objects.filter(kind="referral_reminder").count() == 2


def test_acknowledged_referrals_are_not_reminded_nor_expired(referral, network, settings):
    services.change_status(actor=network.member_b, referral=referral, to_status=S.ACKNOWLEDGED)
    far = timezone.now() + timedelta(days=365)
    assert services.send_reminders(now=far) == 0
    assert services.expire_overdue(now=far) == 0


def test_expiry_is_idempotent_and_tells_the_sender(referral, network, settings):
    settings.REFERRAL_EXPIRE_AFTER_DAYS = 30
    later = timezone.now() + timedelta(days=31)
    assert services.expire_overdue(now=later) == 1
    assert services.expire_overdue(now=later) == 0
    referral.refresh_from_db()
    assert referral.status == S.EXPIRED and referral.acknowledged_at is None
    assert OutboundEmail.objects.filter(kind="referral_status", to=network.member_a.email).exists()


def test_search_document_is_scoped_to_the_two_structures(referral, network):
    from search import registry

    document = registry.get_source("referral").to_document(referral)
    assert document.visibility == f"scope:structure-{network.a.pk},structure-{network.b.pk}"
    assert document.url == f"/extranet/orientations/{referral.reference}/"
