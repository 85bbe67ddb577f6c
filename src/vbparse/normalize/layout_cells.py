"""One cell of a header or signature table (or one column of a line) with its fields on lines
of their own.

A cell holds the fields of one column run together: the issuer and its number ("TỈNH BÌNH
THUẬN Số: /UBND"), Số and the date line, the Nơi nhận entries, the office signed for, the
signer's title and name ("KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Sỹ Hiệp"). Each break
is a space that becomes a line break, and a rule of dashes or an emphasis star becomes spaces,
so the cell keeps its length.
"""

from __future__ import annotations

import functools

import regex

from vbparse.normalize.layout_fields import field_patterns, unstarred

__all__ = ["flatten_cell"]

_LINE = regex.compile(r"[^\n]+")
_NON_SPACE_RUN = regex.compile(r"\S+")
_RULE = regex.compile(r"[-_=~]{3,}")
# A person's name closing a signature cell: two to six capitalised words.
_TRAILING_NAME = regex.compile(
    r"(?<=[\p{Lu}\d.,)])\s+(?=\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,5}\s*$)"
)
_WORD_RUN = regex.compile(r"\S+")


# Pure in ``cell``: normalize's repeated line steps meet the same field lines again.
@functools.lru_cache(maxsize=4096)
def flatten_cell(cell: str) -> str:
    """One cell's fields on lines of their own, same length as the cell."""
    g = field_patterns()
    out = list(unstarred(cell))
    for rule in _RULE.finditer(cell):
        out[rule.start() : rule.end()] = "\n" + " " * (rule.end() - rule.start() - 1)
    text = "".join(out)
    breaks = [b.start() for b in g["inner"].finditer(text)]
    if not g["opens_with_place_date"].match(text) and (place := g["place_date"].search(text)):
        breaks.append(place.start())
    if title := g["date_then_title"].search(text):
        breaks.append(title.start())
    if g["list_label"].match(text):
        breaks += [b.start() for b in g["bullet"].finditer(text)]
    if g["recipients_label"].match(text) and (opening := g["body_opening"].search(text)):
        breaks.append(opening.start())
    _break_at(out, breaks)
    _break_at(out, _signature_breaks("".join(out)))
    return "".join(out)


def _break_at(chars: list[str], positions: list[int]) -> None:
    for at in positions:
        if chars[at] in " \t":
            chars[at] = "\n"


def _signature_breaks(cell: str) -> list[int]:
    """Line breaks inside a signature cell: before the signer's own title after the office
    signed for ("KT. BỘ TRƯỞNG, CHỦ NHIỆM | PHÓ CHỦ NHIỆM") and before the name."""
    g = field_patterns()
    # A Kính gửi line holds no signer: the capitalised words ending it are the addressee's
    # ("Kính gửi: Ủy ban quốc gia UNESCO Việt Nam", công văn 4340/BVHTTDL-DSVH).
    names = [] if g["recipients_label"].match(cell) else _TRAILING_NAME.finditer(cell)
    breaks = [m.start() for m in names]
    for segment in _LINE.finditer(cell):
        authority = g["authority"].match(segment.group(0))
        if not authority:
            continue
        # The office takes at least one word: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" breaks before PHÓ.
        first_word = _NON_SPACE_RUN.search(segment.group(0), authority.end())
        if first_word is None:
            continue
        start = _title_break(segment.group(0), first_word.start(), first_word.end())
        if start is not None:
            breaks.append(segment.start() + start)
    return breaks


def _title_break(line: str, office_start: int, search_from: int) -> int | None:
    """Where the signer's own title starts in ``line`` (the first title word from
    ``search_from``); a title word inside a longer title that starts earlier ("CỤC TRƯỞNG"
    in "KT. CHI CỤC TRƯỞNG" or "TỔNG CỤC TRƯỞNG") starts nothing."""
    title = field_patterns()["title_at"]
    covered = office_start
    for word in _WORD_RUN.finditer(line, pos=office_start):
        if (
            word.start() >= search_from
            and word.start() >= covered
            and title.match(line, word.start())
        ):
            return word.start() - 1
        if (m := title.match(line, word.start())) is not None:
            covered = max(covered, m.end())
    return None
