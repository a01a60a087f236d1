from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountKind(models.TextChoices):
    PERSON = "person", _("Particulier")
    PROFESSIONAL = "professional", _("Professionnel·le du réseau")
    YOUTH = "youth", _("Jeune")
    COMPANY = "company", _("Entreprise")
