"""Young people's CVs and photos never sit in public media and always leave as downloads."""

import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form

from tests.cartemploi.helpers import pdf_file

pytestmark = pytest.mark.django_db


def test_a_cv_is_stored_outside_the_public_media_folder(youth_profile, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    youth_profile.cv = pdf_file()
    youth_profile.save()
    path = os.path.realpath(youth_profile.cv.path)
    assert path.startswith(os.path.realpath(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(os.path.realpath(settings.MEDIA_ROOT))
    assert youth_profile.cv.url is None, "no public address exists"


def test_the_cv_leaves_as_an_attachment_that_is_never_sniffed(client, youth_profile, advisor):
    youth_profile.cv = pdf_file()
    youth_profile.save()
    client.force_login(advisor)
    response = client.get(reverse("cartemploi:private_file", args=[youth_profile.pk, "cv"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("name", ["page.html", "dessin.svg", "script.js"])
def test_wagtail_refuses_documents_a_browser_would_run(name):
    form_class = get_document_form(get_document_model())
    upload = SimpleUploadedFile(name, b"<script>alert(1)</script>")
    form = form_class(data={"title": "Document"}, files={"file": upload})
    assert not form.is_valid()
    assert "file" in form.errors


def test_only_images_are_public_media_even_in_debug():
    from portal import urls

    served = [str(pattern.pattern) for pattern in urls.urlpatterns if "serve" in repr(pattern)]
    assert all("images/" in route for route in served), served
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def _published_with_photo(youth_profile, advisor):
    from cartemploi.services.profiles import publish
    from cartemploi.uploads import clean_photo
    from tests.cartemploi.helpers import jpeg_with_exif

    youth_profile.photo = clean_photo(jpeg_with_exif())
    youth_profile.save()
    publish(obj=youth_profile, advisor=advisor)
    youth_profile.public_card.refresh_from_db()
    return youth_profile.public_card


def test_a_published_photo_is_a_small_public_rendition_without_exif(client, youth_profile, advisor):
    from PIL import Image

    card = _published_with_photo(youth_profile, advisor)
    assert card.photo and card.photo.url.startswith(settings.MEDIA_URL + "images/cartemploi/")
    assert os.path.basename(youth_profile.photo.name) not in card.photo.name
    with Image.open(card.photo.path) as rendition:
        assert rendition.size == (240, 240)
        assert not rendition.getexif() and "exif" not in rendition.info
    original = reverse("cartemploi:private_file", args=[youth_profile.pk, "photo"])
    pages = [
        reverse("cartemploi:card_detail", args=[card.pk]),
        reverse("cartemploi:index"),
        reverse("cartemploi:map_data"),
        reverse("cartemploi:observatory"),
        "/recherche/?q=Cuisine",
    ]
    detail = client.get(pages[0]).content.decode()
    assert card.photo.url in detail
    for page in pages:
        body = client.get(page).content.decode()
        assert original not in body, page
        assert youth_profile.photo.name not in body, page


def test_the_rendition_goes_when_the_card_goes(youth_profile, advisor):
    from cartemploi.privacy import anonymise_youth_profile
    from cartemploi.services.profiles import publish, unpublish

    card = _published_with_photo(youth_profile, advisor)
    first = card.photo.path
    publish(obj=youth_profile, advisor=advisor)  # republished: a new name, the old file gone
    youth_profile.public_card.refresh_from_db()
    second = youth_profile.public_card.photo.path
    assert second != first and not os.path.exists(first) and os.path.exists(second)
    unpublish(obj=youth_profile, advisor=advisor, reason="Profil à compléter")
    assert not os.path.exists(second)
    card = _published_with_photo(youth_profile, advisor)
    third = card.photo.path
    anonymise_youth_profile(youth_profile)
    assert not os.path.exists(third)
    assert not youth_profile.photo
