"""Bodies the gazetteer lacks but that a text names the standard way (``named_bodies.yaml``):
a capitalised head noun, then the body's own name starting with a capitalised word, up to a
stop ("Cục Quản lý đất đai chủ trì" → "Cục Quản lý đất đai"; "Vụ Kế hoạch - Tài chính";
"Công ty TNHH MTV Quản lý khai thác dịch vụ thủy lợi Thành phố").

The finder in :mod:`vbparse.extract.agencies.matcher` asks :func:`named_body_at` at every
token where no gazetteer name starts; a body found here becomes an Agency with ``id=None``, the
kind of its head, and its words (tone marks in the new placement) as its canonical name.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass

import regex

from vbparse.extract.agencies.gazetteer import Gazetteer, per_gazetteer
from vbparse.extract.agencies.keys import Trie, fold_phrase, fold_word, phrase_trie
from vbparse.extract.agencies.tokens import Tokens
from vbparse.normalize.line_ends import label_start
from vbparse.normalize.tone_marks import fold_tone_marks_str

__all__ = [
    "NamedBody",
    "ends_name",
    "head_words",
    "named_as_written",
    "named_body_at",
    "written_out",
]


@dataclass(frozen=True)
class NamedBody:
    """A body named by the grammar: its last token (exclusive), canonical name and kind."""

    last: int
    name: str
    kind: str


@dataclass(frozen=True)
class _NamedTries:
    heads: Trie  # folded head → kind
    connectors: Trie
    name_phrases: Trie
    joint_names: Trie
    comma_phrases: Trie
    stops: Trie
    max_words: int
    lower_case_openings: Trie
    lower_case_heads: frozenset[tuple[str, ...]]
    lower_case_written_heads: frozenset[tuple[str, ...]]
    lower_case_head_not_before: Trie
    heads_in_titles: frozenset[tuple[str, ...]]
    # a unit's head written alone after its head's title: the issuer's unit (head -> titles)
    issuer_unit_heads: dict[tuple[str, ...], frozenset[tuple[str, ...]]]
    # the province places written with a stop inside ("TP.HCM", "TP. Hồ Chí Minh")
    dotted_places: Trie
    # the unit words a body's place opens with ("tỉnh", "huyện")
    place_units: Trie
    organs: frozenset[tuple[str, ...]]
    # the short forms that write out a whole field's name ("GD&ĐT", "TN&MT")
    field_short_forms: frozenset[str]


@per_gazetteer
def _tries(gazetteer: Gazetteer) -> _NamedTries:
    grammar = gazetteer.named_bodies
    heads, stops = Trie(), Trie()
    for head in grammar.heads:
        heads.add(fold_phrase(head.form), head.kind)
    for stop in grammar.stops:
        stops.add(fold_phrase(stop)[:2], True)  # a phrase's first two words decide
    tries = _NamedTries(
        heads,
        phrase_trie(grammar.connectors),
        phrase_trie(grammar.name_phrases),
        phrase_trie(grammar.joint_names),
        phrase_trie(grammar.comma_phrases),
        stops,
        grammar.max_words,
        phrase_trie(grammar.lower_case_openings),
        frozenset(fold_phrase(h) for h in grammar.lower_case_heads),
        frozenset(fold_phrase(h) for h in grammar.lower_case_written_heads),
        phrase_trie(grammar.lower_case_head_not_before),
        frozenset(fold_phrase(h) for h in grammar.heads_in_titles),
        {
            fold_phrase(u.head): frozenset(fold_phrase(t) for t in u.titles)
            for u in grammar.issuer_units_after_titles
        },
        _dotted_places(gazetteer),
        phrase_trie([*grammar.branch_place_words, *grammar.district_units]),
        frozenset(fold_phrase(o) for o in grammar.organs),
        frozenset(form for form, words in grammar.name_short_forms.items() if " " in words),
    )
    return tries


def _dotted_places(gazetteer: Gazetteer) -> Trie:
    """The places written with a stop inside, each → the territory as its committee's name
    says it ("TP.HCM" → "Thành phố Hồ Chí Minh")."""
    trie = Trie()
    for key, committee_id in gazetteer.places.items():
        committee = gazetteer.get(committee_id)
        if committee and any(not k[:1].isalnum() for k in key):
            trie.add(key, committee.name.removeprefix(_COMMITTEE).strip())
    return trie


_COMMITTEE = "Ủy ban nhân dân"


def ends_name(gazetteer: Gazetteer, keys: list[str], j: int) -> bool:
    """True when a stop phrase ("của", "tại", "chủ trì", "tổ chức") starts at token ``j``."""
    return _tries(gazetteer).stops.longest(keys, j) is not None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def head_words(gazetteer: Gazetteer) -> Container[str]:
    """The folded words a named body can start with (the first word of each head noun)."""
    return _tries(gazetteer).heads.root


def _title_case(word: str) -> bool:
    """ "Cục", not "CỤC" (a header in capitals has no words to end a name with) nor "cục"."""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def named_body_at(
    gazetteer: Gazetteer,
    tokens: Tokens,
    start: int,
    starts_body: Callable[[int], bool],
) -> NamedBody | None:
    """The body named at token ``start`` by the grammar, or None. ``starts_body(j)`` tells
    whether another body (gazetteer name, group, head) starts at token ``j``."""
    tries = _tries(gazetteer)
    keys = tokens.keys
    if keys[start] not in tries.heads.root:
        return None
    head = tries.heads.longest(keys, start)
    if head is None:
        return None
    j, kind = head
    if _issuer_unit_alone(tokens, start, j, tries):
        return NamedBody(j, " ".join(tokens.word(k) for k in range(start, j)), kind)
    if j >= len(keys) or not (
        _title_case(tokens.word(start))
        or _head_in_title(tokens, keys, start, tries.heads_in_titles)
        or (tuple(keys[start:j]) in tries.lower_case_written_heads and _capitalised(tokens.word(j)))
    ):
        return None
    joint = tries.joint_names.longest(keys, j)
    if joint:  # "Văn phòng HĐND và UBND xã Hòa Phú": one office of the two bodies
        return named_as_written(tokens, start, _after_place(tokens, joint[0], tries), kind)
    known = gazetteer.full.longest(keys, j)
    if known and _capitalised(tokens.word(j)):  # "Văn phòng Bộ Tài chính"
        return named_as_written(tokens, start, known[0], kind)
    connector = tries.connectors.longest(keys, j)
    if connector and connector[0] < len(keys) and not starts_body(connector[0]):
        j = connector[0]  # "Báo và Phát thanh, Truyền hình ...": the name goes on after "và"
    opening = tries.lower_case_openings.longest(keys, j)
    if opening and opening[0] < len(keys) and tokens.word(j)[:1].islower():
        j = opening[0]  # "Ban quản lý Khu Kinh tế …": the capitalised name comes after
    first = tokens.word(j) if j < len(keys) else ""
    lower_ok = tuple(keys[start:j]) in tries.lower_case_heads and first[:1].islower()
    if lower_ok and (
        tries.stops.longest(keys, j) or tries.lower_case_head_not_before.longest(keys, j)
    ):
        return None
    if not (_capitalised(first) or first[:1].isdigit() or lower_ok):
        return None
    j += 1
    words = 1
    while j < len(keys) and words < tries.max_words:
        word = tokens.word(j)
        if "\n" in tokens.gap(j) and (
            _capitalised(word) or not word[:1].isalnum() or _item_label_at(tokens, j)
        ):
            break  # a new line that starts with a capital, a bullet or a label ("a) Tiếp …")
        if _glued_hyphen(tokens, j):
            # a term's hyphen inside the name ("Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh
            # Vĩnh Long", quyết định 2609/QĐ-UBND Vĩnh Long, real b118)
            j += 2
            words += 1
            continue
        phrase = tries.name_phrases.longest(keys, j)
        if phrase:  # before the connectors: "… cao và khu công nghiệp" is one name
            words += phrase[0] - j
            j = phrase[0]
            continue
        connector = tries.connectors.longest(keys, j)
        if connector:
            nxt = connector[0]
            if nxt < len(keys) and _capitalised(tokens.word(nxt)) and not starts_body(nxt):
                j, words = nxt + 1, words + 1
                continue
            if _ends_at_a_place(tokens, nxt, tries):
                j, words = nxt, words + 1  # "Hội Bảo vệ thiên nhiên và môi trường tỉnh X"
                continue
            break
        if keys[j] == "," and j + 1 < len(keys) and tokens.word(j + 1)[:1].islower():
            pair = tries.comma_phrases.longest(keys, j + 1)
            if pair:  # "Khám, chữa bệnh", "Thi đua, khen thưởng"
                words += pair[0] - j - 1
                j = pair[0]
                continue
        if (place := tries.dotted_places.longest(keys, j)) and _capitalised(word):
            # the name ends with its place, a stop inside it ("Tạp chí Giáo dục TP.HCM",
            # kế hoạch 90/KHLT-SGDĐT-TCGD, real PDF)
            named = named_as_written(tokens, start, j, kind)
            return NamedBody(place[0], f"{named.name} {place[1]}", kind)
        if not word[:1].isalnum():
            break
        phrase = tries.name_phrases.longest(keys, j)
        if phrase:
            words += phrase[0] - j
            j = phrase[0]
            continue
        if word[:1].islower() and tries.stops.longest(keys, j):
            break
        if _capitalised(word) and starts_body(j) and tuple(keys[start:j]) not in tries.organs:
            break
        unit = tries.place_units.longest(keys, j) if word[:1].islower() else None
        if unit and unit[0] < len(keys) and tokens.word(unit[0])[:1].islower():
            # a place's unit word, then a lower-case word, not the place: the name ends
            # with the unit word ("Kho bạc Nhà nước huyện kiểm soát chi")
            return named_as_written(tokens, start, unit[0], kind)
        if word[:1].islower() and not unit and _after_a_field(tokens, start, j, tries):
            break
        j += 1
        words += 1
    return named_as_written(tokens, start, j, kind)


def _after_place(tokens: Tokens, j: int, tries: _NamedTries) -> int:
    """Where a place written at token ``j`` ends: its unit word and the capitalised words of
    its name on the same line ("xã Hòa Phú", "huyện Hiệp Hòa"), the unit word alone ("phường"),
    or ``j`` itself when no unit word is there."""
    unit = tries.place_units.longest(tokens.keys, j)
    if unit is None:
        return j
    j = unit[0]
    while j < len(tokens.keys) and _capitalised(tokens.word(j)) and "\n" not in tokens.gap(j):
        j += 1
    return j


def _glued_hyphen(tokens: Tokens, j: int) -> bool:
    """Whether token ``j`` is a hyphen with no space on either side, a number after it
    ("COVID-19"): part of a term, not a dash between two names."""
    return (
        tokens.word(j) == "-"
        and j + 1 < len(tokens.keys)
        and not tokens.gap(j)
        and not tokens.gap(j + 1)
        and tokens.word(j + 1)[:1].isdigit()
    )


# What may follow a field's short form inside a name: "Phòng GD&ĐT các huyện", "Phòng VHTT cấp
# huyện", "… trực thuộc".
_AFTER_A_FIELD = frozenset(fold_word(w) for w in ("các", "cấp", "trực", "thuộc"))


def _after_a_field(tokens: Tokens, start: int, j: int, tries: _NamedTries) -> bool:
    """Whether the lower-case word at ``j`` follows a field's short form that completes the
    name ("Phòng GDĐT" / "ra đề kiểm tra": the Phòng sets the tests, công văn 3024/SGDĐT
    Vĩnh Long, real b98), not a word of the name."""
    return (
        j - 1 > start
        and tokens.word(j - 1) in tries.field_short_forms
        and tokens.keys[j] not in _AFTER_A_FIELD
    )


def _item_label_at(tokens: Tokens, j: int) -> bool:
    """Whether token ``j`` opens an item's label (``clause_labels.yaml``: "a) …", "2. …")."""
    return label_start().match(tokens.text, tokens.starts[j]) is not None


