"""What a young person or a company still has to do before writing through the relay.

The card page and the contact page both say it, each step with a link to where it is
done, rather than hiding the button or answering a bare 403.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cartemploi import perms
from cartemploi.enums import CardKind
from cartemploi.services.profiles import needs_charter

UNPUBLISHED = _("Votre profil doit être validé par la mission locale avant de contacter quelqu'un.")


@dataclass(frozen=True)
class Step:
    label: str
    url: str
    link_text: str


def is_other_side(user, card):
    """A young person contacts companies (and their offers), a company young people."""
    if perms.can_have_youth_profile(user):
        return card.kind in (CardKind.COMPANY, CardKind.OFFER)
    if perms.can_have_company_profile(user):
        return card.kind == CardKind.YOUTH
    return False


def missing_contact_steps(user, *, back_to):
    """The steps, in order, between `user` and a first message (empty: nothing missing, or
    `user` is neither a young person nor a company). `back_to`: where to return afterwards."""
    if perms.can_have_youth_profile(user):
        profile, space = getattr(user, "youthprofile", None), reverse("cartemploi:youth_space")
        create = _("Créez votre fiche jeune : la mission locale la valide avant publication.")
    elif perms.can_have_company_profile(user):
        profile, space = getattr(user, "companyprofile", None), reverse("cartemploi:company_space")
        create = _("Créez votre fiche entreprise : la mission locale la valide avant publication.")
    else:
        return []
    steps = []
    if needs_charter(user):
        after = space if profile is None else back_to
        url = f"{reverse('cartemploi:charter')}?{urlencode({'next': after})}"
        steps.append(
            Step(_("Acceptez la charte de Cartemploi."), url, _("Lire et accepter la charte"))
        )
    if profile is None:
        steps.append(Step(create, space, _("Créer ma fiche")))
    elif not profile.has_public_version:
        steps.append(Step(UNPUBLISHED, space, _("Voir ma fiche et son état")))
    return steps
