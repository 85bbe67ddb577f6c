"""Lines of the normalized text with their offsets: what every segmenter walks over."""

from __future__ import annotations

from dataclasses import dataclass

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
