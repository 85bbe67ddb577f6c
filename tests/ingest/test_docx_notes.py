"""Footnotes and endnotes of .docx (and so of .doc/.rtf through LibreOffice): read after the
body, in the order they are referred to (``vbparse.ingest.docx_notes``)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from vbparse.ingest import IngestError, read_document

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Real footnotes of two Lâm Đồng notices (tests/fixtures/real/b15_orig).
ATTENDED = (
    "Tham dự họp có đại diện lãnh đạo các sở, ban, ngành, địa phương gồm: Xây dựng, "
    "Tài chính, Nông nghiệp và Môi trường, Văn phòng UBND tỉnh."
)
DIRECTED = "UBND tỉnh đã chỉ đạo tại Thông báo số 370/TB-UBND ngày 30/3/2026"


def test_docx_footnote_of_a_real_notice_follows_the_body():
    path = REAL / "b15_orig" / "tb_ubnd-quy-hoach-xa_2026.docx"
    lines = read_document(path).text.splitlines()
    # The separator notes Word keeps beside it (and the empty endnotes part) add nothing.
    assert lines[-2:] == ["", f"[1] {DIRECTED}"]
    assert sum(DIRECTED in line for line in lines) == 1


def _note(tag: str, note_id: str, text: str = "", kind: str = "") -> str:
    kind_attr = f' w:type="{kind}"' if kind else ""
    return f'<w:{tag} w:id="{note_id}"{kind_attr}><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{tag}>'


def _with_notes(path: Path, footnotes: list[str], endnotes: list[str]) -> None:
    """Add footnotes.xml and endnotes.xml to a python-docx file, as Word lays them out."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    for name, tag, notes in (
        ("footnotes", "footnote", footnotes),
        ("endnotes", "endnote", endnotes),
    ):
        members[f"word/{name}.xml"] = (
            f'<w:{name} xmlns:w="{W}">' + "".join(notes) + f"</w:{name}>"
        ).encode()
        members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
            b"</Types>",
            f'<Override PartName="/word/{name}.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.wordprocessingml.{name}+xml"/></Types>'.encode(),
        )
        members["word/_rels/document.xml.rels"] = members["word/_rels/document.xml.rels"].replace(
            b"</Relationships>",
            f'<Relationship Id="rIdNotes{tag}" Type="{REL}/{name}" Target="{name}.xml"/>'
            "</Relationships>".encode(),
        )
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)


def test_docx_notes_in_the_order_referred_to_footnotes_then_endnotes(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for text, tag, note_id in (
        ("Thông báo kết luận cuộc họp", "footnoteReference", "7"),
        ("UBND tỉnh đã chỉ đạo", "footnoteReference", "3"),
        ("Giao Sở Xây dựng", "endnoteReference", "4"),
    ):
        paragraph = document.add_paragraph(text)
        paragraph._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:{tag} w:id="{note_id}"/></w:r>'))
    path = tmp_path / "notes.docx"
    document.save(str(path))
    _with_notes(
        path,
        [
            _note("footnote", "0", kind="separator"),
            _note("footnote", "1", kind="continuationSeparator"),
            _note("footnote", "3", DIRECTED),
            _note("footnote", "5", "Không được dẫn tới: không đọc."),
            _note("footnote", "7", ATTENDED),
        ],
        [
            _note("endnote", "0", kind="separator"),
            _note("endnote", "4", "Chậm nhất ngày 30/6/2026."),
        ],
    )
    assert read_document(path).text.splitlines() == [
        "Thông báo kết luận cuộc họp",
        "UBND tỉnh đã chỉ đạo",
        "Giao Sở Xây dựng",
        "",
        f"[1] {ATTENDED}",
        f"[2] {DIRECTED}",
        "[i] Chậm nhất ngày 30/6/2026.",
    ]


def test_docx_damaged_footnotes_part_is_an_error_not_a_traceback(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Thông báo kết luận cuộc họp")
    path = tmp_path / "damaged.docx"
    document.save(str(path))
    _with_notes(path, ["<w:footnote w:id='2'><w:p>"], [])  # cut off: not XML
    with pytest.raises(IngestError, match="footnotes part"):
        read_document(path)
