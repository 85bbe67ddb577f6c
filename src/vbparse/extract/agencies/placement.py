"""From a chosen candidate to an ``Agency``: the canonical entry (placed in the issuer's
province for a department named alone), the name of a grammar-named or local body, the id of a
group (the person titles written before a mention are ``person_titles``'s)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from vbparse.extract.agencies.candidate import Candidate
from vbparse.extract.agencies.districts import district_committee, district_department, district_of
from vbparse.extract.agencies.gazetteer import Entry, Gazetteer
from vbparse.extract.agencies.group_grammar import group_tries
from vbparse.extract.agencies.groups import names_the_province
from vbparse.extract.agencies.keys import ascii_slug, fold_phrase
from vbparse.extract.agencies.named_bodies import is_issuer_unit_head, written_out
from vbparse.extract.agencies.tokens import Tokens
from vbparse.grammars import load_yaml
from vbparse.models.agency import Agency
from vbparse.models.span import Span

__all__ = ["Placement", "placement_for", "to_agency"]


@dataclass(frozen=True)
class Placement:
    """Where bodies named without their parent belong: the issuer's province (its Ủy ban nhân
    dân id), the issuer's canonical name ("Văn phòng Bộ" of "Bộ Y tế") and the issuer's own
    place as (unit word, place) ("huyện", "Bình Sơn"; ``_locality``), found once."""

    province_id: str | None = None
    issuer: str | None = None
    locality: tuple[str, str] | None = None
    # the locality when it is a district's (``districts``), not a province's
    district: tuple[str, str] | None = None


# Each scan asks for the placement of the document's province and issuer: one document asks
# the same question dozens of times (kept with the gazetteer, as ``person_titles`` keeps its
# indexes).
_PLACEMENTS: dict[tuple[int, str | None, str | None], tuple[Gazetteer, Placement]] = {}
_PLACEMENTS_KEPT = 256


def placement_for(gazetteer: Gazetteer, province: str | None, issuer: str | None) -> Placement:
    key = (id(gazetteer), province, issuer)
    cached = _PLACEMENTS.get(key)
    if cached is not None and cached[0] is gazetteer:
        return cached[1]
    if len(_PLACEMENTS) >= _PLACEMENTS_KEPT:  # a batch meets ever new issuers: bounded
        _PLACEMENTS.clear()
    placement = _placement(gazetteer, province, issuer)
    _PLACEMENTS[key] = (gazetteer, placement)
    return placement


def _placement(gazetteer: Gazetteer, province: str | None, issuer: str | None) -> Placement:
    name = None
    if issuer:
        entry = gazetteer.get(issuer)
        if entry is None:
            key = fold_phrase(issuer)
            found = gazetteer.full.longest(list(key), 0)
            entry = gazetteer.get(found[1]) if found and found[0] == len(key) else None
        name = entry.name if entry is not None else " ".join(issuer.split())
    locality = _locality(gazetteer, name) if name else None
    province_id = gazetteer.resolve_province(province)
    return Placement(province_id, name, locality, district_of(gazetteer, locality, province_id))


def _with_parent(gazetteer: Gazetteer, name: str, issuer: str | None) -> str:
    """ "Văn phòng Bộ" → "Văn phòng Bộ Y tế" when the issuer is "Bộ Y tế": a unit named with its
    parent's head noun alone (``bare_parents``) is the issuer's own unit."""
    if not issuer:
        return name
    words, key = name.split(), fold_phrase(name)
    if is_issuer_unit_head(gazetteer, key):  # "Chánh Văn phòng, …": the issuer's own
        return f"{name} {issuer}"
    issuer_key = fold_phrase(issuer)
    for parent in group_tries(gazetteer).bare_parents_keys:
        n = len(parent)
        # one word per token, so the parent's words can be cut off the written name; the
        # parent is written with its capital ("Vụ Tổ chức cán bộ" is no unit of the Bộ,
        # quyết định 1469/QĐ-BVHTTDL, real PDF, b62)
        fits = len(words) == len(key) and len(key) > n and words[-n][:1].isupper()
        if fits and key[-n:] == parent and issuer_key[:n] == parent:
            return " ".join([*words[:-n], issuer])
    return name


def _in_province(gazetteer: Gazetteer, name: str, province_id: str | None) -> str:
    """ "Trung tâm Phát triển quỹ đất tỉnh" → "… tỉnh Lâm Đồng" in a text of that province: a
    body whose name ends in its unit word ("tỉnh", "thành phố") without the place is the
    issuer's province's own."""
    entry = gazetteer.get(province_id) if province_id else None
    words, key = name.split(), fold_phrase(name)
    if entry is None or len(key) != len(words):  # one word per token, so words can be cut
        return name
    placed = [
        (u, cut) for u in _unit_words().get(entry.kind, ()) if (cut := _unit_at(entry, u)) >= 0
    ]
    for unit, cut in placed:
        unit_key = fold_phrase(unit)
        if key[-len(unit_key) :] == unit_key:
            return " ".join([*words[: -len(unit_key)], entry.name[cut:]])
    # "Ban Tuyên giáo và Dân vận Tỉnh ủy" → "… Tỉnh ủy Đắk Lắk": a unit of the province's
    # party committee, named with the committee's word alone
    committee = _party_committees().get(entry.kind)
    if committee and placed and key[-len(fold_phrase(committee)) :] == fold_phrase(committee):
        unit, cut = placed[0]
        return f"{name} {entry.name[cut + len(unit) + 1 :]}"
    return name


def _unit_at(entry: Entry, unit: str) -> int:
    """Where ``unit`` + its place stand in a committee's name ("tỉnh Lâm Đồng" in "Ủy ban nhân
    dân tỉnh Lâm Đồng"), or -1."""
    return entry.name.casefold().rfind(unit.casefold() + " ")