# What may follow a unit's head written alone ("Chánh Văn phòng, …"; "Chánh Thanh tra và …").
_AFTER_A_LONE_HEAD = frozenset(fold_word(w) for w in (",", ";", "và"))


def _issuer_unit_alone(tokens: Tokens, start: int, j: int, tries: _NamedTries) -> bool:
    """The head at ``start:j`` written alone after its head's title (``issuer_units_after_
    titles``: "Chánh Văn phòng, Cục trưởng …"), the list going on after it."""
    keys = tokens.keys
    titles = tries.issuer_unit_heads.get(tuple(keys[start:j]))
    if titles is None or j >= len(keys) or keys[j] not in _AFTER_A_LONE_HEAD:
        return False
    return _title_case(tokens.word(start)) and any(
        start >= len(t) and tuple(keys[start - len(t) : start]) == t for t in titles
    )


def is_issuer_unit_head(gazetteer: Gazetteer, key: tuple[str, ...]) -> bool:
    """Whether a name (its folded ``key``) is a unit's head alone, as ``named_body_at`` names
    the issuer's own unit written so ("Văn phòng" after "Chánh")."""
    return key in _tries(gazetteer).issuer_unit_heads


def heads_in_titles(gazetteer: Gazetteer) -> frozenset[tuple[str, ...]]:
    """The titles whose last word is the head of the body they lead (``heads_in_titles``,
    folded): "Trưởng phòng"."""
    return _tries(gazetteer).heads_in_titles


