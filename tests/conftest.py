"""Suite-wide collection order: the accuracy gate first."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The accuracy gate's OCR of the real scans is most of the suite's time: run with
    ``-n`` (``make test``), its file goes to a worker first and the other files share the
    remaining cores around it (11 min 22 s with it last, on 2 cores)."""
    items.sort(key=lambda item: item.nodeid.split("::")[0] != "tests/test_accuracy.py")
