"""The regional admin approves fiche changes, in an admin that speaks French (#12)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Workflow

from extranet.roles import REGIONAL_ADMIN_GROUP
from repertoire.models import Structure
from tests.repertoire.factories import StructureFactory

pytestmark = pytest.mark.django_db


def test_the_fiche_workflow_waits_on_the_regional_admin_too():
    structure_type = ContentType.objects.get_for_model(Structure)
    workflow = Workflow.objects.get(workflow_content_types__content_type=structure_type)
    task = workflow.tasks.get().specific
    assert {"Editors", "Moderators", REGIONAL_ADMIN_GROUP} <= set(
        task.groups.values_list("name", flat=True)
    )


def test_the_regional_admin_opens_a_fiche_to_review_and_the_date_picker_speaks_french(
    client, regional_admin
):
    structure = StructureFactory()
    client.force_login(regional_admin)
    url = reverse("wagtailsnippets_repertoire_structure:edit", args=[structure.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="/static/js/admin-date-picker.js" data-label="Enregistrer la sélection"' in html
