"""OCR words whose marks Tesseract misread, put right by the syllable pairs of typed directives.

Tesseract's Vietnamese model often keeps a syllable's letters and loses or changes its marks:
"tô chức" for "tổ chức", "thành phô" for "thành phố", "Giám đóc" for "Giám đốc", "lân thứ" for
"lần thứ" (real scans of công văn 8204/BTP-BTTP, 1925/STC-HTDN, 1185/SNV-VP). Such a pair
is rarely Vietnamese at all: typed directives never write it. ``grammars/ocr_lexicon.tsv``
holds the pairs typed directives do write, with counts (``scripts/build_ocr_lexicon.py``).

A pair of adjacent words is put right only when all of these hold:
- the typed directives never write it (its marks' placement aside: "hoà" is "hòa");
- they write a pair of the same letters, marks aside, at least ``MIN_PAIR`` times — the most
  frequent such pair is taken;
- each word changed becomes a word at least ``MIN_RATIO`` times as frequent as the word read
  (so a common word read right, "tỉnh", "năm", is never changed into a rarer one, "tinh",
  "nam", because its neighbour was misread);
- the words keep their length (a mark changed, no letter added or lost), so every offset into
  the text stays where it was.

Measured on the 31 scans of the real corpus (their OCR text as read, before and after this
step; the lexicon holds no typed copy of a scanned document): the gold's task openings found
in the text 192 → 199 of 206, subjects 22 → 25 of 29; about one change in forty of the 357
made is wrong ("công ăn việc làm" → "công an …", "hoang dã và" → "hoang đã và": a pair of
real words the typed directives do not write, beside a frequent one of the same letters).
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex

from vbparse.grammars import GrammarError, read_grammar_text
from vbparse.normalize.tone_marks import fold_tone_marks_str

__all__ = ["recased", "repair_lines", "repair_marks", "repair_wraps"]

LEXICON = "ocr_lexicon.tsv"
# How often the typed directives must write the pair put in.
MIN_PAIR = 5
# How many times more frequent a word put in must be than the word read.
MIN_RATIO = 3.0

_WORD = regex.compile(r"[^\W\d_]+")
_LINE = regex.compile(r"[^\n]+")
# The words on either side of a line break: up to two, within a few dozen characters.
_LAST_WORDS = regex.compile(r"(?:[^\W\d_]+ )?[^\W\d_]+\Z")
_FIRST_WORDS = regex.compile(r"[^\W\d_]+(?: [^\W\d_]+)?")
_WINDOW = 40
_MATCH = type(_WORD.match("a"))


# Kept per word (bounded): every text file's first 300 words are tried (``ocr_text``), and a
# word meets these in two pairs and again in ``_kept``; Vietnamese writes a few thousand
# distinct syllables, so nearly every look-up is a hit.
@functools.lru_cache(maxsize=8192)
def _bare(word: str) -> str:
    """The word's letters without marks, "đ" as "d", in lower case: what OCR keeps."""
    decomposed = unicodedata.normalize("NFD", word.lower()).replace("đ", "d")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class _Lexicon:
    pairs: dict[tuple[str, str], int]
    # the most frequent written pair of each pair of bare words
    by_bare: dict[tuple[str, str], tuple[str, str]]
    words: Counter[str]


@functools.cache
def _lexicon() -> _Lexicon:
    pairs = _read_pairs()
    by_bare: dict[tuple[str, str], tuple[str, str]] = {}
    words: Counter[str] = Counter()
    for (a, b), n in pairs.items():
        words[a] += n
        words[b] += n
        key = (_bare(a), _bare(b))
        if key not in by_bare or n > pairs[by_bare[key]]:
            by_bare[key] = (a, b)
    return _Lexicon(pairs, by_bare, words)


_COLUMNS = ["first", "second", "count"]


