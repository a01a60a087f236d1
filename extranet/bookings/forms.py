from django import forms
from django.utils.translation import gettext_lazy as _


class DecisionForm(forms.Form):
    ACCEPT, DECLINE = "accept", "decline"
    action = forms.ChoiceField(
        choices=[(ACCEPT, _("Accepter")), (DECLINE, _("Refuser"))], widget=forms.HiddenInput
    )
    reason = forms.CharField(
        label=_("Motif du refus (envoyé à la personne)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == self.DECLINE and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Indiquez le motif du refus à la personne."))
        return data
