"""Legacy Vietnamese text inside Unicode containers (.docx runs, PDF words), decoded piece by
piece.

Word, LibreOffice and PDF text layers hand over a legacy font's bytes as the Windows-1252
characters of those bytes: TCVN3 "Cộng hoà" arrives as "Céng hoµ", TCVN3's "ư" (byte 0xAD,
the soft-hyphen slot) as U+00AD or, in a PDF, as U+2212 MINUS SIGN. One document often mixes
legacy runs with real Unicode ones, so the encoding is decided for each piece (a run, a word),
never for the whole document:

1. The piece's font names its encoding (``grammars/encodings/fonts.tsv``: ``.VnTime`` is
   TCVN3, ``VNI-Times`` is VNI). In a document with legacy fonts, a piece whose font says
   nothing is read in the legacy encoding that gives it the most syllables (the document's
   prior, the encoding most of its legacy text is set in, first among equals).
2. A piece is decoded only when it can be: every character maps back to a byte and the bytes
   mean something in that encoding. A ".VnTime" run holding real Unicode ("Hà Nội", typed
   after the document was converted) has characters no byte gives, and is kept.
3. The decoded text must read at least as well as the original, counting Vietnamese
   syllables (``vbparse.normalize.syllables.is_syllable``); a piece whose font says nothing
   must read strictly better (the prior first among equals), and a reading in another
   encoding than the font's (fonts lie now and then) must give more than twice the syllables.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from vbparse.grammars import load_tsv
from vbparse.ingest.encodings import LEGACY_ENCODINGS, decode_legacy

_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
_WORD = re.compile(r"[^\W\d_]+")
# Small letters TCVN3 has capitals for: a small one in a word means it is not typed in capitals.
_TCVN3_CAPITALS_OF = frozenset("abcdefghijklmnopqrstuvwxyzăâêôơưđ")
_SPACE_SPLIT = re.compile(r"(\s+)")
# A PDF text layer resolves a .VnTime glyph code through the font's glyph names: byte 0xAD
# (ư) becomes U+2212 MINUS SIGN, byte 0xB7 (ã) U+2219 BULLET OPERATOR. Only beside a letter
# are they letters: a minus between digits stays a minus.
PDF_GLYPHS = {"\u2212": 0xAD, "\u2219": 0xB7}
# "Beside a letter" counts the legacy bytes shown as Latin-1 signs too ("−¬ng" is "ương").
_PDF_GLYPH_BESIDE_LETTER = re.compile(
    r"(?<=[^\W\d_]|[\u00a1-\u00ff])[\u2212\u2219]|[\u2212\u2219](?=[^\W\d_]|[\u00a1-\u00ff])"
)


@dataclass(frozen=True)
class Piece:
    """A run of text and the legacy encoding its font names (``None``: the font says nothing)."""

    text: str
    encoding: str | None = None


@functools.cache
def _font_prefixes() -> tuple[tuple[str, str], ...]:
    rows = load_tsv("encodings/fonts.tsv")
    pairs = [(row["prefix"].lower(), row["encoding"]) for row in rows]
    unknown = {enc for _, enc in pairs} - set(LEGACY_ENCODINGS)
    if unknown:
        raise ValueError(f"encodings/fonts.tsv: unknown encoding {sorted(unknown)}")
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@functools.cache
def font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name stands for (``.VnTime`` → tcvn3), else ``None``."""
    if not font:
        return None
    name = _SUBSET_TAG.sub("", font.strip()).lower()
    for prefix, encoding in _font_prefixes():
        if name.startswith(prefix):
            return encoding
    return None


def prior_encoding(fonts: Iterable[str | None]) -> str | None:
    """The legacy encoding most of the fonts name (each font counted once per use)."""
    counts = Counter(e for e in map(font_encoding, fonts) if e is not None)
    return counts.most_common(1)[0][0] if counts else None


@functools.cache
def _byte_of() -> dict[str, int]:
    """Character → the byte it shows when 8-bit text is read as Windows-1252 (or Latin-1 for
    the five bytes Windows-1252 leaves undefined)."""
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            char = chr(byte)
        # Windows-1252's punctuation in 0x80-0x9F (“ ” – … •) is what a legacy font draws
        # there too: it stays punctuation, not a byte to decode.
        if byte >= 0xA0 or char.isalpha() or ord(char) < 0xA0:
            table[char] = byte
    table.setdefault("\u00ad", 0xAD)
    return table


