from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import EmailStr, TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from repertoire.hours import OpeningHoursError, validate


def luhn_ok(digits):
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def validate_siret(value):
    """A SIRET is 14 digits with a Luhn checksum (La Poste's sites are the known exception)."""
    digits = value.replace(" ", "")
    if len(digits) != 14 or not (digits.isascii() and digits.isdigit()):
        raise ValidationError(_("Un SIRET compte 14 chiffres."), code="siret_length")
    if not luhn_ok(digits) and not digits.startswith("356000000"):
        raise ValidationError(
            _("Ce SIRET n'est pas valide : vérifiez les chiffres (clé de contrôle)."),
            code="siret_checksum",
        )


def validate_opening_hours(value):
    """Opening hours must parse; the message names the position of the first error."""
    if not value:
        return
    try:
        validate(value)
    except OpeningHoursError as error:
        raise ValidationError(str(error), code="opening_hours") from error


def luhn_complete(partial):
    """`partial` followed by the digit that makes the whole pass the Luhn check."""
    return next(partial + digit for digit in "0123456789" if luhn_ok(partial + digit))


def make_siret(siren_base, nic_base="0001"):
    """A SIRET valid for `validate_siret`: 8 digits → SIREN (with its Luhn key), then the
    4-digit establishment number and the key of the whole 14 digits."""
    return luhn_complete(luhn_complete(siren_base) + nic_base)


_SCHEMA_EMAIL = TypeAdapter(EmailStr)


def validate_schema_email(value):
    """An e-mail the data·inclusion schema accepts on output (RFC 5322, no special-use
    domain such as `.local`): the same rule on input, so the API never meets one it
    refuses."""
    if not value:
        return
    try:
        _SCHEMA_EMAIL.validate_python(value)
    except PydanticValidationError as error:
        raise ValidationError(
            _("Cette adresse e-mail n'est pas valide (exemple : accueil@structure.fr)."),
            code="schema_email",
        ) from error
