"""The public "Je souhaite m'installer" form: steps, errors, routing, e-mails, outbox."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertRedirects

from extranet.enums import AuditAction
from extranet.models import AuditEvent, Candidate
from portal.mail.enums import EmailStatus
from portal.models import OutboundEmail
from tests.extranet.factories import WelcomePoleFactory
from tests.portal.factories import CommuneFactory, EpciFactory, UserFactory

pytestmark = pytest.mark.django_db

FUTURE = (timezone.localdate() + datetime.timedelta(days=200)).isoformat()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache, which outlives a test's database."""
    cache.clear()
    yield
    cache.clear()


def step_url(slug):
    return reverse("intake:step", kwargs={"slug": slug})


def answers(commune="Bourganeuf", **overrides):
    data = {
        "vous": {"first_name": "Camille", "last_name": "Martin", "origin_country": "France",
                 "origin_postcode": "69003", "adults": "2", "children": "1",
                 "children_ages": "6 ans"},
        "projet": {"project_type": "takeover", "sector": "Épicerie",
                   "target_date": FUTURE, "project_description": "Reprendre un commerce."},
        "lieu": {"commune_1": commune, "commune_2": "", "commune_3": ""},
        "besoins": {"needs": ["needs_housing", "needs_childcare"], "housing_wish": "rent"},
        "contact": {"email": "camille.martin@exemple.fr", "phone": "06 12 34 56 78",
                    "consent": "on", "website": ""},
    }  # fmt: skip
    for slug, values in overrides.items():
        data[slug].update(values)
    return data


def fill_steps(client, data):
    for slug, values in data.items():
        response = client.post(step_url(slug), {**values, "action": "next"})
        assert response.status_code == 302, response.content.decode()[:2000]
    return response


@pytest.fixture
def territory(db):
    """A local pole covering Bourganeuf through its EPCI, and the regional service."""
    officer = UserFactory(email="officier.plateau@exemple.fr")
    epci = EpciFactory(name="CC Creuse Sud-Ouest")
    commune = CommuneFactory(insee_code="23030", name="Bourganeuf", epci=epci, population=2600)
    pole = WelcomePoleFactory(name="Pôle d'accueil du Plateau", officers=[officer])
    pole.epcis.add(epci)
    regional = WelcomePoleFactory(name="Service accueil régional", is_regional=True)
    return {"pole": pole, "officer": officer, "commune": commune, "regional": regional}


def submit(client, capture, data):
    fill_steps(client, data)
    with capture(execute=True):
        return client.post(reverse("intake:review"))


def test_complete_request_creates_a_routed_candidate_and_sends_both_emails(
    client, territory, django_capture_on_commit_callbacks
):
    response = submit(client, django_capture_on_commit_callbacks, answers())
    assertRedirects(response, reverse("intake:receipt"))
    candidate = Candidate.objects.get()
    assert candidate.pole == territory["pole"]
    assert candidate.target_commune == territory["commune"]
    assert candidate.needs_housing and candidate.needs_childcare and not candidate.needs_premises
    assert candidate.origin_department == "69"
    assert candidate.consent_at is not None and candidate.consent_source == "online"
    receipt = client.get(reverse("intake:receipt"))
    assertContains(receipt, candidate.reference)
    assertContains(receipt, "Pôle d&#x27;accueil du Plateau")
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["camille.martin@exemple.fr", "officier.plateau@exemple.fr"]
    confirmation = next(m for m in mail.outbox if m.to == ["camille.martin@exemple.fr"])
    assert candidate.reference in confirmation.body
    assert confirmation.alternatives[0][1] == "text/html"
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(candidate.pk))


def test_commune_outside_every_pole_goes_to_the_regional_service(
    client, territory, django_capture_on_commit_callbacks
):
    CommuneFactory(insee_code="23999", name="Commune isolée", epci=None)
    submit(client, django_capture_on_commit_callbacks, answers(commune="Commune isolée"))
    assert Candidate.objects.get().pole == territory["regional"]


