"""The Nơi nhận (cc) list under the closing: which lines it holds and each entry's words.

Takes the bulleted lines after "Nơi nhận:" (a first entry without its bullet, a list written
without bullets up to its "Lưu: …" entry, a signature line read in between by a side-by-side
layout), and cleans an entry of its bullet and, on the "Lưu" line, of the drafter's initials
and the copy count's tail.
"""

from __future__ import annotations

import functools

import regex

from vbparse.grammars import load_yaml
from vbparse.pattern_time import time_left
from vbparse.segment.authority import authority_prefixes
from vbparse.segment.casing import bare
from vbparse.segment.lines import Line

# The bullets that open a Nơi nhận entry.
# ("~": OCR reads a dash so, letters of ministries as OCR text, real batches b37/b38)
BULLETS = ("-", "–", "•", "+", "~")
# A Nơi nhận list has at most this many lines.
_MOST_CC_LINES = 40
# Drafter's initials and copy counts after the "Lưu" line's "(2)": ".Tr", ". 13", " NTN".
# ", mn", ", Khánh", ". BHop (13)", ", DHC13", "Huệ. 15": drafter's initials or name and a
# page number, up to two short chunks after the count.
_LUU_TAIL = regex.compile(
    r"(\(\s*\d+\s*\p{L}{0,2}\s*\))"
    r"(?:[\s.,]*(?:\(\p{L}{1,5}\)|[\p{L}\d.]{1,8}(?:\s*\(\d{1,3}\))?)){0,2}[\s.]*$"
)
# With no copy count, the drafter after the last unit code: "Lưu: VT, KT. Hg", "… XDCT.
# Khánh", "… GDPT. Hiển (3b)", "… KGVX.LHT", "… TH. TT" (initials after a code of two capitals
# or more: "V.I" is Vụ I), "… KGVX (Thập)", "… NC chau", "… VP Trúc" (real công văn of
# provinces; NĐ 30/2020 Phụ lục I puts the drafter's initials there).
_LUU_INITIALS = regex.compile(
    r"(?:(?<=[\p{Lu}\d])\.\s*\p{Lu}\p{Ll}{1,6}(?:\s*\(\d{0,3}\p{L}{0,2}\))?"
    r"|(?<=\p{Lu}{2})\.\s*\p{Lu}{1,4}"
    r"|\s*\(\p{Lu}\p{Ll}+\)"
    r"|(?<=\p{Lu}{2}|\d)\s+\p{Lu}?\p{Ll}+"
    # the drafter's name in lower case after its own comma ("Lưu: VT, TCCB, qtram", "Lưu:
    # VT,csthuan": scans of Sở Y tế Kiên Giang letters, real b65)
    r"|,\s*\p{Ll}[\p{Ll}.]{1,15}"
    # … glued to the unit code, with a count or page number ("KGVXn1014", "KTTHh5",
    # "NCbdv205"), in lower case in brackets ("KGVX(bnt)"), a count after the brackets
    # ("(THKH/QT).72"), or the draft's file path ("NCTH.HH d:\2011\CV\…", real web copies)
    r"|(?<=\p{Lu}{2})\p{Ll}{1,6}\d*"
    r"|\s*\(\p{Ll}{2,5}\)"
    r"|(?<=\))\.?\d{1,3}"
    # the drafter's initials after the unit's code in brackets ("Lưu: VT, (ĐT-MT) TV", công văn
    # 1025/UBND-ĐT Thành phố Hồ Chí Minh, real b130)
    r"|(?<=\p{Lu}\))\s+\p{Lu}{1,3}"
    r"|\s+\p{L}:\\.*)\s*$"
)


# How many of those tails one "Lưu" line may end with.
_LUU_TAILS = 2


@functools.cache
def _cc_archive() -> regex.Pattern[str]:
    """The "Lưu: …" entry that ends a Nơi nhận list (``header.yaml`` cc_archive)."""
    return regex.compile(load_yaml("header.yaml")["cc_archive"])


