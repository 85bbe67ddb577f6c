"""A signature a crawl ran onto the Nơi nhận list's "Lưu" entry: "- Lưu VT, GT B/2016/QĐ28
CHỦ TỊCH Nguyễn Xuân Đông", "- Lưu PV11 (PC - VT). GIÁM ĐỐC ĐẠI TÁ Hà Nghĩa Lộ", "- Lưu: VT,
KCHT. KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Xuân Sang PHỤ LỤC DANH MỤC …" (quyết định of a
thuvienphapluat dump, real b115, whose line breaks fell where the crawl's width did). The
authority and title in capitals, the signer's name and what follows it (an appendix's
title) each start a line again, as the printed signature sets them.

It is a signature only as the whole of that: a position of ``header.yaml``'s titles in
capitals (after an authority prefix or not), capitals after it (the unit, a rank), then a
name of two to five capitalised words. Unit codes and a drafter's initials ("Lưu: VT, KT.
Hg") are no such run.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.offsets import NormalizedText
from vbparse.pattern_time import time_left

__all__ = ["split_signature_run_on"]

# The "Lưu" entry's line (its bullet, "Lưu" and the rest of the line) and the line after it,
# where an earlier step may have set the authority ("- Lưu: VT, KCHT." / "KT. BỘ TRƯỞNG THỨ
# TRƯỞNG Nguyễn Xuân Sang PHỤ LỤC …").
_ARCHIVE_LINE = regex.compile(r"(?m)^[ \t]*[-–•+]?[ \t]*Lưu\b[^\n]*(?:\n[^\n]*)?")


@functools.cache
def _signature() -> regex.Pattern[str]:
    g = load_yaml("header.yaml")
    titles = sorted({t.upper() for t in g["titles"]}, key=len, reverse=True)
    title = "|".join(regex.escape(t).replace(r"\ ", r"[ \t]+") for t in titles)
    prefix = "|".join(regex.escape(p) for p in g["authority_prefixes"])
    return regex.compile(
        rf"(?P<gap>[ \t]+|\n)(?:(?:{prefix})[ \t]*)?(?:{title})(?![\p{{L}}\p{{N}}])"
        r"(?:[ \t,]+[^\s\p{Ll}]+)*?"
        r"(?P<name_gap>[ \t]+)\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){1,4}"
        r"(?:(?P<after_gap>[ \t]+)\S[^\n]*)?$"
    )


def _edits(text: str) -> Iterator[tuple[int, int, str]]:
    for line in _ARCHIVE_LINE.finditer(text, timeout=time_left()):
        found = _signature().search(text, line.start(), line.end(), timeout=time_left())
        if found is None:
            continue
        for gap in ("gap", "name_gap", "after_gap"):
            if found.start(gap) >= 0:
                yield found.start(gap), found.end(gap), "\n"


def split_signature_run_on(text: NormalizedText) -> NormalizedText:
    """``text`` with a signature run onto the "Lưu" entry set out on lines again."""
    if "Lưu" not in text.text:
        return text
    return text.edit(_edits(text.text))
