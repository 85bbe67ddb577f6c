"""The closing formula of a letter: a paragraph that only asks its bodies to carry out what
came before ("Bộ Tư pháp đề nghị các đồng chí Giám đốc Sở Tư pháp các tỉnh, thành phố quan
tâm, triển khai thực hiện."), perhaps saying where to turn with a difficulty, and no task of
its own (``closing_request_*`` in header.yaml)."""

from __future__ import annotations

import functools

import regex

from vbparse.extract.tasks.headings import header_grammar
from vbparse.extract.tasks.roles import Roles
from vbparse.grammars import load_yaml

__all__ = ["is_closing_request"]


@functools.cache
def _closing_request_fillers() -> frozenset[str]:
    return frozenset(load_yaml("header.yaml")["closing_request_fillers"])


_FILLER_WORD = regex.compile(r"\w+")


def is_closing_request(own: str, offset: int, roles: Roles) -> bool:
    """Whether a paragraph only asks its bodies to implement what came before ("Bộ Tư pháp đề
    nghị các đồng chí Giám đốc Sở Tư pháp các tỉnh, thành phố quan tâm, triển khai thực
    hiện."): the closing formula, no task of its own (``closing_request_*`` in header.yaml)."""
    tail = header_grammar("closing_request_end").search(_without_afterthought(own))
    if tail is None:
        return False
    asked = list(header_grammar("closing_request_trigger").finditer(own, 0, tail.start()))
    if not asked:
        return False
    between = list(own[asked[-1].end() : tail.start()])
    for agency in roles.lead:
        if agency.span is not None:
            start, stop = agency.span.start - offset, agency.span.end - offset
            for k in range(max(start, asked[-1].end()), min(stop, tail.start())):
                between[k - asked[-1].end()] = " "
    words = _FILLER_WORD.findall("".join(between).casefold())
    return all(w in _closing_request_fillers() for w in words)


_SENTENCE_BREAK = regex.compile(r"(?<=\p{Ll}\.)\s+(?=\p{Lu})")


def _without_afterthought(own: str) -> str:
    """``own`` up to its second sentence when that one only says where to turn with a
    difficulty (``closing_request_afterthoughts``)."""
    cut = _SENTENCE_BREAK.search(own)
    if cut and header_grammar("closing_request_afterthoughts").match(own, cut.end()):
        return own[: cut.start()]
    return own
