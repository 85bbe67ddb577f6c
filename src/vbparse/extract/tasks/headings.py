"""Headings and lead-ins of the clause tree: the lines that introduce items rather than direct
on their own ("Giao Bộ Công an:", "… các nhiệm vụ sau:", "11. Các đơn vị cấp nước sạch trên
địa bàn thành phố có trách nhiệm"), the heading line above an item's paragraph, the parts of a
plan that state aims, the topic an answer follows. The task assembly asks these questions of
each item (``vbparse.extract.tasks.assembly``)."""

from __future__ import annotations

import functools

import regex

from vbparse.extract.tasks.roles import Roles, find_roles
from vbparse.grammars import load_yaml
from vbparse.models import Agency, Deadline, Span
from vbparse.segment.clause_tree import Clause

__all__ = [
    "LEAD_IN_WORDS",
    "described_group",
    "directive_start",
    "gives_contact",
    "gives_particulars",
    "header_grammar",
    "in_aims_part",
    "is_lead_in",
    "is_opener",
    "is_title",
    "only_recounts",
    "states_conditions",
    "topic_end",
    "words_besides",
]


@functools.cache
def header_grammar(key: str) -> regex.Pattern[str]:
    """One list of ``header.yaml`` (``non_directive_openers``, ``lead_in_endings``,
    ``topic_openers``, ``non_directive_sections``) as one case-insensitive pattern."""
    return regex.compile(
        "|".join(f"(?:{p})" for p in load_yaml("header.yaml")[key]), regex.IGNORECASE
    )


@functools.cache
def _opening_patterns(key: str) -> tuple[regex.Pattern[str], ...]:
    """The list ``key`` of ``header.yaml`` as patterns matched at a text's start: the rows led
    by their words as one alternation, and apart each row led by a run of any characters
    ("[^.;:\n]{0,120}?\b…thông báo để…"), whose search for its words the engine makes fast
    alone but not inside the alternation (is_opener's list: 8.6 → 1.2 µs a failed match)."""
    rows = load_yaml("header.yaml")[key]
    free = [row for row in rows if row.startswith("[^")]
    led = "|".join(f"(?:{row})" for row in rows if not row.startswith("[^"))
    patterns = [regex.compile(led, regex.IGNORECASE)] if led else []
    return tuple(patterns + [regex.compile(row, regex.IGNORECASE) for row in free])


def opens_with(key: str, text: str) -> bool:
    """Whether a row of ``header.yaml``'s list ``key`` matches at the start of ``text``:
    ``header_grammar(key).match(text)``, as a bool (an alternation matches where a row does)."""
    return any(pattern.match(text) for pattern in _opening_patterns(key))


# A part heading that also announces work ("II. MỤC TIÊU, NHIỆM VỤ") still holds tasks; not
# the tasks whose carrying out it reviews ("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ …", "KẾT QUẢ THỰC
# HIỆN NHIỆM VỤ NĂM 2025").
_ANNOUNCES_WORK = regex.compile(
    r"(?<!thực\s+hiện\s+)nhiệm vụ|giải pháp|tổ chức thực hiện|phân công", regex.I
)


def in_aims_part(clause: Clause, text: str) -> bool:
    """Whether ``clause`` is, or sits under, a part that states aims or grounds ("I. MỤC ĐÍCH,
    YÊU CẦU"): its items describe what the plan wants, they assign nothing."""
    return _in_part(clause, text, "non_directive_sections")


def in_contest_part(clause: Clause, text: str) -> bool:
    """Whether ``clause`` sits in a part that says what units compete on ("II. NỘI DUNG ĐỢT
    THI ĐUA"): its items are tasks only where they name who does them."""
    return _in_part(clause, text, "contest_sections")


def _in_part(clause: Clause, text: str, sections: str) -> bool:
    own = text[clause.text_start : clause.own_end]
    heading = _first_line(own)
    if _is_title(heading) and _names_part(heading, sections):
        return True
    for node in clause.ancestors():
        said = _ancestor_says(text[node.text_start : node.own_end], sections)
        if said is not None:
            return said
    return False


