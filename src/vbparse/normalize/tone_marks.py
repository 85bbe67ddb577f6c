"""One tone-mark placement for the open syllables where two conventions coexist.

"hoá"/"hóa", "thuỷ"/"thủy", "Uỷ"/"Ủy" become one spelling (the grammar says which), so that
matching and scoring never depend on the typist's habit. The replacement keeps the length
(in NFC), so offsets map character to character.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.offsets import NormalizedText
from vbparse.pattern_time import time_left

# Combining tone marks: grave, acute, tilde, hook above, dot below.
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_LETTER_RUN = regex.compile(r"\p{L}+")


@functools.cache
def _rules() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    data = load_yaml("normalize.yaml")["tone_marks"]
    not_after = {pair: tuple(prev) for pair, prev in (data.get("not_after") or {}).items()}
    return tuple(data["open_pairs"]), not_after


def strip_tones(word: str) -> str:
    """``"Ủy"`` → ``"Uy"``: tone marks removed, other diacritics (â, ư, đ) kept."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))


@functools.cache
def _marked_finals() -> frozenset[str]:
    """Letters that can end a word whose mark may need moving: the pairs' second vowels
    carrying a tone mark ("á", "ẻ", "ỷ", …), both cases."""
    pairs, _ = _rules()
    seconds = {pair[-1] for pair in pairs}
    marked = {
        unicodedata.normalize("NFC", vowel + mark) for vowel in seconds for mark in TONE_MARKS
    }
    return frozenset(marked | {c.upper() for c in marked})


# Pure in ``word``: a document repeats its words, and the cache is bounded for long batches.
@functools.lru_cache(maxsize=65536)
def place_tone_mark(word: str) -> str:
    """Move the tone mark of an open ``oa``/``oe``/``uy`` syllable onto its first vowel."""
    if len(word) < 2 or word[-1] not in _marked_finals():
        return word
    pairs, not_after = _rules()
    base = strip_tones(word)
    lower = base.lower()
    for pair in pairs:
        if not lower.endswith(pair) or len(lower) < 2:
            continue
        before = lower[-3] if len(lower) >= 3 else ""
        if before and before in not_after.get(pair, ()):
            return word
        second = unicodedata.normalize("NFD", word[-1])
        marks = [c for c in second if c in TONE_MARKS]
        if not marks:
            return word
        first = unicodedata.normalize("NFD", word[-2])
        moved_first = unicodedata.normalize("NFC", first + marks[0])
        bare_second = unicodedata.normalize("NFC", "".join(c for c in second if c not in marks))
        return word[:-2] + moved_first + bare_second
    return word


@functools.cache
def _candidate_words() -> regex.Pattern[str]:
    """Words that end in a marked second vowel: the only ones ``place_tone_mark`` may change
    (matching every word of a long text was half the cost of normalizing it)."""
    finals = "".join(sorted(_marked_finals()))
    # Anchored at a word's start and possessive: one pass over a word of any length (an
    # unanchored "\p{L}+" retried at every letter of a 40,000-letter word took 140 s).
    return regex.compile(rf"(?<!\p{{L}})\p{{L}}++(?<=[{finals}])")


# The last texts' runs: most texts reach ``split_run_together`` unchanged by the steps between,
# and it asks for the same runs (a findall over the whole text, ~0.05 s over the bench texts).
@functools.lru_cache(maxsize=4)
def letter_runs(text: str) -> frozenset[str]:
    """The distinct runs of letters in ``text`` (``\\p{L}+``, each as long as it goes)."""
    # Found in the text's distinct words, one space between them: no run crosses whitespace
    # (no letter is a space), so the runs are the same, and a text repeats most of its words
    # (the pattern reads two fifths of the characters: 0.12 -> 0.10 s over the text bench).
    distinct = " ".join(set(text.split()))
    return frozenset(_LETTER_RUN.findall(distinct, timeout=time_left()))


def fold_tone_marks(text: NormalizedText) -> NormalizedText:
    # Most texts already use one placement: deciding once per distinct word skips the
    # offset-carrying pass (a Python call per word) when no word changes. The candidates are
    # the distinct letter runs that end in a marked vowel (what ``_candidate_words`` finds;
    # a plain run of letters is found three times faster).
    finals = _marked_finals()
    if all(place_tone_mark(word) == word for word in letter_runs(text.text) if word[-1] in finals):
        return text
    return text.sub(_candidate_words(), lambda m: place_tone_mark(m.group(0)))


def fold_tone_marks_str(text: str) -> str:
    """The same on a plain string (for matching and scoring)."""
    return _candidate_words().sub(lambda m: place_tone_mark(m.group(0)), text)
