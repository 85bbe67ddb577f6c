"""Appendices (phụ lục) and attached documents of a directive: find them, their title, and
what is inside.

A directive's appendix ("PHỤ LỤC / DANH MỤC NHIỆM VỤ QUÁ HẠN / (Kèm theo Thông báo số …)")
runs from its heading to the next appendix or the end of the document. Its heading is a
"PHỤ LỤC" line (with an optional label and title), or a "DANH MỤC …" title line followed
closely by a "(Kèm theo … số …)" line (``grammars/appendix/headings.yaml``). Its task
tables are read by ``vbparse.segment.task_tables``.

An attached document (văn bản ban hành kèm theo: the Kế hoạch, Quy chế, Chương trình or Đề
án that a Quyết định issues, printed after its signature) opens the same way: a line in
capitals with a document-type title of ``grammars/document_types.tsv`` ("KẾ HOẠCH", "QUY
CHẾ …") followed closely by a "(Ban hành kèm theo … số …)" line, when its type is one that
assigns work (``attached_documents`` in ``grammars/appendix/headings.yaml``; another type
opens an appendix, read for its tables only). Its body (from the line after that caption to
its end, less any closing of its own) is segmented like a directive's body: task tables,
and a clause tree built around them (``segment_region``).

Spans are absolute offsets in the document's normalized text (callers pass ``offset`` =
where ``text`` starts).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

import regex

from vbparse.extract.document.number import document_type_codes, find_document_numbers
from vbparse.models import Span
from vbparse.segment.casing import bare, fold
from vbparse.segment.clause_tree import ClauseTree
from vbparse.segment.closing import find_closing
from vbparse.segment.flat_table import flat_header
from vbparse.segment.tables import (
    StrippedLine,
    Table,
    heading_grammar,
    heading_match,
    is_pipe_row,
    split_stripped_lines,
)
from vbparse.segment.task_tables import find_task_tables, segment_region

AppendixKind = Literal["appendix", "attachment", "copy"]

# How many lines, blank lines not counted, below a title line its "(Kèm theo …)" caption may
# come (title lines between: a plan's title wraps over four lines in quyết định 1627/QĐ-UBND
# Quảng Ngãi, real Markdown copy).
_CAPTION_REACH = 5
# How many lines a title may run to, its heading line included.
_TITLE_LINES = 5
# How many lines a caption may wrap over before its closing bracket.
_CAPTION_LINES = 3


@dataclass(frozen=True)
class Appendix:
    """An appendix (phụ lục) or an attached document: from its heading to the next one or
    the end.

    ``title`` is the title line(s) joined ("DANH MỤC NHIỆM VỤ QUÁ HẠN", "KẾ HOẠCH Phòng
    cháy, chữa cháy rừng …"); ``attached_to`` the normalized number of the document it is
    attached to ("(Kèm theo Thông báo số 365/TB-VPCP …)" → "365/TB-VPCP"); ``tables`` the
    task tables inside it. ``doc_type`` is the type code of a heading that is a document-type
    title ("KH"), else None. ``kind`` is "attachment" for an attached document read like a
    body: ``body`` is the span its clauses are read from, ``tree`` their clause tree (table
    lines left out); an appendix has neither. A "copy" is another document printed after
    the signature (a letter it forwards): nothing in it is this document's.
    """

    span: Span
    label: str | None
    title: str | None
    title_span: Span | None
    attached_to: str | None
    tables: tuple[Table, ...]
    kind: AppendixKind = "appendix"
    doc_type: str | None = None
    body: Span | None = None
    tree: ClauseTree | None = None


@functools.cache
def _type_titles() -> dict[str, list[tuple[str, str]]]:
    """Folded document-type title → code ("kế hoạch" → "KH"), longest first, by the title's
    first word: a line is tried only against the titles its own first word opens (33 titles,
    asked of every line in capitals, numbers and bars included)."""
    titles = {fold(name): code for code, name in document_type_codes().items()}
    by_first: dict[str, list[tuple[str, str]]] = {}
    for title, code in sorted(titles.items(), key=lambda pair: -len(pair[0])):
        by_first.setdefault(title.split(" ", 1)[0], []).append((title, code))
    return by_first


def _attachment_type(line: StrippedLine) -> str | None:
    """The type code of a line in capitals that opens with a document-type title ("KẾ
    HOẠCH", "QUY CHẾ LÀM VIỆC …" → "KH", "QC"), else None."""
    if not line.text or line.text != line.text.upper():
        return None
    folded = fold(line.text)
    for title, code in _type_titles().get(folded.split(" ", 1)[0], ()):
        if folded == title or (folded.startswith(title) and folded[len(title)] == " "):
            return code
    return None


def _titled_type(lines: list[StrippedLine], types: frozenset[str]) -> str | None:
    """The type code of the first title line under a "PHỤ LỤC" heading when it is one of
    ``types`` ("Phụ lục 2 / KẾ HOẠCH TỔ CHỨC BỒI DƯỠNG … / (Kèm theo Kế hoạch số …)" →
    "KH"), else None. Only the first line: "ĐỀ CƯƠNG … CỦA / KẾ HOẠCH ỨNG PHÓ …" is an
    outline of a plan, not a plan."""
    first = next((line for line in lines if not line.blank), None)
    return t if first is not None and (t := _attachment_type(first)) in types else None


def find_appendices(text: str, *, offset: int = 0) -> list[Appendix]:
    """Appendices and attached documents, each from its heading to the next one or the end.

    A heading is a "PHỤ LỤC" line (with an optional label and title), a "DANH MỤC …" title
    line followed closely by a "(Kèm theo … số …)" line, or a document-type title line in
    capitals ("KẾ HOẠCH") followed closely by a "(Ban hành kèm theo … số …)" line: an
    attached document when its type assigns work (``attached_documents`` in
    ``grammars/appendix/headings.yaml``), else an appendix read for its tables.
    """
    grammar = heading_grammar()
    lines = split_stripped_lines(text)
    starts: list[tuple[int, str | None, str | None]] = []  # (line index, label, type code)
    for k, line in enumerate(lines):
        match = heading_match(line)
        if match is not None:
            starts.append((k, match.groupdict().get("label"), None))
            continue
        if (copy := _copy_start(lines, k)) is not None:
            starts.append((copy, None, _COPY))
            continue
        listed = bool(grammar.list_heading.match(line.text)) and line.text == line.text.upper()
        doc_type = None if listed else _attachment_type(line)
        if not listed and doc_type is None:
            continue
        near = [n for n in lines[k + 1 : k + 1 + 2 * _CAPTION_REACH] if not n.blank]
        near = near[:_CAPTION_REACH]
        opened = any(s >= k - 3 for s, _, _ in starts)
        if not opened and any(grammar.attached.match(n.text) for n in near):
            starts.append((k, None, doc_type))
    # After a copy of another document, a heading is the copy's part (the "QUY ĐỊNH (Ban hành
    # kèm theo Thông tư …)" of a Thông tư a letter forwards, công văn 07/PGDĐT TP Cà Mau, real
    # scan b133): none of it is this document's.
    copied = next((i for i, start in enumerate(starts) if start[2] == _COPY), len(starts))
    starts = starts[:copied] + [start for start in starts[copied:] if start[2] == _COPY]
    appendices: list[Appendix] = []
    for index, (k, label, doc_type) in enumerate(starts):
        begin = lines[k].start
        end = lines[starts[index + 1][0]].start if index + 1 < len(starts) else len(text)
        region = text[begin:end].rstrip()
        if doc_type == _COPY:
            # another document printed after this one's signature: no part of it, and none
            # of its tasks or tables are this document's
            appendices.append(
                Appendix(
                    span=Span(start=begin + offset, end=begin + len(region) + offset),
                    label=None,
                    title=None,
                    title_span=None,
                    attached_to=None,
                    tables=(),
                    kind="copy",
                )
            )
            continue
        title, title_span, attached, caption_end = _read_caption(lines, k, end)
        if doc_type is None and caption_end is not None and heading_match(lines[k]) is not None:
            doc_type = _titled_type(lines[k + 1 : caption_end], grammar.appendix_plans)
        if doc_type not in grammar.attached_documents:
            appendices.append(
                Appendix(
                    span=Span(start=begin + offset, end=begin + len(region) + offset),
                    label=label,
                    title=title,
                    title_span=None if title_span is None else title_span.shift(offset),
                    attached_to=attached,
                    tables=tuple(find_task_tables(region, offset=begin + offset)),
                    doc_type=doc_type,
                )
            )
            continue
        body_start = _after_caption(lines, k, caption_end, end)
        body_end = max(body_start, find_closing(text, body_start, begin + len(region)).body_end)
        inside = segment_region(text, body_start, body_end, offset=offset)
        appendices.append(
            Appendix(
                span=Span(start=begin + offset, end=begin + len(region) + offset),
                label=None,
                title=title,
                title_span=None if title_span is None else title_span.shift(offset),
                attached_to=attached,
                tables=inside.tables,
                kind="attachment",
                doc_type=doc_type,
                body=Span(start=body_start + offset, end=body_end + offset),
                tree=inside.tree,
            )
        )
    return appendices


# A copy of another document printed after the directive's signature (a letter forwarding a
# city's Thông báo with the copy below it: công văn 120/BCĐ-YT quận Hoàng Mai, real scan b96;
# the Tờ trình copies under công văn 336/UBND-KGVX Hà Nội, b95): its own quốc hiệu, however
# OCR damaged it ("CỘNG HÒA XÃ HỘ .NGHĨA"), with its own number close by, below the
# directive's header.
_COPY = "copy"
_MOTTO_OPENING = "cong hoa xa ho"
_OWN_HEADER_LINES = 15
_NUMBER_REACH = 6
_ISSUER_LINES_ABOVE = 4


def _copy_start(lines: list[StrippedLine], k: int) -> int | None:
    """The line a copy of another document starts at, when line ``k`` is its quốc hiệu: the
    first of the issuer's lines in capitals just above it, or ``k``; else None."""
    text = lines[k].text
    # (the quốc hiệu is in capitals: the cheap test first, asked of every line)
    if k < _OWN_HEADER_LINES or not text.isupper() or _MOTTO_OPENING not in bare(text).casefold():
        return None
    near = [n for n in lines[k + 1 : k + 1 + 2 * _NUMBER_REACH] if not n.blank][:_NUMBER_REACH]
    start = k
    if not any(_is_number_line(n) for n in near):
        # … or its number above it, the issuer's column read first ("UBND TỈNH CÀ MAU" / "SỞ
        # GIÁO DỤC VÀ ĐÀO TẠO" / "Số: 03/SGDĐT-GDPT" / "V/v …" / "CỘNG HÒA …", the Sở's letter
        # under công văn 07/PGDĐT TP Cà Mau, real scan b133), after a Nơi nhận
        above = _number_line_above(lines, k)
        if above is None:
            return None
        start = above
    elif not bare(text).casefold().startswith(_MOTTO_OPENING):
        return start  # the issuer's name beside it, on its line ("UBND THÀNH PHỐ HÀ NỘI CỘNG …")
    for j in range(start - 1, max(start - 1 - 2 * _ISSUER_LINES_ABOVE, -1), -1):
        if lines[j].blank:
            continue
        if not lines[j].text.isupper() or _SIGNING_AUTHORITY.match(lines[j].text):
            break  # the directive's own signature ("KT. CHỦ TỊCH") above the copy
        start = j
    return start


def _is_number_line(line: StrippedLine) -> bool:
    return bool(_NUMBER_LINE.match(line.text) and find_document_numbers(line.text))


def _number_line_above(lines: list[StrippedLine], k: int) -> int | None:
    """The index of a number line a few lines above line ``k`` when a Nơi nhận comes before
    it (the directive's closing, so the number is another document's), else None."""
    above = [j for j in range(k - 1, max(k - 1 - 2 * _NUMBER_REACH, -1), -1) if not lines[j].blank]
    number = next((j for j in above[: _SUBJECT_LINES + 1] if _is_number_line(lines[j])), None)
    if number is None or not any(_CC_LABEL.match(ln.text) for ln in lines[:number]):
        return None
    return number


# How many lines (its V/v) may come between a copy's number above its quốc hiệu and the quốc
# hiệu: more, and the lines between are the directive's own signature, read in between by OCR
# (công văn 443/PGDĐT TP Cà Mau, real scan b103: the copy's header is no copy start there).
_SUBJECT_LINES = 2
_CC_LABEL = regex.compile(r"(?:Nơi|NƠI)\s+(?:nhận|NHẬN)\s*:")


_SIGNING_AUTHORITY = regex.compile(r"(?:TM|KT|TL|TUQ|Q|T/M|K/T)\s*[./]")


_NUMBER_LINE = regex.compile(r"(?:Số|SỐ|số)\s*[:.]?\s*\d")


def _read_caption(
    lines: list[StrippedLine], k: int, end: int
) -> tuple[str | None, Span | None, str | None, int | None]:
    """Title, attached-to number and the index of the caption line ("(Kèm theo …)") from
    the lines under a heading (relative offsets)."""
    grammar = heading_grammar()
    title_lines: list[StrippedLine] = []
    heading = heading_match(lines[k])
    if heading is not None and heading.group("rest"):
        s = lines[k].start + heading.start("rest")
        title_lines.append(StrippedLine(s, lines[k].end, heading.group("rest")))
    elif heading is None:
        title_lines.append(lines[k])
    attached: str | None = None
    caption: int | None = None
    for index in range(k + 1, min(k + 1 + 2 * _CAPTION_REACH, len(lines))):
        line = lines[index]
        if line.start >= end:
            break
        if line.blank:
            continue
        match = grammar.attached.match(line.text)
        if match is not None:
            numbers = find_document_numbers(line.text[match.end() :])
            attached = next((number for number, _, _ in numbers), None)
            caption = index
            break
        if len(title_lines) >= _TITLE_LINES:
            break
        if is_pipe_row(line) or flat_header(lines, index) is not None:
            break
        title_lines.append(line)
    if not title_lines:
        return None, None, attached, caption
    title = " ".join(line.text for line in title_lines)
    return title, Span(start=title_lines[0].start, end=title_lines[-1].end), attached, caption


def _after_caption(lines: list[StrippedLine], k: int, caption: int | None, end: int) -> int:
    """Where an attached document's body begins: the line after its caption's closing
    bracket (a caption may wrap over a few lines), or after its heading line ``k``."""
    last = k
    if caption is not None:
        wrapped = range(caption, min(caption + _CAPTION_LINES, len(lines)))
        last = next((index for index in wrapped if ")" in lines[index].text), caption)
    following = lines[last + 1] if last + 1 < len(lines) else None
    return min(end, following.start if following is not None else lines[last].end)