def legacy_bytes(text: str, glyphs: dict[str, int] | None = None) -> bytes | None:
    """The bytes ``text`` shows, or ``None`` when a character is no 8-bit byte."""
    byte_of = _byte_of()
    out = bytearray()
    for char in text:
        if ord(char) < 0x80:
            out.append(ord(char))
        elif glyphs and char in glyphs:
            out.append(glyphs[char])
        elif char in byte_of:
            out.append(byte_of[char])
        else:
            return None
    return bytes(out)


def _decode_bytes_of(text: str, encoding: str, glyphs: dict[str, int] | None) -> str | None:
    """``text`` read as the bytes it shows, decoded from ``encoding``.

    Characters no byte gives pass through when they are spaces or punctuation (LibreOffice
    writes some spaces as U+2006); a letter among them means the text is real Unicode:
    ``None``.
    """
    byte_of = _byte_of()
    out: list[str] = []
    chunk: list[str] = []

    def flush() -> bool:
        if chunk:
            out.append(_decode_words("".join(chunk), encoding, glyphs))
            chunk.clear()
        return True

    for char in text:
        if ord(char) < 0x80 or char in byte_of or (glyphs and char in glyphs):
            chunk.append(char)
            continue
        if char.isalpha() or not flush():
            return None
        out.append(char)
    return "".join(out) if flush() else None


def _decode_words(text: str, encoding: str, glyphs: dict[str, int] | None) -> str:
    """``text`` decoded whole, or else word by word, a word with a byte the encoding gives no
    meaning ("NGAÂÂN": a VNI mark twice) kept as it is."""
    decoded = decode_legacy(legacy_bytes(text, glyphs) or b"", encoding)
    if decoded is not None:
        return decoded
    out = []
    for token in _SPACE_SPLIT.split(text):
        data = legacy_bytes(token, glyphs)
        word = decode_legacy(data, encoding) if data is not None else None
        out.append(word if word is not None else token)
    return "".join(out)


def _restore_capitals(decoded: str) -> str:
    """TCVN3 has no capital toned letters: a capital word ("QUYÕT") is typed in capitals
    where the encoding has them (A-Z, Ă Â Ê Ô Ơ Ư Đ) and in the small letters' bytes where it
    has not, and an uppercase font (.VnTimeH) or the reader makes it capital.

    A word typed so (no small letter that has a capital) with two capitals or more is a
    capital word. With one capital ("Và", "Vụ", "Đồ": a heading's short words, or a name's
    first letter), it is one only between capital words on the same line, as in "MỤC TIÊU
    Và NHIỆM Vụ CỦA" ("Hà Nội" after "UBND" stays: nothing capital follows)."""
    words = list(_WORD.finditer(decoded))
    capitals = [_typed_capitals(w[0]) for w in words]
    out, last = [], 0
    for i, word in enumerate(words):
        upper = capitals[i] >= 2 or (
            capitals[i] == 1 and _between_capitals(decoded, words, capitals, i)
        )
        out.append(decoded[last : word.start()])
        out.append(word[0].upper() if upper else word[0])
        last = word.end()
    out.append(decoded[last:])
    return "".join(out)


def _typed_capitals(word: str) -> int:
    """How many capitals ``word`` is typed with, or 0 when a small letter that TCVN3 has a
    capital for shows the word is not typed in capitals."""
    if any(c.islower() and c in _TCVN3_CAPITALS_OF for c in word):
        return 0
    return sum(1 for c in word if c.isupper())


def _between_capitals(text: str, words: list[re.Match[str]], capitals: list[int], i: int) -> bool:
    """Whether ``words[i]``'s chain of one-capital words stands among capital words (two
    capitals or more) in its phrase: one on each side, or, at the phrase's start or end, two
    in a row on the other side ("Bộ TÀI CHÍNH" typed "Bé TµI CHÝNH" heads a header)."""
    before, after = (
        _capitals_beside(text, words, capitals, i, -1),
        _capitals_beside(text, words, capitals, i, 1),
    )
    if before is None:
        return after is not None and after >= 2
    if after is None:
        return before >= 2
    return before >= 1 and after >= 1


def _capitals_beside(
    text: str, words: list[re.Match[str]], capitals: list[int], i: int, step: int
) -> int | None:
    """Past ``words[i]``'s chain of one-capital words, toward ``step``: how many capital words
    follow in a row, apart by spaces only (0: a word not in capitals), ``None`` where the
    line or the phrase ends first."""
    j, found = i, 0
    while 0 <= j + step < len(words):
        a, b = (words[j], words[j + step]) if step > 0 else (words[j + step], words[j])
        if not text[a.end() : b.start()].isspace() or "\n" in text[a.end() : b.start()]:
            break  # a line ends, or a sign ends the phrase ("Số: 256/QĐ-UB", "Bộ KH&CN")
        j += step
        if capitals[j] >= 2:
            found += 1
        elif found or capitals[j] != 1:
            return found
    return found if found else None


