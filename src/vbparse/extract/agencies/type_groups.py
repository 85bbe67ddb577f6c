"""Groups of one body TYPE: "các sở giáo dục và đào tạo" (every such body) and a body type
before territories or levels ("Sở Y tế các tỉnh, thành phố", "Hội Nông dân các cấp", "Bảo
hiểm xã hội các tỉnh", "Trung tâm Y tế huyện, thị xã, thành phố"): ONE group, that body in
each of them, as candidates for ``candidates.find_candidates``."""

from __future__ import annotations

from collections.abc import Callable

from vbparse.extract.agencies.candidate import Candidate
from vbparse.extract.agencies.gazetteer import Gazetteer, per_gazetteer
from vbparse.extract.agencies.group_grammar import group_tries
from vbparse.extract.agencies.groups import match_group
from vbparse.extract.agencies.keys import Trie, fold_phrase
from vbparse.extract.agencies.named_bodies import NamedBody, named_body_at
from vbparse.extract.agencies.tokens import Tokens

__all__ = [
    "bases_in_a_district",
    "bases_in_every_area",
    "bodies_in_every_area",
    "department_bases_trie",
    "plural_body",
]


def _body_type(gazetteer: Gazetteer, cand: Candidate) -> str | None:
    """The name of a body TYPE that exists in many places: a department named without its
    province ("Sở Y tế") or a unit named by the grammar ("Trung tâm Kiểm soát bệnh tật")."""
    if cand.named is not None:
        return cand.named.name if cand.named.kind in _TYPE_KINDS else None
    entry = gazetteer.get(cand.entry_id) if cand.entry_id else None
    if entry is not None and entry.kind == "local_body" and entry.link is None:
        return entry.name
    return None


_TYPE_KINDS = frozenset({"unit", "local_body", "board", "association"})


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def plural_body(
    gazetteer: Gazetteer, tokens: Tokens, start: int, starts_body: Callable[[int], bool]
) -> Candidate | None:
    """ "các sở giáo dục và đào tạo", "các Ban Quản lý dự án chuyên ngành": a determiner
    before a body type is the group of every such body; its name keeps the type's words."""
    keys = tokens.keys
    if keys[start] not in group_tries(gazetteer).determiners or start + 1 >= len(keys):
        return None
    body = None
    department = gazetteer.departments.longest(keys, start + 1)
    if department:
        body = Candidate(first=start + 1, last=department[0], entry_id=department[1])
    named = named_body_at(gazetteer, tokens, start + 1, starts_body)
    if named and (body is None or named.last > body.last):
        body = Candidate(first=start + 1, last=named.last, named=named)
    name = _body_type(gazetteer, body) if body else None
    if body is None or name is None:
        return None
    return Candidate(
        first=start,
        last=body.last,
        group_name=f"{tokens.word(start).capitalize()} {_lower_first(name)}",
    )


def bodies_in_every_area(
    gazetteer: Gazetteer, tokens: Tokens, found: list[Candidate]
) -> list[Candidate]:
    """ "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", "Hội Nông dân các cấp": a body type
    written right before a group of territories or levels is ONE group, that body in each of
    them (not a department plus the provinces). The territories take "các" or are two or more
    ("Sở Y tế tỉnh, thành phố"; a lone "tỉnh" names the issuer's province); a department always
    written with its unit word shares it with the territories ("Thuế tỉnh, thành phố"). Not
    where ":" is followed by the territories' names ("Sở Y tế các tỉnh: Cao Bằng, ...")."""
    out = []
    for cand in found:
        if cand.is_group:
            continue
        name, at = _body_type(gazetteer, cand), cand.last
        base = gazetteer.department_bases.get(cand.entry_id or "")
        if base is not None:  # "Thuế tỉnh" + ", thành phố": the unit word starts the area
            name, at = base, cand.first + len(fold_phrase(base))
        if name is None:
            continue
        group = _type_in_areas(gazetteer, tokens, cand, name, at)
        if group is None and (own := _own_unit_word(gazetteer, tokens, cand, name)):
            group = _type_in_areas(gazetteer, tokens, cand, *own)
        if group is not None:
            out.append(group)
    return out


def _own_unit_word(
    gazetteer: Gazetteer, tokens: Tokens, cand: Candidate, name: str
) -> tuple[str, int] | None:
    """ "Trung tâm Y tế huyện" + ", thị xã, thành phố": a body named with a territory's unit
    word that more territories follow is that body in each of them (công văn 2014/SYT-NVY
    Kiên Giang, real scan: "Kính gửi: … Trung tâm Y tế huyện, thị xã, thành phố"), named
    "… các huyện, thị xã, thành phố" as the territories written without "các" are (17 tasks
    of the Sở GD&ĐT letters b84-b88 against 7 of Kiên Giang's that keep the words). The body
    type without the unit word and the unit word's token, if the name ends with one."""
    words = name.split()
    for size in (1, 2):  # "huyện"; "thị xã"
        at = cand.last - size
        if at <= cand.first or len(words) <= size:
            continue
        area = match_group(gazetteer, tokens, at)
        if area is not None and area.area and area.last > cand.last:
            return " ".join(words[:-size]), at
    return None


