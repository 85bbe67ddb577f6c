"""PDF ingest: reading order, running headers, tables, and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbparse.ingest import IngestError, read_document, text_layer
from vbparse.ingest import pdf as pdf_reader
from vbparse.ingest.text_layer import broken_text

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _read(stem: str):
    return read_document(CORPUS / "pdf" / f"{stem}.pdf")


def test_pdf_header_columns_not_interleaved():
    lines = _read("000_3070b849d0d1c768").text.splitlines()
    assert lines[0] == "VĂN PHÒNG CHÍNH PHỦ"
    assert lines[1] == "Số: 6466/VPCP-KGVX"
    left_end = lines.index("57-NQ/TW.")
    assert left_end < lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert lines.index("Độc lập - Tự do - Hạnh phúc") < lines.index(
        "Hà Nội, ngày 11 tháng 7 năm 2025"
    )


def test_pdf_word_gap_scales_with_the_font():
    """Issue 11: an 11 pt V/v line whose spaces are 2.75 pt wide (công văn 3917/BTP-BTTP,
    signed PDF, real) keeps its words apart; the 14 pt header too."""
    real = CORPUS.parent / "tests" / "fixtures" / "real" / "b19_orig"
    text = read_document(real / "cv_3917_btp-bttp_2025.pdf").text
    assert "V/v hợp nhất TCXH-NN của công" in text
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text


def test_pdf_page_number_below_the_margin_band_dropped():
    """Issue 11: a page number printed lower than the margin band, the page's first line
    (kế hoạch of Chi cục Hải quan khu vực VIII, signed PDF, real), does not split the sentence
    it falls in."""
    real = CORPUS.parent / "tests" / "fixtures" / "real" / "b14_tinh_cd_kh"
    lines = read_document(real / "kh_kh-hqkv8_2026.pdf").text.splitlines()
    assert "7" not in lines
    at = next(k for k, line in enumerate(lines) if line.endswith("kịp thời tham"))
    assert lines[at + 1].startswith("mưu lãnh đạo Chi cục")


def test_pdf_page_numbers_dropped_and_pages_recorded():
    raw = _read("003_391edc665e6ab0ab")
    assert raw.pages == 3
    assert len(raw.page_starts) == 3
    assert not any(line.strip() in {"2", "3"} for line in raw.text.splitlines())


def test_pdf_signature_block_read_column_by_column_over_page_break():
    lines = _read("000_3070b849d0d1c768").text.splitlines()
    assert lines.index("- Lưu: VT, KGVX (2).Tr") < lines.index("KT. BỘ TRƯỞNG, CHỦ NHIỆM")
    assert lines[-1] == "Phạm Mạnh Cường"


def test_pdf_table_across_pages_rendered_once():
    rows = [x for x in _read("004_a135c2dc3c7e6627").text.splitlines() if x.startswith("| ")]
    assert len(rows) == 34
    assert sum(r.startswith("| TT |") for r in rows) == 1
    assert [r.split(" | ")[0] for r in rows[1:4]] == ["| 1.", "| 2.", "| 3."]


def test_pdf_text_is_nfc():
    import unicodedata

    text = _read("004_a135c2dc3c7e6627").text
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(
    ("text", "broken"),
    [
        ("Văn phòng Chính phủ thông báo", False),
        ("(cid:12)(cid:13)(cid:14) (cid:15)(cid:16)", True),
        (
            "Văn pho \u0300ng Chi \u0301nh phu \u0309 tho \u0302ng ba \u0301o đê \u0309 ca \u0301c",
            True,
        ),
        ("Ch\u00b4\u0131nh ph\u02c9u th\u00b4ong b\u00b4ao ˜doi", True),
    ],
)
def test_pdf_broken_text_layer_detected(text, broken):
    assert (broken_text(text) is not None) == broken


def test_pdf_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match="empty file"):
        read_document(path)


def test_pdf_truncated_is_an_error(tmp_path):
    data = (CORPUS / "pdf" / "000_3070b849d0d1c768.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[:2000])
    with pytest.raises(IngestError, match="damaged or truncated"):
        read_document(path)


def test_pdf_encrypted_is_an_error(tmp_path):
    # A minimal PDF with a Standard security handler whose user password is not empty.
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Encrypt 4 0 R "
        f"/ID [<{'ab' * 16}> <{'ab' * 16}>] >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    path = tmp_path / "locked.pdf"
    path.write_bytes(bytes(out))
    with pytest.raises(IngestError, match="encrypted"):
        read_document(path)


def test_pdf_long_document_read_up_to_page_limit(tmp_path, monkeypatch):
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(CORPUS / "pdf" / "000_3070b849d0d1c768.pdf"))
    long = pdfium.PdfDocument.new()
    for _ in range(150):
        long.import_pages(source)
    path = tmp_path / "long.pdf"
    long.save(str(path))
    assert len(long) == 300
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 6)
    raw = read_document(path)
    assert raw.pages == 6
    assert "only the first 6 of 300 pages were read" in raw.warnings


def test_pdf_spans_carry_their_page():
    """Every span of a PDF's records names its page, rows of a table continued over pages
    included; a text file has no pages."""
    from vbparse import parse_file

    doc = parse_file(CORPUS / "pdf" / "004_a135c2dc3c7e6627.pdf")
    pages = [task.span.page for task in doc.tasks]
    assert all(p is not None and 1 <= p <= doc.source.pages for p in pages)
    assert pages == sorted(pages)  # reading order follows the pages
    rows = [t.span.page for t in doc.tasks if t.id.startswith("PL.")]
    assert rows[0] < rows[-1] == doc.source.pages  # the appendix table runs over pages
    assert all(a.span.page for t in doc.tasks for a in t.lead if a.span)
    text = parse_file(CORPUS / "004_a135c2dc3c7e6627.txt")
    assert all(t.span.page is None for t in text.tasks)


def test_pdf_eoffice_number_and_day_read_from_annotations(tmp_path):
    """Issue 11: an e-office system stamps the number and the day into the blanks at signing,
    in annotations' appearance streams; the signer's certificate details are left out."""
    from pdfwriter import make_pdf

    from vbparse.pipeline import parse_file

    lines = [
        (60, 790, "ỦY BAN NHÂN DÂN"),
        (330, 790, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (60, 775, "TỈNH QUẢNG NINH"),
        (350, 775, "Độc lập - Tự do - Hạnh phúc"),
        (60, 750, "Số:         /UBND-XD"),
        (330, 750, "Quảng Ninh, ngày      tháng 7 năm 2026"),
        (60, 735, "V/v tăng cường quản lý trật tự xây dựng"),
        (200, 700, "Kính gửi: Sở Xây dựng."),
        (60, 670, "Giao Sở Xây dựng chủ trì kiểm tra, báo cáo trước ngày 15/8/2026./."),
        (60, 630, "Nơi nhận:"),
        (350, 630, "KT. CHỦ TỊCH"),
        (60, 615, "- Như trên;"),
        (350, 615, "PHÓ CHỦ TỊCH"),
        (60, 600, "- Lưu: VT."),
        (350, 560, "Nguyễn Văn Hùng"),
    ]
    stamps = [
        ((88, 747, 120, 760), "Widget", "7432"),
        ((416, 747, 432, 760), "FreeText", "21"),
        ((340, 520, 560, 545), "Widget", "Ký bởi: Nguyễn Văn Hùng Email: hung@example.vn"),
    ]
    path = tmp_path / "eoffice.pdf"
    path.write_bytes(make_pdf(lines, stamps))
    doc = parse_file(path)
    assert doc.number == "7432/UBND-XD"
    assert doc.date is not None and doc.date.isoformat() == "2026-07-21"
    assert doc.place == "Quảng Ninh"
    assert doc.signer == "Nguyễn Văn Hùng"
    assert "Ký bởi" not in read_document(path).text
    assert [t.id for t in doc.tasks] == ["p1"]


def test_pdf_malformed_annotation_keeps_page_text(tmp_path):
    """A signed scan's malformed annotation array made pdfplumber fail on the whole page (real
    document b04 ct_02): the page's own words are still read."""
    from pdfwriter import make_pdf

    data = make_pdf(
        [(60, 790, "ỦY BAN NHÂN DÂN"), (60, 750, "Số: 12/UBND-XD")],
        [((88, 747, 120, 760), "Widget", "7432")],
    )
    path = tmp_path / "bad-annotation.pdf"
    path.write_bytes(data.replace(b"/Annots [", b"/Annots [<< /Subtype /Widget /Rect [1 2] >> "))
    raw = read_document(path)
    assert "Số: 12/UBND-XD" in raw.text


