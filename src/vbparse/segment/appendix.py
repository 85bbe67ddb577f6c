"""Appendices (phụ lục) of a directive: find them, their title, and the tables inside.

A directive's appendix ("PHỤ LỤC / DANH MỤC NHIỆM VỤ QUÁ HẠN / (Kèm theo Thông báo số …)")
runs from its heading to the next appendix or the end of the document. Its heading is a
"PHỤ LỤC" line (with an optional label and title), or a "DANH MỤC …" title line followed
closely by a "(Kèm theo … số …)" line (``grammars/appendix/headings.yaml``). Its task
tables are read by ``vbparse.segment.task_tables``.

Spans are absolute offsets in the document's normalized text (callers pass ``offset`` =
where ``text`` starts).
"""

from __future__ import annotations

from dataclasses import dataclass

from vbparse.extract.document_number import find_document_numbers
from vbparse.models import Span
from vbparse.segment.tables import (
    StrippedLine,
    Table,
    header_meaning,
    heading_grammar,
    heading_match,
    is_pipe_row,
    split_stripped_lines,
)
from vbparse.segment.task_tables import find_task_tables


@dataclass(frozen=True)
class Appendix:
    """An appendix (phụ lục): from its heading to the next appendix or the end.

    ``title`` is the title line(s) joined ("DANH MỤC NHIỆM VỤ QUÁ HẠN"); ``attached_to`` the
    normalized number of the document it is attached to ("(Kèm theo Thông báo số
    365/TB-VPCP …)" → "365/TB-VPCP"); ``tables`` the task tables inside it.
    """

    span: Span
    label: str | None
    title: str | None
    title_span: Span | None
    attached_to: str | None
    tables: tuple[Table, ...]


def find_appendices(text: str, *, offset: int = 0) -> list[Appendix]:
    """Appendices of a document, each from its heading to the next one or the end.

    A heading is a "PHỤ LỤC" line (with an optional label and title), or a "DANH MỤC …"
    title line followed closely by a "(Kèm theo … số …)" line.
    """
    grammar = heading_grammar()
    lines = split_stripped_lines(text)
    starts: list[tuple[int, str | None]] = []  # (line index, label)
    for k, line in enumerate(lines):
        match = heading_match(line)
        if match is not None:
            starts.append((k, match.groupdict().get("label")))
            continue
        if grammar.list_heading.match(line.text) and line.text == line.text.upper():
            near = lines[k + 1 : k + 4]
            opened = any(s >= k - 3 for s, _ in starts)
            if not opened and any(grammar.attached.match(n.text) for n in near):
                starts.append((k, None))
    appendices: list[Appendix] = []
    for index, (k, label) in enumerate(starts):
        begin = lines[k].start
        end = lines[starts[index + 1][0]].start if index + 1 < len(starts) else len(text)
        region = text[begin:end].rstrip()
        title, title_span, attached = _read_caption(lines, k, end)
        appendices.append(
            Appendix(
                span=Span(start=begin + offset, end=begin + len(region) + offset),
                label=label,
                title=title,
                title_span=None if title_span is None else title_span.shift(offset),
                attached_to=attached,
                tables=tuple(find_task_tables(region, offset=begin + offset)),
            )
        )
    return appendices


def _read_caption(
    lines: list[StrippedLine], k: int, end: int
) -> tuple[str | None, Span | None, str | None]:
    """Title and attached-to number from the lines under an appendix heading."""
    grammar = heading_grammar()
    title_lines: list[StrippedLine] = []
    heading = heading_match(lines[k])
    if heading is not None and heading.group("rest"):
        s = lines[k].start + heading.start("rest")
        title_lines.append(StrippedLine(s, lines[k].end, heading.group("rest")))
    elif heading is None:
        title_lines.append(lines[k])
    attached: str | None = None
    for line in lines[k + 1 : k + 8]:
        if line.start >= end:
            break
        if line.blank:
            continue
        match = grammar.attached.match(line.text)
        if match is not None:
            numbers = find_document_numbers(line.text[match.end() :])
            attached = next((number for number, _, _ in numbers), None)
            break
        if header_meaning(line.text) is not None or is_pipe_row(line) or len(title_lines) >= 3:
            break
        title_lines.append(line)
    if not title_lines:
        return None, None, attached
    title = " ".join(line.text for line in title_lines)
    return title, Span(start=title_lines[0].start, end=title_lines[-1].end), attached
