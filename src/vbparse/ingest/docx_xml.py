"""The parts of a .docx the reader walks, as plain lxml elements read the way python-docx
reads its own.

python-docx's parser makes every element an instance of a Python class of its own (``CT_P``,
``CT_Tc``, …), built in Python each time lxml hands the element out, and reads each value
through a Python property (``tbl.tblPr``, ``vMerge.val``). The reader walks every paragraph,
run and cell of the main document and its notes, so those parts are parsed here with lxml's
plain elements, the same parser options as python-docx's (blank text removed, entities not
resolved: the same tree, the same text), and the few properties the reader used are written
with ``find``/``get``. They answer as python-docx's do, its errors included (a required
attribute or child missing raises its ``InvalidXmlError``; a row above a continued vertical
merge is found with its XPath), and accept python-docx's elements too: the styles part stays
python-docx's (it is parsed once per template and kept, see ``docx_package``).
"""

from __future__ import annotations

import functools
from typing import Any

from vbparse.ingest.docx_styles import qn

_PARSER: Any = None


def parse_plain(blob: bytes) -> Any:
    """The root element of an XML part, parsed as python-docx parses it, as plain elements."""
    global _PARSER
    from lxml import etree

    if _PARSER is None:  # python-docx's ``oxml_parser`` without its element classes
        _PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
    return etree.fromstring(blob, _PARSER)


def _invalid(message: str) -> Exception:
    from docx.oxml.exceptions import InvalidXmlError

    return InvalidXmlError(message)


def string_val(node: Any) -> str:
    """``w:val`` of a ``CT_String`` (``w:pStyle``, ``w:tblStyle``): a required attribute."""
    value = node.get(qn("w:val"))
    if value is None:
        raise _invalid(f"required 'w:val' attribute not present on element {node.tag}")
    return value


def int_val(node: Any) -> int:
    """``w:val`` of a ``CT_DecimalNumber`` (``w:numId``, ``w:ilvl``, ``w:gridSpan``)."""
    return int(string_val(node))


def merge_val(node: Any) -> str:
    """``w:val`` of a ``w:vMerge``: optional, "continue" when absent."""
    return node.get(qn("w:val"), "continue")


def table_properties(tbl: Any) -> Any:
    """A table's ``w:tblPr``, which python-docx requires (``CT_Tbl.tblPr``)."""
    tbl_pr = tbl.find(qn("w:tblPr"))
    if tbl_pr is None:
        raise _invalid("required ``<w:tblPr>`` child element not present")
    return tbl_pr


def table_style_id(tbl: Any) -> str | None:
    """``w:tblPr/w:tblStyle/@w:val`` or None (python-docx's ``CT_Tbl.tblStyle_val``)."""
    style = table_properties(tbl).find(qn("w:tblStyle"))
    return None if style is None else string_val(style)


def _grid_span(tc: Any) -> int:
    tc_pr = tc.find(qn("w:tcPr"))
    span = None if tc_pr is None else tc_pr.find(qn("w:gridSpan"))
    return 1 if span is None else int_val(span)


def _grid_before(tr: Any) -> int:
    tr_pr = tr.find(qn("w:trPr"))
    before = None if tr_pr is None else tr_pr.find(qn("w:gridBefore"))
    return 0 if before is None else int_val(before)


@functools.cache
def _compiled(path: str) -> Any:
    from docx.oxml.ns import nsmap
    from lxml import etree

    return etree.XPath(path, namespaces=nsmap)  # python-docx's ``BaseOxmlElement.xpath``


def _xpath(node: Any, path: str) -> list[Any]:
    """python-docx's XPath on a plain element or on one of its own (whose ``xpath`` takes no
    namespaces)."""
    return _compiled(path)(node)


def tc_above(tc: Any) -> Any:
    """The ``w:tc`` right above ``tc`` in its grid column: python-docx's ``CT_Tc._tc_above``
    (the row above, then the cell there that starts at ``tc``'s grid offset), its
    ``ValueError`` included for a cell of the top row or a column the row above lacks."""
    above = _xpath(tc, "./ancestor::w:tr[position()=1]/preceding-sibling::w:tr[1]")
    if not above:
        raise ValueError("no tr above topmost tr in w:tbl")
    own_row = _xpath(tc, "./ancestor::w:tr[position()=1]")[0]
    offset = _grid_before(own_row) + sum(
        _grid_span(left) for left in _xpath(tc, "./preceding-sibling::w:tc")
    )
    remaining = offset - _grid_before(above[0])
    for cell in above[0].iterchildren(qn("w:tc")):
        if remaining < 0:
            break
        if remaining == 0:
            return cell
        remaining -= _grid_span(cell)
    raise ValueError(f"no `tc` element at grid_offset={offset}")


def first_child(node: Any, tag: str) -> Any | None:
    """``node.find(tag)`` for a Clark-notation tag: its first child with that tag, else None.
    lxml's ``find`` parses its argument as a path on every call; this asks for the tag
    alone (about half the time; the reader asks several times per paragraph and run)."""
    for child in node.iterchildren(tag):
        return child
    return None
