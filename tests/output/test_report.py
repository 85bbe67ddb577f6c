"""``vbparse report``: one self-contained HTML file, checked in headless Chromium (Debian
``chromium``, installed by ``make install-test``): charts and rows are there, a filter set in
the address hides the other rows, and a screenshot is saved."""

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from cli_runner import run

from vbparse.exit_status import ExitStatus

ROOT = Path(__file__).parents[2]
REAL = ROOT / "tests" / "fixtures" / "real"
AS_OF = "2025-10-01"


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """Task records of a real batch: VPCP công văn 2007–2014, many overdue by now."""
    out = tmp_path_factory.mktemp("records") / "tasks.jsonl"
    status, _, _err = run(REAL / "b01_vpcp_cv_a", "-o", out, "-w", 0, "-q")
    assert status == ExitStatus.SOME_FAILED  # SOURCES.md is no directive
    return out


@pytest.fixture(scope="module")
def report(records, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    status, _, err = run("report", records, "-o", out, "--as-of", AS_OF)
    assert status == ExitStatus.SUCCESS, err
    return out


def _tasks(records: Path) -> list[dict]:
    return [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]


class _Rows(HTMLParser):
    """The table rows of a page (hidden or not) and the text of ``#shown``."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, str | None]] = []
        self.shown = ""
        self._in_shown = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-status" in attrs:
            self.rows.append(attrs)
        self._in_shown = attrs.get("id") == "shown"

    def handle_data(self, data):
        if self._in_shown:
            self.shown += data
            self._in_shown = False


def _parse(page: str) -> _Rows:
    parser = _Rows()
    parser.feed(page)
    return parser


def test_report_is_self_contained_with_charts_rows_and_evidence(records, report):
    page = report.read_text(encoding="utf-8")
    tasks = _tasks(records)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # loads nothing
    assert "<script src" not in page and "@import" not in page
    rows = _parse(page).rows
    assert len(rows) == len(tasks)
    leads = {a["name"] for t in tasks for a in t["lead"]}
    bars = re.findall(r'<g class="bar" data-agency="([^"]+)"', page)
    assert bars and set(bars) <= leads | {"(no lead)"}
    overdue = [
        t
        for t in tasks
        if t["deadline"] and t["deadline"]["date"] and t["deadline"]["date"] < AS_OF
    ]
    assert overdue and sum(r["data-status"] == "overdue" for r in rows) == len(overdue)
    assert 'class="month overdue"' in page and 'id="as-of"' in page
    assert '<mark class="lead">' in page and '<mark class="deadline">' in page


def test_report_status_follows_as_of(records, tmp_path):
    out = tmp_path / "early.html"
    assert run("report", records, "-o", out, "--as-of", "2000-01-01")[0] == ExitStatus.SUCCESS
    assert 'data-status="overdue"' not in out.read_text(encoding="utf-8")


def test_report_bad_input_is_an_error_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"x": 1}\n', encoding="utf-8")
    status, _, err = run("report", bad, "-o", tmp_path / "r.html")
    assert status == ExitStatus.SOME_FAILED and f"vbparse: error: {bad}:1:" in err
    status, _, err = run("report", tmp_path / "none.jsonl", "-o", tmp_path / "r.html")
    assert status == ExitStatus.USAGE
    status, _, err = run("report", bad, "-o", tmp_path, "--as-of", "2025-13-01")
    assert status == ExitStatus.USAGE and "not a date" in err


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed (make install-test installs it as root)")
    pytest.skip("chromium is not installed: apt-get install chromium (make install-test)")


def _headless(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--virtual-time-budget=3000",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_report_in_headless_chromium_filters_and_screenshots(records, report, tmp_path):
    tasks = _tasks(records)
    url = report.as_uri()
    dom = _parse(_headless("--dump-dom", url).stdout)
    assert len(dom.rows) == len(tasks) and dom.shown == str(len(tasks))
    assert all("hidden" not in row for row in dom.rows)

    overdue = _parse(_headless("--dump-dom", url + "#status=overdue").stdout)
    visible = [row for row in overdue.rows if "hidden" not in row]
    assert visible and all(row["data-status"] == "overdue" for row in visible)
    assert overdue.shown == str(len(visible)) and len(visible) < len(tasks)

    agency = "Bộ Kế hoạch và Đầu tư"
    fragment = "#agency=" + agency.replace(" ", "+")
    by_agency = _parse(_headless("--dump-dom", url + fragment).stdout)
    visible = [row for row in by_agency.rows if "hidden" not in row]
    expected = [t for t in tasks if agency in {a["name"] for a in t["lead"]}]
    assert len(visible) == len(expected) > 0

    shot = tmp_path / "report.png"
    _headless("--window-size=1280,1400", f"--screenshot={shot}", url + "#status=overdue")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000


def test_report_rows_from_document_records_with_text_use_exact_spans(tmp_path):
    doc = REAL / "b01_vpcp_cv_a" / "cv_910_vpcp-kgvx_2010.txt"
    out = tmp_path / "docs.jsonl"
    run(doc, "-o", out, "--records", "documents", "--text", "-w", 0, "-q")
    from vbparse.output.report_data import load_rows

    record = json.loads(out.read_text(encoding="utf-8"))
    rows = load_rows(out, dt.date(2025, 1, 1))
    assert len(rows) == len(record["tasks"])
    for row, task in zip(rows, record["tasks"], strict=True):
        span = task["span"]
        assert row.evidence == record["text"][span["start"] : span["end"]]
        for mark in row.marks:
            start = span["start"] + mark.start
            assert (
                record["text"][start : span["start"] + mark.end]
                == row.evidence[mark.start : mark.end]
            )
