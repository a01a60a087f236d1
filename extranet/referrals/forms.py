import uuid
from datetime import datetime, time

from data_inclusion.schema import v1 as di
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from extranet.models import Candidate, Referral
from extranet.referrals import files
from extranet.referrals.enums import DeclineReason, ReferralStatus
from extranet.referrals.perms import sender_structures
from portal.places import CommuneField
from repertoire.enums import schema_choices
from repertoire.models import Service, Structure


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files, each checked by content and size: cleans to [(upload, mime, name)]."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if self.required and not uploads:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(uploads) > settings.REFERRAL_ATTACHMENTS_PER_UPLOAD:
            raise ValidationError(
                _("Joignez au plus %(n)s documents à la fois."),
                params={"n": settings.REFERRAL_ATTACHMENTS_PER_UPLOAD},
            )
        errors, cleaned = [], []
        for upload in uploads:
            try:
                mime, name = files.check_upload(upload)
            except ValidationError as error:
                errors.extend(error.messages)
                continue
            cleaned.append((upload, mime, name))
        if errors:
            raise ValidationError(errors)
        return cleaned


def attachments_help():
    return _("PDF, PNG ou JPEG, %(mb)s Mo au plus par fichier.") % {
        "mb": settings.REFERRAL_ATTACHMENT_MAX_BYTES // (1024 * 1024)
    }


class ReferralForm(forms.ModelForm):
    """The fiche de liaison, as a partner fills it in (on a phone too)."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    candidate_reference = forms.CharField(widget=forms.HiddenInput, required=False)
    sender_structure = forms.ModelChoiceField(
        label=_("Envoyée au nom de"), queryset=Structure.objects.none(), empty_label=None
    )
    target_structure = forms.ModelChoiceField(
        label=_("Structure destinataire"),
        queryset=Structure.objects.published().order_by("name"),
        error_messages={"required": _("Choisissez la structure à qui adresser la personne.")},
    )
    target_service = forms.ModelChoiceField(
        label=_("Service (facultatif)"), queryset=Service.objects.all(), required=False
    )
    commune = CommuneField(label=_("Commune où vit la personne"), required=False)
    consent = forms.BooleanField(
        label=_("La personne est d'accord pour que ces informations soient transmises."),
        error_messages={
            "required": _(
                "Cochez l'accord de la personne : sans son accord, la fiche ne peut pas être "
                "envoyée."
            )
        },
    )
    consent_date = forms.DateField(
        label=_("Accord donné le"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Indiquez la date de l'accord.")},
    )
    thematiques = forms.MultipleChoiceField(
        label=_("Difficultés, par thème"),
        choices=schema_choices(di.Thematique),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    attachments = AttachmentsField(label=_("Documents joints (facultatif)"))

    class Meta:
        model = Referral
        fields = [
            "person_first_name",
            "person_last_name",
            "person_phone",
            "person_email",
            "person_reach",
            "consent_method",
            "subject",
            "urgency",
            "message",
        ]
        widgets = {
            "person_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "message": forms.Textarea(attrs={"rows": 4}),
            "urgency": forms.RadioSelect,
        }
        error_messages = {
            "person_first_name": {"required": _("Indiquez le prénom de la personne.")},
            "person_last_name": {"required": _("Indiquez le nom de la personne.")},
            "consent_method": {"required": _("Précisez comment la personne a donné son accord.")},
            "subject": {"required": _("Dites en une ligne ce que la personne demande.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["sender_structure"].queryset = sender_structures(user).order_by("name")
        self.fields["attachments"].help_text = attachments_help()
        self.fields["consent_method"].choices = self.fields["consent_method"].choices[1:]
        self.fields["consent_method"].widget = forms.RadioSelect(
            choices=self.fields["consent_method"].choices
        )
        self.initial.setdefault("submission_key", uuid.uuid4())
        self.initial.setdefault("consent_date", timezone.localdate())

    def clean_consent_date(self):
        value = self.cleaned_data["consent_date"]
        if value > timezone.localdate():
            raise ValidationError(_("La date de l'accord ne peut pas être dans le futur."))
        return value

    def clean(self):
        data = super().clean()
        service, structure = data.get("target_service"), data.get("target_structure")
        if service and structure and service.structure_id != structure.pk:
            self.add_error("target_service", _("Ce service n'appartient pas à cette structure."))
        if (
            not data.get("person_phone")
            and not data.get("person_email")
            and not data.get("person_reach")
        ):
            self.add_error(
                "person_phone",
                _("Indiquez au moins un moyen de joindre la personne (téléphone, e-mail…)."),
            )
        return data

    def build(self):
        """The unsaved referral (the service saves it, with its attachments)."""
        referral = self.save(commit=False)
        data = self.cleaned_data
        referral.submission_key = data["submission_key"]
        referral.sender_structure = data["sender_structure"]
        referral.target_structure = data["target_structure"]
        referral.target_service = data.get("target_service")
        referral.person_commune = data.get("commune")
        referral.candidate = self._candidate(data.get("candidate_reference"))
        referral.thematiques = data.get("thematiques") or []
        consent_day = data["consent_date"]
        if consent_day == timezone.localdate():
            referral.consent_at = timezone.now()
        else:
            referral.consent_at = timezone.make_aware(datetime.combine(consent_day, time(12)))
        return referral

    def _candidate(self, reference):
        if not reference:
            return None
        return Candidate.objects.visible_to(self.user).filter(reference=reference).first()


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nouvel état"),
        choices=ReferralStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez le nouvel état.")},
    )
    decline_reason = forms.ChoiceField(
        label=_("Motif du refus"),
        choices=[("", _("— choisir —")), *DeclineReason.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Précisions (facultatif)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == ReferralStatus.DECLINED:
            if not data.get("decline_reason"):
                self.add_error("decline_reason", _("Choisissez le motif du refus."))
            elif data["decline_reason"] == DeclineReason.OTHER and not data.get("note"):
                self.add_error("note", _("Précisez le motif du refus."))
        return data


class RedirectForm(forms.Form):
    target_structure = forms.ModelChoiceField(
        label=_("Réorienter vers"),
        queryset=Structure.objects.published().order_by("name"),
        error_messages={"required": _("Choisissez la structure vers qui réorienter.")},
    )
    note = forms.CharField(
        label=_("Pourquoi cette structure ?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Expliquez en une phrase pourquoi vous réorientez.")},
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": _("Écrivez votre message avant d'envoyer.")},
    )


class AttachForm(forms.Form):
    attachments = AttachmentsField(label=_("Ajouter des documents"), required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = attachments_help()
        self.fields["attachments"].error_messages["required"] = _("Choisissez un fichier.")
