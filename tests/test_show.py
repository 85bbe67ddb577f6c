"""``vbparse show FILE [--explain]``: header fields, the clause tree, each task with its
values, and with --explain the gazetteer entry or grammar rule behind each value."""

import io
from pathlib import Path

from cli_runner import run

from vbparse.exit_status import ExitStatus

ROOT = Path(__file__).parents[1]
DOC = ROOT / "tests" / "fixtures" / "real" / "b01_vpcp_cv_a" / "cv_910_vpcp-kgvx_2010.txt"
TB = ROOT / "corpus" / "004_a135c2dc3c7e6627.txt"
# a công văn whose one task names its lead in its own words ("Bộ Y tế nghiên cứu …")
ONE_PARAGRAPH = ROOT / "tests" / "fixtures" / "real" / "b01_vpcp_cv_a" / "cv_375_vpcp-kgvx_2010.txt"


def _flat(out: str) -> str:
    """The text without the box drawing and line wraps, for phrase checks."""
    return " ".join(out.replace("│", " ").split())


def test_show_draws_header_clause_tree_and_tasks():
    status, out, err = run("show", DOC)
    assert status == ExitStatus.SUCCESS, err
    flat = _flat(out)
    assert "number 910/VPCP-KGVX" in flat and "issuer Văn phòng Chính phủ" in flat
    assert "place, date Hà Nội, 2010-02-08" in flat
    # the authority and the signer's own title
    assert "signed KT. Bộ trưởng, Chủ nhiệm, Phó Chủ nhiệm — Nguyễn Hữu Vũ" in flat
    assert "clauses" in out and "├──" in out  # the tree
    for task_id in ("1", "2"):
        assert f"task {task_id} " in flat
    # "Giao Bộ Y tế chủ trì, phối hợp với …:" introduces items 1 and 2; it is no task itself
    assert "task p1 " not in flat
    assert "support: Bộ Kế hoạch và Đầu tư (now Bộ Tài chính); Bộ Tài chính" in flat
    assert "↳" not in out  # no explanations without --explain


def test_show_explain_names_entries_and_rules():
    status, out, _ = run("show", DOC, "--explain")
    assert status == ExitStatus.SUCCESS
    flat = _flat(out)
    assert "gazetteer entry bo-y-te (agencies/ministries.yaml)" in flat
    # items 1 and 2 take both from the lead-in "Giao Bộ Y tế chủ trì, phối hợp với …:"
    assert "lead: named in its lead-in “Giao Bộ Y tế chủ trì, phối hợp" in flat
    assert "after 'giao' (agencies/roles.yaml lead_triggers)" in flat
    assert "after 'phối hợp với' (agencies/roles.yaml support_triggers)" in flat
    assert "now Bộ Tài chính since 2025-03-01" in flat


def test_show_explain_names_the_deadline_prefix():
    status, out, _ = run("show", TB, "--explain")
    assert status == ExitStatus.SUCCESS
    assert "(deadlines/prefixes.yaml " in _flat(out)


def test_show_highlights_matched_words_on_a_terminal():
    from vbparse.pipeline import parse_file_stages
    from vbparse.show import show_document

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    show_document(parse_file_stages(ONE_PARAGRAPH), stream)
    out = stream.getvalue()
    assert "\x1b[" in out  # styled
    assert "\x1b[1;4;36mBộ Y tế\x1b[0m" in out  # the lead, bold cyan underlined in the text


def test_show_bad_input_is_an_error_not_a_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status, _, err = run("show", empty)
    assert status == ExitStatus.SOME_FAILED and f"vbparse: error: {empty}: empty file" in err
    status, _, err = run("show", tmp_path / "missing.txt")
    assert status == ExitStatus.USAGE and "no such file" in err
