from django import forms
from django.utils.translation import gettext_lazy as _

from portal.enums import AccountKind

SIGNUP_KINDS = [
    (AccountKind.PERSON, _("Un particulier")),
    (AccountKind.YOUTH, _("Un·e jeune de 16 à 25 ans (Cartemploi)")),
    (AccountKind.COMPANY, _("Une entreprise (Cartemploi)")),
]


class SignupForm(forms.Form):
    """Extra fields of allauth's sign-up form (allauth adds e-mail and passwords)."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    kind = forms.ChoiceField(
        label=_("Vous êtes"),
        choices=SIGNUP_KINDS,
        initial=AccountKind.PERSON,
        widget=forms.RadioSelect,
    )
    field_order = ["first_name", "last_name", "email", "kind", "password1", "password2"]

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.kind = self.cleaned_data["kind"]
        user.save(update_fields=["first_name", "last_name", "kind"])
