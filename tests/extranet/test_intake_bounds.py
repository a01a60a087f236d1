"""The intake draft lives in the session: only the step's fields, bounded in size."""

import json

import pytest
from django.urls import reverse

from extranet.intake import draft

pytestmark = pytest.mark.django_db


def _stored_bytes(client):
    return len(json.dumps(client.session.get(draft.SESSION_KEY, {})))


def test_a_huge_post_keeps_a_small_draft_and_what_the_person_typed(client):
    url = reverse("intake:step", kwargs={"slug": "vous"})
    junk = {f"junk{number}": "x" * 1000 for number in range(300)}
    response = client.post(
        url,
        {
            **junk,
            "first_name": "Camille",
            "last_name": "M" * 2_000_000,
            "children_ages": ["6 ans"] * 100,
            "action": "next",
        },
    )
    assert response.status_code in (200, 302)
    stored = client.session[draft.SESSION_KEY]["vous"]
    assert stored["first_name"] == ["Camille"]
    assert not any(key.startswith("junk") for key in stored)
    assert len(stored["children_ages"]) <= draft.MAX_VALUES_PER_FIELD
    assert _stored_bytes(client) < 50_000
    page = client.get(url)
    assert 'value="Camille"' in page.content.decode(), "what was typed is kept"


def test_an_unknown_step_stores_nothing(client):
    client.post(reverse("intake:step", kwargs={"slug": "inconnu"}), {"a": "b" * 10_000})
    assert _stored_bytes(client) < 100
