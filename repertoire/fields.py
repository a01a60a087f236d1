"""A JSON list of choices: data·inclusion multi-valued codes, stored portably (SQLite/PG)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _


class MultipleChoiceListField(models.JSONField):
    """Stores a list of codes; forms show checkboxes (or a multi-select for long lists)."""

    def __init__(self, *args, choices_list=None, **kwargs):
        self.choices_list = list(choices_list or [])
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # Choices come from the package at run time; keeping them out of migrations
        # means a schema upgrade does not need a migration.
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        widget = (
            forms.CheckboxSelectMultiple if len(self.choices_list) <= 20 else forms.SelectMultiple
        )
        defaults = {
            "choices": self.choices_list,
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
            "widget": widget,
        }
        defaults.update({k: v for k, v in kwargs.items() if k in ("label", "help_text")})
        return forms.TypedMultipleChoiceField(**defaults)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {code for code, _label in self.choices_list}
        unknown = [code for code in value or [] if code not in allowed]
        if unknown:
            raise ValidationError(
                _("Valeur inconnue : %s") % ", ".join(map(str, unknown)), code="invalid_choice"
            )
