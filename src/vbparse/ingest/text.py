"""Plain text and Markdown: decode the bytes, never guessing silently."""

from __future__ import annotations

import codecs
from pathlib import Path

from vbparse.ingest import IngestError, RawText


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode a text file's bytes; return the text and any warnings.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read directly. Anything else is an
    ``IngestError``: a file whose encoding cannot be decided must not be guessed.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), []
    if b"\x00" in data[:4096]:
        raise IngestError("binary content (NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) and no "
            "other encoding could be decided"
        ) from exc


def read_text_file(path: Path) -> RawText:
    text, warnings = decode_text(path.read_bytes())
    if not text.strip():
        raise IngestError("no text in file")
    fmt = "md" if path.suffix.lower() == ".md" else "txt"
    return RawText(text=text, format=fmt, warnings=warnings)
