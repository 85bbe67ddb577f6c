"""Who speaks in a directive paragraph: the person who gives the directive ("Phó Thủ tướng X
yêu cầu …") and the issuer asking someone to act in its own name ("Bộ Tài chính yêu cầu các đơn
vị …"), giving its own opinion ("Cục Thuế có ý kiến như sau:") or guiding the bodies it names
("Sở GDĐT hướng dẫn các Phòng GDĐT … thực hiện … như sau:"). The offices and verbs are
``roles.yaml``'s (``speaker_offices``, ``issuer_verbs``, ``issuer_requests``,
``issuer_opinions``, ``issuer_guides``, ``guided_work``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

from vbparse.extract.agencies.gazetteer import load_gazetteer
from vbparse.extract.agencies.keys import same_name
from vbparse.extract.agencies.matcher import find_agencies, scan_mentions
from vbparse.models import Agency
from vbparse.pattern_time import time_left

__all__ = [
    "asks",
    "guided_addressees",
    "guided_bodies",
    "issuer_opines",
    "issuer_requests",
    "speaker_at",
]


def _longest_first(phrases: list[str]) -> str:
    """The phrases as a regex alternation, escaped, longest first (so the longest wins)."""
    return "|".join(regex.escape(p) for p in sorted(phrases, key=len)[::-1])


@functools.cache
def _speaker() -> regex.Pattern[str]:
    grammar = load_gazetteer().roles
    offices, verbs = _longest_first(grammar.speaker_offices), _longest_first(grammar.issuer_verbs)
    return regex.compile(
        # the verb in lower case: "Giao" in "Bộ trưởng Bộ Giao thông vận tải quy định …" is a
        # name's word (a letter of VP UBND tỉnh Bình Thuận, real); the name's words capitalised,
        # case kept ("… như ý kiến chỉ đạo của Thủ tướng Chính phủ tại thông báo số 220/TB-VPCP"
        # names no speaker, công văn 458/VPCP-KTTH, real b139)
        rf"\b(?:{offices})(?-i:(?:\s+\p{{Lu}}\p{{Ll}}*){{0,6}})\s*,?\s+(?-i:{verbs})(?!\p{{L}})",
        regex.IGNORECASE,
    )


@functools.cache
def _issuer_request() -> regex.Pattern[str]:
    verbs = _longest_first(load_gazetteer().roles.issuer_requests)
    return regex.compile(rf"\s*,?\s*(?:{verbs})\b", regex.IGNORECASE)


@functools.cache
def _guided() -> regex.Pattern[str]:
    grammar = load_gazetteer().roles
    guides, work = _longest_first(grammar.issuer_guides), _longest_first(grammar.guided_work)
    return regex.compile(rf"\s*(?:{guides})\s+(?P<bodies>[^:]+?)\s+(?:{work})\b[^:]*:\s*$")


def guided_bodies(
    text: str, issuer: str | None, *, offset: int = 0, province: str | None = None
) -> list[Agency]:
    """The bodies the issuer, named as the subject of ``text``, guides in a lead-in ending in
    a colon ("Sở GDĐT hướng dẫn các Phòng GDĐT, Trường … thực hiện nhiệm vụ … như sau:"), or
    []. ``offset`` is where ``text`` starts in the document: the bodies' spans are the
    document's."""
    if issuer is None or not text.rstrip().endswith(":"):
        return []
    _, mentions = scan_mentions(text, province=province, issuer=issuer)
    subject = next(
        (
            a
            for a in (m.agency for m in mentions)
            if a.span is not None and a.span.start == 0 and same_name(a.name, issuer)
        ),
        None,
    )
    if subject is None or subject.span is None:
        return []
    m = _guided().match(text, subject.span.end, timeout=time_left())
    if m is None:
        return []
    return list(
        find_agencies(
            m.group("bodies"), offset=offset + m.start("bodies"), province=province, issuer=issuer
        )
    )


def guided_addressees(
    paragraphs: Iterable[tuple[str, int]], issuer: str | None, *, province: str | None = None
) -> list[Agency]:
    """The bodies the first guiding lead-in among ``paragraphs`` (each its text and where it
    starts in the document) names (``guided_bodies``)."""
    return next(
        (
            bodies
            for text, offset in paragraphs
            if (bodies := guided_bodies(text, issuer, offset=offset, province=province))
        ),
        [],
    )


def issuer_requests(text: str, issuer: str | None, *, province: str | None = None) -> bool:
    """Whether the issuer, named in ``text``, asks someone to act there ("Bộ Tài chính yêu
    cầu các đơn vị thực hiện …" in a text of Bộ Tài chính)."""
    return _issuer_then(_issuer_request(), text, issuer, province)


def issuer_asks_as_subject(text: str, issuer: str | None, *, province: str | None = None) -> bool:
    """``issuer_requests``, the issuer the subject of its clause: named at the start of the
    text or of a clause, a title at most before it ("…, Giám đốc Sở Y tế yêu cầu Thủ trưởng
    đơn vị …"); not the one a letter was sent to ("… gửi Bộ Nông nghiệp và PTNT đề nghị cho
    ý kiến …")."""
    return _issuer_then(_issuer_request(), text, issuer, province, _CLAUSE_OPENING)


# What may stand before a clause's subject: the text's start or a clause's end, and a title
# of up to three words.
_CLAUSE_OPENING = regex.compile(r"(?:^|[,.;]\s*)(?:\p{L}+\s+){0,3}$")


def _issuer_then(
    words: regex.Pattern[str],
    text: str,
    issuer: str | None,
    province: str | None,
    before: regex.Pattern[str] | None = None,
) -> bool:
    """Whether the issuer is named in ``text`` with ``words`` right after its name (and
    ``before`` matching the text before it)."""
    if issuer is None:
        return False
    _, mentions = scan_mentions(text, province=province, issuer=issuer)
    return any(
        same_name(m.agency.name, issuer)
        and m.agency.span is not None
        and words.match(text, m.agency.span.end, timeout=time_left())
        and (before is None or before.search(text[: m.agency.span.start]) is not None)
        for m in mentions
    )


@functools.cache
def _issuer_opinion() -> regex.Pattern[str]:
    words = _longest_first(load_gazetteer().roles.issuer_opinions)
    # the opinion itself, not a leader's direction ("… có ý kiến chỉ đạo như sau:")
    return regex.compile(rf"\s*(?:{words})\s+(?:như\s+)?sau\b", regex.IGNORECASE)


def issuer_opines(text: str, issuer: str | None, *, province: str | None = None) -> bool:
    """Whether ``text`` is the issuer's lead-in to its own opinion ("Về vấn đề này, Cục Thuế
    có ý kiến như sau:" in a text of Cục Thuế)."""
    return _issuer_then(_issuer_opinion(), text, issuer, province)


@functools.cache
def _request_word() -> regex.Pattern[str]:
    words = _longest_first(load_gazetteer().group_grammar.requests)
    return regex.compile(rf"(?<!\p{{L}})(?:{words})(?!\p{{L}})", regex.IGNORECASE)


def asks(text: str) -> bool:
    """Whether ``text`` asks someone to act ("đề nghị", "yêu cầu"; ``groups.yaml`` requests)."""
    return _request_word().search(text, timeout=time_left()) is not None


def speaker_at(text: str) -> int | None:
    """Where the person speaking in ``text`` is named ("Phó Thủ tướng X yêu cầu"), if anyone."""
    m = _speaker().search(text, timeout=time_left())
    return m.start() if m else None
