"""vbparse: Vietnamese government directives to structured, validated task records."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from vbparse.models import Document

__all__ = ["__version__", "parse_file", "parse_text"]


def parse_file(path: str) -> Document:
    """Read and parse one file (.txt, .md, .pdf, .docx, image) into a ``Document``."""
    from vbparse.pipeline import parse_file as _parse_file

    return _parse_file(path)


def parse_text(text: str, *, name: str = "<text>") -> Document:
    """Parse a directive already in memory as text."""
    from vbparse.pipeline import parse_text as _parse_text

    return _parse_text(text, name=name)
