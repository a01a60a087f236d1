"""A small corpus every backend must answer the same way (see test_contract.py)."""

from datetime import UTC, datetime

from search.documents import Document

BOURGANEUF = (45.953, 1.756)
GUERET = (46.171, 1.871)
FELLETIN = (45.883, 2.174)
LIMOGES = (45.834, 1.261)
TULLE = (45.267, 1.771)


def _when(day):
    return datetime(2026, 1, day, tzinfo=UTC)


CORPUS = [
    Document(
        kind="structure",
        id="1",
        title="Crèche Les P'tits Loups",
        text="Garde d'enfants de 3 mois à 3 ans, accueil occasionnel.",
        url="/repertoire/creche/",
        themes=["famille", "garde-enfants"],
        types=["accueil"],
        commune_code="23030",
        department_code="23",
        point=BOURGANEUF,
        updated_at=_when(8),
    ),
    Document(
        kind="structure",
        id="2",
        title="Agence départementale pour le logement",
        text="Aides au logement, accompagnement des locataires & propriétaires.",
        url="/repertoire/adil/",
        themes=["logement"],
        types=["information"],
        commune_code="23096",
        department_code="23",
        point=GUERET,
        updated_at=_when(7),
    ),
    Document(
        kind="offer",
        id="3",
        title="Reprise de boulangerie à Felletin",
        text="Boulangerie à reprendre au centre-bourg, deux logements à l'étage.",
        url="/offres/boulangerie/",
        themes=["emploi", "logement"],
        types=["reprise"],
        commune_code="23079",
        department_code="23",
        point=FELLETIN,
        updated_at=_when(6),
        suggest=["Reprise de boulangerie à Felletin", "Boulangerie"],
    ),
    Document(
        kind="page",
        id="4",
        title="Mentions légales",
        text="Informations juridiques du portail <script>alert(1)</script>.",
        url="/mentions-legales/",
        updated_at=_when(5),
    ),
    Document(
        kind="candidate",
        id="5",
        title="Famille Martin",
        text="Recherche un logement à Bourganeuf.",
        url="/extranet/candidats/5/",
        themes=["logement"],
        commune_code="23030",
        department_code="23",
        point=BOURGANEUF,
        visibility="scope:structure-1",
        updated_at=_when(4),
    ),
    Document(
        kind="candidate",
        id="6",
        title="Famille Durand",
        text="Recherche un logement à Limoges.",
        url="/extranet/candidats/6/",
        themes=["logement"],
        commune_code="87085",
        department_code="87",
        point=LIMOGES,
        visibility="scope:structure-2,pole-9",
        updated_at=_when(3),
    ),
    Document(
        kind="news",
        id="7",
        title="Réunion du réseau",
        text="Compte rendu pour les membres : le logement des saisonniers.",
        url="/extranet/actualites/7/",
        visibility="members",
        updated_at=_when(2),
    ),
    Document(
        kind="structure",
        id="8",
        title="Mission locale de la Corrèze",
        text="Accompagnement des jeunes vers l'emploi et la formation.",
        url="/repertoire/mission-locale/",
        themes=["emploi"],
        types=["accompagnement"],
        commune_code="19272",
        department_code="19",
        point=TULLE,
        updated_at=_when(1),
    ),
]
PUBLIC_IDS = {"1", "2", "3", "4", "8"}