def test_pdf_ruled_body_text_is_no_table():
    """Lines drawn under a justified body (an e-office PDF, thông báo 565/TB-UBND Quảng Ngãi)
    make ruled "cells" holding the whole text in the first one: not a table; a real task table
    fills two cells or more in most rows."""
    from vbparse.ingest.pdf import _is_table

    body = [
        ["Để đẩy nhanh tiến độ triển khai thực hiện 02 Chương trình mục tiêu", "", ""],
        ["trưởng các sở, ban ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố,", "", ""],
        ["đơn vị được giao kế hoạch vốn cần", "phải", "nỗ lực, quyết tâm nhiều hơn nữa, tập"],
        ["vụ cụ thể:", "", ""],
    ]
    tasks = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
        ["1", "Xây dựng Đề án", "Sở Nội vụ", "Quý III/2025"],
        ["I. NHIỆM VỤ CHUNG", "", "", ""],
        ["2", "Rà soát văn bản", "Sở Tư pháp", "30/9/2025"],
    ]
    assert not _is_table(body)
    assert _is_table(tasks)


def test_pdf_words_ruled_one_a_cell_are_a_paragraph():
    """Rules drawn word by word under a justified paragraph cut each line into one "cell" a
    word (quyết định 441/QĐ-UBND Huế, a real signed PDF, Điều 3): read as text, while a table
    of figures, or of phrases, stays a table."""
    from vbparse.ingest.pdf import _is_table

    line = "1. Thay thế TTHC  số 08  tại  Quyết  định số  1852/QĐ-UBND  ngày 28 tháng  7"
    assert not _is_table([line.split(" ")])
    assert not _is_table([["Đào", "tạo.", ""]])
    figures = [["TT", "Đơn vị", *(str(y) for y in range(2019, 2026))]] + [
        [str(i), f"Huyện {i}", *(str(i * n) for n in range(7))] for i in range(1, 6)
    ]
    assert _is_table(figures)
    assert _is_table([["ỦY BAN NHÂN DÂN TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]])
    path = Path(__file__).parents[1] / "fixtures/real_new/b56_repo_qd_tthc/qd_441_ubnd-hue_2025.pdf"
    text = read_document(path).text
    assert "1. Thay thế TTHC số 08 tại Quyết định số 1852/QĐ-UBND" in text
    assert "| Thay |" not in text and "| Đào |" not in text


def test_pdf_eoffice_digits_in_nested_form_xobjects():
    """A real e-office PDF (thông báo 565/TB-UBND Quảng Ngãi, tests/fixtures/real/b06_files)
    draws the number and the day inside a form XObject nested in the signature widget's
    appearance; the signing organisation's stamp (e-mail, time signed) is left out."""
    from vbparse.pipeline import parse_file

    path = Path(__file__).parents[1] / "fixtures/real/b06_files/tb_565_tb-ubnd_2024.pdf"
    doc = parse_file(path)
    assert doc.number == "565/TB-UBND"
    assert str(doc.date) == "2024-11-15"
    assert doc.place == "Quảng Ngãi"
    assert doc.issuer == "Ủy ban nhân dân tỉnh Quảng Ngãi"


@pytest.mark.parametrize(
    ("text", "unmarked"),
    [
        # A scanner's OCR layer over the page image (công văn 4377/UBND-NC Lâm Đồng, real).
        (
            "Uy ban nh6n ddn tinh nh4n duoc C6ng vin s6 }27IMTTQ-BTT ngdy 25lgl2o25 cira Uy "
            "ban M4t trQn T6 qui5c ViQt Nam tinh vA viQc dO nghi c6ng nh$n chric danh c6c HQi "
            "quAn chring do D6ng, Nhd nudc giao tthi€m vp",
            True,
        ),
        # The OCR layer of công văn 40090/CHQ-GSQL keeps its marks: read as it is.
        (
            "Cục Hải quan nhận được Đơn đề nghị kiểm tra, giám sát hàng hóa xuất khâu, nhập "
            "khẩu có yêu câu bảo hộ quyền sở hữu trí tuệ ngày 20/11/2025 của Công ty TNHH Sở "
            "hữu trí tuệ ACTIP đôi với hànghóa mang nhãn hiệu",
            False,
        ),
        ("BO TAI CHINH CUC HAI QUAN", False),  # too few words to judge
    ],
)
def test_pdf_text_layer_without_marks_detected(text, unmarked):
    assert (text_layer.unmarked_layer(text) is not None) == unmarked


@pytest.mark.skipif(
    __import__("shutil").which("tesseract") is None, reason="tesseract binary not installed"
)
def test_pdf_scanner_ocr_layer_without_marks_read_by_ocr():
    """A scan whose text layer lost every mark (công văn 4377/UBND-NC Lâm Đồng) is OCR'd."""
    path = Path(__file__).parents[1] / "fixtures/real/b15_orig/cv_4377_ubnd-nc_2025.pdf"
    raw = read_document(path)
    assert raw.ocr
    assert "Kính gửi" in raw.text
    assert "nh6n ddn" not in raw.text


def test_pdf_annotation_word_snapped_onto_the_blank_it_fills():
    """Công văn 12094/BNV-CCHC (real, b15): the widget draws "12094" 10 pt above the line
    "Số: /BNV-CCHC"; it is read on that line, between the label and the code."""
    from vbparse.ingest.annotations import snap_to_lines
    from vbparse.ingest.page_model import Word

    line = [Word("Số:", 84, 99, 103, 113), Word("/BNV-CCHC", 130, 99, 207, 113)]
    (snapped,) = snap_to_lines([Word("12094", 100.5, 88.55, 135.5, 102.55)], line)
    assert (snapped.top, snapped.bottom) == (99, 113)
    # A word with no blank around it on a line stays where it was drawn.
    (alone,) = snap_to_lines([Word("Ký bởi", 300, 400, 340, 412)], line)
    assert alone.top == 400

    path = Path(__file__).parents[1] / "fixtures/real/b15_orig/cv_bnv-cchc-chi-so-cchc_2025.pdf"
    assert "Số: 12094 /BNV-CCHC" in read_document(path).text.splitlines()


@pytest.mark.parametrize(
    ("name", "broken"),
    [
        # Bình Thuận's letter: its font maps N, T, H, D … to " " ("Sở ội vụ", the issuer's
        # lines blank), spaces of 0.61-0.78 em beside the real 0.25 em ones.
        ("b19_orig/cv_1925_stc-htdn_2025.pdf", True),
        ("b06_files/cv_507_ubnd-kgvx_2025.pdf", False),
        ("b19_orig/cv_604_stp-bttp_2025.pdf", False),
    ],
)
def test_pdf_letters_mapped_to_spaces_detected(name, broken):
    import pdfplumber

    path = Path(__file__).parents[1] / "fixtures/real" / name
    with pdfplumber.open(path) as pdf:
        reason = text_layer.letters_as_spaces(pdf.pages[0].chars)
    assert (reason is not None) == broken


def test_pdf_page_with_letters_drawn_as_shapes_goes_to_ocr():
    """Pages 3-4 of quyết định 2307/QĐ-UBND Sơn La (a real PDF) hold no text and no image but
    700-1,600 paths: its letters drawn as shapes. They go to OCR like a scan; a blank page or
    one holding a rule does not."""
    from types import SimpleNamespace

    drawn = SimpleNamespace(images=[], curves=[object()] * 700, rects=[])
    assert text_layer.textless_reason(drawn) == "no text layer (letters drawn as shapes)"
    assert text_layer.textless_reason(SimpleNamespace(images=[object()], curves=[], rects=[]))
    blank = SimpleNamespace(images=[], curves=[], rects=[object()] * 3)
    assert text_layer.textless_reason(blank) is None


def test_pdf_text_layer_with_foreign_letters_detected():
    """A scanner's layer that keeps some marks and reads others as letters Vietnamese has not
    ("Dà Näng", "cüa"): every page of công văn 5710/UBND-SGDĐT Đà Nẵng (real scan, b77) goes
    to OCR; the real corpus's born-digital pages do not."""
    import pdfplumber

    real_new = Path(__file__).resolve().parents[1] / "fixtures" / "real_new"
    scan = real_new / "b77_repo_scans" / "cv_5710_ubnd-sgddt_danang_2023.pdf"
    with pdfplumber.open(scan) as pdf:
        reasons = [text_layer.unmarked_layer(page.extract_text() or "") for page in pdf.pages]
    assert all(r and "letters Vietnamese has not" in r for r in reasons), reasons
    typed = real_new / "b68_repo_files"
    for path in sorted(typed.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            assert all(text_layer.unmarked_layer(p.extract_text() or "") is None for p in pdf.pages)


@pytest.mark.parametrize(
    ("name", "page", "broken"),
    [
        # BHXH Việt Nam's letter: every word holding a Vietnamese letter drawn as an image of
        # its letters, the rest kept as text ("B O HI M XÃ H I VI T NAM")
        ("b109_new_repos/cv_1923_bhxh-cntt_2024.pdf", 0, True),
        # a dotted rule of 768 one-point images under a table, the text whole
        ("b99_angiang_bentre/cv_1194_sgddt-gdcnktkdcl_angiang_2020.pdf", 2, False),
    ],
)
def test_pdf_words_drawn_as_images_detected(name, page, broken):
    import pdfplumber

    path = Path(__file__).resolve().parents[1] / "fixtures" / "real_new" / name
    with pdfplumber.open(path) as pdf:
        reason = text_layer.words_as_images(pdf.pages[page])
    assert (reason is not None) == broken
