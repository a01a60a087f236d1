"""What youth profiles, company profiles and offers share: the advisor validation cycle."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cartemploi.enums import ValidationStatus
from extranet.enums import Role
from extranet.roles import has_role


def agency_ids_of(user):
    """Youth agencies (structures) an advisor works for: their territory.

    Kept on the user object for the rest of the request (the dashboard's panels ask five
    times); `request.user` is loaded afresh for every request."""
    from repertoire.enums import StructureKind

    if "_cartemploi_agency_ids" not in user.__dict__:
        user.__dict__["_cartemploi_agency_ids"] = list(
            user.memberships.active()
            .filter(structure__kind=StructureKind.YOUTH_AGENCY)
            .values_list("structure_id", flat=True)
        )
    return user.__dict__["_cartemploi_agency_ids"]


def agency_scope(user, field="agency"):
    """A Q object limiting rows to the advisor's territory (their agencies, or none yet)."""
    return models.Q(**{f"{field}__in": agency_ids_of(user)}) | models.Q(
        **{f"{field}__isnull": True}
    )


class ValidatedQuerySet(models.QuerySet):
    owner_field = "user"
    agency_field = "agency"

    def published(self):
        return self.filter(status=ValidationStatus.PUBLISHED)

    def pending(self):
        return self.filter(status=ValidationStatus.PENDING)

    def visible_to(self, user):
        """Private records: their owner, advisors of their territory, the regional admin."""
        if not user.is_authenticated:
            return self.none()
        if has_role(user, Role.REGIONAL_ADMIN):
            return self
        scope = models.Q(**{self.owner_field: user})
        if has_role(user, Role.ADVISOR):
            scope |= agency_scope(user, self.agency_field)
        return self.filter(scope)


class ValidatedModel(models.Model):
    """Nothing is public until an advisor validates it; the public sees `PublicCard` copies."""

    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=ValidationStatus.choices,
        default=ValidationStatus.DRAFT,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("soumis le"), null=True, blank=True)
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("validé par"),
    )
    unpublish_reason = models.TextField(_("motif de dépublication"), blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == ValidationStatus.PUBLISHED

    @property
    def has_public_version(self):
        """True while a validated copy is public (even while a newer edit waits)."""
        return hasattr(self, "public_card") and self.public_card is not None
