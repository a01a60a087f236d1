"""Candidates in the extranet search (kind "candidate"), registered by `ExtranetConfig.ready`.

Visibility follows `Candidate.objects.visible_to`: the officers of the candidate's pole
("pole-<id>"), the members of each structure it is shared with ("structure-<id>"), and the
regional admin (who holds every scope). A candidate without a pole is the region's alone.
Sharing saves the candidate (see `candidates.services.share`), which re-indexes it.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from extranet.models import Candidate

KIND = "candidate"


def scope_keys(candidate):
    keys = [f"pole-{candidate.pole_id}"] if candidate.pole_id else []
    keys += [f"structure-{share.structure_id}" for share in candidate.shares.all()]
    return keys


def to_document(candidate):
    from search.documents import SCOPE_PREFIX, Document

    commune = candidate.target_commune
    return Document(
        kind=KIND,
        id=str(candidate.pk),
        title=f"{candidate.reference} — {candidate.full_name}",
        text=" ".join(
            filter(
                None,
                [
                    candidate.email,
                    candidate.get_project_type_display(),
                    candidate.sector,
                    commune.name if commune else "",
                    candidate.project_description[:1000],
                ],
            )
        ),
        url=reverse("extranet:candidate_detail", args=[candidate.reference]),
        types=[candidate.status],
        commune_code=commune.insee_code if commune else "",
        department_code=(commune.department_id or "") if commune else "",
        visibility=SCOPE_PREFIX + ",".join(scope_keys(candidate)),
        updated_at=candidate.updated_at,
        suggest=[candidate.full_name],
    )


def queryset():
    return (
        Candidate.objects.exclude(reference=None)
        .select_related("target_commune")
        .prefetch_related("shares")
    )


def register():
    from search import registry

    registry.register(
        registry.Source(
            kind=KIND,
            label=_("Candidats à l'installation"),
            model=Candidate,
            get_queryset=queryset,
            to_document=to_document,
            public=False,
        )
    )
