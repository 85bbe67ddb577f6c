"""Repairs of OCR damage that the grammars can check (applied to OCR text only).

Two kinds, both data in ``grammars/ocr_repairs.tsv``:

- ``text`` repairs replace a character everywhere (Tesseract's "Ð" U+00D0 for "Đ" U+0110);
- ``code`` repairs fix the code part of a document number ("365/T8-VPCP" → "365/TB-VPCP",
  "180/2025/ND-CP" → "180/2025/NĐ-CP"): a code that is not a known document-type or issuer
  code (``grammars/document_types.tsv``, ``grammars/issuer_codes.tsv``) is changed only when
  the confusions listed turn it into exactly one known code. Unknown unit codes ("KGVX")
  that no confusion explains are left as read.
"""

from __future__ import annotations

import functools
import re

import regex
from pydantic import BaseModel, field_validator

from vbparse.grammars import GrammarError, load_tsv, validate_rows
from vbparse.ingest.ocr_lexicon import recased, repair_marks, written_together
from vbparse.normalize.inline_labels import ITEM_LETTERS

MAX_CODE_EDITS = 2
# A document number as OCR returns it: digits, optional year, then codes joined by - or /.
_NUMBER = re.compile(
    r"(?<![\w/])(\d{1,6}(?:/\d{4})?\s?[-/–]\s?)([^\W_][\w&]*(?:[-/][^\W_][\w&]*)*)"
)
_CODE_SPLIT = re.compile(r"([-/])")
# An item label glued to its first word ("1.Các" for "1. Các"): OCR loses the space.
# A number label whose full stop was read as a comma ("5, Đảng ủy"), at a line start.
_COMMA_LABEL = re.compile(r"(?m)^(\s*\d{1,2}),(?=\s+[^\W\d_])")
# A table row label as OCR may read it: "4,", "6..", "29-", "7".
_ROW_LABEL = re.compile(r"(\d{1,3})\s*([.,:;)\-–]?)[.,]*")
# A row label that is not a number: a digit misread as a sign ("?.", "z/"), short.
_UNREAD_LABEL = re.compile(r"\S{1,2}[.,/]?")
# Underscores glued to the ends of a word ("_a)", "6._"): a speck or what is left of a rule.
_EDGE_UNDERSCORES = re.compile(r"^_+(?=[^\W_])|(?<=[^\W_])_+$|(?<=[^\W_][.)])_+$")
# A rule or a scanner's stripe read as "|" glued to a word's letters ("thực|", "|Tư", "|-",
# scans of Bắc Giang plans, real b51; "|diện"): no letter, no table (OCR words never hold a
# table's bars, which the page's cells give). Not beside a digit ("|2" is a month's "1") nor
# beside the letters of a Roman numeral ("|I.", "I|": the bar is an "I" there).
_EDGE_BARS = re.compile(r"^\|+(?=-|(?![IlVX])[^\W\d_])|(?<=[^\W\d_])(?<![IlVX])\|+$")
_GLUED_LABEL = re.compile(r"(?m)^(\s*(?:\d{1,2}\.|\(\d{1,2}\)|[^\W\d_]\)))(?=[^\W\d_])")


class OcrRepair(BaseModel):
    scope: str
    wrong: str
    right: str
    # word scope: the repair is not made when one of these words follows ("để xuất khẩu").
    unless_next: str = ""
    note: str = ""

    @field_validator("scope")
    @classmethod
    def _scope(cls, value: str) -> str:
        if value not in ("text", "code", "bullet", "word"):
            raise ValueError("scope must be 'text', 'code', 'bullet' or 'word'")
        return value

    @field_validator("wrong")
    @classmethod
    def _not_empty(cls, value: str) -> str:
        if not value:
            raise ValueError("empty")
        return value


@functools.cache
def _rows() -> tuple[OcrRepair, ...]:
    return tuple(validate_rows("ocr_repairs.tsv", list(load_tsv("ocr_repairs.tsv")), OcrRepair))


@functools.cache
def load_repairs() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(text repairs, code repairs) as (wrong, right) pairs."""
    text = tuple((r.wrong, r.right) for r in _rows() if r.scope == "text")
    code = tuple((r.wrong, r.right) for r in _rows() if r.scope == "code")
    return text, code


@functools.cache
def _word_repairs(same_length: bool = False) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Whole words and phrases OCR misreads by one tone mark ("để xuất" for "đề xuất") or by
    a lost word ("Sở tế" for "Sở Y tế"), each as (pattern on word boundaries,
    case-insensitive; repaired words); ``same_length``: only those that keep the length."""
    out = []
    for row in _rows():
        if row.scope != "word" or (same_length and len(row.wrong) != len(row.right)):
            continue
        unless = "|".join(re.escape(w.strip()) for w in row.unless_next.split("|") if w.strip())
        guard = rf"(?!\s+(?:{unless})\b)" if unless else ""
        out.append((re.compile(rf"\b{re.escape(row.wrong)}\b{guard}", re.IGNORECASE), row.right))
    return tuple(out)


