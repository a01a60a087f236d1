from django import forms
from django.utils.translation import gettext_lazy as _


class SubjectRequestForm(forms.Form):
    """A person's request about their data, as the regional admin records it."""

    EXPORT = "export"
    ERASE = "erase"

    email = forms.EmailField(label=_("Adresse e-mail de la personne"))
    action = forms.ChoiceField(
        label=_("Demande"),
        choices=[
            (EXPORT, _("Accès : télécharger ses données (ZIP)")),
            (ERASE, _("Effacement : anonymiser toutes ses données")),
        ],
        widget=forms.RadioSelect,
        initial=EXPORT,
    )
    confirm = forms.BooleanField(
        label=_("Je confirme l'effacement : il est définitif."),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == self.ERASE and not cleaned.get("confirm"):
            self.add_error("confirm", _("Cochez la case pour confirmer l'effacement."))
        return cleaned
