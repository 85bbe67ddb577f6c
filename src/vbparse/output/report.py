"""``vbparse report``: one self-contained HTML file — tasks per lead agency (bar chart),
deadlines by month with the overdue ones marked, and a filterable table of every task with
its evidence (agency and deadline words highlighted).

Charts are SVG written here (two bar charts do not justify shipping a chart library inline),
the filter is a few lines of inline JavaScript; the page loads nothing from anywhere. A
filter can be set from the address: ``report.html#agency=Bộ Y tế&status=overdue``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from pathlib import Path

from vbparse.output.report_data import ReportRow

_TOP_AGENCIES = 20
_NO_LEAD = "(no lead)"
STATUSES = ("overdue", "pending", "done", "no deadline")
_COLOURS = {"overdue": "#c0392b", "pending": "#2e86c1", "done": "#27ae60", "no deadline": "#999"}


def render_report(rows: list[ReportRow], as_of: dt.date, title: str) -> str:
    counts = Counter(row.status for row in rows)
    documents = len({row.source for row in rows})
    summary = (
        f"{len(rows)} tasks from {documents} documents; as of {as_of.isoformat()}: "
        + ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
    )
    return _PAGE.format(
        title=_e(title),
        summary=_e(summary),
        as_of=as_of.isoformat(),
        agency_chart=agency_chart(rows),
        deadline_chart=deadline_chart(rows, as_of),
        agency_options=_options(sorted({a for r in rows for a in (r.leads or (_NO_LEAD,))})),
        status_options=_options([s for s in STATUSES if counts[s]]),
        month_options=_options(sorted({r.month for r in rows if r.month})),
        rows="\n".join(_table_row(row) for row in rows),
        total=len(rows),
        style=_STYLE,
        script=_SCRIPT,
    )


def write_report(rows: list[ReportRow], as_of: dt.date, target: Path, title: str) -> None:
    target.write_text(render_report(rows, as_of, title), encoding="utf-8")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _options(values: list[str]) -> str:
    return "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in values)


def agency_chart(rows: list[ReportRow]) -> str:
    """Horizontal bars: tasks per lead agency, the most first; a task with two leads counts
    for both. Clicking a bar filters the table."""
    counts = Counter(a for r in rows for a in (r.leads or (_NO_LEAD,)))
    top = counts.most_common(_TOP_AGENCIES)
    rest = len(counts) - len(top)
    if not top:
        return '<p class="empty">No tasks.</p>'
    bar_h, label_w, width = 22, 360, 900
    most = top[0][1]
    parts = []
    for i, (name, n) in enumerate(top):
        y = i * bar_h
        w = max(2, round((width - label_w - 50) * n / most))
        label = name if len(name) <= 55 else name[:54] + "…"
        parts.append(
            f'<g class="bar" data-agency="{_e(name)}"><title>{_e(name)}: {n}</title>'
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_e(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{bar_h - 6}"></rect>'
            f'<text x="{label_w + w + 4}" y="{y + 15}">{n}</text></g>'
        )
    height = len(top) * bar_h + 4
    note = f'<p class="note">and {rest} more agencies (see the table)</p>' if rest > 0 else ""
    return (
        f'<svg id="agency-chart" class="chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="tasks per lead agency">'
        + "".join(parts)
        + "</svg>"
        + note
    )


def deadline_chart(rows: list[ReportRow], as_of: dt.date) -> str:
    """Bars per month of the due dates, overdue (as of ``as_of``) stacked in red, with a line
    at ``as_of``."""
    dated = [r for r in rows if r.due]
    if not dated:
        return '<p class="empty">No task has a due date.</p>'
    first = min(min(r.due for r in dated if r.due), as_of)
    last = max(max(r.due for r in dated if r.due), as_of)
    months = _months(first, last)
    by_month: dict[str, Counter] = {m: Counter() for m in months}
    for row in dated:
        by_month[row.month]["overdue" if row.status == "overdue" else "other"] += 1
    width, height, left, bottom = 900, 220, 30, 30
    step = (width - left) / len(months)
    most = max(sum(c.values()) for c in by_month.values()) or 1
    scale = (height - bottom - 10) / most
    parts = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" '
        'class="axis"></line>'
    ]
    for i, month in enumerate(months):
        x = left + i * step
        base = height - bottom
        for kind in ("other", "overdue"):
            n = by_month[month][kind]
            if not n:
                continue
            h = n * scale
            base -= h
            parts.append(
                f'<rect class="month {kind}" data-month="{month}" x="{x + 1:.1f}" '
                f'y="{base:.1f}" width="{max(step - 2, 1):.1f}" height="{h:.1f}">'
                f"<title>{month}: {n} {'overdue' if kind == 'overdue' else 'not overdue'}"
                "</title></rect>"
            )
        if len(months) <= 24 or month.endswith("-01"):
            parts.append(
                f'<text class="tick" x="{x + step / 2:.1f}" y="{height - bottom + 14}" '
                f'text-anchor="middle">{month if len(months) <= 24 else month[:4]}</text>'
            )
    index = months.index(as_of.strftime("%Y-%m"))
    x = left + (index + (as_of.day - 1) / 31) * step
    # The label goes on the side of the line with room for it.
    anchor, dx = ("end", -3) if x > width - 120 else ("start", 3)
    parts.append(
        f'<line id="as-of" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - bottom}"></line>'
        f'<text x="{x + dx:.1f}" y="12" text-anchor="{anchor}" class="as-of">'
        f"as of {as_of.isoformat()}</text>"
    )
    return (
        f'<svg id="deadline-chart" class="chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="deadlines by month">'
        + "".join(parts)
        + "</svg>"
    )


def _months(first: dt.date, last: dt.date) -> list[str]:
    out, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _highlight(row: ReportRow) -> str:
    out, at = [], 0
    for mark in row.marks:
        out.append(_e(row.evidence[at : mark.start]))
        out.append(f'<mark class="{mark.kind}">{_e(row.evidence[mark.start : mark.end])}</mark>')
        at = mark.end
    out.append(_e(row.evidence[at:]))
    return "".join(out)


def _table_row(row: ReportRow) -> str:
    agencies = "|".join(row.leads or (_NO_LEAD,))
    due = row.due.isoformat() if row.due else _e(row.deadline_text or "")
    date = row.doc_date.isoformat() if row.doc_date else ""
    return (
        f'<tr data-agencies="{_e(agencies)}" data-status="{row.status}" '
        f'data-month="{row.month}" data-document="{_e(row.document)}">'
        f'<td title="{_e(row.source)}">{_e(row.document)}<br><small>{date}</small></td>'
        f"<td>{_e(row.clause)}</td>"
        f"<td>{_e('; '.join(row.leads))}</td>"
        f"<td>{_e('; '.join(row.supports))}</td>"
        f"<td>{due}</td>"
        f'<td><span class="status {row.status.replace(" ", "-")}">{row.status}</span></td>'
        f'<td class="evidence">{_highlight(row)}</td></tr>'
    )


_STYLE = """
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}
.chart text{font-size:12px;fill:#333}.bar rect{fill:#2e86c1;cursor:pointer}
.bar:hover rect{fill:#1b4f72}.month.other{fill:#2e86c1}.month.overdue{fill:#c0392b}
.axis{stroke:#999}#as-of{stroke:#c0392b;stroke-dasharray:4 3}.as-of{fill:#c0392b}
.tick{font-size:10px}.note,.empty{color:#666}
#filters{display:flex;gap:1em;flex-wrap:wrap;margin:.5em 0}
#filters label{font-size:.9em}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border-bottom:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3;position:sticky;top:0}
mark.lead{background:#d6eaf8}mark.support{background:#e8daef}mark.deadline{background:#fdebd0}
.status{padding:1px 5px;border-radius:3px;color:#fff;font-size:.85em;white-space:nowrap}
.status.overdue{background:#c0392b}.status.pending{background:#2e86c1}
.status.done{background:#27ae60}.status.no-deadline{background:#999}
.evidence{max-width:40em}
"""

_SCRIPT = """
const rows = Array.from(document.querySelectorAll('#tasks tbody tr'));
const fields = ['agency', 'status', 'month', 'document'];
function value(name) { return document.getElementById('f-' + name).value.trim(); }
function apply() {
  const f = Object.fromEntries(fields.map(n => [n, value(n)]));
  let shown = 0;
  for (const r of rows) {
    const ok = (!f.agency || r.dataset.agencies.split('|').includes(f.agency))
      && (!f.status || r.dataset.status === f.status)
      && (!f.month || r.dataset.month === f.month)
      && (!f.document || r.dataset.document.toLowerCase().includes(f.document.toLowerCase()));
    r.hidden = !ok;
    if (ok) shown++;
  }
  document.getElementById('shown').textContent = shown;
  document.body.dataset.shown = shown;
  const hash = new URLSearchParams(Object.entries(f).filter(([, v]) => v)).toString();
  history.replaceState(null, '', hash ? '#' + hash : location.pathname);
}
function fromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const n of fields) document.getElementById('f-' + n).value = params.get(n) || '';
  apply();
}
for (const n of fields) document.getElementById('f-' + n).addEventListener('input', apply);
for (const bar of document.querySelectorAll('.bar')) bar.addEventListener('click', () => {
  document.getElementById('f-agency').value = bar.dataset.agency; apply(); });
for (const m of document.querySelectorAll('.month')) m.addEventListener('click', () => {
  document.getElementById('f-month').value = m.dataset.month; apply(); });
window.addEventListener('hashchange', fromHash);
fromHash();
"""

_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{style}</style></head>
<body data-as-of="{as_of}">
<h1>{title}</h1>
<p id="summary">{summary}</p>
<h2>Tasks per lead agency</h2>
{agency_chart}
<h2>Deadlines by month (overdue as of {as_of} in red)</h2>
{deadline_chart}
<h2>Tasks (<span id="shown">{total}</span> of {total} shown)</h2>
<div id="filters">
<label>Agency <select id="f-agency"><option value="">all</option>{agency_options}</select></label>
<label>Status <select id="f-status"><option value="">all</option>{status_options}</select></label>
<label>Deadline month <select id="f-month"><option value="">all</option>{month_options}</select>
</label>
<label>Document <input id="f-document" type="search" placeholder="number or file"></label>
</div>
<table id="tasks"><thead><tr><th>Document</th><th>Clause</th><th>Lead</th><th>Support</th>
<th>Deadline</th><th>Status</th><th>Evidence</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<script>{script}</script>
</body></html>
"""