# How far after "và" a name written in lower case may run to its place ("Hội Bảo vệ thiên
# nhiên và môi trường tỉnh Bình Thuận", a notice of UBND tỉnh Bình Thuận, real).
_MAX_WORDS_TO_PLACE = 4
_PLACE_WORDS = frozenset(fold_word(w) for w in ("tỉnh", "Việt"))  # "tỉnh X", "Việt Nam"


def _ends_at_a_place(tokens: Tokens, j: int, tries: _NamedTries) -> bool:
    """Whether the lower-case words from token ``j`` run, with no stop or punctuation, into
    the name's place ("… và môi trường tỉnh Bình Thuận", "… và trang trại Việt Nam")."""
    keys = tokens.keys
    for k in range(j, min(j + _MAX_WORDS_TO_PLACE + 1, len(keys))):
        word = tokens.word(k)
        if k > j and keys[k] in _PLACE_WORDS and k + 1 < len(keys):
            return _capitalised(word) or _capitalised(tokens.word(k + 1))
        if not word.isalpha() or not word[:1].islower() or tries.stops.longest(keys, k):
            return False
    return False


# A dash between the words of a name is a hyphen in its canonical form: "Đài Phát thanh —
# Truyền hình tỉnh Quảng Ngãi" (an OCR text layer) is "Đài Phát thanh - Truyền hình …".
_NAME_DASH = regex.compile(r"\s+[–—]\s+")


