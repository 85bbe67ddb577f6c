"""Two Vietnamese syllables a web copy ran together ("Kếhoạch", "đềnghị", "Ủy bannhân dân"),
split again: a word with a Vietnamese letter that is no syllable, and that splits in exactly
one place into two syllables, gets a space there. The syllable inventory is data
(``grammars/normalize.yaml`` ``syllables``: onsets and toneless rhymes), the code only
composes it.

Only words with a letter that English has not (a tone mark, ă â ê ô ơ ư, đ) are tried, so
abbreviations, names written without marks and foreign words ("Vinacomin") are left alone.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.offsets import NormalizedText
from vbparse.normalize.tone_marks import letter_runs, place_tone_mark

# The tone marks (acute, grave, hook, tilde, dot below); breve, circumflex and horn are part
# of the vowel and stay.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD_LETTERS = 4
_WORD = regex.compile(rf"\p{{L}}{{{_WORD_LETTERS},}}")
_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")
_VOWELS = "aăâeêioôơuưy"
# "gi" and "qu" take a rhyme without its first letter ("giữa" = gi + ưa, "quyết" = qu + yêt).
_GLIDED = {"gi": "i", "qu": "u"}


def _toneless(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))


@functools.cache
def _inventory() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    data = load_yaml("normalize.yaml")["syllables"]
    onsets = tuple(sorted(data["onsets"], key=len, reverse=True))
    rhymes = frozenset(data["rhymes"])
    return onsets, rhymes, rhymes - frozenset(data.get("onsetless", ()))


@functools.cache
def is_syllable(word: str) -> bool:
    """Whether ``word`` (any case, any tone) is one Vietnamese syllable."""
    onsets, rhymes, after_onset = _inventory()
    bare = _toneless(word)
    if bare in rhymes:
        return True
    for onset in onsets:
        if bare.startswith(onset) and len(bare) > len(onset):
            rest = bare[len(onset) :]
            if rest in after_onset or (onset in _GLIDED and _GLIDED[onset] + rest in rhymes):
                return True
    return False


@functools.cache
def _common() -> frozenset[str]:
    """Syllables seen in real directives (``grammars/encodings/syllables.tsv``)."""
    from vbparse.grammars import load_tsv

    return frozenset(row["syllable"] for row in load_tsv("encodings/syllables.tsv"))


# Two syllables are at most this many letters ("nghiêngnghiêng" is 14): a longer run is no
# two syllables run together, and trying every split of it costs its length squared.
_TWO_SYLLABLES = 16


@functools.lru_cache(maxsize=65536)
def two_syllables_at(word: str) -> int | None:
    """Where ``word``, no syllable itself, splits into the two syllables it runs together
    ("Kếhoạch" at 2), or ``None``."""
    if len(word) > _TWO_SYLLABLES or is_syllable(word) or set(word.lower()) <= _ASCII:
        return None
    points = [i for i in range(1, len(word)) if is_syllable(word[:i]) and is_syllable(word[i:])]
    # Between two vowels a misspelt syllable is likelier than two run together: "chyến" (for
    # "chuyến", công văn 328/VPCP-KGVX as a web copy, real) is no "chy ến". Such a split
    # stands only when directives use both halves.
    points = [i for i in points if not _between_vowels(word, i) or _both_used(word, i)]
    if set(_toneless(word)) <= _ASCII:
        # Only tone marks beyond English letters: two syllables run together ("anthành",
        # "kèmhình", a web copy) or one that OCR lost a vowel's hat in ("TRUYÈN" for
        # "TRUYỀN", not "TRUY ÈN"): split only into two syllables directives use.
        points = [i for i in points if _both_used(word, i)]
    if len(points) > 1:
        # "đềnghị" reads "đề nghị" or "đền ghị": keep the reading whose syllables directives use
        # (a syllable of plain letters counts as used: "Đầu tưthay" reads "tư thay", not "tưt
        # hay", công văn 1775/VPCP-QHQT as a web copy, real).
        points = [i for i in points if _both_used(word, i)]
    return points[0] if len(points) == 1 else None


def _both_used(word: str, at: int) -> bool:
    return _used(word[:at]) and _used(word[at:])


def _between_vowels(word: str, at: int) -> bool:
    return _toneless(word[at - 1 : at + 1]).strip(_VOWELS) == ""


def _used(syllable: str) -> bool:
    """A syllable of plain letters, or one with a mark that directives use (its mark where the
    list writes it: "uỷ" is "ủy", Đảng "uỷtheo dõi" in a commune Party committee's PDF text,
    real b150)."""
    lower = syllable.lower()
    return set(lower) <= _ASCII or place_tone_mark(lower) in _common()


def _split(match: regex.Match[str]) -> str:
    word = match.group(0)
    at = two_syllables_at(word)
    return word if at is None else word[:at] + " " + word[at:]


def split_run_together(text: NormalizedText) -> NormalizedText:
    # Most texts have no run-together word: deciding once per distinct word skips the
    # offset-carrying pass (a Python call per word) when none splits.
    # The words ``_WORD`` finds are the letter runs of four letters or more (greedy, each run
    # whole): asked of ``letter_runs``, which tone marks asked the same text before.
    words = (word for word in letter_runs(text.text) if len(word) >= _WORD_LETTERS)
    if all(two_syllables_at(word) is None for word in words):
        return text
    return text.sub(_WORD, _split)
