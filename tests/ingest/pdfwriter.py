"""A tiny PDF writer for tests: Vietnamese text lines on one page and annotations whose
appearance streams draw text, with no PDF library.

Text uses Helvetica with a ``/Differences`` encoding that gives each non-ASCII character a
code from 128 up and its ``uniXXXX`` glyph name (which PDF readers map back to Unicode), and
explicit ``/Widths`` so that readers space the letters as a real font would.
"""

from __future__ import annotations

import zlib

from hostile.pdfbytes import pdf_file

WIDTH = 500  # every glyph 0.5 em wide


def _encode(text: str, codes: dict[str, int]) -> bytes:
    out = bytearray()
    for ch in text:
        if ord(ch) < 128:
            out.append(ord(ch))
        else:
            if ch not in codes:
                codes[ch] = 128 + len(codes)
            out.append(codes[ch])
    escaped = bytes(out).replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + escaped + b")"


def _text_ops(lines: list[tuple[float, float, str]], size: int, codes: dict[str, int]) -> bytes:
    ops = b""
    for x, y, text in lines:
        ops += (
            b"BT /F1 %d Tf 1 0 0 1 %.2f %.2f Tm " % (size, x, y)
            + _encode(text, codes)
            + b" Tj ET\n"
        )
    return ops


def make_pdf(
    lines: list[tuple[float, float, str]],
    annotations: list[tuple[tuple[float, float, float, float], str, str]] = (),
    size: int = 11,
) -> bytes:
    """``lines``: (x, y, text) in points from the bottom left of an A4 page;
    ``annotations``: ((x0, y0, x1, y1), subtype, text) each drawing ``text`` in its box."""
    codes: dict[str, int] = {}
    content = _text_ops(lines, size, codes)
    appearances = []
    for (x0, y0, _x1, _y1), _, text in annotations:
        appearances.append(_text_ops([(x0 + 1, y0 + 2, text)], size, codes))
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: bytes = b"") -> bytes:
        packed = zlib.compress(data)
        return (
            b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), extra)
            + packed
            + b"\nendstream"
        )

    differences = b" ".join(
        b"%d /uni%04X" % (code, ord(ch)) for ch, code in sorted(codes.items(), key=lambda kv: kv[1])
    )
    font = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255 "
        b"/Widths [" + b" ".join([b"%d" % WIDTH] * 224) + b"] "
        b"/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences ["
        + differences
        + b"] >> >>"
    )
    resources = b"<< /Font << /F1 %d 0 R >> >>" % font
    catalog = add(b"")  # filled below
    pages = add(b"")
    annots = []
    for ((x0, y0, x1, y1), subtype, _), ap in zip(annotations, appearances, strict=True):
        form = add(
            stream(
                ap,
                b"/Type /XObject /Subtype /Form /BBox [%.2f %.2f %.2f %.2f] /Resources %s"
                % (x0, y0, x1, y1, resources),
            )
        )
        extra = b"/FT /Sig " if subtype == "Widget" else b""
        annots.append(
            add(
                b"<< /Type /Annot /Subtype /%s %s/Rect [%.2f %.2f %.2f %.2f] /AP << /N %d 0 R >> >>"
                % (subtype.encode(), extra, x0, y0, x1, y1, form)
            )
        )
    contents = add(stream(content))
    annot_refs = b" ".join(b"%d 0 R" % a for a in annots)
    page = add(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s "
        b"/Contents %d 0 R /Annots [%s] >>" % (pages, resources, contents, annot_refs)
    )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
    objects[pages - 1] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page
    return pdf_file(objects, root=catalog)
