"""Ctrl-C and SIGTERM during a batch: the output never ends in the middle of a document."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

from vbparse.termination import raise_terminated, stop_for


class HeldInterrupts:
    """Ctrl-C and SIGTERM raise ``KeyboardInterrupt`` (``Terminated``) as usual, except
    inside ``held()``: there they wait until the block is done, so that output never ends in
    the middle of a document."""

    _SIGNALS: ClassVar[dict[int, object]] = {
        signal.SIGINT: signal.default_int_handler,
        signal.SIGTERM: raise_terminated,
    }

    def __init__(self) -> None:
        self._holding = False
        self._pending: int | None = None
        self._previous: dict[int, object] = {}

    def __enter__(self) -> HeldInterrupts:
        if threading.current_thread() is threading.main_thread():
            for signum, expected in self._SIGNALS.items():
                if signal.getsignal(signum) is expected:
                    self._previous[signum] = signal.signal(signum, self._on_signal)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)

    def _on_signal(self, signum: int, frame: object) -> None:
        if self._holding:
            self._pending = signum
        else:
            raise stop_for(signum)

    @contextmanager
    def held(self) -> Iterator[None]:
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
        if self._pending is not None:
            signum, self._pending = self._pending, None
            raise stop_for(signum)
