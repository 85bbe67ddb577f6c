"""The end of a directive: the closing sentence, Nơi nhận (cc) and the signature block.

Fills: where the body ends, cc lines, signer, signer_title, signing_authority, and the body
that speaks of itself in the closing sentence ("Văn phòng Chính phủ trân trọng thông báo").
The Nơi nhận list's lines and entries are read by ``segment.cc_list``, the signer's name and
the title lines of the signature block by ``segment.signature_lines``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from vbparse.grammars import load_yaml
from vbparse.normalize.line_ends import label_start
from vbparse.pattern_time import time_left
from vbparse.segment.authority import authority_prefixes
from vbparse.segment.casing import agency_casing, known_title, title_case
from vbparse.segment.cc_list import (
    clean_cc,
    is_speck,
    read_cc,
    signature_title_beside,
    unlabelled_cc,
)
from vbparse.segment.clause_tree import (
    PARAGRAPH_END,
    clause_pattern,
    directs_on_its_own,
    is_execution_clause,
    opens_a_directive,
    sums_up,
)
from vbparse.segment.lines import Line, quoted_lines, split_lines, without_leading_specks
from vbparse.segment.signature_lines import (
    broken_name,
    deputy_title,
    lone_name,
    name_after_list,
    past_specks,
    rejoin_authorities,
    rejoin_wrapped_authority,
    signer_name,
    title_and_name,
)


@dataclass
class Closing:
    body_end: int
    cc: list[str] = field(default_factory=list)
    signer: str | None = None
    signer_title: str | None = None
    signing_authority: str | None = None
    closing_issuer: str | None = None
    # The closing sentence hands the text on for information only ("… để … biết./.").
    informs_only: bool = False


@functools.cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    g = load_yaml("header.yaml")
    return {
        "cc": regex.compile(g["cc_label"], regex.IGNORECASE),
        "body_end": regex.compile(g["body_end"]),
        "closing_sentence": regex.compile(g["closing_sentence"]),
        "closing_informs_only": regex.compile(g["closing_informs_only"]),
        "closing_issuer": regex.compile(g["closing_issuer"]),
        "receivers": regex.compile(g["forwarding"]["receivers"]),
        "formula": regex.compile(g["forwarding"]["formula"]),
        "authority": regex.compile("^(?P<prefix>" + authority_prefixes() + r")(?(dotless)\s+|\s*)"),
    }


def _written_prefix(prefix: str) -> str:
    """The prefix as the gold writes it: with its dot ("KT" → "KT.", "KT," → "KT.")."""
    prefix = prefix.replace(" ", "").removesuffix(",")
    return prefix if prefix.endswith(".") or "/" in prefix else f"{prefix}."


def find_closing(
    text: str, body_start: int, stop: int, scan: bool = False, title_type: str | None = None
) -> Closing:
    """Read the closing part of ``text[body_start:stop]`` (``stop``: an appendix or the end).
    ``scan``: the text is OCR's, whose seal and signature break the signature block apart: a
    name left alone under the Nơi nhận list is the signer's. ``title_type``: the type code of
    the document's title ("CT", "KH"; None for a công văn), which decides whether a closing
    request after the items is a task (``closing_request_tasks`` in clause_labels.yaml)."""
    p = _patterns()
    lines = [ln for ln in split_lines(text, body_start, stop) if not ln.is_blank]
    cc_label = p["cc"]
    cc_at = next(
        (i for i, ln in enumerate(lines) if cc_label.match(ln.text.strip(), timeout=time_left())),
        None,
    )
    if cc_at is None and (unlabelled := unlabelled_cc(lines)) is not None:
        cc_at, cc_label = unlabelled
    end_at = None
    for i, line in enumerate(lines[: cc_at if cc_at is not None else len(lines)]):
        if p["body_end"].search(line.text, timeout=time_left()) or _hands_on(line.text.strip()):
            end_at = i
    closing = Closing(body_end=stop)
    request_is_task = title_type in _closing_request_tasks()
    if end_at is not None and _ends_directive(
        text, lines, end_at, p["closing_issuer"], request_is_task
    ):
        # The last item itself ends the text ("6. … thực hiện nghiêm Chỉ thị này./."), or
        # the one directive paragraph of a công văn does ("Giao Sở … trước ngày 30/4./."):
        # it stays in the body.
        closing.body_end = lines[end_at].end
    elif end_at is not None:
        closing.body_end = lines[end_at].start
        sentence = lines[end_at].text.strip()
        m = p["closing_issuer"].match(sentence)
        closing.closing_issuer = m.group("issuer") if m else None
        closing.informs_only = bool(
            p["closing_sentence"].match(sentence) and p["closing_informs_only"].search(sentence)
        )
    elif cc_at is not None:
        closing.body_end = lines[cc_at].start
    tail_from = end_at + 1 if end_at is not None else (cc_at if cc_at is not None else len(lines))
    tail = lines[tail_from:]
    cc_lines = read_cc(tail, cc_label) if cc_at is not None else []
    closing.cc = [entry for entry in map(clean_cc, cc_lines) if not is_speck(entry)]
    used = {line.index for line in cc_lines}
    _read_signature(
        closing, [ln for ln in tail if ln.index not in used and not p["cc"].match(ln.text.strip())]
    )
    if closing.signer is None and cc_lines and scan:
        closing.signer = name_after_list(tail) or lone_name(tail)
    if closing.signer_title is None and closing.signing_authority:
        # the signature column beside the list: "KT. TỔNG CỤC TRƯỞNG" on the label's line,
        # the signer's own title after the first entry ("- Như trên; PHÓ TỔNG CỤC TRƯỞNG")
        beside = (t for t in map(signature_title_beside, cc_lines) if t is not None)
        closing.signer_title = next((title_case(t) for t in beside), None)
    if end_at is None and cc_at is None:
        _trim_body_before_signature(closing, lines)
        if closing.body_end < stop:
            # No closing sentence and no Nơi nhận (lost by OCR): the signature is read from
            # its "KT."/"TM."/"TL." line on (công văn 299/UBND-TTHC, real scan).
            _read_signature(closing, [ln for ln in lines if ln.start >= closing.body_end])
    closing.signer_title = deputy_title(closing.signing_authority, closing.signer_title)
    return closing


_SENTENCE_BREAK = regex.compile(r"(?<=[.!?])\s+(?=\p{Lu})")


# A signature block has its authority, title and name on at most this many lines.
_SIGNATURE_LINES = 6


def sign_under_heading(closing: Closing, text: str, heading_start: int) -> None:
    """The signature read just under an appendix heading, when the closing has none: a PDF's
    reading order may put the next page's "Phụ lục I" above the signature block beside it
    (kế hoạch 362/KH-SGDĐT Đồng Tháp). Only a block that opens with "KT."/"TM."/"TL." right
    under the heading counts."""
    if closing.signer or closing.signer_title or closing.signing_authority:
        return
    lines = [ln for ln in split_lines(text, heading_start) if not ln.is_blank]
    if len(lines) < 2 or not _patterns()["authority"].match(lines[1].text.strip()):
        return
    _read_signature(closing, lines[1 : 1 + _SIGNATURE_LINES])


def _paragraph_of(text: str, lines: list[Line], at: int) -> str:
    """The paragraph whose last line is ``lines[at]``: the lines before it back to a blank
    line, a line that ends a sentence, or an item's label."""
    first = at
    while first > 0:
        before = lines[first - 1]
        if "\n\n" in text[before.end : lines[first].start] or label_start().match(before.text):
            break
        if before.text.rstrip().endswith(PARAGRAPH_END):
            break
        first -= 1
    return text[lines[first].start : lines[at].end]


