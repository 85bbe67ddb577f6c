"""A header a crawl ran onto the date's line: "… Hà Nội, ngày 11 tháng 5 năm 2025 CÔNG ĐIỆN
VỀ VIỆC TĂNG CƯỜNG … ĐƯỜNG THỦY NỘI ĐỊA BỘ XÂY DỰNG điện: - Ủy ban …", "… năm 2024 QUYẾT ĐỊNH
VỀ VIỆC SẮP XẾP … SỞ GIAO THÔNG VẬN TẢI ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA Căn cứ …" (the công
điện, thông báo kết luận and quyết định of a thuvienphapluat dump, real b111 and b112, whose
line breaks fell where the crawl's width did). The type title, the trích yếu and the
authority's line (or a công điện's sender) each start a line again, as the printed header
sets them, so that segmentation reads them.

The run is the words in capitals after the date's year; it is one of these only when it
opens with a type's title. Its last words are the authority when they name the issuer of the
header's first block (what stands before its "-----"), alone or after a head's title
("BỘ TRƯỞNG BỘ GIAO THÔNG VẬN TẢI"); otherwise the trích yếu runs to the run's end. The
crawl's line breaks inside the trích yếu become spaces.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from vbparse.grammars import load_tsv, load_yaml
from vbparse.normalize.offsets import NormalizedText
from vbparse.pattern_time import time_left

__all__ = ["LINE_WRAP", "head_titles", "split_run_in_header"]

# The header is near the top: the date is looked for in this many characters.
_HEADER_REACH = 1500
_DATE_THEN_CAPITALS = regex.compile(
    r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}(?=[ \t]+\p{Lu}{2})", regex.IGNORECASE
)
_WORD = regex.compile(r"\s+(\S+)")
_RULE = regex.compile(r"-{3,}")
# A line break with the spaces around it, where a crawl wrapped a line.
LINE_WRAP = regex.compile(r"[ \t]*\r?\n[ \t]*")
_RULE_THEN_MOTTO = regex.compile(r"(?<=\p{Lu})[ \t]+-{3,}[ \t]+(?=CỘNG\s+HÒA\b)")
_LOWER = regex.compile(r"\p{Ll}")
_UPPER = regex.compile(r"\p{Lu}")
# "Kính gửi:", or "điện:" after a công điện's sender in capitals.
_ADDRESS_LABEL = regex.compile(r"Kính gửi\s*:|(?<=\p{Lu}{2}\s+)điện\s*:")
# How far after its label an addressees' list may run.
_ADDRESS_REACH = 1200
# A full stop after a lower-case letter or a closing bracket, then a sentence's first two
# words on the same line.
_SENTENCE_STOP = regex.compile(r"[\p{Ll})]\.(?P<gap>[ \t]+)\p{Lu}\p{Ll}*\s+[\p{Ll}\d]")
_BULLET_WRAPPED = regex.compile(r"[ \t]*[-–](?P<gap>[ \t]*\r?\n[ \t]*)(?=\p{Lu})")
_LIST_END = regex.compile(r"[.;:][ \t]*\r?\n|\n[ \t]*\r?\n")
# The longest type title in words ("BẢN THỎA THUẬN").
_TITLE_WORDS = 3


@functools.cache
def _type_titles() -> frozenset[str]:
    return frozenset(row["name"].upper() for row in load_tsv("document_types.tsv"))


@functools.cache
def head_titles() -> tuple[str, ...]:
    """Heads' titles in capitals, longest first ("PHÓ THỦ TƯỚNG" before "THỦ TƯỚNG")."""
    titles = {t.upper() for t in load_yaml("header.yaml")["titles"]}
    return tuple(sorted(titles, key=len, reverse=True))


@functools.cache
def _unit_words() -> frozenset[str]:
    """The first word of a unit's type ("SỞ", "CHI", "BỘ"): where an issuer's own name starts
    after its parent's ("ỦY BAN NHÂN DÂN TỈNH X SỞ Y")."""
    g = load_yaml("header.yaml")
    return frozenset(u.split()[0].upper() for u in [*g["unit_words"], *g["issuer_name_starts"]])


def _capital(word: str) -> bool:
    return not _LOWER.search(word)


def _words(text: str, start: int) -> Iterator[tuple[int, int, int]]:
    """(gap start, word start, word end) of each word from ``start`` on."""
    for m in _WORD.finditer(text, start, timeout=time_left()):
        yield m.start(), m.start(1), m.end(1)


