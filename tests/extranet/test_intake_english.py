"""The intake form in English: the person reads English, the pole reads French."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from extranet.models import Candidate
from tests.extranet.test_intake import _fresh_rate_limits, answers, territory  # noqa: F401

pytestmark = pytest.mark.django_db


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
