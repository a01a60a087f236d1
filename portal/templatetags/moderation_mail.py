"""Template filters of the moderation e-mails (templates/wagtailadmin/notifications/)."""

from django import template

register = template.Library()


@register.filter
def can_open_admin(user):
    """Whether a link into the Wagtail admin leads `user` somewhere (partners who proposed
    a page from the extranet cannot open the admin: their e-mail must not send them there)."""
    return bool(user) and user.has_perm("wagtailadmin.access_admin")


@register.filter
def kind_label(obj):
    """What the object is, in words ("offre", "page standard"): Wagtail's e-mails name
    every page a "page", whatever its type."""
    return obj._meta.verbose_name