@functools.cache
def _closing_request_tasks() -> frozenset[str]:
    return frozenset(load_yaml("clause_labels.yaml")["closing_request_tasks"])


def _concludes(paragraph: str) -> bool:
    """Whether a paragraph opens by concluding from what came before ("Vì vậy, …")."""
    return bool(clause_pattern("concluding_openers").match(paragraph.strip()))


def _hands_on(line: str) -> bool:
    """The closing sentence by which the issuer hands the text on; not a sentence of the same
    words that announces what follows ("Tổng cục Thuế thông báo để Cục Thuế các tỉnh, thành phố
    … biết ngày có hiệu lực … của Hiệp định MAAC như sau:", công văn 2862/TCT-HTQT, real)."""
    return not line.endswith(":") and bool(
        _patterns()["closing_sentence"].match(line, timeout=time_left())
    )


def _asks_more(line: str, at: int) -> bool:
    """Whether the issuer informs "để" its receivers do more than the formula's "biết, thực
    hiện" ("Tổng cục Thuế thông báo để Cục Thuế tổ chức tuyên truyền và có kế hoạch phân công
    cán bộ hỗ trợ doanh nghiệp./.", công văn 965/TCT-CNTT as OCR text, real b37): a directive
    of the body, whose receivers task assembly reads (``forwarding`` in header.yaml)."""
    purpose = _patterns()["receivers"].search(line, at)
    return purpose is not None and not _patterns()["formula"].search(line, purpose.end())


