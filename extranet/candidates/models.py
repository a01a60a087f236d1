"""Candidates to settle (candidats à l'installation) and what the network records about them."""

import operator
from functools import reduce

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from extranet.candidates.enums import (
    CandidateSource,
    CandidateStatus,
    ConsentSource,
    ContactKind,
    HousingWish,
    MatchStatus,
    ProjectType,
)
from extranet.enums import Role
from extranet.roles import roles_of

OPEN_STATUSES = (CandidateStatus.NEW, CandidateStatus.CONTACTED, CandidateStatus.SUPPORTED)


class CandidateQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Candidates a user may read: all for the regional admin; those of the poles they
        are an officer of; those shared with a structure they are an active member of."""
        return self._scoped(user, shared_filter={})

    def editable_by(self, user):
        """Candidates a user may change: the regional admin all, pole officers their pole's,
        partners only those shared with their structure with `can_edit`."""
        return self._scoped(user, shared_filter={"can_edit": True})

    def _scoped(self, user, shared_filter):
        # Subqueries rather than joins: no duplicate rows, so no DISTINCT on big lists. Only
        # the sources the user's roles (read once a request) open: an officer's list is a
        # plain indexed filter on the pole, not an OR no index answers (a scan of the table).
        if not user.is_authenticated:
            return self.none()
        roles = roles_of(user)
        if Role.REGIONAL_ADMIN in roles:
            return self
        scope = []
        if Role.POLE_OFFICER in roles:
            scope.append(models.Q(pole__in=user.welcome_poles.values("pk")))
        if roles & {Role.STRUCTURE_MEMBER, Role.STRUCTURE_MANAGER}:
            shared = CandidateShare.objects.filter(
                structure__memberships__user=user,
                structure__memberships__is_active=True,
                **shared_filter,
            ).values("candidate")
            scope.append(models.Q(pk__in=shared))
        if not scope:
            return self.none()
        return self.filter(reduce(operator.or_, scope))

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def of_pole_officer(self, user):
        return self.filter(pole__in=user.welcome_poles.values("pk"))

    def contact_due(self, today=None):
        return self.open().filter(next_action_on__lte=today or timezone.localdate())


class Candidate(models.Model):
    """A person or household who wants to settle in the territory."""

    reference = models.CharField(_("référence"), max_length=20, unique=True, null=True)
    pole = models.ForeignKey(
        "extranet.WelcomePole",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="candidates",
        verbose_name=_("pôle d'accueil"),
    )
    status = models.CharField(
        _("statut"), max_length=12, choices=CandidateStatus.choices, default=CandidateStatus.NEW
    )
    status_reason = models.CharField(_("motif du statut"), max_length=255, blank=True)
    referent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("référent·e"),
    )
    source = models.CharField(
        _("origine de la demande"),
        max_length=10,
        choices=CandidateSource.choices,
        default=CandidateSource.ONLINE,
    )
    # Identity and household
    first_name = models.CharField(_("prénom"), max_length=80)
    last_name = models.CharField(_("nom"), max_length=80)
    email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    origin_country = models.CharField(_("pays de résidence"), max_length=80, default="France")
    origin_postcode = models.CharField(_("code postal actuel"), max_length=10, blank=True)
    # The language the person wrote in (the public form exists in French and English): the
    # pole answers in it. Staff always read the record in French.
    language = models.CharField(
        _("langue de la demande"),
        max_length=2,
        choices=[("fr", _("français")), ("en", _("anglais"))],
        default="fr",
    )
    origin_department = models.CharField(
        _("département d'origine"), max_length=3, blank=True, db_index=True
    )
    adults = models.PositiveSmallIntegerField(_("adultes"), default=1)
    children = models.PositiveSmallIntegerField(_("enfants"), default=0)
    children_ages = models.CharField(_("âge des enfants"), max_length=80, blank=True)
    # Project
    project_type = models.CharField(_("projet"), max_length=12, choices=ProjectType.choices)
    sector = models.CharField(_("secteur d'activité"), max_length=120, blank=True)
    target_date = models.DateField(_("installation souhaitée vers"), null=True, blank=True)
    project_description = models.TextField(_("description du projet"), blank=True)
    target_commune = models.ForeignKey(
        "portal.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune visée"),
    )
    other_communes = models.ManyToManyField(
        "portal.Commune", blank=True, related_name="+", verbose_name=_("autres communes visées")
    )
    # Needs
    needs_housing = models.BooleanField(_("logement"), default=False)
    housing_wish = models.CharField(
        _("logement souhaité"), max_length=10, choices=HousingWish.choices, blank=True
    )
    needs_partner_job = models.BooleanField(_("emploi pour le ou la conjoint·e"), default=False)
    needs_childcare = models.BooleanField(_("garde d'enfants, école"), default=False)
    needs_premises = models.BooleanField(_("locaux professionnels"), default=False)
    needs_support = models.BooleanField(_("accompagnement du projet"), default=False)
    needs_other = models.TextField(_("autres besoins"), blank=True)
    # Consent, follow-up, bookkeeping
    consent_at = models.DateTimeField(_("consentement donné le"), null=True, blank=True)
    consent_source = models.CharField(
        _("forme du consentement"), max_length=10, choices=ConsentSource.choices, blank=True
    )
    next_action_on = models.DateField(_("prochaine relance le"), null=True, blank=True)
    # Copy of the latest contact's date, kept by `candidates.services.log_contact`, so that
    # sorting the list by last contact reads one indexed column instead of every contact.
    last_contact_at = models.DateField(_("dernier contact le"), null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="probable_duplicates",
        verbose_name=_("doublon probable de"),
    )
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    submissions = models.PositiveSmallIntegerField(_("envois du formulaire"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saisi par"),
    )
    created_at = models.DateTimeField(_("reçu le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        verbose_name = _("candidat·e à l'installation")
        verbose_name_plural = _("candidat·es à l'installation")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["pole", "status", "-created_at"], name="candidate_pole_idx"),
            models.Index(fields=["last_name", "first_name"], name="candidate_name_idx"),
            models.Index(
                fields=["-last_contact_at", "-created_at"], name="candidate_last_contact_idx"
            ),
            # The list's sorts (issue #13: 50k candidates, p95 ≤ 100 ms); the "dernier contact"
            # sort's NULLS LAST index is PostgreSQL-only (migration 0009).
            models.Index(fields=["status", "-created_at", "id"], name="candidate_status_sort_idx"),
            models.Index(
                fields=["next_action_on", "-created_at", "id"], name="candidate_next_action_idx"
            ),
        ]

    def __str__(self):
        return f"{self.reference or '—'} {self.first_name} {self.last_name}"

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def needs_labels(self):
        return [
            self._meta.get_field(name).verbose_name
            for name in (
                "needs_housing",
                "needs_partner_job",
                "needs_childcare",
                "needs_premises",
                "needs_support",
            )
            if getattr(self, name)
        ]


class CandidateContact(models.Model):
    """One exchange with the candidate (call, meeting, e-mail, fair…), in the timeline."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("candidat·e")
    )
    kind = models.CharField(_("type de contact"), max_length=10, choices=ContactKind.choices)
    happened_on = models.DateField(_("date"), default=timezone.localdate)
    notes = models.TextField(_("notes"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("auteur·rice"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-happened_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.happened_on:%d/%m/%Y}"


class StatusChange(models.Model):
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="status_changes"
    )
    old_status = models.CharField(max_length=12, choices=CandidateStatus.choices)
    new_status = models.CharField(max_length=12, choices=CandidateStatus.choices)
    reason = models.CharField(_("motif"), max_length=255, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("changement de statut")
        verbose_name_plural = _("changements de statut")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.old_status} → {self.new_status}"


class CandidateShare(models.Model):
    """The candidate's record is shared with a partner structure, for a reason."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="shares")
    structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.CASCADE,
        related_name="candidate_shares",
        verbose_name=_("structure"),
    )
    reason = models.CharField(_("motif du partage"), max_length=255)
    can_edit = models.BooleanField(_("peut modifier"), default=False)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partage")
        verbose_name_plural = _("partages")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "structure"], name="unique_share"),
        ]

    def __str__(self):
        return f"{self.candidate_id} → {self.structure_id}"


class OfferMatch(models.Model):
    """An offer proposed to a candidate, and what came of it."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="matches")
    offer = models.ForeignKey(
        "portal.OfferPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("offre")
    )
    status = models.CharField(
        _("suite donnée"),
        max_length=10,
        choices=MatchStatus.choices,
        default=MatchStatus.PROPOSED,
    )
    note = models.CharField(_("remarque"), max_length=255, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("offre proposée")
        verbose_name_plural = _("offres proposées")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "offer"], name="unique_offer_match"),
        ]

    def __str__(self):
        return f"{self.candidate_id} → {self.offer_id} ({self.status})"


class SavedCandidateFilter(models.Model):
    """A named candidate-list query a member comes back to ("mes nouveaux", "reprises 23")."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_candidate_filters"
    )
    name = models.CharField(_("nom"), max_length=80)
    query = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("filtre enregistré")
        verbose_name_plural = _("filtres enregistrés")
        ordering = ["name"]

    def __str__(self):
        return self.name
