"""A portal's byline, the one trace of the signature block on some ministry pages.

cinet.vn (Bộ Văn hóa, Thể thao và Du lịch) prints a công văn as its number, a byline such as
"KTBT, TT Đặng Thị Bích Liên Theo BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH -", the V/v line, Kính gửi,
the body and Nơi nhận, with no signature block. The byline names the signer, and in its
abbreviations ("KTBT": ký thay Bộ trưởng, "TT": Thứ trưởng) or in capitals ("KT BỘ TRƯỞNG
THỨ TRƯỞNG") the authority and the signer's title.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from vbparse.grammars import load_yaml
from vbparse.segment.casing import title_case
from vbparse.segment.closing import Closing

# A person's name: two to six capitalised words, no digits or punctuation.
_NAME_WORD = regex.compile(r"\p{Lu}\p{Ll}*")
_MOST_NAME_WORDS = 6
_LEAST_NAME_WORDS = 2
_TOKEN_BREAK = regex.compile(r"[\s,]+")
_DASH = regex.compile(r"\s*[-–]+\s*")


@dataclass(frozen=True)
class Byline:
    signer: str
    signer_title: str | None
    signing_authority: str | None


@functools.cache
def _grammar() -> dict[str, object]:
    g = load_yaml("header.yaml")
    prefixes = {p.strip("./").replace("/", ""): p for p in g["authority_prefixes"] if "." in p}
    starts = "|".join(regex.escape(t) for t in sorted(g["signer_title_starts"], key=len)[::-1])
    return {
        "byline": regex.compile(g["portal_byline"]),
        "authorities": {k.upper(): v for k, v in g["byline_authorities"].items()},
        "titles": {k.upper(): v for k, v in g["byline_titles"].items()},
        "prefixes": prefixes,
        "joined_titles": g["byline_joined_titles"],
        "title_start": regex.compile(rf"\s(?=(?:{starts})\b)"),
    }


def read_byline(stripped: str) -> Byline | None:
    """The signature a header line's byline gives, or None when the line is no byline."""
    g = _grammar()
    m = g["byline"].match(stripped)
    if m is None:
        return None
    # (a dash between the title and the name: "KT. BỘ TRƯỞNG THỨ TRƯỞNG- Lê Khánh Hải",
    # "KT BỘ TRƯỞNG THỨ TRƯỞNG -Lê Tiến Thọ", cinet.vn, real b119/b120)
    words = _DASH.sub(" ", m.group("signature")).split()
    k = _name_start(words)
    if k is None:
        return None
    signer = " ".join(words[k:])
    marks = " ".join(words[:k])
    authority, title = _abbreviated(marks)
    if authority is None and title is None and marks.isupper():
        title, authority = _capitals(marks)
    return Byline(signer, title, authority)


def _abbreviated(marks: str) -> tuple[str | None, str | None]:
    """Authority and title of a byline written in abbreviations, its parts between commas
    ("KTBT, TT", "KTBT, CN, Phó CN", "BT, Chủ nhiệm"): a part the authorities name is the
    authority, one the titles name (after "Phó" or not) the title; the chairman's title after
    the minister's is the one office of Văn phòng Chính phủ's head ("Bộ trưởng, Chủ nhiệm")."""
    g = _grammar()
    authority = title = None
    for part in (p.strip() for p in marks.split(",")):
        deputy, _, office = part.rpartition(" ") if part.startswith("Phó ") else ("", "", part)
        keys = [t.replace(".", "").upper() for t in _TOKEN_BREAK.split(office) if t]
        if authority is None and (found := next(map(g["authorities"].get, keys), None)):
            authority = found
            continue
        named = next((g["titles"][k] for k in keys if k in g["titles"]), None)
        named = named or (office if office in g["titles"].values() else None)
        if named is None:
            continue
        named = f"{deputy} {named}" if deputy else named
        joined = authority if title is None else title
        if named in g["joined_titles"] and joined and joined.endswith(g["joined_titles"][named]):
            if title is None:
                authority = f"{authority}, {named}"
            else:
                title = f"{title}, {named}"
        elif title is None:
            title = named
    return authority, title


def read_byline_under(above: str, stripped: str) -> Byline | None:
    """The byline of ``stripped``, with its authority from the line above when normalize set
    the signing prefix's line apart ("KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG- Lê Khánh Hải Theo BỘ …",
    công văn 3767/BVHTTDL-DSVH as cinet.vn holds it, real b119)."""
    byline = read_byline(stripped)
    if byline is None or byline.signing_authority is not None:
        return byline
    first = above.partition(" ")[0]
    if not above.isupper() or first.strip(".").upper() not in _grammar()["prefixes"]:
        return byline
    return read_byline(f"{above} {stripped}") or byline


def _name_start(words: list[str]) -> int | None:
    """Where the signer's name begins: the longest run of capitalised words at the end."""
    k = len(words)
    while k > 0 and len(words) - k < _MOST_NAME_WORDS and _is_name_word(words[k - 1]):
        k -= 1
    return k if len(words) - k >= _LEAST_NAME_WORDS and k > 0 else None


def _is_name_word(word: str) -> bool:
    # "TT", "KTBT" are abbreviations in capitals, no part of a name.
    return bool(_NAME_WORD.fullmatch(word)) and not (len(word) > 1 and word.isupper())


def _capitals(marks: str) -> tuple[str | None, str | None]:
    """Title and authority of a byline in capitals ("KT BỘ TRƯỞNG THỨ TRƯỞNG"): a prefix
    ("KT", "TL") with its principal, then the signer's own title."""
    g = _grammar()
    first, _, rest = marks.partition(" ")
    prefix = g["prefixes"].get(first.strip(".").upper())
    if prefix is None:
        return (title_case(marks), None)
    parts = g["title_start"].split(rest, maxsplit=1)
    authority = f"{prefix} {title_case(parts[0])}"
    return (title_case(parts[1]) if len(parts) > 1 else None, authority)


def sign_from_byline(closing: Closing, byline: Byline | None) -> None:
    """The signature of a closing that has none, from the header's byline."""
    if byline is None or closing.signer or closing.signer_title or closing.signing_authority:
        return
    closing.signer = byline.signer
    closing.signer_title = byline.signer_title
    closing.signing_authority = byline.signing_authority