def _ends_directive(
    text: str,
    lines: list[Line],
    end_at: int,
    closing_issuer: regex.Pattern[str],
    request_is_task: bool,
) -> bool:
    """Whether the line that ends with "./." belongs to the body: a labelled item, a paragraph
    that directs on its own ("Ủy ban nhân dân tỉnh yêu cầu các cơ quan … nghiêm túc triển khai
    thực hiện./.", a task after the items), or, in a body without items, a paragraph in which
    the issuer does not speak of itself ("Văn phòng Chính phủ thông báo để … biết, thực
    hiện./." is the closing)."""
    line = lines[end_at].text.strip()
    if label_start().match(line):
        return True
    if _patterns()["closing_sentence"].match(line):
        return False
    issuer = closing_issuer.match(line)
    if issuer is not None and issuer.group("informs") and not _asks_more(line, issuer.end()):
        return False
    # "Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở … triển khai thực hiện nghiêm túc Chỉ thị
    # này. Giao cho Cục Thi hành án dân sự tỉnh … theo dõi …./." (chỉ thị 07/CT-UBND Quảng
    # Ngãi): a closing that goes on to assign work of its own stays in the body, a task after
    # the items; so does the request alone in a chỉ thị or kế hoạch ("Chủ tịch UBND tỉnh yêu
    # cầu" / "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường tổ chức quán triệt
    # …./.", chỉ thị 012/CT-UBND Đắk Lắk), which the real golds count as a task; in a công văn
    # it is the closing formula.
    # A summing-up with its request ("Trên đây là hướng dẫn của Sở …, đề nghị Ủy ban nhân dân
    # phường, xã … nghiêm túc thực hiện./.", công văn 4646/SGDĐT-TCCB, real PDF) stays in the
    # body too: the real golds count its request as a task (task assembly decides).
    paragraph = _paragraph_of(text, lines, end_at)
    if (request_is_task or sums_up(paragraph) or _concludes(paragraph)) and directs_on_its_own(
        paragraph
    ):
        return True
    if request_is_task and is_execution_clause(paragraph):
        # the execution clause as a paragraph of its own after the article that sets the day
        # the text takes effect ("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký." /
        # "Chánh Văn phòng UBND tỉnh; … chịu trách nhiệm thi hành Quyết định này./.",
        # quyết định 486/QĐ-UBND Thanh Hóa, real DOCX) is a task, as "Điều 4. …" is
        return True
    # (a later sentence's request for word of difficulties goes with the closing formula)
    if any(opens_a_directive(sentence) for sentence in _SENTENCE_BREAK.split(line)[1:]):
        return True
    if directs_on_its_own(paragraph) and clause_pattern("due_day").search(paragraph):
        # a request with its own due day after the items ("Đề nghị lãnh đạo các đơn vị chỉ đạo
        # … góp ý vào dự thảo và gửi ý kiến về … trước ngày 24/5/2023./.", giấy mời
        # 1599/GM-SYT Hải Dương, real PDF b71) asks for work of its own: no closing formula
        return True
    # "Bộ Văn hóa, Thể thao và Du lịch đề nghị Sở … có văn bản …./." (công văn
    # 3313/BVHTTDL-VHDT): the issuer's request is the directive of a letter without items;
    # after items it is the closing.
    quoted = quoted_lines([ln.text for ln in lines[:end_at]])
    return not any(
        label_start().match(ln.text.strip())
        for ln, in_quote in zip(lines[:end_at], quoted, strict=True)
        if not in_quote
    )


_TRAILING_SPECKS = regex.compile(r"[^\p{L}\d)]+$")


def _without_body_line(titles: list[str], authority: regex.Pattern[str]) -> list[str]:
    """The signature's lines without a body's name over a position ("SỞ GIÁO DỤC VÀ ĐÀO TẠO" /
    "GIÁM ĐỐC": each body's block of a joint plan, kế hoạch liên tịch 90/KHLT-SGDĐT-TCGD,
    real PDF): the name says which body signs, the position is the signer's title."""
    if (
        len(titles) >= 2
        and not authority.match(titles[0])
        and agency_casing(titles[0]) is not None
        and known_title(_TRAILING_SPECKS.sub("", titles[1])) is not None
    ):
        return titles[1:]
    return titles


