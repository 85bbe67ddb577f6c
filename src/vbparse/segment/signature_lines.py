"""The lines of a signature block: the signer's name and the title lines above it.

Reads a name under the titles (without a rank before it, or debris OCR read there), a name
a copy broke over two lines, a title and name OCR joined on one line, a name left alone
under the Nơi nhận list of a scan; skips the specks of a seal or signature; re-joins
authority lines ("KT."/"TM."/"TL.") a converter wrapped. ``closing._read_signature`` puts
them together.
"""

from __future__ import annotations

import functools

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.syllables import is_syllable
from vbparse.segment.casing import known_title
from vbparse.segment.cc_list import BULLETS
from vbparse.segment.lines import Line

# Words of debris OCR may read before a signer's name (a rank it could not read).
_NAME_DEBRIS_WORDS = 2
# ... and only before a name of this many words (surname, middle and given name): a shorter
# rest may be the end of a name whose surname OCR lost ("irän Văn Lâu").
_NAME_WORDS = 3

# The signer's name stands within this many lines under the Nơi nhận list (seal and signature
# specks between).
_NAME_AFTER_LIST_LINES = 4
# A person's name: two to six capitalised words, no digits or punctuation.
_PERSON = regex.compile(r"^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,5}$")


@functools.cache
def _rank() -> regex.Pattern[str]:
    """A police or army rank before the signer's name (``header.yaml`` signer_ranks)."""
    ranks = load_yaml("header.yaml")["signer_ranks"]
    return regex.compile(
        "^(?:" + "|".join(_rank_pattern(r) for r in ranks) + r")\s+", regex.IGNORECASE
    )


def _rank_pattern(rank: str) -> str:
    """A rank, its first word optional ("Thiếu tướng", "tướng")."""
    first, _, last = rank.partition(" ")
    return f"(?:{regex.escape(first)}\\s+)?{regex.escape(last)}" if last else regex.escape(rank)


def signer_name(text: str) -> str | None:
    """The signer's name on a line under the titles, without a police or army rank before
    it; ``None`` when the line is no name."""
    name = _family_name_in_capitals(_rank().sub("", text, count=1))
    words = name.split()
    if len(words) > _NAME_WORDS and not is_syllable(words[0]) and _PERSON.match(name):
        # A signature's scribble a .docx keeps as letters before the name ("Hdfđ Nguyễn Đức
        # Vũ", công văn of Sở Nội vụ Lâm Đồng): no Vietnamese syllable, no part of the name.
        return " ".join(words[1:])
    if _PERSON.match(name):
        return name
    if (whole := _LOWER_TAIL.sub("", name)) != name and _PERSON.match(whole):
        # a glyph of the name's last word drawn again under it, joined to the line as a
        # continuation ("Trương Thanh Nhuận ận", công văn 1068/SGDĐT-VP Vĩnh Long, real PDF
        # b84): a name's words are all capitalised, a lower-case tail is none of it
        return whole
    # OCR's reading of a rank or a seal before the name ("Đại 14 Huỳnh Ngọc Liêm"): the name
    # from a family name on, a word or two in.
    words = name.split()
    for k in range(1, min(_NAME_DEBRIS_WORDS, len(words) - _NAME_WORDS) + 1):
        rest = " ".join(words[k:])
        if words[k] in _surnames() and _PERSON.match(rest):
            return rest
    return None


_LOWER_TAIL = regex.compile(r"(?:\s+\p{Ll}+)+$")


def _family_name_in_capitals(name: str) -> str:
    """A name whose family name OCR read in capitals ("HÀ Văn Phúc": a seal's edge over the
    word, real scan of Sở Y tế Kiên Giang) with it written as a name is."""
    words = name.split()
    if (
        len(words) > 1
        and len(words[0]) > 1
        and words[0].isupper()
        and not words[1].isupper()
        and words[0].capitalize() in _surnames()
    ):
        return " ".join([words[0].capitalize(), *words[1:]])
    return name


# A name a web copy broke in two ("Vũ" / "Chiến Thắng", "Lê Tấn" / "Cận", công văn
# 10989/BNV-TCBC and 17986/BTC-CT on thuvienphapluat.vn): both parts are capitalised words,
# together at most this many.
_BROKEN_NAME_WORDS = 4
_NAME_PART = regex.compile(r"\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2}")


