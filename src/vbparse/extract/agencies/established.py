"""Bodies a decision establishes, and the articles that give them their work.

"Điều 1. Thành lập Đoàn kiểm tra, đánh giá hoạt động chuyên môn tại các Trung tâm tuyến huyện
trực thuộc Sở Y tế năm 2017, gồm các ông, bà có tên sau:" … "Điều 2. Chức năng, nhiệm vụ của
Đoàn kiểm tra như sau:" (quyết định 4394/QĐ-SYT of Sở Y tế Kiên Giang, a real scan). The
gazetteer knows no such body: the decision names it, and names it short after. The article's
work is the body's, under the whole name the decision gives it.

The words are data (``grammars/agencies/defined_terms.yaml``: ``establishing``,
``established_heads``, ``established_end``, ``duties_of``).
"""

from __future__ import annotations

import functools

import regex

from vbparse.extract.agencies.keys import fold_phrase
from vbparse.grammars import load_yaml
from vbparse.models import Agency, Span

__all__ = ["as_established", "work_holder"]

# The words of a short name compared with the whole name's first words ("Đoàn kiểm tra").
_SHORT_WORDS = 2
# Marks after a name's last word that are none of it ("… tuyến huyện./.").
_NAME_END = " ./,;"
# The longest name a decision gives a body it establishes, in words.
_MAX_NAME_WORDS = 30


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    g = load_yaml("agencies/defined_terms.yaml")
    heads = "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in g["established_heads"])
    established = regex.compile(
        rf"{g['establishing']}(?P<body>(?:{heads})\s+\p{{L}}.*?)(?={g['established_end']})",
        regex.DOTALL,
    )
    holder = regex.compile(
        rf"\s*(?:{g['duties_of']})?(?P<short>(?:{heads})(?:\s+\p{{L}}+){{1,{_SHORT_WORDS - 1}}})"
        r"(?!\p{L})"
    )
    return established, holder


@functools.lru_cache(maxsize=4)
def _established(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The names of the bodies ``text`` establishes, in order, each with its folded words
    (compared with every short name a task gives)."""
    names = []
    for m in _patterns()[0].finditer(text):
        words = m.group("body").rstrip(_NAME_END).split()
        if len(words) <= _MAX_NAME_WORDS:
            name = " ".join(words)
            names.append((name, fold_phrase(name)))
    return tuple(names)


def work_holder(own: str, offset: int, text: str) -> Agency | None:
    """The established body an article's own text names as the holder of its work: after
    "(Chức năng,) nhiệm vụ của" or as its first words; ``None`` when it names none."""
    m = _patterns()[1].match(own)
    if m is None:
        return None
    short = fold_phrase(m.group("short"))
    for name, folded in _established(text):
        if folded[: len(short)] == short:
            span = Span(start=offset + m.start("short"), end=offset + m.end("short"))
            return Agency(name=name, kind="board", text=m.group("short"), span=span)
    return None


def as_established(agency: Agency, text: str) -> Agency:
    """``agency`` under the whole name the decision gives it, when its words are the first
    words of a body ``text`` establishes ("Tổ xây dựng" → "Tổ xây dựng Đề án tổ chức lại hệ
    thống y tế tuyến huyện", quyết định 5059/QĐ-SYT Kiên Giang, real scan)."""
    if agency.id is not None or not (names := _established(text)):
        return agency
    words = fold_phrase(agency.name)
    for name, folded in names:
        if len(folded) > len(words) and folded[: len(words)] == words:
            return agency.model_copy(update={"name": name})
    return agency
