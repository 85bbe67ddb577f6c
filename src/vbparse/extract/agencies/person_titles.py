"""Person titles before an agency (``titles.yaml``: "Chủ tịch", "Thủ trưởng", "Cục trưởng"),
indexed by their first and by their last word for the matchers that look for them."""

from __future__ import annotations

from dataclasses import dataclass

from vbparse.extract.agencies.gazetteer import Gazetteer, per_gazetteer
from vbparse.extract.agencies.named_bodies import heads_in_titles
from vbparse.extract.agencies.tokens import Tokens


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


def absorb_titles(gazetteer: Gazetteer, tokens: Tokens, first: int, floor: int) -> tuple[int, str]:
    """Extend a mention back over person titles ("Chủ tịch", "Các đồng chí")."""
    role = "addressee"
    keys = tokens.keys
    by_last = titles_ending_with(gazetteer)
    if floor < first < len(keys):
        # the head written as its title's last word ("Trưởng phòng Tài chính - Kế hoạch …":
        # the mention starts at "phòng", named_bodies.yaml heads_in_titles); in capitals
        # ("Trưởng Phòng Giáo dục và Đào tạo", quyết định 246/QĐ-UBND Cà Mau, real PDF) only
        # for those titles: "Trưởng Ban Chỉ đạo" is the person the golds name
        lower = tokens.word(first)[:1].islower()
        for title, _ in by_last.get(keys[first], []):
            n = len(title) - 1
            if not (lower or title in heads_in_titles(gazetteer)):
                continue
            if n and first - n >= floor and tuple(keys[first - n : first + 1]) == title:
                first -= n
                break
    changed = True
    while changed:
        changed = False
        for title, title_role in by_last.get(keys[first - 1], []) if first > floor else []:
            n = len(title)
            if not title_opens(gazetteer, title, keys, first):
                continue
            if first - n >= floor and tuple(keys[first - n : first]) == title:
                first -= n
                if title_role == "none" or (title_role == "party" and role != "none"):
                    role = title_role
                changed = True
                break
    return first, role
