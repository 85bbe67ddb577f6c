"""The addressees after "Kính gửi:" (recipients).

Reads them inline ("Kính gửi: Bộ X"), one bulleted line each, or as short unbulleted lines
below the label; joins an addressee a page broke over two lines, a position with its body,
and the list an addressee names after its colon; skips the quốc hiệu and the date line that
side-by-side columns put between the label and its bullets.
"""

from __future__ import annotations

import functools

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.layout import body_run_on
from vbparse.segment.casing import bare, known_title, province_places, province_units
from vbparse.segment.header_lines import (
    Header,
    header_patterns,
    is_item,
    is_motto,
    read_column_line,
)
from vbparse.segment.lines import Line

# Addressees written below "Kính gửi:" without bullets: at most this many lines of this many
# words ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;").
_RECIPIENT_LINES = 8
# (… or two addressees a copy ran together at their ";": "- Bộ Công an;Phòng PC47, Công an tỉnh
# Thanh Hóa.", công văn 2518/VPCP-V.I as luatminhkhue.vn holds it, real b126)
_INLINE_BULLET = regex.compile(r"(?<=;)\s*(?=[-–•+]\s)|(?<=;)(?=\p{Lu})")
_RECIPIENT_WORDS = 16
_CELL_BAR = regex.compile(r"\s\|(?:\s|$)")


def _add_recipients(header: Header, line: str, bullets: str) -> int | None:
    """The addressees of one line, without their bullets and closing punctuation; a table cell
    keeps several bullets on one line ("Kính gửi: | - Bộ Tài chính; - Bộ Tư pháp"). Returns
    where in ``line`` a body's sentence run on after the last addressee starts, if one does."""
    run_on = None
    for entry in _INLINE_BULLET.split(line):
        # A crawled page may run the body's first sentence onto the last addressee ("- Các đơn
        # vị trực thuộc Thực hiện Công văn số 1369/BGDĐT …", công văn 327/SGDĐT-KHTC): the
        # addressee ends where a body opening starts.
        if cut := body_run_on().search(entry):
            run_on = line.find(entry) + cut.end()
            entry = entry[: cut.start()]
        # A flattened table row runs the next cell on after a bar ("- Bộ Kế hoạch và Đầu tư; |
        # Về đề nghị của …", công văn 6368/VPCP-CN): the addressee is the cell before it.
        cell = _CELL_BAR.split(entry, maxsplit=1)[0]
        if any(c.isalpha() for c in cell):
            entry = cell
        entry = entry.lstrip(bullets).rstrip(" ;.,…_")
        # a draft's blank for the addressee ("Kính gửi: ………") or a table's bar names nobody
        if any(c.isalpha() for c in entry):
            header.recipients.append(entry)
    return run_on


