"""The parts of a .docx the reader uses, read straight from the zip archive.

``docx.Document`` opens every part of the package: it walks every relationship, looks up the
content type of each part it reaches and parses every XML part it knows (headers, footers,
comments, …), about 60 % of what python-docx alone costs on a corpus directive. The reader
needs six parts: the main document, its styles, numbering, settings, footnotes and endnotes.
Here those are found the way python-docx finds them (the package's ``officeDocument``
relationship, then the main part's relationships by type, targets resolved against the part's
folder) and parsed with python-docx's own parser (``docx.oxml.parse_xml``), so the elements are
the same classes, with the same properties, as through ``docx.Document``.

What python-docx does when a part is missing is kept: no styles part reads its default styles
template; no settings part has no note number formats; no numbering part numbers nothing.

The styles part is most of the parsing: a document made from Word's template carries 160
styles (350 kB, 9,000 elements; the document itself is often 10 kB). Documents of one
template carry the same bytes, so the parsed styles and their index are kept for the last few
distinct styles parts (read-only: nothing writes to a style element).
"""

from __future__ import annotations

import functools
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vbparse.ingest.docx_styles import StyleIndex

_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class NotAWordFile(ValueError):
    """The archive is a zip but not a Word document python-docx would open."""


@dataclass
class WordPackage:
    """The main document part of a .docx, parsed, and its relationships by type in the order
    its ``.rels`` lists them (an external target is not a part and is left out)."""

    archive: zipfile.ZipFile
    document: Any
    related: list[tuple[str, str]] = field(default_factory=list)  # (type, member name)
    _parsed: dict[str, Any | None] = field(default_factory=dict)

    @property
    def body(self) -> Any:
        return self.document.body

    def part(self, kind: str) -> Any | None:
        """The root element of the first part related to the main document as ``kind``
        (``styles``, ``numbering``, ``settings``, ``footnotes``, ``endnotes``), else ``None``."""
        if kind not in self._parsed:
            member = next((m for t, m in self.related if t == _DOCUMENT_RELS + kind), None)
            self._parsed[kind] = None if member is None else _parse(self.archive.read(member))
        return self._parsed[kind]

    def styles(self) -> StyleIndex:
        """The styles part, indexed, or python-docx's default styles when the document has
        none."""
        member = next((m for t, m in self.related if t == _DOCUMENT_RELS + "styles"), None)
        if member is None:
            from docx.parts.styles import StylesPart

            return indexed_styles(StylesPart._default_styles_xml())
        return indexed_styles(self.archive.read(member))


# The last four: documents of one source come together in a batch (reading the 46 corpus
# and real .docx in order, four save 11 of the 46 parses, eight 15), and Word's template
# parses to ~6 MB (four of them: ~24 MB at most; a 35 kB styles part, ~0.6 MB).
@functools.lru_cache(maxsize=4)
def indexed_styles(blob: bytes) -> StyleIndex:
    """The styles part ``blob`` parsed and indexed, once per distinct content (the key is the
    bytes themselves, so two different parts never share an entry)."""
    return StyleIndex(_parse(blob))


def _parse(blob: bytes) -> Any:
    from docx.oxml.parser import parse_xml

    return parse_xml(blob)


def _relationships(archive: zipfile.ZipFile, source: str) -> list[tuple[str, str]]:
    """(type, target member name) of the internal relationships of the part ``source``
    (``/`` for the package), as python-docx resolves them."""
    from lxml import etree

    base, name = posixpath.split(source)
    try:
        blob = archive.read(posixpath.join(base, "_rels", f"{name}.rels").lstrip("/"))
    except KeyError:  # a part without relationships
        return []
    out = []
    for rel in etree.fromstring(blob).iterchildren(f"{{{_PACKAGE_RELS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = posixpath.abspath(posixpath.join(base, rel.get("Target")))
        out.append((rel.get("Type"), target.lstrip("/")))
    return out


def _content_type(archive: zipfile.ZipFile, member: str) -> str:
    from lxml import etree

    types = etree.fromstring(archive.read("[Content_Types].xml"))
    for node in types.iterchildren(f"{{{_CONTENT_TYPES}}}Override"):
        if node.get("PartName", "").lower() == f"/{member}".lower():
            return node.get("ContentType", "")
    extension = posixpath.splitext(member)[1][1:].lower()
    for node in types.iterchildren(f"{{{_CONTENT_TYPES}}}Default"):
        if node.get("Extension", "").lower() == extension:
            return node.get("ContentType", "")
    raise KeyError(f"no content type for part /{member}")


def open_package(archive: zipfile.ZipFile, path: Path) -> WordPackage:
    """The Word document in ``archive`` (the .docx at ``path``); raise ``KeyError``,
    ``ValueError`` (``NotAWordFile``) or lxml's ``XMLSyntaxError`` where python-docx would
    refuse it."""
    main = next(
        (m for t, m in _relationships(archive, "/") if t == _DOCUMENT_RELS + "officeDocument"),
        None,
    )
    if main is None:
        raise KeyError("no relationship of type 'officeDocument' in the package")
    content_type = _content_type(archive, main)
    if content_type != _WORD_MAIN:
        raise NotAWordFile(f"file '{path}' is not a Word file, content type is '{content_type}'")
    document = _parse(archive.read(main))
    return WordPackage(archive, document, _relationships(archive, f"/{main}"))