def repair_words(text: str, same_length: bool = False) -> str:
    """Put back the tone mark of the words in the ``word`` repairs, keeping an initial capital,
    or the capitals of a word in capitals ("LÂM ĐÔNG" in an issuer line → "LÂM ĐỒNG");
    ``same_length``: only the repairs that keep the text's length (an OCR text file's
    offsets)."""
    for pattern, right in _word_repairs(same_length):
        text = pattern.sub(lambda m, right=right: recased(right, m.group(0)), text)
    return text


@functools.cache
def _bullet_marks() -> tuple[re.Pattern[str], dict[str, str]]:
    """Line-start marks read for a bullet ("_~" for "-"): the pattern and their repairs."""
    marks = {r.wrong: r.right for r in _rows() if r.scope == "bullet"}
    alternatives = "|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True))
    return re.compile(rf"(?m)^(\s*)({alternatives or '(?!)'})(?=\s+\S)"), marks


@functools.cache
def known_codes() -> frozenset[str]:
    """Document-type and issuer codes from the number grammar's tables."""
    codes: set[str] = set()
    for name in ("document_types.tsv", "issuer_codes.tsv"):
        try:
            codes.update(row["code"] for row in load_tsv(name) if row.get("code"))
        except GrammarError:
            continue
    return frozenset(codes)


def _variants(code: str, repairs: tuple[tuple[str, str], ...]) -> set[str]:
    """Codes reachable from ``code`` by at most ``MAX_CODE_EDITS`` listed confusions."""
    frontier, seen = {code}, {code}
    for _ in range(MAX_CODE_EDITS):
        nxt: set[str] = set()
        for current in frontier:
            for wrong, right in repairs:
                start = current.find(wrong)
                while start != -1:
                    candidate = current[:start] + right + current[start + len(wrong) :]
                    if candidate not in seen:
                        nxt.add(candidate)
                    start = current.find(wrong, start + 1)
        seen |= nxt
        frontier = nxt
    return seen - {code}


def repair_code(code: str) -> str:
    """One code of a number, repaired when exactly one known code explains it."""
    known = known_codes()
    if code in known or len(code) < 2:
        return code
    _, repairs = load_repairs()
    matches = {v for v in _variants(code, repairs) if v in known}
    return matches.pop() if len(matches) == 1 else code


def repair_number(number: str) -> str:
    """A document number with each code part checked against the known codes."""
    match = _NUMBER.fullmatch(number)
    if match is None:
        return number
    head, codes = match.groups()
    parts = _CODE_SPLIT.split(codes)
    return head + "".join(p if p in "-/" else repair_code(p) for p in parts)


def repair_marks_in_place(text: str) -> str:
    """The line-start repairs that keep the text's length ("|." → "I.", "Il." → "II."), for
    an OCR text given as a file, whose offsets must stay those of the file."""
    pattern, marks = _bullet_marks()
    return pattern.sub(
        lambda m: (
            m.group(1) + (r if len(r := marks[m.group(2)]) == len(m.group(2)) else m.group(2))
        ),
        text,
    )


def repair_line_starts(text: str) -> str:
    """Item labels and bullets at the start of a line: "1.Các" → "1. Các", "5, Đảng" →
    "5. Đảng" (a comma read for the full stop of a number label), "_~ Bộ" → "- Bộ", a
    letter label read as "8)" (``repair_letter_labels``)."""
    text = _COMMA_LABEL.sub(r"\1.", repair_label_spacing(text))
    pattern, marks = _bullet_marks()
    return repair_letter_labels(pattern.sub(lambda m: m.group(1) + marks[m.group(2)], text))


# Labels "x) " and "12) " at a line's start.
_PAREN_LABEL = regex.compile(r"^(?P<label>[a-zđ]|\d{1,2})\)(?=\s+\p{Lu})", regex.M)


def repair_letter_labels(text: str) -> str:
    """A letter label OCR read as "8)" ("8) Trung tâm BVSKLĐ & MT tỉnh là đơn vị chịu trách
    nhiệm …" before "b) Công đoàn ngành y tế:", and after "e) Bệnh viện …" for "g)": the scan
    of kế hoạch 2130/KH-SYT Kiên Giang, real b65): the letter after the label before it, or
    "a" before "b)"; an "8)" after "7)" is a number."""
    labels = list(_PAREN_LABEL.finditer(text))
    fixes: list[tuple[int, str]] = []
    for k, m in enumerate(labels):
        if m.group("label") != "8":
            continue
        before = labels[k - 1].group("label") if k > 0 else None
        after = labels[k + 1].group("label") if k + 1 < len(labels) else None
        letter = None
        if before is not None and before in ITEM_LETTERS and before != ITEM_LETTERS[-1]:
            letter = ITEM_LETTERS[ITEM_LETTERS.index(before) + 1]
            if letter == "đ" and after != "e":
                letter = "e"  # most lists go from d) to e)
        elif (before is None or not before.isdigit()) and after == "b":
            letter = "a"
        if letter is not None:
            fixes.append((m.start(), letter))
    for at, letter in reversed(fixes):
        text = text[:at] + letter + text[at + 1 :]
    return text


