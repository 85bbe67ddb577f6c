"""Which lines ``flatten_layout`` can change, found without running its steps on every line.

Its steps test a dozen patterns on each line; most of a text is body lines none of them
changes. A line is left as it is when no whole-text search below hits it and it holds none
of what the other steps need (issue 15, speed). The output is the same: every test of a step
is a search for its own pattern or for a shorter one each of its matches contains.
"""

from __future__ import annotations

import bisect
import functools
import itertools

import regex

from vbparse.pattern_time import time_left

__all__ = [
    "MOTTO_INSIDE",
    "SIGNED_WORDS",
    "lines_hit",
    "motto_inside",
    "opens_with_marker",
    "untouched",
]

# The quốc hiệu or the tiêu ngữ after other words on a line, in the forms only a header uses.
# (The tiêu ngữ in any case: "TỈNH HẬU GIANG Độc Lập - Tự Do - Hạnh Phúc", công văn
# 454/UBND-NCTH, a web copy; as OCR reads it: "TONG CUC THUE Độc lập — Tự do - Hanh phúc",
# letters of Tổng cục Thuế as a tax dataset holds them, real.)
# The quốc hiệu as OCR reads it, each vowel with its right mark, none or a wrong one.
_OCR_MOTTO = "C[OÔỘỒỐỔỖ]NG H[OÒÓÕỎỌ]A X[AÃÁÀẢẠ] H[OÔỘỒỐỔỖ]I CH[UỦÙÚŨỤ] NGH[IĨÌÍỈỊ]A"
# The tiêu ngữ as OCR reads it without its marks ("TONG CỤC HAI QUAN Doc lap - Tw do - Hanh
# phic", công văn 5533/TCHQ-TXNK as a tax dataset holds it, real b38): "Doc lap" and the two
# dashes, the words after them damaged.
_OCR_TIEU_NGU = r"Doc lap\s*[-–—]\s*T\S{1,2} do\s*[-–—]\s*H\S{2,4} ph\S{1,3}"
MOTTO_INSIDE = regex.compile(
    r"(?<=\S)[ \t]+(?=CỘNG HÒA XÃ HỘI CHỦ NGHĨA\b"
    # (OCR may drop the dashes: "SỞ Y TẾ Độc lập Tự do Hạnh phúc", công văn 2734/SYT-TCCB)
    r"|(?i:Độc lập\s*(?:[-–—]\s*)?Tự do\s*(?:[-–—]\s*)?H[ạa]nh phúc)"
    # a scanner's OCR layer loses the marks ("VAN PHONG CHÍNH PHU CONG HOA XÃ HOI CHỦ NGHĨA")
    # or gives wrong ones ("BỘ Y TẾ CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    rf"|{_OCR_MOTTO}\b|{_OCR_TIEU_NGU})"
)
SIGNED_WORDS = ("Đã ký", "đã ký", "ĐÃ KÝ")

# What the line steps' patterns need in a line, as patterns that start with a literal (fast
# on a whole text): layout's ``_GLUED_RULE``, ``_CAPITALS_TAIL``, ``_INLINE_BULLET``, the
# motto. A step before another only turns spaces into line breaks (never inside these) and a
# closing rule into spaces, so a line with none of them is changed by no step.
RULE_NEEDS = regex.compile(r"[-_=]{3}")
TAIL_NEEDS = regex.compile(r"(?<=\p{Ll})\.[ \t]+\p{Lu}{2}")
BULLET_NEEDS = regex.compile(r"[.;:!?][ \t]+[-–•+][ \t]+\p{Lu}")
MOTTO_NEEDS = regex.compile(rf"CỘNG HÒA XÃ HỘI CHỦ NGHĨA|{_OCR_MOTTO}|Độc [Ll]ập|ĐỘC LẬP|Doc lap")


def lines_hit(
    text: str, lines: list[str], layout: list[bool], *, motto: bool, bullets: bool
) -> set[int]:
    """The lines where a step's pattern may match, and the lines around layout rows (their
    separator rows): the only lines besides those with a bar, a bracket, a run of spaces, a
    trailing label, a stamp or a field at their start that ``flatten_layout`` changes."""
    patterns = [RULE_NEEDS, TAIL_NEEDS]
    patterns += [MOTTO_NEEDS] if motto else []
    patterns += [BULLET_NEEDS] if bullets else []
    found = sorted(m.start() for p in patterns for m in p.finditer(text, timeout=time_left()))
    hit: set[int] = set()
    if found:
        starts = list(itertools.accumulate([len(line) + 1 for line in lines[:-1]], initial=0))
        hit = {bisect.bisect_right(starts, at) - 1 for at in found}
    for i, row in enumerate(layout):
        if row:
            hit.update((i - 1, i + 1))
    return hit


def untouched(
    line: str, marker: regex.Pattern[str], caption: bool, columns: bool, signed: bool
) -> bool:
    """Whether no step of ``flatten_layout`` can change ``line``, a line ``lines_hit`` left
    out: it has no bar (a table row), no bracket (a caption), no run of spaces (columns), no
    trailing label ("2.1."), no stamp and no field at its start."""
    return not (
        "|" in line
        or (caption and "(" in line)
        or (columns and ("   " in line or "\t" in line))
        or (line[-1:] == "." and line[-2:-1].isdigit())
        or (signed and any(word in line for word in SIGNED_WORDS))
        or opens_with_marker(marker, line)
    )


# Lines up to this length are kept with their answer (the longest body lines are paragraphs of
# a few hundred characters); a longer one is asked anew, which bounds what the cache holds.
_MARKED_LONGEST = 2000


def opens_with_marker(marker: regex.Pattern[str], line: str) -> bool:
    """Whether ``marker`` (layout's fields: Số, V/v, Kính gửi, place and date, quốc hiệu, …)
    matches at the start of ``line``. Kept per line: ``untouched``, the table-row and column
    tests ask it of the same lines and cells, and normalize's repeated pass of line steps
    asks again of the lines the first left as they were (88,000 questions of 22,000 distinct
    lines over the text bench; the alternation costs ~2 µs a line, place and date most)."""
    if len(line) > _MARKED_LONGEST:
        return marker.match(line) is not None
    return _opens_with_marker(marker, line)


@functools.lru_cache(maxsize=4096)
def _opens_with_marker(marker: regex.Pattern[str], line: str) -> bool:
    return marker.match(line) is not None


def motto_inside(text: str) -> bool:
    """``MOTTO_INSIDE.search(text)``, tried only at the spaces before the motto's words."""
    for words in MOTTO_NEEDS.finditer(text, timeout=time_left()):
        start = words.start()
        while start and text[start - 1] in " \t":
            start -= 1
        if start < words.start() and MOTTO_INSIDE.match(text, start):
            return True
    return False
