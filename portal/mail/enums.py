from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("À envoyer")
    SENT = "sent", _("Envoyé")
    FAILED = "failed", _("Échec (nouvel essai prévu)")
    ABANDONED = "abandoned", _("Abandonné après plusieurs échecs")
