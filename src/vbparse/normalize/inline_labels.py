"""Item labels a crawl ran into the line before: "… Bộ Xây dựng đề nghị: 1. Ủy ban nhân dân
các tỉnh … Trung ương a) Chỉ đạo … b) Phối hợp …" (the công điện and thông báo kết luận of a
thuvienphapluat dump, real b111, whose line breaks fell where the crawl's width did). Each
label there starts its line again, so that segmentation sees the items.

A label inside a line is one only as one of a run: its neighbour in the same numbering (the
label before it or the one after it: "1." and "2.", "a)" and "b)", "I." and "II.") is found
too, inside a line or at a line's start. A number or a Roman numeral follows the end of a
sentence (".", ";", ":"); a letter may follow a heading's last word ("… Trung ương a) Chỉ
đạo"). A capitalised word follows every label. Bullets ("-", "+", "•") after the end of a
sentence are split when two or more are ("Giao Cục Đường sắt Việt Nam: - Tổng hợp …; -
Tổ chức …"), and so is the Nơi nhận label after one ("… biết, thực hiện./. Nơi nhận: - Như
trên; - Lưu: VT"). The edit turns the space before the label into a line break, so offsets
are kept.
"""

from __future__ import annotations

import regex

from vbparse.normalize.offsets import NormalizedText
from vbparse.pattern_time import time_left

__all__ = ["split_inline_labels"]

# An item's letter: Vietnamese's, without "f", "j", "w", "z".
_LETTER = "[a-eg-ik-vxyđ]"
# A label and the capital after it: "1. Ủy ban", "a) Chỉ đạo", "II. Nhiệm vụ".
_LABEL = (
    rf"(?:(?P<number>\d{{1,2}})\.|(?P<letter>{_LETTER})\)|(?P<roman>[IVX]{{1,4}})\.)"
    r"[ \t]+(?=\p{Lu})"
)
_INLINE = regex.compile(rf"(?:(?<=[.;:!?])|(?<=\p{{L}})(?=[ \t]+{_LETTER}\)))[ \t]+" + _LABEL)
_AT_LINE_START = regex.compile(r"(?m)^[ \t]*" + _LABEL)


def _in_a_row(text: str, at: int) -> bool:
    """Whether position ``at`` is on a line holding a bar (a table's row)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return "|" in text[start : end if end >= 0 else len(text)]


# Bullets and the Nơi nhận label after the end of a sentence.
_INLINE_DASH = regex.compile(r"(?<=[.;:!?])[ \t]+(?=[-–•+][ \t]+\p{Lu})")
_MIN_DASHES = 2
_INLINE_CC = regex.compile(r"(?<=[.;:!?])[ \t]+(?=Nơi nhận\s*:)")
# What ``_INLINE`` needs, found faster (no look-behind tried at every position): a label after
# a space, then a capital.
_NEEDS = regex.compile(
    rf"[ \t](?:\d{{1,2}}\.|{_LETTER}\)|[IVX]{{1,4}}\.|[-–•+])[ \t]+\p{{Lu}}|[ \t]Nơi nhận"
)

# The letters Vietnamese items run through ("f", "j", "w", "z" are not in the alphabet).
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _key(match: regex.Match[str]) -> tuple[str, int]:
    """The label's numbering and its place in it."""
    if match.group("number"):
        return "number", int(match.group("number"))
    if match.group("letter"):
        return "letter", _LETTERS.index(match.group("letter")) + 1
    return "roman", _roman(match.group("roman"))


def split_inline_labels(text: NormalizedText) -> NormalizedText:
    """``text`` with each inline item label of a run on a line of its own."""
    if not _NEEDS.search(text.text, timeout=time_left()):
        return text
    inline = list(_INLINE.finditer(text.text, timeout=time_left()))
    seen: dict[tuple[str, int], list[int]] = {}
    for m in [*inline, *_AT_LINE_START.finditer(text.text, timeout=time_left())]:
        seen.setdefault(_key(m), []).append(m.start())
    cuts = {m.start() for m in _INLINE_CC.finditer(text.text, timeout=time_left())}
    dashes = [m.start() for m in _INLINE_DASH.finditer(text.text, timeout=time_left())]
    if len(dashes) >= _MIN_DASHES:
        cuts.update(dashes)
    for m in inline:
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
    return text.sub(_SPACE_BEFORE_LABEL, lambda m: "\n" if m.start() in cuts else m.group(0))


# The one space ``split_inline_labels`` turns into a line break: the first before the label.
_SPACE_BEFORE_LABEL = regex.compile(
    rf"(?<=\S)[ \t](?=[ \t]*(?:\d{{1,2}}\.|{_LETTER}\)|[IVX]{{1,4}}\.|[-–•+]|Nơi nhận\s*:)[ \t]*)"
)