def _type_in_areas(
    gazetteer: Gazetteer, tokens: Tokens, body: Candidate, name: str, at: int
) -> Candidate | None:
    """The ONE group of ``body`` (a body type named ``name``) in every territory or level of
    the group starting at token ``at``, if one starts there (see ``bodies_in_every_area``)."""
    if at >= len(tokens.keys):
        return None
    area = match_group(gazetteer, tokens, at)
    if (
        area is None
        or area.last <= body.last
        or not area.area
        or area.prefixed
        or not (area.determined or area.nouns > 1)
        or _lists_members(gazetteer, tokens, area)
    ):
        return None
    # One name for one group (``named_as_written`` in groups.yaml); not an area of unlike
    # kinds ("Liên đoàn Lao động tỉnh và địa phương").
    listed = "," in (area.group_name or "")
    as_written = name in gazetteer.group_grammar.named_as_written
    every = "các " if listed and not area.determined and not as_written else ""
    group_name = f"{name} {every}{_lower_first(area.group_name or '')}"
    return Candidate(first=body.first, last=area.last, group_name=group_name)


@per_gazetteer
def department_bases_trie(gazetteer: Gazetteer) -> Trie:
    """The names of ``department_bases``, built once per gazetteer."""
    bases = Trie()
    for name in gazetteer.department_bases.values():
        bases.add(fold_phrase(name), name)
    return bases


def bases_in_every_area(gazetteer: Gazetteer, tokens: Tokens, at: list[int]) -> list[Candidate]:
    """ "Bảo hiểm xã hội các tỉnh, thành phố", "Kho bạc Nhà nước các tỉnh": a department
    always written with its unit word (``department_bases``) named bare before "các" and
    territories is that department in each of them (công văn 4024/BHXH-CSYT, real). Read at
    ``at``, the tokens ``_openings`` admits (the bases' first words among them)."""
    bases = department_bases_trie(gazetteer)
    keys = tokens.keys
    determiners = group_tries(gazetteer).determiners
    out = []
    for i in [i for i in at if keys[i] in bases.root]:  # a base can start there
        base = bases.longest(keys, i)
        if base is None or base[0] >= len(keys) or keys[base[0]] not in determiners:
            continue
        written = Candidate(first=i, last=base[0])
        if group := _type_in_areas(gazetteer, tokens, written, base[1], base[0]):
            out.append(group)
    return out


def bases_in_a_district(gazetteer: Gazetteer, tokens: Tokens, at: list[int]) -> list[Candidate]:
    """ "Thanh tra huyện chủ trì", "Công an huyện", "Kho bạc Nhà nước huyện": a department
    always written with its unit word (``department_bases``) named with ONE district's unit
    word (``district_units``) is that district's body: the place written after it, or else
    the issuer's district when the issuer is of that district (``placement``; the golds name
    "Công an huyện Hiệp Hòa", công văn of UBND huyện Hiệp Hòa, real b79). Not before more
    territories ("Công an huyện, thị xã": a group, read by other candidates)."""
    bases = department_bases_trie(gazetteer)
    units = _district_units(gazetteer)
    keys = tokens.keys
    out = []
    for i in [i for i in at if keys[i] in bases.root]:
        base = bases.longest(keys, i)
        unit = units.longest(keys, base[0]) if base and base[0] < len(keys) else None
        if unit is None:
            continue
        if not tokens.word(base[0]).islower():
            continue
        end = unit[0]
        place = []
        while end < len(keys) and len(place) < _MAX_PLACE_WORDS and "\n" not in tokens.gap(end):
            if not tokens.word(end)[:1].isupper():
                break
            place.append(tokens.word(end))
            end += 1
        if not place and end < len(keys) and tokens.word(end) in _MORE_AREAS:
            continue
        if not place and unit[1] in _PROVINCE_UNITS:
            # "Công an thành phố": a centrally run city's department, or a province's own
            # city's; the issuer's place decides (``placement``)
            continue
        name = " ".join([base[1], unit[1], *place])
        out.append(Candidate(first=i, last=end, named=NamedBody(end, name, "local_body")))
    return out


# a district's unit word that names a province too ("thành phố Hà Nội")
_PROVINCE_UNITS = frozenset({"thành phố"})

# a district's name: "Can Lộc", "Krông Pắc", "Bình Sơn"
_MAX_PLACE_WORDS = 4


# after a unit word, these carry on to more territories ("huyện, thị xã")
_MORE_AREAS = frozenset({",", "/", "-", "và"})


@per_gazetteer
def _district_units(gazetteer: Gazetteer) -> Trie:
    """The district unit words of ``named_bodies.yaml`` (``district_units``), built once."""
    units = Trie()
    for unit in gazetteer.named_bodies.district_units:
        units.add(fold_phrase(unit), unit)
    return units


def _lists_members(gazetteer: Gazetteer, tokens: Tokens, group: Candidate) -> bool:
    """True when ``group`` is followed by ":" and a short name it admits ("các tỉnh: Cao
    Bằng"); not for a heading's colon before its items ("Sở Y tế các tỉnh, thành phố:")."""
    keys = tokens.keys
    if keys[group.last : group.last + 1] != [":"]:
        return False
    return any(gazetteer.members[cls].longest(keys, group.last + 1) for cls in group.members)
