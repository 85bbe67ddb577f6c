"""Runs of agency mentions in a clause: the mentions that joiners link ("Bộ Xây dựng, Bộ
Nông nghiệp và Môi trường cùng các cơ quan liên quan"), which ``roles`` gives one role each."""

from __future__ import annotations

from vbparse.extract.agencies.keys import fold_phrase
from vbparse.extract.agencies.matcher import Mention, Tokens

__all__ = ["mention_runs"]


def mention_runs(
    tokens: Tokens, mentions: list[Mention], joiners: frozenset
) -> list[list[Mention]]:
    """Mentions that joiners link, in runs. A body in brackets right after a member names a
    part of it, and the list goes on after the bracket ("phối hợp với Văn phòng Ủy ban nhân
    dân tỉnh (Trung tâm Giải quyết thủ tục hành chính tỉnh), Ủy ban nhân dân cấp huyện, …",
    quyết định 246/QĐ-UBND Cà Mau, real PDF): the aside is passed over."""
    keys = tokens.keys
    runs: list[list[Mention]] = []
    end = -1  # where the last run's text ends: its last mention's, or its aside's bracket
    for i, mention in enumerate(mentions):
        if runs and tuple(keys[end : mention.lead_in]) in joiners:
            runs[-1].append(mention)
            end = mention.last
        elif runs and _aside_of_run(keys, end, mention, mentions[i + 1 : i + 2], joiners):
            end = mention.last + 1
        else:
            runs.append([mention])
            end = mention.last
    return runs


_OPEN, _CLOSE = fold_phrase("(")[0], fold_phrase(")")[0]


def _aside_of_run(
    keys: list[str], end: int, mention: Mention, after: list[Mention], joiners: frozenset
) -> bool:
    """Whether ``mention`` alone fills a bracket right after the run ending at ``end``, and
    a joiner after the bracket leads to the next mention."""
    if mention.lead_in != end + 1 or keys[end] != _OPEN:
        return False
    if mention.last >= len(keys) or keys[mention.last] != _CLOSE or not after:
        return False
    return tuple(keys[mention.last + 1 : after[0].lead_in]) in joiners
