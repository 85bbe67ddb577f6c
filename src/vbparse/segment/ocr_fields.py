"""Document fields of an OCR'd document repaired against known words (issue 11).

OCR drops or changes diacritics ("Cân Thơ", "TM. Uy ban nhan dan") and misreads a capital
("Äguyến Quốc Việt"). A field is repaired only when exactly one known word explains what was
read (``grammars/ocr_vocabulary.yaml``, the places of ``agencies/provinces.yaml``, the titles
of ``header.yaml``); otherwise it stays as read. Applied to OCR text only.
"""

from __future__ import annotations

import functools

from vbparse.grammars import load_yaml
from vbparse.segment.casing import bare, province_places, title_case
from vbparse.segment.closing import Closing
from vbparse.segment.header import Header
from vbparse.segment.lines import Line

# A surname is repaired only from a word this long (a short one is too easily another name),
# and only when it is this many letters off a known one.
MIN_SURNAME_LETTERS = 4
MAX_SURNAME_EDITS = 1
# A place is repaired from one letter off a known one only when it is this long ("lm dong",
# the "â" of "Lâm Đồng" lost under a seal, giấy mời 560/GM-UBND, real scan).
MIN_PLACE_LETTERS = 7
MAX_PLACE_EDITS = 1
# A title is repaired from one letter off a known one only when it is this long ("chu tich").
MIN_TITLE_LETTERS = 7
MAX_TITLE_EDITS = 1


def _unique(candidates: set[str]) -> str | None:
    return candidates.pop() if len(candidates) == 1 else None


@functools.cache
def _surnames() -> tuple[str, ...]:
    return tuple(dict.fromkeys(load_yaml("ocr_vocabulary.yaml")["surnames"]))


@functools.cache
def _authority_words() -> dict[str, set[str]]:
    words = (
        load_yaml("header.yaml")["titles"] + load_yaml("ocr_vocabulary.yaml")["authority_bodies"]
    )
    out: dict[str, set[str]] = {}
    for word in words:
        out.setdefault(bare(word), set()).add(word[:1].upper() + word[1:])
    return out


def repair_place(place: str | None) -> str | None:
    """ "Cân Thơ" → "Cần Thơ": a place that is a known one but for its diacritics; failing
    that, a long one letter off exactly one known place ("Lm Đồng" → "Lâm Đồng")."""
    if not place or any(place in known for known in province_places().values()):
        return place
    known = _unique(set(province_places().get(bare(place), ())))
    if known is None and len(bare(place)) >= MIN_PLACE_LETTERS:
        letters = bare(place)
        known = _unique(
            {
                name
                for key, names in province_places().items()
                if abs(len(key) - len(letters)) <= MAX_PLACE_EDITS
                and _edits(letters, key) <= MAX_PLACE_EDITS
                for name in names
            }
        )
    return known or place


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (short words only)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


def repair_signer(name: str | None) -> str | None:
    """ "Äguyến Quốc Việt" → "Nguyễn Quốc Việt": the first word, when it is no surname, is
    the one surname nearest to it, at most one letter off (letters without diacritics: a
    surname with the same letters, "Trân" → "Trần", beats one a letter off, "Thân")."""
    if not name:
        return name
    first, _, rest = name.partition(" ")
    if first in _surnames() or len(first) < MIN_SURNAME_LETTERS or not rest:
        return name
    distance = {s: _edits(bare(first), bare(s)) for s in _surnames()}
    nearest = min(distance.values())
    if nearest > MAX_SURNAME_EDITS:
        return name
    surname = _unique({s for s, d in distance.items() if d == nearest})
    return f"{surname} {rest}" if surname else name


def repair_authority(authority: str | None) -> str | None:
    """ "TM. Uy ban nhan dan" → "TM. Ủy ban nhân dân": each part after its prefix, when it is
    a known title or body but for its diacritics."""
    if not authority:
        return authority
    parts = []
    for part in authority.split(", "):
        prefix, _, words = part.partition(" ")
        known = _unique(set(_authority_words().get(bare(words), ()))) if words else None
        parts.append(f"{prefix} {title_case(known)}" if known and known != words else part)
    return ", ".join(parts)


def repair_title(title: str | None) -> str | None:
    """ "Chanh van phong" → "Chánh Văn phòng": a signer's title that is a known one but for
    its diacritics; failing that, one letter off a known one once the seal's specks before
    it are dropped ("5:£hủ tịch", "Shủ tịch" → "Chủ tịch")."""
    if not title:
        return title
    known = _unique(set(_authority_words().get(bare(title), ())))
    if known is None:
        known = _nearest_title(title.lstrip(_NOT_LETTERS))
    return title_case(known) if known else title


