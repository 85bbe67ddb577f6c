"""Fixed-width wrapping: the column a text is wrapped at, the lines that reach it, and the
sentence a break inside it leaves open (``unwrap`` joins such breaks).

Also the execution clause's pattern (``grammars/clause_labels.yaml`` ``execution_clause``),
which a wrapped list of bodies runs on to, and by which the closing keeps a quyết định's
unlabelled execution clause in the body (``segment.clause_tree``).
"""

from __future__ import annotations

import functools

import regex

from vbparse.grammars import load_yaml

__all__ = ["execution_clause", "execution_clause_follows", "fills_width", "wrap_width"]


def wrap_width(text: str) -> int | None:
    """The column a fixed-width text is wrapped at, or None when lines are paragraphs.

    Wrapped text has many lines ending close to one width; text with one paragraph per line
    (or table cells) has no such cluster.
    """
    # (``map`` and ``filter`` over str's own methods: no Python frame per line)
    lengths = sorted(map(len, map(str.rstrip, filter(str.strip, text.split("\n")))))
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1]
    if width > 140 or width < 30:
        return None
    near = sum(1 for n in lengths if 0.8 * width <= n <= width * 1.1)
    return width if near >= 0.3 * len(lengths) else None


# A line this share of the wrap width or longer was cut by the wrap, not by its writer.
_FILLED = 0.8


def fills_width(line: str, width: int | None) -> bool:
    """Whether ``line`` runs to the wrap width of a fixed-width text."""
    return width is not None and len(line) >= _FILLED * width


# How far after a break the sentence it continues is looked for.
_SENTENCE_REACH = 400


@functools.cache
def execution_clause() -> regex.Pattern[str]:
    return regex.compile(load_yaml("clause_labels.yaml")["execution_clause"])


def execution_clause_follows(source: str, at: int) -> bool:
    """The next line goes on with an execution clause's list of bodies up to its verb
    ("Điều 3. Chánh Văn phòng …, Giám đốc Sở Xây dựng; Giám đốc Trung tâm …;" / "Chủ tịch
    UBND cấp huyện; … chịu trách nhiệm thi hành Quyết định này", quyết định 209/QĐ-UBND Bạc
    Liêu, real scan): the sentence the ";" left open."""
    end = source.find(".", at, at + _SENTENCE_REACH)
    return end > 0 and bool(execution_clause().search(source, at, end + 1))
