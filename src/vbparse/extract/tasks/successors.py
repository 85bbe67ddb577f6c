"""Successors: the body that took over a merged or renamed agency, from the gazetteer's
``valid_until`` and ``became`` fields (e.g. ``bo-ke-hoach-dau-tu`` became ``bo-tai-chinh``
on 2025-03-01). A task assigned in 2012 to Bộ Kế hoạch và Đầu tư keeps that name, as the
document wrote it, and says who answers for it today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from vbparse.extract.agencies.gazetteer import load_gazetteer
from vbparse.models import Agency, Successor

# A chain longer than this is a loop in the gazetteer (a test checks there is none).
_MAX_HOPS = 10


def find_successor(agency_id: str) -> Successor | None:
    """The body that stands today for ``agency_id``, following ``became`` to its end; None
    when the body still exists or the gazetteer does not know its successor."""
    gazetteer = load_gazetteer()
    entry = gazetteer.get(agency_id)
    since: dt.date | None = None
    current = None
    for _ in range(_MAX_HOPS):
        if entry is None or not entry.became:
            break
        if entry.valid_until:
            since = entry.valid_until + dt.timedelta(days=1)
        entry = gazetteer.get(entry.became)
        current = entry
    if current is None:
        return None
    return Successor(id=current.id, name=current.name, since=since)


def add_successors(agencies: Iterable[Agency]) -> None:
    """Set ``successor`` on each agency of ``agencies`` whose body was merged or renamed."""
    for agency in agencies:
        if agency.id:
            agency.successor = find_successor(agency.id)