def broken_name(lines: list[Line]) -> str | None:
    """The signer's name over two lines, or None when the two lines are no such name."""
    first, second = (line.text.strip() for line in lines)
    if not (_NAME_PART.fullmatch(first) and _NAME_PART.fullmatch(second)):
        return None
    joined = f"{first} {second}"
    return joined if len(joined.split()) <= _BROKEN_NAME_WORDS else None


@functools.cache
def _title_start() -> regex.Pattern[str]:
    starts = load_yaml("header.yaml")["signer_title_starts"]
    return regex.compile("|".join(regex.escape(t) for t in sorted(starts, key=len)[::-1]))


def rejoin_wrapped_authority(titles: list[str], authority: regex.Pattern[str]) -> list[str]:
    """An authority line wrapped before the signer's own title ("TL. CHỦ TỊCH ỦY" / "BAN NHÂN
    DÂN TỈNH" / "CHÁNH VĂN PHÒNG", công văn 554/UBND-KT An Giang): the lines between the
    last "KT."/"TM."/"TL." line and the first line that opens a title go on that line."""
    last = max((k for k, t in enumerate(titles) if authority.match(t)), default=None)
    if last is None:
        return titles
    first_title = next(
        (k for k in range(last + 1, len(titles)) if _title_start().match(titles[k])), None
    )
    if first_title is None or first_title == last + 1:
        return titles
    joined = titles[last]
    for line in titles[last + 1 : first_title]:
        # a line that opens with a position is one more title of the authority ("KT. BỘ
        # TRƯỞNG" / "CHỦ NHIỆM VP CHÍNH PHỦ" / "PHÓ CHỦ NHIỆM", VPCP letters of 2004 as
        # luatminhkhue.vn holds them, real b135/b138): "KT. Bộ trưởng, Chủ nhiệm VP Chính phủ"
        joined += (", " if _opens_with_position(line) else " ") + line
    return [*titles[:last], joined, *titles[first_title:]]


def _opens_with_position(line: str) -> bool:
    """Whether ``line`` opens with a known position ("CHỦ NHIỆM …", "BỘ TRƯỞNG …")."""
    words = line.split()
    return any(known_title(" ".join(words[:n])) for n in range(min(len(words), 4), 0, -1))


def rejoin_authorities(titles: list[str], authority: regex.Pattern[str]) -> list[str]:
    """An authority line a converter wrapped ("TM. ỦY BAN NHÂN" / "DÂN" / "KT. CHỦ TỊCH",
    kế hoạch 141/KH-UBND Bắc Ninh): a line above another "KT."/"TM."/"TL." line is part of
    the authority line before it, not the signer's own title."""
    out: list[str] = []
    for k, title in enumerate(titles):
        wrapped = (
            out
            and authority.match(out[-1])
            and not authority.match(title)
            and any(authority.match(t) for t in titles[k + 1 :])
        )
        if wrapped:
            out[-1] = f"{out[-1]} {title}"
        else:
            out.append(title)
    return out


# What OCR reads of a seal or a handwritten signature between the title and the name ("7",
# "ĐĐ", "/-"): a short line with at most this many letters; at most this many such lines.
_SPECK_LETTERS = 2
_SPECK_CHARS = 6
_SPECK_LINES = 2


def past_specks(lines: list[Line], j: int) -> int:
    """Index of the first line from ``j`` that is not a speck of the seal or the signature."""
    k = j
    while k < len(lines) and k - j < _SPECK_LINES:
        if not _is_speck(lines[k].text.strip()):
            break
        k += 1
    return k


def title_and_name(text: str) -> tuple[str, str | None]:
    """A title in capitals and the name after it on one line, joined where OCR ended the
    title line early ("THƯ TRƯỞNG tướng Nguyễn Văn Long", công văn 4409/BCA-C04)."""
    words = text.split()
    k = 0
    while k < len(words) and sum(c.isalpha() for c in words[k]) >= 1 and words[k].isupper():
        k += 1
    if k == 0 or k == len(words):
        return text, None
    return " ".join(words[:k]), signer_name(" ".join(words[k:]))


