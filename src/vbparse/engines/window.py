"""The window every engine hands out files through: how far past the first unfinished file an
engine may start, so that the reorder buffer of ``vbparse.batch`` stays small."""

from __future__ import annotations

__all__ = ["Window"]


class Window:
    """Which file an engine may start next: never one ``size`` or more places past the first
    unfinished file, so that at most ``size`` finished results wait in the reorder buffer."""

    def __init__(self, total: int, size: int) -> None:
        self.total = total
        self.size = max(1, size)
        self.next = 0  # the next index to hand out
        self.first_open = 0  # the first index not finished yet
        self._finished: set[int] = set()

    def take(self) -> int | None:
        """The next index to start, or None when the window is full or all are started."""
        if self.next >= self.total or self.next >= self.first_open + self.size:
            return None
        self.next += 1
        return self.next - 1

    def finish(self, index: int) -> None:
        self._finished.add(index)
        while self.first_open in self._finished:
            self._finished.remove(self.first_open)
            self.first_open += 1

    @property
    def done(self) -> bool:
        return self.first_open >= self.total
