"""Accounts (allauth): sign-up, login, rate limits, TOTP, recovery codes, staff MFA gate.

Everything goes through the real allauth views and forms; TOTP codes are computed with
allauth's own helpers, so a test fails if the page, the form or the setting breaks.
"""

import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from portal.enums import AccountKind
from portal.models import User
from tests.portal.factories import DEMO_PASSWORD, UserFactory

LOGIN_URL = reverse("account_login")
SIGNUP_URL = reverse("account_signup")
STRONG_PASSWORD = "Une-passerelle-vers-2026"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and used TOTP codes live in the (locmem) cache."""
    cache.clear()
    yield
    cache.clear()


def totp_code(secret, offset=0):
    """The code an authenticator app shows now (`offset` periods away)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


def log_in(client, user, password=DEMO_PASSWORD):
    """Sign in through the login form, as a person would (allauth records the method)."""
    return client.post(LOGIN_URL, {"login": user.email, "password": password})


def field_error(response, field_id):
    """The text of the error rendered next to a field, which the field points to."""
    html = response.content.decode()
    widget = re.search(rf"<input[^>]*\bid=\"{field_id}\"[^>]*>", html)
    assert widget, f"no <input id={field_id}>"
    assert 'aria-invalid="true"' in widget.group(0)
    assert f"{field_id}_error" in widget.group(0), "aria-describedby must name the error"
    error = re.search(rf'<div class="field-error" id="{field_id}_error">(.*?)</div>', html, re.S)
    assert error, f"no error block for {field_id}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", error.group(1))).strip()


def log_in_for_mfa_setup(client, user):
    """allauth asks for the password again before any MFA change, even right after login."""
    log_in(client, user)
    response = client.post(reverse("account_reauthenticate"), {"password": DEMO_PASSWORD})
    assert response.status_code == 302, "reauthentication failed"


def signup_data(**overrides):
    data = {
        "first_name": "Zoé",
        "last_name": "Marchand",
        "email": "zoe.marchand@exemple.fr",
        "kind": AccountKind.YOUTH,
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
    }
    return data | overrides


# --- Sign-up --------------------------------------------------------------------------


@pytest.mark.django_db
def test_signup_creates_account_of_chosen_kind_and_sends_french_verification(client):
    response = client.post(SIGNUP_URL, signup_data())

    assertRedirects(response, reverse("account_email_verification_sent"))
    user = User.objects.get(email="zoe.marchand@exemple.fr")
    assert (user.first_name, user.last_name, user.kind) == ("Zoé", "Marchand", AccountKind.YOUTH)
    assert not user.emailaddress_set.get().verified
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["zoe.marchand@exemple.fr"]
    assert message.subject.startswith("[Passerelles] ")
    assert "Confirme" in message.subject
    assert "/comptes/confirm-email/" in message.body
    assert message.body.startswith("Bonjour,")
    assert "Vous recevez cet e-mail" in message.body
    assert "L’équipe Passerelles" in message.body


@pytest.mark.django_db
def test_signup_with_weak_password_explains_and_keeps_what_was_typed(client):
    response = client.post(SIGNUP_URL, signup_data(password1="azerty", password2="azerty"))

    assert response.status_code == 200
    assert "trop court" in field_error(response, "id_password1")
    assertContains(response, 'value="Zoé"')
    assertContains(response, 'value="zoe.marchand@exemple.fr"')
    assertNotContains(response, 'value="azerty"')  # secrets are never sent back
    assert not User.objects.filter(email="zoe.marchand@exemple.fr").exists()


@pytest.mark.django_db
def test_signup_with_mismatching_passwords_explains_next_to_confirmation(client):
    response = client.post(SIGNUP_URL, signup_data(password2=STRONG_PASSWORD + "x"))

    assert response.status_code == 200
    assert "même mot de passe" in field_error(response, "id_password2")
    assertContains(response, 'value="Zoé"')
    assertContains(response, 'value="zoe.marchand@exemple.fr"')
    assertContains(response, 'role="alert"')


@pytest.mark.django_db
def test_signup_kind_is_a_fieldset_with_legend_and_checked_choice_is_kept(client):
    response = client.post(SIGNUP_URL, signup_data(kind=AccountKind.COMPANY, last_name=""))

    html = response.content.decode()
    fieldset = re.search(r"<fieldset[^>]*>\s*<legend>\s*Vous êtes", html)
    assert fieldset
    assert re.search(r'value="company"[^>]*checked|checked[^>]*value="company"', html)
    assert "requis" in field_error(response, "id_last_name")


@pytest.mark.django_db
def test_signup_with_taken_email_creates_nothing_and_tells_the_owner(client):
    """allauth's enumeration prevention (ACCOUNT_PREVENT_ENUMERATION, on by default) is kept:
    the form must not reveal who has an account, so the visitor sees the usual "check your
    mailbox" page and the address owner gets a French e-mail saying the account exists."""
    owner = UserFactory(email="deja.inscrite@exemple.fr")

    response = client.post(SIGNUP_URL, signup_data(email="DEJA.inscrite@exemple.fr"))

    assertRedirects(response, reverse("account_email_verification_sent"))
    assert User.objects.filter(email__iexact=owner.email).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [owner.email]
    assert "existe déjà" in mail.outbox[0].body
    page = client.get(response.url)
    assertContains(page, "Vérifiez votre adresse e-mail")


# --- Login ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_login_with_wrong_password_shows_french_alert_and_keeps_email(client, member):
    response = log_in(client, member, password="pas-le-bon")

    assert response.status_code == 200
    assertContains(response, 'role="alert"')
    assertContains(response, "L’adresse e-mail ou le mot de passe sont incorrects.")
    assertContains(response, f'value="{member.email}"')
    assertNotContains(response, 'value="pas-le-bon"')