def _in_local_unit(name: str, locality: tuple[str, str] | None) -> str:
    """ "Trung tâm Y tế huyện" → "… huyện Châu Thành" in a text of Ủy ban nhân dân huyện Châu
    Thành (công văn 476/UBND, real), "Thanh tra huyện" → "… huyện Can Lộc" in one of huyện
    Can Lộc or of one of its divisions: a body whose name ends in the issuer's unit word."""
    if locality is None:
        return name
    unit, place = locality
    if fold_phrase(name)[-len(fold_phrase(unit)) :] == fold_phrase(unit):
        return f"{name} {place}"
    return name


def _in_issuers_locality(gazetteer: Gazetteer, name: str, placement: Placement) -> str:
    """ "Ban Quản lý dự án đầu tư xây dựng số 1" → "… tỉnh Lâm Đồng" in a text of a body of
    tỉnh Lâm Đồng: a board or centre named without its place is the issuer's locality's own
    (``local_heads``); a name that states a level or a place keeps its words."""
    if placement.locality is None:
        return name
    unit, place = placement.locality
    grammar = gazetteer.named_bodies
    key = fold_phrase(name)
    heads = grammar.local_heads
    if placement.district is not None:
        heads = [*heads, *grammar.district_heads]
    if not any(key[: len(h)] == h for h in _folded(tuple(heads))):
        return name
    marks = _folded((*grammar.not_local_words, *_all_unit_words(gazetteer)))
    if any(_contains(key, mark) for mark in marks):
        return name
    spans = ((i, j) for i in range(len(key)) for j in range(i + 1, len(key) + 1))
    if any(key[i:j] in gazetteer.places for i, j in spans):
        return name
    # named with the place without its unit word ("Phòng Giáo dục và Đào tạo Hiệp Hòa" in a
    # text of huyện Hiệp Hòa, kế hoạch 21/KH-PGD&ĐT, real b80)
    if _contains(key, tuple(fold_phrase(place))):
        return name
    return f"{name} {unit} {place}"


def _contains(key: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(key[i : i + n] == part for i in range(len(key) - n + 1))


@functools.cache
def _folded(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold_phrase(p)) for p in phrases)


def _all_unit_words(gazetteer: Gazetteer) -> tuple[str, ...]:
    """Every word a province, city, district or commune is called by ("tỉnh", "huyện")."""
    return (*(w for ws in _unit_words().values() for w in ws), *gazetteer.local_units.units)


def _locality(gazetteer: Gazetteer, issuer: str) -> tuple[str, str] | None:
    """The issuer's own place as (unit word, place) ("tỉnh", "Lâm Đồng" of "Sở Tư pháp tỉnh
    Lâm Đồng"; "huyện", "Bình Sơn" of "Ủy ban nhân dân huyện Bình Sơn"): the last unit word,
    in lower case, followed only by capitalised words (or a ward's number); None for a body
    named without a place ("Bộ Y tế")."""
    words = issuer.split()
    units = sorted(_folded(_all_unit_words(gazetteer)), key=len, reverse=True)
    for i in range(len(words) - 2, -1, -1):
        for unit in units:
            n = len(unit)
            rest = words[i + n :]
            # the unit's words folded alone: a comma or a hyphen earlier in the name ("Ban Chỉ
            # đạo phòng, chống dịch Covid-19 quận Hoàng Mai", real b96) is no concern of its place
            if (
                rest
                and all(_place_word(w) for w in rest)
                and (fold_phrase(" ".join(words[i : i + n])) == unit)
            ):
                return " ".join(w.lower() for w in words[i : i + n]), " ".join(rest)
    return None


