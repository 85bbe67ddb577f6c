"""The parts the .docx reader walks are plain lxml elements (vbparse.ingest.docx_xml): the
reader reads them as it read python-docx's element classes, and the properties written with
``find``/``get`` answer as python-docx's do, errors included."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from vbparse.ingest import docx_package
from vbparse.ingest.docx import _unique_cells, read_docx
from vbparse.ingest.docx_styles import qn
from vbparse.ingest.docx_xml import (
    first_child,
    parse_plain,
    string_val,
    table_properties,
    table_style_id,
    tc_above,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
DOCX_FILES = sorted(CORPUS.glob("docx/*.docx")) + sorted(REAL.rglob("*.docx"))
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _python_docx_parse(blob: bytes):
    from docx.oxml.parser import parse_xml

    return parse_xml(blob)


@pytest.mark.parametrize("path", DOCX_FILES, ids=lambda p: p.name)
def test_docx_xml_reader_as_on_python_docx_elements(path, monkeypatch):
    """Every paragraph, table and note read from plain elements as from python-docx's."""
    plain = read_docx(path)
    monkeypatch.setattr(docx_package, "parse_plain", _python_docx_parse)
    assert read_docx(path) == plain


def _merged_table_docx(tmp_path: Path) -> Path:
    """A table with cells merged down, across and both (python-docx writes the vMerge and
    gridSpan), saved as a .docx."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=5, cols=4)
    table.style = "Table Grid"
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{r}{c}"
    table.cell(0, 0).merge(table.cell(2, 0))  # down
    table.cell(0, 1).merge(table.cell(0, 2))  # across
    table.cell(1, 1).merge(table.cell(3, 2))  # down and across
    table.cell(3, 3).merge(table.cell(4, 3))
    path = tmp_path / "merged.docx"
    document.save(str(path))
    return path


def _outcome(fn, *args):
    """What ``fn`` returns, or the type and message of what it raises."""
    try:
        return fn(*args)
    except Exception as exc:
        return (type(exc).__name__, str(exc))


def _paths(tree, found) -> object:
    """Elements as their paths in the part (the two parses share no element)."""
    if isinstance(found, tuple):  # an error
        return found
    if isinstance(found, list):
        return [tree.getpath(node) for node in found]
    return tree.getpath(found)


def _their_cells(tr) -> list:
    """python-docx's ``_Row.cells`` of ``tr``, a merged cell once."""
    from docx.table import Table, _Row

    out: list = []
    for cell in _Row(tr, Table(tr.getparent(), None)).cells:
        if not out or cell._tc is not out[-1]:
            out.append(cell._tc)
    return out


def _compare_cells(blob: bytes) -> None:
    """``_unique_cells`` and ``tc_above`` on plain elements against python-docx's ``_Row.cells``
    and ``_tc_above`` on its own elements, by the elements' paths in the part."""
    plain, theirs = parse_plain(blob), _python_docx_parse(blob)
    mine_tree, their_tree = plain.getroottree(), theirs.getroottree()
    rows = list(zip(plain.iter(qn("w:tr")), theirs.iter(qn("w:tr")), strict=True))
    assert rows
    for plain_tr, their_tr in rows:
        assert _paths(mine_tree, _outcome(_unique_cells, plain_tr)) == _paths(
            their_tree, _outcome(_their_cells, their_tr)
        )
        cells = zip(
            plain_tr.iterchildren(qn("w:tc")), their_tr.iterchildren(qn("w:tc")), strict=True
        )
        for plain_tc, their_tc in cells:
            expected = _paths(their_tree, _outcome(lambda tc=their_tc: tc._tc_above))
            assert _paths(mine_tree, _outcome(tc_above, plain_tc)) == expected
            # python-docx's own elements (``_unique_cells`` is handed them in other tests)
            assert _paths(their_tree, _outcome(tc_above, their_tc)) == expected


def test_docx_xml_merged_cells_as_python_docx(tmp_path, monkeypatch):
    path = _merged_table_docx(tmp_path)
    with zipfile.ZipFile(path) as archive:
        blob = archive.read("word/document.xml")
    assert b"vMerge" in blob and b"gridSpan" in blob
    _compare_cells(blob)
    plain = read_docx(path)
    assert plain.text.startswith("| 00 10 20 | 01 02 | 03 |\n| 00 10 20 | 11 12 21 22 31 32 |")
    monkeypatch.setattr(docx_package, "parse_plain", _python_docx_parse)
    assert read_docx(path) == plain


def _table(rows: str) -> bytes:
    return f"<w:tbl {_W}><w:tblPr/>{rows}</w:tbl>".encode()


@pytest.mark.parametrize(
    "rows",
    [
        # a row that starts one grid column in (gridBefore), its continued cell above "b"
        "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>"
        "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>",
        # the row above has no cell starting at that column: python-docx's ValueError
        "<w:tr><w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr><w:p/></w:tc></w:tr>"
        "<w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:vMerge w:val='continue'/></w:tcPr>"
        "<w:p/></w:tc></w:tr>",
        # a continued cell in the top row
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>",
    ],
    ids=["grid-before", "no-cell-at-offset", "top-row"],
)
def test_docx_xml_cell_above_as_python_docx(rows):
    _compare_cells(_table(rows))


def test_docx_xml_missing_required_parts_raise_as_python_docx():
    """A table without ``w:tblPr``, a ``w:pStyle`` without ``w:val``: python-docx's error."""
    blob = f"<w:body {_W}><w:tbl/><w:p><w:pPr><w:pStyle/></w:pPr></w:p></w:body>".encode()
    plain, theirs = parse_plain(blob), _python_docx_parse(blob)
    table, their_table = plain.find(qn("w:tbl")), theirs.find(qn("w:tbl"))
    style_path = f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:pStyle')}"
    style, their_style = plain.find(style_path), theirs.find(style_path)
    cases = [
        (lambda: table_properties(table), lambda: their_table.tblPr),
        (lambda: table_style_id(table), lambda: their_table.tblStyle_val),
        (lambda: string_val(style), lambda: their_style.val),
    ]
    for mine, expected in cases:
        error = _outcome(expected)
        assert error[0] == "InvalidXmlError"
        assert _outcome(mine) == error


def test_docx_xml_first_child_is_find():
    blob = f"<w:p {_W}><w:r/><w:pPr/><w:pPr><w:rPr/></w:pPr></w:p>".encode()
    p = parse_plain(blob)
    for tag in ("w:pPr", "w:r", "w:rPr", "w:t"):
        assert first_child(p, qn(tag)) is p.find(qn(tag))
