"""What a line's end or the next line's start is, for the joins of normalize/unwrap.py: an item
label opening a line, a web address and its wrapped rest, the two ends of a number range."""

from __future__ import annotations

import functools

import regex

from vbparse.grammars import load_yaml

__all__ = [
    "RANGE_END",
    "RANGE_START",
    "SENTENCE_END",
    "URL_REST",
    "closes_an_aside",
    "ends_with_address",
    "label_start",
]

SENTENCE_END = (".", ";", ":", "!", "?")


@functools.cache
def label_start() -> regex.Pattern[str]:
    """A line that opens with an item label (from ``grammars/clause_labels.yaml``)."""
    labels = load_yaml("clause_labels.yaml")["labels"]
    alternatives = "|".join(f"(?:{entry['pattern']})" for entry in labels)
    return regex.compile(rf"(?:{alternatives})")


# A line that ends with a web address, or is the wrapped rest of one (a query string); the
# rest of an address on the next line: one word of no Vietnamese letter with a path or query.
_URL_TAIL = regex.compile(r"(?:https?://|www\.)\S+$|^\S*[?=&]\S*$")


def ends_with_address(line: str) -> bool:
    """Whether a line ends with a web address or the wrapped rest of one."""
    return bool(_URL_TAIL.search(line.rstrip()))


URL_REST = regex.compile(r"[A-Za-z0-9_\-.~%]*[/?=&#][A-Za-z0-9_\-.~%/?=&#]*(?=\n|$)")

# A line that ends with a number inside a sentence, and a line that opens with a dash before
# a number: the two ends of a range ("2021" / "- 2025").
RANGE_START = regex.compile(r"(?<![\d/.,:-])\b\p{L}+\s+\d{1,4}$")
RANGE_END = regex.compile(r"[-–]\s*\d{1,4}\b(?![/.,:]\d)(?!\s*[:)])")


def closes_an_aside(lines: list[str]) -> bool:
    """Whether the last of ``lines`` closes a parenthesis that opened a paragraph of its own
    ("(có dự thảo Nghị quyết …, dự thảo Tờ trình … gửi kèm theo)" / "Đề nghị Văn phòng UBND
    tỉnh …", công văn 901/SKHCN-KHTC Hải Dương, real PDF): the aside ends there. Not an item's
    parenthesised label ("(1) Rà soát …")."""
    depth = 0
    for k in range(len(lines) - 1, -1, -1):
        text = lines[k].strip()
        if k < len(lines) - 1 and (not text or text.endswith(SENTENCE_END)):
            return False
        depth += text.count(")") - text.count("(")
        if text.startswith("("):
            return depth == 0 and not label_start().match(text)
    return False
