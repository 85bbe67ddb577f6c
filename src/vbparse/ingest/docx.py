"""Word documents (python-docx): paragraphs, numbering, layout and data tables, in order.

- A paragraph numbered by Word (its own ``numPr`` or its style's) gets its label written out
  as text ("1.", "a)", "-"), as the printed document shows it.
- A table without borders is layout (the two-column header of NĐ 30/2020, the Nơi nhận /
  signature block, a form's grid of labels): its cells are read row by row, left to right,
  each paragraph on its own line: the order Word stores the cells in, and the order a
  Markdown conversion gives. Column by column (read before) scrambles every form whose
  rows pair a label with its value: viparse-corpus 2002-0112qd scored 0.89 that way, 0.99
  row by row; column by column for two-column tables only, 0.984 against 0.9844 on the
  corpus's .doc files. The real .docx directives give the same fields either way.
- A table with borders is data: one line per row, ``| cell | cell |``; a header row that
  Word repeats is kept once.
- Each run is read with its font, so legacy TCVN3/VNI runs are decoded run by run
  (``vbparse.ingest.docx_runs``). Running headers and footers are not read.
- Footnotes and endnotes follow the body, in the order they are referred to
  (``vbparse.ingest.docx_notes``).
"""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from vbparse.ingest import IngestError, RawText, ReadLimits
from vbparse.ingest.docx_notes import note_lines
from vbparse.ingest.docx_package import WordPackage, open_package
from vbparse.ingest.docx_runs import FontResolver, paragraph_text
from vbparse.ingest.docx_styles import StyleIndex, has_borders, qn
from vbparse.ingest.docx_xml import (
    first_child,
    int_val,
    merge_val,
    string_val,
    table_properties,
    table_style_id,
    tc_above,
)
from vbparse.ingest.safety import check_docx_archive

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"


# --- numbering -------------------------------------------------------------------------


def _roman(n: int) -> str:
    values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")]
    values += [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = []
    for value, letters in values:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word's letter numbering: a..z, then aa, bb, ...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(value: int, num_fmt: str) -> str:
    """One level's counter as Word prints it for ``w:numFmt``."""
    if num_fmt == "lowerLetter":
        return _letters(value)
    if num_fmt == "upperLetter":
        return _letters(value).upper()
    if num_fmt == "lowerRoman":
        return _roman(value)
    if num_fmt == "upperRoman":
        return _roman(value).upper()
    if num_fmt == "decimalZero":
        return f"{value:02d}"
    if num_fmt in ("none", "bullet"):
        return ""
    return str(value)


class _Numbering:
    """Word list numbering of one document: levels per numId and running counters."""

    def __init__(self, root: Any | None) -> None:
        self.levels: dict[str, dict[int, dict[str, Any]]] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:  # no numbering part: nothing is numbered
            return
        abstract: dict[str, dict[int, dict[str, Any]]] = {}
        for node in root.iterchildren(qn("w:abstractNum")):
            abstract[node.get(qn("w:abstractNumId"))] = self._read_levels(node)
        for num in root.iterchildren(qn("w:num")):
            ref = first_child(num, qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")), {})) if ref is not None else {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl")))
                lvl = first_child(override, qn("w:lvl"))
                if lvl is not None:
                    levels[ilvl] = self._read_level(lvl)
                start = first_child(override, qn("w:startOverride"))
                if start is not None and ilvl in levels:
                    levels[ilvl] = {**levels[ilvl], "start": int(start.get(qn("w:val")))}
            self.levels[num.get(qn("w:numId"))] = levels

    @staticmethod
    def _read_level(lvl: Any) -> dict[str, Any]:
        def val(tag: str, default: str) -> str:
            node = first_child(lvl, qn(tag))
            return node.get(qn("w:val"), default) if node is not None else default

        return {
            "fmt": val("w:numFmt", "decimal"),
            "text": val("w:lvlText", ""),
            "start": int(val("w:start", "1")),
        }

    def _read_levels(self, node: Any) -> dict[int, dict[str, Any]]:
        return {
            int(lvl.get(qn("w:ilvl"))): self._read_level(lvl)
            for lvl in node.iterchildren(qn("w:lvl"))
        }

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of ``(num_id, ilvl)`` and return the printed label."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        if counts[ilvl] == 0:
            counts[ilvl] = levels[ilvl]["start"]
        else:
            counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        text = levels[ilvl]["text"]
        for level in range(ilvl + 1):
            info = levels.get(level, {"fmt": "decimal", "start": 1})
            value = counts[level] or info["start"]
            text = text.replace(f"%{level + 1}", format_number(value, info["fmt"]))
        return text


