"""Lists after a group head and ":" ("Các bộ: Y tế, Văn hóa, Thể thao và Du lịch, Tài
chính"): the members are read one by one, the gazetteer deciding where each ends."""

from __future__ import annotations

from vbparse.extract.agencies.candidate import Candidate
from vbparse.extract.agencies.gazetteer import Gazetteer
from vbparse.extract.agencies.groups import group_tries
from vbparse.extract.agencies.tokens import Tokens

__all__ = ["expand_list"]


def _member_at(
    gazetteer: Gazetteer,
    tokens: Tokens,
    j: int,
    members: frozenset[str],
    by_start: dict[int, Candidate],
    next_start: int,
) -> Candidate | None:
    """The list member starting at token ``j``: a chosen candidate, or a short name."""
    best = by_start.get(j)
    for cls in sorted(members):
        short = gazetteer.members[cls].longest(tokens.keys, j)
        if short and short[0] <= next_start and (best is None or short[0] > best.last):
            best = Candidate(first=j, last=short[0], entry_id=short[1])
    return best


def expand_list(
    gazetteer: Gazetteer,
    tokens: Tokens,
    head: Candidate,
    by_start: dict[int, Candidate],
    starts: list[int],
) -> list[tuple[Candidate, int]]:
    """The members of the list after ``head:``, each with its lead-in token (the head's first
    token for the first member). Empty when no member follows the colon."""
    keys = tokens.keys
    if head.last >= len(keys) or keys[head.last] != ":":
        return []
    tries = group_tries(gazetteer)
    items: list[tuple[Candidate, int]] = []
    j = head.last + 1
    lead_in = head.first
    while j < len(keys):
        next_start = min((s for s in starts if s > j), default=len(keys))
        item = _member_at(gazetteer, tokens, j, head.members, by_start, next_start)
        if item is None:
            break
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
        k = item.last
        step = None
        for joiner_key, _ in tries.joiners:
            if tuple(keys[k : k + len(joiner_key)]) == joiner_key:
                step = k + len(joiner_key)
                break
        if step is None:
            break
        j = step
    return items
