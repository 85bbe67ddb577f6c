"""Lines of the normalized text with their offsets: what every segmenter walks over."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from vbparse.models import Span
from vbparse.normalize.unwrap import is_capitals


@dataclass(frozen=True)
class Line:
    """One line of the normalized text; ``start``/``end`` exclude the newline."""

    index: int
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return Span(start=self.start, end=self.end)

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @property
    def is_upper(self) -> bool:
        """A line in capitals ("VĂN PHÒNG CHÍNH PHỦ", "KT. BỘ TRƯỞNG, CHỦ NHIỆM")."""
        return is_capitals(self.text)


# What OCR reads before a text's first letter or digit: a seal's speck, a lost label's mark.
_LEADING_SPECKS = regex.compile(r"^[^\p{L}\d]+")


def without_leading_specks(text: str) -> str:
    """``text`` from its first letter or digit on (". Phổ biến …" → "Phổ biến …", "TM.
    'ỦY BAN NHÂN DÂN" → "ỦY BAN NHÂN DÂN" after the prefix)."""
    return _LEADING_SPECKS.sub("", text)


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of ``text[start:end]`` with absolute offsets."""
    end = len(text) if end is None else end
    lines: list[Line] = []
    pos = start
    while pos <= end:
        stop = text.find("\n", pos, end)
        stop = end if stop == -1 else stop
        lines.append(Line(len(lines), pos, stop, text[pos:stop]))
        pos = stop + 1
    return lines


def strip_span(text: str, start: int, end: int, chars: str = " \t\n") -> tuple[int, int]:
    """Shrink ``[start, end)`` past leading and trailing ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


_OPEN_QUOTES = ("“", '"')
_CLOSE_QUOTE = "”"
# "Bộ Nội vụ có ý kiến như sau:" and a few items: a quoted passage spans a few dozen lines.
_QUOTE_LINES = 40


def quoted_lines(texts: list[str]) -> list[bool]:
    """Which lines belong to a passage quoted from another document: from a line that opens
    with "“" to the line that closes it with "”" ("Bộ Nội vụ có ý kiến như sau:" / "“1. Theo
    quy định …" / "2. Việc sáp nhập …" / "… Mặt trận Tổ quốc Việt Nam”.", a công văn of UBND
    tỉnh Lâm Đồng). Its items and requests are the quoted document's, not this one's. A quote
    not closed within ``_QUOTE_LINES`` lines is a stray mark (OCR, a title), no passage.
    Typed quotes close as they open ('"Điều 60. …' / '… phân cấp."'), and a "”" that opens
    the line after a colon opens a passage too ("… quy định:" / "”5. Sửa đổi, bổ sung …",
    công văn 5347/CT-CS, real)."""
    out = [False] * len(texts)
    k = 0
    while k < len(texts):
        line = texts[k].lstrip()
        opener = line[:1]
        after_colon = k > 0 and texts[k - 1].rstrip().endswith(":")
        if (opener in _OPEN_QUOTES or (opener == _CLOSE_QUOTE and after_colon)) and not any(
            q in line[1:] for q in _closing_quotes(opener)
        ):
            close = _close_of(texts, k, _closing_quotes(opener))
            if close is not None:
                out[k : close + 1] = [True] * (close + 1 - k)
                k = close + 1
                continue
        elif line.rfind("“") > line.rfind(_CLOSE_QUOTE) and line.rstrip().endswith(":"):
            # a quote opened inside the line, its sentence ending in a colon, runs on below it
            # ("… các trường hợp loại trừ, cụ thể: “Người lao động … không thuộc đối tượng …
            # trong các trường hợp sau đây:" / "a) …" / "b) … Bộ luật Lao động.”", công văn
            # 1064/LĐTBXH-BHXH as OCR text, real b33): the lines below, to its close, are the
            # quoted document's (a title's quote whose close was lost opens no passage)
            close = _close_of(texts, k, (_CLOSE_QUOTE,))
            if close is not None:
                out[k + 1 : close + 1] = [True] * (close - k)
                k = close + 1
                continue
        k += 1
    return out


def _closing_quotes(opener: str) -> tuple[str, ...]:
    # OCR reads a closing "”" as "`" too (công văn 2191/CT-CS, a scan's text layer)
    return (_CLOSE_QUOTE, '"', "`") if opener == '"' else (_CLOSE_QUOTE,)


def _close_of(texts: list[str], k: int, closes: tuple[str, ...]) -> int | None:
    """The line that closes the quote opened on line ``k``; none when another quote opens
    first (the close was lost, and the next quote's mark is no close)."""
    for j in range(k + 1, min(k + _QUOTE_LINES, len(texts))):
        if texts[j].lstrip()[:1] in _OPEN_QUOTES:
            return None
        if any(_closes(texts[j], q) for q in closes):
            return j
    return None


def _closes(text: str, close: str) -> bool:
    """Whether a line holds a close left over from its own quotes: a line that quotes words
    of its own ('… Chuyên mục "Hỗ trợ pháp lý cho doanh nghiệp" trên Trang …', the scan of kế
    hoạch 353/KH-BĐH, real b51, under a speck OCR read as '"') closes nothing."""
    if close == '"':
        return text.count('"') % 2 == 1
    if close == _CLOSE_QUOTE:
        return text.count(_CLOSE_QUOTE) > text.count("“")
    return close in text


def quotes_another(unit: str) -> bool:
    """Whether a unit of text is a passage quoted from another document (it opens with "“")."""
    return unit.lstrip().startswith(_OPEN_QUOTES)
