"""Plain text and Markdown: decode the bytes, never guessing silently.

Order of decisions: a BOM (UTF-8, UTF-16); UTF-16 without a BOM (told by where its zero
bytes fall); UTF-8; then the legacy Vietnamese encodings (TCVN3/ABC, VNI, VISCII), accepted
only when one of them clearly reads as Vietnamese. A UTF-8 file whose text is a legacy
encoding shown through Windows-1252 (".VnTime" text pasted as "Céng hoµ") is converted back,
with a warning. Anything else is an ``IngestError``.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from vbparse.ingest import IngestError, RawText
from vbparse.ingest.encodings import candidates, decide, describe, score_vietnamese
from vbparse.ingest.safety import check_text_size

# UTF-16 without BOM: one of the two byte positions holds most of the zero bytes.
_UTF16_ZERO_SHARE = 0.3


def _utf16_without_bom(data: bytes) -> str | None:
    """The text if ``data`` looks like BOM-less UTF-16 (LE or BE), else ``None``."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= _UTF16_ZERO_SHARE * half and even < odd / 8:
        codec = "utf-16-le"
    elif even >= _UTF16_ZERO_SHARE * half and odd < even / 8:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    printable = sum(c.isprintable() or c in "\t\r\n\f" for c in text)
    return text if printable >= 0.98 * len(text) else None


def _legacy_shown_as_cp1252(text: str) -> tuple[str, str] | None:
    """If UTF-8 ``text`` is a legacy encoding read through Windows-1252, (fixed, encoding)."""
    if text.isascii():
        return None
    # Encoded back first: a Unicode Vietnamese text fails at its first "ế" (scoring every
    # word of it first was a tenth of a text file's parse).
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:
            return None
    score, words = score_vietnamese(text)
    if words < 5 or score >= 0.5:
        return None
    best = decide(candidates(raw))
    if best is None or best.score <= score:
        return None
    return best.text, best.encoding


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode a text file's bytes; return the text and any warnings.

    Raises ``IngestError`` when the encoding cannot be decided.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), []
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise IngestError("binary content (NUL bytes), not a text document")
        return text, ["UTF-16 without a byte-order mark; read by the position of its zero bytes"]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    else:
        fixed = _legacy_shown_as_cp1252(text)
        if fixed is None:
            return text, []
        return fixed[0], [
            f"text was {fixed[1].upper()} shown through Windows-1252; converted to Unicode"
        ]
    found = candidates(data)
    best = decide(found)
    if best is None:
        raise IngestError(
            f"not valid UTF-8 ({where}) and the legacy encoding could not be decided: "
            f"{describe(found)}"
        )
    return best.text, [f"legacy {best.encoding.upper()} encoding detected and converted to Unicode"]


def read_text_file(path: Path) -> RawText:
    check_text_size(path.stat().st_size, "text file")  # before reading it into memory
    text, warnings = decode_text(path.read_bytes())
    if not text.strip():
        raise IngestError("no text in file")
    fmt = "md" if path.suffix.lower() == ".md" else "txt"
    return RawText(text=text, format=fmt, warnings=warnings)
