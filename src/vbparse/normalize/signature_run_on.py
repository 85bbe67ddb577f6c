"""A signature a crawl ran onto the Nơi nhận list's "Lưu" entry: "- Lưu VT, GT B/2016/QĐ28
CHỦ TỊCH Nguyễn Xuân Đông", "- Lưu PV11 (PC - VT). GIÁM ĐỐC ĐẠI TÁ Hà Nghĩa Lộ", "- Lưu: VT,
KCHT. KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Xuân Sang PHỤ LỤC DANH MỤC …" (quyết định of a
thuvienphapluat dump, real b115, whose line breaks fell where the crawl's width did). The
authority and title in capitals, the signer's name and what follows it (an appendix's
title) each start a line again, as the printed signature sets them.

It is a signature only as the whole of that: a position of ``header.yaml``'s titles in
capitals (after an authority prefix or not), capitals after it (the unit, a rank), then a
name of two to five capitalised words, its last one perhaps wrapped to the next line ("Nguyễn
Thế" / "Giang DANH SÁCH …"). Unit codes and a drafter's initials ("Lưu: VT, KT. Hg") are no
such run.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.offsets import NormalizedText
from vbparse.normalize.run_in_header import LINE_WRAP, head_titles
from vbparse.pattern_time import time_left

__all__ = ["split_signature_run_on"]

# The "Lưu" entry's line (its bullet, "Lưu" and the rest of the line) and three lines after it,
# where an earlier step may have set the authority ("- Lưu: VT, KCHT." / "KT. BỘ TRƯỞNG THỨ
# TRƯỞNG Nguyễn Xuân Sang PHỤ LỤC …").
_ARCHIVE_LINE = regex.compile(r"(?m)^[ \t]*[-–•+]?[ \t]*Lưu\b[^\n]*(?:\n[^\n]*){0,3}")


@functools.cache
def _signature() -> regex.Pattern[str]:
    g = load_yaml("header.yaml")
    title = "|".join(regex.escape(t).replace(r"\ ", r"[ \t]+") for t in head_titles())
    prefix = "|".join(regex.escape(p) for p in g["authority_prefixes"])
    return regex.compile(
        rf"(?P<gap>[ \t]+|\n)(?:(?:{prefix})[ \t]*)?(?:{title})(?![\p{{L}}\p{{N}}])"
        r"(?:[ \t,]+[^\s\p{Ll}]+)*?"
        r"(?P<name_gap>[ \t]+|\n)(?P<name>\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){1,4}"
        # its last word wrapped to the next line, before capitals or the line's end
        r"(?:[ \t]*\r?\n[ \t]*\p{Lu}\p{Ll}+(?=[ \t]+\p{Lu}{2}|[ \t]*$))?)"
        r"(?:(?P<after_gap>[ \t]+)\S[^\n]*)?$",
        regex.MULTILINE,
    )


def _edits(text: str) -> Iterator[tuple[int, int, str]]:
    for line in _ARCHIVE_LINE.finditer(text, timeout=time_left()):
        first_line_end = text.find("\n", line.start(), line.end())
        found = next(
            (
                m
                for m in _signature().finditer(text, line.start(), line.end(), timeout=time_left())
                # inside a line only on the Lưu entry's own ("Q. BỘ TRƯỞNG" on a line of its
                # own is a title, not a signature run on)
                if m.group("gap") == "\n" or first_line_end < 0 or m.start() < first_line_end
            ),
            None,
        )
        if found is None:
            continue
        for gap in ("gap", "name_gap"):
            yield found.start(gap), found.end(gap), "\n"
        # a crawl's line break inside the name ("Nguyễn Thế" / "Giang", quyết định 916/QĐ-UBND
        # Tuyên Quang, real b116)
        for wrap in LINE_WRAP.finditer(text, found.start("name"), found.end("name")):
            yield wrap.start(), wrap.end(), " "
        if found.start("after_gap") >= 0:
            yield found.start("after_gap"), found.end("after_gap"), "\n"


def split_signature_run_on(text: NormalizedText) -> NormalizedText:
    """``text`` with a signature run onto the "Lưu" entry set out on lines again."""
    if "Lưu" not in text.text:
        return text
    return text.edit(_edits(text.text))