def repair_row_labels(rows: list[list[str]]) -> list[list[str]]:
    """A table's row labels (its first column, "TT") as OCR read them, repaired.

    "4," → "4." (a comma for the full stop); "6.." → "6."; a label that is not a number
    ("?.") between rows labelled n-1 and n+1 (or one of them, the other missing) is n.
    """
    out = [list(row) for row in rows]
    firsts = [row[0] for row in out[1:] if row and row[0]]
    labelled = [x for x in firsts if _ROW_LABEL.fullmatch(x) and not x.isdigit()]
    if not firsts or 2 * len(labelled) < len(firsts):
        return out  # the first column does not hold row labels
    numbers: list[int | None] = [None]  # the header row keeps its text
    for row in out[1:]:
        match = _ROW_LABEL.fullmatch(row[0]) if row else None
        if match:
            row[0] = match.group(1) + (match.group(2) if match.group(2) in "-–)" else ".")
            numbers.append(int(match.group(1)))
        else:
            numbers.append(None)
    for index, row in enumerate(out):
        if index == 0 or not row or numbers[index] is not None:
            continue
        if not _UNREAD_LABEL.fullmatch(row[0]) or row[0].isalpha():
            continue
        before = next((n for n in reversed(numbers[:index]) if n is not None), None)
        after = next((n for n in numbers[index + 1 :] if n is not None), None)
        guesses = {n for n in (before + 1 if before else None, after - 1 if after else None) if n}
        if len(guesses) == 1 and (guess := guesses.pop()) > 0:
            row[0] = f"{guess}."
            numbers[index] = guess
    return out


def repair_label_spacing(text: str) -> str:
    """Put back the space after an item label at the start of a line ("1.Các" → "1. Các")."""
    return _GLUED_LABEL.sub(r"\1 ", text)


def repair_ocr_text(text: str) -> str:
    """One OCR word's text with the ``text`` repairs applied, label spacing and document
    numbers checked."""
    text_repairs, _ = load_repairs()
    text = _EDGE_BARS.sub("", _EDGE_UNDERSCORES.sub("", text))
    for wrong, right in text_repairs:
        text = text.replace(wrong, right)
    text = repair_label_spacing(text)
    return _NUMBER.sub(lambda m: repair_number(m.group(0)), text)


@functools.cache
def _blank_slots() -> tuple[re.Pattern[str], ...]:
    import regex

    from vbparse.grammars import load_yaml

    return tuple(regex.compile(slot["pattern"]) for slot in load_yaml("ocr_blanks.yaml")["slots"])


def blank_unread_slots(text: str) -> str:
    """The header's number and day left blank where OCR read no digits there ("6§0",
    "3|"), or a number of zeros: handwriting or a stamp, not to be guessed
    (``grammars/ocr_blanks.yaml``). The length of the text is kept."""
    for pattern in _blank_slots():

        def blank(m) -> str:
            slot = m.group("slot").strip()
            if slot.isdigit() and slot.strip("0"):
                return m.group(0)
            start, end = m.start("slot") - m.start(), m.end("slot") - m.start()
            whole = m.group(0)
            return whole[:start] + " " * (end - start) + whole[end:]

        text = pattern.sub(blank, text)
    return text


def repair_page_text(text: str) -> str:
    """The repairs that need the assembled lines of a page: bullet marks and item labels at
    line starts, the ``word`` repairs of phrases that span OCR words ("để xuất"), and the
    header's number and day blanked where no digits were read; then the marks of words
    misread in pairs the typed directives never write ("tô chức" → "tổ chức", ocr_lexicon)."""
    repaired = repair_words(repair_line_starts(_STRAY_STOPS.sub(_without_stray_stop, text)))
    return blank_unread_slots(repair_marks(repaired))


# A speck OCR reads as a stop or colon between two syllables of one word ("tăng. cường",
# "chức. năng", "kế:hoạch": scans of Sở Y tế Kiên Giang and UBND Cà Mau, real b65-b78): after a
# syllable in lower case, before one; no sentence of a directive opens in lower case. (A
# colon only glued on both sides: "như sau: các Sở …" announces what follows.)
_STRAY_STOPS = regex.compile(r"(?<!\S)(\p{Ll}{2,})(?:\. ?|:(?! ))(\p{Ll}+)\b")


def _without_stray_stop(m: regex.Match[str]) -> str:
    """The two syllables joined when the typed directives write them together; kept as read
    otherwise: a comma read as a stop in a list ("xã, phường. đặc khu") is no speck."""
    first, second = m.group(1), m.group(2)
    return f"{first} {second}" if written_together(first, second) else m.group(0)
