"""Item labels a crawl ran into the line before: "… Bộ Xây dựng đề nghị: 1. Ủy ban nhân dân
các tỉnh … Trung ương a) Chỉ đạo … b) Phối hợp …" (the công điện and thông báo kết luận of a
thuvienphapluat dump, real b111, whose line breaks fell where the crawl's width did). Each
label there starts its line again, so that segmentation sees the items.

A label inside a line is one only as one of a run: its neighbour in the same numbering (the
label before it or the one after it: "1." and "2.", "a)" and "b)", "I." and "II.", a
quyết định's "Điều 3." and "Điều 4.", real b115) is found
too, inside a line or at a line's start. A number or a Roman numeral follows the end of a
sentence (".", ";", ":"); a letter may follow a heading's last word ("… Trung ương a) Chỉ
đạo"). A capitalised word follows every label. Bullets ("-", "+", "•") after the end of a
sentence are split when two or more are ("Giao Cục Đường sắt Việt Nam: - Tổng hợp …; -
Tổ chức …"), and so is the Nơi nhận label after one ("… biết, thực hiện./. Nơi nhận: - Như
trên; - Lưu: VT"). The edit turns the space before the label into a line break, so offsets
are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from vbparse.normalize.offsets import NormalizedText
from vbparse.pattern_time import time_left

__all__ = ["ITEM_LETTERS", "split_inline_labels"]

# The letters items run through, in order: the Vietnamese alphabet's (no "f", "j", "w", "z").
ITEM_LETTERS = "abcdđeghiklmnopqrstuvxy"
_LETTER = f"[{ITEM_LETTERS}]"
_NUMBERING = (
    rf"(?P<number>\d{{1,2}})\.|(?P<letter>{_LETTER})\)|(?P<roman>[IVX]{{1,4}})\."
    r"|Điều[ \t]+(?P<article>\d{1,3})[.:]"
)
_LABEL = rf"(?:{_NUMBERING})[ \t]++(?=\p{{Lu}})"
# A label, a bullet or the Nơi nhận label after spaces: "… đề nghị: 1. Ủy ban", "… Trung ương
# a) Chỉ đạo", "…; - Tổ chức", "…./. Nơi nhận:"; the character before the spaces is read in
# ``split_inline_labels``.
_CANDIDATE = regex.compile(
    r"[ \t]++(?:" + _LABEL + r"|(?P<dash>[-–•+])[ \t]++(?=\p{Lu})|(?P<cc>Nơi nhận\s*:))"
)
# Where one may be: a space, then a label's, a bullet's or the Nơi nhận label's first
# characters. Python's own ``re`` finds these in a fifth of the time ``regex`` took to find the
# candidates themselves (0.026 s against 0.13 s over the bench's texts: a pattern that opens
# with a look-behind or a run of spaces is tried at every position); each is then read whole.
_MAYBE = re.compile(rf"[ \t](?:\d{{1,2}}\.|{_LETTER}\)|[IVX]{{1,4}}\.|[-–•+]|Nơi nhận|Điều)")
# A label at a line's start: the run's members that need no splitting.
_AT_LINE_START = regex.compile(r"(?m)^[ \t]*+" + _LABEL)
_SENTENCE_END = frozenset(".;:!?")
_MIN_DASHES = 2

_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _key(match: regex.Match[str]) -> tuple[str, int]:
    """The label's numbering and its place in it."""
    if match.group("number"):
        return "number", int(match.group("number"))
    if match.group("letter"):
        return "letter", ITEM_LETTERS.index(match.group("letter")) + 1
    if match.group("article"):
        return "article", int(match.group("article"))
    return "roman", _roman(match.group("roman"))


def _char_before(text: str, match: regex.Match[str]) -> str:
    """The character before the match's spaces ("\n" at the text's start)."""
    return text[match.start() - 1] if match.start() else "\n"


def _candidates(text: str) -> Iterator[regex.Match[str]]:
    """Each candidate, read from its run of spaces' first."""
    last = -1
    for maybe in _MAYBE.finditer(text):
        start = maybe.start()
        while start and text[start - 1] in " \t":
            start -= 1
        if start > last and (m := _CANDIDATE.match(text, start, timeout=time_left())):
            last = start
            yield m


def split_inline_labels(text: NormalizedText) -> NormalizedText:
    """``text`` with each inline item label of a run on a line of its own."""
    labels, dashes, cuts = [], [], set()
    for m in _candidates(text.text):
        before = _char_before(text.text, m)
        if before in _SENTENCE_END:
            if m.group("cc"):
                cuts.add(m.start())
            elif m.group("dash"):
                dashes.append(m.start())
            else:
                labels.append(m)
        elif before.isalpha() and m.group("letter"):
            labels.append(m)
    if len(dashes) >= _MIN_DASHES:
        cuts.update(dashes)
    if labels:
        seen: dict[tuple[str, int], list[int]] = {}
        for m in [*labels, *_AT_LINE_START.finditer(text.text, timeout=time_left())]:
            seen.setdefault(_key(m), []).append(m.start())
        for m in labels:
            kind, place = _key(m)
            before = any(at < m.start() for at in seen.get((kind, place - 1), ()))
            after = any(at > m.start() for at in seen.get((kind, place + 1), ()))
            if before or after:
                cuts.add(m.start())
    # A pipe-table row ("| Nơi nhận: - Như trên; - Lưu: VT | CHỦ TỊCH … |") is layout's to
    # flatten, cell by cell.
    cuts = {at for at in cuts if not _in_a_row(text.text, at)}
    if not cuts:
        return text
    return text.edit((at, at + 1, "\n") for at in sorted(cuts))


def _in_a_row(text: str, at: int) -> bool:
    """Whether position ``at`` is on a line holding a bar (a table's row)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return "|" in text[start : end if end >= 0 else len(text)]
