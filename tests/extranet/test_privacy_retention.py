"""`apply_retention`: warned 30 days before, anonymised on the day, never twice.

Dates are passed as `today` (no clock freezing library here). A candidate last contacted on
10 March 2024 is due on 10 March 2026 and warned from 8 February 2026.
"""

import datetime
import io

import pytest
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from extranet.enums import AuditAction
from extranet.models import AuditEvent, CandidateContact, ReferralAttachment
from extranet.privacy.anonymise import ANONYMISED
from extranet.privacy.retention import apply_retention
from portal.mail.models import OutboundEmail
from tests.extranet.factories import PDF_BYTES, CandidateFactory, ReferralFactory
from tests.portal.factories import UserFactory

D = datetime.date
LAST_CONTACT = D(2024, 3, 10)
WARN_FROM = D(2026, 2, 8)
DUE = D(2026, 3, 10)


def day_before(day):
    return day - datetime.timedelta(days=1)


def day_after(day):
    return day + datetime.timedelta(days=1)


def warnings(prefix="retention:candidate:"):
    return OutboundEmail.objects.filter(kind__startswith=prefix)


@pytest.fixture
def candidate(db):
    referent = UserFactory(email="referente@exemple.fr")
    candidate = CandidateFactory(
        referent=referent,
        last_contact_at=LAST_CONTACT,
        phone="06 12 34 56 78",
        project_description="Reprendre la boulangerie de ma tante.",
    )
    CandidateContact.objects.create(
        candidate=candidate, kind="phone", happened_on=LAST_CONTACT, notes="Santé fragile."
    )
    return candidate


def test_nothing_happens_the_day_before_the_warning(candidate):
    apply_retention(today=day_before(WARN_FROM))
    assert not warnings().exists()
    candidate.refresh_from_db()
    assert candidate.last_name != ANONYMISED


def test_the_referent_is_warned_30_days_before_and_only_once(candidate):
    report = apply_retention(today=WARN_FROM)
    assert report["candidates"] == {"warned": 1, "anonymised": 0}
    apply_retention(today=WARN_FROM)
    apply_retention(today=day_after(WARN_FROM))
    [mail] = warnings()
    assert mail.to == "referente@exemple.fr"
    assert "10/03/2026" in mail.subject
    assert candidate.reference in mail.body_text
    assert candidate.last_name not in mail.body_text  # the reference is enough


def test_anonymised_on_the_due_day_not_the_day_before(candidate):
    apply_retention(today=WARN_FROM)
    apply_retention(today=day_before(DUE))
    candidate.refresh_from_db()
    assert candidate.last_name != ANONYMISED

    report = apply_retention(today=DUE)
    assert report["candidates"] == {"warned": 0, "anonymised": 1}
    candidate.refresh_from_db()
    assert (candidate.first_name, candidate.last_name) == ("", ANONYMISED)
    assert (candidate.email, candidate.phone, candidate.project_description) == ("", "", "")
    # Statistics stay.
    assert candidate.project_type == "takeover"
    assert candidate.target_commune_id is not None
    assert candidate.last_contact_at == LAST_CONTACT
    assert candidate.contacts.get().notes == ""
    assert AuditEvent.objects.filter(action=AuditAction.ANONYMISE).count() == 1


def test_the_day_after_changes_nothing_more(candidate):
    apply_retention(today=WARN_FROM)
    apply_retention(today=DUE)
    report = apply_retention(today=day_after(DUE))
    assert report["candidates"] == {"warned": 0, "anonymised": 0}
    assert warnings().count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.ANONYMISE).count() == 1


def test_a_new_contact_after_the_warning_keeps_the_record(candidate):
    apply_retention(today=WARN_FROM)
    candidate.last_contact_at = D(2026, 2, 20)
    candidate.save()
    apply_retention(today=DUE)
    candidate.refresh_from_db()
    assert candidate.last_name != ANONYMISED