# Kept per heading text (bounded): every item under a part asks of the same ancestors again,
# twice (aims, contest), and each answer is a pure function of the ancestor's own words.
@functools.lru_cache(maxsize=1024)
def _ancestor_says(own: str, sections: str) -> bool | None:
    """What an ancestor's own words say of the items under it: False when they announce work
    to follow ("I. ĐÁNH GIÁ CHUNG … Thành phố cần tập trung thực hiện các nhiệm vụ sau đây:"
    goes on from its assessment to the work: the items under it are tasks), True when they
    name a part of ``sections``, None when neither (ask the ancestor above)."""
    if _announces_items(own):
        return False
    return True if _names_part(_first_line(own), sections) else None


def _names_part(heading: str, sections: str) -> bool:
    return bool(header_grammar(sections).match(heading)) and not _ANNOUNCES_WORK.search(heading)


def _first_line(own: str) -> str:
    """An item's first line, with the lines a converter wrapped a part's title in capitals
    onto ("**III. ĐỐI TƯỢNG,\nNGUYÊN TẮC, HÌNH THỨC VÀ TIÊU CHUẨN KHEN THƯỞNG**", kế hoạch
    0125/KH-UBND Đắk Lắk, real Markdown)."""
    lines = own.split("\n")
    first = lines[0]
    if first.isupper():
        for line in lines[1:]:
            if not line.strip() or not line.isupper():
                break
            first = f"{first} {line.strip()}"
    return first


# "II. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024 VÀ PHƯƠNG HƯỚNG NĂM 2025": 14 words.
_TITLE_WORDS = 16


def _is_title(heading: str) -> bool:
    """Whether an item's first line reads as a part's title, not a sentence: the bullet
    "- Đánh giá sự phù hợp của dự án đầu tư với quy hoạch …;" directs, though it opens with
    the words of the part "ĐÁNH GIÁ" (chỉ thị 010/CT-UBND Đắk Lắk). Asked of the item itself
    only: under "- Căn cứ Nghị định số 72/2024/NĐ-CP …" every item is a ground, whatever the
    length of that line (công văn 3257/TNI-QLDN1)."""
    return len(heading.split()) <= _TITLE_WORDS and not heading.rstrip().endswith((";", ","))


def in_enclosure_list(clause: Clause, siblings: list[Clause], text: str) -> bool:
    """Whether ``clause`` is one of a list of enclosures ("Hồ sơ gửi kèm:" / "1) Nghị quyết 3
    Hội;" / "2) Biên bản họp …", công văn 40/HCCV Lâm Đồng): the line above the first item of
    its kind says what is sent with the letter, not what anyone is to do."""
    first = next((s for s in siblings if s.kind == clause.kind), clause)
    above = text[: first.start].rstrip()
    line = above[above.rfind("\n") + 1 :]
    return bool(header_grammar("enclosure_lead_ins").match(line.strip()))


def _announces_items(own: str) -> bool:
    """Whether an item's own words end by announcing work to follow ("… các nhiệm vụ, giải
    pháp sau đây:")."""
    last = own.rstrip().rsplit("\n", 1)[-1]
    # the work is named in the announcing clause itself, not earlier in the sentence ("Các cơ
    # quan … được phân công tham gia tổ chức bầu cử, …, đạt các tiêu chuẩn sau:" announces
    # criteria, kế hoạch 0125/KH-UBND Đắk Lắk)
    clause = last.rsplit(",", 1)[-1]
    return bool(header_grammar("lead_in_endings").search(last) and _ANNOUNCES_WORK.search(clause))


# A lead-in ("Giao Bộ Công an:", "a) Bộ Y tế hoàn thành các nhiệm vụ sau:", "(1) Trước ngày
# 31/7/2025, yêu cầu:") has at most this many words besides its agencies and deadline; an item
# ending in ":" with more words carries a directive of its own before its sub-items.
LEAD_IN_WORDS = 8


# A heading line above an item's paragraph is a short noun phrase ("Công tác truyền thông",
# "Một số nhiệm vụ trọng tâm 6 tháng cuối năm 2025").
_HEADING_WORDS = 15


_BRACKETED = regex.compile(r"\([^()]*\)")


