"""The English catalogue covers the public portal: every string a public template or public
module marks for translation has an English translation, none fuzzy or empty, with the same
placeholders. Runs without GNU gettext (Django's templatize + Python's tokenizer, polib)."""

import ast
import io
import re
import tokenize
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale/en/LC_MESSAGES/django.po"
# What a visitor of the public portal (French at "/", English under "/en/") can read, and
# the fiche parcours handed to a person in their language.
PUBLIC = re.compile(
    r"^(templates/(403|404|500)\.html|templates/(components|layouts|portal|repertoire|search)/"
    r"|templates/extranet/intake/|templates/extranet/emails/intake_confirmation|extranet/intake/|extranet/enums\.py|extranet/thematiques\.py"
    r"|portal/|repertoire/|search/"
    r"|templates/cartemploi/(base|index|_card_item|card_detail|_contact_steps|observatory|includes/event_companies"
    r"|_chart_table|_top_table|_cell)\.html"
    r"|cartemploi/(enums|filters|contact_steps|clustering|observatory)\.py|cartemploi/views/public\.py"
    r"|templates/extranet/pathways/(pathway_pdf|pathway_pdf_easy|includes/contact_card)\.html"
    r"|templates/extranet/emails/pathway\.|extranet/pathways/paper\.py)"
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
GETTEXT = {"gettext": 1, "pgettext": 2, "ngettext": 2, "npgettext": 3}


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


def _public_templates():
    return sorted(
        path
        for path in (ROOT / "templates").rglob("*.html")
        if PUBLIC.match(path.relative_to(ROOT).as_posix())
    )


def _marked_strings(template):
    """(msgctxt, msgid) of every string the template marks for translation."""
    code = templatize(template.read_text(), origin=str(template))
    # Only the gettext calls matter: indentation of the masked HTML would trip the tokenizer.
    code = "\n".join(line.lstrip() for line in code.splitlines())
    tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    found = set()
    for index, token in enumerate(tokens):
        if token.type != tokenize.NAME or token.string not in GETTEXT:
            continue
        strings = []
        for following in tokens[index + 2 :]:
            if following.type == tokenize.STRING:
                strings.append(ast.literal_eval(following.string))
            elif following.string == ")":
                break
        context = strings.pop(0) if token.string.startswith("p") else None
        found.add((context, strings[0]))
    return found


def _catalogue_keys(catalogue):
    return {(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete}


def test_every_string_of_a_public_template_is_in_the_catalogue(catalogue):
    known = _catalogue_keys(catalogue)
    missing = {
        f"{template.relative_to(ROOT)}: {msgid!r}"
        for template in _public_templates()
        for context, msgid in _marked_strings(template)
        if (context, msgid) not in known
    }
    assert not missing, "Absent du catalogue anglais (make messages) :\n" + "\n".join(
        sorted(missing)
    )


def _public_entries(catalogue):
    return [
        entry
        for entry in catalogue
        if not entry.obsolete and any(PUBLIC.match(path) for path, _line in entry.occurrences)
    ]


def test_public_entries_are_translated_and_not_fuzzy(catalogue):
    entries = _public_entries(catalogue)
    assert len(entries) > 500
    untranslated = [e.msgid for e in entries if not e.translated() or "fuzzy" in e.flags]
    assert not untranslated, (
        f"{len(untranslated)} chaînes publiques sans traduction : {untranslated[:10]}"
    )


def test_translations_keep_the_placeholders(catalogue):
    wrong = []
    for entry in _public_entries(catalogue):
        pairs = [(entry.msgid, entry.msgstr)]
        if entry.msgid_plural:
            pairs = [
                (entry.msgid, entry.msgstr_plural[0]),
                (entry.msgid_plural, entry.msgstr_plural[1]),
            ]
        for source, translation in pairs:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
                wrong.append(f"{source!r} → {translation!r}")
    assert not wrong, "\n".join(wrong)


def test_the_extractor_sees_plain_block_and_contextual_strings(tmp_path):
    template = tmp_path / "t.html"
    template.write_text(
        '{% load i18n %}{% translate "Bonjour" %}{% translate "Mai" context "mois" %}'
        "{% blocktranslate count counter=n %}{{ counter }} offre{% plural %}{{ counter }} offres"
        "{% endblocktranslate %}"
    )
    assert _marked_strings(template) == {
        (None, "Bonjour"),
        ("mois", "Mai"),
        (None, "%(counter)s offre"),
    }