def _place_word(word: str) -> bool:
    """A word of a place's name: capitalised, or a ward's number ("Phường 1")."""
    return word[:1].isupper() or word.isdigit()


@functools.cache
def _party_committees() -> dict[str, str]:
    """The party committee's word of a province or city ("Tỉnh ủy", "Thành ủy")."""
    return dict(load_yaml("agencies/party_bodies.yaml")["province_committees"])


def _provincial_own(gazetteer: Gazetteer, name: str, province_id: str | None) -> Entry | None:
    """ "Ban Quản lý các khu công nghiệp" in a document of tỉnh Lâm Đồng: the province's own
    board, for a department a province has one of (``alone_in_province``)."""
    if province_id is None:
        return None
    dept_id = gazetteer.provincial_alone.get(fold_phrase(name))
    specific = gazetteer.department_ids.get((dept_id, province_id)) if dept_id else None
    return gazetteer.get(specific) if specific else None


@functools.cache
def _unit_words() -> dict[str, tuple[str, ...]]:
    """The words a province or city is called by before its place (``unit_words``)."""
    data = load_yaml("agencies/provinces.yaml")["unit_words"]
    return {kind: tuple(words) for kind, words in data.items()}


_UNIT_WORDS = ("tỉnh", "thành phố")


def _as_written(gazetteer: Gazetteer, entry: Entry, tokens: Tokens, cand: Candidate) -> str:
    """The entry's name, with the unit word where its name has none and the text writes it,
    in the mention or right after it ("Báo và Phát thanh, Truyền hình tỉnh" → "… Truyền
    hình tỉnh Lâm Đồng")."""
    with_unit = gazetteer.unit_names.get(entry.id)
    if with_unit is None:
        return entry.name
    end = min(cand.last + 2, len(tokens.keys))
    words = " ".join(tokens.word(i) for i in range(cand.first, end)).casefold()
    return with_unit if any(f" {unit}" in words for unit in _UNIT_WORDS) else entry.name


def to_agency(
    gazetteer: Gazetteer, tokens: Tokens, cand: Candidate, offset: int, placement: Placement
) -> Agency:
    start, end = tokens.starts[cand.first], tokens.ends[cand.last - 1]
    text = tokens.text[start:end]
    span = Span(start=start + offset, end=end + offset)
    province_id = placement.province_id
    if own := district_committee(gazetteer, text, placement.district):
        local_id = _local_id(" ".join(placement.district or ()), province_id)
        return Agency(name=own, id=local_id, kind="local_body", text=text, span=span)
    entry: Entry | None = gazetteer.get(cand.entry_id) if cand.entry_id else None
    if entry is not None and province_id:
        if in_district := district_department(gazetteer, entry.id, text, placement.district):
            return Agency(name=in_district, id=None, kind="local_body", text=text, span=span)
        specific = gazetteer.department_ids.get((entry.id, province_id))
        if specific:
            entry = gazetteer.get(specific)
    if entry is not None:
        holder = _holder_end(gazetteer, tokens, cand.last) if entry.kind == "office" else None
        if holder is not None:
            # "Giao Phó Thủ tướng Trần Hồng Hà trực tiếp chỉ đạo": the office held by the person,
            # named as a person's title is ("Phó Thủ tướng Chính phủ Trần Hồng Hà" → "Phó Thủ
            # tướng Trần Hồng Hà", as the real golds write it)
            end = tokens.ends[holder - 1]
            text = tokens.text[start:end]
            span = Span(start=start + offset, end=end + offset)
            person = " ".join(tokens.text[tokens.starts[cand.last] : end].split())
            title = entry.name.removesuffix(_OF_THE_GOVERNMENT)
            return Agency(
                name=f"{title} {person}", id=entry.id, kind=entry.kind, text=text, span=span
            )
        return Agency(
            name=_as_written(gazetteer, entry, tokens, cand),
            id=entry.id,
            kind=entry.kind,
            text=text,
            span=span,
        )
    if cand.named is not None:
        own = _provincial_own(gazetteer, cand.named.name, province_id)
        if own is not None:
            return Agency(name=own.name, id=own.id, kind=own.kind, text=text, span=span)
        name = _with_parent(gazetteer, written_out(gazetteer, cand.named.name), placement.issuer)
        if cand.named.kind != "company":  # a company's name is its own ("… Thành phố")
            name = _in_province(gazetteer, name, province_id)
            name = _in_local_unit(name, placement.locality)
            name = _in_issuers_locality(gazetteer, name, placement)
        return Agency(name=name, id=None, kind=cand.named.kind, text=text, span=span)
    if cand.local_name:
        local_id = _local_id(cand.local_key or "", province_id)
        return Agency(name=cand.local_name, id=local_id, kind="local_body", text=text, span=span)
    if names_the_province(gazetteer, tokens.keys, cand):
        # "Tỉnh tổ chức thực hiện …", "phối hợp với Tỉnh": the province's committee
        committee = gazetteer.get(province_id or gazetteer.unnamed_committee)
        if committee is not None:
            return Agency(
                name=committee.name, id=committee.id, kind=committee.kind, text=text, span=span
            )
    # "các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh" in a text of that committee: its own
    name = _group_written_out(gazetteer, cand, text)
    if not _BARE_HEAD_ATTACHED.fullmatch(cand.attached or ""):
        name = _with_parent(gazetteer, name, placement.issuer)
    name = _under_provinces_committee(gazetteer, name, province_id)
    return Agency(name=name, id=f"group-{ascii_slug(name)}", kind="group", text=text, span=span)