def is_lead_in(
    own: str, offset: int, roles: Roles, deadline: Deadline | None, skip: int = 0
) -> bool:
    """Whether an item with sub-items only introduces them: its directing words (after any
    heading line) end in "… sau:", or, on one line, are little more than its agencies and
    deadline ("Giao Bộ Công an:", "(1) Trước ngày 31/7/2025, yêu cầu:", "1. Phòng Nghiệp vụ
    Y - Dược" above its bullets)."""
    directive = own[skip:]
    if header_grammar("lead_in_endings").search(directive):
        return True
    named = [a.span for a in (*roles.lead, *roles.support) if a.span]
    if deadline is not None and deadline.span is not None:
        named.append(deadline.span)
    rest = _blanked(directive, offset + skip, named)
    if not directive.rstrip().endswith(":"):
        rest = header_grammar("lead_in_role_words").sub(" ", rest)
    # A name wrapped over two lines ("**2. Sở\nKhoa học và Công nghệ**") is one line.
    if "\n" in rest.strip():
        return False
    # An apposition in brackets ("Sở Xây dựng (cơ quan thường trực Ban An toàn giao thông
    # tỉnh):") names the lead again; it directs nothing.
    words = [w for w in _BRACKETED.sub(" ", rest).split() if any(c.isalnum() for c in w)]
    if directive.rstrip().endswith(":"):
        return len(words) <= LEAD_IN_WORDS
    return not words


def words_besides(own: str, offset: int, roles: Roles) -> int:
    """How many words ``own`` has outside the spans of its lead and support."""
    named = [a.span for a in (*roles.lead, *roles.support) if a.span]
    rest = _blanked(own, offset, named)
    return len([w for w in rest.split() if any(c.isalnum() for c in w)])


def _blanked(text: str, offset: int, spans: list[Span]) -> str:
    """``text`` (starting at ``offset``) with the characters inside ``spans`` made spaces: the
    words that remain are those besides the named bodies and dates."""
    chars = list(text)
    for span in spans:  # span by span, not character by character against every span
        start, end = max(0, span.start - offset), min(len(chars), span.end - offset)
        if start < end:
            chars[start:end] = " " * (end - start)
    return "".join(chars)


def is_opener(own: str) -> bool:
    return (
        opens_with("non_directive_openers", own)
        or recounts(own)
        or gives_particulars(own)
        or points_to_provisions(own)
        or gives_contact(own)
        or is_title(own)
    )


def recounts(own: str) -> bool:
    """Whether a unit opens with a dated account of what a body did (``history_openers``:
    "Ngày 19 tháng 9 năm 2013, Văn phòng Chính phủ có văn bản số …")."""
    return bool(header_grammar("history_openers").match(own.lstrip()))


_SENTENCE_END = regex.compile(r"[.;](?=\s+\p{Lu})")


def only_recounts(own: str) -> bool:
    """Whether a unit is nothing but such an account: one sentence, so even the request it
    recalls ("… yêu cầu quý Bộ chủ trì …") is history."""
    return recounts(own) and not _SENTENCE_END.search(own.strip())


def gives_particulars(own: str) -> bool:
    """Whether an item gives an event's particulars (``particular_openers``: "Thời gian dự
    thi: …", "Đối tượng dự thi: …")."""
    return bool(header_grammar("particular_openers").match(own.lstrip()))


def points_to_provisions(own: str) -> bool:
    """Whether an item only points to the provisions that govern it (``provision_pointers``:
    "Về kiểm điểm …: Thực hiện theo Mục III Kế hoạch số 13-KH/TU.")."""
    return bool(header_grammar("provision_pointers").fullmatch(own.strip()))


def gives_contact(own: str) -> bool:
    """Whether an item only says whom to call (``contact_openers``: "- Điện thoại: …")."""
    return bool(header_grammar("contact_openers").match(own.lstrip()))


def is_title(own: str) -> bool:
    """Whether an item is only a title (``title_items``: "Dự án 1: “…”.")."""
    return bool(header_grammar("title_items").match(own))


def names_a_member(own: str) -> bool:
    """Whether an item names a person and their place in a body ("Ông Nguyễn Văn Hiếu, Giám
    đốc Sở GDĐT, Trưởng ban;", ``member_entries``): a body's membership, not a task."""
    return bool(header_grammar("member_entries").match(own.strip()))


def states_conditions(own: str) -> bool:
    """Whether a unit only states the conditions of the request before it ("Thời hạn gửi báo
    cáo trước ngày …", "Báo cáo gửi về Bộ phải có xác nhận …")."""
    return bool(header_grammar("condition_openers").match(own.lstrip()))


_EMPHASIS = regex.compile(r"[*_]+")


# "… và hộ gia đình khai thác sử dụng tài nguyên nước dưới đất trên địa bàn": 16 words;
# "hoạt động trong lĩnh vực xây dựng, giao thông, vận tải, logistics và công nghệ thông tin
# trên địa bàn Tỉnh": 21.
_DESCRIPTION_WORDS = 24


