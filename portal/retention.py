"""The retention rules of `settings.PASSERELLES_RETENTION`, read one way by everyone.

The privacy page prints them (`portal.blocks.RetentionBlock`) and `manage.py
apply_retention` applies them (`extranet.privacy.retention`): both read this module, so
what the page promises is what the job does. It sits in `portal` because the page lives
here and every app may import it.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

ACTIONS = {
    "anonymise": _("anonymisé"),
    "delete": _("supprimé"),
}


@dataclass(frozen=True)
class RetentionRule:
    kind: str
    label: str
    start: str
    action: str
    months: int = 0
    days: int = 0
    warn: str = ""
    warn_days: int = 0

    @property
    def duration_label(self):
        if self.days:
            return ngettext_lazy("%(n)d jour", "%(n)d jours", self.days) % {"n": self.days}
        if self.months % 12 == 0:
            years = self.months // 12
            return ngettext_lazy("%(n)d an", "%(n)d ans", years) % {"n": years}
        return ngettext_lazy("%(n)d mois", "%(n)d mois", self.months) % {"n": self.months}

    @property
    def action_label(self):
        return ACTIONS[self.action]

    @property
    def warning_label(self):
        if not self.warn:
            return ""
        return format_lazy(
            _("{who} est prévenu·e par e-mail {days} jours avant"),
            who=self.warn,
            days=self.warn_days,
        )

    def expiry_cutoff(self, today):
        """Records whose start event is before this date are due today."""
        if self.days:
            return today - datetime.timedelta(days=self.days)
        return months_before(today, self.months)

    def warning_cutoff(self, today):
        """Records whose start event is before this date are due within `warn_days`."""
        return self.expiry_cutoff(today + datetime.timedelta(days=self.warn_days))

    def due_on(self, start):
        """The day a record whose start event happened on `start` is due."""
        if self.days:
            return start + datetime.timedelta(days=self.days)
        return months_before(start, -self.months)


def months_before(day, months):
    """`day` moved back by `months` (forward when negative); the 31st becomes the month's
    last day."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def rules():
    return [
        RetentionRule(kind=kind, **spec) for kind, spec in settings.PASSERELLES_RETENTION.items()
    ]


def rule(kind):
    return RetentionRule(kind=kind, **settings.PASSERELLES_RETENTION[kind])