def read_recipients(header: Header, lines: list[Line], i: int, label_end: int) -> int:
    """Kính gửi: inline ("Kính gửi: Bộ X") or one "- X;" line each."""
    inline = lines[i].text.strip()[label_end:].strip()
    if inline:
        _add_recipients(header, inline, "-–• ")
    last = i
    for j in range(i + 1, len(lines)):
        # (a scan's speck before the bullet: "_- Trưởng phòng …", real scan b95)
        stripped = lines[j].text.strip().lstrip("_")
        if not header.recipients and (not stripped or read_column_line(header, stripped)):
            # Side-by-side columns read one after the other (a PDF, an OCR): the quốc hiệu and
            # the date line stand between "Kính gửi:" and its bullets.
            continue
        previous = lines[last].text.strip()
        if header.recipients and j == last + 1 and _place_goes_on(header.recipients[-1], stripped):
            # "… trực thuộc Phòng Giáo dục và Đào tạo thành phố Cà" / "Mau." (letters of Phòng
            # GD&ĐT TP Cà Mau as scans, real b113): the place's last words
            header.recipients[-1] += " " + stripped.rstrip(" .;,")
            last = j
            continue
        if not stripped.startswith(("-", "–", "•", "+")):
            if last > i and (_wraps_onto(previous, stripped) or _list_follows(previous, stripped)):
                # the addressee goes on under its bullet ("- Ban Chủ nhiệm các Đoàn Luật sư tỉnh
                # Đắk Nông, tỉnh" / "Bình Thuận và tỉnh Lâm Đồng (cũ);", công văn of Sở Tư pháp)
                _continue_recipient(header, stripped)
                last = j
                continue
            if last == i and not inline and header.cable_sender and stripped:
                # a công điện's addressees on the line under its "Điện:" ("BỘ TRƯỞNG BỘ GIÁO DỤC
                # VÀ ĐÀO TẠO" / "Điện:" / "Các sở giáo dục và đào tạo, …", công điện
                # 672/CĐ-BGDĐT, real scan b132)
                _add_recipients(header, stripped, "-–• ")
                last = j
                continue
            if last == i and _position_alone(header, stripped):
                # "Kính gửi: Bộ trưởng" / "Bộ Công Thương" (công văn 11520/VPCP-CN): a position
                # alone is no addressee; its body is on the next line.
                _continue_recipient(header, stripped)
                last = j
                continue
            if header.recipients and _short_name_for_them(stripped):
                # "- Trung tâm Y tế huyện, thị xã, thành phố." / "(sau đây gọi chung là đơn
                # vị)." (scans of Sở Y tế Kiên Giang letters, real b65): the list's own line,
                # not the body's first words (agencies.defined_terms reads it)
                last = j
            break
        if (
            last > i
            and previous.endswith(",")
            and ":" in previous
            and stripped.endswith((";", "."))
            and header.recipients
        ):
            # A copy put a bullet inside the list an addressee names after its colon ("- … các
            # tỉnh: Gia Lai," / "- Đắk Lắk và Khánh Hòa;", công điện 223/CĐ-TTg): the next entry
            # ends the list with ";" or ".". Entries that end with "," (công văn 10988/BNV-CQĐP,
            # 563/UBND-CN.XDCB: "- Các sở: xây dựng, …," / "- UBND huyện từ sơn,") stay apart.
            header.recipients[-1] += ", " + stripped.lstrip("-–•+ ").rstrip(" ;.,")
        else:
            run_on = _add_recipients(header, stripped, "-–•+ ")
            if run_on is not None:
                # the body goes on from there: the header ends inside this line
                line = lines[j]
                header.body_run_on = line.start + line.text.find(stripped) + run_on
                return j
        last = j
    if inline or last > i:
        return last
    # "Kính gửi:" alone, its addressees on the lines below without bullets ("Bộ Tài chính",
    # "Bộ Y tế;" / "Bộ Tài chính."): short lines, one after another while each ends in ";".
    listing = False  # one a line without punctuation, the last closing the list
    for j in range(i + 1, min(i + 1 + _RECIPIENT_LINES, len(lines))):
        stripped = lines[j].text.strip()
        # the list an addressee names after its colon is names, not a sentence ("Ủy ban nhân
        # dân các tỉnh, thành phố: Hồ Chí Minh, Hải Phòng, …", công văn 5324/BVHTTDL-DSVH)
        if len(stripped.split(":", 1)[0].split()) > _RECIPIENT_WORDS or is_item(lines[j]):
            break
        # An OCR of side-by-side columns puts the quốc hiệu or the date line right under
        # "Kính gửi:": those are no addressees.
        if (
            is_motto(stripped)
            or header_patterns()["place_date"].match(stripped)
            or header_patterns()["recipient_details"].match(stripped)
        ):
            break
        if not listing and last > i and _wraps_onto(lines[last].text.strip(), stripped):
            # "Chủ tịch Ủy ban nhân dân các tỉnh: Hưng Yên, Ninh" / "Bình, Bắc Ninh, Phú Thọ."
            _continue_recipient(header, stripped)
        else:
            header.recipients.append(stripped.rstrip(" ;.,"))
        last = j
        if not stripped.endswith((";", ",")) and not (
            j + 1 < len(lines) and _wraps_onto(stripped, lines[j + 1].text.strip())
        ):
            listing = _list_closes_below(stripped, lines[j + 1 : i + 1 + _RECIPIENT_LINES])
            if not listing:
                break
    return last


def _list_closes_below(line: str, below: list[Line]) -> bool:
    """Whether an addressee's line without punctuation ("Bộ Kế hoạch và Đầu tư") is followed
    by more of them, one a line, the last closed by "." or ";" ("Bộ Tài chính" / "Bộ Ngoại
    giao" / "Bộ Giáo dục và Đào tạo.", công văn 336/CP-QHQT as luatminhkhue.vn holds it, real
    b126)."""
    if not line[-1:].isalnum():
        return False
    for other in below:
        text = other.text.strip()
        if (
            not text[:1].isupper()
            or len(text.split()) > _RECIPIENT_WORDS
            or header_patterns()["body_opening"].match(text)
        ):
            return False
        if text.endswith((".", ";")):
            return True
    return False


# The list a "…: " addressee names goes on the next line at most this long ("- Bộ trưởng các
# Bộ:" / "Quốc phòng, Công an, Tài chính, Nông nghiệp và Môi trường, Y tế.", công điện 226).
_LISTED_WORDS = 60


def _list_follows(line: str, following: str) -> bool:
    """Whether ``following`` is the list an addressee's line opens with its colon."""
    return (
        line.endswith(":")
        and following.endswith((";", "."))
        and len(following.split()) <= _LISTED_WORDS
    )


