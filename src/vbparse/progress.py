"""The progress display of a batch run (rich), on stderr, only on a terminal and not with -q.

``[done/total] percent, docs/s, failures``, the time elapsed and left, and the file being
waited for. rich redraws it from its own thread several times a second, so the elapsed time
and the spinner keep moving while one slow file (an OCR scan) holds the path-ordered writer.
Lines printed meanwhile (errors, warnings) go above the display, never through it.
"""

from __future__ import annotations

import time
from typing import IO, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

# Longer file names are cut from the left: the end of a path says most.
_NAME_WIDTH = 40


class _RateColumn(ProgressColumn):
    """``[done/total] percent  N docs/s, M failed`` (the wording scripts and tests look for)."""

    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started

    def render(self, task: Any) -> Text:
        done, total = int(task.completed), int(task.total or 0)
        rate = done / max(time.monotonic() - self.started, 1e-9)
        width = len(str(total))
        percent = 100 * done / total if total else 100.0
        return Text(
            f"[{done:{width}d}/{total}] {percent:3.0f}% {rate:.1f} docs/s, "
            f"{task.fields.get('failed', 0)} failed"
        )


class BatchProgress:
    """A live display while ``active``; every method is a no-op otherwise."""

    def __init__(self, stream: IO[str], active: bool, total: int) -> None:
        self.active = active
        self.total = total
        self._progress: Progress | None = None
        self._task: Any = None
        if active:
            console = Console(file=stream, force_terminal=True, highlight=False)
            self._progress = Progress(
                SpinnerColumn(),
                _RateColumn(time.monotonic()),
                BarColumn(bar_width=10),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                TextColumn("{task.description}"),
                console=console,
                transient=True,
                refresh_per_second=8,
                redirect_stdout=False,
                redirect_stderr=False,
            )

    def __enter__(self) -> BatchProgress:
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("", total=self.total, failed=0)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def waiting_for(self, name: str) -> None:
        """Name the file the run is waiting for now."""
        if self._progress is not None:
            short = name if len(name) <= _NAME_WIDTH else "…" + name[-(_NAME_WIDTH - 1) :]
            self._progress.update(self._task, description=short)

    def show(self, done: int, failed: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done, failed=failed)

    def print(self, line: str) -> bool:
        """Print ``line`` above the display; False when there is no display to print through."""
        if self._progress is None:
            return False
        self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        return True

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.refresh()
            self._progress.stop()
            self._progress = None