def _read_signature(closing: Closing, lines: list[Line]) -> None:
    """Signature: capitals lines ("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM"), then a name."""
    authority = _patterns()["authority"]
    for i, line in enumerate(lines):
        if not line.is_upper:
            continue
        titles = [line.text.strip()]
        j = i + 1
        while j < len(lines) and lines[j].is_upper:
            titles.append(lines[j].text.strip())
            j += 1
        # The signature opens at its "KT."/"TM."/"TL." line: a capitals line above it is
        # no title (a file tag under the Nơi nhận, "QCV26.07. KHCN").
        opens = next((k for k, t in enumerate(titles) if authority.match(t)), 0)
        titles = rejoin_authorities(titles[opens:], authority)
        name_at = past_specks(lines, j)
        name = signer_name(lines[name_at].text.strip()) if name_at < len(lines) else None
        # A short surname broken off its name reads as a speck ("Vũ" / "Chiến Thắng").
        for at in dict.fromkeys((j, name_at)):
            if at + 1 < len(lines) and (whole := broken_name(lines[at : at + 2])):
                name = whole
                break
        if name is None and name_at == j < len(lines):
            title, name = title_and_name(lines[name_at].text.strip())
            titles += [title] if name is not None else []
        if name is not None:
            closing.signer = name
        elif not authority.match(titles[0]) and not (len(titles) == 1 and known_title(titles[0])):
            # Without a name below, only "KT. …"/"TM. …"/"TL. …" or a position alone ("THỦ
            # TƯỚNG", công văn 927/TTg-KTTH) opens a signature: a web copy keeps the signature's
            # first lines and drops the name, site text following.
            continue
        # "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the prefixed lines say on
        # whose behalf, the rest is the signer's own title.
        on_behalf = []
        titles = _without_body_line(rejoin_wrapped_authority(titles, authority), authority)
        while titles and (m := authority.match(titles[0])):
            # a speck OCR read before the body's name ("TM. 'ỦY BAN NHÂN DÂN", kế hoạch
            # 70/KH-UBND, real scan) is no part of it
            body = without_leading_specks(titles[0][m.end() :])
            on_behalf.append(f"{_written_prefix(m.group('prefix'))} {title_case(body)}")
            titles = titles[1:]
        closing.signing_authority = ", ".join(on_behalf) or None
        closing.signer_title = _signer_title(" ".join(titles)) if titles else None
        return


# "Q." (quyền): a deputy acting as the head writes it before the head's title ("Q. BỘ TRƯỞNG",
# Nghị định 30/2020/NĐ-CP, Phụ lục I); part of the signer's own title, not on whose behalf.
_ACTING = regex.compile(r"Q\s*[./]\s*")


def _signer_title(written: str) -> str:
    """The signer's title in its casing, an acting head's "Q." kept in front; specks OCR read
    before it ("~- PHÓ CHỦ NHIỆM", công văn 450/VPCP-QHQT as OCR text, real b33) go."""
    written = _TRAILING_SPECKS.sub("", without_leading_specks(written))
    if acting := _ACTING.match(written):
        return f"Q. {title_case(written[acting.end() :])}"
    return title_case(written)


def _trim_body_before_signature(closing: Closing, lines: list[Line]) -> None:
    """With no closing sentence and no Nơi nhận, the body ends where the signature starts:
    its "KT."/"TM."/"TL." line, or the head's own title in capitals above the name that ends
    the text ("THỦ TƯỚNG" / "Nguyễn Tấn Dũng", công điện 1225/CĐ-TTg as a web copy, real)."""
    for line in lines:
        if _patterns()["authority"].match(line.text.strip()):
            closing.body_end = line.start
            return
    tail = lines[-_OWN_SIGNATURE_LINES:]
    if len(tail) < 2 or signer_name(tail[-1].text.strip()) is None:
        return
    for line in reversed(tail[:-1]):
        text = line.text.strip()
        if line.is_upper and known_title(title_case(text)) is not None:
            closing.body_end = line.start
            return


# The head's title and name signing in their own right: the title at most this many lines
# above the text's end.
_OWN_SIGNATURE_LINES = 3