# What OCR reads of a seal or a signature stroke before a title ("5:£hủ tịch").
_NOT_LETTERS = "0123456789:;.,'\"`~!@#$%^&*()_+-=[]{}|\\/<>?£€¥§ "


def _nearest_title(title: str) -> str | None:
    """The one known title at most ``MAX_TITLE_EDITS`` letters off ``title`` (compared
    without diacritics, titles of ``MIN_TITLE_LETTERS`` letters or more), else ``None``."""
    letters = bare(title)
    if len(letters) < MIN_TITLE_LETTERS:
        return None
    near = {
        word
        for key, words in _authority_words().items()
        if abs(len(key) - len(letters)) <= MAX_TITLE_EDITS
        and _edits(letters, key) <= MAX_TITLE_EDITS
        for word in words
    }
    return _unique(near)


@functools.cache
def _issuer_words() -> dict[str, set[str]]:
    """The words of the gazetteer's agency names and aliases, by their letters without
    diacritics ("tinh" → {"tỉnh"}, "thue" → {"thuế"})."""
    from vbparse.extract.agencies.gazetteer import iter_aliases, load_gazetteer

    out: dict[str, set[str]] = {}
    for entry in load_gazetteer().entries:
        for name in iter_aliases(entry):
            for word in name.split():
                if word.isalpha():
                    out.setdefault(bare(word), set()).add(word.lower())
    return out


@functools.cache
def _unit_words() -> dict[str, str]:
    """The unit words before a place ("tỉnh", "thành phố") by their bare letters."""
    units = load_yaml("agencies/provinces.yaml")["unit_words"]
    return {bare(w): w for words in units.values() for w in words if w.replace(" ", "").isalpha()}


def _repair_unit_word(words: list[str]) -> list[str]:
    """The words before a place, their last one or two the unit word ("TINH" → "TỈNH",
    "THÀNH PHÓ" → "THÀNH PHỐ") when their letters are its letters."""
    for n in (2, 1):
        unit = _unit_words().get(bare(" ".join(words[-n:]))) if len(words) >= n else None
        if unit is not None:
            return words[:-n] + unit.upper().split()
    return words


def repair_issuer_line(line: str) -> str:
    """ "TINH QUANG NGÀI" → "TỈNH QUẢNG NGÃI", "CÔNG AN TĨNH LÂM ĐÒNG" → "CÔNG AN TỈNH LÂM
    ĐỒNG": an issuer line in capitals whose place (its last words) is a known one but for its
    diacritics, and whose other words are words of agency names but for theirs, each when
    exactly one known word explains it."""
    words = line.split()
    if not words or line != line.upper():
        return line
    named = len(words)  # where the place's own name starts: no agency word is read there
    for k in range(min(_MAX_PLACE_WORDS, len(words)), 0, -1):
        place = _unique(set(province_places().get(bare(" ".join(words[-k:])), ())))
        if place is not None:
            words = _repair_unit_word(words[:-k]) + place.upper().split()
            break
    else:
        named = _after_unit_word(words)
    vocabulary = _issuer_words()
    out = []
    for i, word in enumerate(words):
        known = vocabulary.get(bare(word), set())
        if i < named and word.isalpha() and word.lower() not in known:
            word = (_unique(set(known)) or word.lower()).upper()
        out.append(word)
    return " ".join(out)


# A province's name as a header writes it: up to five words ("BÀ RỊA - VŨNG TÀU").
_MAX_PLACE_WORDS = 5


def _after_unit_word(words: list[str]) -> int:
    """Where the name of a place the table does not know starts: after the last unit word
    ("HUYỆN CÙ LAO DUNG": "DUNG" is the district's, not "DỰNG" of "Xây dựng", công văn
    1174/UBND-VP Cù Lao Dung, real scan b110); the line's end when it has none."""
    units = _place_unit_words()
    for i in range(len(words) - 1, -1, -1):
        for n in (2, 1):
            if i + n <= len(words) and bare(" ".join(words[i : i + n])) in units:
                return i + n
    return len(words)


@functools.cache
def _place_unit_words() -> frozenset[str]:
    """Every unit word a place's name follows, province's and local ("huyện", "thị trấn"),
    by its bare letters."""
    from vbparse.extract.agencies.gazetteer import load_gazetteer

    return frozenset(_unit_words()) | {bare(u) for u in load_gazetteer().local_units.units}


def repair_fields(header: Header, closing: Closing) -> None:
    """The place, issuer lines, signer, title and signing authority of an OCR'd document,
    repaired (in place)."""
    header.issuer_lines = [
        Line(ln.index, ln.start, ln.end, repair_issuer_line(ln.text)) for ln in header.issuer_lines
    ]
    header.place = repair_place(header.place)
    closing.signer = repair_signer(closing.signer)
    closing.signer_title = repair_title(closing.signer_title)
    closing.signing_authority = repair_authority(closing.signing_authority)
