"""Words run together by portals, PDF copies and OCR ("ngày21 tháng", "BộCông Thương"), and
layout marks written loosely ("KT/ BỘ TRƯỞNG"): the ``glued`` rows of
``grammars/normalize.yaml``, each a pattern and its replacement, applied in order."""

from __future__ import annotations

import functools

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.offsets import NormalizedText


@functools.cache
def glued_rules() -> tuple[tuple[regex.Pattern[str], str, regex.Pattern[str] | None], ...]:
    """Each row's pattern, replacement and ``needs`` (a pattern every text the rule matches
    holds, found faster: a rule tried at every position of a text costs ~1 µs a character)."""
    return tuple(
        (
            regex.compile(row["pattern"]),
            row["replace"],
            regex.compile(row["needs"]) if "needs" in row else None,
        )
        for row in load_yaml("normalize.yaml")["glued"]
    )


def separate_glued(text: NormalizedText) -> NormalizedText:
    for pattern, replace, needs in glued_rules():
        text = text.sub(pattern, lambda m, r=replace: m.expand(r), needs=needs)
    return text
