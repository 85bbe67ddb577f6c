"""Canonical casing of words a header writes in capitals ("PHÓ CHỦ NHIỆM" → "Phó Chủ nhiệm")."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.tone_marks import fold_tone_marks_str


def without_marks(text: str) -> str:
    """``text`` with every diacritic taken off its letters (đ as d), nothing else changed."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Pure in ``text``; the header's lines are asked about by several of its rules.
@functools.lru_cache(maxsize=4096)
def bare(text: str) -> str:
    """Letters without any diacritic, lower case, spaces collapsed: the key that OCR damage to
    the marks ("THÔNG BẢO" for "THÔNG BÁO", "Cân Thơ" for "Cần Thơ") leaves intact."""
    return " ".join(without_marks(text).lower().split())


def unique_by(values: Iterable[str], key: Callable[[str], str]) -> dict[str, str]:
    """``values`` by ``key``; a key two different values share is left out (it names none)."""
    found: dict[str, set[str]] = {}
    for value in values:
        found.setdefault(key(value), set()).add(value)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


@functools.cache
def province_places() -> dict[str, set[str]]:
    """The provinces' and cities' place names ("Cà Mau") by their letters alone."""
    out: dict[str, set[str]] = {}
    for entry in load_yaml("agencies/provinces.yaml")["entries"]:
        for place in [entry["place"], *entry.get("places", [])]:
            out.setdefault(bare(place), set()).add(place)
    return out


@functools.cache
def province_units() -> tuple[str, ...]:
    """The words before a province's or city's place name ("tỉnh", "thành phố", "TP.")."""
    units = load_yaml("agencies/provinces.yaml")["unit_words"]
    return tuple(word for words in units.values() for word in words)


# Dashes are typography: "BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI" (an en dash, công văn
# 2864/LĐTBXH-NCC as crawled) is "Bộ Lao động - Thương binh và Xã hội".
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-"})


def fold(text: str) -> str:
    """Comparison key: tone placement, case and dash style folded, spaces collapsed."""
    return " ".join(fold_tone_marks_str(text).casefold().translate(_DASHES).split())


@functools.cache
def _known_titles() -> dict[str, str]:
    return {fold(title): title for title in load_yaml("header.yaml")["titles"]}


@functools.cache
def _known_titles_bare() -> dict[str, str]:
    """The known positions by their letters alone; a key two positions share is left out."""
    return unique_by(load_yaml("header.yaml")["titles"], bare)


def known_title(text: str) -> str | None:
    """The canonical casing of ``text`` when it is exactly a known position ("THỦ TƯỚNG"), or
    its letters are one's when OCR lost or changed the marks ("Tong cục truong") or read a
    space as a hyphen ("Pho tong-cục trưởng", công văn 1988/TCT-DNL as OCR text, real b37)."""
    letters = bare(_HYPHEN_BETWEEN_LETTERS.sub(" ", text))
    return (
        _known_titles().get(fold(text))
        or _known_titles_bare().get(letters)
        or _known_titles_unspaced().get(letters.replace(" ", ""))
    )


@functools.cache
def _known_titles_unspaced() -> dict[str, str]:
    """The known positions by their letters with no space: a PDF's letter-spaced capitals
    split a word after its first letter ("G IÁM ĐỐC", letters of Sở GD&ĐT Gia Lai, real PDFs
    b81/b91); a key two positions share is left out."""
    return unique_by(load_yaml("header.yaml")["titles"], lambda t: bare(t).replace(" ", ""))


_HYPHEN_BETWEEN_LETTERS = regex.compile(r"(?<=\p{L})-(?=\p{L})")


def agency_casing(text: str) -> str | None:
    """The gazetteer's casing of ``text`` when ``text`` is exactly an agency's name written in
    other case ("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG" → "Ủy ban nhân dân tỉnh Cao Bằng")."""
    from vbparse.extract.agencies.matcher import find_agencies

    key = fold(text)
    for agency in find_agencies(text):
        if fold(agency.text) == key and fold(agency.name) == key:
            return agency.name
    return None


def title_case(text: str) -> str:
    """Recase a title written in capitals, part by part (parts split at commas): a known title
    or agency takes its canonical casing, a unit or a title with the unit it heads is cased as
    a proper name (``unit_casing``), anything else sentence case."""
    parts = []
    for part in text.split(","):
        words = " ".join(part.split())
        if not words:
            continue
        parts.append(
            known_title(words)
            or agency_casing(words)
            or _title_then_unit(words)
            or _with_place(unit_casing(words) or words[:1].upper() + words[1:].lower())
        )
    return ", ".join(parts)