# A group attached to its parent's head noun alone ("các đơn vị trực thuộc Sở", "các đơn vị
# thuộc Bộ có liên quan"): kept bare, as 131 real gold entries write it (b81, b84, b87, b95;
# quyết định 86/QĐ-BTP); "của Sở" and "thuộc Ủy ban nhân dân tỉnh" still name the issuer's.
_BARE_HEAD_ATTACHED = regex.compile(r"(?:trực\s+)?thuộc\s+(?:Sở|Bộ)")


def _group_written_out(gazetteer: Gazetteer, cand: Candidate, text: str) -> str:
    """A group's name with the short forms of its own words written out ("Phòng GD&ĐT các
    huyện" → "Phòng Giáo dục và Đào tạo các huyện") but its attached parent as written: the
    golds keep "Các đơn vị trực thuộc Sở GDĐT" (15 of the 17 real golds that name a group under
    a Sở keep the parent's words as the text writes them, b83-b85, b102, b115, b118)."""
    name = cand.group_name or text
    if cand.attached is None:
        return written_out(gazetteer, name)
    own = name[: len(name) - len(cand.attached)]
    return written_out(gazetteer, own.rstrip()) + " " + cand.attached


def _local_id(unit_and_place: str, province_id: str | None) -> str:
    """A local committee's id: "ubnd-xa-tan-phong", plus the province's slug when the issuer's
    province is known."""
    local_id = "ubnd-" + ascii_slug(unit_and_place)
    return f"{local_id}-{province_id.split('-', 2)[-1]}" if province_id else local_id


def _under_provinces_committee(gazetteer: Gazetteer, name: str, province_id: str | None) -> str:
    """ "Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh" (or "… UBND tỉnh") → "… Ủy ban nhân
    dân tỉnh Lâm Đồng" in a text of a body of tỉnh Lâm Đồng (kế hoạch of Sở Tài chính Lâm Đồng,
    real b13): a group under the province's committee, named without the place, is under the
    issuer's province's."""
    committee = gazetteer.get(province_id) if province_id else None
    if committee is None:
        return name
    words = name.split()
    for prefix in gazetteer.local_units.committee_prefixes:
        for unit in _unit_words().get(committee.kind, ()):
            tail = f"{prefix} {unit}".split()
            n = len(tail)
            if len(words) > n and fold_phrase(" ".join(words[-n:])) == fold_phrase(" ".join(tail)):
                return " ".join([*words[:-n], committee.name])
    return name


_OF_THE_GOVERNMENT = " Chính phủ"

# A Vietnamese personal name: two to four syllables, each capitalised ("Trần Hồng Hà").
_NAME_WORDS = (2, 4)


def _holder_end(gazetteer: Gazetteer, tokens: Tokens, last: int) -> int | None:
    """Where the name of the person holding an office ends when one follows it ("Phó Thủ
    tướng Trần Hồng Hà"), or None."""
    j = last
    while (
        j < len(tokens)
        and j - last < _NAME_WORDS[1] + 1
        and tokens.gap(j) == " "
        and _is_name_word(tokens.word(j))
    ):
        if gazetteer.full.longest(tokens.keys, j) is not None:  # "Phó Thủ tướng Bộ …"
            return None
        j += 1
    return j if _NAME_WORDS[0] <= j - last <= _NAME_WORDS[1] else None


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and word.isalpha()
