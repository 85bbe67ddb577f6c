"""Nothing silent: what a batch run tells the analyst about the documents it read.

Per document, as it is written: a file cut short at a page or time limit (a warning, shown
unless ``-qq``), a duplicate (same number and date as an earlier file of the run: a warning,
and ``duplicate_of`` in its records), and with ``-v`` each of its warnings. At the end: the
documents that gave no task, listed, and how many warnings there were.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vbparse.batch import JsonLines
from vbparse.console import Environment


@dataclass
class RunLog:
    env: Environment
    no_tasks: list[str] = field(default_factory=list)
    warnings: int = 0
    warned_documents: int = 0
    duplicates: int = 0
    _first: dict[tuple[str, str], str] = field(default_factory=dict)

    def duplicate_of(self, path: str, number: str | None, date: str | None) -> str | None:
        """The earlier file of this run with the same number and date as ``path``, if any."""
        if not number or not date:
            return None
        first = self._first.setdefault((number, date), path)
        return None if first == path else first

    def document(self, path: str, parsed: JsonLines, duplicate_of: str | None) -> None:
        """Report one document as it is written."""
        for message in parsed.cut:
            self.env.warning(f"{path}: cut short: {message}")
        if duplicate_of:
            self.duplicates += 1
            self.env.warning(
                f"{path}: the same document as {duplicate_of} "
                f"({parsed.number}, {parsed.date}); its records say duplicate_of"
            )
        if parsed.tasks == 0:
            self.no_tasks.append(path)
        if parsed.warnings:
            self.warnings += len(parsed.warnings)
            self.warned_documents += 1
        for message in parsed.warnings:
            self.env.detail(f"warning: {path}: {message}")

    def summary(self) -> list[str]:
        """The lines after the counts: documents with no task, warnings, duplicates."""
        lines = []
        if self.no_tasks:
            lines.append(f"{len(self.no_tasks)} documents gave no task:")
            lines += [f"  {path}" for path in self.no_tasks]
        if self.warnings:
            hint = "" if self.env.verbose else " (-v shows them)"
            lines.append(f"{self.warnings} warnings in {self.warned_documents} documents{hint}")
        if self.duplicates:
            lines.append(
                f"{self.duplicates} documents are duplicates of an earlier file "
                "(same number and date)"
            )
        return lines