# Lines of debris OCR may read under the signer's name (the seal's rim, the signature).
_DEBRIS_UNDER_NAME = 2


def name_after_list(lines: list[Line]) -> str | None:
    """The signer's name as the last line, just under the Nơi nhận list's last entry, when it
    was not found under the titles: a scan's seal and signature hide the titles or break the
    block apart ("Nguyễn Quốc Việt" after "- Lưu: VT, KGVX", thông báo 660/TB-UBND). Only a
    name that opens with a family name: OCR may keep only the end of one ("Thanh Trà")."""
    k = len(lines)
    while k > 0 and _is_speck(lines[k - 1].text.strip()):
        k -= 1
    last_entry = max(
        (i for i, ln in enumerate(lines) if ln.text.strip().startswith(BULLETS)), default=None
    )
    if k == 0 or last_entry is None or k - 1 <= last_entry:
        return None
    # the name is the last line, or one above a line of the seal's or signature's debris that
    # OCR read as words ("Trịnh Hữu Thắng" / "lễ tư r ` `", công văn 61/SKH-TH, real scan)
    nearest = min(k - 1, last_entry + _NAME_AFTER_LIST_LINES)
    for i in range(nearest, max(last_entry, k - 1 - _DEBRIS_UNDER_NAME), -1):
        name = signer_name(lines[i].text.strip())
        if name is not None and _opens_with_surname(name):
            return name
    return None


# A lone name has this many words (family name, middle, given names).
_LONE_NAME_WORDS = (3, 4)


def lone_name(lines: list[Line]) -> str | None:
    """A scan's signer's name standing on a line of its own among the Nơi nhận entries or the
    page after them, where OCR read the signature column into the list ("- CT, các PCT UBND
    tỉnh;" / "Đoàn" / "TỊCH" / "Phạm Trường Thọ" / "- ĐBQH tỉnh;", chỉ thị 07/CT-UBND Quảng
    Ngãi, real scan): a whole name, opening with a family name, on no bullet."""
    for line in lines:
        text = line.text.strip()
        if text.startswith(BULLETS) or any(c.isdigit() for c in text):
            continue
        name = signer_name(text)
        if name == text and len(name.split()) in _LONE_NAME_WORDS and _opens_with_surname(name):
            return name
    return None


@functools.cache
def _surnames() -> frozenset[str]:
    return frozenset(load_yaml("ocr_vocabulary.yaml")["surnames"])


def _opens_with_surname(name: str) -> bool:
    return name.split()[0] in _surnames()


def _is_speck(text: str) -> bool:
    return len(text) <= _SPECK_CHARS and sum(c.isalpha() for c in text) <= _SPECK_LETTERS


@functools.cache
def _deputy_titles() -> tuple[tuple[str, str], ...]:
    """(head's title folded, deputy's title), longest head first."""
    table = load_yaml("header.yaml")["deputy_titles"]
    return tuple(sorted(((h.casefold(), d) for h, d in table.items()), key=lambda r: -len(r[0])))


@functools.cache
def _title_openings() -> tuple[str, ...]:
    """How a written title opens (folded): a head's or a deputy's title, or "phó"."""
    return (*(t for h, d in _deputy_titles() for t in (h, d.casefold())), "phó")


def deputy_title(authority: str | None, title: str | None) -> str | None:
    """The signer's title under a "KT. <head>" authority: the deputy's, when the title read is
    the head's own or no title at all ("Ó tổng cục trưởng", OCR's reading under a seal);
    ``title`` otherwise. A title not written stays unwritten (web copies drop the line)."""
    if not authority or not title:
        return title
    _, kt, head = authority.rpartition("KT. ")
    if not kt:
        return title
    head = head.casefold()
    found = next(((h, d) for h, d in _deputy_titles() if head.startswith(h)), None)
    if found is None:
        return title
    written = title.casefold()
    if found[1].casefold().startswith(written) or written in (head, found[0]):
        return found[1]  # the head's title, or the deputy's cut short ("Phó giám")
    # a title as written ("Phó Chủ tịch Thường trực", "Phó Văn phòng") stays
    return title if written.startswith(_title_openings()) else found[1]
