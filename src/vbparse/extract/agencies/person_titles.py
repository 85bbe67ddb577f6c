"""Person titles before an agency (``titles.yaml``: "Chủ tịch", "Thủ trưởng", "Cục trưởng"),
indexed by their first and by their last word for the matchers that look for them."""

from __future__ import annotations

from vbparse.extract.agencies.gazetteer import Gazetteer

_ByLast = dict[str, list[tuple[tuple[str, ...], str]]]
_ByFirst = dict[str, list[tuple[str, ...]]]
# Kept with the gazetteer itself, so that another gazetteer at the same id is never served.
_TITLES_BY_LAST: dict[int, tuple[Gazetteer, _ByLast]] = {}
_TITLES_BY_FIRST: dict[int, tuple[Gazetteer, _ByFirst]] = {}


def titles_ending_with(gazetteer: Gazetteer) -> _ByLast:
    """The person titles by their last word, each list longest first as in the gazetteer: a
    title before a mention ends with the word before it, so only those are compared (one
    tuple per title and mention was most of absorbing titles)."""
    cached = _TITLES_BY_LAST.get(id(gazetteer))
    if cached is not None and cached[0] is gazetteer:
        return cached[1]
    by_last: _ByLast = {}
    for title, title_role in gazetteer.titles:
        by_last.setdefault(title[-1], []).append((title, title_role))
    _TITLES_BY_LAST[id(gazetteer)] = (gazetteer, by_last)
    return by_last


def titles_by_first(gazetteer: Gazetteer) -> _ByFirst:
    """The person titles by their first word, longest first."""
    cached = _TITLES_BY_FIRST.get(id(gazetteer))
    if cached is not None and cached[0] is gazetteer:
        return cached[1]
    by_first: _ByFirst = {}
    for title, _ in gazetteer.titles:
        by_first.setdefault(title[0], []).append(title)
    _TITLES_BY_FIRST[id(gazetteer)] = (gazetteer, by_first)
    return by_first


def title_at(gazetteer: Gazetteer, keys: list[str], j: int) -> bool:
    """Whether a person's title, followed by what it may open, starts at token ``j``."""
    for title in titles_by_first(gazetteer).get(keys[j], ()):
        end = j + len(title)
        if end < len(keys) and tuple(keys[j:end]) == title:
            opens = gazetteer.title_openings.get(title)
            if opens is None or keys[end] in opens:
                return True
    return False