def syllable_count(text: str) -> int:
    """How many words with a non-ASCII letter are Vietnamese syllables: composed of an onset
    and a rhyme (``normalize.syllables``), or seen in real directives (``encodings/
    syllables.tsv``; it holds "còn", which the composed test misses)."""
    from vbparse.ingest.encodings import known_syllables
    from vbparse.normalize.syllables import is_syllable

    known = known_syllables()
    return sum(
        1 for w in _WORD.findall(text) if not w.isascii() and (w.lower() in known or is_syllable(w))
    )


def known_count(text: str) -> int:
    """How many words with a non-ASCII letter are syllables seen in real directives: between
    two readings with as many syllables, the one with more of these reads better ("Sè TT"
    and "Số TT" are one syllable each; "số" is a directive's word, "sè" is not)."""
    from vbparse.ingest.encodings import known_syllables

    known = known_syllables()
    return sum(1 for w in _WORD.findall(text) if not w.isascii() and w.lower() in known)


def read_piece(text: str, encoding: str, *, signalled: bool, glyphs: bool = False) -> str | None:
    """``text`` decoded from ``encoding`` when that reads better, else ``None``.

    ``signalled``: the font names this encoding, so a tie goes to decoding.
    ``glyphs``: PDF text, whose U+2212/U+2219 beside a letter are legacy letters.
    """
    if text.isascii():
        return None
    table = None
    if glyphs and _PDF_GLYPH_BESIDE_LETTER.search(text):
        text = _PDF_GLYPH_BESIDE_LETTER.sub(lambda m: chr(0xE000 + PDF_GLYPHS[m[0]]), text)
        table = {chr(0xE000 + b): b for b in PDF_GLYPHS.values()}
    decoded = _decode_bytes_of(text, encoding, table)
    if decoded is None or decoded == text:
        return None
    if encoding == "tcvn3":
        decoded = _restore_capitals(decoded)
    before, after = syllable_count(text), syllable_count(decoded)
    if after > before or (after == before and (signalled or _more_known(decoded, text))):
        return decoded
    return None


def _more_known(decoded: str, text: str) -> bool:
    return known_count(decoded) > known_count(text)


def decode_pieces(pieces: list[Piece], prior: str | None, *, glyphs: bool = False) -> str:
    """The text of ``pieces``, each stretch of one encoding decoded as a whole.

    Neighbouring pieces of the same encoding (ASCII pieces join either side) are decoded
    together, so a VNI letter whose mark byte fell into the next run is read whole.
    """
    groups: list[tuple[str | None, bool, list[str]]] = []
    for piece in pieces:
        encoding, signalled = (piece.encoding, True) if piece.encoding else (prior, False)
        if groups and (piece.text.isascii() or groups[-1][:2] == (encoding, signalled)):
            groups[-1][2].append(piece.text)
            continue
        groups.append((encoding, signalled, [piece.text]))
    out = []
    for encoding, signalled, texts in groups:
        text = "".join(texts)
        decoded = _best_reading(text, encoding, signalled, glyphs) if encoding else None
        out.append(decoded if decoded is not None else text)
    return "".join(out)


def _best_reading(text: str, first: str, signalled: bool, glyphs: bool) -> str | None:
    """The legacy reading of ``text`` with the most syllables, if it beats the text as is;
    ``None``: the text stays as it is. ``first`` (the font's encoding, else the document's
    prior) is tried first and wins ties; a tie with the text as it is goes to the reading
    with more syllables seen in directives (``known_count``).

    A font's own encoding (``signalled``) needs only to equal the text, and another encoding
    must then give more than twice its syllables to win: fonts lie now and then (one corpus
    document sets both TCVN3 and VNI text in a font named "VNSTCVN3"), but a wrong reading
    makes a syllable now and then too (TCVN3 "N¨m B§" read as VISCII is "Nẽm Bậ")."""
    best, best_count = None, syllable_count(text)
    for encoding in (first, *(e for e in LEGACY_ENCODINGS if e != first)):
        own = signalled and encoding == first
        decoded = read_piece(text, encoding, signalled=own, glyphs=glyphs)
        if decoded is None:
            continue
        count = syllable_count(decoded)
        needed = 2 * best_count if signalled and best is not None else best_count
        tie = count == best_count and (own or (best is None and _more_known(decoded, text)))
        if count > needed or tie:
            best, best_count = decoded, count
    return best
