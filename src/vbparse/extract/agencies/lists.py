"""Lists after a group head and ":" ("Các bộ: Y tế, Văn hóa, Thể thao và Du lịch, Tài
chính"), or written without the colon ("Ủy ban nhân dân các tỉnh Khánh Hòa, Đắk Lắk", "các
Bộ Quốc phòng, Công an"): the members are read one by one, the gazetteer deciding where each
ends."""

from __future__ import annotations

from vbparse.extract.agencies.candidate import Candidate
from vbparse.extract.agencies.gazetteer import Gazetteer
from vbparse.extract.agencies.group_grammar import group_tries
from vbparse.extract.agencies.keys import fold_phrase
from vbparse.extract.agencies.tokens import Tokens

__all__ = ["expand_list", "expand_plural_body"]


def _member_at(
    gazetteer: Gazetteer,
    tokens: Tokens,
    j: int,
    members: frozenset[str],
    by_start: dict[int, Candidate],
    next_start: int,
    shorts: bool = True,
) -> tuple[Candidate, bool] | None:
    """The list member starting at token ``j``: a chosen candidate, or (``shorts``) a short
    name; with whether it is a short name."""
    best = by_start.get(j)
    short_name = False
    for cls in sorted(members) if shorts else ():
        short = gazetteer.members[cls].longest(tokens.keys, j)
        if short and short[0] <= next_start and (best is None or short[0] > best.last):
            best = Candidate(first=j, last=short[0], entry_id=short[1])
            short_name = True
    return (best, short_name) if best is not None else None


def expand_list(
    gazetteer: Gazetteer,
    tokens: Tokens,
    head: Candidate,
    by_start: dict[int, Candidate],
    starts: list[int],
) -> list[tuple[Candidate, int]]:
    """The members of the list after ``head:`` (or after ``head`` without its colon, two
    members or more), each with its lead-in token (the head's first token for the first
    member). Empty when no member follows."""
    keys = tokens.keys
    if head.last >= len(keys):
        return []
    if keys[head.last] == ":":
        return _read_members(
            gazetteer, tokens, head.last + 1, head.first, head.members, by_start, starts
        )
    # Without the colon ("Ủy ban nhân dân các tỉnh Quảng Ninh, Lạng Sơn, Hà Giang"), a short
    # name of the head's members must follow it right away, and two or more members: one
    # name after a group is as often the group's qualifier.
    if not any(gazetteer.members[cls].longest(keys, head.last) for cls in head.members):
        return []
    items = _read_members(gazetteer, tokens, head.last, head.first, head.members, by_start, starts)
    if len(items) < 2:
        for item, _ in items:
            item.consumed = False
        return []
    return items


# The plural word before a body's head noun that makes it the first of a list (as a key).
_PLURAL = fold_phrase("các")[0]


def expand_plural_body(
    gazetteer: Gazetteer,
    tokens: Tokens,
    body: Candidate,
    by_start: dict[int, Candidate],
    starts: list[int],
) -> list[tuple[Candidate, int]]:
    """A body named after "các" and followed by its fellows' short names ("các Bộ Quốc
    phòng, Công an", "các Bộ Xây dựng và Công an", công điện of the Thủ tướng, real): the
    list the head noun opens, written without its colon. The body counts when its name is
    its head noun and a member's short name; empty unless a second member follows."""
    keys = tokens.keys
    if body.is_group or body.first < 1 or keys[body.first - 1] != _PLURAL:
        return []
    cls = next(
        (
            name
            for name, trie in gazetteer.members.items()
            if (short := trie.longest(keys, body.first + 1)) and short[0] == body.last
        ),
        None,
    )
    step = _after_joiner(gazetteer, keys, body.last)
    if cls is None or step is None or gazetteer.members[cls].longest(keys, step) is None:
        return []
    rest = _read_members(gazetteer, tokens, step, body.last, frozenset({cls}), by_start, starts)
    return [(body, body.first - 1), *rest] if rest else []


def _after_joiner(gazetteer: Gazetteer, keys: list[str], k: int) -> int | None:
    """The token after the joiner (",", "và", ", và") at ``k``, or None."""
    for joiner_key, _ in group_tries(gazetteer).joiners:
        if tuple(keys[k : k + len(joiner_key)]) == joiner_key:
            return k + len(joiner_key)
    return None


def _read_members(
    gazetteer: Gazetteer,
    tokens: Tokens,
    j: int,
    lead_in: int,
    members: frozenset[str],
    by_start: dict[int, Candidate],
    starts: list[int],
) -> list[tuple[Candidate, int]]:
    """The list's members from token ``j`` on, each with its lead-in token, as long as
    joiners link them."""
    keys = tokens.keys
    items: list[tuple[Candidate, int]] = []
    # A body named in full ends the short names ("các Sở: Tài chính, Kế hoạch và Đầu tư, Công
    # ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi và …", thông báo 11/TB-UBND
    # Quảng Ngãi, real): "Xây dựng" after it is a piece of that name, no Sở.
    shorts = True
    while j < len(keys):
        next_start = min((s for s in starts if s > j), default=len(keys))
        found = _member_at(gazetteer, tokens, j, members, by_start, next_start, shorts)
        if found is None:
            break
        item, short_name = found
        shorts = shorts and (short_name or item.is_group)
        item.consumed = True
        if item.is_group and item.members and item.last < len(keys) and keys[item.last] == ":":
            nested = expand_list(gazetteer, tokens, item, by_start, starts)
            if nested:
                first, _ = nested[0]
                items.append((first, lead_in))
                items.extend(nested[1:])
                return items
        items.append((item, lead_in))
        lead_in = item.last
        step = _after_joiner(gazetteer, keys, item.last)
        if step is None and shorts:
            step = _after_semicolon(gazetteer, keys, item.last, members)
        if step is None:
            break
        j = step
    return items


_SEMICOLON = fold_phrase(";")[0]


def _after_semicolon(
    gazetteer: Gazetteer, keys: list[str], k: int, members: frozenset[str]
) -> int | None:
    """A list of short names whose members a ";" parts ("Giám đốc các Sở: Giao thông vận tải;
    Thông tin và Truyền thông; Giám đốc Trung tâm …", quyết định 488/QĐ-UBND Đồng Nai, real
    .doc): the token after it, when another member's short name follows; None otherwise."""
    if k + 1 >= len(keys) or keys[k] != _SEMICOLON:
        return None
    if any(gazetteer.members[cls].longest(keys, k + 1) for cls in members):
        return k + 1
    return None
