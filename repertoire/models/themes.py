from data_inclusion.schema import v1 as di
from django.core.cache import cache
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from repertoire.enums import schema_choices
from repertoire.fields import MultipleChoiceListField


class ThemeQuerySet(models.QuerySet):
    def for_thematique(self, thematique):
        """Themes whose mapping covers a data·inclusion thématique (or its category)."""
        category = thematique.split("--", 1)[0]
        return [
            theme
            for theme in self
            if thematique in theme.di_thematiques or category in theme.di_categories
        ]


THEMES_CACHE_KEY = "repertoire:themes"


def cached_themes():
    """The tabs, read on every répertoire page: cached, cleared when a theme changes."""
    themes = cache.get(THEMES_CACHE_KEY)
    if themes is None:
        themes = list(Theme.objects.all())
        cache.set(THEMES_CACHE_KEY, themes, 3600)
    return themes


def forget_cached_themes(**kwargs):
    cache.delete(THEMES_CACHE_KEY)


class Theme(models.Model):
    """A tab of the répertoire (garde d'enfants, santé…), mapped to data·inclusion."""

    name = models.CharField(_("nom"), max_length=80)
    name_en = models.CharField(
        _("nom en anglais"),
        max_length=80,
        blank=True,
        help_text=_("Affiché sur le portail en anglais ; à défaut, le nom français."),
    )
    slug = models.SlugField(_("identifiant d'URL"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    di_categories = MultipleChoiceListField(
        _("catégories data·inclusion"),
        choices_list=schema_choices(di.Categorie),
        help_text=_("Toutes les thématiques de ces catégories relèvent de ce thème."),
    )
    di_thematiques = MultipleChoiceListField(
        _("thématiques data·inclusion"),
        choices_list=schema_choices(di.Thematique),
        help_text=_("Thématiques précises, en plus des catégories."),
    )

    objects = ThemeQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("order"),
        FieldPanel("di_categories"),
        FieldPanel("di_thematiques"),
    ]

    class Meta:
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name in the interface language (English when given, else French)."""
        if self.name_en and translation.get_language() == "en":
            return self.name_en
        return self.name

    @property
    def label_lang(self):
        """ "fr" when the French name stands in an English interface, else ""."""
        english = translation.get_language() == "en"
        return "fr" if english and not self.name_en else ""

    def covers(self, thematique):
        category = thematique.split("--", 1)[0]
        return thematique in self.di_thematiques or category in self.di_categories

    def export_thematiques(self):
        """The thématiques a structure of this theme is exported with."""
        if self.di_thematiques:
            return list(self.di_thematiques)
        return [t.value for t in di.Thematique if t.value.split("--")[0] in self.di_categories]
