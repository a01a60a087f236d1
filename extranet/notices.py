"""Short French notices of the network's life (join requests, shared documents), written to
the outbox with one template: a greeting, a few lines, a link to the extranet page."""

from django.contrib.auth import get_user_model

from extranet.roles import EDITOR_GROUPS, REGIONAL_ADMIN_GROUP
from portal.mail import outbox
from portal.public_url import public_url


def notify(users, *, subject, lines, path="", link_label="", kind):
    """One message per person of `users` (named in the greeting when one person)."""
    users = [user for user in users if user.email]
    for user in users:
        outbox.enqueue(
            to=[user.email],
            subject=subject,
            template="extranet/emails/network_notice",
            context={
                "subject": subject,
                "name": user.first_name,
                "lines": lines,
                "url": public_url(path) if path else "",
                "url_label": link_label,
            },
            kind=kind,
        )


def people_of_groups(*names):
    return get_user_model().objects.filter(groups__name__in=names, is_active=True).distinct()


def regional_admins():
    return people_of_groups(REGIONAL_ADMIN_GROUP)


def editors():
    """The network's editors; the regional admin when the site has none."""
    found = list(people_of_groups(*EDITOR_GROUPS))
    return found or list(regional_admins())
