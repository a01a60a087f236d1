"""« Facile à lire et à comprendre » (FALC): the writing guidance and a simple readability
check, the same server-side (here, unit-tested) and in the editor's browser
(`static/js/easy-read.js`, fed by the widget's data attributes).

The check is deliberately simple, in the spirit of the FALC rules: short sentences (about
15 words at most), one idea per line, no jargon and no acronyms left unexplained.
"""

import re
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_WORDS = 15
# Words an easy-to-read text avoids (administrative jargon), lower case, accents kept.
JARGON = (
    "bénéficiaire",
    "dispositif",
    "modalités",
    "éligible",
    "éligibilité",
    "prestation",
    "instruction",
    "orientation",
    "accompagnement global",
    "pièce justificative",
    "ressources",
    "partenariat",
)
ACRONYM = re.compile(r"\b[A-ZÀ-Ý]{2,}s?\b")
WORD = re.compile(r"[\wÀ-ÿ]+(?:['’-][\wÀ-ÿ]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")

EASY_READ_GUIDANCE = _(
    "Facile à lire et à comprendre : des phrases courtes (15 mots au plus), une idée par "
    "ligne, des mots de tous les jours. Évitez le jargon (dispositif, modalités, "
    "bénéficiaire, éligible…) et les sigles (CAF, RSA, CCAS…), ou expliquez-les. "
    "Ce résumé s'affiche en premier sur la fiche."
)


@dataclass
class Readability:
    sentences: int = 0
    words: int = 0
    longest: int = 0
    long_sentences: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    jargon: list[str] = field(default_factory=list)

    @property
    def average(self):
        return round(self.words / self.sentences, 1) if self.sentences else 0

    @property
    def is_easy(self):
        """No sentence over the limit, no acronym, no jargon."""
        return not (self.long_sentences or self.acronyms or self.jargon)


def sentences_of(text):
    """The sentences of `text`: split at . ! ? … and at line ends."""
    return [part.strip() for part in SENTENCE_END.split(text or "") if WORD.search(part)]


def check(text, max_words=MAX_WORDS):
    """The readability figures of `text`: words per sentence, the longest sentence, the
    sentences over the limit, acronyms (in order of appearance, once each) and jargon."""
    result = Readability()
    for sentence in sentences_of(text):
        count = len(WORD.findall(sentence))
        result.sentences += 1
        result.words += count
        result.longest = max(result.longest, count)
        if count > max_words:
            result.long_sentences.append(sentence)
    result.acronyms = list(dict.fromkeys(ACRONYM.findall(text or "")))
    lowered = (text or "").lower()
    result.jargon = [word for word in JARGON if re.search(rf"\b{re.escape(word)}", lowered)]
    return result


class EasyReadTextarea(forms.Textarea):
    """A textarea with the live readability indicator (`static/js/easy-read.js`): the
    script reads the limit and the jargon list from data attributes, no inline script."""

    def __init__(self, attrs=None):
        defaults = {
            "rows": 6,
            "data-easy-read": "",
            "data-max-words": str(MAX_WORDS),
            "data-jargon": "|".join(JARGON),
        }
        super().__init__({**defaults, **(attrs or {})})

    @property
    def media(self):
        return forms.Media(js=["js/easy-read.js"], css={"all": ["css/easy-read-editor.css"]})
