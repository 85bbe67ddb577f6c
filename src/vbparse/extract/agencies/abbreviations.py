"""Abbreviations a directive defines in passing ("… công tác kiểm soát hải quan (KSHQ) …")
and the bodies named with them ("Đội KSHQ" is "Đội Kiểm soát hải quan"): a task's lead or
support the gazetteer does not know is named with the words the text gave for it.

A definition is a run of capitals in brackets right after as many words as it has letters,
each letter the initial of its word ("kiểm soát hải quan (KSHQ)": K, S, H, Q). Only such
definitions count, so that a bracketed code or a party's short name is never read as one.
"""

from __future__ import annotations

import regex

from vbparse.models import Agency, Task
from vbparse.pattern_time import time_left

__all__ = ["expand_abbreviations", "find_abbreviations"]

# "(KSHQ)", "(BCĐ)", "(XDCĐAT)": two to eight capitals in brackets.
_DEFINED = regex.compile(r"\((?P<abbr>\p{Lu}{2,8})\)")
_WORD = regex.compile(r"[\p{L}]+")


def find_abbreviations(text: str) -> dict[str, str]:
    """Each abbreviation the text defines and the words it stands for, as written (the first
    definition of an abbreviation wins)."""
    found: dict[str, str] = {}
    for m in _DEFINED.finditer(text, timeout=time_left()):
        abbr = m.group("abbr")
        if abbr in found:
            continue
        words = _WORD.findall(text, max(0, m.start() - 200), m.start())[-len(abbr) :]
        if len(words) == len(abbr) and all(
            w[0].casefold() == a.casefold() for w, a in zip(words, abbr, strict=True)
        ):
            found[abbr] = " ".join(words)
    return found


def expand_abbreviations(tasks: list[Task], abbreviations: dict[str, str]) -> list[Task]:
    """Tasks whose leads and supports outside the gazetteer name an abbreviation the text
    defined, with its words written out ("Đội KSHQ" → "Đội Kiểm soát hải quan")."""
    if not abbreviations:
        return tasks
    pattern = regex.compile(r"\b(?:" + "|".join(map(regex.escape, abbreviations)) + r")\b")
    for task in tasks:
        task.lead = [_expanded(a, pattern, abbreviations) for a in task.lead]
        task.support = [_expanded(a, pattern, abbreviations) for a in task.support]
    return tasks


def _expanded(agency: Agency, pattern: regex.Pattern[str], abbreviations: dict[str, str]) -> Agency:
    if agency.id is not None or not pattern.search(agency.name):
        return agency

    def written_out(m: regex.Match[str]) -> str:
        words = abbreviations[m.group(0)]
        return words[:1].upper() + words[1:]

    return agency.model_copy(update={"name": pattern.sub(written_out, agency.name)})
