"""Make the DOCX, PDF and scanned-PDF variants of each seed text in ``corpus/``.

For each ``corpus/<stem>.txt`` this writes
- ``corpus/docx/<stem>.docx``: laid out like a VPCP document (NĐ 30/2020): a borderless
  two-column header table (issuer, "Số: …", "V/v …" left; quốc hiệu and date right),
  Kính gửi, title, body paragraphs (top-level "1." items and "-" bullets as Word list
  numbering, other labels typed), Nơi nhận and signature side by side in a borderless
  table, the page number as a running header from page 2, and an appendix given as cell
  lines in the text as a real Word table with a repeated header row;
- ``corpus/pdf/<stem>.pdf``: that DOCX printed to PDF by LibreOffice;
- ``corpus/scan/<stem>.pdf``: the PDF rendered at 200 dpi, turned by a small angle, with
  speckle noise, stored as 1-bit (CCITT G4) pages in an image-only PDF.

Only what the seed says is laid out (a seed without a header or signature gets none), so the
seed's gold annotations hold for every variant. The outputs are committed: tests never need
the tools below.

Needs: python-docx, pypdfium2 and Pillow (project dependencies); LibreOffice Writer
(Debian ``libreoffice-writer-nogui``) for ``soffice --headless --convert-to pdf``; fonts with
Vietnamese glyphs metric-compatible with Times New Roman (Debian ``fonts-liberation``).

    python scripts/make_corpus_variants.py [stem ...]
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FONT = "Times New Roman"  # LibreOffice draws it with Liberation Serif (same metrics)
SCAN_DPI = 200

SEPARATOR = re.compile(r"^[-_=–—\s]{3,}$")
NUMBER_LINE = re.compile(r"^Số\s*:", re.IGNORECASE)
SUBJECT_LINE = re.compile(r"^V/v\b")
DATE_LINE = re.compile(r"^[^,]{2,40},\s*ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\d{4}")
MOTTO = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập)")
ADDRESSEE = re.compile(r"^Kính gửi\s*:")
CC = re.compile(r"^N[oơ]i nhận\s*:", re.IGNORECASE)
SIGNATURE_START = re.compile(r"^(KT\.|TM\.|TL\.|TUQ\.|Q\.)|^[A-ZĐ ,]{6,}$")
APPENDIX = re.compile(r"^PHỤ LỤC\b")
TOP_LABEL = re.compile(r"^(\d+)\.\s+")
BULLET = re.compile(r"^-\s+")
ANY_LABEL = re.compile(r"^(\d+\.|[a-zđ]\)|\(\d+\)|-)\s")
ROW_LABEL = re.compile(r"^\d+[.-]$")
DATE_CELL = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
SUB = re.compile(r"<sub>(.*?)</sub>")


@dataclass
class Layout:
    """The parts of one seed, as they are placed on the page."""

    issuer: list[str] = field(default_factory=list)
    motto: list[str] = field(default_factory=list)
    number: list[str] = field(default_factory=list)
    date: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    appendix_caption: list[str] = field(default_factory=list)
    table: list[list[str | list[str]]] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)


def clean_lines(text: str) -> list[str]:
    lines = []
    for raw in text.splitlines():
        line = re.sub(r"^#+\s*", "", raw.strip())
        lines.append(SUB.sub(r"\1", line).strip())
    return lines


def hard_wrapped(lines: list[str]) -> bool:
    """True when the text keeps a PDF's line breaks (many long lines with no final stop)."""
    filled = [x for x in lines if x]
    wrapped = [x for x in filled if len(x) >= 60 and not re.search(r"[.:;!?]$", x)]
    return len(wrapped) > 0.3 * len(filled)


