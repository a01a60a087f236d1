"""Referrals in the extranet search (kind "referral"), registered by `ExtranetConfig.ready`.

Visible only to the two structures ("structure-<id>") and the regional admin.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from extranet.models import Referral

KIND = "referral"


def to_document(referral):
    from search.documents import SCOPE_PREFIX, Document

    scopes = f"structure-{referral.sender_structure_id},structure-{referral.target_structure_id}"
    return Document(
        kind=KIND,
        id=str(referral.pk),
        title=f"{referral.reference} — {referral.person_name}",
        text=" ".join([referral.subject, str(referral.target_structure)]),  # no sensitive field
        url=reverse("extranet:referral_detail", args=[referral.reference]),
        themes=list(referral.thematiques),
        types=[referral.status],
        commune_code=referral.person_commune_id or "",
        visibility=SCOPE_PREFIX + scopes,
        updated_at=referral.updated_at,
    )


def queryset():
    return Referral.objects.exclude(reference=None).select_related("target_structure")


def register():
    from search import registry

    registry.register(
        registry.Source(
            kind=KIND,
            label=_("Fiches de liaison"),
            model=Referral,
            get_queryset=queryset,
            to_document=to_document,
            public=False,
        )
    )
