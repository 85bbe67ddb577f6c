"""``per_gazetteer``: what a module builds from the grammar, once per gazetteer and never for
another."""

from __future__ import annotations

import copy

from vbparse.extract.agencies.gazetteer import load_gazetteer, per_gazetteer
from vbparse.extract.agencies.group_grammar import group_tries


def test_per_gazetteer_builds_once_and_only_for_that_gazetteer():
    calls = []

    @per_gazetteer
    def entry_count(gazetteer):
        calls.append(gazetteer)
        return len(gazetteer.entries)

    gazetteer = load_gazetteer()
    assert entry_count(gazetteer) == entry_count(gazetteer) == len(gazetteer.entries)
    assert len(calls) == 1
    other = copy.copy(gazetteer)
    entry_count(other)
    assert calls == [gazetteer, other]


def test_per_gazetteer_serves_the_group_grammar_tries_once():
    gazetteer = load_gazetteer()
    assert group_tries(gazetteer) is group_tries(gazetteer)
