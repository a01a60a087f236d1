from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Membre")
    MANAGER = "manager", _("Responsable de la structure")


class Role(models.TextChoices):
    """The roles of PRODUCT.md, as computed by `extranet.roles.roles_of`."""

    REGIONAL_ADMIN = "regional_admin", _("Administration régionale (service accueil)")
    POLE_OFFICER = "pole_officer", _("Chargé·e de mission de pôle local d'accueil")
    STRUCTURE_MANAGER = "structure_manager", _("Responsable de structure")
    STRUCTURE_MEMBER = "structure_member", _("Membre du réseau")
    ADVISOR = "advisor", _("Conseiller·e mission locale")
    EDITOR = "editor", _("Éditeur·rice")
    YOUTH = "youth", _("Jeune")
    COMPANY = "company", _("Entreprise")


class AuditAction(models.TextChoices):
    READ = "read", _("Consultation")
    CREATE = "create", _("Création")
    UPDATE = "update", _("Modification")
    DELETE = "delete", _("Suppression")
    EXPORT = "export", _("Export")
    SHARE = "share", _("Partage")
    ANONYMISE = "anonymise", _("Anonymisation")


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    ACCEPTED = "accepted", _("Acceptée")
    REFUSED = "refused", _("Refusée")


class SharedDocumentStatus(models.TextChoices):
    PROPOSED = "proposed", _("En attente de validation")
    PUBLISHED = "published", _("Publié")
    REFUSED = "refused", _("Refusé")
