"""Unicode clean-up: NFC, line ends, invisible and odd space characters, stray hyphen forms."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

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
# is never Vietnamese, so it is read as the letter it stands for. So is "oi" (Ƣ ƣ, U+01A2/
# U+01A3), which a PDF font of some Word converters draws for Ư ư ("Trƣởng phòng",
# "trƣờng", letters of Phòng GD&ĐT Hiệp Hòa and BCĐ Gia Lai, real b79/b87).
_LOOK_ALIKE = regex.compile("[\u00d0\u00f0\u01a2\u01a3]")
_STANDS_FOR = {"\u00d0": "Đ", "\u00f0": "đ", "\u01a2": "Ư", "\u01a3": "ư"}


def _holds_any(chars: str) -> Callable[[str], bool]:
    """What a pattern of one character class (``chars`` its members) needs: one of them in the
    text, found by str's own search per character. Most texts hold none, and the class's scan
    of a whole text that holds none took 3 to 5 times as long."""

    def holds(text: str) -> bool:
        return any(char in text for char in chars)

    return holds


# The members of each class above, in the same order (tests/normalize/test_fast_paths.py
# checks them against the patterns over every code point).
LINE_END_CHARS = "\r\u2028\u2029\x0b\x0c\x85"
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
ODD_SPACE_CHARS = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000\t"
HYPHEN_LIKE_CHARS = "\u2010\u2011\u2212"
LOOK_ALIKE_CHARS = "\u00d0\u00f0\u01a2\u01a3"
_HOLDS_LINE_END = _holds_any(LINE_END_CHARS)
_HOLDS_INVISIBLE = _holds_any(INVISIBLE_CHARS)
_HOLDS_ODD_SPACE = _holds_any(ODD_SPACE_CHARS)
_HOLDS_HYPHEN_LIKE = _holds_any(HYPHEN_LIKE_CHARS)
_HOLDS_LOOK_ALIKE = _holds_any(LOOK_ALIKE_CHARS)


def clean_unicode(text: NormalizedText) -> NormalizedText:
    text = text.sub(_LINE_END, "\n", needs=_HOLDS_LINE_END)
    text = text.sub(
        _CLUSTER, lambda m: unicodedata.normalize("NFC", m.group(0)), needs=_COMBINING_MARK
    )
    text = text.sub(_INVISIBLE, "", needs=_HOLDS_INVISIBLE)
    text = text.sub(_ODD_SPACE, " ", needs=_HOLDS_ODD_SPACE)
    text = text.sub(_LOOK_ALIKE, lambda m: _STANDS_FOR[m.group(0)], needs=_HOLDS_LOOK_ALIKE)
    return text.sub(_HYPHEN_LIKE, "-", needs=_HOLDS_HYPHEN_LIKE)
