"""What higher apps plug into the répertoire, from their `AppConfig.ready()`: the répertoire
imports none of them (dependency rule), it only calls what was registered here.

- Fiche keepers: `source(structure)` returns the e-mail addresses of who looks after a
  structure's fiche; the reminders of a stale fiche go to them. The répertoire does not know
  who belongs to a structure: the extranet registers its structures' managers. Without any
  source, nobody is reminded.
- Fiche sections: templates included at the foot of a public fiche (the extranet's
  "Orienter une personne ici", shown to network members).
"""

_keeper_sources = []
_fiche_sections = []


def register_keepers(source):
    """Add `source(structure) -> iterable of e-mails`; registering twice is harmless."""
    if source not in _keeper_sources:
        _keeper_sources.append(source)
    return source


def keeper_emails(structure):
    """Every address the sources give for `structure`, once each, sorted."""
    return sorted({email for source in _keeper_sources for email in source(structure) if email})


def register_fiche_section(template_name):
    """Include `template_name` at the foot of every public fiche (in registration order)."""
    if template_name not in _fiche_sections:
        _fiche_sections.append(template_name)


def fiche_sections():
    return tuple(_fiche_sections)
