"""Hand-made PDFs with a correct cross-reference table, for hostile inputs (issue 14)."""

from __future__ import annotations

import zlib


def pdf_file(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF whose object ``n`` (1-based) is ``objects[n - 1]``, with trailer ``/Root``."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    """A stream object's body (Flate-compressed when asked)."""
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def page_pdf(content: bytes, media_box: bytes = b"[0 0 595 842]", page_extra: bytes = b"") -> bytes:
    """One page drawing ``content`` (an uncompressed or ready stream object body)."""
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >>%s >>" % (media_box, page_extra),
            content,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def reference_loop_pdf() -> bytes:
    """The catalogue's object is a reference to a reference to itself: pdfminer's
    ``resolve1`` follows it for ever."""
    return pdf_file([b"2 0 R", b"1 0 R"])
