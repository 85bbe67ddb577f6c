"""``vbparse show FILE``: one document in the terminal (rich) — its header fields, its clause
tree, and each task with lead, support and deadline, the matched words highlighted in the
clause text; ``--explain`` adds where each value came from (``vbparse.explain``)."""

from __future__ import annotations

from typing import IO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from vbparse.explain import explain_agency, explain_deadline, explain_role
from vbparse.models import Agency, Document, Task
from vbparse.pipeline import ParsedDocument
from vbparse.segment.clause_tree import Clause

STYLES = {"lead": "bold cyan", "support": "magenta", "report_to": "green", "deadline": "yellow"}
_PREVIEW = 60


def show_document(parsed: ParsedDocument, stream: IO[str], explain: bool = False) -> None:
    document = parsed.document
    assert document is not None
    console = Console(file=stream, highlight=False, soft_wrap=False)
    console.print(_header(document))
    if parsed.tree is not None:
        console.print(_clause_tree(parsed, document))
    for task in document.tasks:
        console.print(_task_panel(task, explain, parsed.text))
    if document.warnings:
        warnings = Text("\n".join(f"{w.stage}: {w.message}" for w in document.warnings))
        console.print(Panel(warnings, title=f"{len(document.warnings)} warnings", style="dim"))


def _header(document: Document) -> Panel:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    source = document.source
    read = f"{source.format}" + (f", {source.pages} pages" if source.pages else "")
    if source.ocr:
        read += f", OCR (confidence {source.ocr_confidence or 0:.0f})"
    fields = [
        ("file", f"{source.path} ({read})"),
        ("number", document.number),
        ("type", document.type),
        ("issuer", document.issuer),
        ("place, date", ", ".join(str(v) for v in (document.place, document.date) if v)),
        ("subject", document.subject),
        ("recipients", "; ".join(document.recipients)),
        ("signed", _signature(document)),
        ("tasks", str(len(document.tasks))),
    ]
    if document.duplicate_of:
        fields.append(("duplicate of", document.duplicate_of))
    for name, value in fields:
        table.add_row(name, value or Text("—", style="dim"))
    return Panel(table, title="document", title_align="left")


def _clause_tree(parsed: ParsedDocument, document: Document) -> Tree:
    tasks_by_id = {}
    for task in document.tasks:
        tasks_by_id.setdefault(task.id, []).append(task)
    tree = Tree(Text("clauses", style="bold"))
    assert parsed.tree is not None

    def add(node: Tree, clause: Clause) -> None:
        words = parsed.text[clause.text_start : clause.own_end].strip().replace("\n", " ")
        words = words if len(words) <= _PREVIEW else words[: _PREVIEW - 1] + "…"
        label = Text(f"{clause.id} ", style="bold")
        label.append(words)
        if clause.id in tasks_by_id:
            label.append("  ◆ task", style="cyan")
        branch = node.add(label)
        for child in clause.children:
            add(branch, child)

    for clause in sorted(parsed.tree.roots + parsed.tree.paragraphs, key=lambda c: c.start):
        add(tree, clause)
    return tree


def _task_panel(task: Task, explain: bool, text: str) -> Panel:
    offset = task.span.end - len(task.text)  # the task's words end its clause
    rows: list[Text] = []
    for role in ("lead", "support", "report_to"):
        agencies: list[Agency] = getattr(task, role)
        if not agencies:
            continue
        line = Text(f"{role}: ", style="bold")
        line.append("; ".join(_agency_name(a) for a in agencies), style=STYLES[role])
        rows.append(line)
        if explain:
            for agency in agencies:
                rows.append(Text(f"  ↳ {agency.name}: {explain_agency(agency)}", style="dim"))
                why = explain_role(role, agency, task.text, offset, text)
                rows.append(Text(f"    {why}", style="dim"))
    if task.deadline:
        deadline = task.deadline
        line = Text("deadline: ", style="bold")
        line.append(
            f"{deadline.date or '—'} ({deadline.relation}) “{deadline.text}”", style="yellow"
        )
        rows.append(line)
        if explain:
            rows.append(Text(f"  ↳ {explain_deadline(deadline)}", style="dim"))
    if task.status:
        rows.append(Text(f"status: {task.status}", style="bold"))
    rows.append(_highlighted(task, offset))
    return Panel(Group(*rows), title=f"task {task.id}", title_align="left")


def _agency_name(agency: Agency) -> str:
    if agency.successor:
        return f"{agency.name} (now {agency.successor.name})"
    return agency.name


def _highlighted(task: Task, offset: int) -> Text:
    text = Text(task.text)
    spans = [(a.span, a.text, role) for role in ("lead", "support", "report_to")
             for a in getattr(task, role)]  # fmt: skip
    if task.deadline:
        spans.append((task.deadline.span, task.deadline.text, "deadline"))
    for span, words, role in spans:
        if span is None:
            continue
        start, end = span.start - offset, span.end - offset
        if start >= 0 and end <= len(task.text) and task.text[start:end] == words:
            text.stylize(f"{STYLES[role]} underline", start, end)
    return text


def _signature(document: Document) -> str:
    """ "KT. Bộ trưởng, Thứ trưởng — Nguyễn Văn A": the authority and the signer's title (the
    title alone when the signer signs in their own right, "Chủ tịch — Đoàn Anh Dũng")."""
    office = ", ".join(v for v in (document.signing_authority, document.signer_title) if v)
    return " — ".join(v for v in (office, document.signer) if v)
