"""What Cartemploi gives the portal search: published cards only, anonymised by design;
`register()` is called by `CartemploiConfig.ready`."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cartemploi.enums import CardKind
from cartemploi.models import PublicCard
from search import registry
from search.documents import Document

KINDS = {
    CardKind.YOUTH: ("cartemploi_youth", _("Jeunes (Cartemploi)")),
    CardKind.COMPANY: ("cartemploi_company", _("Entreprises (Cartemploi)")),
    CardKind.OFFER: ("cartemploi_offer", _("Offres de stage et d'emploi (Cartemploi)")),
}


def to_document(card):
    commune = card.commune
    return Document(
        kind=KINDS[card.kind][0],
        id=str(card.pk),
        title=card.title,
        text=" ".join(
            [card.summary, card.data.get("motivations", ""), card.data.get("know_how", "")]
        ),
        url=reverse("cartemploi:card_detail", args=[card.pk]),
        types=[card.kind],
        commune_code=commune.insee_code,
        department_code=commune.department_id,
        point=(card.latitude, card.longitude) if card.latitude is not None else None,
        updated_at=card.published_at,
        suggest=[card.title] if card.kind != CardKind.YOUTH else [],
    )


def register():
    for card_kind, (kind, label) in KINDS.items():
        registry.register(
            registry.Source(
                kind=kind,
                label=label,
                model=PublicCard,
                get_queryset=lambda k=card_kind: PublicCard.objects.filter(kind=k).select_related(
                    "commune"
                ),
                to_document=to_document,
            )
        )
    registry.register_labels("types", card_labels)


def card_labels(codes):
    """ "young"/"company" in words for the type facet."""
    labels = dict(CardKind.choices)
    return {code: str(labels[code]) for code in codes if code in labels}