def _num_pr(p: Any, styles: StyleIndex) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph ``w:p``, or from its style chain."""
    # The child elements python-docx's ``p.pPr``, ``pPr.numPr`` and ``p.style`` look up the
    # same way (through a property each: a third of reading a long table).
    p_pr = first_child(p, qn("w:pPr"))
    own, style_id = None, None
    if p_pr is not None:
        own = first_child(p_pr, qn("w:numPr"))
        p_style = first_child(p_pr, qn("w:pStyle"))
        style_id = string_val(p_style) if p_style is not None else None
    if own is None and not styles.numbered(style_id):  # most paragraphs: no number at all
        return None
    candidates = [own, *styles.num_prs(style_id)]
    num_id, ilvl = None, None
    for num_pr in candidates:  # the paragraph's own (a plain element), then its styles'
        if num_pr is None:
            continue
        if num_id is None and (node := num_pr.find(qn("w:numId"))) is not None:
            num_id = str(int_val(node))
        if ilvl is None and (node := num_pr.find(qn("w:ilvl"))) is not None:
            ilvl = int_val(node)
    if num_id is None:
        return None
    return num_id, ilvl or 0


@dataclass
class _Context:
    """What reading one document needs: its list numbering and its fonts."""

    numbering: _Numbering
    fonts: FontResolver
    styles: StyleIndex


# A tab between words sets two columns side by side ("- Bộ Khoa học và Công nghệ;<tab>KT. CHỦ
# TỊCH", the Nơi nhận and the signature of chỉ thị 09/2009/CT-UBND Bình Dương, a real .doc):
# kept as a run of spaces, the gap normalize's column splitter reads. A tab after a label at
# the line's start ("1.<tab>Nội dung") or at either end is one space.
_LABEL_TAB = regex.compile(r"^(\s*\S{1,6})\t+")
_EDGE_TABS = regex.compile(r"^\t+|\t+$")
_TABS = regex.compile(r"\t+")
_COLUMN_TAB = "   "


def _paragraph_text(p: Any, ctx: _Context) -> str:
    text = paragraph_text(p, ctx.fonts)
    if "\t" in text:
        text = _LABEL_TAB.sub(r"\1 ", _EDGE_TABS.sub(" ", text))
        text = _TABS.sub(_COLUMN_TAB, text)
    num = _num_pr(p, ctx.styles)
    if num is not None:
        label = ctx.numbering.label(*num)
        if label:
            text = f"{label} {text.lstrip()}"
    return text


# --- tables ----------------------------------------------------------------------------


def is_data_table(tbl: Any, styles: StyleIndex) -> bool:
    """A table (``w:tbl``) with visible borders carries data; one without is page layout."""
    if has_borders(table_properties(tbl), "w:tblBorders"):
        return True
    if styles.table_has_borders(table_style_id(tbl)):
        return True
    return any(has_borders(tc.find(qn("w:tcPr")), "w:tcBorders") for tc in tbl.iter(qn("w:tc")))


def _grid_cells(tc: Any) -> Iterator[Any]:
    """The ``w:tc`` holding the content of each grid column ``tc`` covers: python-docx's
    ``_Row.cells`` on the elements, without a proxy per cell (a cell that continues a
    vertical merge is the cell above it, found as python-docx's ``_tc_above`` finds it)."""
    tc_pr = first_child(tc, qn("w:tcPr"))  # python-docx's tc.vMerge and tc.grid_span, read directly
    if tc_pr is None:
        yield tc
        return
    v_merge = first_child(tc_pr, qn("w:vMerge"))
    if v_merge is not None and merge_val(v_merge) == "continue":
        yield from _grid_cells(tc_above(tc))
        return
    span = first_child(tc_pr, qn("w:gridSpan"))
    for _ in range(1 if span is None else int_val(span)):
        yield tc


def _unique_cells(tr: Any) -> list[Any]:
    """The cells (``w:tc``) of a row (``w:tr``) left to right, a merged cell once."""
    seen: list[Any] = []
    for tc in tr.iterchildren(qn("w:tc")):  # python-docx's tr.tc_lst
        for cell in _grid_cells(tc):
            if not seen or cell is not seen[-1]:
                seen.append(cell)
    return seen


def _cell_text(tc: Any, ctx: _Context) -> str:
    """A data cell's text on one line: its paragraphs, and the cells of a table nested in
    it row by row (a form's signature boxes sit in such a table)."""
    parts = []
    for child in tc.iterchildren():
        if child.tag == qn("w:p"):
            parts.append(_paragraph_text(child, ctx))
        elif child.tag == qn("w:tbl"):
            cells = (c for tr in child.iterchildren(qn("w:tr")) for c in _unique_cells(tr))
            parts.extend(_cell_text(c, ctx) for c in cells)
    return " ".join(" ".join(parts).split()).replace("|", "/")


def _is_repeated_header(tr: Any) -> bool:
    tr_pr = tr.find(qn("w:trPr"))
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def _data_table_lines(tbl: Any, ctx: _Context) -> Iterator[str]:
    header: list[str] | None = None
    for row in tbl.iterchildren(qn("w:tr")):  # python-docx's tbl.tr_lst
        cells = [_cell_text(c, ctx) for c in _unique_cells(row)]
        if not any(cells):
            continue
        if _is_repeated_header(row):
            if header == cells:
                continue
            header = cells
        yield "| " + " | ".join(cells) + " |"


def _layout_table_lines(tbl: Any, ctx: _Context) -> Iterator[str]:
    grid: list[list[Any]] = [_unique_cells(row) for row in tbl.iterchildren(qn("w:tr"))]
    seen: set[int] = set()
    for row in grid:
        for cell in row:
            if id(cell) in seen:  # the grid holds every cell, so an id is not reused
                continue
            seen.add(id(cell))
            yield from _block_lines(cell, ctx)


def _text_boxes(p: Any) -> Iterator[Any]:
    """The text boxes anchored in a paragraph (forms' labels, org charts), each once: Word
    and LibreOffice write a box twice, as DrawingML and as a VML fallback; the fallback
    (``mc:Fallback``) is skipped, and so are boxes inside boxes (read with their box)."""
    fallback, box = f"{{{_MARKUP_COMPATIBILITY}}}Fallback", qn("w:txbxContent")
    for node in p.iter(box):
        ancestor = node.getparent()
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in (fallback, box):
                break
            ancestor = ancestor.getparent()
        else:
            yield node


def _block_lines(container: Any, ctx: _Context) -> Iterator[str]:
    """Lines of a body, a cell, a text box or a note (the element): paragraphs and tables
    in document order."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            text = _paragraph_text(child, ctx)
            yield from (line.rstrip() for line in text.split("\n"))
            for box in _text_boxes(child):
                yield from _block_lines(box, ctx)
        elif child.tag == qn("w:tbl"):
            if is_data_table(child, ctx.styles):
                yield from _data_table_lines(child, ctx)
            else:
                yield from _layout_table_lines(child, ctx)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                for p in content.iter(qn("w:p")):
                    yield paragraph_text(p, ctx.fonts)


# --- reader ----------------------------------------------------------------------------


def _document_lines(archive: zipfile.ZipFile, path: Path) -> tuple[list[str], WordPackage]:
    """The body's lines, then the notes', runs of blank lines kept as one; and the package."""
    from lxml.etree import XMLSyntaxError

    try:
        package = open_package(archive, path)
        styles = package.styles()
        numbering = _Numbering(package.part("numbering"))
        package.part("settings")  # parsed now, as python-docx does: a broken one is refused
    except (KeyError, ValueError, zipfile.BadZipFile, XMLSyntaxError) as exc:
        raise IngestError(f"not a valid .docx ({exc})") from exc
    ctx = _Context(numbering, FontResolver(styles.root, package.body, styles), styles)
    lines: list[str] = []
    notes = note_lines(package, lambda box: _block_lines(box, ctx), format_number)
    for line in itertools.chain(_block_lines(package.body, ctx), [""], notes):
        if line.strip() or (lines and lines[-1]):
            lines.append(line if line.strip() else "")
    return lines, package


def read_docx(path: Path, limits: ReadLimits | None = None) -> RawText:
    """Read a .docx into ``RawText`` (.doc and .rtf come here through ``ingest.office``); a
    document with no text but pictures of its pages is read by OCR (``limits``)."""
    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == _OLE_MAGIC:
        raise IngestError("password-protected (encrypted) or legacy Word file; cannot be read")
    if not zipfile.is_zipfile(path):
        raise IngestError("not a valid .docx (not a zip archive)")
    try:  # the archive's directory read once, for the check and for the reader
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(f"not a valid .docx ({exc})") from exc
    with archive:
        check_docx_archive(archive)  # before any part is inflated
        lines, package = _document_lines(archive, path)
        text = "\n".join(lines).strip("\n")
        pictures = package.pictures() if not text.strip() else []
    if pictures:
        from vbparse.ingest.ocr_files import read_pictures

        return read_pictures(pictures, "docx", limits)
    if not text.strip():
        raise IngestError("no text in document")
    return RawText(text=text + "\n", format="docx")
