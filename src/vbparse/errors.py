"""The exceptions of vbparse's Python API; each is a ``VbparseError``.

``IngestError``: a file could not be read (empty, binary, encrypted PDF, …).
``StageError``: a stage of the pipeline could not go on (``.stage`` names it).
``GrammarError``: a grammar file is missing or malformed (``file:line: problem``).
The batch functions never raise them: a failed file becomes an ``ErrorRecord``.
"""

from __future__ import annotations


class VbparseError(Exception):
    """Base class of every exception vbparse raises on purpose."""