@functools.cache
def _place_units() -> regex.Pattern[str]:
    """A territory's unit word with the words after it ("xã Công Hải"), from the local units
    (``local_bodies.yaml``) and the provinces' unit words."""
    local = load_yaml("agencies/local_bodies.yaml")["local_units"]["units"]
    from vbparse.extract.time.patterns import alternation

    # (the provinces' abbreviations, "TP.", never stand in a sentence-cased line)
    units = alternation([*local, *(w for w in province_units() if w == w.lower())])
    # the name, one to four words to the end ("xã Công Hải", "tỉnh Bà Rịa - Vũng Tàu"); not
    # "xã hội" (society: "CỘNG HÒA XÃ HỘI …"), nor a longer run (another body named after it)
    return regex.compile(rf"(?<=\s{units}\s)(?!hội\b)\S+(?:\s\S+){{0,3}}$")


def _with_place(text: str) -> str:
    """Sentence case with a territory's name capitalised word by word after its unit word:
    "ĐẢNG ỦY XÃ CÔNG HẢI" → "Đảng ủy xã Công Hải" (thông báo kết luận of Đảng ủy xã Công Hải,
    real b150), a body the gazetteer does not name."""
    return _place_units().sub(
        lambda m: " ".join(w[:1].upper() + w[1:] for w in m[0].split()), text, count=1
    )


@functools.cache
def _unit_words() -> tuple[tuple[str, str], ...]:
    """``header.yaml``'s unit words by their fold, longest first."""
    words = load_yaml("header.yaml")["unit_words"]
    return tuple(sorted(((fold(w), w) for w in words), key=lambda item: -len(item[0])))


@functools.cache
def _title_suffixes() -> dict[str, str]:
    return {fold(s): s for s in load_yaml("header.yaml")["title_suffixes"]}


# A word with no vowel is an abbreviation ("THPT", "KCN", "HQ", "UBND"); capitals stay.
_VOWELS = frozenset("aeiouy")
_ROMAN = frozenset("ivxlc")


def _word_cased(word: str, after_area: bool) -> str:
    letters = without_marks(word).lower()
    if after_area and letters and set(letters) <= _ROMAN:
        return word.upper()
    if word.isupper() and letters.isalpha() and not set(letters) & _VOWELS:
        return word
    return word.lower()


def unit_casing(text: str, alone: bool = False) -> str | None:
    """A unit's name as Vietnamese writes it ("CHI CỤC HẢI QUAN KHU VỰC VIII" → "Chi cục Hải
    quan khu vực VIII", "VỤ CẢI CÁCH HÀNH CHÍNH" → "Vụ Cải cách hành chính"): the type word in
    its casing, the first word of the name capitalised, the rest lower case but for
    abbreviations and a Roman numeral after "khu vực". None when ``text`` opens with no unit
    word, or (unless ``alone``) is the word alone."""
    key = fold(text)
    for folded, unit in _unit_words():
        if key == folded and alone:
            return unit
        if key.startswith(folded + " "):
            return f"{unit} {_own_name(text.split()[len(unit.split()) :])}"
    return None


def _own_name(words: list[str]) -> str:
    """A unit's own name after its type word: the first word capitalised, the rest lower case
    but for abbreviations and a Roman numeral after "khu vực"."""
    cased = [
        _word_cased(w, i >= 2 and fold(" ".join(words[i - 2 : i])) == "khu vực")
        for i, w in enumerate(words)
    ]
    cased[0] = cased[0][:1].upper() + cased[0][1:]
    return " ".join(cased)


def _title_then_unit(text: str) -> str | None:
    """A known title followed by the unit it heads or a word of the title ("VỤ TRƯỞNG VỤ CẢI
    CÁCH HÀNH CHÍNH", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"), each part in its casing."""
    words = text.split()
    for k in range(len(words) - 1, 0, -1):
        title = known_title(" ".join(words[:k]))
        if title is None:
            continue
        rest = " ".join(words[k:])
        cased = (
            _title_suffixes().get(fold(rest))
            or agency_casing(rest)
            or unit_casing(rest, alone=True)
            # the head of a unit named without its type word ("TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ
            # HQ": the title says it is a Ban)
            or (_own_name(words[k:]) if _heads_a_unit(title) else None)
        )
        return f"{title} {cased}" if cased else None
    return None


def _heads_a_unit(title: str) -> bool:
    """Whether ``title`` holds a unit word ("Trưởng ban", "Vụ trưởng", "Phó Cục trưởng")."""
    words = f" {fold(title)} "
    return any(f" {folded} " in words for folded, _ in _unit_words())
