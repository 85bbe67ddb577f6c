"""The hostile-input catalogue (issue 14): broken and hostile files made on the fly, each with
the outcome vbparse must give (an error record of a stage with words in its reason, or a
parse, possibly with a warning). Nothing is downloaded; big inputs are written into the
folder given, and are sparse or compressed where the format allows.

    python tests/hostile/catalogue.py OUT_DIR     # write the inputs, list them with outcomes
"""

from __future__ import annotations

import io
import os
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hostile.pdfbytes import page_pdf, pdf_file, reference_loop_pdf, stream

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seeds" / "001_2f45181cd87af165.txt"
GOOD_DOCX = FIXTURES / "real" / "b06_files" / "cv_ubnd-nc-cai-nghien_2025.docx"
# Good real documents mixed into the batch: none may be lost or changed.
GOOD = [
    FIXTURES / "real" / "b07_md_local" / "qd_1209_qd-ubnd_2013.txt",
    FIXTURES / "real" / "b06_files" / "tb_565_tb-ubnd_2024.pdf",
    GOOD_DOCX,
]
MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One hostile input: file ``name`` written by ``make``; ``outcome`` is ``error`` (an
    error record of ``stage`` whose reason holds ``says``), ``warning`` (parsed, with a
    warning holding ``says``) or ``parse``."""

    name: str
    make: Callable[[Path], None]
    outcome: str
    stage: str | None = "ingest"  # None: any stage (the outcome depends on the machine)
    says: str = ""


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _text(make: Callable[[], str]) -> Callable[[Path], None]:
    return lambda path: path.write_text(make(), encoding="utf-8")


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)

    return make


def _random_bytes(n: int, low: int = 0x80) -> bytes:
    rng = random.Random(14)
    return bytes(rng.randrange(low, 256) for _ in range(n))


# --- PDF -------------------------------------------------------------------------------


def _flate_bomb(path: Path) -> None:
    """A page whose content stream inflates to 300 MB (about 300 KB on disk)."""
    packer = zlib.compressobj(9)
    chunk = b" " * MB
    packed = b"".join(packer.compress(chunk) for _ in range(300)) + packer.flush()
    path.write_bytes(
        page_pdf(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
            + packed
            + b"\nendstream"
        )
    )


def _image_page(media_box: bytes, page_extra: bytes = b"") -> bytes:
    """A page with no text and a small image (so vbparse sends it to OCR)."""
    pixels = bytes([0xFF] * 64)
    image = stream(
        pixels,
        b" /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8",
    )
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R"
            b" /Resources << /XObject << /Im1 5 0 R >> >>%s >>" % (media_box, page_extra),
            stream(b"q 100 0 0 100 0 0 cm /Im1 Do Q"),
            image,
        ]
    )


def _encrypted_pdf() -> bytes:
    body = page_pdf(stream(b"BT /F1 12 Tf 72 720 Td (secret) Tj ET"))
    encrypt = (
        b"/Encrypt << /Filter /Standard /V 1 /R 2 /O <"
        + b"ab" * 32
        + b"> /U <"
        + b"cd" * 32
        + b"> /P -4 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
    )
    return body.replace(b"/Root 1 0 R >>", b"/Root 1 0 R " + encrypt + b" >>")


def _seed_pdf() -> bytes:
    return page_pdf(stream(b"BT /F1 12 Tf 72 720 Td (Cong van so 1) Tj ET"))


def _deep_arrays_pdf() -> bytes:
    depth = 100_000
    return page_pdf(stream(b"[" * depth + b"]" * depth))


def _many_pages_pdf(count: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
    ]
    content = 3 + count
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
        b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (content, content + 1)
        for _ in range(count)
    ]
    objects.append(stream(b"BT /F1 12 Tf 72 720 Td (Trang) Tj ET"))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf_file(objects)


# --- DOCX ------------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
    '"word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(document_xml: str | bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _paragraphs(lines: list[str], prolog: str = "") -> str:
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{line}</w:t></w:r></w:p>' for line in lines
    )
    head = f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{_W}">'
    return f"{head}<w:body>{body}</w:body></w:document>"


def _docx_bomb(path: Path) -> None:
    """document.xml that inflates to 300 MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<w:document xmlns:w="{_W}"><w:body>'.encode())
            block = b" " * MB
            for _ in range(300):
                member.write(block)
            member.write(b"</w:body></w:document>")


def _xxe_docx() -> bytes:
    prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    lines = [line.replace("&", "&amp;") for line in _seed_text().splitlines()] + ["&xxe;"]
    return _docx(_paragraphs(lines, prolog))


def _laughs_docx() -> bytes:
    entities = '<!ENTITY l0 "ha">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    return _docx(_paragraphs(["&l9;"], f"<!DOCTYPE w:document [{entities}]>"))


def _zip_slip_docx() -> bytes:
    buffer = io.BytesIO(GOOD_DOCX.read_bytes())
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("../../../../tmp/vbparse-zip-slip", b"owned")
        archive.writestr("/etc/vbparse-absolute", b"owned")
    return buffer.getvalue()


