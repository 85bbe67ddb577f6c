"""Person titles before an agency (``titles.yaml``: "Chủ tịch", "Thủ trưởng", "Cục trưởng"),
indexed by their first and by their last word for the matchers that look for them."""

from __future__ import annotations

from dataclasses import dataclass

from vbparse.extract.agencies.gazetteer import Gazetteer, per_gazetteer


@dataclass(frozen=True)
class _TitleIndex:
    by_first: dict[str, list[tuple[str, ...]]]
    by_last: dict[str, list[tuple[tuple[str, ...], str]]]


@per_gazetteer
def _index(gazetteer: Gazetteer) -> _TitleIndex:
    """The titles by their first and by their last word, each list longest first as in the
    gazetteer."""
    index = _TitleIndex(by_first={}, by_last={})
    for title, title_role in gazetteer.titles:
        index.by_first.setdefault(title[0], []).append(title)
        index.by_last.setdefault(title[-1], []).append((title, title_role))
    return index


def titles_ending_with(gazetteer: Gazetteer) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The person titles (with their role) by their last word: a title before a mention ends
    with the word before it, so only those are compared (one tuple per title and mention was
    most of absorbing titles)."""
    return _index(gazetteer).by_last


def titles_by_first(gazetteer: Gazetteer) -> dict[str, list[tuple[str, ...]]]:
    """The person titles by their first word, longest first."""
    return _index(gazetteer).by_first


def title_opens(gazetteer: Gazetteer, title: tuple[str, ...], keys: list[str], at: int) -> bool:
    """Whether ``title`` may stand before the token at ``at`` (``titles.yaml`` ``before``:
    "Trưởng" only before "các"); a title without such a list stands before anything."""
    opens = gazetteer.title_openings.get(title)
    return opens is None or (at < len(keys) and keys[at] in opens)


def title_at(gazetteer: Gazetteer, keys: list[str], j: int) -> bool:
    """Whether a person's title, followed by what it may open, starts at token ``j``."""
    for title in titles_by_first(gazetteer).get(keys[j], ()):
        end = j + len(title)
        if (
            end < len(keys)
            and tuple(keys[j:end]) == title
            and title_opens(gazetteer, title, keys, end)
        ):
            return True
    return False
