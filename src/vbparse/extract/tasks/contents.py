"""Whether an item's sub-items are what it names (a report's contents, points to note) rather
than tasks of their own."""

from __future__ import annotations

from vbparse.extract.tasks.headings import header_grammar, opens_with, words_besides
from vbparse.extract.tasks.roles import find_roles
from vbparse.segment.clause_tree import Clause
from vbparse.segment.lines import without_leading_specks

__all__ = ["lists_contents", "most_tell_to_act"]


def lists_contents(clause: Clause, own: str, text: str) -> bool:
    """Whether an item's sub-items are what it names, not tasks: "a) Báo cáo … gồm các nội
    dung sau:" (the report's contents), "lưu ý một số nội dung sau:" over "a) Các trường hợp
    …" (công văn 1312/LĐTBXH-ATLĐ, real). Not where most of them open by telling their reader
    to act ("… các đơn vị cần lưu ý những vấn đề sau:" / "a) Tiếp tục rà soát, bổ sung trang
    thiết bị …" / "b) Xây dựng kế hoạch …", công văn 2919/SGDĐT-GDTrH-GDTX Vĩnh Long, real b84)."""
    if not clause.children:
        return False
    if header_grammar("provision_lead_ins").match(own.lstrip()):
        return True
    if not header_grammar("content_lead_ins").search(own):
        return False
    return not most_tell_to_act(clause.children, text)


def most_tell_to_act(items: list[Clause], text: str) -> bool:
    """Whether more than half of ``items`` open by telling their reader to act ("Rà soát …",
    "Xây dựng …") or with the bodies whose work they list."""
    told = sum(
        opens_with("directive_verbs", without_leading_specks(text[c.text_start : c.own_end]))
        or _headed_by_bodies(c, text)
        for c in items
    )
    return told * 2 > len(items)


def _headed_by_bodies(clause: Clause, text: str) -> bool:
    """Whether an item's first line names bodies and nothing else, the bodies whose work it
    lists ("cần lưu ý thực hiện một số nội dung sau:" / "1. Sở Giáo dục và Đào tạo" /
    "Hướng dẫn, chỉ đạo …", kế hoạch 108/KH-UBND Hà Giang, real scan b93)."""
    own = text[clause.text_start : clause.own_end]
    first = own[: own.find("\n")] if "\n" in own else own
    roles = find_roles(first, offset=clause.text_start)
    return bool(roles.lead) and words_besides(first, clause.text_start, roles) == 0