# --- images ----------------------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    """A 1-bit white PNG of ``width`` × ``height`` (a few KB whatever its size)."""
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def _tiff_frames(path: Path, frames: int = 100, side: int = 10_000) -> None:
    """``frames`` white 1-bit frames of ``side`` × ``side`` pixels sharing one uncompressed
    strip, written as a hole at the end of the file (sparse: no disk used)."""
    tags = 9
    ifd_size = 2 + tags * 12 + 4
    strip = 8 + frames * ifd_size
    strip_bytes = (side + 7) // 8 * side
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for index in range(frames):
        entries = [
            (256, 4, side),  # ImageWidth, LONG
            (257, 4, side),  # ImageLength
            (258, 3, 1),  # BitsPerSample, SHORT
            (259, 3, 1),  # Compression: none
            (262, 3, 0),  # PhotometricInterpretation: WhiteIsZero
            (273, 4, strip),  # StripOffsets
            (277, 3, 1),  # SamplesPerPixel
            (278, 4, side),  # RowsPerStrip
            (279, 4, strip_bytes),  # StripByteCounts
        ]
        out += struct.pack("<H", tags)
        for tag, kind, value in entries:
            out += struct.pack("<HHII", tag, kind, 1, value)
        following = 8 + (index + 1) * ifd_size if index + 1 < frames else 0
        out += struct.pack("<I", following)
    with path.open("wb") as handle:
        handle.write(out)
        handle.truncate(strip + strip_bytes)


# --- the catalogue ---------------------------------------------------------------------


def _utf16_no_bom(path: Path) -> None:
    path.write_bytes(_seed_text().encode("utf-16-le"))


def _noisy_seed() -> str:
    """The seed with zero-width, bidi-override and control characters sprinkled in."""
    text = _seed_text()
    noise = ["\u200b", "\u202e", "\u2066", "\x07", "\ufeff", "\u00ad"]
    return "".join(ch + noise[i % len(noise)] if i % 37 == 0 else ch for i, ch in enumerate(text))


