"""Markup debris that OCR engines and portals leave in text: "# " heading markers, HTML tags
such as "<sub>Tr</sub>", "**" emphasis. The words inside are kept; only the markup goes. And
a printed gazette's running heads (``running_heads`` in ``grammars/normalize.yaml``), whole
lines."""

from __future__ import annotations

import functools

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.offsets import NormalizedText

_HEADING_MARK = regex.compile(r"(?m)^[ ]*#{1,6}[ ]+")
_HTML_TAG = regex.compile(r"</?(?:sub|sup|b|i|u|em|strong|span|p|br)\b[^<>]{0,80}>", regex.I)
# "**" only: runs of "_" are separator lines in real headers ("______________").
_EMPHASIS = regex.compile(r"\*\*")
# Markdown italics around words: "*Hà Nội, ngày 15 tháng 11 năm 2025*" (a bullet "* " and a
# lone star are left alone).
# A converter may wrap the words inside ("*Hà Nội, ngày 16\n tháng 11 năm 2025*") or leave a
# space before the closing star ("*Hà Nội, ngày 20 tháng 11 năm 2025 *"), the next words
# then glued to the star ("*Đơn vị phối hợp: *Sở Nội vụ", kế hoạch 141/KH-UBND Bắc Ninh).
_ITALIC = regex.compile(
    r"(?<![\*\w])\*(?=[^\s*])([^*]{1,300}?)(?<=[^\s*])(?:[ ]{0,2}\*(?![\*\w])|[ ]{1,2}\*(?=\w))"
)


@functools.cache
def _running_head() -> regex.Pattern[str]:
    heads = "|".join(f"(?:{p})" for p in load_yaml("normalize.yaml")["running_heads"])
    return regex.compile(rf"(?m)^[ \t]*(?:{heads})[ \t\r]*(?:\n|$)")


def remove_markup_debris(text: NormalizedText) -> NormalizedText:
    text = text.sub(_running_head(), "")
    text = text.sub(_HEADING_MARK, "")
    text = text.sub(_HTML_TAG, "")
    text = text.sub(_EMPHASIS, "")
    return text.sub(_ITALIC, lambda m: " " + m.group(1) + " ")