def _issuer_names(text: str, before: int) -> list[list[str]]:
    """The issuer block's name and, where a parent's name stands first, the unit's own, each
    as words: the words in capitals before the header's first rule."""
    rule = _RULE.search(text, 0, before)
    if rule is None:
        return []
    words = text[: rule.start()].split()
    block: list[str] = []
    for word in reversed(words):
        if not (_capital(word) and _UPPER.search(word)):
            break
        block.insert(0, word)
    starts = [i for i, w in enumerate(block) if i == 0 or w in _unit_words()]
    return [block[i:] for i in starts if len(block) - i >= 2]


def _authority_length(run: list[str], names: list[list[str]]) -> int:
    """How many of the run's last words are the authority's line: an issuer's name, alone or
    after a head's title; 0 when they are not."""
    for name in names:
        if len(run) <= len(name) or run[-len(name) :] != name:
            continue
        before = " ".join(run[: -len(name)])
        for title in head_titles():
            if before.endswith(" " + title) and len(run) - len(name) > len(title.split()):
                return len(name) + len(title.split())
        return len(name)
    return 0


def _title_length(run: list[str]) -> int:
    for n in range(min(_TITLE_WORDS, len(run) - 1), 0, -1):
        if " ".join(run[:n]) in _type_titles():
            return n
    return 0


def _title_run(text: str) -> Iterator[tuple[int, int, str]]:
    """The breaks that set the type title, the trích yếu and the authority's line of a run
    after the date on lines of their own."""
    date = _DATE_THEN_CAPITALS.search(text, 0, _HEADER_REACH, timeout=time_left())
    if date is None:
        return
    spans, after = [], None
    # the crawl's line break inside the date ("… tháng 9 năm" / "2019 QUYẾT ĐỊNH …")
    wraps = [(m.start(), m.end(), " ") for m in LINE_WRAP.finditer(text, date.start(), date.end())]
    for gap, start, end in _words(text, date.end()):
        if not _capital(text[start:end]):
            after = (gap, start)
            break
        spans.append((gap, start, end))
    run = [text[start:end] for _, start, end in spans]
    title = _title_length(run)
    if not title:
        return
    yield from wraps
    authority = _authority_length(run[title:], _issuer_names(text, date.start()))
    breaks = {0, title, len(run) - authority}
    for i, (gap, start, _) in enumerate(spans):
        yield gap, start, "\n" if i in breaks else " "
    # A công điện's sender stays on the line of its "điện:".
    if after is not None and not text.startswith(("điện", "ĐIỆN"), after[1]):
        yield after[0], after[1], "\n"


def _address_end(text: str) -> Iterator[tuple[int, int, str]]:
    """The break after the addressees' list when the first sentence of the body runs on
    after its full stop ("… - Sở GTCC TP. Hồ Chí Minh. Trong 4 tháng đầu năm 2025, …", "…
    trực thuộc Trung ương. Thời gian gần đây …"). A stop after a capital ("TP.") is an
    abbreviation's. The list set out on lines of its own is left as it is."""
    label = _ADDRESS_LABEL.search(text, 0, _HEADER_REACH, timeout=time_left())
    if label is None:
        return
    if wrapped := _BULLET_WRAPPED.match(text, label.end()):
        # "điện : -" / "Giám đốc Sở …": the first bullet's entry goes on its line
        yield wrapped.start("gap"), wrapped.end("gap"), " "
    # The list as a crawl ran it on: up to a line that ends a sentence or an entry (a list
    # set out line by line ends each with ";" or "."), or a blank line.
    end = _LIST_END.search(text, label.end(), label.end() + _ADDRESS_REACH, timeout=time_left())
    limit = end.start() if end else label.end() + _ADDRESS_REACH
    stop = _SENTENCE_STOP.search(text, label.end(), limit, timeout=time_left())
    if stop is not None:
        yield stop.start("gap"), stop.end("gap"), "\n"


def _issuer_rule(text: str) -> Iterator[tuple[int, int, str]]:
    """The issuer's rule with the quốc hiệu after it on one line ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM
    ------- CỘNG HÒA XÃ HỘI"): a line break in its place."""
    rule = _RULE_THEN_MOTTO.search(text, 0, _HEADER_REACH, timeout=time_left())
    if rule is not None:
        yield rule.start(), rule.end(), "\n"


def split_run_in_header(text: NormalizedText) -> NormalizedText:
    """``text`` with a header run onto the date's line, the quốc hiệu onto the issuer's, and
    a body run onto its addressees' list, set out on lines again."""
    edits = sorted([*_issuer_rule(text.text), *_title_run(text.text), *_address_end(text.text)])
    kept = [e for i, e in enumerate(edits) if not i or e[0] >= edits[i - 1][1]]
    return text.edit(kept)
