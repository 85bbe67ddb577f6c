"""DOCX ingest on the corpus variants and on bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.ingest import IngestError, read_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _lines(stem: str) -> list[str]:
    return read_document(CORPUS / "docx" / f"{stem}.docx").text.splitlines()


def test_docx_header_table_read_row_by_row():
    # Row by row, as the page is read (and as the PDF and Markdown routes give it).
    lines = _lines("001_2f45181cd87af165")
    order = [
        lines.index("VĂN PHÒNG CHÍNH PHỦ"),
        lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        lines.index("Số: 10467/VPCP-KGVX"),
        next(i for i, x in enumerate(lines) if x.startswith("V/v triển khai")),
        lines.index("Hà Nội, ngày 28 tháng 10 năm 2025"),
        lines.index("Kính gửi:"),
    ]
    assert order == sorted(order)


def test_docx_layout_form_grid_keeps_each_label_beside_its_value(tmp_path):
    # A borderless form grid (viparse-corpus 2002-0112qd, the time sheet's legend): each row
    # pairs a label with its code, so reading column by column would part them.
    import docx

    rows = [
        ("- Lương thời gian", "+", "- Hội nghị, học tập", "H"),
        ("- ốm, điều dưỡng", "Ô", "- Nghỉ bù", "NB"),
        ("- Con ốm", "Cô", "- Nghỉ không lương", "Ro"),
    ]
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=4)  # no style, no borders: layout
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "form.docx"
    document.save(str(path))
    assert read_document(path).text.splitlines() == [cell for row in rows for cell in row]


def test_docx_word_numbering_rendered_as_labels():
    lines = _lines("001_2f45181cd87af165")
    labelled = [x.split(" ", 1)[0] for x in lines if x[:2] in ("1.", "2.", "3.", "4.", "5.")]
    assert labelled == ["1.", "2.", "3.", "4.", "5."]
    assert sum(x.startswith("- Khẩn trương xây dựng Chỉ thị") for x in lines) == 1


def test_docx_appendix_table_as_pipe_rows():
    rows = [x for x in _lines("004_a135c2dc3c7e6627") if x.startswith("| ")]
    assert rows[0] == (
        "| TT | Nhiệm vụ cụ thể | Văn bản giao nhiệm vụ | Cơ quan chủ trì thực hiện "
        "| Thời hạn hoàn thành | Đơn vị chưa hoàn thành |"
    )
    assert len(rows) == 34
    assert all(r.count(" | ") == 5 for r in rows)


def test_docx_signature_after_cc_list():
    lines = _lines("000_3070b849d0d1c768")
    assert lines.index("- Lưu: VT, KGVX (2).Tr") < lines.index("KT. BỘ TRƯỞNG, CHỦ NHIỆM")


def test_docx_not_a_zip_is_an_error(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(IngestError, match="not a zip"):
        read_document(path)


@pytest.mark.parametrize("suffix", [".doc", ".rtf"])
def test_docx_legacy_doc_without_libreoffice(tmp_path, monkeypatch, suffix):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / f"old{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(
        IngestError, match=rf"reading \{suffix} needs LibreOffice.*libreoffice-writer-nogui"
    ):
        read_document(path)


def test_docx_table_nested_in_a_data_cell_is_read(tmp_path):
    # viparse-corpus 2006-Mau-MD-5M-HD: the signature boxes of a bordered form are a table
    # inside one of its cells; their text was dropped.
    import docx

    document = docx.Document()
    form = document.add_table(rows=1, cols=1)
    form.style = "Table Grid"  # bordered: a data table
    cell = form.cell(0, 0)
    cell.text = "Kèm theo đơn:"
    boxes = cell.add_table(rows=2, cols=2)
    boxes.cell(0, 0).text = "Các thành viên hợp danh"
    boxes.cell(0, 1).text = "Đại diện theo pháp luật của công ty"
    boxes.cell(1, 0).text = "(Ký và ghi rõ họ tên từng thành viên)"
    boxes.cell(1, 1).text = "(Ký và ghi rõ họ tên)"
    path = tmp_path / "form.docx"
    document.save(str(path))
    assert read_document(path).text == (
        "| Kèm theo đơn: Các thành viên hợp danh Đại diện theo pháp luật của công ty "
        "(Ký và ghi rõ họ tên từng thành viên) (Ký và ghi rõ họ tên) |\n"
    )


def test_docx_tracked_changes_read_as_accepted(tmp_path):
    # Word's tracked changes: an insertion and text moved here are the document, a deletion
    # and the place text moved from are not (a sentence of viparse-corpus 2004-1ED4D).
    import docx
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph._p.append(
        parse_xml(f'<w:r xmlns:w="{w}"><w:t xml:space="preserve">Trong giai đoạn này, </w:t></w:r>')
    )
    for tag, text in (
        ("del", "tự do hoá kinh tế và đi đôi với "),
        ("moveFrom", "tự do hoá chính trị "),
        ("ins", "tự do hoá kinh tế đi đôi với "),
        ("moveTo", "tự do hoá chính trị"),
    ):
        run_text = "delText" if tag in ("del", "moveFrom") else "t"
        paragraph._p.append(
            parse_xml(
                f'<w:{tag} xmlns:w="{w}" w:id="1" w:author="a"><w:r>'
                f'<w:{run_text} xml:space="preserve">{text}</w:{run_text}></w:r></w:{tag}>'
            )
        )
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    assert read_document(path).text == (
        "Trong giai đoạn này, tự do hoá kinh tế đi đôi với tự do hoá chính trị\n"
    )


def test_docx_tab_columns_become_the_signature_beside_the_list(tmp_path):
    """A Nơi nhận list and the signature set side by side with tab stops in one paragraph
    per line (chỉ thị 09/2009/CT-UBND Bình Dương, a real .doc): the tab is kept as a column gap
    and normalize puts each column's line apart, so the signer's title and name are read."""
    import docx

    from vbparse.pipeline import parse_file

    lines = [
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH BÌNH DƯƠNG\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 09/2009/CT-UBND\tThủ Dầu Một, ngày 17 tháng 3 năm 2009",
        "CHỈ THỊ",
        "Về tăng cường quản lý hoạt động khoa học và công nghệ",
        "1. Sở Khoa học và Công nghệ chủ trì kiểm tra hoạt động khoa học và công nghệ.",
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
        "- Bộ Khoa học và Công nghệ;\tKT. CHỦ TỊCH",
        "- Cục Kiểm tra VB QPPL (Bộ Tư pháp);\tPHÓ CHỦ TỊCH",
        "- Thường trực Tỉnh ủy;",
        "- CT, PCT UBND tỉnh;\t(Đã ký)",
        "- UBND các huyện, thị xã;\tNguyễn Văn Hiệp",
        "- Lưu VT.",
        "1.\tTab after a label stays one space.",
    ]
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "ct.docx"
    document.save(path)
    text = read_document(path).text
    assert "- Bộ Khoa học và Công nghệ;   KT. CHỦ TỊCH" in text
    assert "1. Tab after a label stays one space." in text
    doc = parse_file(path)
    assert (doc.signer, doc.signer_title) == ("Nguyễn Văn Hiệp", "Phó Chủ tịch")
    assert doc.signing_authority == "TM. Ủy ban nhân dân, KT. Chủ tịch"
