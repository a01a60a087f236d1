from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    """Shown publicly instead of an age or a birth date."""

    B16_17 = "16-17", _("16–17 ans")
    B18_21 = "18-21", _("18–21 ans")
    B22_25 = "22-25", _("22–25 ans")
    B26_PLUS = "26+", _("26 ans et plus")


class SkillLevel(models.TextChoices):
    DIPLOMA = "diploma", _("Validé par un diplôme")
    EXPERIENCE = "experience", _("Validé par une expérience")
    DECLARED = "declared", _("Déclaré")


class OfferKind(models.TextChoices):
    JOB = "job", _("Emploi")
    INTERNSHIP = "internship", _("Stage")
    APPRENTICESHIP = "apprenticeship", _("Apprentissage")
    DISCOVERY = "discovery", _("Visite découverte")


class CardKind(models.TextChoices):
    YOUTH = "youth", _("Jeune")
    COMPANY = "company", _("Entreprise")
    OFFER = "offer", _("Offre")


class NafSection(models.TextChoices):
    """Sections of the French activity nomenclature (NAF rév. 2)."""

    A = "A", _("Agriculture, sylviculture et pêche")
    C = "C", _("Industrie manufacturière")
    D = "D", _("Énergie")
    E = "E", _("Eau, assainissement, déchets")
    F = "F", _("Construction")
    G = "G", _("Commerce, réparation d'automobiles")
    H = "H", _("Transports et entreposage")
    I = "I", _("Hébergement et restauration")  # noqa: E741
    J = "J", _("Information et communication")
    K = "K", _("Finance et assurance")
    L = "L", _("Activités immobilières")
    M = "M", _("Activités spécialisées, scientifiques et techniques")
    N = "N", _("Services administratifs et de soutien")
    O = "O", _("Administration publique")  # noqa: E741
    P = "P", _("Enseignement")
    Q = "Q", _("Santé humaine et action sociale")
    R = "R", _("Arts, spectacles et loisirs")
    S = "S", _("Autres activités de services")


class SizeBand(models.TextChoices):
    MICRO = "0-9", _("Moins de 10 salarié·es")
    SMALL = "10-49", _("10 à 49 salarié·es")
    MEDIUM = "50-249", _("50 à 249 salarié·es")
    LARGE = "250+", _("250 salarié·es et plus")


class ValidationStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    PENDING = "pending", _("En attente de validation")
    PUBLISHED = "published", _("Publié")
    UNPUBLISHED = "unpublished", _("Dépublié")


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    PENDING = "pending", _("En attente de validation")
    PUBLISHED = "published", _("Publiée")
    FILLED = "filled", _("Pourvue")
    CLOSED = "closed", _("Close")


class MessageStatus(models.TextChoices):
    HELD = "held", _("Retenu pour modération")
    DELIVERED = "delivered", _("Distribué")
    BLOCKED = "blocked", _("Bloqué")


class ConversationStatus(models.TextChoices):
    OPEN = "open", _("Ouverte")
    BLOCKED = "blocked", _("Bloquée")


class OutcomeKind(models.TextChoices):
    INTERVIEW = "interview", _("Entretien")
    HIRE = "hire", _("Embauche")


class Side(models.TextChoices):
    YOUTH = "youth", _("Jeune")
    COMPANY = "company", _("Entreprise")


class Gender(models.TextChoices):
    """Asked of the young person only, optional; counted only in suppressed aggregates."""

    WOMAN = "woman", _("Femme")
    MAN = "man", _("Homme")
    OTHER = "other", _("Autre")
    DECLINED = "declined", _("Ne souhaite pas répondre")