def _read_pairs() -> dict[tuple[str, str], int]:
    """The file's rows, read line by line: 16,000 rows, ten times faster than ``load_tsv``'s
    row dictionaries (0.24 → 0.02 s), which the first scan of a batch would wait for."""
    pairs: dict[tuple[str, str], int] = {}
    header = True
    for lineno, line in enumerate(read_grammar_text(LEXICON).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header:
            if cells != _COLUMNS:
                raise GrammarError(f"{LEXICON}:{lineno}: columns {cells}, expected {_COLUMNS}")
            header = False
            continue
        if len(cells) != len(_COLUMNS) or not cells[2].isdigit():
            raise GrammarError(f"{LEXICON}:{lineno}: expected two words and a count: {line!r}")
        pairs[(cells[0], cells[1])] = int(cells[2])
    return pairs


def recased(right: str, read: str) -> str:
    """``right`` in the case ``read`` was written in: all capitals for a word in capitals
    ("LÂM ĐÔNG" → "LÂM ĐỒNG"), else an initial capital kept."""
    if read.isupper() and sum(c.isalpha() for c in read) > 1:
        return right.upper()
    return right[:1].upper() + right[1:] if read[:1].isupper() else right


def _better(read: str, right: str, pair: int, words: Counter[str]) -> bool:
    """Whether ``right`` may replace ``read``: the pair put in is far more often written than
    the word read is written at all."""
    return read == right or pair >= MIN_RATIO * max(words[read], 1)


def repair_marks(text: str) -> str:
    """``text`` with each misread pair of adjacent words (one space between them, on one
    line, or a line's last word and the next line's first where a line wraps) put right, left
    to right: a word put right is read so by the next pair."""
    return repair_wraps(repair_lines(text))


def repair_lines(text: str) -> str:
    """``text`` with the misread pairs within its lines put right."""
    lexicon = _lexicon()
    out: list[str] | None = None  # the characters, copied at the first change only
    for line in _LINE.finditer(text):
        out = _repair_line(line.group(), line.start(), text, out, lexicon)
    return text if out is None else "".join(out)


def repair_wraps(text: str) -> str:
    """``text`` with the misread pairs a line break splits put right ("V/v thực hiện Nghị
    định" / "sô 15/2022/NĐ-CP", công văn 370/TCHQ-TXNK as OCR text, real b38), each read as
    one line of the words around the break."""
    lexicon = _lexicon()
    pairs = lexicon.pairs
    out: list[str] | None = None  # the characters, copied at the first change only
    at = text.find("\n")
    while at > 0:
        # (str.find from break to break: a pattern over the whole text was four times slower)
        if text[at - 1].isalpha() and text[at + 1 : at + 2].isalpha():
            before = _LAST_WORDS.search(text, max(0, at - _WINDOW), at)
            after = _FIRST_WORDS.match(text, at + 1, at + 1 + _WINDOW)
            if (
                before is not None
                and after is not None
                and (_folded(before[0].rpartition(" ")[2]), _folded(after[0].partition(" ")[0]))
                not in pairs  # ``_put_right``'s first test: most pairs across a break are written
            ):
                # the break read as a space: the joined words stand where they stand in text
                joined = f"{before[0]} {after[0]}"
                out = _repair_line(joined, before.start(), text, out, lexicon, only=at)
        at = text.find("\n", at + 1)
    return text if out is None else "".join(out)


def _repair_line(
    read: str,
    offset: int,
    text: str,
    out: list[str] | None,
    lexicon: _Lexicon,
    only: int | None = None,
) -> list[str] | None:
    """``out`` (``text``'s characters, ``None`` until a first change) with the misread pairs
    of ``read``, which stands at ``offset`` of ``text``, put right; with ``only``, just the
    pair whose first word ends at that offset of ``text``."""
    found = list(_WORD.finditer(read))
    words = list(map(_MATCH.group, found))
    # Each word folded once (it stands in two pairs), and only the pairs the typed
    # directives do not write are visited (``_put_right``'s first test, made for all pairs
    # at once): every text file's first 300 words come through here (issue 15, speed).
    folded = list(map(_folded, words))
    ends, starts = list(map(_MATCH.end, found)), list(map(_MATCH.start, found))
    unwritten = _unwritten_pairs(folded, 0, lexicon)
    k = 0
    while k < len(unwritten):
        i = unwritten[k]
        k += 1
        if only is not None and offset + ends[i] != only:
            continue
        if read[ends[i] : starts[i + 1]] != " ":  # ``_adjacent``
            continue
        changes = _put_right(words, found, read, i, lexicon)
        for j, put in changes:
            words[j], folded[j] = put, _folded(put)
            start = offset + starts[j]
            out = list(text) if out is None else out
            out[start : start + len(put)] = put
        if changes:
            # the next pairs are read with the words put right
            unwritten, k = _unwritten_pairs(folded, i + 1, lexicon), 0
    return out


def _unwritten_pairs(folded: list[str], first: int, lexicon: _Lexicon) -> list[int]:
    """The indices from ``first`` on of the pairs of folded words the lexicon lacks."""
    pairs = lexicon.pairs
    return [
        i
        for i, pair in enumerate(zip(folded[first:-1], folded[first + 1 :], strict=True), first)
        if pair not in pairs
    ]


def _adjacent(line: str, found: list[regex.Match[str]], j: int, k: int) -> bool:
    return line[found[j].end() : found[k].start()] == " "


def written_together(first: str, second: str) -> bool:
    """Whether the typed directives write ``first`` and ``second`` as a pair of syllables
    ("tăng cường", "chức năng")."""
    return _known((first, second), _lexicon())


def _known(pair: tuple[str, str], lexicon: _Lexicon) -> bool:
    return (_folded(pair[0]), _folded(pair[1])) in lexicon.pairs


@functools.lru_cache(maxsize=8192)  # as ``_bare``: a word is asked for in two pairs at least
def _folded(word: str) -> str:
    """The word in lower case with its marks placed as the lexicon writes them."""
    return fold_tone_marks_str(word.lower())


def _put_right(
    words: list[str], found: list[regex.Match[str]], line: str, i: int, lexicon: _Lexicon
) -> list[tuple[int, str]]:
    """The words of the pair at ``i`` to change, each with what it becomes (none when the
    pair stands as read)."""
    a, b = words[i].lower(), words[i + 1].lower()
    if _known((a, b), lexicon):
        return []
    right = lexicon.by_bare.get((_bare(a), _bare(b)))
    if (
        right is None
        or lexicon.pairs[right] < MIN_PAIR
        or (len(right[0]), len(right[1])) != (len(a), len(b))
        or not _better(a, right[0], lexicon.pairs[right], lexicon.words)
        or not _better(b, right[1], lexicon.pairs[right], lexicon.words)
    ):
        return []
    changes = [(j, w) for j, w in ((i, right[0]), (i + 1, right[1])) if w != words[j].lower()]
    if any(_kept(words, found, line, j, lexicon) for j, _ in changes):
        return []
    return [(j, recased(w, words[j])) for j, w in changes]


def _kept(
    words: list[str], found: list[regex.Match[str]], line: str, j: int, lexicon: _Lexicon
) -> bool:
    """Whether word ``j`` stays as read: a part of a name (a capitalised word after another,
    "Hà Thị Lê Vân", "Tết Nguyên đán Nhâm Dần"), or a word the typed directives write with
    its other neighbour ("động vật hoang dã và …": "hoang dã" is written, so "dã" was read
    right and "dã và" is no reason to change it)."""
    word = words[j]
    if j > 0 and word[:1].isupper() and not word.isupper() and words[j - 1][:1].isupper():
        return True
    for k in (j - 1, j + 1):
        first, second = min(j, k), max(j, k)
        if (
            0 <= k < len(words)
            and _adjacent(line, found, first, second)
            and _known((words[first], words[second]), lexicon)
        ):
            return True
    return False