def test_missing_fields_get_french_messages_and_keep_what_was_typed(client, territory):
    response = client.post(
        step_url("vous"), {"first_name": "Camille", "last_name": "", "adults": "deux"}
    )
    assert response.status_code == 200
    assertContains(response, "Champ requis.")
    assertContains(response, "Saisissez un nombre entier.")
    assertContains(response, 'value="Camille"')
    # Coming back later (new GET) still shows it: the draft lives in the session.
    assertContains(client.get(step_url("vous")), 'value="Camille"')


def test_going_back_keeps_both_steps(client, territory):
    data = answers()
    client.post(step_url("vous"), {**data["vous"], "action": "next"})
    response = client.post(step_url("projet"), {"sector": "Maraîchage", "action": "previous"})
    assertRedirects(response, step_url("vous"))
    assertContains(client.get(step_url("vous")), 'value="Martin"')
    assertContains(client.get(step_url("projet")), 'value="Maraîchage"')


def test_unknown_commune_is_refused_with_suggestions(client, territory):
    CommuneFactory(insee_code="23096", name="Guéret", population=13000)
    response = client.post(step_url("lieu"), {"commune_1": "Gueret", "action": "next"})
    assert response.status_code == 200
    assertContains(response, "Nous ne connaissons pas cette commune. Vouliez-vous dire")
    assertContains(response, "Guéret (23)")


def test_ambiguous_commune_asks_for_the_department(client, territory):
    CommuneFactory(insee_code="23100", name="Saint-Pierre", population=100)
    CommuneFactory(insee_code="23101", name="Saint-Pierre", population=200)
    response = client.post(step_url("lieu"), {"commune_1": "Saint-Pierre", "action": "next"})
    assertContains(response, "Précisez le département")


def test_a_date_in_the_past_is_refused(client, territory):
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    values = {**answers()["projet"], "target_date": yesterday, "action": "next"}
    response = client.post(step_url("projet"), values)
    assertContains(response, "Cette date est passée")


def test_consent_is_required(client, territory):
    values = {**answers()["contact"], "action": "next"}
    del values["consent"]
    response = client.post(step_url("contact"), values)
    assertContains(response, "Votre accord est nécessaire pour traiter votre demande.")


def test_review_sends_back_to_the_first_incomplete_step(client, territory):
    client.post(step_url("vous"), {**answers()["vous"], "action": "next"})
    assertRedirects(client.get(reverse("intake:review")), step_url("projet"))


def test_honeypot_creates_nothing(client, territory, django_capture_on_commit_callbacks):
    data = answers(contact={"website": "http://spam.example"})
    response = submit(client, django_capture_on_commit_callbacks, data)
    assertRedirects(response, reverse("intake:receipt"))
    assert not Candidate.objects.exists()
    assert not mail.outbox


def test_rate_limit_per_ip_keeps_the_draft(client, territory, settings):
    settings.INTAKE_RATE_LIMIT = 1
    fill_steps(client, answers())
    client.post(reverse("intake:review"))
    fill_steps(client, answers(vous={"first_name": "Dominique"}))
    response = client.post(reverse("intake:review"))
    assert response.status_code == 429
    assert Candidate.objects.count() == 1
    assertContains(client.get(reverse("intake:review")), "Dominique")


def test_identical_submission_within_minutes_is_merged(
    client, territory, django_capture_on_commit_callbacks
):
    submit(client, django_capture_on_commit_callbacks, answers())
    submit(client, django_capture_on_commit_callbacks, answers())
    candidate = Candidate.objects.get()
    assert candidate.submissions == 2
    assertContains(client.get(reverse("intake:receipt")), "qu'une fois")
    assert len(mail.outbox) == 2  # the first submission's two e-mails only


def test_same_email_with_another_project_is_flagged_as_probable_duplicate(
    client, territory, django_capture_on_commit_callbacks
):
    submit(client, django_capture_on_commit_callbacks, answers())
    submit(client, django_capture_on_commit_callbacks, answers(projet={"project_type": "job"}))
    first, second = Candidate.objects.order_by("pk")
    assert second.duplicate_of == first