@functools.cache
def _group_end() -> regex.Pattern[str]:
    """Where a heading group's description ends, as whole words."""
    return regex.compile(
        rf"(?<!\p{{L}})(?:{header_grammar('heading_group_ends').pattern})(?!\p{{L}})", regex.I
    )


@functools.cache
def _field_list() -> regex.Pattern[str]:
    """Where a heading group's description starts to list trades (its commas part fields)."""
    return regex.compile(
        rf"(?<!\p{{L}})(?:{header_grammar('heading_group_fields').pattern})(?!\p{{L}})", regex.I
    )


_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&./-]*")


def described_group(own: str, offset: int, roles: Roles) -> list[Agency] | None:
    """The lead of a heading that names one group with its description ("Các doanh nghiệp
    thứ cấp đang hoạt động trong KCN", "Các đơn vị cấp nước sạch trên địa bàn thành phố có
    trách nhiệm"): that group, named with its description; None when the heading is not one."""
    # A bracket explains the group ("5. Các chủ rừng là tổ chức (các Ban quản lý rừng đặc
    # dụng, rừng phòng hộ, các Công ty nông, lâm nghiệp…)", chỉ thị 06/CT-UBND Quảng Trị):
    # the bodies it names for example are not the heading's.
    bracket = _TRAILING_BRACKET.search(own)
    named = [a for a in roles.lead if not bracket or _before(a, offset + bracket.start())]
    if len(named) != 1 or roles.support or named[0].kind != "group":
        return None
    group = named[0]
    if group.span is None or own[: group.span.start - offset].strip(" *_\t"):
        return None
    own = own[: bracket.start()] if bracket else own
    tail = _EMPHASIS.sub(" ", own[group.span.end - offset :]).strip().rstrip(":").strip()
    end = _group_end().search(tail)
    description, rest = (tail[: end.start()], tail[end.start() :]) if end else (tail, "")
    words = _WORD.findall(description)
    fields = _field_list().search(description)
    listed = description[: fields.start()] if fields else description
    if (
        not words
        or len(words) > _DESCRIPTION_WORDS
        or "," in listed
        or any(c in description for c in ";.:()")
    ):
        return None
    if rest and not header_grammar("heading_group_predicates").fullmatch(rest.strip()):
        return None
    name = " ".join((group.text or group.name).split() + description.split())
    end = group.span.end + own[group.span.end - offset :].index(description.split()[-1])
    end += len(description.split()[-1])
    span = Span(start=group.span.start, end=end)
    text = own[span.start - offset : span.end - offset]
    return [group.model_copy(update={"name": name, "text": text, "span": span})]


# A bracket that closes a heading (before its colon, if any).
_TRAILING_BRACKET = regex.compile(r"\s*\([^()]*\)[\s*_]*:?[\s*_]*$")


def _before(agency: Agency, at: int) -> bool:
    return agency.span is not None and agency.span.start < at


def topic_end(own: str) -> int:
    """Where the answer begins in an item that names a proposal first ("Về đề nghị Bộ X …:
    Bộ Y nghiên cứu …"): after the first colon; 0 when the item opens no such topic."""
    if not header_grammar("topic_openers").match(own.lstrip()):
        return 0
    colon = own.find(":")
    if colon < 0 or not own[colon + 1 :].strip():
        return 0
    return colon + 1


def directive_start(own: str, offset: int, province: str | None) -> int:
    """Where the task's words begin: after a heading line that names no one ("3. Một số nhiệm
    vụ trọng tâm …" above "Yêu cầu các bộ, …"), else at the item's first word."""
    first, newline, rest = own.partition("\n")
    if not newline or not rest.strip() or first.rstrip().endswith((".", ";", ":", ",")):
        return 0
    if len(first.split()) > _HEADING_WORDS:  # a sentence the line-joining missed, no heading
        return 0
    if find_roles(first, offset=offset, province=province).lead:
        return 0
    # "**2. Sở\nKhoa học và Công nghệ**": a name the conversion wrapped is no heading line.
    second = own[: len(first) + 1 + len(rest.lstrip().split("\n", 1)[0]) + 1]
    if any(
        a.span and a.span.start < offset + len(first) < a.span.end
        for a in find_roles(second, offset=offset, province=province).lead
    ):
        return 0
    return len(first) + 1 + (len(rest) - len(rest.lstrip()))