def _head_in_title(
    tokens: Tokens, keys: list[str], start: int, titles: frozenset[tuple[str, ...]]
) -> bool:
    """Whether the head is written in lower case as the last word of its head's title
    (``heads_in_titles``): "Trưởng phòng Tài chính - Kế hoạch các huyện" names "Phòng Tài
    chính - Kế hoạch" (a Sở's letter to the districts' divisions), as "Trưởng Phòng …" does."""
    if not tokens.word(start)[:1].islower():
        return False
    for title in titles:
        first = start - len(title) + 1
        if first >= 0 and tuple(keys[first : start + 1]) == title:
            return tokens.word(first)[:1].isupper()
    return False


def named_as_written(tokens: Tokens, first: int, last: int, kind: str) -> NamedBody:
    text = tokens.text[tokens.starts[first] : tokens.ends[last - 1]]
    text = text[:1].upper() + text[1:]  # a head written in its title's lower case
    name = _NAME_DASH.sub(" - ", " ".join(text.split()))
    return NamedBody(last=last, name=fold_tone_marks_str(name), kind=kind)


def written_out(gazetteer: Gazetteer, name: str) -> str:
    """``name`` with its short forms written out ("Phòng GD&ĐT" → "Phòng Giáo dục và Đào
    tạo", "Phòng Kinh tế & Hạ tầng" → "… Kinh tế và Hạ tầng"; ``name_short_forms``)."""
    forms = gazetteer.named_bodies.name_short_forms
    if not forms:
        return name
    return " ".join(forms.get(word, word) for word in name.split(" "))