@functools.cache
def _unlabelled_patterns() -> dict[str, regex.Pattern[str]]:
    """How a Nơi nhận list that lost its label opens (``header.yaml`` cc_unlabelled,
    cc_marked)."""
    g = load_yaml("header.yaml")
    return {name: regex.compile(g[name]) for name in ("cc_unlabelled", "cc_marked")}


# How far below its "Như trên" a Nơi nhận without its label keeps its "Lưu" entry.
_UNLABELLED_CC_LINES = 30


def unlabelled_cc(lines: list[Line]) -> tuple[int, regex.Pattern[str]] | None:
    """Index of the first line of a Nơi nhận list that lost its "Nơi nhận:" label, and the
    pattern that opens it: "Như trên" alone on a line (bulleted or not), a "Lưu" entry among
    the lines below it; or an entry marked with what it is sent for ("(để b/c)") in the
    bulleted run above that "Như …" entry."""
    p = _unlabelled_patterns()
    for i, line in enumerate(lines):
        if p["cc_unlabelled"].match(line.text.strip()):
            below = lines[i + 1 : i + 1 + _UNLABELLED_CC_LINES]
            if any(_cc_archive().match(ln.text.strip().lstrip("-–•+ ")) for ln in below):
                marked = _first_marked_entry(lines, i)
                return (i, p["cc_unlabelled"]) if marked is None else (marked, p["cc_marked"])
    return None


def _first_marked_entry(lines: list[Line], at: int) -> int | None:
    """The first entry marked "(để …)" in the run of bulleted lines (and signature lines in
    capitals a scan read between them) that ends at ``lines[at]``."""
    p = _unlabelled_patterns()
    first = None
    for k in range(at - 1, -1, -1):
        text = lines[k].text.strip()
        if p["cc_marked"].match(text):
            first = k
        elif not (text.startswith(BULLETS) or _mostly_capitals(text)):
            break
    return first


