"""No Wagtail admin form ships a <select> of every commune (issue #12 item 5, #13 item 5).

With the 35,000 French communes loaded, the offer and structure edit pages used to weigh
4.7 MB and take 9-60 s to open. Every ForeignKey to `Commune` is now typed (name,
"Bellac (87)", INSEE or postcode) through `CommuneChoiceField`.
"""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.admin.forms.models import formfield_for_dbfield

from portal.models import Commune, Department
from portal.places import CommuneChoiceField
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

MANY = 5_000


def commune_foreign_keys():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.many_to_one and field.concrete and field.related_model is Commune:
                yield field


def test_every_foreign_key_to_a_commune_is_typed_in_the_admin():
    fields = list(commune_foreign_keys())
    assert len(fields) >= 8
    for field in fields:
        assert isinstance(formfield_for_dbfield(field), CommuneChoiceField), field


def test_structure_form_opens_light_with_thousands_of_communes(client):
    department = Department.objects.create(code="23", name="Creuse")
    Commune.objects.bulk_create(
        Commune(insee_code=f"9{i:04d}", name=f"Commune {i}", department=department)
        for i in range(MANY)
    )
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(reverse("wagtailsnippets_repertoire_structure:add"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="commune"' in html and '<select name="commune"' not in html
    assert len(response.content) < 300_000, len(response.content)