def _position_alone(header: Header, following: str) -> bool:
    """Whether the one addressee read is a position without its body ("Bộ trưởng") and
    ``following`` a short line that can be that body."""
    return (
        len(header.recipients) == 1
        and known_title(header.recipients[0]) is not None
        and bool(following)
        and following[0].isupper()
        and len(following.split()) <= _RECIPIENT_WORDS
        and not header_patterns()["body_opening"].match(following)
        and not is_motto(following)
        and not header_patterns()["place_date"].match(following)
    )


def _continue_recipient(header: Header, line: str) -> None:
    """The last addressee goes on in ``line`` (its page broke it)."""
    header.recipients[-1] = f"{header.recipients[-1]} {line.rstrip(' ;.,')}"


# The most words a place name's end on a line of its own may have ("Rịa - Vũng Tàu").
_PLACE_END_WORDS = 4


def _place_goes_on(entry: str, following: str) -> bool:
    """Whether ``following`` is only the end of a province's or city's name that ``entry``
    breaks off ("… thành phố Cà" / "Mau.")."""
    rest = following.rstrip(" .;,").split()
    if not rest or len(rest) > _PLACE_END_WORDS or not rest[0][:1].isupper():
        return False
    words = entry.split()
    if bare(" ".join(rest)) in province_places():
        # the whole name after its unit ("… thành phố" / "Cà Mau")
        return entry.endswith(tuple(" " + unit for unit in province_units()))
    return any(
        bare(" ".join(words[-k:] + rest)) in province_places()
        for k in range(1, min(3, len(words)) + 1)
        if words[-k][:1].isupper()
    )


def _wraps_onto(line: str, following: str) -> bool:
    """Whether an addressee's line goes on in ``following``: it ends with no punctuation and
    the following short line ends the entry with ";", "." or "," (a copy that kept the
    page's line breaks; "… tỉnh" / "Bình Thuận và tỉnh Lâm Đồng (cũ),", công văn 1468/STP-BTTP)."""
    return (
        bool(line)
        and line[-1].isalnum()
        and bool(following)
        and following[0].isalnum()
        and following.endswith((";", ".", ","))
        and len(following.split()) <= _RECIPIENT_WORDS
    )


@functools.cache
def _definition() -> regex.Pattern[str]:
    return regex.compile(load_yaml("agencies/defined_terms.yaml")["definition"], regex.IGNORECASE)


def _short_name_for_them(line: str) -> bool:
    """Whether a line is only the short name a list of addressees is given ("(Sau đây gọi
    chung là các đơn vị)")."""
    m = _definition().match(line)
    return m is not None and not line[m.end() :].strip(" .;,")


# A Kính gửi list whose label the copy lost (OCR read the label's cell as nothing, công văn
# 427/BTC-CST as a dataset's OCR text, real b144): at least this many bulleted lines right
# under the header, each short and opening with a body's head word.
_UNLABELLED_ENTRIES = 2


def unlabelled_recipients(header: Header, lines: list[Line], i: int) -> int | None:
    """The index of the last line of a Kính gửi list without its label that starts at line
    ``i`` ("- Các Bộ, cơ quan ngang Bộ; …" / "- Ủy ban nhân dân các tỉnh, …;" right under the
    V/v), its entries added to ``header.recipients``; None when the lines are no such list."""
    entries: list[str] = []
    last = i - 1
    for j in range(i, len(lines)):
        stripped = lines[j].text.strip()
        if not stripped:
            continue
        entry = stripped.lstrip("-–•+ ").rstrip(" ;.,")
        if stripped[:1] not in "-–•+" or not _names_a_body(entry):
            break
        entries.append(stripped)
        last = j
    if len(entries) < _UNLABELLED_ENTRIES:
        return None
    for entry in entries:
        _add_recipients(header, entry, "-–•+ ")
    return last


def _names_a_body(entry: str) -> bool:
    """A short entry that opens with a body's head word ("Các Bộ, cơ quan ngang Bộ", "Ủy ban
    nhân dân các tỉnh, …", "Liên đoàn Thương mại và Công nghiệp Việt Nam"): no sentence."""
    words = entry.split()
    return (
        0 < len(words) <= _RECIPIENT_WORDS
        and ":" not in entry
        and bool(_unlabelled_heads().match(entry))
    )


@functools.cache
def _unlabelled_heads() -> regex.Pattern:
    heads = load_yaml("header.yaml")["unlabelled_recipient_heads"]
    alternatives = "|".join(regex.escape(h) for h in sorted(heads, key=len, reverse=True))
    return regex.compile(rf"(?:[Cc]ác\s+)?(?:{alternatives})\b")
