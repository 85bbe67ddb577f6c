"""The parts of a .docx the reader uses, read straight from the zip archive.

``docx.Document`` opens every part of the package: it walks every relationship, looks up the
content type of each part it reaches and parses every XML part it knows (headers, footers,
comments, …), about 60 % of what python-docx alone costs on a corpus directive. The reader
needs six parts: the main document, its styles, numbering, settings, footnotes and endnotes.
Here those are found the way python-docx finds them (the package's ``officeDocument``
relationship, then the main part's relationships by type, targets resolved against the part's
folder). The styles part is parsed with python-docx's own parser (``docx.oxml.parse_xml``), so
its elements are the same classes, with the same properties, as through ``docx.Document``; the
parts the reader walks element by element (the main document, numbering, settings, notes) with
the same parser options as plain lxml elements (``docx_xml``: the same trees, read faster).

What python-docx does when a part is missing is kept: no styles part reads its default styles
template; no settings part has no note number formats; no numbering part numbers nothing.

The styles part is most of the parsing: a document made from Word's template carries 160
styles (350 kB, 9,000 elements; the document itself is often 10 kB). Documents of one
template carry the same bytes, so the parsed styles and their index are kept for the last few
distinct styles parts (read-only: nothing writes to a style element), found again by the
part's bytes as stored in the zip: the same stored bytes inflate to the same part, and are
found without inflating them (a third of a millisecond for the template) or hashing 350 kB.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vbparse.ingest.docx_styles import StyleIndex, qn
from vbparse.ingest.docx_xml import parse_plain

_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_VML_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
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
    path: Path
    document: Any
    related: list[tuple[str, str]] = field(default_factory=list)  # (type, member name)
    targets: dict[str, str] = field(default_factory=dict)  # relationship id -> member name
    _parsed: dict[str, Any | None] = field(default_factory=dict)

    @property
    def body(self) -> Any:
        return self.document.find(qn("w:body"))  # python-docx's ``CT_Document.body``

    def part(self, kind: str) -> Any | None:
        """The root element of the first part related to the main document as ``kind``
        (``styles``, ``numbering``, ``settings``, ``footnotes``, ``endnotes``), else ``None``."""
        if kind not in self._parsed:
            member = next((m for t, m in self.related if t == _DOCUMENT_RELS + kind), None)
            self._parsed[kind] = None if member is None else parse_plain(self.archive.read(member))
        return self._parsed[kind]

    def pictures(self) -> list[bytes]:
        """The pictures the body shows (DrawingML's ``a:blip``, VML's ``v:imagedata``), in
        the body's order, each once."""
        ids = [
            node.get(_EMBED if node.tag == _BLIP else _VML_ID)
            for node in self.body.iter(_BLIP, _VML_IMAGE)
        ]
        members = [self.targets[i] for i in dict.fromkeys(ids) if i in self.targets]
        return [self.archive.read(m) for m in members if m in self.archive.NameToInfo]

    def styles(self) -> StyleIndex:
        """The styles part, indexed, or python-docx's default styles when the document has
        none."""
        member = next((m for t, m in self.related if t == _DOCUMENT_RELS + "styles"), None)
        if member is None:
            from docx.parts.styles import StylesPart

            return _KEPT.get(("default",), StylesPart._default_styles_xml)
        info = self.archive.getinfo(member)
        stored = None if info.flag_bits & 0x1 else _stored_bytes(self.path, info)
        if stored is None:  # encrypted, or no local header where the directory says
            return StyleIndex(_parse(self.archive.read(member)))
        key = (info.compress_type, info.CRC, info.file_size, stored)
        return _KEPT.get(key, lambda: self.archive.read(member))


class _KeptStyles:
    """The last few styles parts parsed and indexed, by a key that names their content."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._kept: OrderedDict[tuple[object, ...], StyleIndex] = OrderedDict()

    def get(self, key: tuple[object, ...], read: Callable[[], bytes]) -> StyleIndex:
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
            return found
        index = self._kept[key] = StyleIndex(_parse(read()))
        if len(self._kept) > self._size:
            self._kept.popitem(last=False)
        return index

    def clear(self) -> None:
        self._kept.clear()


# The last four: documents of one source come together in a batch (reading the 46 corpus
# and real .docx in order, four save 11 of the 46 parses, eight 15), and Word's template
# parses to ~6 MB (four of them: ~24 MB at most; a 35 kB styles part, ~0.6 MB).
_KEPT = _KeptStyles(4)


def forget_styles() -> None:
    """Forget the kept styles (``bench_ingest``'s cold rows: no two documents share them)."""
    _KEPT.clear()


# A zip member's local header (APPNOTE.TXT 4.3.7): 30 bytes, the lengths of the name and of
# the extra field that follow it in its last four, then the member's stored bytes.
_LOCAL_HEADER = struct.Struct("<4s22xHH")


def _stored_bytes(path: Path, info: zipfile.ZipInfo) -> bytes | None:
    """The member's bytes as stored (compressed, as ``info.compress_size`` says), read past
    its local header; None when no local header stands at ``info.header_offset``."""
    with path.open("rb") as handle:
        handle.seek(info.header_offset)
        header = handle.read(_LOCAL_HEADER.size)
        if len(header) < _LOCAL_HEADER.size:
            return None
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        if signature != b"PK\x03\x04":
            return None
        handle.seek(name_length + extra_length, 1)
        stored = handle.read(info.compress_size)
    return stored if len(stored) == info.compress_size else None


def _parse(blob: bytes) -> Any:
    from docx.oxml.parser import parse_xml

    return parse_xml(blob)


def _relationships(archive: zipfile.ZipFile, source: str) -> list[tuple[str, str]]:
    """(type, target member name) of the internal relationships of the part ``source``
    (``/`` for the package), as python-docx resolves them."""
    return [(kind, member) for _, kind, member in _relationship_rows(archive, source)]


def _relationship_rows(archive: zipfile.ZipFile, source: str) -> list[tuple[str, str, str]]:
    """(id, type, target member name) of the internal relationships of the part ``source``."""
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
        out.append((rel.get("Id"), rel.get("Type"), target.lstrip("/")))
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
    document = parse_plain(archive.read(main))
    rows = _relationship_rows(archive, f"/{main}")
    return WordPackage(
        archive, path, document, [(t, m) for _, t, m in rows], {i: m for i, _, m in rows}
    )
