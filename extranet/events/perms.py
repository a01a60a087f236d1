from repertoire.models import Structure


def organiser_structures(user):
    """Structures `user` may organise events for: those of their active memberships."""
    if not user.is_authenticated:
        return Structure.objects.none()
    return Structure.objects.filter(memberships__user=user, memberships__is_active=True).distinct()


def can_organise_events(user):
    """A member of at least one structure of the network organises its events."""
    return organiser_structures(user).exists()
