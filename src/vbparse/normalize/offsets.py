"""Offsets that survive normalization: every character of the normalized text knows where
it came from in the source text (after LexNLP's ``normalize_text_with_map``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

from vbparse.models import Span
from vbparse.pattern_time import time_left


@dataclass
class NormalizedText:
    """Text after one or more edits, with ``source_index[i]`` = the source offset of ``text[i]``.

    ``source_index`` has one extra final entry, the source length, so that an end offset maps too.
    """

    text: str
    source_index: list[int]

    @classmethod
    def identity(cls, text: str) -> NormalizedText:
        return cls(text, list(range(len(text) + 1)))

    def to_source(self, span: Span) -> Span:
        """The span in the source text that ``span`` (in this text) came from."""
        start = self.source_index[span.start]
        end = self.source_index[span.end - 1] + 1 if span.end > span.start else start
        return Span(start=start, end=max(start, end))

    def sub(
        self,
        pattern: regex.Pattern[str],
        repl: str | Callable[[regex.Match[str]], str],
        *,
        needs: str | regex.Pattern[str] | Callable[[str], bool] | None = None,
    ) -> NormalizedText:
        """Replace every match of ``pattern``, carrying the offsets along.

        A replacement of the same length maps character to character; any other replacement
        maps each of its characters to the start of the text it replaced. ``needs``: a string,
        or a pattern, found in the text wherever ``pattern`` matches, and faster to look for
        (a literal, no look-behind at every position), or a test true of every text
        ``pattern`` matches in; a text without it is returned as is.
        """
        if isinstance(needs, str) and needs not in self.text:
            return self
        if isinstance(needs, regex.Pattern) and not needs.search(self.text, timeout=time_left()):
            return self
        if callable(needs) and not isinstance(needs, regex.Pattern) and not needs(self.text):
            return self
        # Bounded by the document's time for matching (a runaway pattern: TimeoutError).
        matches = pattern.finditer(self.text, timeout=time_left())
        return self.edit(
            (m.start(), m.end(), repl if isinstance(repl, str) else repl(m)) for m in matches
        )

    def edit(self, edits: Iterable[tuple[int, int, str]]) -> NormalizedText:
        """Replace each ``(start, end)`` of the text by its string, carrying the offsets along
        as ``sub`` does. The edits come in order and do not overlap."""
        pieces: list[str] = []
        index: list[int] = []
        last = 0
        for start, end, new in edits:
            if new == self.text[start:end]:
                continue
            pieces.append(self.text[last:start])
            index.extend(self.source_index[last:start])
            pieces.append(new)
            if len(new) == end - start:
                index.extend(self.source_index[start:end])
            else:
                index.extend([self.source_index[start]] * len(new))
            last = end
        if not pieces:
            return self
        pieces.append(self.text[last:])
        index.extend(self.source_index[last:])
        return NormalizedText("".join(pieces), index)