def _mostly_capitals(text: str) -> bool:
    """A signature line as a scan reads it, a speck or two of lower case beside its capitals
    ("BỘ TRƯỞNG g.")."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def read_cc(lines: list[Line], label: regex.Pattern[str]) -> list[Line]:
    """The lines of the Nơi nhận list that ``label`` ("Nơi nhận:") opens in ``lines``."""
    start = next(i for i, ln in enumerate(lines) if label.match(ln.text.strip()))
    inline = lines[start].text.strip()[label.match(lines[start].text.strip()).end() :]
    taken = (
        [Line(lines[start].index, lines[start].start, lines[start].end, inline)]
        if inline and not _signature_beside_label(inline)
        else []
    )
    rest = lines[start + 1 :]
    unbulleted = _unbulleted_list(rest)
    for k, line in enumerate(rest):
        bulleted = line.text.strip().startswith(BULLETS)
        if taken and taken[-1].text.strip() in BULLETS:
            # a bullet alone on its line, the entry on the next ("-" / "Thủ tướng, các Phó Thủ
            # tướng:", công văn 3579/VPCP-KTN as luatminhkhue.vn holds it, real b124)
            above = taken[-1]
            taken[-1] = Line(above.index, above.start, line.end, f"- {line.text.strip()}")
        elif bulleted or (k == 0 and _unbulleted_first(rest)) or k < unbulleted:
            taken.append(line)
        elif taken and _continues_entry(rest, k, taken[-1].text):
            # "- VPCP: BTCN, các PCN;" / "các Vụ: TH, KTN; Cổng TTĐT;" (công văn
            # 3117/VPCP-QHQT as a web copy, real): the entry wrapped after its own ";"
            above = taken[-1]
            taken[-1] = Line(
                above.index, above.start, line.end, f"{above.text.rstrip()} {line.text.strip()}"
            )
        elif not (
            _signature_line_inside_list(rest[k:])
            or (
                _notes_inside_list(rest[k:])
                and (not any(map(_is_archive, taken)) or line.text.rstrip().endswith(":"))
            )
        ):
            break
    return [entry for line in taken for entry in _run_together(line)]


def _signature_beside_label(inline: str) -> bool:
    """Whether the words after "Nơi nhận:" on its line are the signature's authority line
    that OCR read beside it ("Nơi nhận: KT, TONG CỤC TRƯỞNG", "Noi nhận: KT, Bo TRUONG",
    letters of ministries as OCR text, real b33/b37/b38): capitals, a speck or two in lower
    case, and an authority's prefix or a title's word; no addressee."""
    letters = _LETTER.findall(inline)
    if len(letters) <= _TITLE_LETTERS or sum(c.islower() for c in letters) > _SPECK_LETTERS:
        return False
    return bool(_authority_inside().search(inline) or _TITLE_STEMS.search(bare(inline)))


@functools.cache
def _authority_inside() -> regex.Pattern[str]:
    """An authority prefix anywhere in a line ("Nơi nhận:. Sp KT, TONG CỤC THƯỜNG")."""
    return regex.compile(rf"\b(?:{authority_prefixes()})")


def _continues_entry(lines: list[Line], k: int, above: str) -> bool:
    """Whether line ``k``, without a bullet, is the rest of the entry above it: it opens in
    lower case, or the entry above broke off after a colon or a comma ("- Thủ tướng, các PTT:" /
    "Nguyễn Sinh Hùng, Nguyễn Thiện Nhân;", công văn 3410/VPCP-KTN as luatminhkhue.vn holds
    it, real b123); and a bulleted entry follows within a few lines."""
    text = lines[k].text.strip()
    after = lines[k + 1 : k + 1 + _ENTRY_LINES]
    if text.endswith(";") and after and after[0].text.strip().startswith(BULLETS):
        # an entry's own ";" ends it between two bulleted entries ("- VPCP: BTCN, các PCN: …;"
        # / "Cổng TTĐT, các Vụ: KTTH, TH;" / "- Lưu: …", 2284/VPCP-KTN, real b124)
        return True
    if not (text[:1].islower() or above.rstrip().endswith((":", ","))):
        return False
    return any(ln.text.strip().startswith(BULLETS) for ln in after)


# how many lines one wrapped entry may take after its first
_ENTRY_LINES = 3


# Entries a web copy ran onto one line: "Nơi nhận:- Như trên;- TTCP, các PTT (để b/c);- VPCP:
# BTCN; Vụ TH, TTĐT;- Lưu: VT, QHQT (3)." (công văn 6722/VPCP-QHQT, real), the purpose a
# brace set beside the entry kept with it ("- UB các vấn đề XH của QH; (để báo cáo) - Ban Dân
# nguyện của QH; (để báo cáo) - …", công văn 1040/LĐTBXH-NCC as Markdown, real b33).
# The entry's purpose closing without its ";" ("-UBND tỉnh (để b/c) - Lãnh đạo Sở; - …", a
# Nơi nhận cell of kế hoạch 395/KH-STTTT Hải Dương, real .docx) ends it before a capital too.
_RUN_TOGETHER = regex.compile(
    r"(?<=;(?:\s*\([^()\n]{1,40}\))?)\s*(?=[-–]\s*\S)|(?<=\))\s+(?=[-–]\s*\p{Lu})"
)
# That purpose after the entry's ";": the entry's own ("UB … của QH (để báo cáo)").
_PURPOSE_AFTER_STOP = regex.compile(r";\s*(\([^()]{1,40}\))$")


def _run_together(line: Line) -> list[Line]:
    """``line`` as its entries, where a copy ran several onto it after their ";"."""
    cuts = [m.start() for m in _RUN_TOGETHER.finditer(line.text)]
    if not cuts:
        return [line]
    out, at = [], 0
    for cut in [*cuts, len(line.text)]:
        piece = line.text[at:cut]
        lead = len(piece) - len(piece.lstrip())
        out.append(Line(line.index, line.start + at + lead, line.start + cut, piece.strip()))
        at = cut
    return [entry for entry in out if entry.text]


def _unbulleted_list(lines: list[Line]) -> int:
    """How many lines open a Nơi nhận written without bullets: entries ending with ";" up to
    the "Lưu: …" entry ("Nơi nhận" / "Như trên;" / "Bộ trưởng (để báo cáo);" / … / "Lưu: VT,
    GDTrH.", công văn 7991/BGDĐT-GDTrH as a web copy keeps it). 0 unless the list ends so.
    An entry may lack its ";" when it is short and most others have theirs ("Thường trực Thành
    ủy (kèm QĐ 236/QĐ-TTg )", công văn 1025/UBND-ĐT Thành phố Hồ Chí Minh as luatminhkhue.vn
    holds it, real b130)."""
    unmarked = 0
    for k, line in enumerate(lines[:_MOST_CC_LINES]):
        text = line.text.strip()
        if text.startswith(BULLETS):
            return 0
        if _cc_archive().match(text):
            return k + 1 if k > 0 and 2 * unmarked < k else 0
        if not text.endswith(";"):
            if len(text.split()) > _UNMARKED_ENTRY_WORDS:
                return 0
            unmarked += 1
    return 0


# The most words of a Nơi nhận entry written without its ";".
_UNMARKED_ENTRY_WORDS = 10


def _unbulleted_first(lines: list[Line]) -> bool:
    """The list's first entry written without its bullet, the next one with it ("Nơi nhận:" /
    "Như trên;" / "- Bộ trưởng (để b/c);", công văn 3313/BVHTTDL-VHDT as cinet.vn shows it)."""
    return (
        len(lines) > 1
        and lines[0].text.rstrip().endswith(";")
        and lines[1].text.strip().startswith(BULLETS)
    )


def _signature_line_inside_list(lines: list[Line]) -> bool:
    """A capitals line between two bullets of the Nơi nhận: the signature column read line
    by line beside the list ("Nơi nhận:" / "TL. CHỦ TỊCH" / "- Như trên;" / "CHÁNH VĂN
    PHÒNG" / "- Chủ tịch UBND tỉnh;"), not the list's end."""
    upper = 0
    while upper < len(lines) and lines[upper].is_upper:
        upper += 1
    return 0 < upper <= 2 and upper < len(lines) and lines[upper].text.strip().startswith(BULLETS)


# A note stamped between the entries ("- Cục Kiểm soát TTHC (VPCP);" / "Qua Email" / "Qua
# Email" / "- Cổng TTĐT tỉnh;", quyết định 345/QĐ-UBND Sóc Trăng, real .doc), or a sub-heading
# ("Bản điện tử:"): a few short lines without a bullet, before the "Lưu" entry; a sub-heading
# after it too ("- Lưu VT;" / "Bản điện tử:" / "- Như kính gửi;", công văn of Phòng GD&ĐT Hiệp
# Hòa, real b79: the paper copies, then the electronic ones).
_MOST_NOTE_LINES = 3
_MOST_NOTE_WORDS = 3


def _is_archive(line: Line) -> bool:
    """Whether an entry is the "Lưu: …" one that ends the list ("Luu: VT" as OCR reads it)."""
    return _entry_and_tail(line)[0].lower().startswith("lưu")


def _notes_inside_list(lines: list[Line]) -> bool:
    """Whether a few short lines without a bullet stand between two entries of the list."""
    notes = 0
    while (
        notes < len(lines)
        and notes < _MOST_NOTE_LINES
        and len(lines[notes].text.split()) <= _MOST_NOTE_WORDS
        and not lines[notes].text.strip().startswith(BULLETS)
    ):
        notes += 1
    return 0 < notes < len(lines) and lines[notes].text.strip().startswith(BULLETS)


# What OCR leaves of the signature column beside an entry, after the entry's ";": capitals
# and specks only ("Như trên; PHÓ TỔNG GIÁM ĐỐC", "Lãnh đạo TCT; À", letters of ministries as
# OCR text, real batches b37/b38).
# It goes when it holds a title's word (marks aside) or no more than this many letters.
_SIGNATURE_TAIL = regex.compile(r";(?P<tail>[^;\p{Ll}]*)$")
_TITLE_STEMS = regex.compile(r"\b(?:truong|giam\s*doc|chu\s*tich|pho|thu)\b")
_SPECK_LETTERS = 2
_LETTER = regex.compile(r"\p{L}")
# What OCR read after an entry's ";" with a letter in lower case (a tail without one is
# _SIGNATURE_TAIL's, asked first): a speck when it is one or two words of one or two
# characters ("Như trên; a", "Như trên; ZZ h", real b37/b38).
_SPECK_TAIL = regex.compile(r";\s*(?:[^\s;]{1,2}\s*){1,2}$")
# An entry with fewer letters and digits than this is an OCR speck ("/Đ_——", "} -", "}„").
_ENTRY_CHARACTERS = 2


def _entry_and_tail(line: Line) -> tuple[str, regex.Match[str] | None]:
    """An entry's words without its bullet (OCR's "~" too), the archive's label as written
    ("Luu:" as OCR reads "Lưu:"), and what OCR read after its ";" from the signature column
    beside it (``_SIGNATURE_TAIL``; none for the "Lưu" entry)."""
    words = line.text.strip().lstrip("-–•+~ ").strip()
    words = _ARCHIVE_MISREAD.sub("Lưu", words, count=1)
    if words.lower().startswith("lưu"):
        return words, None
    return words, _SIGNATURE_TAIL.search(words)


# "Luu: VT, TTKT" (letters of ministries as OCR text, real b37/b38): the archive's label
# without its horn.
_ARCHIVE_MISREAD = regex.compile(r"^(?:Luu|LUU)(?=\s*:|\s+VT\b)")


def clean_cc(line: Line) -> str:
    """One entry's words, without its bullet (OCR's "~" too), closing punctuation, drafter's
    tail, and what OCR left of the signature beside it."""
    words, tail = _entry_and_tail(line)
    if tail is not None:
        letters = _LETTER.findall(tail.group("tail"))
        if len(letters) <= _SPECK_LETTERS or _TITLE_STEMS.search(bare(tail.group("tail"))):
            words = words[: tail.start()]
    elif speck := _SPECK_TAIL.search(words):
        words = words[: speck.start()]  # "Như trên; a", "Như trên; ZZ h"
    if words.lower().startswith("lưu"):
        words = _LUU_TAIL.sub(r"\1", words, timeout=time_left())
        for _ in range(_LUU_TAILS):  # a path after the initials ("… NCTH.HH d:\2011\…")
            words = _LUU_INITIALS.sub("", words.rstrip(" ;.,"), timeout=time_left())
    # (an entry's colon that no list followed: OCR's reading of its semicolon, "Ủy ban MTTQVN
    # Tỉnh:", real scans)
    return _PURPOSE_AFTER_STOP.sub(r" \1", words.rstrip(" ;.,:"), timeout=time_left())


def signature_title_beside(line: Line) -> str | None:
    """The signer's title OCR read beside a Nơi nhận entry ("- Như trên; PHÓ TỔNG CỤC
    TRƯỞNG"), or None: a tail after the entry's ";" in capitals, holding a title's word."""
    _, tail = _entry_and_tail(line)
    if tail is None:
        return None
    title = _EDGE_SPECKS.sub("", tail.group("tail"))
    letters = _LETTER.findall(title)
    if len(letters) <= _TITLE_LETTERS or not _TITLE_STEMS.search(bare(title)):
        return None
    return title


# What OCR read around a title beside an entry that is no letter ("; ~- PHÓ CHỦ NHIỆM").
_EDGE_SPECKS = regex.compile(r"^[^\p{L}]+|[^\p{L}]+$")
# A title beside an entry has more letters than a speck ("PHÓ" alone is none).
_TITLE_LETTERS = 5


def is_speck(entry: str) -> bool:
    """Whether a cleaned entry is an OCR speck, no addressee (a unit's code, "V24", is one)."""
    return sum(c.isalnum() for c in entry) < _ENTRY_CHARACTERS
