from django.db import models
from django.utils.translation import gettext_lazy as _


class FreshnessReminder(models.Model):
    """One reminder per structure and verification cycle, so the command never repeats itself.

    `cycle` is the last-verified date the reminder was about ("never" if none): verifying
    the fiche starts a new cycle, and only then can a new reminder go out.
    """

    structure = models.ForeignKey(
        "repertoire.Structure", on_delete=models.CASCADE, related_name="freshness_reminders"
    )
    cycle = models.CharField(max_length=10)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("relance de mise à jour")
        verbose_name_plural = _("relances de mise à jour")
        constraints = [
            models.UniqueConstraint(fields=["structure", "cycle"], name="one_reminder_per_cycle")
        ]

    def __str__(self):
        return f"{self.structure_id} — {self.cycle}"


class ErrorReport(models.Model):
    """'Signaler une erreur': anyone tells the editors a fiche is wrong."""

    structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.CASCADE,
        related_name="error_reports",
        verbose_name=_("structure"),
    )
    message = models.TextField(_("ce qui est inexact"))
    reporter_email = models.EmailField(_("votre e-mail (facultatif)"), blank=True)
    created_at = models.DateTimeField(_("signalé le"), auto_now_add=True)
    handled = models.BooleanField(_("traité"), default=False)

    class Meta:
        verbose_name = _("signalement d'erreur")
        verbose_name_plural = _("signalements d'erreur")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.structure} — {self.created_at:%d/%m/%Y}"
