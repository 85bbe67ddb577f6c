"""A known body's regional unit or branch written right after its name ("Ngân hàng Nhà nước khu
vực X", "Ngân hàng Nhà nước - Chi nhánh tỉnh Quảng Ngãi"): a unit of its own, named as written
(``named_bodies.yaml``: ``regional_units``, ``branches``, ``branch_place_words``)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from vbparse.extract.agencies.gazetteer import Gazetteer, per_gazetteer
from vbparse.extract.agencies.keys import Trie, fold_phrase, phrase_trie
from vbparse.extract.agencies.named_bodies import NamedBody, named_as_written
from vbparse.extract.agencies.tokens import Tokens

__all__ = ["NUMERAL", "unit_of_known_body"]


@dataclass(frozen=True)
class _UnitTries:
    regional: Trie
    branches: Trie
    branch_place_words: frozenset[str]


@per_gazetteer
def _tries(gazetteer: Gazetteer) -> _UnitTries:
    grammar = gazetteer.named_bodies
    return _UnitTries(
        phrase_trie(grammar.regional_units),
        phrase_trie(grammar.branches),
        frozenset(k for w in grammar.branch_place_words for k in fold_phrase(w)),
    )


# A unit's number: a Roman numeral or up to three digits ("khu vực XIII", "Phường II").
NUMERAL = regex.compile(r"[IVXLC]+|\d{1,3}")
# A branch is named by its place: a few capitalised words, "tỉnh"/"thành phố" among them.
_MAX_BRANCH_WORDS = 5


def unit_of_known_body(
    gazetteer: Gazetteer, tokens: Tokens, first: int, last: int
) -> NamedBody | None:
    """A known body's regional unit or branch written right after its name (tokens
    ``first``..``last``): "Ngân hàng Nhà nước khu vực X", "Ngân hàng Nhà nước - Chi nhánh tỉnh
    Quảng Ngãi". None when no such words follow."""
    tries = _tries(gazetteer)
    keys = tokens.keys
    regional = tries.regional.longest(keys, last)
    if regional and regional[0] < len(keys) and NUMERAL.fullmatch(tokens.word(regional[0])):
        return named_as_written(tokens, first, regional[0] + 1, "unit")
    at = last + 1 if last < len(keys) and keys[last] == "-" else last
    branch = tries.branches.longest(keys, at)
    if branch is None:
        return None
    # a branch of a region ("Ngân hàng Nhà nước chi nhánh khu vực 14", kế hoạch 157/KH-UBND
    # Thành phố Hồ Chí Minh, real)
    region = tries.regional.longest(keys, branch[0])
    if region and region[0] < len(keys) and NUMERAL.fullmatch(tokens.word(region[0])):
        return named_as_written(tokens, first, region[0] + 1, "unit")
    j = branch[0]
    while j < len(keys) and j - branch[0] < _MAX_BRANCH_WORDS:
        word = tokens.word(j)
        if not (word[:1].isupper() or keys[j] in tries.branch_place_words):
            break
        if "\n" in tokens.gap(j):
            break
        j += 1
    return named_as_written(tokens, first, j, "unit") if j > branch[0] else None
