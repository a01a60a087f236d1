"""Cutting the booklet into parts laid out side by side (repertoire.paper.booklet.plan_parts) and
the worker processes that lay them out (repertoire.paper.typesetting)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repertoire.paper.booklet import Section, plan_parts
from repertoire.paper.typesetting import TypesettingError, lay_out_all

sizes = st.lists(st.integers(min_value=1, max_value=40), max_size=12)


def sections_of(counts):
    fiches = iter(range(sum(counts)))
    return [
        Section(f"thème {n}", [next(fiches) for _ in range(count)])
        for n, count in enumerate(counts)
    ]


@given(counts=sizes, parts=st.integers(min_value=1, max_value=4))
def test_parts_keep_every_fiche_once_in_order_and_balanced(counts, parts):
    planned = plan_parts(sections_of(counts), parts)
    fiches = [fiche for part in planned for section in part for fiche in section.structures]
    assert fiches == list(range(sum(counts)))
    assert len(planned) <= parts
    per_part = [sum(len(section.structures) for section in part) for part in planned]
    assert max(per_part, default=0) - min(per_part, default=0) <= -(-sum(counts) // parts)


def test_a_theme_cut_in_two_goes_on_in_the_next_part():
    first, second = plan_parts(sections_of([3, 5]), 2)
    assert [(s.theme, len(s.structures), s.continued) for s in first] == [
        ("thème 0", 3, False),
        ("thème 1", 1, False),
    ]
    assert [(s.theme, len(s.structures), s.continued) for s in second] == [("thème 1", 4, True)]


def test_a_failing_worker_says_why(tmp_path):
    html = "<html><body><p>Bonjour</p></body></html>"
    with pytest.raises(TypesettingError, match="introuvable.css"):
        lay_out_all([html, html], [str(tmp_path / "introuvable.css")], workers=2)
