"""Where a value came from, as far as the records and the grammar files tell: the gazetteer
entry (and its file) behind an agency, the roles.yaml phrase before it, the deadlines
prefix behind a due date. Used by ``vbparse show --explain``."""

from __future__ import annotations

import functools

import regex

from vbparse.extract.agencies.keys import fold_phrase
from vbparse.grammars import grammar_root, load_yaml
from vbparse.models import Agency, Deadline

# How far before an agency a role phrase may stand ("chủ trì, phối hợp với Bộ X").
_ROLE_WINDOW = 40
_ROLE_TRIGGERS = {"lead": "lead_triggers", "support": "support_triggers",
                  "report_to": "report_triggers"}  # fmt: skip


@functools.cache
def _entry_files() -> dict[str, str]:
    """Gazetteer id → the grammar file that defines it (``agencies/ministries.yaml``)."""
    root = grammar_root()
    found: dict[str, str] = {}
    pattern = regex.compile(r"^\s*-?\s*id:\s*([\w-]+)", regex.MULTILINE)
    for path in sorted((root / "agencies").glob("*.yaml")):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(match.group(1), path.relative_to(root).as_posix())
    return found


def explain_agency(agency: Agency) -> str:
    """Which gazetteer entry or grammar named this agency."""
    if agency.id is None:
        if agency.kind == "other":
            return "not in the gazetteer: proposed by underthesea's NER"
        return (
            f"not in the gazetteer: a {agency.kind} named in the standard way "
            "(head noun in agencies/named_bodies.yaml)"
        )
    if agency.id.startswith("group-"):
        return "a group phrase (agencies/groups.yaml)"
    where = _entry_files().get(agency.id)
    if where:
        text = f"gazetteer entry {agency.id} ({where})"
    else:
        text = (
            f"gazetteer entry {agency.id}, made for its province "
            "(agencies/local_bodies.yaml × agencies/provinces.yaml)"
        )
    if agency.successor:
        since = f" since {agency.successor.since}" if agency.successor.since else ""
        text += f"; now {agency.successor.name}{since} (its 'became')"
    return text


def explain_role(
    role: str, agency: Agency, clause_text: str, clause_start: int, text: str | None = None
) -> str:
    """The roles.yaml phrase just before the agency, or where else its role came from: the
    lead-in it was named in (when the document's ``text`` is given), or the addressees."""
    if agency.span is None or not clause_start <= agency.span.start <= clause_start + len(
        clause_text
    ):
        if text is None or agency.span is None or agency.span.end > len(text):
            return f"{role}: not named in this clause (from its lead-in, or the addressees)"
        # The line that named it above the item ("Giao Bộ Y tế chủ trì, phối hợp với …:").
        start = text.rfind("\n", 0, agency.span.start) + 1
        end = text.find("\n", agency.span.end)
        line = text[start : end if end >= 0 else len(text)]
        why = explain_role(role, agency, line, start).removeprefix(f"{role}: ")
        return f"{role}: named in its lead-in “{_clipped(line)}”, {why}"
    before = clause_text[max(0, agency.span.start - clause_start - _ROLE_WINDOW) :][
        : min(_ROLE_WINDOW, agency.span.start - clause_start)
    ]
    folded = " ".join(fold_phrase(before))
    key = _ROLE_TRIGGERS.get(role)
    phrases = [t["phrase"] for t in load_yaml("agencies/roles.yaml").get(key, [])] if key else []
    hits = [p for p in phrases if f" {' '.join(fold_phrase(p))} " in f" {folded} "]
    if hits:
        best = max(hits, key=len)
        return f"{role}: after '{best}' (agencies/roles.yaml {key})"
    if role == "lead" and agency.span.start - clause_start < _ROLE_WINDOW:
        return f"{role}: the clause's subject (agencies/roles.yaml: a run at a segment's start)"
    return f"{role}: by its place in the clause (agencies/roles.yaml)"


def _clipped(line: str, words: int = 12) -> str:
    parts = line.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def explain_deadline(deadline: Deadline) -> str:
    """The deadlines/prefixes.yaml entry whose phrase opens the deadline, and how it counts."""
    folded = " ".join(fold_phrase(deadline.text))
    best = None
    for entry in load_yaml("deadlines/prefixes.yaml")["prefixes"]:
        for phrase in entry["phrases"]:
            key = " ".join(fold_phrase(phrase))
            opens = f"{folded} ".startswith(f"{key} ")
            if opens and (best is None or len(key) > len(best[1])):
                best = (entry["id"], key, phrase)
    parts = [f"relation {deadline.relation}"]
    if deadline.grain:
        parts.append(f"grain {deadline.grain}")
    if best:
        parts.append(f"prefix '{best[2]}' (deadlines/prefixes.yaml {best[0]})")
    elif deadline.relation == "event":
        parts.append("an event (deadlines/events.yaml)")
    elif deadline.relation == "recurring":
        parts.append("a recurrence (deadlines/periods.yaml)")
    if deadline.rule:
        parts.append(deadline.rule)
    if deadline.warning:
        parts.append(f"warning: {deadline.warning}")
    return "; ".join(parts)
