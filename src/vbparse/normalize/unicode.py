"""Unicode clean-up: NFC, line ends, invisible and odd space characters, stray hyphen forms."""

from __future__ import annotations

import unicodedata

import regex

from vbparse.normalize.offsets import NormalizedText

# A base character with its combining marks: NFC works on these clusters, so a cluster maps
# back to where it started even when composing shortens it.
_CLUSTER = regex.compile(r"\P{M}\p{M}+")
_COMBINING_MARK = regex.compile(r"\p{M}")  # what a cluster needs: most texts come composed
_LINE_END = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Zero-width space/joiners, BOM, soft hyphen: invisible, dropped.
_INVISIBLE = regex.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# No-break and other fixed-width spaces, tabs → one plain space each.
_ODD_SPACE = regex.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
# Hyphen look-alikes that mean a plain hyphen; en and em dashes are kept as written.
_HYPHEN_LIKE = regex.compile("[\u2010\u2011\u2212]")
# Eth (Ð ð, U+00D0/U+00F0) looks like Vietnamese Đ đ and comes out of OCR and old fonts; it
# is never Vietnamese, so it is read as the letter it stands for.
_ETH = regex.compile("[\u00d0\u00f0]")


def clean_unicode(text: NormalizedText) -> NormalizedText:
    text = text.sub(_LINE_END, "\n")
    text = text.sub(
        _CLUSTER, lambda m: unicodedata.normalize("NFC", m.group(0)), needs=_COMBINING_MARK
    )
    text = text.sub(_INVISIBLE, "")
    text = text.sub(_ODD_SPACE, " ")
    text = text.sub(_ETH, lambda m: "Đ" if m.group(0) == "\u00d0" else "đ")
    return text.sub(_HYPHEN_LIKE, "-")
