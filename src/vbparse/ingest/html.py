"""Web pages saved as ``.html`` / ``.htm``: a directive as a legal-text site or a portal shows
it ("Lưu trang" of thuvienphapluat.vn, luatvietnam.vn, vanban.chinhphu.vn, a province's
portal).

The page's text is what a reader sees: scripts, styles and forms dropped, a line per block
(paragraph, heading, list item, ``<br>``), and each table row as one pipe row ("| VĂN PHÒNG
CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |"), the form
Markdown conversions of the same pages take, which normalize reads (two-column headers, a
Nơi nhận beside the signature). The site's menus and notices stay, as in a copied page: the
text route already passes over them.

lxml (already installed with python-docx) parses the page: browsers' HTML5 rules are more
than a hand-written tag walk should carry (unclosed ``<p>``, ``<td>`` without ``<tr>``, the
charset of a ``<meta>``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from vbparse.ingest import IngestError, RawText
from vbparse.ingest.safety import check_text_size
from vbparse.ingest.text import decode_text

# What a reader of the page never sees as its text.
_HIDDEN = ("script", "style", "noscript", "template", "head", "iframe", "svg", "select", "button")
# Elements that start and end a line of their own (HTML's block elements).
_BLOCK_TAGS = (
    "p div li h1 h2 h3 h4 h5 h6 section article header footer aside nav main blockquote pre "
    "dd dt dl ul ol center address figure figcaption form fieldset legend hr caption"
)
_BLOCKS = frozenset(_BLOCK_TAGS.split())
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0\u200b]+")


def read_html(path: Path) -> RawText:
    """Read a saved web page into ``RawText`` (format ``html``)."""
    import lxml.etree
    import lxml.html

    check_text_size(path.stat().st_size, "web page")
    data = path.read_bytes()
    markup, warnings = _decode(data)
    try:
        root = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise IngestError(f"not a readable web page ({exc})") from None
    for element in root.iter(*_HIDDEN):
        element.drop_tree()
    lines: list[str] = []
    body = root.find("body")
    _walk(root if body is None else body, lines)
    text = "\n".join(line for line in (ln.strip() for ln in lines) if line) + "\n"
    if not text.strip():
        raise IngestError("web page with no text")
    return RawText(text=text, format="html", warnings=warnings)


def _decode(data: bytes) -> tuple[str, list[str]]:
    """The page's characters: by the charset its ``<meta>`` declares, else as a text file is
    decoded (BOM, UTF-8, then the legacy Vietnamese encodings)."""
    declared = _CHARSET.search(data[:4096])
    if declared is not None:
        codec = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(codec), []
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: decided from the bytes instead
    text, warnings = decode_text(data)
    # lxml refuses a str that still declares its encoding (an XHTML page's <?xml …?>)
    return _XML_DECLARATION.sub("", text), warnings


def _walk(element: Any, lines: list[str], in_cell: bool = False) -> None:
    """Append the lines of ``element``'s content to ``lines`` (the last line stays open).
    ``in_cell``: inside a table's cell, where a nested table's cells are lines of the cell."""
    if not lines:
        lines.append("")
    lines[-1] = _joined(lines[-1], element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            lines.append("")
        elif tag == "pre" and not in_cell:
            # a page that shows a plain-text copy keeps its lines as they are
            lines.extend(child.text_content().split("\n"))
            lines.append("")
        elif tag == "table" and not in_cell:
            lines.extend(_table_rows(child))
            lines.append("")
        elif tag in _BLOCKS or (in_cell and tag in _TABLE_PARTS):
            lines.append(_list_mark(child))
            _walk(child, lines, in_cell)
            lines.append("")
        else:
            _walk(child, lines, in_cell)
        lines[-1] = _joined(lines[-1], child.tail)


def _list_mark(element: Any) -> str:
    """What a browser draws before a list item: "- ", or its number in an ordered list."""
    if element.tag != "li":
        return ""
    parent = element.getparent()
    if parent is not None and parent.tag == "ol":
        items = [c for c in parent if c.tag == "li"]
        return f"{items.index(element) + 1}. "
    return "- "


def _table_rows(table: Any) -> list[str]:
    """One pipe row per row of the table (a nested table's rows go into its cell's text)."""
    rows = []
    for row in table.iter("tr"):
        if _owner(row, "table") is not table:
            continue
        cells = [c for c in row if c.tag in ("td", "th")]
        texts = [_cell_text(c) for c in cells]
        if any(texts):
            rows.append("| " + " | ".join(texts) + " |")
    return rows


def _owner(element: Any, tag: str) -> Any:
    node = element.getparent()
    while node is not None and node.tag != tag:
        node = node.getparent()
    return node


def _cell_text(cell: Any) -> str:
    """A cell's text on one line (its blocks joined by spaces, as Markdown writes cells)."""
    inner: list[str] = []
    _walk(cell, inner, in_cell=True)
    return " ".join(line.strip() for line in inner if line.strip()).replace("|", "/")


def _joined(line: str, text: str | None) -> str:
    """``line`` continued with ``text``, its runs of white space one space (HTML's rule)."""
    if not text:
        return line
    piece = _SPACES.sub(" ", text)
    if line.endswith(" ") and piece.startswith(" "):
        piece = piece[1:]
    return line + piece
