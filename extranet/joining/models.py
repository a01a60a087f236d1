from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from extranet.enums import JoinRequestStatus


class JoinRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=JoinRequestStatus.PENDING)

    def reviewable_by(self, user):
        """What `user` may decide on: everything for the regional admin, else the requests
        to the structures they manage (scoped: anything else is a 404)."""
        from extranet.enums import Role
        from extranet.roles import has_role

        if has_role(user, Role.REGIONAL_ADMIN):
            return self.all()
        managed = user.memberships.active().managers().values("structure_id")
        return self.filter(structure_id__in=managed)


class JoinRequest(models.Model):
    """A person asks to become a member of a structure of the network."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="join_requests",
        verbose_name=_("personne"),
    )
    structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.CASCADE,
        related_name="join_requests",
        verbose_name=_("structure"),
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=JoinRequestStatus.choices,
        default=JoinRequestStatus.PENDING,
    )
    refusal_reason = models.CharField(_("motif du refus"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("décidée par"),
    )
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    created_at = models.DateTimeField(_("demandée le"), auto_now_add=True)

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("demande d'adhésion")
        verbose_name_plural = _("demandes d'adhésion")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "structure"],
                condition=models.Q(status="pending"),
                name="one_pending_join_request",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.structure}"
