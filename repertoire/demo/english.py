"""English text for ten demo fiches, and two fiches with an easy-to-read summary
(« facile à lire et à comprendre », in French and English). Issue #16, item 6.

Keyed by the demo structures' names (`repertoire.demo.fiches.ARCHETYPES`); a field an
editor already filled is left as it is, so re-running changes nothing.
"""

from django.db import transaction

from repertoire.models import Structure

HOW_IT_WORKS = "A first meeting to understand what you need, then support that fits."
CONDITIONS = "Call before you come for a first appointment."
AUDIENCES = {
    "Habitants du territoire": "People living in the area",
    "Toute personne, sans condition": "Anyone, with no conditions",
}

# name: English summary (also the objectives and the service's description)
ENGLISH = {
    "Relais petite enfance Les Galipettes": (
        "Tells parents about childcare options and supports childminders."
    ),
    "Maison de santé du Bocage": "Doctors, nurses and prevention sessions under one roof.",
    "Point écoute santé jeunes L'Escale": (
        "Free, anonymous listening for young people aged 12 to 25 and their parents."
    ),
    "Espace solidarité du canton": (
        "Social workers for paperwork, rights and everyday difficulties."
    ),
    "Épicerie solidaire La Musette": (
        "Everyday groceries at low prices, when a social worker refers you."
    ),
    "Vestiaire et recyclerie Le Fil": "Second-hand clothes, furniture and household appliances.",
    "Atelier français langue étrangère Les Mots Passants": (
        "French lessons for adults, all levels, in small groups."
    ),
    "Antenne emploi du Pays": "Local job offers, help with your CV and meetings with employers.",
    "Comité local pour le logement autonome": (
        "Helps young people and families find a home and keep it."
    ),
    "Transport à la demande du Pays": (
        "A minibus you book to get to the market town, the station or the market."
    ),
}

# name: (French, English), one short sentence per line
EASY_READ = {
    "Épicerie solidaire La Musette": (
        "C'est un magasin.\n"
        "Les produits coûtent moins cher.\n"
        "Il faut un papier d'un travailleur social.\n"
        "Le magasin est ouvert du lundi au vendredi.",
        "It is a shop.\n"
        "Things cost less here.\n"
        "You need a letter from a social worker.\n"
        "The shop is open Monday to Friday.",
    ),
    "Atelier français langue étrangère Les Mots Passants": (
        "Vous voulez apprendre le français.\n"
        "Nous faisons des cours pour les adultes.\n"
        "Les groupes sont petits.\n"
        "Vous pouvez venir même si vous parlez très peu.",
        "You want to learn French.\n"
        "We teach French to adults.\n"
        "The groups are small.\n"
        "You can come even if you speak very little.",
    ),
}


def _fill(instance, **values):
    """Set the empty fields among `values`; True when something changed."""
    changed = False
    for name, value in values.items():
        if value and not getattr(instance, name):
            setattr(instance, name, value)
            changed = True
    return changed


def _english_values(structure, summary):
    return {
        "summary_en": summary,
        "objectives_en": summary,
        "audience_en": AUDIENCES.get(structure.audience, ""),
        "how_it_works_en": HOW_IT_WORKS if structure.how_it_works else "",
        "access_conditions_en": CONDITIONS if structure.access_conditions else "",
    }


@transaction.atomic
def seed_fiche_languages():
    """Returns (fiches with English text, fiches with an easy-to-read summary)."""
    names = set(ENGLISH) | set(EASY_READ)
    structures = Structure.objects.filter(name__in=names, slug__endswith="-demo")
    english = easy = 0
    for structure in structures.prefetch_related("services"):
        values = {}
        if structure.name in ENGLISH:
            values.update(_english_values(structure, ENGLISH[structure.name]))
            english += 1
            for service in structure.services.all():
                if _fill(service, description_en=ENGLISH[structure.name]):
                    service.save()
        if structure.name in EASY_READ:
            values["easy_read"], values["easy_read_en"] = EASY_READ[structure.name]
            easy += 1
        if _fill(structure, **values):
            structure.save()
    return english, easy