def paragraphs(lines: list[str], wrapped: bool) -> list[str]:
    """Lines of a seed as paragraphs: hard-wrapped lines joined back."""
    out: list[str] = []
    broken = True  # a separator line ends the paragraph above it
    for line in lines:
        if not line:
            continue
        if SEPARATOR.match(line):
            broken = True
            continue
        if (
            wrapped
            and not broken
            and out
            and not re.search(r"[.:;!?]$", out[-1])
            and not ANY_LABEL.match(line)
            and (line[0].islower() or len(out[-1]) >= 60 or out[-1].endswith(","))
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        broken = False
    return out


def split_table(lines: list[str]) -> tuple[list[str], list[list[str | list[str]]], list[str]]:
    """Appendix cell lines -> caption, rows of cells, trailing paragraphs."""
    start = next(i for i, x in enumerate(lines) if ROW_LABEL.match(x)) if lines else 0
    first_row = start
    # The header cells are the short lines just above the first row label.
    header_start = first_row
    while header_start > 0 and lines[header_start - 1] and len(lines[header_start - 1]) < 40:
        header_start -= 1
    caption = [x for x in lines[:header_start] if x]
    header = lines[header_start:first_row]
    width = len(header)
    rows: list[list[str | list[str]]] = [list(header)]
    tail: list[str] = []
    groups: list[list[str]] = []
    for line in lines[first_row:]:
        if ROW_LABEL.match(line):
            groups.append([line])
        elif groups:
            groups[-1].append(line)
    for group in groups:
        body = group[1:]
        # Lines after an empty line at the end of the table are not cells.
        if "" in body:
            cut = body.index("")
            tail = [x for x in body[cut:] if x]
            body = body[:cut]
        date_at = next((i for i, x in enumerate(body) if DATE_CELL.match(x)), None)
        if date_at is None or date_at < 3:
            cells: list[str | list[str]] = [group[0], *body]
        else:
            cells = [group[0], body[: date_at - 2], body[date_at - 2], body[date_at - 1]]
            cells += [body[date_at], body[date_at + 1 :]]
        cells += [""] * (width - len(cells))
        rows.append(cells[:width])
    return caption, rows, tail


def layout(text: str) -> Layout:
    lines = clean_lines(text)
    wrapped = hard_wrapped(lines)
    doc = Layout()
    appendix_at = next((i for i, x in enumerate(lines) if APPENDIX.match(x)), len(lines))
    main, appendix = lines[:appendix_at], lines[appendix_at:]
    paras = paragraphs(main, wrapped)
    i = 0
    # Header: everything before the first line that is none of the header's parts.
    in_subject = False
    while i < len(paras):
        line = paras[i]
        if MOTTO.match(line):
            # The motto goes on its own line under the quốc hiệu.
            doc.motto.extend(x.strip() for x in re.split(r"\s(?=Độc lập)", line))
        elif NUMBER_LINE.match(line):
            doc.number.append(line)
        elif SUBJECT_LINE.match(line):
            doc.number.append(line)
            in_subject = True
        elif DATE_LINE.match(line):
            doc.date.append(line)
            in_subject = False
        elif not doc.number and not doc.motto and not doc.date and line.isupper() and i == 0:
            # An issuer line comes first, above the quốc hiệu.
            if i + 1 < len(paras) and (
                MOTTO.match(paras[i + 1]) or NUMBER_LINE.match(paras[i + 1])
            ):
                doc.issuer.append(line)
            else:
                break
        elif in_subject:
            doc.number[-1] += " " + line
        else:
            break
        i += 1
    if i < len(paras) and ADDRESSEE.match(paras[i]):
        doc.addressees.append(paras[i])
        i += 1
        while i < len(paras) and BULLET.match(paras[i]):
            doc.addressees.append(paras[i])
            i += 1
    cc_at = next((j for j in range(i, len(paras)) if CC.match(paras[j])), len(paras))
    body = paras[i:cc_at]
    # A title block (THÔNG BÁO + its subject) sits between header and body.
    if body and body[0].isupper() and len(body[0]) < 40:
        doc.title.append(body.pop(0))
        while body and (body[0].isupper() or not re.search(r"[.:;]$", body[0])):
            doc.title.append(body.pop(0))
            if not body or not body[0].isupper():
                break
    doc.body = body
    rest = paras[cc_at:]
    if rest:
        doc.cc.append(rest.pop(0))
        while rest and BULLET.match(rest[0]):
            doc.cc.append(rest.pop(0))
        doc.signature = rest
    if appendix:
        doc.appendix_caption = [x for x in appendix[:1]]
        caption, rows, tail = split_table(appendix[1:])
        doc.appendix_caption += caption
        doc.table = rows
        doc.tail = tail
    return doc


# --- DOCX ------------------------------------------------------------------------------


def _numbering_xml(docx_document, fmt: str, text: str) -> str:
    """Add an abstract numbering with one level and a num using it; return the numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = docx_document.part.numbering_part.element
    ids = [
        int(n.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}abstractNumId"))
        for n in numbering.findall(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}abstractNum"
        )
    ]
    abstract_id = max(ids, default=0) + 10
    num_ids = [
        int(n.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}numId"))
        for n in numbering.findall(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num"
        )
    ]
    num_id = max(num_ids, default=0) + 10
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        '<w:suff w:val="space"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl></w:abstractNum>'
    )
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return str(num_id)


def _set_num(paragraph, num_id: str) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _page_number_header(section) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    run2 = paragraph.add_run()
    run2._r.append(
        parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>')
    )
    run3 = paragraph.add_run()
    run3._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def _no_borders(table) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    sides = "".join(
        f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table._tbl.tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{sides}</w:tblBorders>"))


def _cell_lines(
    cell,
    lines: list[str],
    *,
    bold: bool = False,
    center: bool = True,
    italic: bool = False,
    size: float = 13,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    first = True
    for line in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.bold = bold
        run.italic = italic
        run.font.size = Pt(size)


def build_docx(doc: Layout, out: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT  # noqa: F401  (portrait, as VPCP prints)
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    _page_number_header(section)

    if doc.issuer or doc.motto or doc.number or doc.date:
        table = document.add_table(rows=2, cols=2)
        _no_borders(table)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.columns[0].width = Cm(6.0)
        table.columns[1].width = Cm(10.0)
        for row in table.rows:
            row.cells[0].width, row.cells[1].width = Cm(6.0), Cm(10.0)
        if doc.issuer:
            _cell_lines(table.cell(0, 0), doc.issuer, bold=True)
        if doc.motto:
            _cell_lines(table.cell(0, 1), doc.motto, bold=True, size=12)
        if doc.number:
            _cell_lines(table.cell(1, 0), doc.number, size=12)
        if doc.date:
            _cell_lines(table.cell(1, 1), doc.date, italic=True)
    if doc.addressees:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(doc.addressees[0])
        for line in doc.addressees[1:]:
            paragraph = document.add_paragraph(line)
            paragraph.paragraph_format.left_indent = Cm(3)
            paragraph.paragraph_format.space_after = Pt(0)
    for line in doc.title:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(line).bold = True

    top_numbers = [int(m.group(1)) for x in doc.body if (m := TOP_LABEL.match(x))]
    use_top_numbering = top_numbers == list(range(1, len(top_numbers) + 1)) and top_numbers
    top_num = _numbering_xml(document, "decimal", "%1.") if use_top_numbering else None
    bullet_num = _numbering_xml(document, "bullet", "-")
    for line in doc.body:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.paragraph_format.space_after = Pt(6)
        if top_num and TOP_LABEL.match(line):
            _set_num(paragraph, top_num)
            line = TOP_LABEL.sub("", line, count=1)
        elif BULLET.match(line):
            _set_num(paragraph, bullet_num)
            line = BULLET.sub("", line, count=1)
        paragraph.add_run(line)

    if doc.cc or doc.signature:
        table = document.add_table(rows=1, cols=2)
        _no_borders(table)
        cc_cell, sign_cell = table.rows[0].cells
        cc_cell.width, sign_cell.width = Cm(7.5), Cm(8.5)
        if doc.cc:
            _cell_lines(cc_cell, doc.cc[:1], bold=True, italic=True, center=False, size=12)
            for line in doc.cc[1:]:
                paragraph = cc_cell.add_paragraph()
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.add_run(line).font.size = Pt(11)
        if doc.signature:
            _cell_lines(sign_cell, doc.signature[:-1], bold=True)
            for _ in range(3):
                sign_cell.add_paragraph()
            paragraph = sign_cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(doc.signature[-1]).bold = True

    if doc.table:
        paragraph = document.add_paragraph()
        paragraph.add_run().add_break(WD_BREAK.PAGE)
        for j, line in enumerate(doc.appendix_caption):
            paragraph = document.add_paragraph() if j else paragraph
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(line)
            run.bold = j < 2
            run.italic = j >= 2
        width = len(doc.table[0])
        table = document.add_table(rows=len(doc.table), cols=width)
        table.style = document.styles["Table Grid"]
        widths = [Cm(1.0), Cm(4.4), Cm(3.6), Cm(2.6), Cm(1.8), Cm(2.6)][:width]
        for c, column in enumerate(table.columns):
            column.width = widths[c] if c < len(widths) else Cm(2)
        for r, cells in enumerate(doc.table):
            row = table.rows[r]
            if r == 0:
                row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
            for c, value in enumerate(cells):
                cell = row.cells[c]
                cell.width = widths[c] if c < len(widths) else Cm(2)
                lines = value if isinstance(value, list) else [value]
                _cell_lines(
                    cell, lines or [""], bold=(r == 0), center=(r == 0 or c in (0, 4)), size=10
                )
        for line in doc.tail:
            document.add_paragraph(line)
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))


# --- PDF and scan ----------------------------------------------------------------------


def build_pdf(docx_path: Path, out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui fonts-liberation")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.move(str(Path(tmp) / (docx_path.stem + ".pdf")), out)


def build_scan(pdf_path: Path, out: Path, seed: str) -> None:
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    pages = []
    pdf = pdfium.PdfDocument(str(pdf_path))
    for page in pdf:
        image = page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
        angle = rng.uniform(-1.2, 1.2)
        image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
        image = image.filter(ImageFilter.GaussianBlur(0.5))
        pixels = image.load()
        width, height = image.size
        for _ in range(width * height // 3000):
            x, y = rng.randrange(width), rng.randrange(height)
            pixels[x, y] = rng.choice((0, 60, 200))
        # 1-bit pages: the PDF stores them CCITT G4-compressed (Pillow with libtiff).
        pages.append(image.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.NONE))
    pdf.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(
        out,
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=SCAN_DPI,
    )


def main(stems: list[str]) -> None:
    for txt in sorted(CORPUS.glob("*.txt")):
        if stems and txt.stem not in stems:
            continue
        doc = layout(txt.read_text(encoding="utf-8"))
        docx_path = CORPUS / "docx" / f"{txt.stem}.docx"
        build_docx(doc, docx_path)
        pdf_path = CORPUS / "pdf" / f"{txt.stem}.pdf"
        build_pdf(docx_path, pdf_path)
        scan_path = CORPUS / "scan" / f"{txt.stem}.pdf"
        build_scan(pdf_path, scan_path, txt.stem)
        sizes = ", ".join(
            f"{p.parent.name} {p.stat().st_size // 1024} KB"
            for p in (docx_path, pdf_path, scan_path)
        )
        print(f"{txt.stem}: {sizes}")


if __name__ == "__main__":
    main(sys.argv[1:])
