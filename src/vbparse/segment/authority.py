"""The authority prefixes that open a signature ("KT.", "TM.", "TL.", "T/M" …: ký thay, thay
mặt, thừa lệnh; ``authority_prefixes`` in ``grammars/header.yaml``), as a pattern shared by
the signature's reader (``segment.closing``) and the Nơi nhận's (``segment.cc_list``)."""

from __future__ import annotations

import functools

import regex

from vbparse.grammars import load_yaml


@functools.cache
def authority_prefixes() -> str:
    """The prefixes as one alternation; a prefix of two letters or more that lost its dot
    sets the group ``dotless``."""
    return "|".join(_prefix_pattern(a) for a in load_yaml("header.yaml")["authority_prefixes"])


def _prefix_pattern(prefix: str) -> str:
    """An authority prefix; one of two letters or more may lose its dot ("KT GIÁM ĐỐC",
    công văn 5155/SGDĐT-GDTXNNĐH), then a space must follow it ("KTBT" is no prefix), or have
    it read as a comma by OCR ("KT, CHỦ TỊCH", the scan of quyết định 1462/QĐ-UBND, real).
    Its letters and dot may come spaced out of a PDF's text layer ("K T . BỘ TRƯỞNG",
    quyết định 120/QĐ-BGTVT, real PDF)."""
    if not prefix.endswith(".") or len(prefix) < 3:
        return regex.escape(prefix)
    letters = " ?".join(regex.escape(ch) for ch in prefix[:-1])
    return f"{letters}(?: ?[.,]|(?P<dotless>(?=\\s)))"
