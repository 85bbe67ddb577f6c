"""Header and signature tables kept as pipe-table rows, one cell per column.

Markdown conversions and web copies keep a directive's two side-by-side columns as rows:
``| VĂN PHÒNG CHÍNH PHỦ ------- | CỘNG HÒA … Độc lập - Tự do - Hạnh phúc --- |``, ``| Số:
467/TB-VPCP | *Hà Nội, ngày 14 tháng 10 năm 2024* |``, ``| *Nơi nhận:* - Như trên; - Lưu: VT.
| KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Sỹ Hiệp |``. A row is layout when one of its
cells opens with a field; the task tables of the body have none and stay as they are.
"""

from __future__ import annotations

from vbparse.normalize.layout_cells import flatten_cell
from vbparse.normalize.layout_fields import field_patterns, unstarred
from vbparse.normalize.layout_lines import opens_with_marker

__all__ = ["add_signature_rows", "flatten_row", "holds_two_fields", "is_layout_row"]


def flatten_row(line: str) -> str:
    """Each cell on lines of its own; the bars that open and close the row become spaces."""
    cells = [flatten_cell(cell) for cell in line.split("|")]
    inner = "\n".join(cells[1:-1])
    if len(cells) == 2:
        return (
            cells[0] + "\n" + cells[1]
            if cells[0].strip() and cells[1].strip()
            else (cells[0] + " " + cells[1])
        )
    first = cells[0] + (" " if not cells[0].strip() else "\n")
    last = (" " if not cells[-1].strip() else "\n") + cells[-1]
    return first + inner + last


def is_layout_row(line: str) -> bool:
    """Whether ``line`` is a table row with a cell that opens with a layout field."""
    marker = field_patterns()["marker"]
    return "|" in line and any(opens_with_marker(marker, unstarred(c)) for c in line.split("|"))


def add_signature_rows(lines: list[str], layout: list[bool]) -> None:
    """The row under a "Nơi nhận:" row of the closing table is layout too: the list in one
    cell, the signer's title and name in the other ("| - Như trên; - … - Lưu: VT, NC.Châu |
    PHÓ CHỦ TỊCH Nguyễn Ngọc Phúc |" under "Nơi nhận: | KT. CHỦ TỊCH |", a .docx of UBND
    tỉnh Lâm Đồng)."""
    g = field_patterns()
    for i in range(1, len(lines)):
        if not layout[i - 1] or layout[i] or "|" not in lines[i]:
            continue
        first = next((c for c in lines[i - 1].split("|") if c.strip()), "")
        first = unstarred(first).strip()
        if g["list_label"].match(first) and not g["recipients_label"].match(first):
            layout[i] = True


def holds_two_fields(line: str) -> bool:
    """Whether ``line`` is a header table row or holds a second field after its first (the
    motto, V/v, Kính gửi, an authority): ``flatten_layout`` splits such a line there. So
    ``unwrap_lines`` joins no line onto a field line where the joined line would (the motto
    continued by a body line would be split at its next field on a second pass: normalize
    must be idempotent)."""
    if is_layout_row(line):
        return "\n" in flatten_row(line)
    g = field_patterns()
    text = unstarred(line)
    if g["recipients_label"].match(text) and g["body_opening"].search(text):
        return True
    return bool(g["inner"].search(text))