@pytest.mark.django_db
def test_login_is_rate_limited_after_repeated_failures(client, member):
    for _attempt in range(5):  # ACCOUNT_RATE_LIMITS["login_failed"]: 5 per 5 minutes per key
        assert log_in(client, member, password="pas-le-bon").status_code == 200

    response = log_in(client, member)  # even the right password is refused now

    assertContains(response, "Trop de tentatives de connexion échouées")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_sends_network_member_to_extranet(client, member):
    assertRedirects(log_in(client, member), reverse("extranet:dashboard"))


@pytest.mark.django_db
def test_login_sends_person_outside_the_network_home(client, stranger):
    assertRedirects(log_in(client, stranger), "/", fetch_redirect_response=False)


@pytest.mark.django_db
def test_wagtail_admin_login_goes_through_accounts(client):
    for url in ("/admin/login/", "/admin/"):
        response = client.get(url)
        assert response.status_code == 302
        target = urlsplit(response.url)
        assert target.path == LOGIN_URL
        assert parse_qs(target.query)["next"] == ["/admin/"]


# --- Two-factor authentication --------------------------------------------------------


def shown_secret(response):
    """The TOTP secret the activation page prints as text (next to the QR code)."""
    match = re.search(r'id="totp-secret">([A-Z2-7]+)<', response.content.decode())
    assert match, "the secret must be shown as text"
    return match.group(1)


def wrong_code(secret):
    right = {totp_code(secret, offset) for offset in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222") if code not in right)


def with_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


@pytest.mark.django_db
def test_totp_activation_asks_for_the_password_again_first(client, member):
    log_in(client, member)
    response = client.get(reverse("mfa_activate_totp"))
    assert urlsplit(response.url).path == reverse("account_reauthenticate")


@pytest.mark.django_db
def test_totp_activation_page_explains_and_shows_qr_code_and_secret(client, member):
    log_in_for_mfa_setup(client, member)
    response = client.get(reverse("mfa_activate_totp"))

    assertContains(response, 'src="data:image/svg+xml;base64,')
    assertContains(response, "QR code de configuration")
    assertContains(response, "application d'authentification")
    assert len(shown_secret(response)) >= 16


@pytest.mark.django_db
def test_totp_activation_with_wrong_code_is_refused_in_french(client, member):
    log_in_for_mfa_setup(client, member)
    secret = shown_secret(client.get(reverse("mfa_activate_totp")))

    response = client.post(reverse("mfa_activate_totp"), {"code": wrong_code(secret)})

    assert response.status_code == 200
    assert "Code incorrect" in field_error(response, "id_code")
    assert shown_secret(response) == secret  # same secret: the app set-up stays valid
    assert not Authenticator.objects.filter(user=member).exists()


@pytest.mark.django_db
def test_totp_activation_with_correct_code_enables_totp_and_recovery_codes(client, member):
    log_in_for_mfa_setup(client, member)
    secret = shown_secret(client.get(reverse("mfa_activate_totp")))

    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert response.status_code == 302
    types = set(Authenticator.objects.filter(user=member).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}


@pytest.mark.django_db
def test_login_with_totp_requires_the_second_step(client, member):
    secret = with_totp(member)

    response = log_in(client, member)

    assertRedirects(response, reverse("mfa_authenticate"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("extranet:dashboard")).status_code == 302
    wrong = client.post(reverse("mfa_authenticate"), {"code": wrong_code(secret)})
    assert "Code incorrect" in field_error(wrong, "id_code")
    done = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assertRedirects(done, reverse("extranet:dashboard"))
    assert client.session["_auth_user_id"] == str(member.pk)


@pytest.mark.django_db
def test_recovery_code_works_once_then_is_refused(client, member):
    with_totp(member)
    code = RecoveryCodes.activate(member).get_unused_codes()[0]

    log_in(client, member)
    first = client.post(reverse("mfa_authenticate"), {"code": code})
    assertRedirects(first, reverse("extranet:dashboard"))
    client.post(reverse("account_logout"))

    log_in(client, member)
    reused = client.post(reverse("mfa_authenticate"), {"code": code})

    assert reused.status_code == 200
    assert "Code incorrect" in field_error(reused, "id_code")
    assert "_auth_user_id" not in client.session


# --- Staff must enrol TOTP ------------------------------------------------------------


@pytest.fixture
def mfa_required(settings):
    settings.PASSERELLES_REQUIRE_MFA_FOR_STAFF = True


@pytest.mark.django_db  # the role fixture is looked up by name: say it needs the database
@pytest.mark.parametrize("role", ["editor", "regional_admin"])
def test_staff_without_totp_is_sent_to_enrolment_then_passes(client, request, mfa_required, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    dashboard = reverse("extranet:dashboard")

    response = client.get(dashboard)
    assert response.status_code == 302
    assert urlsplit(response.url).path == reverse("mfa_activate_totp")

    with_totp(user)
    response = client.get(dashboard)
    assert not (response.status_code == 302 and "/2fa/" in response.url)


def test_plain_member_is_not_asked_to_enrol(client, member, mfa_required):
    client.force_login(member)
    assert client.get(reverse("extranet:dashboard")).status_code == 200


def test_staff_is_not_asked_to_enrol_when_the_setting_is_off(client, editor, settings):
    settings.PASSERELLES_REQUIRE_MFA_FOR_STAFF = False
    client.force_login(editor)
    response = client.get(reverse("extranet:dashboard"))
    assert not (response.status_code == 302 and "/2fa/" in response.url)
