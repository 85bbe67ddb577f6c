"""The .docx parts read straight from the zip (vbparse.ingest.docx_package) are python-docx's:
the same XML for every part the reader uses, the same cells for every table row."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pytest
from lxml import etree

from vbparse.ingest import IngestError
from vbparse.ingest.docx import _unique_cells, read_docx
from vbparse.ingest.docx_package import _stored_bytes, forget_styles, open_package
from vbparse.ingest.docx_styles import qn

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
DOCX_FILES = sorted(CORPUS.glob("docx/*.docx")) + sorted(REAL.rglob("*.docx"))
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _xml(element) -> bytes | None:
    return None if element is None else etree.tostring(element)


def _python_docx_part(document, kind: str):
    """The root element of the main document's part of ``kind``, as python-docx reads it."""
    from docx.oxml.parser import parse_xml

    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype == _RELS + kind:
            part = rel.target_part
            element = getattr(part, "element", None)
            return element if element is not None else parse_xml(part.blob)
    return None


@pytest.mark.parametrize("path", DOCX_FILES, ids=lambda p: p.name)
def test_docx_package_parts_as_python_docx(path):
    import docx

    document = docx.Document(str(path))
    with zipfile.ZipFile(path) as archive:
        package = open_package(archive, path)
        assert _xml(package.body) == _xml(document.element.body)
        assert _xml(package.styles().root) == _xml(document.styles.element)
        for kind in ("numbering", "settings", "footnotes", "endnotes"):
            assert _xml(package.part(kind)) == _xml(_python_docx_part(document, kind)), kind


@pytest.mark.parametrize("path", DOCX_FILES, ids=lambda p: p.name)
def test_docx_package_row_cells_as_python_docx(path):
    """Every row of every table, nested ones included: python-docx's ``_Row.cells``, a merged
    cell once."""
    import docx
    from docx.table import Table, _Row

    document = docx.Document(str(path))
    for tr in document.element.body.iter(qn("w:tr")):
        expected: list = []
        for cell in _Row(tr, Table(tr.getparent(), document._body)).cells:
            if not expected or cell._tc is not expected[-1]:
                expected.append(cell._tc)
        assert _unique_cells(tr) == expected


def test_docx_package_styles_parsed_once_per_distinct_part(tmp_path):
    """Two documents of one template share the parsed styles; reading one after the other
    gives each its own text."""
    import docx

    paths = []
    for name, text in (("a", "Điều 1. Một"), ("b", "Điều 2. Hai")):
        document = docx.Document()
        document.add_paragraph(text, style="List Number")
        paths.append(tmp_path / f"{name}.docx")
        document.save(str(paths[-1]))
    alone = [read_docx(path).text for path in paths]
    with zipfile.ZipFile(paths[0]) as first, zipfile.ZipFile(paths[1]) as second:
        shared = open_package(first, paths[0]).styles()
        assert open_package(second, paths[1]).styles() is shared
    assert (
        [read_docx(path).text for path in paths]
        == alone
        == ["1. Điều 1. Một\n", "1. Điều 2. Hai\n"]
    )


@pytest.mark.parametrize("path", DOCX_FILES, ids=lambda p: p.name)
def test_docx_package_stored_bytes_inflate_to_the_member(path):
    """The bytes the kept styles are found by are the member's as stored: inflated, its
    content."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            stored = _stored_bytes(path, info)
            assert stored is not None and len(stored) == info.compress_size
            if info.compress_type == zipfile.ZIP_DEFLATED:
                assert zlib.decompress(stored, -15) == archive.read(info), info.filename
            else:
                assert stored == archive.read(info), info.filename


def test_docx_package_styles_of_other_content_not_shared(tmp_path):
    """A document whose styles differ gets its own; a stored (uncompressed) zip reads the same."""
    import docx

    first, second, stored = tmp_path / "a.docx", tmp_path / "b.docx", tmp_path / "stored.docx"
    docx.Document().save(str(first))
    other = docx.Document()
    other.styles.add_style("Vbparse Test", 1)  # another styles.xml
    other.save(str(second))
    with zipfile.ZipFile(first) as old, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
    forget_styles()
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b, zipfile.ZipFile(stored) as c:
        styles = [open_package(z, p).styles() for z, p in ((a, first), (b, second), (c, stored))]
    assert styles[0] is not styles[1] and styles[0] is not styles[2]
    assert etree.tostring(styles[0].root) == etree.tostring(styles[2].root)
    assert styles[1].first("VbparseTest") is not None and styles[0].first("VbparseTest") is None


def _without_member(source: Path, member: str) -> bytes:
    """A copy of the .docx at ``source`` without ``member`` (its relationship stays)."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if info.filename != member:
                new.writestr(info, old.read(info))
    return out.getvalue()


def test_docx_package_without_styles_reads_python_docx_default_styles(tmp_path):
    import docx

    source = tmp_path / "source.docx"
    document = docx.Document()
    document.add_paragraph("Điều 1. Nội dung")
    document.save(str(source))
    path = tmp_path / "no-styles.docx"
    data = _without_member(source, "word/_rels/document.xml.rels")
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        package = open_package(archive, path)
        assert package.part("styles") is None
        assert package.styles().root.find(qn("w:style")) is not None
    assert read_docx(path).text == "Điều 1. Nội dung\n"


def test_docx_package_not_a_word_document(tmp_path):
    import docx

    source = tmp_path / "source.docx"
    docx.Document().save(str(source))
    path = tmp_path / "macro.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
            new.writestr(info, data)
    with pytest.raises(IngestError, match=r"not a valid \.docx \(.*is not a Word file"):
        read_docx(path)
