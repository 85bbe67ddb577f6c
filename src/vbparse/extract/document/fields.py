"""Document-level fields read from the segmented header and closing: the number and its
parts, the issuer and its province, the addressees as agencies, the cited documents, and the
bodies that the gazetteer does not know."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import regex

from vbparse.extract.agencies.addressees import units_of_issuer, unlisted_addressees
from vbparse.extract.agencies.gazetteer import is_named_committee, load_gazetteer
from vbparse.extract.agencies.keys import fold_phrase
from vbparse.extract.agencies.matcher import Tokens, find_agencies
from vbparse.extract.document.number import (
    as_cong_van,
    normalize_number,
    parse_document_number,
)
from vbparse.extract.document.references import find_references
from vbparse.grammars import load_yaml
from vbparse.models import Agency, DocumentNumber, ParseWarning, Reference, Task
from vbparse.segment.closing import Closing
from vbparse.segment.header import Header

# "57-NQ/TW": the Party's numbers carry their type right after the running number.
_PARTY_SHAPED = regex.compile(r"\s*\d+\s*[-–]")


def document_number(header: Header) -> tuple[DocumentNumber | None, str | None]:
    """The số ký hiệu's parts and its normalized text, or (None, None)."""
    if not header.number:
        return None, None
    parts = parse_document_number(header.number)
    if parts and ((header.subject_is_vv and not header.title_type) or header.title_type == "CV"):
        # A V/v trích yếu is a công văn's (NĐ 30/2020), as is a number under a title (or a
        # portal's type) "Công văn": "12/CT-TTHT" is Cục Thuế's, no Chỉ thị.
        parts = parts if _PARTY_SHAPED.match(header.number) else as_cong_van(parts)
    return parts, normalize_number(header.number) if parts else None


# Issuer lines of a province's own bodies: its committee written without the place ("ỦY BAN
# NHÂN DÂN", "UBND TỈNH") or one of its departments ("SỞ Y TẾ").
_LOCAL_ISSUER_KINDS = frozenset({"province", "city", "local_body"})
_COMMITTEE_LINE = regex.compile(r"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND", regex.IGNORECASE)


def place_province(header: Header, issuer: str | None = None) -> str | None:
    """The province named by the place of the date line ("Hà Nội, ngày …") when the issuer is
    a provincial body written without its province ("ỦY BAN NHÂN DÂN" where a web copy lost
    the next line, or only the closing names it: "TM. ỦY BAN NHÂN DÂN" under a header that
    lost its issuer, kế hoạch 70/KH-UBND Cần Thơ as OCR'd Markdown, real). A ministry's "Hà
    Nội" places nothing; nor does a town that is no province ("Vị Thanh")."""
    written = "\n".join(line.text for line in header.issuer_lines) or issuer or ""
    if not header.place or not written:
        return None
    kinds = {agency.kind for agency in find_agencies(written)}
    local = kinds <= _LOCAL_ISSUER_KINDS if kinds else bool(_COMMITTEE_LINE.match(written))
    if not local:
        return None
    gazetteer = load_gazetteer()
    province = gazetteer.resolve_province(header.place)
    return province if province and province != gazetteer.unnamed_committee else None


def addressed_province(header: Header) -> str | None:
    """The one province a central body writes to ("Kính gửi: Ủy ban nhân dân tỉnh Hòa
    Bình"): its "Ủy ban nhân dân tỉnh" and "Sở Tài chính" in the body are that province's.
    None when the addressees name no province or several."""
    found = {
        agency.id
        for line in header.recipients
        for agency in find_agencies(line)
        if is_named_committee(agency)
    }
    return found.pop() if len(found) == 1 else None


# A trích yếu that says the letter guides: "V/v hướng dẫn …", "Hướng dẫn thực hiện …".
_GUIDING_SUBJECT = regex.compile(r"(?:V/v\s+|Về\s+việc\s+)?hướng\s+dẫn\b", regex.I)


def subject_guides(header: Header) -> bool:
    """Whether the trích yếu opens by saying the letter guides ("V/v hướng dẫn công tác …")."""
    return bool(header.subject and _GUIDING_SUBJECT.match(header.subject.strip()))


