"""vbparse: Vietnamese government directives to structured, validated task records.

The public API (see README, "From Python"): ``parse_file``, ``parse_text``, ``parse_files``
(a batch, yielding a ``Document`` or an ``ErrorRecord`` per file), ``ParseOptions`` and
``ReadLimits``, the exceptions (``VbparseError`` and its subclasses) and ``load_schema``.
Everything else is internal and may change in any release.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vbparse.errors import VbparseError

__version__ = "0.1.0"

if TYPE_CHECKING:
    from vbparse.grammars import GrammarError
    from vbparse.ingest import IngestError, ReadLimits
    from vbparse.models import Document, ErrorRecord
    from vbparse.pipeline import ParseOptions, StageError

__all__ = [
    "GrammarError",
    "IngestError",
    "ParseOptions",
    "ReadLimits",
    "StageError",
    "VbparseError",
    "__version__",
    "load_schema",
    "parse_file",
    "parse_files",
    "parse_text",
]

# Imported on first use, so that ``import vbparse`` stays light.
_LAZY = {
    "GrammarError": "vbparse.grammars",
    "IngestError": "vbparse.ingest",
    "ReadLimits": "vbparse.ingest",
    "ParseOptions": "vbparse.pipeline",
    "StageError": "vbparse.pipeline",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'vbparse' has no attribute {name!r}")


def parse_file(path: str | Path, options: ParseOptions | None = None) -> Document:
    """Read and parse one file (.txt, .md, .pdf, .docx, image) into a ``Document``.

    Raises ``IngestError`` (the file cannot be read) or ``StageError`` (a stage failed).
    """
    from vbparse.pipeline import parse_file as _parse_file

    return _parse_file(path, options)


def parse_text(text: str, *, name: str = "<text>", options: ParseOptions | None = None) -> Document:
    """Parse a directive already in memory as text."""
    from vbparse.pipeline import parse_text as _parse_text

    return _parse_text(text, name=name, options=options)


def parse_files(
    paths: Iterable[str | Path],
    options: ParseOptions | None = None,
    *,
    workers: int = 0,
    timeout: float | None = None,
) -> Iterator[Document | ErrorRecord]:
    """Parse files and folders (searched recursively), yielding one ``Document`` or
    ``ErrorRecord`` per file, in path order, as each is ready; never raises for a bad file.

    ``workers``: worker processes (0: in this process); ``timeout``: seconds per file
    (needs ``workers`` ≥ 1). A path that does not exist raises ``FileNotFoundError``.
    """
    from vbparse.batch import MissingPath, discover, parse_all

    try:
        files = discover([Path(p) for p in paths])
    except MissingPath as exc:
        raise FileNotFoundError(str(exc)) from None
    for _path, result in parse_all(files, workers, timeout=timeout, options=options):
        yield result


def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema shipped with this version: ``document``, ``task`` or ``error``."""
    from vbparse.schema import load_schema as _load_schema

    return _load_schema(name)
