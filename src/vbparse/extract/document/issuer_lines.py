"""The issuing body (cơ quan ban hành) read from the header's issuer lines, the number's
issuer code, a portal's field or the closing; and the province of an issuer written with its
lines."""

from __future__ import annotations

import functools
import unicodedata

import regex

from vbparse.extract.agencies.gazetteer import load_gazetteer
from vbparse.extract.agencies.matcher import find_agencies
from vbparse.extract.agencies.named_bodies import written_out
from vbparse.extract.document.number import issuer_names
from vbparse.grammars import load_yaml
from vbparse.models import DocumentNumber
from vbparse.segment.casing import agency_casing, fold, title_case, unique_by, without_marks
from vbparse.segment.closing import Closing
from vbparse.segment.header import Header

__all__ = ["issuer", "issuer_province", "placed_issuer"]


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
        # (the province the issuer lines name, asked once: each ask reads the lines again)
        province = issuer_province(header)
        if len(lines) > 1 and (unit := _unit_of_parent(lines, province)):
            return unit
        # The issuing body under its parent: "UBND TỈNH LÂM ĐỒNG" / "SỞ Y TẾ" is the Sở of
        # that province, named as the gazetteer names it.
        if len(lines) > 1 and (named := _whole_agency(lines[-1], province)):
            # a body the grammar names ("Tổng Cục Thuê", OCR's mark) gives way to the known
            # body of the same letters
            return named if fold(named) in _known_names() else _known_issuer(lines[-1]) or named
        if len(lines) == 1 and (named := _last_of_two(lines[0], province)):
            return named
        if known := _known_issuer(lines[-1]):
            # under its parent line, the body of the parent's province ("UBND TỈNH KIÊN
            # GIANG" / "SƠ Y TẾ", OCR's lost hook: Sở Y tế tỉnh Kiên Giang, real scans b65-b72)
            placed = _whole_agency(known, province) if len(lines) > 1 else None
            return placed or known
        # Issuer lines no body is named by, damaged ("BỘ VĂN HÓA, TH THAO" / "VÀ DU LỊCH",
        # công văn 5324/BVHTTDL-DSVH as a web copy, real): the number's issuer code names it.
        if number and number.issuer_code in names:
            return names[number.issuer_code]
        return title_case(lines[-1])
    if header.portal_issuer:
        written = " ".join(header.portal_issuer.split())
        return _named_exactly(written) or written
    sender = " ".join(header.cable_sender.split()) if header.cable_sender else None
    if sender and (known := _sender_body(sender)):
        # the sender's body before the number's code, which names a kind of body only
        # ("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" / "ĐIỆN" over "Số: 04/CĐ-UBND")
        return known
    if number and number.issuer_code in names:
        return names[number.issuer_code]
    if sender:
        return _named_exactly(sender) or title_case(sender)
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


def _sender_body(written: str) -> str | None:
    """The one known body a công điện's sender names, its head's title before it ("CHỦ TỊCH
    ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI": Ủy ban nhân dân thành phố Hà Nội), or None."""
    found = list(find_agencies(written))
    if len(found) != 1 or found[0].id is None or found[0].kind == "group":
        return None
    return found[0].name


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


def _unit_of_parent(lines: list[str], province: str | None) -> str | None:
    """A unit named only under its body's lines is that body's unit ("UBND TỈNH BẮC GIANG" /
    "VĂN PHÒNG", công văn 390/VP-TH, real scan: Văn phòng Ủy ban nhân dân tỉnh Bắc Giang;
    "ỦY BAN MTTQ VIỆT NAM" / "XÃ LƯƠNG MINH" / "BAN THƯỜNG TRỰC", kế hoạch of 2026, real b145:
    Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh); header.yaml
    ``units_under_parent``."""
    unit = _units_under_parent().get(fold(lines[-1]))
    if unit is None:
        return None
    parent = _whole_agency(" ".join(lines[:-1]), province)
    return f"{unit} {parent}" if parent else None


@functools.cache
def _units_under_parent() -> dict[str, str]:
    return {fold(unit): unit for unit in load_yaml("header.yaml")["units_under_parent"]}


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
    that a bare "Sở Tài chính" in its body is that province's department. A công điện's sender
    names it too ("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" / "ĐIỆN")."""
    written = "\n".join([*(line.text for line in header.issuer_lines), header.cable_sender or ""])
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
