"""Agencies (cơ quan) named in a text, canonicalised through the gazetteer.

How mentions are found (a plain longest-match over folded tokens, no statistical model):

1. The text is split into word and punctuation tokens; each token is folded (case, tone-mark
   placement, dashes), so "Uỷ ban" and "Ủy ban", "hoá" and "hóa" give the same key.
2. At every token, candidates come from the gazetteer trie (full names and aliases, addressee
   phrasings such as "Bộ trưởng các bộ, Thủ trưởng cơ quan ngang bộ, ..."), from the group
   grammar ("các bộ, ngành, địa phương liên quan", "các sở, ban, ngành cấp tỉnh"), from the
   named-body grammar where no gazetteer name starts (``named_bodies.yaml``: "Cục Quản lý đất
   đai", "Công ty TNHH MTV ..."; id None, the head's kind, see
   :mod:`vbparse.extract.agencies.named_bodies`) and, for table cells, from bare province names. As
   spaCy's EntityRuler does, the longest candidates win and overlapping ones drop.
   Group phrases take qualifiers after any noun ("các bệnh viện chuyên khoa và trung tâm y tế
   khu vực") and an attached parent ("các đơn vị trực thuộc Sở Y tế"); a body type written
   before territories or levels is one group ("Sở Công Thương các tỉnh, thành phố trực thuộc
   Trung ương", also as a heading before ":"; "Thuế tỉnh, thành phố").
3. A group followed by ":" is a list head: its members are read one by one with the gazetteer
   deciding the boundaries, so "Các bộ: Y tế, Văn hóa, Thể thao và Du lịch, Tài chính" is three
   ministries ("Văn hóa, Thể thao và Du lịch" is one short name) and "Ủy ban nhân dân các tỉnh:
   Bắc Ninh, Hà Tĩnh" two Ủy ban nhân dân.

The steps live in their own modules: ``tokens`` (1), ``candidates`` with ``groups`` and
``named_bodies`` (2), ``lists`` (3), and ``placement`` (a candidate to its ``Agency``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from vbparse.extract.agencies.candidate import Candidate
from vbparse.extract.agencies.candidates import find_candidates
from vbparse.extract.agencies.gazetteer import Gazetteer, load_gazetteer, per_gazetteer
from vbparse.extract.agencies.keys import fold_phrase
from vbparse.extract.agencies.lists import expand_list, expand_plural_body
from vbparse.extract.agencies.person_titles import absorb_titles
from vbparse.extract.agencies.placement import placement_for, to_agency
from vbparse.extract.agencies.tokens import Tokens
from vbparse.models.agency import Agency

__all__ = [
    "Gazetteer",
    "Mention",
    "Tokens",
    "find_agencies",
    "format_gazetteer",
    "load_gazetteer",
    "scan_mentions",
]


@dataclass
class Mention:
    """One agency mention with its token extent, as used by the role finder.

    ``first``/``last`` are token indices (``last`` exclusive) of the agency's own words;
    ``lead_in`` is where its context starts: the list head for the first member of a list,
    or a person title written before it ("Bộ trưởng", "Chủ tịch"); ``title_role`` is "none"
    when that title names people rather than the body ("người đứng đầu").
    """

    agency: Agency
    first: int
    last: int
    lead_in: int
    title_role: str = "addressee"
    list_member: bool = False
    # a province or city named bare ("thành phố Đà Nẵng"), read as its people's committee
    bare: bool = False


def scan_mentions(
    text: str,
    *,
    offset: int = 0,
    bare_provinces: bool = False,
    province: str | None = None,
    issuer: str | None = None,
) -> tuple[Tokens, list[Mention]]:
    """The tokens of ``text`` and every agency mention in it, lists expanded, in text order."""
    gazetteer = load_gazetteer()
    tokens, chosen = _candidates(gazetteer, text, bare_provinces)
    placement = placement_for(gazetteer, province, issuer)
    by_start = {c.first: c for c in chosen}
    starts = sorted(by_start)
    out: list[Mention] = []
    previous_end = 0
    for cand in chosen:
        if cand.consumed:
            continue
        items = (
            expand_list(gazetteer, tokens, cand, by_start, starts)
            if cand.is_group
            else expand_plural_body(gazetteer, tokens, cand, by_start, starts)
        )
        if items:
            for item, lead_in in items:
                agency = to_agency(gazetteer, tokens, item, offset, placement)
                out.append(Mention(agency, item.first, item.last, lead_in, list_member=True))
            out[-len(items)].lead_in, out[-len(items)].title_role = absorb_titles(
                gazetteer, tokens, cand.first, previous_end
            )
            if out[-len(items)].title_role == "party":
                out[-len(items) :] = _with_party_committees(gazetteer, out[-len(items) :])
            body = by_start.get(out[-len(items) - 1].first) if len(out) > len(items) else None
            if body is not None and body.last == cand.first and not body.is_group:
                each = _department_in_each(gazetteer, tokens, body, out[-len(items) :], offset)
                if each:
                    out[-len(items) - 1 :] = each
            previous_end = items[-1][0].last
            continue
        if (cand.is_group and not cand.determined) or (cand.bare and not bare_provinces):
            continue
        if (
            out
            and not cand.is_group
            and cand.first - out[-1].last <= _PARENT_REACH
            and _attached_parent(tokens, cand.first)
        ):
            # the parent of the bodies before it ("các trường THPT và Trung tâm trực thuộc Sở
            # Giáo dục và Đào tạo", công văn 1121/SGDĐT-TVTBNG Tiền Giang, real b135): whose
            # units they are, no body named to act (alone, "Đơn vị thuộc, trực thuộc Sở Y tế",
            # it stands for its units: no other body is named)
            continue
        lead_in, role = absorb_titles(gazetteer, tokens, cand.first, previous_end)
        agency = to_agency(gazetteer, tokens, cand, offset, placement)
        for each in _each_level(agency, province, issuer):
            out.append(Mention(each, cand.first, cand.last, lead_in, role, bare=cand.bare))
        if role == "party" and (committees := _party_of_provinces(agency)) is not None:
            out.append(Mention(committees, cand.first, cand.last, cand.last))
        previous_end = cand.last
    return tokens, out


def _attached_parent(tokens: Tokens, first: int) -> bool:
    """Whether the token before ``first`` is "thuộc" ("trực thuộc", "thuộc") after a word."""
    return first >= 2 and tokens.keys[first - 1] == _OF


_OF = fold_phrase("thuộc")[0]
# At most this many tokens between the bodies named and their parent ("các trường THPT" / "và
# Trung tâm trực thuộc" / "Sở …").
_PARENT_REACH = 5


# The people's committees of the provinces as a group, and the same provinces' Party
# committees: "Bí thư và Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
# addresses both (công điện 1225/CĐ-TTg, real: its gold names "Tỉnh ủy, Thành ủy các tỉnh,
# thành phố trực thuộc Trung ương").
_COMMITTEES_OF_PROVINCES = "Ủy ban nhân dân các tỉnh"
_PARTY_OF_PROVINCES = "Tỉnh ủy, Thành ủy các tỉnh"


def _department_in_each(
    gazetteer: Gazetteer, tokens: Tokens, body: Candidate, members: list[Mention], offset: int
) -> list[Mention]:
    """A department named right before a list of provinces is that department in each of them
    ("Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng", the addressees
    of công điện 96/CĐ-BXD, real): each province's own department, at the province's name.
    Nothing when a member is no province or a province has no such department."""
    out: list[Mention] = []
    for member in members:
        if member.agency.kind != "province":
            return []
        placement = placement_for(gazetteer, member.agency.id, None)
        own = to_agency(gazetteer, tokens, body, offset, placement)
        if own.id is None or own.id == body.entry_id:
            return []
        named = own.model_copy(update={"text": member.agency.text, "span": member.agency.span})
        out.append(Mention(named, member.first, member.last, member.lead_in, list_member=True))
    out[0].lead_in, out[0].title_role = min(body.first, members[0].lead_in), members[0].title_role
    return out


# A group of bodies at several levels ("UBND cấp huyện, cấp xã"): the levels and what comes
# before them.
_LEVELS = regex.compile(r"^(?P<head>.+?) (?P<levels>cấp \w+(?:(?:, | và |, và )cấp \w+)+)$")
_LEVEL = regex.compile(r"cấp \w+")


def _each_level(agency: Agency, province: str | None, issuer: str | None) -> list[Agency]:
    """``agency``, or, for a group of bodies at several levels ("Ủy ban nhân dân cấp huyện,
    cấp xã", the cells of Phụ lục 2 of kế hoạch 1914/KH-UBND Hải Dương, real PDF b71), the
    group at each level, named as each is named alone ("Ủy ban nhân dân cấp huyện", "Ủy ban
    nhân dân cấp xã": 67 real golds name them so, none joined)."""
    m = _LEVELS.match(agency.name) if agency.kind == "group" else None
    if m is None:
        return [agency]
    out: list[Agency] = []
    for level in _LEVEL.findall(m.group("levels")):
        alone = list(find_agencies(f"{m.group('head')} {level}", province=province, issuer=issuer))
        if len(alone) != 1:
            return [agency]
        out.append(alone[0].model_copy(update={"text": agency.text, "span": agency.span}))
    return out


def _party_of_provinces(agency: Agency) -> Agency | None:
    if agency.kind != "group" or not agency.name.startswith(_COMMITTEES_OF_PROVINCES):
        return None
    name = _PARTY_OF_PROVINCES + agency.name[len(_COMMITTEES_OF_PROVINCES) :]
    return agency.model_copy(update={"name": name, "id": None})


# The last texts scanned, with their tokens and candidates: a text is often scanned again
# with another offset, province or issuer (an addressee line for the addressees and for their
# province, a paragraph for its roles and for the issuer's request, a cell's repeated names),
# and neither the tokens nor the candidates depend on those: only on the text and
# ``bare_provinces``. Keyed with the gazetteer, so that another one is never served.
_SCANNED: OrderedDict[tuple[str, bool], tuple[Gazetteer, Tokens, list[Candidate]]] = OrderedDict()
_SCANNED_KEPT = 128
# Texts scanned again are short (addressee lines, cells, paragraphs: 35 characters on average
# over the text bench, the longest scanned text 3,649): a longer one is not kept, which bounds
# what the memo holds whatever the documents.
_SCANNED_LONGEST = 4000


def _candidates(
    gazetteer: Gazetteer, text: str, bare_provinces: bool
) -> tuple[Tokens, list[Candidate]]:
    """The tokens of ``text`` and the chosen candidates over them, found once per text."""
    key = (text, bare_provinces)
    known = _SCANNED.get(key)
    if known is not None and known[0] is gazetteer:
        _SCANNED.move_to_end(key)
        _, tokens, chosen = known
        # ``consumed`` is the one mark a scan writes on its candidates (a list's members,
        # taken by its head): cleared, a second scan starts as the first one did.
        for cand in chosen:
            cand.consumed = False
        return tokens, chosen
    tokens = Tokens.of(text)
    chosen = find_candidates(gazetteer, tokens, bare_provinces)
    if len(text) <= _SCANNED_LONGEST:
        _SCANNED[key] = (gazetteer, tokens, chosen)
        if len(_SCANNED) > _SCANNED_KEPT:
            _SCANNED.popitem(last=False)
    return tokens, chosen


@per_gazetteer
def _party_committees(gazetteer: Gazetteer) -> dict[str, str]:
    """A province's committee id → its Party committee's id, built once."""
    return {e.link: e.id for e in gazetteer.entries if e.kind == "party_body" and e.link}


def _with_party_committees(gazetteer: Gazetteer, members: list[Mention]) -> list[Mention]:
    """The listed provinces' committees, each followed by its Party committee ("Bí thư Tỉnh
    ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa" addresses both)."""
    party = _party_committees(gazetteer)
    out: list[Mention] = []
    for member in members:
        out.append(member)
        entry = gazetteer.get(party.get(member.agency.id or "", ""))
        if entry is not None:
            agency = member.agency.model_copy(
                update={"name": entry.name, "id": entry.id, "kind": entry.kind}
            )
            out.append(Mention(agency, member.first, member.last, member.last, list_member=True))
    return out


def find_agencies(
    text: str,
    *,
    offset: int = 0,
    bare_provinces: bool = False,
    province: str | None = None,
    issuer: str | None = None,
) -> Iterator[Agency]:
    """Every agency mention, canonical, in text order, lists expanded.

    "Các bộ: Y tế, Văn hóa, Thể thao và Du lịch, Nông nghiệp và Môi trường, Tài chính" yields 4
    ministries; "Ủy ban nhân dân các tỉnh: Bắc Ninh, Hà Tĩnh" 2 Ủy ban nhân dân tỉnh; a generic
    group ("các bộ, ngành, địa phương") one Agency of kind "group" whose name keeps its words;
    a body the gazetteer lacks but the text names the standard way ("Cục Quản lý đất đai chủ
    trì") an Agency with ``id=None``, its words as name and its head's kind ("unit").
    ``bare_provinces=True`` (table cells: "Đồng Nai, Hà Tĩnh") maps bare province names to their
    Ủy ban nhân dân. ``province`` (the issuer's, as id, place or name) places a department
    named alone ("Sở Tài chính") in that province. ``issuer`` (the issuing body, as id or
    name) completes a unit named with its parent's head alone: "Văn phòng Bộ" in a document of
    Bộ Y tế is "Văn phòng Bộ Y tế". Spans are ``offset``-shifted.
    """
    _, mentions = scan_mentions(
        text, offset=offset, bare_provinces=bare_provinces, province=province, issuer=issuer
    )
    for mention in mentions:
        yield mention.agency


def format_gazetteer(kind: str | None = None) -> Iterator[str]:
    """One tab-separated line per gazetteer entry: id, kind, name, aliases (joined by " | "),
    and the succession ("until 2025-02-28 → bo-tai-chinh") when the body no longer exists."""
    for entry in load_gazetteer().entries:
        if kind and entry.kind != kind:
            continue
        line = f"{entry.id}\t{entry.kind}\t{entry.name}\t{' | '.join(entry.aliases)}"
        if entry.valid_until:
            line += f"\tuntil {entry.valid_until.isoformat()}"
            if entry.became:
                line += f" → {entry.became}"
        yield line
