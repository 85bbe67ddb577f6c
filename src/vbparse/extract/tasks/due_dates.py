"""Due dates a request takes from the paragraph after it: the condition that states it
("Thời hạn gửi báo cáo trước ngày 28/02/2010."), or a paragraph that names no one and only
says when ("Văn bản xin gửi về Bộ … trước ngày 19/4/2011")."""

from __future__ import annotations

import regex

from vbparse.extract.tasks.headings import is_opener
from vbparse.extract.tasks.units import TaskContext, unit_roles
from vbparse.extract.time.deadlines import clause_deadline
from vbparse.models import Deadline, Task
from vbparse.segment.clause_tree import Clause

__all__ = ["deadline_after", "for_a_purpose", "take_due_date"]


def take_due_date(task: Task, deadline: Deadline | None) -> None:
    """A request's due date set by the condition after it ("Thời hạn gửi báo cáo trước ngày
    28/02/2010."), when the request names none itself or only the year its work covers."""
    if deadline is None or deadline.relation != "by":
        return
    if task.deadline is None or _only_the_period(task.deadline, deadline):
        task.deadline = deadline


def _only_the_period(own: Deadline, stated: Deadline) -> bool:
    """Whether the request's own "deadline" is the year its work covers ("báo cáo hoạt động
    của đơn vị trong năm 2017" / "Văn bản gửi về Sở Y tế trước ngày 20 tháng 12 năm 2017",
    công văn 2264/SYT-NVY Kiên Giang, real scan): a due date of a day the condition sets
    within that year is the request's."""
    return (
        own.relation == "within"
        and own.grain == "year"
        and stated.grain == "day"
        and own.date is not None
        and stated.date is not None
        and stated.date.year == own.date.year
    )


# "để" opens a purpose clause: what the issuer will do with the work, at its own time.
_PURPOSE = regex.compile(r"\bđể\b[^.;]*$")


def for_a_purpose(own: str, offset: int, deadline: Deadline) -> bool:
    """Whether a paragraph's due date is the one of the purpose the work serves ("… đề nghị
    quý cơ quan cho ý kiến làm cơ sở để Bộ NN&PTNT trình Thủ tướng Chính phủ phê duyệt, phục vụ
    công tác đàm phán trước tháng 5/2011.", công văn 970/BNN-HTQT as luatminhkhue.vn holds it,
    real b127): the paragraph after it may set the request's own ("Văn bản xin gửi về Bộ
    NN&PTNT trước ngày 19/4/2011")."""
    if deadline.span is None:
        return False
    return _PURPOSE.search(own, 0, deadline.span.start - offset) is not None


def deadline_after(para: Clause, text: str, context: TaskContext) -> Deadline | None:
    """The due date a paragraph that directs no one of its own sets for the directive before
    it ("Thời gian gửi báo cáo trước ngày 20 tháng 3 năm 2009.", công văn 1479/VPCP-KTTH)."""
    own = text[para.text_start : para.own_end]
    roles = unit_roles(own, para.text_start, context)
    if roles.lead_triggered or (roles.lead_opens and roles.lead and not is_opener(own)):
        return None
    deadline = clause_deadline(own, offset=para.text_start, doc_date=context.doc_date)
    return deadline if deadline is not None and deadline.relation == "by" else None
