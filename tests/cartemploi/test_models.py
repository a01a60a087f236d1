from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cartemploi.enums import AgeBand, ValidationStatus
from cartemploi.masking import MASK, mask_contacts
from cartemploi.models import CharterVersion, CompanyProfile, YouthProfile
from cartemploi.models.profiles import age_band_for, age_on
from cartemploi.services.profiles import accept_charter, needs_charter
from tests.cartemploi.factories import YouthProfileFactory
from tests.portal.factories import UserFactory


def test_age_band_boundaries():
    assert age_on(date(2000, 6, 2), today=date(2016, 6, 1)) == 15
    assert age_on(date(2000, 6, 1), today=date(2016, 6, 1)) == 16
    assert age_band_for(16) == AgeBand.B16_17
    assert age_band_for(21) == AgeBand.B18_21
    assert age_band_for(25) == AgeBand.B22_25
    assert age_band_for(26) == AgeBand.B26_PLUS


def test_published_and_visible_to(youth_profile, advisor, stranger, regional_admin):
    draft = YouthProfileFactory(status=ValidationStatus.PENDING)
    assert list(YouthProfile.objects.published()) == [youth_profile]
    assert set(YouthProfile.objects.visible_to(youth_profile.user)) == {youth_profile}
    # The draft has no agency yet: any advisor may pick it up; the stranger sees nothing.
    assert set(YouthProfile.objects.visible_to(advisor)) == {youth_profile, draft}
    assert not YouthProfile.objects.visible_to(stranger).exists()
    assert YouthProfile.objects.visible_to(regional_admin).count() == 2


def test_advisor_of_other_agency_does_not_see_profile(company, other_company, advisor):
    from tests.extranet.factories import MembershipFactory

    other_company.agency = MembershipFactory(structure__youth_agency=True).structure
    other_company.save()
    assert list(CompanyProfile.objects.visible_to(advisor)) == [company]


def test_new_charter_version_asks_again(db):
    user = UserFactory(youth=True)
    assert needs_charter(user)  # version 1 comes with the migrations
    accept_charter(user=user)
    assert not needs_charter(user)
    CharterVersion.objects.create(version=2, title="Charte v2", body="Nouvelle version")
    assert needs_charter(user)


@pytest.mark.parametrize(
    "text",
    [
        "écrivez-moi à camille.durand@example.org",
        "mon numéro : 06 12 34 56 78",
        "appelez le +33 6 12 34 56 78 ce soir",
        "0612345678",
        "camille [at] example . org",
        "tel 05.55.12.34.56",
    ],
)
def test_mask_contacts_examples(text):
    masked, changed = mask_contacts(text)
    assert changed
    assert MASK in masked
    assert "@" not in masked and "12 34" not in masked and "[at]" not in masked


def test_mask_keeps_ordinary_text():
    text = "Je suis disponible le 12 mars, 3 jours par semaine, 35 h."
    assert mask_contacts(text) == (text, False)


@given(
    user=st.from_regex(r"[a-z][a-z0-9._]{0,15}", fullmatch=True),
    domain=st.from_regex(r"[a-z]{2,10}\.(fr|com|org)", fullmatch=True),
    digits=st.lists(st.integers(0, 9), min_size=8, max_size=8),
    sep=st.sampled_from([" ", ".", "-", ""]),
    before=st.text(alphabet="abcdefghij éè,!", max_size=30),
)
def test_mask_contacts_property(user, domain, digits, sep, before):
    phone = (
        "0"
        + str(digits[0])
        + sep
        + sep.join(f"{digits[i]}{digits[i + 1]}" for i in range(1, 7, 2))
        + sep
        + str(digits[7])
        + "0"
    )
    text = f"{before} {user}@{domain} {before} {phone} fin"
    masked, changed = mask_contacts(text)
    assert changed
    assert f"{user}@{domain}" not in masked
    assert phone not in masked
