"""Contact details are masked in relayed messages until both sides agree to share them."""

import re

from django.utils.translation import gettext_lazy as _

MASK = "[coordonnées masquées]"

# Mail addresses, including the usual disguises ("nom [at] domaine.fr", "nom arobase …").
EMAIL_RE = re.compile(
    r"[\w.+-]+\s*(?:@|\[at\]|\(at\)|\s(?:at|arobase)\s)\s*[\w-]+(?:\s*(?:\.|\[dot\]|\(dot\))\s*[\w-]+)+",
    re.IGNORECASE,
)
# Phone numbers: 9 or more digits, with spaces, dots, dashes or slashes between them.
PHONE_RE = re.compile(r"(?:\+|\b00)?\d(?:[\s.\-/()]{0,2}\d){8,}")

MASKED_NOTICE = _(
    "Votre message contenait une adresse e-mail ou un numéro de téléphone : nous les avons "
    "masqués, car les coordonnées ne sont partagées que lorsque vous êtes d'accord tous les "
    "deux (bouton « Partager mes coordonnées »)."
)


def mask_contacts(text):
    """(text with e-mail addresses and phone numbers replaced, whether anything was masked)."""
    masked = EMAIL_RE.sub(MASK, text)
    masked = PHONE_RE.sub(MASK, masked)
    return masked, masked != text
