"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI, VISCII): decode and tell them apart.

The byte tables are data (``grammars/encodings/<name>.tsv``, made by
``scripts/make_encoding_tables.py``). A decoding is judged by how many of its words with a
diacritic are known syllables (``grammars/encodings/syllables.tsv``); the decoder picks an
encoding only when one candidate clearly beats the others, and otherwise says it cannot
decide: it never guesses silently.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from vbparse.grammars import GrammarError, load_tsv

LEGACY_ENCODINGS = ("tcvn3", "vni", "viscii")

# A decoding is accepted when at least this share of its words with a diacritic are known
# syllables, and it beats the runner-up by at least MARGIN.
MIN_SCORE = 0.5
MARGIN = 0.25
MIN_WORDS = 5

_WORD = re.compile(r"[^\W\d_]+")
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}


@dataclass(frozen=True)
class Decoding:
    """One candidate reading of some bytes: its text and how Vietnamese it looks."""

    encoding: str
    text: str
    score: float
    words: int


@functools.cache
def _table(name: str) -> tuple[dict[bytes, str], int]:
    """``bytes -> text`` for one legacy encoding, and the longest byte sequence in it."""
    table: dict[bytes, str] = {}
    for row in load_tsv(f"encodings/{name}.tsv"):
        try:
            seq = bytes.fromhex(row["bytes"])
            text = row["text"].encode("ascii").decode("unicode_escape")
        except (ValueError, UnicodeError) as exc:
            raise GrammarError(f"encodings/{name}.tsv:{row['__line__']}: {exc}") from exc
        table[seq] = text
    return table, max(len(k) for k in table)


@functools.cache
def known_syllables() -> frozenset[str]:
    return frozenset(row["syllable"] for row in load_tsv("encodings/syllables.tsv"))


def decode_legacy(data: bytes, encoding: str) -> str | None:
    """Decode ``data`` from one legacy encoding; ``None`` if a byte has no meaning in it.

    ASCII bytes stand for themselves (VNI: letters combine with the mark byte after them).
    """
    table, longest = _table(encoding)
    out: list[str] = []
    i, n = 0, len(data)
    while i < n:
        for size in range(min(longest, n - i), 0, -1):
            piece = table.get(data[i : i + size])
            if piece is not None:
                out.append(piece)
                i += size
                break
        else:
            byte = data[i]
            if byte >= 0x80:
                return None
            char = chr(byte)
            if byte < 0x20 and char not in _ALLOWED_CONTROLS:
                return None
            out.append(char)
            i += 1
    return unicodedata.normalize("NFC", "".join(out))


def score_vietnamese(text: str) -> tuple[float, int]:
    """Share of the words with a non-ASCII letter that are known syllables, and their count."""
    syllables = known_syllables()
    words = [
        w for w in _WORD.findall(unicodedata.normalize("NFC", text).lower()) if not w.isascii()
    ]
    if not words:
        return 0.0, 0
    return sum(w in syllables for w in words) / len(words), len(words)


def candidates(data: bytes) -> list[Decoding]:
    """Every legacy decoding of ``data`` that is total, best first."""
    found = []
    for encoding in LEGACY_ENCODINGS:
        text = decode_legacy(data, encoding)
        if text is not None:
            score, words = score_vietnamese(text)
            found.append(Decoding(encoding, text, score, words))
    return sorted(found, key=lambda d: d.score, reverse=True)


def decide(found: list[Decoding]) -> Decoding | None:
    """The clear winner among candidate decodings, or ``None`` when no decision is safe."""
    if not found:
        return None
    best = found[0]
    runner_up = found[1].score if len(found) > 1 else 0.0
    if best.words < MIN_WORDS or best.score < MIN_SCORE or best.score - runner_up < MARGIN:
        return None
    return best


def describe(found: list[Decoding]) -> str:
    """A short account of the candidates, for an error message."""
    if not found:
        return "no legacy Vietnamese encoding (TCVN3, VNI, VISCII) maps every byte"
    return ", ".join(f"{d.encoding} {d.score:.0%} of {d.words} words" for d in found)


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode Unicode text into a legacy encoding (for tests and corpus tools).

    Raises ``ValueError`` for a character the encoding cannot represent.
    """
    table, _ = _table(encoding)
    reverse: dict[str, bytes] = {}
    for seq, piece in table.items():
        reverse.setdefault(piece, seq)
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in reverse:
            out += reverse[char]
        elif ord(char) < 0x80:
            out += char.encode("ascii")
        else:
            raise ValueError(f"{char!r} cannot be written in {encoding}")
    return bytes(out)
