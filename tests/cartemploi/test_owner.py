import io

import pytest
from django.urls import reverse
from PIL import Image
from pytest_django.asserts import assertContains, assertRedirects

from cartemploi.enums import ValidationStatus
from cartemploi.models import JobOffer, YouthProfile
from cartemploi.services.profiles import accept_charter
from extranet.models import AuditEvent
from tests.cartemploi.factories import CompanyProfileFactory, JobOfferFactory
from tests.cartemploi.helpers import fake_pdf, jpeg_with_exif, pdf_file, youth_post
from tests.portal.factories import CommuneFactory, UserFactory

YOUTH_SPACE = reverse("cartemploi:youth_space")
COMPANY_SPACE = reverse("cartemploi:company_space")


@pytest.fixture
def youth_user(db):
    user = UserFactory(youth=True)
    accept_charter(user=user)
    return user


@pytest.fixture
def commune(db):
    return CommuneFactory(name="Bourganeuf")


@pytest.mark.parametrize("url", [YOUTH_SPACE, COMPANY_SPACE, reverse("cartemploi:my_space")])
def test_anonymous_goes_to_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302 and "/comptes/login/" in response.url


def test_wrong_account_kind_is_refused(client, stranger):
    client.force_login(stranger)
    assert client.get(YOUTH_SPACE).status_code == 403
    assert client.get(COMPANY_SPACE).status_code == 403
    assertContains(client.get(reverse("cartemploi:my_space")), "réservé aux comptes")


def test_charter_comes_first(client, db):
    user = UserFactory(youth=True)
    client.force_login(user)
    response = client.get(YOUTH_SPACE)
    assertRedirects(response, f"{reverse('cartemploi:charter')}?next={YOUTH_SPACE}")
    response = client.post(reverse("cartemploi:charter"), {"next": YOUTH_SPACE})
    assertContains(response, "Cochez la case pour accepter la charte.")
    response = client.post(reverse("cartemploi:charter"), {"next": YOUTH_SPACE, "accept": "on"})
    assertRedirects(response, YOUTH_SPACE)
    assert client.get(YOUTH_SPACE).status_code == 200


def test_youth_creates_profile_with_photo_and_cv(client, youth_user, commune):
    client.force_login(youth_user)
    data = youth_post(commune, photo=jpeg_with_exif(), cv=pdf_file())
    response = client.post(YOUTH_SPACE, data)
    assertRedirects(response, YOUTH_SPACE)
    profile = YouthProfile.objects.get(user=youth_user)
    assert profile.status == ValidationStatus.PENDING
    assert [s.label for s in profile.skills.all()] == ["Taille de haies"]
    with Image.open(profile.photo.path) as photo:
        assert photo.format == "JPEG"
        assert max(photo.size) == 800
        assert not photo.getexif()
    assert profile.cv.read(5) == b"%PDF-"
    assert AuditEvent.objects.for_object(profile).filter(action="create").exists()
    assert (
        client.get(reverse("cartemploi:private_file", args=[profile.pk, "cv"])).status_code == 200
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"birth_date": "2015-01-01"}, "à partir de 16 ans"),
        ({"skills-0-label": ""}, "Ajoutez au moins une compétence"),
        ({"commune": "Atlantide"}, "Commune introuvable"),
        ({"photo": "fake"}, "pas une image valide"),
        ({"cv": "notpdf"}, "vrai fichier PDF"),
        ({"cv": "fakepdf"}, "vrai fichier PDF"),
    ],
)
def test_bad_input_is_refused_in_french_and_kept(client, youth_user, commune, overrides, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = {
        "fake": SimpleUploadedFile("x.jpg", b"GIF89a not an image", "image/jpeg"),
        "notpdf": SimpleUploadedFile("cv.pdf", b"PK\x03\x04 a zip", "application/pdf"),
        "fakepdf": fake_pdf(),
    }
    overrides = {k: files.get(v, v) if isinstance(v, str) else v for k, v in overrides.items()}
    client.force_login(youth_user)
    response = client.post(YOUTH_SPACE, youth_post(commune, **overrides))
    assert response.status_code == 200
    assertContains(response, message)
    assertContains(response, "J&#x27;aime travailler dehors.")
    assert not YouthProfile.objects.filter(user=youth_user).exists()


def test_oversized_photo_is_refused(client, youth_user, commune, settings):
    settings.CARTEMPLOI_PHOTO_MAX_BYTES = 1000
    client.force_login(youth_user)
    response = client.post(YOUTH_SPACE, youth_post(commune, photo=jpeg_with_exif()))
    assertContains(response, "La photo dépasse")


def test_image_bomb_header_is_refused(client, youth_user, commune):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="PNG")
    truncated = SimpleUploadedFile("x.png", buffer.getvalue()[:40], "image/png")
    client.force_login(youth_user)
    response = client.post(YOUTH_SPACE, youth_post(commune, photo=truncated))
    assertContains(response, "pas une image valide")


def test_company_creates_profile_and_offer(client, db, commune):
    user = UserFactory(company=True)
    accept_charter(user=user)
    client.force_login(user)
    data = {
        "name": "Scierie du Thaurion",
        "trade": "Scieur",
        "know_how": "Sciage de douglas",
        "sector": "C",
        "size_band": "0-9",
        "commune": commune.name,
        "offers_kinds": ["internship"],
        "contact_name": "Alex Secret",
        "contact_email": "alex@scierie.exemple.fr",
    }
    assertRedirects(client.post(COMPANY_SPACE, data), COMPANY_SPACE)
    company = user.companyprofile
    assert company.status == ValidationStatus.PENDING
    offer_data = {
        "kind": "internship",
        "title": "Stage scierie",
        "description": "Découverte",
        "commune": commune.name,
        "starts_on": "2026-09-01",
        "ends_on": "2026-08-01",
    }
    response = client.post(reverse("cartemploi:offer_create"), offer_data)
    assertContains(response, "La date de fin doit suivre la date de début.")
    offer_data["ends_on"] = "2026-10-01"
    assertRedirects(client.post(reverse("cartemploi:offer_create"), offer_data), COMPANY_SPACE)
    assert JobOffer.objects.get(company=company).status == "pending"


def test_other_company_offer_is_404(client, db):
    mine = CompanyProfileFactory()
    accept_charter(user=mine.user)
    theirs = JobOfferFactory()
    client.force_login(mine.user)
    url = reverse("cartemploi:offer_edit", args=[theirs.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "pirate"}).status_code == 404


def test_private_files_role_matrix(client, youth_profile, other_company, advisor, stranger):
    youth_profile.cv = pdf_file()
    youth_profile.save()
    url = reverse("cartemploi:private_file", args=[youth_profile.pk, "cv"])
    assert client.get(url).status_code == 302
    for user, status in [(stranger, 404), (other_company.user, 404), (advisor, 200)]:
        client.force_login(user)
        assert client.get(url).status_code == status
    assert AuditEvent.objects.for_object(youth_profile).filter(actor=advisor).exists()
