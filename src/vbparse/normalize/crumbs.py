"""Breadcrumbs a legal-text portal puts before each part of a document it serves in pieces:
"Quyết định 435/QĐ-UBND năm 2020. Điều 1.", "Quyết định 435/QĐ-UBND năm 2020. CHƯƠNG TRÌNH
HÀNH ĐỘNG. II. NỘI DUNG HOẠT ĐỘNG" (a crawl of thuvienphapluat, quyết định 435/QĐ-UBND Kon
Tum). The document's own title opening two lines or more is such a crumb, and so is a part's
title that opens two lines or more before an item label: both go, so the header, the "Điều"
and the items start their lines again. A part's title before its own text (the attached
programme's "CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI …") stays, on a line of its own."""

from __future__ import annotations

import functools
from collections import Counter

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.offsets import NormalizedText

# A part's title as a crumb: up to 80 characters without a full stop, then ". ".
_SEGMENT = regex.compile(r"[^\n.]{3,80}?\.[ \t]+")
_ITEM_LABEL = regex.compile(r"(?:[IVXL]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)][ \t]")


@functools.cache
def _document_crumb() -> regex.Pattern[str]:
    types = "|".join(regex.escape(t) for t in load_yaml("normalize.yaml")["breadcrumb_types"])
    return regex.compile(
        rf"(?m)^[ \t]*(?:{types})[ \t]+\d+[^\s.]*(?:[ \t]+năm[ \t]+\d{{4}})?\.[ \t]+"
    )


def remove_breadcrumbs(text: NormalizedText) -> NormalizedText:
    crumb = _document_crumb()
    found = Counter(m.group(0).strip() for m in crumb.finditer(text.text))
    repeated = {c for c, n in found.items() if n >= 2}
    if not repeated:
        return text
    text = text.sub(crumb, lambda m: "" if m.group(0).strip() in repeated else m.group(0))
    return _remove_part_crumbs(text)


def _remove_part_crumbs(text: NormalizedText) -> NormalizedText:
    starts = Counter(
        m.group(0).strip() for m in regex.finditer(rf"(?m)^{_SEGMENT.pattern}", text.text)
    )
    parts = [p for p, n in starts.items() if n >= 2]
    if not parts:
        return text
    alternatives = "|".join(regex.escape(p[:-1]) for p in sorted(parts, key=len, reverse=True))
    crumb = regex.compile(rf"(?m)^(?:{alternatives})\.[ \t]+(?P<label>{_ITEM_LABEL.pattern})?")

    def strip(match: regex.Match[str]) -> str:
        # Before an item label the crumb goes; before the part's own text it is the part's
        # title, on a line of its own ("CHƯƠNG TRÌNH HÀNH ĐỘNG" / "TRIỂN KHAI …").
        if match.group("label"):
            return match.group("label")
        return match.group(0)[: match.group(0).rindex(".")] + "\n"

    return text.sub(crumb, strip)
