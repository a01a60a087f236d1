"""The répertoire's part of the demo territory, built by `manage.py seed_demo`.

- `structures`: the named structures the demo poles and accounts belong to
  (`seed_structures`, their slugs as constants);
- `fiches`: 20 more fiches with services, and the public `RepertoirePage`
  (`seed_repertoire_demo`, `ensure_repertoire_page`);
- `permanences`: where those fiches and three network structures hold permanences.
"""
