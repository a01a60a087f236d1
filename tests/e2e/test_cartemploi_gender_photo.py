"""A young person states their gender (keyboard only), a published photo shows as its small
rendition, and the observatory's gender table hides small cells: axe on each page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cartemploi.enums import Gender
from cartemploi.models import YouthProfile
from cartemploi.services import relay
from cartemploi.services.profiles import accept_charter, publish
from cartemploi.uploads import clean_photo
from tests.cartemploi.factories import YouthProfileFactory
from tests.cartemploi.helpers import jpeg_with_exif
from tests.e2e.axe import assert_accessible
from tests.e2e.test_cartemploi_journey import _territory, sign_in_as

pytestmark = pytest.mark.e2e


def test_gender_photo_and_observatory(page, live_server, settings):
    settings.MAP_TILE_URL = ""
    advisor, youth, company = _territory()
    youth.photo = clean_photo(jpeg_with_exif())
    youth.save()
    publish(obj=youth, advisor=advisor)
    for _ in range(6):
        woman = YouthProfileFactory(published=True, gender=Gender.WOMAN)
        accept_charter(user=woman.user)
        relay.start_conversation(sender=woman.user, youth=woman, company=company, body="Bonjour")

    sign_in_as(page, live_server, youth.user)
    page.goto(reverse("cartemploi:youth_space"))
    group = page.get_by_role("group", name="Genre (facultatif)")
    expect(group).to_be_visible()
    group.get_by_role("radio", name="Ne souhaite pas répondre").focus()
    page.keyboard.press("Space")
    expect(group.get_by_role("radio", name="Ne souhaite pas répondre")).to_be_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Envoyer à la mission locale pour validation").click()
    expect(page.locator(".messages, [role=status], .message").first).to_be_visible()
    assert YouthProfile.objects.get(pk=youth.pk).gender == Gender.DECLINED

    page.context.clear_cookies()
    card = youth.public_card
    card.refresh_from_db()
    page.goto(reverse("cartemploi:card_detail", args=[card.pk]))
    photo = page.get_by_role("img", name="Photo choisie par le jeune")
    expect(photo).to_be_visible()
    assert photo.get_attribute("src") == card.photo.url
    assert "fichiers/jeune" not in page.content()
    assert_accessible(page)

    page.goto(reverse("cartemploi:observatory"))
    table = page.locator("#gender-table")
    expect(page.get_by_role("heading", name="Résultats selon le genre déclaré")).to_be_visible()
    expect(table).to_be_visible()
    expect(table.get_by_role("rowheader", name="Femme")).to_be_visible()
    assert_accessible(page)
