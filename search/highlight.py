"""Highlighted snippets, computed in Python so every backend marks the same words."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.text import STOP_WORDS, fold, stem

TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)


def _matches(word, wanted):
    folded = fold(word)
    return folded not in STOP_WORDS and stem(folded) in wanted


def _window(text, spans, size):
    """A window of about `size` characters around the first matched span."""
    if len(text) <= size:
        return 0, len(text)
    first = spans[0][0] if spans else 0
    start = max(0, first - size // 3)
    # Start on a word boundary so the snippet never opens mid-word.
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    return start, min(len(text), start + size)


def highlight(text, query_terms, size=220):
    """Escaped `text` (cut to a snippet of about `size` chars) with matches in <mark>."""
    text = " ".join((text or "").split())
    wanted = set(query_terms)
    spans = [m.span() for m in TOKEN_RE.finditer(text) if wanted and _matches(m.group(), wanted)]
    start, end = _window(text, spans, size)
    parts, cursor = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        parts.append(escape(text[cursor:s]))
        parts.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    parts.append(escape(text[cursor:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)


def best_highlight(title, text, query_terms, size=220):
    """The text's snippet when it holds a match, else the title's."""
    snippet = highlight(text, query_terms, size)
    if "<mark>" in snippet or not query_terms or "<mark>" not in highlight(title, query_terms):
        return snippet
    return highlight(title, query_terms, size)
