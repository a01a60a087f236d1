"""Wagtail's moderation e-mails about a snippet (a fiche) read as plain French."""

import pytest
from django.core import mail

from tests.extranet.test_partner_fiche import fiche_url, post_data
from tests.extranet.test_partner_fiche import own as own  # noqa: F401 (fixture)


@pytest.mark.parametrize("html", [False, True])
def test_the_editors_are_asked_to_review_a_fiche_in_plain_french(
    client,
    own,  # noqa: F811
    editor,
    settings,
    html,
):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = html
    editor.first_name = "Paul"
    editor.save()
    client.force_login(own.user)

    client.post(fiche_url(own.structure), post_data(own.structure, summary="Ouvert le samedi"))

    (to_editor,) = [m for m in mail.outbox if m.to == [editor.email]]
    assert to_editor.subject == f"À relire : « {own.structure.name} »"
    assert to_editor.body.startswith("Bonjour Paul,")
    assert "Un contenu attend votre relecture, étape « Relecture des fiches structures »" in (
        to_editor.body
    )
    assert f"Structure « {own.structure.name} »" in to_editor.body
    assert "/admin/snippets/repertoire/structure/edit/" in to_editor.body
    for stock in ("Salut", "(e)", "le/la", "Hello", "submitted"):
        assert stock not in to_editor.subject + to_editor.body
    if html:
        (alternative, _mimetype) = to_editor.alternatives[0]
        assert "Bonjour Paul," in alternative and "Un contenu attend votre relecture" in alternative
        assert "<a href=" in alternative
