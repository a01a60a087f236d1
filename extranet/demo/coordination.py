"""Demo of the coordination: referrals in every state between the demo structures, a
pathway, directory fiches, shared documents and members' news. Idempotent: fixed keys
(submission keys, titles) let `seed_demo` run again without duplicating anything.
People are invented; never copy the seeds' real names or contacts here.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from extranet.models import Membership, NewsItem, Pathway, Referral
from extranet.pathways import services as pathway_services
from extranet.referrals import services
from extranet.referrals.enums import DeclineReason, ReferralStatus
from repertoire.demo import structures as repertoire_demo
from repertoire.models import Structure

S = ReferralStatus
NAMESPACE = uuid.UUID("2f1d9b8e-5c1a-4f3e-9d61-7a0c3b2e8f45")

# (key, sender, target, person, subject, thématique, path of statuses after "sent")
REFERRALS = (
    (
        "sent",
        repertoire_demo.SOCIAL_CENTRE,
        repertoire_demo.GROCERY,
        ("Nadia", "Exemple"),
        "Colis alimentaire en attendant l'ouverture des droits",
        "equipement-et-alimentation--alimentation",
        (),
    ),
    (
        "ack",
        repertoire_demo.GROCERY,
        repertoire_demo.SOCIAL_CENTRE,
        ("Bruno", "Démo"),
        "Aide pour un dossier de logement social",
        "logement-hebergement--louer-un-logement",
        (S.ACKNOWLEDGED,),
    ),
    (
        "progress",
        repertoire_demo.POLE_CREUSE_SUD,
        repertoire_demo.YOUTH_AGENCY,
        ("Léa", "Fictive"),
        "Recherche d'un contrat d'apprentissage",
        "trouver-un-emploi--faire-des-candidatures-spontanees",
        (S.ACKNOWLEDGED, S.IN_PROGRESS),
    ),
    (
        "done",
        repertoire_demo.YOUTH_AGENCY,
        repertoire_demo.SOCIAL_CENTRE,
        ("Karim", "Imaginaire"),
        "Garde d'enfant pour reprendre une formation",
        "famille--garde-denfants",
        (S.ACKNOWLEDGED, S.DONE),
    ),
    (
        "declined",
        repertoire_demo.SOCIAL_CENTRE,
        repertoire_demo.YOUTH_AGENCY,
        ("Paul", "Inventé"),
        "Accompagnement vers l'emploi",
        "trouver-un-emploi--faire-des-candidatures-spontanees",
        (S.DECLINED,),
    ),
    (
        "redirected",
        repertoire_demo.REGIONAL_SERVICE,
        repertoire_demo.GROCERY,
        ("Sonia", "Modèle"),
        "Aide au permis de conduire",
        "mobilite--preparer-un-permis",
        ("redirect",),
    ),
    (
        "expired",
        repertoire_demo.GROCERY,
        repertoire_demo.POLE_CREUSE_SUD,
        ("Marc", "Essai"),
        "Informations sur l'installation dans le secteur",
        "logement-hebergement--acheter-un-logement",
        (S.EXPIRED,),
    ),
)

CAN_EXPECT = "Un premier contact sous une semaine, un retour à la structure qui oriente."
CANNOT_EXPECT = "Une prise en charge hors de notre territoire ou de nos missions."
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _member(structure):
    membership = Membership.objects.active().filter(structure=structure).select_related("user")
    first = membership.first()
    return first.user if first else None


def _referral(key, sender, target, person, subject, thematique, statuses):
    submission_key = uuid.uuid5(NAMESPACE, key)
    existing = Referral.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing
    actor = _member(sender)
    referral = services.send_referral(
        actor=actor,
        referral=Referral(
            submission_key=submission_key,
            sender_structure=sender,
            target_structure=target,
            person_first_name=person[0],
            person_last_name=person[1],
            person_phone="06 00 00 00 00",
            consent_at=timezone.now(),
            consent_method="oral",
            subject=subject,
            thematiques=[thematique],
            message="Fiche de démonstration.",
        ),
    )
    for status in statuses:
        referral = _advance(referral, status, target)
    return referral


def _advance(referral, status, target):
    answerer = _member(target)
    if status == "redirect":
        social = Structure.objects.get(slug=repertoire_demo.SOCIAL_CENTRE)
        closed, _follow_on = services.redirect(
            actor=answerer,
            referral=referral,
            target_structure=social,
            note="Le centre social accompagne le financement du permis.",
        )
        return closed
    if status == S.EXPIRED:
        Referral.objects.filter(pk=referral.pk).update(
            created_at=timezone.now() - timedelta(days=settings.REFERRAL_EXPIRE_AFTER_DAYS + 1)
        )
        return services.change_status(actor=None, referral=referral, to_status=S.EXPIRED)
    reason = DeclineReason.NOT_COMPETENT if status == S.DECLINED else ""
    return services.change_status(
        actor=answerer, referral=referral, to_status=status, decline_reason=reason
    )


def _pathway(structures):
    if Pathway.objects.filter(person_first_name="Bruno", person_last_name="Démo").exists():
        return
    grocery = structures[repertoire_demo.GROCERY]
    social = structures[repertoire_demo.SOCIAL_CENTRE]
    pathway_services.save_pathway(
        actor=_member(grocery),
        pathway=Pathway(
            structure=grocery,
            person_first_name="Bruno",
            person_last_name="Démo",
            thematiques=[
                "logement-hebergement--louer-un-logement",
                "equipement-et-alimentation--alimentation",
            ],
            situation="Vous cherchez un logement moins cher.\n"
            "Vous avez besoin d'aide pour les courses.",
            referral=Referral.objects.filter(submission_key=uuid.uuid5(NAMESPACE, "ack")).first(),
        ),
        contacts=[
            (social, None, "Vous aide à remplir la demande de logement social."),
            (grocery, None, "Vous propose des courses à petit prix."),
        ],
        steps=[
            (
                "Appeler le centre social pour un rendez-vous.",
                timezone.localdate() + timedelta(days=3),
            ),
            ("Apporter votre avis d'imposition.", None),
        ],
        email_consent=False,
    )


def _directory(structures):
    """Identity fiches: fill what a partnership can and cannot expect, only where empty."""
    Structure.objects.filter(
        pk__in=[s.pk for s in structures.values()], partnership_can_expect=""
    ).update(
        partnership_can_expect=CAN_EXPECT,
        partnership_cannot_expect=CANNOT_EXPECT,
    )


def _documents_and_news():
    collection = Collection.objects.filter(name=settings.NETWORK_DOCUMENTS_COLLECTION).first()
    Document = get_document_model()
    for title in ("Charte du réseau des partenaires", "Compte rendu du comité de pilotage"):
        if collection and not Document.objects.filter(title=title, collection=collection).exists():
            document = Document(title=title, collection=collection)
            document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(TINY_PDF))
    for title, body in (
        ("Forum des partenaires au printemps", "Une journée pour se connaître et se coordonner."),
        ("Nouvelle fiche de liaison en ligne", "Orientez une personne depuis le répertoire."),
    ):
        NewsItem.objects.get_or_create(title=title, defaults={"body": body})


@transaction.atomic
def seed_referrals_demo():
    slugs = {row[1] for row in REFERRALS} | {row[2] for row in REFERRALS}
    structures = {s.slug: s for s in Structure.objects.filter(slug__in=slugs)}
    if len(structures) < len(slugs):
        return  # the répertoire demo is not there: nothing to link
    for key, sender, target, person, subject, thematique, statuses in REFERRALS:
        _referral(
            key, structures[sender], structures[target], person, subject, thematique, statuses
        )
    _pathway(structures)
    _directory(structures)
    _documents_and_news()
