"""The lines around a break, read from the text without splitting it all: a window of the
text before a break, and the lines from it on (normalize/unwrap.py asks them at every break)."""

from __future__ import annotations

__all__ = ["ITEM_LINES", "double_spaced", "line_at", "line_before", "lines_before", "lines_from"]

# How many lines one wrapped list item may run to.
ITEM_LINES = 4
# How far back the lines before a break are read.
_WINDOW = 2000


def lines_from(source: str, at: int, count: int) -> list[str]:
    """The first ``count`` lines from ``at`` (``source[at:].split("\n", count)[:count]``)."""
    lines = []
    for _ in range(count):
        cut = source.find("\n", at)
        if cut < 0:
            lines.append(source[at:])
            break
        lines.append(source[at:cut])
        at = cut + 1
    return lines


def line_before(source: str, at: int) -> str:
    """``lines_before(source, at)[-1]``, found without splitting the window."""
    opening = max(0, at - _WINDOW)
    cut = source.rfind("\n", opening, at)
    return source[cut + 1 if cut >= 0 else opening : at]


def lines_before(source: str, at: int) -> list[str]:
    """The last ``ITEM_LINES`` lines before ``at``, within ``_WINDOW`` characters."""
    # rsplit: only the last lines are split off (a split of the whole window per break made
    # joining quadratic in the line count).
    window = source[max(0, at - _WINDOW) : at]
    return window.rsplit("\n", ITEM_LINES)[-ITEM_LINES:]


def line_at(source: str, start: int) -> str:
    end = source.find("\n", start)
    return source[start : end if end >= 0 else len(source)]


def double_spaced(source: str) -> bool:
    """Whether a blank line follows most lines (a copy that puts one after every line): then
    a blank line marks no paragraph."""
    breaks = source.count("\n")
    return breaks > 0 and source.count("\n\n") > 0.4 * breaks
