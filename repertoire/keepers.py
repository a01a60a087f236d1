"""Who looks after a structure's fiche: the reminders of a stale fiche go to them.

The répertoire does not know who belongs to a structure. The app that does (the extranet)
registers a source at start-up: `source(structure)` returns e-mail addresses. Without any
source, nobody is reminded.
"""

_sources = []


def register(source):
    """Add `source(structure) -> iterable of e-mails`; registering twice is harmless."""
    if source not in _sources:
        _sources.append(source)
    return source


def emails_of(structure):
    """Every address the sources give for `structure`, once each, sorted."""
    return sorted({email for source in _sources for email in source(structure) if email})