CASES: list[Case] = [
    # text
    Case("t01_empty.txt", _write(b""), "error", says="empty file"),
    Case("t02_whitespace.txt", _write(b" \n\t\n  " * 100), "error", says="no text"),
    Case("t03_bom_only.txt", _write(b"\xef\xbb\xbf"), "error", says="no text"),
    Case("t04_nul_bytes.txt", _write(b"\x00\x01\x02\x03" * 1000), "error", says="binary"),
    Case(
        "t05_random_high_bytes.txt", _write(_random_bytes(20_000)), "error", says="not valid UTF-8"
    ),
    Case("t06_sparse_300mb.txt", _sparse(300 * MB), "error", says="--max-text-mb"),
    Case(
        "t07_not_a_directive.txt",
        _text(lambda: "Danh sách mua sắm: bút, giấy.\n"),
        "error",
        stage="segment",
        says="not a directive",
    ),
    Case(
        "t08_one_line_600k.txt",
        _text(lambda: "ab " * 200_000),
        "error",
        stage="segment",
        says="not a directive",
    ),
    Case(
        "t09_spaces_1mb.txt",
        _text(lambda: "a" + " " * MB + "b"),
        "error",
        stage="segment",
        says="not a directive",
    ),
    Case(
        "t10_one_word_200k.txt",
        _text(lambda: "hoà" * 70_000),
        "error",
        stage="segment",
        says="not a directive",
    ),
    Case(
        "t11_newlines_200k.txt",
        _text(lambda: "\n" * 200_000 + "x"),
        "error",
        stage="segment",
        says="not a directive",
    ),
    Case(
        "t12_bars_200k.md",
        _text(lambda: "|" * 200_000),
        "error",
        stage="segment",
        says="not a directive",
    ),
    Case(
        "t13_table_rows.md",
        _text(lambda: "| Bộ Y tế | Bộ Tài chính |\n" * 3_000),
        "error",
        stage="segment",
        says="not a directive",
    ),
    Case(
        "t14_utf16_without_bom.txt",
        _utf16_no_bom,
        "warning",
        says="UTF-16 without a byte-order mark",
    ),
    Case("t15_invisible_characters.txt", _text(_noisy_seed), "parse"),
    Case(
        "t16_html_script.md",
        _text(lambda: "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n" + _seed_text()),
        "parse",
    ),
    Case(
        "t17_many_items.txt",
        _text(
            lambda: (
                _seed_text()
                + "".join(
                    f"{i}. Bộ Y tế chủ trì, phối hợp với Bộ Tài chính báo cáo trước ngày "
                    "31/12/2025.\n"
                    for i in range(1, 3001)
                )
            )
        ),
        "parse",
    ),
    Case(
        "t18_deep_labels.txt",
        _text(
            lambda: "".join(
                ".".join(["1"] * depth) + ". Bộ Y tế thực hiện.\n" for depth in range(1, 400)
            )
        ),
        "parse",
    ),
    Case(
        "t19_legacy_noise.txt",
        _write(bytes(range(0x80, 0x100)) * 50),
        "error",
        says="not valid UTF-8",
    ),
    # HTML (a saved web page)
    Case("h01_binary.html", _write(bytes(range(256)) * 40), "error", says="binary content"),
    Case(
        "h02_deep_nesting.html",
        _text(lambda: "<html><body>" + "<div>" * 20_000 + "Kính gửi" + "</div>" * 20_000),
        "error",
        says="web page with no text",
    ),
    Case(
        "h03_entity_expansion.html",
        _text(
            lambda: (
                '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
                "<html><body><p>&b;&b;&b;&b;</p></body></html>"
            )
        ),
        "error",
        stage="segment",
        says="not a directive",
    ),
    Case(
        "h04_script_and_seed.html",
        _text(lambda: "<script>alert(1)</script><pre>" + _seed_text() + "</pre>"),
        "parse",
    ),
    # PDF
    Case(
        "p01_reference_loop.pdf", _write(reference_loop_pdf()), "error", says="could not be read in"
    ),
    Case(
        "p02_truncated.pdf",
        lambda p: p.write_bytes((GOOD[1]).read_bytes()[:300]),
        "error",
        says="PDF",
    ),
    Case("p03_text_named_pdf.pdf", _text(lambda: "this is not a PDF\n"), "error", says="PDF"),
    Case("p04_encrypted.pdf", _write(_encrypted_pdf()), "error", says="encrypted"),
    Case(
        "p05_no_pages.pdf",
        _write(
            pdf_file(
                [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
            )
        ),
        "error",
        says="no pages",
    ),
    Case("p06_flate_bomb.pdf", _flate_bomb, "error", says="Flate bomb"),
    Case(
        "p07_page_200_inches.pdf",
        _write(_image_page(b"[0 0 14400 14400]")),
        "error",
        says="no text in PDF",
    ),
    Case(
        "p08_huge_user_unit.pdf",
        _write(_image_page(b"[0 0 595 842]", b" /UserUnit 75000")),
        "error",
        says="no text in PDF",
    ),
    Case("p09_deep_arrays.pdf", _write(_deep_arrays_pdf()), "error", says="PDF"),
    Case(
        "p10_150_pages.pdf",
        _write(_many_pages_pdf(150)),
        "error",
        stage="segment",
        says="not a directive",
    ),
    Case(
        "p11_xref_past_end.pdf",
        _write(_seed_pdf().replace(b"startxref\n", b"startxref\n99999")),
        "error",
        stage="segment",
        says="not a directive",  # pdfminer finds the objects by scanning the file
    ),
    Case(
        "p12_garbage_after_header.pdf",
        _write(b"%PDF-1.7\n" + _random_bytes(50_000, 0)),
        "error",
        says="PDF",
    ),
    # DOCX
    Case("d01_document_xml_bomb.docx", _docx_bomb, "error", says="zip bomb"),
    Case("d02_not_a_zip.docx", _text(lambda: "plain text\n"), "error", says="not a zip"),
    Case(
        "d03_zip_without_document.docx",
        _write(_docx("").replace(b"word/document.xml", b"word/elsewhere.xml")),
        "error",
        says="not a valid .docx",
    ),
    Case(
        "d04_ole_header.docx",
        _write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000),
        "error",
        says="encrypted",
    ),
    Case("d05_xxe_etc_passwd.docx", _write(_xxe_docx()), "parse"),
    Case("d06_billion_laughs.docx", _write(_laughs_docx()), "error", says="not a valid .docx"),
    Case("d07_zip_slip_names.docx", _write(_zip_slip_docx()), "parse"),
    Case(
        "d08_empty_paragraphs.docx",
        _write(_docx(_paragraphs([""] * 5_000))),
        "error",
        says="no text",
    ),
    Case(
        "d09_truncated.docx",
        lambda p: p.write_bytes(GOOD_DOCX.read_bytes()[:5000]),
        "error",
        says=".docx",
    ),
    Case("d10_legacy_doc_garbage.doc", _write(_random_bytes(5000, 0)), "error", stage=None),
    # images
    Case("i01_png_13000_square.png", _write(_png(13_000, 13_000)), "error", says="million pixels"),
    Case("i02_tiff_100_big_frames.tif", _tiff_frames, "error", says="million pixels"),
    Case("i03_truncated.png", lambda p: p.write_bytes(_png(100, 100)[:40]), "error", says="image"),
    Case(
        "i04_text_named_jpg.jpg",
        _text(lambda: "not an image\n"),
        "error",
        says="not a readable image",
    ),
    # file names
    Case(os.fsdecode(b"n01_name_\xff\xfe_latin1_\xe9.txt"), _text(_seed_text), "parse"),
    Case("n02_name with spaces & $(echo quotes) 'x'.txt", _text(_seed_text), "parse"),
]


def make_catalogue(folder: Path) -> list[Path]:
    """Write every case into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in CASES:
        path = folder / case.name
        case.make(path)
        paths.append(path)
    return paths


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-inputs")
    for case, path in zip(CASES, make_catalogue(out), strict=True):
        expected = case.outcome if case.outcome != "error" else f"error ({case.stage}: {case.says})"
        print(f"{path.stat().st_size:>11,d}  {os.fsencode(path.name)!r:60}  {expected}")