def test_a_record_found_overdue_is_warned_first_then_anonymised_30_days_later(candidate):
    late = D(2026, 6, 1)
    apply_retention(today=late)
    assert warnings().count() == 1
    apply_retention(today=late + datetime.timedelta(days=29))
    candidate.refresh_from_db()
    assert candidate.last_name != ANONYMISED
    apply_retention(today=late + datetime.timedelta(days=30))
    candidate.refresh_from_db()
    assert candidate.last_name == ANONYMISED


def test_without_a_referent_the_record_is_anonymised_on_its_day(db):
    candidate = CandidateFactory(referent=None, last_contact_at=LAST_CONTACT)
    apply_retention(today=day_before(DUE))
    candidate.refresh_from_db()
    assert candidate.last_name != ANONYMISED
    apply_retention(today=DUE)
    candidate.refresh_from_db()
    assert candidate.last_name == ANONYMISED
    assert not warnings().exists()


def test_a_referral_loses_its_person_and_its_files(db, private_media):  # noqa: F811
    closed = timezone.make_aware(datetime.datetime(2024, 3, 10, 12))
    referral = ReferralFactory(closed_at=closed, message="Sort d'hospitalisation.")
    attachment = ReferralAttachment.objects.create(
        referral=referral, original_name="bilan.pdf", content_type="application/pdf", size=10
    )
    attachment.file.save("bilan.pdf", ContentFile(PDF_BYTES))
    path = attachment.file.path
    apply_retention(today=WARN_FROM)
    assert warnings("retention:referral:").count() == 1
    apply_retention(today=DUE)
    referral.refresh_from_db()
    assert referral.person_last_name == ANONYMISED
    assert (referral.person_phone, referral.message) == ("", "")
    assert referral.thematiques  # statistics
    assert not referral.attachments.exists()
    import os

    assert not os.path.exists(path)


def test_inactive_account_warned_then_closed(db):
    joined = timezone.make_aware(datetime.datetime(2024, 3, 10, 9))
    user = UserFactory(email="inactive@exemple.fr", date_joined=joined, last_login=joined)
    apply_retention(today=day_before(WARN_FROM))
    assert not warnings("retention:user:").exists()
    apply_retention(today=WARN_FROM)
    assert warnings("retention:user:").get().to == "inactive@exemple.fr"
    apply_retention(today=day_before(DUE))
    user.refresh_from_db()
    assert user.is_active
    apply_retention(today=DUE)
    user.refresh_from_db()
    assert not user.is_active
    assert user.email.endswith("@anonyme.invalid")
    assert not user.has_usable_password()
    assert user.emailaddress_set.count() == 0


def test_superusers_are_left_alone(db):
    joined = timezone.make_aware(datetime.datetime(2020, 1, 1))
    admin = UserFactory(is_superuser=True, date_joined=joined)
    apply_retention(today=DUE)
    admin.refresh_from_db()
    assert admin.is_active


def test_logs_outbox_and_sessions_expire(db):
    old = AuditEvent.objects.create(
        actor_label="x",
        action=AuditAction.READ,
        content_type_id=1,
        object_id="1",
        object_label="y",
    )
    AuditEvent.objects.filter(pk=old.pk)  # created now (auto_now_add)
    mail = OutboundEmail.objects.create(to="a@exemple.fr", subject="s", body_text="t")
    Session.objects.create(
        session_key="k" * 32,
        session_data="",
        expire_date=timezone.now() - datetime.timedelta(seconds=1),
    )
    today = timezone.localdate()
    report = apply_retention(today=today)
    assert report["sessions"] == {"deleted": 1}
    assert report["audit_events"] == {"deleted": 0}
    assert report["outbox"] == {"deleted": 0}
    in_a_year = today + datetime.timedelta(days=366)
    report = apply_retention(today=in_a_year)
    assert report["audit_events"]["deleted"] >= 1
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert not OutboundEmail.objects.filter(pk=mail.pk).exists()


def test_command_prints_each_kind(candidate):
    out = io.StringIO()
    call_command("apply_retention", "--today", WARN_FROM.isoformat(), stdout=out)
    assert "candidates: warned 1, anonymised 0" in out.getvalue()
    assert "sessions: deleted 0" in out.getvalue()


