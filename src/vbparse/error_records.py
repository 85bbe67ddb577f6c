"""The error records of a file that ran out of a limit: memory (``--max-memory``) or a
pattern's time (``--timeout``). ``parse_path`` gives them, with the stage a pattern timed out
in, so the batch goes on and the record says which option to raise."""

from __future__ import annotations

from vbparse.models import ErrorRecord

__all__ = ["out_of_memory", "pattern_timed_out"]


def out_of_memory(shown: str) -> ErrorRecord:
    """The record of the file shown as ``shown`` that needed more memory than the limit."""
    return ErrorRecord(
        path=shown,
        error="out of memory: the file needs more than the limit (--max-memory)",
        stage="memory",
    )


def pattern_timed_out(shown: str, stage: str) -> ErrorRecord:
    """The record of the file shown as ``shown`` whose pattern matching in ``stage`` took
    longer than the file's time."""
    return ErrorRecord(
        path=shown,
        error=f"pattern timed out in {stage}: matching took longer than the file's time "
        "(--timeout)",
        stage="timeout",
    )
