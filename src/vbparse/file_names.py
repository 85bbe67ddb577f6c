"""File names as record text (issue 14): any name works, whatever its bytes.

POSIX file names are bytes; Python shows the bytes that are not UTF-8 as lone surrogates,
which JSON written as UTF-8 cannot hold ("surrogates not allowed"). A record carries
``display_path(path)`` instead: the name as UTF-8, with each byte that is not UTF-8 written
``\\xNN`` (and a backslash that starts such a sequence written ``\\x5c``), so that
``path_from_display`` gives back the very same file name.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_ESCAPE = re.compile(rb"\\x([0-9a-f]{2})")
_LOOKS_ESCAPED = re.compile(rb"\\(?=x[0-9a-f]{2})")


def display_path(path: str | Path) -> str:
    """``path`` as text that is valid UTF-8 and round-trips (see the module docstring)."""
    raw = os.fsencode(path)
    raw = _LOOKS_ESCAPED.sub(rb"\\x5c", raw)
    return raw.decode("utf-8", "backslashreplace")


def path_from_display(text: str) -> Path:
    """The file name that ``display_path`` showed as ``text``."""
    raw = _ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), text.encode("utf-8"))
    return Path(os.fsdecode(raw))