def test_young_person_warned_once_then_profile_and_account_anonymised(db, private_media):  # noqa: F811
    from cartemploi.models import PublicCard
    from tests.cartemploi.factories import YouthProfileFactory

    joined = timezone.make_aware(datetime.datetime(2024, 3, 10, 9))
    profile = YouthProfileFactory(published=True, user__last_login=joined)
    profile.user.date_joined = joined
    profile.user.save()
    profile.cv.save("cv.pdf", ContentFile(PDF_BYTES))
    cv_path = profile.cv.path
    assert PublicCard.objects.filter(youth=profile).exists()

    apply_retention(today=WARN_FROM)
    apply_retention(today=WARN_FROM)
    assert warnings("retention:user:").count() == 1  # one person, one e-mail
    apply_retention(today=DUE)
    profile.refresh_from_db()
    assert profile.first_name == ANONYMISED
    assert profile.birth_date == D(2006, 1, 1)  # age band still countable
    assert (profile.motivations, profile.cv.name) == ("", "")
    assert not PublicCard.objects.filter(youth=profile).exists()
    assert profile.skills.get().label == ""
    import os

    assert not os.path.exists(cv_path)
    profile.user.refresh_from_db()
    assert not profile.user.is_active


def test_relay_messages_blanked_a_year_after_the_last_one(db):
    from cartemploi.models import Conversation, Message
    from tests.cartemploi.factories import CompanyProfileFactory, YouthProfileFactory

    youth, company = YouthProfileFactory(), CompanyProfileFactory()
    last = timezone.make_aware(datetime.datetime(2025, 3, 10, 12))
    conversation = Conversation.objects.create(
        youth=youth, company=company, started_by="youth", last_message_at=last
    )
    Message.objects.create(
        conversation=conversation, sender=youth.user, sender_side="youth", body="Bonjour !",
        status="delivered",
    )  # fmt: skip
    apply_retention(today=D(2026, 3, 9))
    assert Message.objects.get().body == "Bonjour !"
    report = apply_retention(today=D(2026, 3, 10))
    assert report["relay_messages"] == {"anonymised": 1}
    assert Message.objects.get().body == ""
    assert apply_retention(today=D(2026, 3, 11))["relay_messages"] == {"anonymised": 0}


def test_a_booking_request_is_anonymised_a_year_after_its_slot(db):
    from repertoire.workspaces.models import Booking
    from tests.repertoire.workspaces.factories import BookingFactory

    end = timezone.make_aware(datetime.datetime(2025, 3, 10, 16))
    requester = UserFactory(email="camille@exemple.fr")
    booking = BookingFactory(
        start=end - datetime.timedelta(hours=2), end=end, people=3, status="accepted",
        organisation="Coopérative des nomades", purpose="Réunion d'équipe", user=requester,
    )  # fmt: skip
    next_day = end + datetime.timedelta(days=1)
    later = BookingFactory(
        room=booking.room, start=next_day - datetime.timedelta(hours=1), end=next_day
    )
    assert apply_retention(today=D(2026, 3, 9))["bookings"] == {"warned": 0, "anonymised": 0}
    assert Booking.objects.get(pk=booking.pk).name == "Camille Nomade"
    assert apply_retention(today=D(2026, 3, 10))["bookings"] == {"warned": 0, "anonymised": 1}
    booking.refresh_from_db()
    assert booking.name == ANONYMISED
    assert (booking.email, booking.organisation, booking.purpose) == ("", "", "")
    assert booking.user is None
    assert (booking.people, booking.status, booking.end) == (3, "accepted", end), "statistics"
    assert requester.email not in str(OutboundEmail.objects.values_list("to", flat=True))
    assert AuditEvent.objects.filter(action=AuditAction.ANONYMISE).count() == 1
    assert apply_retention(today=D(2026, 3, 11))["bookings"] == {"warned": 0, "anonymised": 1}
    assert Booking.objects.get(pk=later.pk).name == ANONYMISED, "its slot ended a day later"
    assert apply_retention(today=D(2026, 3, 12))["bookings"] == {"warned": 0, "anonymised": 0}
