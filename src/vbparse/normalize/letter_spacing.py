"""Words a PDF set letter-spaced, which its text layer gives a letter at a time ("KT. C h ủ
tịch", "KT. G i á m đ ố c", the signature blocks of UBND huyện Bình Tân and Sở GD&ĐT Hà
Giang, real PDFs b86/b92): a run of three or more one-letter words is joined again when the
letters make one Vietnamese syllable or two (``split_run_together``, the step after this,
puts the space back between two). Any other run of letters ("x x x" in a table, "A B C") is
left as it is.
"""

from __future__ import annotations

import regex

from vbparse.normalize.offsets import NormalizedText
from vbparse.normalize.syllables import is_syllable, two_syllables_at

__all__ = ["join_letter_spaced"]

# Three or more letters, each alone between single spaces, not inside a longer word.
_SPACED = regex.compile(r"(?<![\p{L}\p{N}])\p{L}(?: \p{L}){2,}(?![\p{L}\p{N}])")
# What ``_SPACED`` needs, found faster (a literal space first, no look-behind at every
# position): two one-letter words in a row.
_NEEDS = regex.compile(r" \p{L} \p{L}(?![\p{L}\p{N}])")


def _joined(match: regex.Match[str]) -> str:
    word = match.group(0).replace(" ", "")
    return word if is_syllable(word) or two_syllables_at(word) is not None else match.group(0)


def join_letter_spaced(text: NormalizedText) -> NormalizedText:
    """``text`` with each letter-spaced word written whole."""
    return text.sub(_SPACED, _joined, needs=_NEEDS)
