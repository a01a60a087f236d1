from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


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
    if len(digits) != 14 or not digits.isdigit():
        raise ValidationError(_("Un SIRET compte 14 chiffres."), code="siret_length")
    if not luhn_ok(digits) and not digits.startswith("356000000"):
        raise ValidationError(
            _("Ce SIRET n'est pas valide : vérifiez les chiffres (clé de contrôle)."),
            code="siret_checksum",
        )
