import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains

from repertoire.forms import PARTNER_FIELDS
from repertoire.models import Structure
from tests.extranet.factories import MembershipFactory
from tests.portal.factories import CommuneFactory
from tests.repertoire.factories import ServiceFactory


def fiche_url(structure):
    return reverse("extranet:partner_fiche", args=[structure.slug])


def post_data(structure, **changes):
    """The form as the browser sends it back, with `changes` applied."""
    data = {name: getattr(structure, name) or "" for name in PARTNER_FIELDS}
    data.update({"access_modes": structure.access_modes, "closed_from": "", "closed_until": ""})
    services = list(structure.services.all())
    data.update(
        {
            "services-TOTAL_FORMS": str(len(services)),
            "services-INITIAL_FORMS": str(len(services)),
            "services-MIN_NUM_FORMS": "0",
            "services-MAX_NUM_FORMS": "1000",
            "permanences-TOTAL_FORMS": "0",
            "permanences-INITIAL_FORMS": "0",
            "permanences-MIN_NUM_FORMS": "0",
            "permanences-MAX_NUM_FORMS": "1000",
        }
    )
    for index, service in enumerate(services):
        prefix = f"services-{index}-"
        data.update(
            {
                prefix + "id": service.pk,
                prefix + "name": service.name,
                prefix + "description": service.description,
                prefix + "service_type": service.service_type,
                prefix + "thematiques": service.thematiques,
                prefix + "publics": service.publics,
                prefix + "fees": service.fees,
            }
        )
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def own(db):
    membership = MembershipFactory(manager=True, structure__complete=True)
    ServiceFactory(structure=membership.structure, name="Épicerie solidaire")
    return membership


@pytest.mark.parametrize("who", ["anonymous", "other_structure", "own_member", "own_manager"])
def test_role_matrix(client, own, who):
    structure = own.structure
    if who == "anonymous":
        response = client.get(fiche_url(structure))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
        return
    user = {
        "other_structure": lambda: MembershipFactory(manager=True).user,
        "own_member": lambda: MembershipFactory(structure=structure).user,
        "own_manager": lambda: own.user,
    }[who]()
    client.force_login(user)
    response = client.get(fiche_url(structure))
    if who == "other_structure":
        assert response.status_code == 404
        assert (
            client.post(fiche_url(structure), post_data(structure, summary="Piraté")).status_code
            == 404
        )
        assert not structure.revisions.exists()
        return
    assert response.status_code == 200
    response = client.post(
        fiche_url(structure), post_data(structure, summary="Nouvelle présentation")
    )
    assert response.status_code == 302
    structure.refresh_from_db()
    assert structure.has_unpublished_changes
    assert structure.workflow_in_progress
    assert structure.get_latest_revision_as_object().summary == "Nouvelle présentation"
    assert structure.summary != "Nouvelle présentation"  # published only after approval


def test_bad_opening_hours_names_the_position_and_keeps_input(client, own):
    client.force_login(own.user)
    data = post_data(own.structure, opening_hours="Mo-Fr 08:30-12:00, 14h-17h", objectives="Gardé")
    response = client.post(fiche_url(own.structure), data)
    assert response.status_code == 400
    assertContains(response, "position 20", status_code=400)
    assertContains(response, 'value="Mo-Fr 08:30-12:00, 14h-17h"', status_code=400)
    assertContains(response, "Gardé", status_code=400)
    assert not own.structure.revisions.exists()


def approve(structure, editor, action="approve", comment=""):
    state = Structure.objects.get(pk=structure.pk).current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, action, comment=comment)


def test_editor_approves_and_partner_is_told(client, own, editor):
    client.force_login(own.user)
    data = post_data(
        own.structure, summary="Ouvert aussi le samedi", opening_hours="Mo-Sa 09:00-12:00"
    )
    data["services-0-name"] = "Épicerie solidaire et vestiaire"
    client.post(fiche_url(own.structure), data)
    mail.outbox.clear()
    approve(own.structure, editor)
    structure = Structure.objects.get(pk=own.structure.pk)
    assert structure.summary == "Ouvert aussi le samedi"
    assert structure.opening_hours == "Mo-Sa 09:00-12:00"
    assert list(structure.services.values_list("name", flat=True)) == [
        "Épicerie solidaire et vestiaire"
    ]
    assert structure.last_verified_at is not None
    ours = [m for m in mail.outbox if "sont publiées" in m.subject]
    assert len(ours) == 1 and ours[0].to == [own.user.email]
    # One e-mail, ours: not also Wagtail's notice with links into the admin.
    assert [m.to for m in mail.outbox].count([own.user.email]) == 1


def test_editor_rejects_with_a_comment(client, own, editor):
    client.force_login(own.user)
    client.post(fiche_url(own.structure), post_data(own.structure, summary="Trop court"))
    mail.outbox.clear()
    approve(own.structure, editor, action="reject", comment="Précisez le public accueilli.")
    ours = [m for m in mail.outbox if "demandent des changements" in m.subject]
    assert len(ours) == 1
    assert [m.to for m in mail.outbox].count([own.user.email]) == 1
    assert "Précisez le public accueilli." in ours[0].body
    assert Structure.objects.get(pk=own.structure.pk).summary != "Trop court"


def test_partner_adds_a_permanence_with_a_typed_commune(client, own):
    bellac = CommuneFactory(insee_code="87011", name="Bellac", postal_codes="87300")
    client.force_login(own.user)
    prefix = "permanences-0-"
    data = post_data(
        own.structure,
        **{
            "permanences-TOTAL_FORMS": "1",
            prefix + "place_name": "Mairie de Bellac",
            prefix + "commune": "Bellac",
            prefix + "opening_hours": "Tu[1,3] 09:00-12:00",
        },
    )
    response = client.post(fiche_url(own.structure), data)
    assert response.status_code == 302
    draft = Structure.objects.get(pk=own.structure.pk).get_latest_revision_as_object()
    [permanence] = draft.permanences.all()
    assert permanence.commune == bellac and permanence.place_name == "Mairie de Bellac"


def test_partner_permanence_with_unknown_commune_is_refused_in_french(client, own):
    client.force_login(own.user)
    prefix = "permanences-0-"
    data = post_data(
        own.structure,
        **{
            "permanences-TOTAL_FORMS": "1",
            prefix + "place_name": "Salle des fêtes",
            prefix + "commune": "Atlantide",
            prefix + "opening_hours": "Tu 09:00-12:00",
        },
    )
    response = client.post(fiche_url(own.structure), data)
    assertContains(response, "Atlantide", status_code=400)
    assertContains(response, 'value="Salle des fêtes"', status_code=400)
    assert not own.structure.revisions.exists()
