"""Document-level fields read from the segmented header and closing: the number and its
parts, the issuer and its province, the addressees as agencies, the cited documents, and the
bodies that the gazetteer does not know."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Iterator

import regex

from vbparse.extract.agencies.addressees import units_of_issuer, unlisted_addressees
from vbparse.extract.agencies.gazetteer import is_named_committee, load_gazetteer
from vbparse.extract.agencies.keys import fold_phrase
from vbparse.extract.agencies.matcher import Tokens, find_agencies
from vbparse.extract.agencies.named_bodies import written_out
from vbparse.extract.document.number import (
    as_cong_van,
    issuer_names,
    normalize_number,
    parse_document_number,
)
from vbparse.extract.document.references import find_references
from vbparse.grammars import load_yaml
from vbparse.models import Agency, DocumentNumber, ParseWarning, Reference, Task
from vbparse.segment.casing import agency_casing, fold, title_case, unique_by, without_marks
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


def issuer(header: Header, number: DocumentNumber | None, closing: Closing) -> str | None:
    """The issuing body: from the header, else the number's issuer code, else the body that
    speaks in the closing sentence ("Văn phòng Chính phủ trân trọng thông báo …")."""
    names = issuer_names()
    by_fold = _issuer_names_by_fold()
    if header.issuer_lines:
        # One name may take two lines ("ỦY BAN NHÂN DÂN" / "TỈNH CAO BẰNG"); or the first line
        # is the parent body and the last the issuer ("BỘ TÀI CHÍNH" / "CỤC THUẾ"), as
        # Nghị định 30/2020 lays out "cơ quan chủ quản" above "cơ quan ban hành".
        # A table flattened into text leaves its cell bar at the end of a line ("VĂN PHÒNG
        # CHÍNH PHỦ |", a web copy of công văn 4909/VPCP-NN): no part of the name.
        lines = [" ".join(line.text.replace("|", " ").split()) for line in header.issuer_lines]
        lines = _rejoin_wrapped(lines)
        joined = " ".join(lines)
        if known := _known_issuer(joined):
            return known
        if len(lines) > 1 and (division := _division_of(lines)):
            return division
        # The issuing body under its parent: "UBND TỈNH LÂM ĐỒNG" / "SỞ Y TẾ" is the Sở of
        # that province, named as the gazetteer names it.
        if len(lines) > 1 and (named := _whole_agency(lines[-1], issuer_province(header))):
            # a body the grammar names ("Tổng Cục Thuê", OCR's mark) gives way to the known
            # body of the same letters
            return named if fold(named) in _known_names() else _known_issuer(lines[-1]) or named
        if len(lines) > 1 and (office := _office_of(lines, issuer_province(header))):
            return office
        if len(lines) == 1 and (named := _last_of_two(lines[0], issuer_province(header))):
            return named
        if known := _known_issuer(lines[-1]):
            # under its parent line, the body of the parent's province ("UBND TỈNH KIÊN
            # GIANG" / "SƠ Y TẾ", OCR's lost hook: Sở Y tế tỉnh Kiên Giang, real scans b65-b72)
            placed = _whole_agency(known, issuer_province(header)) if len(lines) > 1 else None
            return placed or known
        # Issuer lines no body is named by, damaged ("BỘ VĂN HÓA, TH THAO" / "VÀ DU LỊCH",
        # công văn 5324/BVHTTDL-DSVH as a web copy, real): the number's issuer code names it.
        if number and number.issuer_code in names:
            return names[number.issuer_code]
        return title_case(lines[-1])
    if header.portal_issuer:
        written = " ".join(header.portal_issuer.split())
        return _named_exactly(written) or written
    if number and number.issuer_code in names:
        return names[number.issuer_code]
    if header.cable_sender:
        written = " ".join(header.cable_sender.split())
        return _named_exactly(written) or title_case(written)
    if closing.closing_issuer:
        return by_fold.get(fold(closing.closing_issuer), closing.closing_issuer)
    return None


def _division_of(lines: list[str]) -> str | None:
    """A district's division under its committee's line ("UBND HUYỆN HIỆP HÒA" / "PHÒNG
    GIÁO DỤC & ĐÀO TẠO"): the division, named with its district ("Phòng Giáo dục và Đào tạo
    huyện Hiệp Hòa", as a body of that committee names it)."""
    parents = list(find_agencies(lines[0]))
    if len(parents) != 1 or parents[0].kind != "local_body" or not parents[0].id:
        return None
    written = _cased_as_names(lines[-1]) if lines[-1].isupper() else lines[-1]
    found = list(find_agencies(written, issuer=parents[0].name))
    if len(found) == 1 and not found[0].id and fold(found[0].text) == fold(written):
        return found[0].name
    return None


def _cased_as_names(written: str) -> str:
    """A body's name in capitals cased as the gazetteer cases the same words after another
    head ("PHÒNG GIÁO DỤC & ĐÀO TẠO" → "Phòng Giáo dục và Đào tạo", as "Sở Giáo dục và Đào
    tạo"), else each word capitalised: the matcher reads a body's name so."""
    head, _, rest = _capitalised(written).partition(" ")
    rest = written_out(load_gazetteer(), rest)
    return f"{head} {_name_tails().get(fold(rest), rest)}".strip()


@functools.cache
def _name_tails() -> dict[str, str]:
    """The gazetteer's names after their head word ("Giáo dục và Đào tạo"), by their fold."""
    return {
        fold(tail): tail for e in load_gazetteer().entries if (tail := e.name.partition(" ")[2])
    }


# A name wrapped before its connector: "BỘ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ HỘI", "TRUNG TÂM
# THÔNG TIN" / "VÀ CHƯƠNG TRÌNH GIÁO DỤC" (công văn 79/TTTT-CTGD, real PDF); OCR drops the mark.
_CONNECTOR_START = regex.compile(r"(?:VÀ|VA|và)\s")


# OCR specks before an issuer's name ("6“ BỘ TÀI CHÍNH", ". 4` TỔNG CỤC THUẾ"): tokens with
# no letter, or one letter among other marks.
_SPECK = regex.compile(r"(?:[^\p{L}\s]+|[^\p{L}\s]*\p{L}[^\p{L}\s]+|[^\p{L}\s]+\p{L})\s+")


def _without_specks(line: str) -> str:
    while (m := _SPECK.match(line)) and m.end() < len(line):
        line = line[m.end() :]
    return line


def _rejoin_wrapped(lines: list[str]) -> list[str]:
    """Issuer lines without OCR specks in front, a line that opens with "VÀ" joined to the
    line above it."""
    rejoined: list[str] = []
    for line in map(_without_specks, lines):
        if rejoined and _CONNECTOR_START.match(line):
            rejoined[-1] = f"{rejoined[-1]} {line}"
        else:
            rejoined.append(line)
    return rejoined


def _named_exactly(written: str) -> str | None:
    """The issuing body ``written`` names word for word, as the issuer codes or the gazetteer
    name it."""
    return _issuer_names_by_fold().get(fold(written)) or agency_casing(written)


def _known_issuer(written: str) -> str | None:
    """The issuing body ``written`` names, as the issuer codes or the gazetteer name it; a
    line OCR or a web copy damaged ("BỘ LAO ĐỘNG - THUONG BINH VÀ XÃ HỘI", "BỘ LAO
    ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI") by its letters alone, when only one body's name has them."""
    return (
        _issuer_names_by_fold().get(fold(written))
        or _issuer_names_by_letters().get(_letters_key(written))
        or agency_casing(written)
    )


def _letters_key(text: str) -> str:
    """``text``'s letters and digits without marks (đ as d) or case: OCR also runs words
    together ("BẢO HIẾM XA HỘI VIETNAM")."""
    return "".join(c for c in without_marks(text) if c.isalnum()).casefold()


def _body_names(groups: bool) -> list[str]:
    """The names of the issuer codes' bodies and of the gazetteer's (its groups too or not)."""
    entries = load_gazetteer().entries
    return [*issuer_names().values(), *(e.name for e in entries if groups or e.kind != "group")]


@functools.cache
def _known_names() -> frozenset[str]:
    """The folded names of the issuer codes' and the gazetteer's bodies."""
    return frozenset(fold(name) for name in _body_names(groups=True))


@functools.cache
def _issuer_names_by_letters() -> dict[str, str]:
    """The issuer codes' and the gazetteer's body names (not groups) by their letters; a key
    two names share is left out."""
    return unique_by(_body_names(groups=False), _letters_key)


@functools.cache
def _issuer_names_by_fold() -> dict[str, str]:
    """The issuer codes' body names by their comparison key (folding them per document was
    a twentieth of a short document's parse)."""
    return {fold(name): name for name in issuer_names().values()}


_OFFICE = "văn phòng"


def _office_of(lines: list[str], province: str | None) -> str | None:
    """ "VĂN PHÒNG" alone under its body's line is that body's office ("UBND TỈNH BẮC GIANG" /
    "VĂN PHÒNG", công văn 390/VP-TH, real scan: Văn phòng Ủy ban nhân dân tỉnh Bắc Giang)."""
    if fold(lines[-1]) != _OFFICE:
        return None
    parent = _whole_agency(" ".join(lines[:-1]), province)
    return f"Văn phòng {parent}" if parent else None


# Letters that make a word in capitals a word, not an abbreviation ("KCN", "HĐND").
_VOWELS = regex.compile(r"[aăâeêioôơuưy]", regex.IGNORECASE)


def _capitalised(written: str) -> str:
    """An issuer line in capitals with each word capitalised, abbreviations kept ("BAN QUẢN LÝ
    CÁC KCN" → "Ban Quản Lý Các KCN"): the matcher reads a body's name so."""
    base = unicodedata.normalize("NFD", written)
    words = zip(written.split(), base.split(), strict=True)
    return " ".join(w.capitalize() if _VOWELS.search(b) else w for w, b in words)


def _whole_agency(written: str, province: str | None) -> str | None:
    """The canonical name of the one agency that ``written`` names entirely, if any."""
    found = list(find_agencies(written, province=province))
    if not found and written.isupper():
        # "UBND TỈNH BẮC GIANG" / "BAN QUẢN LÝ CÁC KCN" (công văn 405/KCN-LĐ, real scan)
        written = _capitalised(written)
        found = list(find_agencies(written, province=province))
    if len(found) == 1 and fold(found[0].text) == fold(written):
        return found[0].name
    return None


def _last_of_two(written: str, province: str | None) -> str | None:
    """The issuing body when one line names its parent body and then it ("UBND TỈNH LÂM ĐỒNG
    SỞ NỘI VỤ", a .docx whose header cell lost its line break): the body ending the line."""
    found = list(find_agencies(written))
    if len(found) != 2 or found[0].span.start != 0 or found[1].span.end != len(written):
        return None
    if written[found[0].span.end : found[1].span.start].strip():
        return None
    return _whole_agency(found[1].text, province)


def issuer_province(header: Header) -> str | None:
    """The province whose People's Committee (or one of its bodies) issued the document, so
    that a bare "Sở Tài chính" in its body is that province's department."""
    written = "\n".join(line.text for line in header.issuer_lines)
    gazetteer = load_gazetteer()
    for agency in find_agencies(written):
        if agency.kind in ("province", "city") and agency.id:
            return agency.id
        # "CÔNG AN TỈNH LÂM ĐỒNG": a department of one province issues in that province
        entry = gazetteer.get(agency.id) if agency.kind == "local_body" and agency.id else None
        parent = gazetteer.get(entry.link) if entry is not None and entry.link else None
        if parent is not None and parent.kind in ("province", "city"):
            return parent.id
    return None


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


def placed_issuer(issuer: str | None, province: str) -> str | None:
    """ "Ủy ban nhân dân" (the place lost from the issuer lines) as the committee of the
    province the date line names, and a department without its province ("SỞ THÔNG TIN VÀ
    TRUYỀN THÔNG" under a parent line OCR lost or garbled, công văn 298/STTTT-CNTT Bắc Giang,
    a real scan) as that province's; other issuers as they are."""
    committee = load_gazetteer().get(province)
    if committee is None or issuer is None:
        return issuer
    if fold(issuer) in {fold(p) for p in _UNPLACED_COMMITTEES}:
        return committee.name
    return _whole_agency(issuer, province) or issuer


_UNPLACED_COMMITTEES = ("Ủy ban nhân dân", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân thành phố")