def subject_province(header: Header) -> str | None:
    """The one province a central body's text is about, named in its subject ("Kết luận của
    Thủ tướng … tại buổi làm việc với Thường trực Tỉnh ủy Thanh Hóa", thông báo 634/TB-VPCP):
    its "Thường trực Tỉnh ủy" and "Sở Tài chính" in the body are that province's. None when
    the subject names no province or several ("… tại Thành phố Hồ Chí Minh và tỉnh Đồng Nai")."""
    if not header.subject:
        return None
    places = load_gazetteer().members["province"]
    keys = Tokens.of(header.subject).keys
    found = set()
    for unit in _place_units():
        for i in range(len(keys) - len(unit)):
            if tuple(keys[i : i + len(unit)]) == unit:
                place = places.longest(keys, i + len(unit))
                if place:
                    found.add(place[1])
    return found.pop() if len(found) == 1 else None


def body_province(header: Header, text: str) -> str | None:
    """The province of a provincial letter whose copy lost its header (a crawl that starts at
    "Kính gửi:", công văn of UBND Thành phố Hà Nội and Hồ Chí Minh in a legal-text dump, real
    b44): the one province its text names by place, at least ``_BODY_PLACE_MENTIONS`` times and
    no other. None while the header names its issuer or place."""
    if header.issuer_lines or header.place or header.portal_issuer:
        return None
    places = load_gazetteer().members["province"]
    keys = Tokens.of(text).keys
    counts: dict[str, int] = {}
    i = 0
    while i < len(keys):
        found = places.longest(keys, i) if keys[i] in places.root else None
        if found is None:
            i += 1
            continue
        counts[found[1]] = counts.get(found[1], 0) + 1
        i = found[0]
    if len(counts) != 1:
        return None
    ((province, mentions),) = counts.items()
    return province if mentions >= _BODY_PLACE_MENTIONS else None


def signing_committee(province: str | None, closing: Closing) -> str | None:
    """A header-less letter signed for a people's committee or by its chairman ("TM. ỦY BAN
    NHÂN DÂN" / "KT. CHỦ TỊCH") in a known province: that province's committee issued it."""
    committee = load_gazetteer().get(province) if province else None
    authority = closing.signing_authority or ""
    if committee is None or not _COMMITTEE_SIGNS.search(authority):
        return None
    return committee.name


_COMMITTEE_SIGNS = regex.compile(r"\b(?:TM|KT)\.\s*(?:Ủy ban nhân dân|Chủ tịch)\b")


# A place named this often, and no other, is a header-less letter's own province.
_BODY_PLACE_MENTIONS = 3


@functools.cache
def _place_units() -> tuple[tuple[str, ...], ...]:
    return tuple(fold_phrase(unit) for unit in load_yaml("header.yaml")["subject_place_units"])


def addressees(header: Header, province: str | None, issuer: str | None = None) -> list[Agency]:
    """The Kính gửi lines as agencies: who an item with no named subject speaks to. An entry
    headed by a kind of body the gazetteer lacks ("Hội nghề Cá Việt Nam") is one too; a body
    the issuer answers to (``overseers``: an Ủy ban nhân dân's Hội đồng nhân dân) is none."""
    known = [
        a
        for line in header.recipients
        for a in units_of_issuer(line, list(find_agencies(line, province=province)), issuer)
    ]
    return [
        a for a in known + unlisted_addressees(header.recipients, known) if not _oversees(a, issuer)
    ]


def _oversees(addressee: Agency, issuer: str | None) -> bool:
    if issuer is None:
        return False
    return any(
        issuer.startswith(row["issuer"]) and addressee.name.startswith(row["addressee"])
        for row in load_yaml("header.yaml").get("overseers", [])
    )


def cited_references(
    text: str, regions: Iterable[tuple[int, int]], own_number: str | None
) -> list[Reference]:
    """Every document cited in the given regions of ``text``, once each, in order."""
    seen: dict[str, Reference] = {}
    for start, end in regions:
        for ref in find_references(text[start:end], offset=start, own_number=own_number):
            seen.setdefault(ref.number, ref)
    return list(seen.values())


def unknown_agency_warnings(tasks: Iterable[Task]) -> Iterator[ParseWarning]:
    """One warning per body that the tasks name but the gazetteer lacks (found by its form:
    "Cục Quản lý đất đai"), so that the gazetteer can be extended; the records keep them."""
    seen: set[str] = set()
    for task in tasks:
        for agency in (*task.lead, *task.support, *task.report_to, *task.pending):
            if agency.id is None and agency.name not in seen:
                seen.add(agency.name)
                yield ParseWarning(
                    stage="agencies",
                    message=f"{agency.kind} not in the gazetteer: {agency.name!r}",
                    span=agency.span,
                )
