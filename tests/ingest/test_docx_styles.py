"""The .docx reader's style index (vbparse.ingest.docx_styles): python-docx's answers, once."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from vbparse.ingest.docx import read_docx
from vbparse.ingest.docx_styles import StyleIndex, qn

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
DOCX_FILES = sorted(CORPUS.glob("docx/*.docx")) + sorted(REAL.rglob("*.docx"))


def _python_docx_num_prs(paragraph) -> list:
    """The numPr of the paragraph's style chain as python-docx resolves it (the reference)."""
    found, style = [], paragraph.style
    while style is not None:
        p_pr = style.element.pPr
        found.append(p_pr.numPr if p_pr is not None else None)
        style = style.base_style
    return found


@pytest.mark.parametrize("path", DOCX_FILES, ids=lambda p: p.name)
def test_docx_styles_num_prs_as_python_docx(path):
    import docx

    document = docx.Document(str(path))
    index = StyleIndex(document.styles.element)
    for paragraph in document.paragraphs:
        assert index.num_prs(paragraph._p.style) == _python_docx_num_prs(paragraph)


@pytest.mark.parametrize("path", DOCX_FILES, ids=lambda p: p.name)
def test_docx_styles_table_borders_as_python_docx(path):
    import docx

    from vbparse.ingest.docx_styles import has_borders

    document = docx.Document(str(path))
    index = StyleIndex(document.styles.element)
    for table in document.tables:
        expected, style = False, table.style
        while style is not None:
            expected |= has_borders(style.element.find(qn("w:tblPr")), "w:tblBorders")
            style = style.base_style
        assert index.table_has_borders(table._tbl.tblStyle_val) == expected


def test_docx_styles_numbered_style_and_bordered_table(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("một", style="List Number")
    document.add_paragraph("hai", style="List Number")
    document.add_paragraph("ba")  # the default paragraph style: no number
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"  # borders from its style: a data table
    table.cell(0, 0).text, table.cell(0, 1).text = "a", "b"
    layout = document.add_table(rows=1, cols=2)  # no style, no borders: page layout
    layout.cell(0, 0).text, layout.cell(0, 1).text = "trái", "phải"
    path = tmp_path / "styles.docx"
    document.save(str(path))
    assert read_docx(path).text == "1. một\n2. hai\nba\n| a | b |\ntrái\nphải\n"


def test_docx_styles_loop_of_based_on_ends(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("một", style="List Number")
    styles = document.styles.element
    # "List Number" based on a style based on "List Number": Word files carry such loops.
    looped = copy.deepcopy(styles.get_by_id("ListNumber"))
    looped.set(qn("w:styleId"), "Looped")
    looped.find(qn("w:name")).set(qn("w:val"), "Looped")
    styles.append(looped)
    based = styles.get_by_id("ListNumber").get_or_add_basedOn()
    based.val = "Looped"
    looped.get_or_add_basedOn().val = "ListNumber"
    path = tmp_path / "loop.docx"
    document.save(str(path))
    assert read_docx(path).text == "1. một\n"
