"""Addressees the gazetteer lacks: a Kính gửi entry headed by a kind of body ("Hội nghề Cá
Việt Nam", "Công ty TNHH Khuôn Mẫu Yong Hong") is a body of its own, and a request that names
it by its whole name or by its head alone ("Đề nghị Công ty căn cứ …") speaks to it.

The heads and the request are data (``grammars/agencies/defined_terms.yaml``:
``addressee_heads``, ``addressee_request``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

from vbparse.extract.agencies.keys import fold_phrase, same_name
from vbparse.grammars import load_yaml
from vbparse.models import Agency, Span
from vbparse.pattern_time import time_left

__all__ = ["addressed_by_head", "units_of_issuer", "unlisted_addressees"]

# Bullets, the polite "quý" and the punctuation around a Kính gửi entry.
_ENTRY_EDGES = regex.compile(r"^[\s\-–+•*]+|[\s;.,:]+$")


# The polite "quý" and up to three words after it: "đề nghị quý Tổng cục nghiên cứu …"
# speaks to every addressee whose name starts with those words (công văn 1457/BNN-KHCN, real:
# "Kính gửi: Tổng cục Lâm nghiệp; Tổng cục Thủy sản").
_POLITE_WORDS = 3


@functools.cache
def _polite() -> regex.Pattern[str]:
    g = load_yaml("agencies/defined_terms.yaml")
    words = rf"(?P<words>\p{{L}}+(?:\s+\p{{L}}+){{0,{_POLITE_WORDS - 1}}})"
    return regex.compile(rf"{g['addressee_request']}(?<=[Qq]uý\s+){words}")


@functools.cache
def _pronoun() -> regex.Pattern[str]:
    g = load_yaml("agencies/defined_terms.yaml")
    pronouns = "|".join(
        regex.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(g["addressee_pronouns"], key=len, reverse=True)
    )
    # a word in lower case after it: the verb, no title or name of its own
    return regex.compile(rf"(?i:{g['addressee_request']}(?P<pronoun>{pronouns}))(?=\s+\p{{Ll}})")


@functools.cache
def _heads() -> tuple[regex.Pattern[str], regex.Pattern[str], frozenset[tuple[str, ...]]]:
    """The Kính gửi entry's head, the request naming a head, and the heads that may stand
    alone for the addressee ("Công ty", not "Ban": "Ban chấp hành …" is another board)."""
    g = load_yaml("agencies/defined_terms.yaml")
    every = [*g["addressee_heads"], *g["addressee_name_heads"]]
    heads = "|".join(regex.escape(h) for h in sorted(every, key=len, reverse=True))
    titles = "|".join(regex.escape(t) for t in g["addressee_person_titles"])
    entry = regex.compile(
        rf"^(?:[Qq]uý\s+)?(?:(?:{titles})\s+)?(?P<body>(?:các\s+)?(?P<head>{heads})(?!\p{{L}}))",
        regex.IGNORECASE,
    )
    request = regex.compile(
        rf"{g['addressee_request']}(?P<head>{heads})(?!\p{{L}})", regex.IGNORECASE
    )
    alone = frozenset(fold_phrase(h) for h in g["addressee_heads"])
    return entry, request, alone


def unlisted_addressees(lines: Iterable[str], known: list[Agency]) -> list[Agency]:
    """The Kính gửi entries headed by a kind of body that no known agency was found in, each
    as an agency of that kind named by the entry's words."""
    entry, _, _ = _heads()
    found: list[Agency] = []
    for line in lines:
        words = _ENTRY_EDGES.sub("", line)
        m = entry.match(words, timeout=time_left())
        if m is None or any(a.text and a.text in line for a in known):
            continue
        if words[m.end("head") :].lstrip().startswith(":"):
            # a list's head ("- Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam, …", công điện
            # 96/CĐ-BXD, real): its members are the bodies, not the line
            continue
        found.append(_entry_body(words[m.start("body") :], "other"))
    return found


def _entry_body(words: str, kind: str) -> Agency:
    """A Kính gửi entry's words as the body they name, first letter capitalised."""
    return Agency(name=words[:1].upper() + words[1:], kind=kind, text=words)


def units_of_issuer(line: str, found: list[Agency], issuer: str | None) -> list[Agency]:
    """The agencies of a Kính gửi entry, where the issuer named after other words ("Đơn vị
    thuộc, trực thuộc Sở Y tế" in a letter of that Sở, công văn 2062/SYT-NVY Kiên Giang, real
    scan b72) is the entry whole: no letter is addressed to its own issuer, so the entry
    names the issuer's units."""
    own = [a for a in found if a.text and (same_name(a.name, issuer) or same_name(a.text, issuer))]
    words = _ENTRY_EDGES.sub("", line)
    if len(own) != 1 or len(found) != 1 or words.startswith(own[0].text):
        return found
    return [_entry_body(words, "group")]


def addressed_by_head(own: str, offset: int, addressees: list[Agency]) -> list[Agency]:
    """The addressees a request in ``own`` names by a second person ("đề nghị các đồng chí
    quan tâm …"), politely by their first words ("đề nghị quý Tổng cục …"), or the one it
    names by its head or whole name ("Đề nghị Hội nghề Cá Việt Nam tổ chức …" under "Kính
    gửi: Hội nghề Cá Việt Nam"), placed at the head."""
    _, request, alone = _heads()
    if addressees and (m := _pronoun().search(own, timeout=time_left())):
        span = Span(start=offset + m.start("pronoun"), end=offset + m.end("pronoun"))
        return [a.model_copy(update={"span": span}) for a in addressees]
    for m in _polite().finditer(own, timeout=time_left()):
        words = fold_phrase(m.group("words"))
        for size in range(len(words), 0, -1):
            named = [a for a in addressees if fold_phrase(a.name)[:size] == words[:size]]
            if named:
                return named
    for m in request.finditer(own, timeout=time_left()):
        head = fold_phrase(m.group("head"))
        after = own[m.start("head") :]
        said = fold_phrase(after[:_NAME_REACH])
        # the whole name written; else a head that stands alone, a word in lower case after
        # it ("Đề nghị Công ty căn cứ …": no name of a body goes on)
        whole = [a for a in addressees if said[: len(fold_phrase(a.name))] == fold_phrase(a.name)]
        if (
            not whole
            and head in alone
            and _lower_word_after(after, m.end("head") - m.start("head"))
        ):
            whole = [
                a for a in addressees if fold_phrase(_strip_polite(a.name))[: len(head)] == head
            ]
        if len(whole) == 1:
            span = Span(start=offset + m.start("head"), end=offset + m.end("head"))
            return [whole[0].model_copy(update={"span": span})]
    return []


# How many characters after a request's head may hold an addressee's whole name.
_NAME_REACH = 160
_NEXT_WORD = regex.compile(r"\s+(\p{L})")


def _lower_word_after(text: str, at: int) -> bool:
    m = _NEXT_WORD.match(text, at)
    return m is not None and m.group(1).islower()


_POLITE = regex.compile(r"^[Qq]uý\s+")


def _strip_polite(name: str) -> str:
    return _POLITE.sub("", name)