def test_mail_failure_keeps_the_candidate_and_the_outbox_retries(
    client, territory, settings, django_capture_on_commit_callbacks
):
    # A real SMTP backend pointed at a closed port: the connection is refused.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    response = submit(client, django_capture_on_commit_callbacks, answers())
    assertRedirects(response, reverse("intake:receipt"))
    assert Candidate.objects.count() == 1
    failed = OutboundEmail.objects.filter(status=EmailStatus.FAILED)
    assert failed.count() == 2
    assert "refused" in failed.first().last_error.lower()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_outbox")  # not due yet: back-off
    assert not mail.outbox
    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    call_command("send_outbox")
    assert len(mail.outbox) == 2
    assert not OutboundEmail.objects.exclude(status=EmailStatus.SENT).exists()


def test_smtp_refusing_keeps_the_candidate_and_send_outbox_delivers_later(
    client, territory, smtp_down, django_capture_on_commit_callbacks
):
    response = submit(client, django_capture_on_commit_callbacks, answers())
    assertRedirects(response, reverse("intake:receipt"))
    assert Candidate.objects.count() == 1
    assert smtp_down.queued("camille.martin@exemple.fr").count() == 1
    assert smtp_down.queued("officier.plateau@exemple.fr").count() == 1
    smtp_down.recover_and_retry()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "camille.martin@exemple.fr",
        "officier.plateau@exemple.fr",
    ]


def test_failed_emails_are_listed_in_the_admin(client, regional_admin):
    OutboundEmail.objects.create(
        to="x@exemple.fr", subject="Sujet en échec", body_text="…", status=EmailStatus.FAILED
    )
    client.force_login(regional_admin)
    response = client.get("/admin/portal/outboundemail/?status=failed")
    assertContains(response, "Sujet en échec")


def test_start_page_and_steps_work_without_javascript(client, territory):
    response = client.get(reverse("intake:start"))
    assertContains(response, step_url("vous"))
    step = client.get(step_url("vous"))
    assertContains(step, 'aria-current="step"')
    assertContains(step, '<button type="submit" name="action" value="next">')
    assert client.get(step_url("inconnue")).status_code == 404


# The form in English: the person reads English, the pole reads French.
def test_an_english_request_is_answered_in_english_and_read_by_the_pole_in_french(
    client, territory, django_capture_on_commit_callbacks
):
    with translation.override("en"):
        start = client.get(reverse("intake:start"))
        for slug, values in answers().items():
            step = reverse("intake:step", kwargs={"slug": slug})
            assert step.startswith("/en/")
            response = client.post(step, {**values, "action": "next"})
            assert response.status_code == 302, response.content.decode()[:1500]
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("intake:review"))
        receipt = client.get(reverse("intake:receipt"))
    assert '<html lang="en">' in start.content.decode()
    candidate = Candidate.objects.get()
    assert candidate.language == "en"
    assertContains(receipt, candidate.reference)
    assert '<html lang="en">' in receipt.content.decode()
    confirmation = next(m for m in mail.outbox if m.to == ["camille.martin@exemple.fr"])
    pole = next(m for m in mail.outbox if m.to == ["officier.plateau@exemple.fr"])
    assert "Dear" in confirmation.body or "Hello" in confirmation.body
    assert "Nous avons bien reçu" not in confirmation.body
    assert pole.subject.endswith(f"Nouvelle demande d'installation : {candidate.reference}")
    assert "Demande écrite en anglais" in pole.body


def test_a_french_request_says_nothing_about_language(
    client, territory, django_capture_on_commit_callbacks
):
    for slug, values in answers().items():
        client.post(reverse("intake:step", kwargs={"slug": slug}), {**values, "action": "next"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("intake:review"))
    assert Candidate.objects.get().language == "fr"
    pole = next(m for m in mail.outbox if m.to == ["officier.plateau@exemple.fr"])
    assert "anglais" not in pole.body
