"""French text normalisation shared by indexing, querying and highlighting.

The database backend on SQLite has no French analyzer, so both sides of the match go
through `terms()`: lower case, accents removed, elisions dropped (l', d', qu'…), stop
words dropped, and a light stemmer (plural and feminine endings) in the spirit of
Savoy's light French stemmer that Lucene and Elasticsearch ship as `light_french`.
"""

import re
import unicodedata
from functools import lru_cache

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_STOP_WORDS = """
    a au aux avec ce ces cet cette d dans de des du elle en et il ils je la le les leur leurs
    lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses
    son sur ta te tes toi ton tu un une vos votre vous y
    c j l m n s t jusqu lorsqu puisqu quoiqu
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
MAX_TERMS = 32


def fold(text):
    """Lower case without diacritics: "Crèche Œuvre" → "creche oeuvre"."""
    if text.isascii():
        return text.lower()
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def stem(word):
    """Light French stemming: plurals, feminine endings, doubled final consonants."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("eaux"):
        word = word[:-1]
    elif word.endswith("aux") and len(word) > 4:
        word = word[:-3] + "al"
    elif word.endswith(("s", "x")) and not word.endswith("ss"):
        word = word[:-1]
    for _ in range(2):
        if len(word) > 4 and word.endswith("e"):
            word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] in "lnt":
        word = word[:-1]
    return word


def words(text):
    """Folded words of a text, in order. An apostrophe splits a word, so the elided
    article of "l'enfant" comes out as the stop word "l"."""
    return WORD_RE.findall(fold(text or ""))


def terms(text, limit=None):
    """The searchable terms of a text: folded, stop words out, stemmed."""
    found = [stem(w) for w in words(text) if w not in STOP_WORDS]
    return found[:limit] if limit else found


def query_terms(text):
    """Distinct terms of a user query, at most MAX_TERMS, safe for any FTS syntax."""
    seen = []
    for term in terms(text):
        if term not in seen:
            seen.append(term)
    return seen[:MAX_TERMS]


def query_words(text):
    """The words of a query, folded, stop words out, *not* stemmed: for engines (PostgreSQL)
    that stem with their own analyzer."""
    seen = []
    for word in words(text):
        if word not in STOP_WORDS and word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]
