"""The body's clause tree: items (khoản, điểm, gạch đầu dòng) nested by their labels.

Labels come from ``grammars/clause_labels.yaml``. Nesting follows the order in which label
kinds first appear under a parent, as directives use them: a kind already open closes the
items below it (a sibling), a new kind opens a child. Unlabelled paragraphs continue the item
above them; paragraphs before the first item are the preamble, and each of its non-blank lines
is also kept as a ``paragraph`` unit: a công văn that conveys a directive in one or two
unlabelled paragraphs ("Giao Bộ Ngoại giao … trước ngày 30 tháng 4 năm 2011.") has no item at
all, and task assembly decides per paragraph whether it directs anyone.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from vbparse.grammars import load_yaml
from vbparse.models import Span
from vbparse.normalize.line_ends import ends_with_address
from vbparse.normalize.wrapping import execution_clause
from vbparse.segment.lines import quoted_lines, split_lines, strip_span

# Label kinds that are one decimal numbering ("1.", "1.1.", "1.1.1.").
_NUMERIC = frozenset({"number", "decimal"})


@dataclass(frozen=True)
class LabelKind:
    kind: str
    pattern: regex.Pattern[str]
    id_format: str
    joiner: str
    absolute: bool
    numbered_globally: bool
    never_under: frozenset[str] = frozenset()


@dataclass
class Clause:
    """One item: its label, its id path, and where its own words lie.

    ``start`` is where the label begins, ``text_start`` where the item's own words begin,
    ``own_end`` where they end (the first child, or the item's last line).
    """

    kind: str
    label: str
    id: str
    start: int
    text_start: int
    own_end: int
    parent: Clause | None = None
    children: list[Clause] = field(default_factory=list)

    @property
    def own_span(self) -> Span:
        return Span(start=self.text_start, end=self.own_end)

    def ancestors(self) -> Iterator[Clause]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def walk(self) -> Iterator[Clause]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ClauseTree:
    roots: list[Clause]
    preamble: Span
    # The preamble's paragraphs (kind "paragraph", id "" until task assembly numbers the
    # ones that direct: p1, p2, …), in text order.
    paragraphs: list[Clause] = field(default_factory=list)
    # Paragraphs after the last item that direct on their own ("Yêu cầu Thủ trưởng các cơ
    # quan … nghiêm túc thực hiện", "Ủy ban nhân dân tỉnh giao …"): not the last item's words.
    closing_paragraphs: list[Clause] = field(default_factory=list)

    def walk(self) -> Iterator[Clause]:
        for root in self.roots:
            yield from root.walk()


@functools.cache
def label_kinds() -> tuple[LabelKind, ...]:
    return tuple(
        LabelKind(
            kind=entry["kind"],
            pattern=regex.compile(entry["pattern"]),
            id_format=entry["id"],
            joiner=entry["joiner"],
            absolute=bool(entry.get("absolute", False)),
            numbered_globally=bool(entry.get("global", False)),
            never_under=frozenset(entry.get("never_under", ())),
        )
        for entry in load_yaml("clause_labels.yaml")["labels"]
    )


def match_label(line: str) -> tuple[LabelKind, regex.Match[str]] | None:
    for kind in label_kinds():
        if m := kind.pattern.match(line):
            return kind, m
    return None


def _kind_key(kind: LabelKind, m: regex.Match[str]) -> str:
    # "1.2" and "1.2.3" are different levels of one decimal scheme.
    if kind.absolute:
        return f"{kind.kind}{m.group('label').count('.') + 1}"
    return kind.kind


def build_clause_tree(text: str, start: int, end: int) -> ClauseTree:
    """The clause tree of the body ``text[start:end]``."""
    roots: list[Clause] = []
    stack: list[tuple[str, Clause]] = []
    preamble_end = end
    trailing: int | None = None  # where the paragraphs after the last item begin
    lines = split_lines(text, start, end)
    quoted = quoted_lines([line.text for line in lines])
    previous = ""
    after_blank = False
    seen: set[str] = set()  # the label kinds met so far
    for line, in_quote in zip(lines, quoted, strict=True):
        # A quoted document's items are no items of this one.
        found = None if in_quote else match_label(line.text)
        if found is not None and (
            _goes_on_inline(found[1], previous)
            or _no_words_after(line.text, found[1].end())
            or _wrapped_numeral(found[0], found[1], previous, seen)
            or _is_footnote(found[1], text, start, line.start)
        ):
            found = None
        blank_before, after_blank = after_blank, line.is_blank
        if not line.is_blank:
            previous = line.text
        if found is None:
            if stack and not line.is_blank:
                if trailing is None and (
                    directs_on_its_own(line.text)
                    or (blank_before and stack[-1][1].kind in _ONE_PARAGRAPH_KINDS)
                ):
                    trailing = line.start
                stack[-1][1].own_end = max(stack[-1][1].own_end, line.end)
            continue
        trailing = None  # an item follows: the paragraph was that item's continuation
        kind, m = found
        key = _kind_key(kind, m)
        seen.add(kind.kind)
        if key in (k for k, _ in stack) and not _opens_a_list(m, text, stack, line.start):
            while stack and stack[-1][0] != key:
                stack.pop()
            stack.pop()
        while stack and stack[-1][1].kind in kind.never_under:
            stack.pop()
        parent = stack[-1][1] if stack else None
        siblings = parent.children if parent else roots
        clause = _make_clause(kind, m, line.start, line.end, parent, siblings, text)
        if parent is not None and parent.own_end > clause.start:
            parent.own_end = _trim_end(text, parent.text_start, clause.start)
        if not stack and not roots:
            preamble_end = line.start
        siblings.append(clause)
        stack.append((key, clause))
    closing: list[Clause] = []
    if trailing is not None:
        for clause in (c for root in roots for c in root.walk()):
            if clause.own_end > trailing:
                clause.own_end = max(
                    _trim_end(text, clause.text_start, trailing), clause.text_start
                )
        closing = _paragraphs(text, trailing, end)
    return ClauseTree(
        roots=roots,
        preamble=Span(start=start, end=preamble_end),
        paragraphs=_paragraphs(text, start, preamble_end),
        closing_paragraphs=closing,
    )


# An item says something in words: a "label" before a number alone ("-37", "+1,77", a
# table's cells in a flat copy) or a formula ("(3)=(2)-(1)") opens none (the price table of a
# Bộ Công Thương letter on fuel prices as crawled, real).
_LETTER = regex.compile(r"\p{L}")


def _is_footnote(label: regex.Match[str], text: str, start: int, at: int) -> bool:
    """Whether a "(1)" at a line's start is a footnote: the body above refers to it glued to
    a word ("… còn 12/63 tỉnh, thành phố(1) chưa báo cáo …" / "(1) Sơn La, Hà Nội, …" at the
    page's foot, công văn 638/TTCS-TTTH, real PDF)."""
    written = label.group().strip()
    number = written[1:-1]
    if not (
        written.startswith("(")
        and written.endswith(")")
        and number.isdecimal()
        and len(number) <= _FOOTNOTE_DIGITS
    ):
        return False
    # the mark is looked for as written (a find, not a pattern over every bracket before it)
    found = text.find(written, start + 1, at)
    while found != -1:
        glued = text[found - 1]
        if glued.isalpha() or glued in _FOOTNOTE_GLUE:
            return True
        found = text.find(written, found + 1, at)
    return False


# A footnote's mark in the text: its number (one or two digits) in brackets glued to a word
# or a stop ("thành phố(1)").
_FOOTNOTE_DIGITS = 2
_FOOTNOTE_GLUE = ".,;"


def _no_words_after(line: str, at: int) -> bool:
    """Whether a label is followed by something without a letter (a label alone on its line,
    "Chương I" over its title, is one)."""
    rest = line[at:].strip()
    return bool(rest) and not _LETTER.search(rest)


def _goes_on_inline(m: regex.Match[str], previous: str) -> bool:
    """Whether a "(2)" at a line's start goes on an enumeration the line before holds inline
    ("… cụ thể như sau: (1) Tổng số TTHC sẽ cắt giảm …" / "(2) Cắt giảm 2.269/6.974 ĐKKD …",
    công điện 220/CĐ-TTg, real Markdown): wrapped text, no item."""
    label = m.groupdict().get("label") or ""
    if not m.group().startswith("(") or not label.isdigit() or int(label) < 2:
        return False
    before = f"({int(label) - 1})"
    return before in previous and not previous.lstrip().startswith(before)


def _wrapped_numeral(kind: LabelKind, m: regex.Match[str], previous: str, seen: set[str]) -> bool:
    """Whether a roman numeral at a line's start is the end of the sentence above it, wrapped
    ("… Kỳ họp Thứ nhất, Quốc hội khóa" / "XV. Vì vậy, …", công văn 1312/LĐTBXH-ATLĐ as OCR
    text, real): no roman item came before, it is not a list's first label, and the line
    above runs on."""
    if kind.kind != "roman" or kind.kind in seen or not previous.strip():
        return False
    label = m.groupdict().get("label") or ""
    after = m.string[m.end() : m.end() + 40]
    heading = bool(_HEADING_WORDS.match(after))  # "III. NHIỆM VỤ, GIẢI PHÁP" after a title
    return (
        label not in _FIRST_LABELS and not heading and not previous.rstrip().endswith(PARAGRAPH_END)
    )


_HEADING_WORDS = regex.compile(r"\s*\p{Lu}{2,}(?:\s+\p{Lu}+)*\b")


# A bullet is one paragraph: a paragraph after a blank line below the last bullet is no part
# of it ("- Kịp thời giải đáp …" / "" / "Căn cứ kết quả thí điểm, trong năm 2019 Bộ sẽ tổng
# kết …", công văn 5115/LĐTBXH-KHTC as crawled, real: the issuer's plan, not the Sở's task, and
# not its deadline).
_ONE_PARAGRAPH_KINDS = frozenset({"dash", "plus"})

# The labels a list starts with.
_FIRST_LABELS = frozenset({"1", "a", "i", "I"})


def _opens_a_list(m: regex.Match[str], text: str, stack: list[tuple[str, Clause]], at: int) -> bool:
    """Whether a label of a kind used above starts a list of its own under the item before
    it, which announces it with a colon ("b) Các Bộ: Tài chính, Y tế, … hoàn thành trong
    tháng 11 năm 2025, cụ thể:" / "(1) Bộ Tài chính …", công điện 220/CĐ-TTg, real: "(2)" had
    been a label higher up)."""
    if not stack or m.groupdict().get("label") not in _FIRST_LABELS:
        return False
    return text[stack[-1][1].start : at].rstrip().endswith(":")


@functools.cache
def clause_pattern(key: str) -> regex.Pattern[str]:
    """The pattern ``key`` of ``clause_labels.yaml`` ("closing_directive", "due_day", …)."""
    return regex.compile(load_yaml("clause_labels.yaml")[key])


def sums_up(line: str) -> bool:
    """A paragraph that sums the document up ("Trên đây là Kế hoạch …")."""
    return bool(clause_pattern("closing_summary").match(line.strip()))


def opens_a_directive(line: str) -> bool:
    """A paragraph that opens with its own directive verb, or sums the document up."""
    return bool(clause_pattern("closing_directive").match(line.strip())) or sums_up(line)


def directs_on_its_own(line: str) -> bool:
    """A paragraph after the items that opens a directive of its own, or asks for word of any
    difficulty met."""
    return opens_a_directive(line) or asks_word_of_difficulties(line)


def is_execution_clause(paragraph: str) -> bool:
    """The document's execution clause ("… chịu trách nhiệm thi hành Quyết định này")."""
    return bool(execution_clause().search(paragraph))


def asks_word_of_difficulties(line: str) -> bool:
    """A request to report any difficulty met ("Trong quá trình thực hiện, nếu có khó khăn,
    vướng mắc, đề nghị các cơ quan … phản ánh về Sở …"): a task of a chỉ thị or kế hoạch, the
    closing formula's company in a công văn."""
    return bool(clause_pattern("difficulty_request").match(line.strip()))


# A line that ends a sentence ends its paragraph; another one ("… của Ban Tổ chức" /
# "Trung ương tại Văn bản số …", wrapped by a converter) runs on into the next line.
PARAGRAPH_END = (".", ":", ";", "!", "?")
# Closing quotes after a sentence's stop ("… xây dựng quy trình xác định nạn nhân …”", a
# quoted conclusion in công văn 1040/LĐTBXH-NCC, real Markdown): the sentence ends there.
_CLOSING_QUOTES = '”"’»'


def ends_sentence(line: str) -> bool:
    """Whether a line ends a sentence: a stop, closing quotes after it allowed."""
    return line.rstrip(_CLOSING_QUOTES).endswith(PARAGRAPH_END)


# A line at least this long is a whole paragraph of a copy that keeps one paragraph a line
# (no fixed-width layout wraps so late): ended without a stop ("… e-mail: phong@sở.vn"), it
# still ends its paragraph when the next line opens a directive of its own ("Nhận được công
# văn này, yêu cầu …", công văn 327/SGDĐT-KHTC as a web copy, real). A capital alone is not
# enough: normalisation's joined lines keep a break before a name ("… đề nghị" / "Thuế thành
# phố Huế liên hệ …").
_WHOLE_PARAGRAPH_LINE = 200


def _paragraphs(text: str, start: int, end: int) -> list[Clause]:
    """The paragraphs of ``text[start:end]`` as unlabelled units: lines (normalisation has
    joined most wrapped ones), a line that ends no sentence joined to the next line of text."""
    units: list[Clause] = []
    open_unit = whole_line = False
    lines = split_lines(text, start, end)
    quoted = quoted_lines([line.text for line in lines])
    for k, line in enumerate(lines):
        if line.is_blank:
            continue
        s, e = strip_span(text, line.start, line.end)
        runs_on = open_unit and not line.is_upper
        if runs_on and whole_line and directs_on_its_own(text[s:e]):
            runs_on = False
        # A quoted passage is one unit, whatever its lines.
        if runs_on or (k and quoted[k] and quoted[k - 1]):
            units[-1].own_end = e
        else:
            units.append(
                Clause(kind="paragraph", label="", id="", start=s, text_start=s, own_end=e)
            )
        open_unit = (
            not line.is_upper and not ends_sentence(text[s:e]) and not ends_with_address(text[s:e])
        )
        whole_line = e - s >= _WHOLE_PARAGRAPH_LINE
    return units


def _make_clause(
    kind: LabelKind,
    m: regex.Match[str],
    line_start: int,
    line_end: int,
    parent: Clause | None,
    siblings: list[Clause],
    text: str,
) -> Clause:
    label = m.groupdict().get("label") or ""
    ordinal = 1 + sum(1 for s in siblings if s.kind == kind.kind)
    own_id = kind.id_format.format(label=label, ordinal=ordinal)
    if parent is None or kind.numbered_globally:
        clause_id = own_id
    elif kind.absolute:
        # "1.1" under "II." / "1." is "II.1.1": the full number, under the nearest item
        # that is not part of the same numbering.
        anchor = next((a for a in (parent, *parent.ancestors()) if a.kind not in _NUMERIC), None)
        clause_id = f"{anchor.id}{kind.joiner}{own_id}" if anchor else own_id
    else:
        clause_id = f"{parent.id}{kind.joiner}{own_id}"
    text_start, own_end = strip_span(text, line_start + m.end(), line_end)
    return Clause(
        kind=kind.kind,
        label=m.group(0).strip(),
        id=clause_id,
        start=line_start,
        text_start=text_start,
        own_end=max(own_end, text_start),
        parent=parent,
    )


def _trim_end(text: str, start: int, end: int) -> int:
    return strip_span(text, start, end)[1]
