"""Matching keys of agency names and the trie that finds them.

Keys are word tuples folded by :func:`fold_word` (NFC, lower case, Đ/Ð, dashes, and tone-mark
placement: "hoá" and "hóa" give the same key), so grammar files list no tone variants.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

__all__ = [
    "TOKEN",
    "Trie",
    "ascii_slug",
    "fold_phrase",
    "fold_word",
    "joiner_variants",
    "phrase_trie",
    "without_ampersands",
]


# Combining tone marks: grave, acute, tilde, hook above, dot below.
_TONES = {"\u0300": "1", "\u0301": "2", "\u0303": "3", "\u0309": "4", "\u0323": "5"}


_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "Ð": "đ", "ð": "đ"})


_NOT_SLUG = regex.compile(r"[^a-z0-9]+")
TOKEN = regex.compile(r"\w+|[^\w\s]")


@functools.lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Matching key of one token: lower case, dashes unified, and the tone mark moved to the end
    (``"hoá"`` and ``"hóa"`` both give ``"hoa2"``), so tone-mark placement never matters."""
    decomposed = unicodedata.normalize("NFD", word.translate(_DASHES).lower())
    tone = ""
    kept = []
    for char in decomposed:
        if char in _TONES:
            tone = _TONES[char]
        else:
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


# Kept per phrase: the names a document's mentions are placed and grouped by are folded again
# for every mention (11,000 folds of 1,700 phrases over the text bench). Keys are tuples: shared
# safely.
@functools.lru_cache(maxsize=4096)
def fold_phrase(phrase: str) -> tuple[str, ...]:
    """Matching key of a phrase: its folded tokens (words and punctuation marks)."""
    return tuple(fold_word(t) for t in TOKEN.findall(unicodedata.normalize("NFC", phrase)))


def same_name(name: str, other: str | None) -> bool:
    """Whether two names are one, case and tone-mark placement aside: the issuer read from
    capitals ("CỤC HẢI QUAN" → "Cục Hải Quan") is the body the text names "Cục Hải quan"."""
    return other is not None and fold_phrase(name) == fold_phrase(other)


# A locality's unit word a body's name may be written without: "Phòng Giáo dục và Đào tạo Bình
# Tân" is the issuer "Phòng Giáo dục và Đào tạo huyện Bình Tân" (hướng dẫn 754/HD-PGDĐT, real b86).
_LOCALITY_UNITS = ("huyện", "quận", "tỉnh", "thị xã", "thành phố")


def same_body(name: str, other: str | None) -> bool:
    """Whether two names are one (``same_name``), or one only leaves out its locality's unit
    word: a unit word that differs ("tỉnh Hà Giang", "thành phố Hà Giang") is another body."""
    if other is None:
        return False
    first, second = fold_phrase(name), fold_phrase(other)
    if first == second:
        return True
    longer, shorter = (first, second) if len(first) > len(second) else (second, first)
    for unit in map(fold_phrase, _LOCALITY_UNITS):
        cut = len(unit)
        if len(longer) - len(shorter) != cut:
            continue
        for at in range(1, len(shorter) + 1):
            if longer[at : at + cut] == unit and longer[:at] + longer[at + cut :] == shorter:
                return True
    return False


@functools.lru_cache(maxsize=4096)  # a group's id, built again for each of its mentions
def ascii_slug(text: str) -> str:
    """``"Cao Bằng"`` → ``"cao-bang"``: the ascii form used in ids."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


@dataclass
class Trie:
    """Longest match of folded token sequences; each sequence maps to one value."""

    root: dict[str, Any] = field(default_factory=dict)

    def add(self, key: tuple[str, ...], value: Any) -> Any | None:
        """Store ``value`` under ``key``; return the value it displaced (None if none)."""
        node = self.root
        for part in key:
            node = node.setdefault(part, {})
        old = node.get(None)
        node[None] = value
        return old if old != value else None

    def get(self, key: tuple[str, ...]) -> Any | None:
        """The value stored under exactly ``key``, or None."""
        node = self.root
        for part in key:
            node = node.get(part)
            if node is None:
                return None
        return node.get(None)

    def longest(self, keys: list[str], start: int) -> tuple[int, Any] | None:
        """``(end, value)`` of the longest key starting at ``keys[start]``, or None."""
        # Most tokens start no key: that answer needs one look-up.
        if start >= len(keys) or keys[start] not in self.root:
            return None
        node = self.root
        best = None
        for i in range(start, len(keys)):
            node = node.get(keys[i])
            if node is None:
                break
            if None in node:
                best = (i + 1, node[None])
        return best


def phrase_trie(phrases: Iterable[str], value: Any = True) -> Trie:
    """A trie of the phrases' folded keys, each mapping to ``value``."""
    trie = Trie()
    for phrase in phrases:
        trie.add(fold_phrase(phrase), value)
    return trie


def joiner_variants(
    key: tuple[str, ...], joiners: frozenset[str], most: int = 3
) -> Iterator[tuple[str, ...]]:
    """Every other spelling of a name's key with its inner joiners (``joiners``: folded
    ",", "và", "-") written one for another or left out: "Sở Kế hoạch - Đầu tư" and "Sở Kế
    hoạch Đầu tư" for "Sở Kế hoạch và Đầu tư". Names with more than ``most`` joiners give
    none (4 ** joiners spellings)."""
    inner = [i for i, part in enumerate(key) if part in joiners and 0 < i < len(key) - 1]
    if not inner or len(inner) > most:
        return
    choices = [(j,) for j in sorted(joiners)] + [()]
    for combo in itertools.product(choices, repeat=len(inner)):
        parts: list[str] = []
        last = 0
        for i, written in zip(inner, combo, strict=True):
            parts.extend(key[last:i])
            parts.extend(written)
            last = i + 1
        parts.extend(key[last:])
        variant = tuple(parts)
        if variant != key:
            yield variant


def without_ampersands(key: tuple[str, ...]) -> tuple[str, ...] | None:
    """The key of an abbreviation written without its "&": "Sở GDĐT" for "Sở GD&ĐT", "Bộ
    NNPTNT" for "Bộ NN&PTNT" (the letters on both sides become one token). None when the key
    has no "&" between two tokens."""
    if "&" not in key[1:-1]:
        return None
    parts: list[str] = []
    glue = False
    for part in key:
        if part == "&" and parts:
            glue = True
        elif glue:
            parts[-1] += part
            glue = False
        else:
            parts.append(part)
    return tuple(parts)
