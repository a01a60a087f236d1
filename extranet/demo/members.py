"""Demo of the network's own growth: a newcomer asks to join the épicerie (its manager's
account opens on that request), and a member's document waits for the editors."""

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.db import transaction

from extranet.demo.coordination import TINY_PDF
from extranet.enums import SharedDocumentStatus
from extranet.models import JoinRequest, Membership, SharedDocument
from portal.enums import AccountKind
from portal.models import User
from repertoire.demo import structures as repertoire_demo
from repertoire.models import Structure

NEWCOMER = "camille.roux@demo.passerelles.localhost"
PROPOSED_TITLE = "Guide d'accueil des bénévoles de l'épicerie"


def _newcomer():
    user, created = User.objects.get_or_create(
        email=NEWCOMER,
        defaults={"first_name": "Camille", "last_name": "Roux", "kind": AccountKind.PROFESSIONAL},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


@transaction.atomic
def seed_members_demo():
    grocery = Structure.objects.filter(slug=repertoire_demo.GROCERY).first()
    social = Structure.objects.filter(slug=repertoire_demo.SOCIAL_CENTRE).first()
    if grocery is None or social is None:
        return
    newcomer = _newcomer()
    if not JoinRequest.objects.filter(user=newcomer, structure=grocery).exists():
        JoinRequest.objects.create(
            user=newcomer,
            structure=grocery,
            message="Bénévole depuis septembre, je coordonne les collectes du samedi.",
        )
    member = Membership.objects.filter(structure=social).select_related("user").first()
    if member and not SharedDocument.objects.filter(title=PROPOSED_TITLE).exists():
        shared = SharedDocument(
            title=PROPOSED_TITLE,
            description="Accueil, hygiène et règles de la distribution, en quatre pages.",
            structure=social,
            shared_by=member.user,
            status=SharedDocumentStatus.PROPOSED,
        )
        shared.file.save("guide-accueil-benevoles.pdf", ContentFile(TINY_PDF), save=False)
        shared.save()
