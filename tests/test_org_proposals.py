"""underthesea (optional, GPL-3.0) only proposes organisations the gazetteer lacks; each
proposal is reported as a warning with its span, never dropped silently."""

from pathlib import Path

import pytest

from vbparse.extract.agencies import org_ner
from vbparse.pipeline import ParseOptions, parse_file

SEED = Path(__file__).parent / "fixtures" / "seeds" / "002_0284457f90b6ede2.txt"
UNKNOWN = "Công ty Cổ phần Viễn thông Hòa Bình Xanh"


def _fake_ner(line):
    """A stand-in tagger: B-ORG/I-ORG on the unknown company and on a known ministry."""
    rows = []
    for name in (UNKNOWN, "Bộ Khoa học và Công nghệ"):
        if name in line:
            words = name.split()
            rows += [(words[0], "N", "B-NP", "B-ORG")]
            rows += [(w, "N", "I-NP", "I-ORG") for w in words[1:]]
    return rows


def test_org_proposals_off_by_default():
    assert not [w for w in parse_file(SEED).warnings if w.stage == "ner"]


def test_org_proposals_report_only_unknown_organisations(tmp_path, monkeypatch):
    monkeypatch.setattr(org_ner, "_load_ner", lambda: _fake_ner)
    text = SEED.read_text(encoding="utf-8").replace(
        "Văn phòng Chính phủ thông báo",
        f"{UNKNOWN} phối hợp thực hiện.\nVăn phòng Chính phủ thông báo",
    )
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse_file(path, ParseOptions(propose_organisations=True))
    proposals = [w for w in doc.warnings if w.stage == "ner"]
    assert [w.message for w in proposals] == [f"organisation not in the gazetteer: {UNKNOWN!r}"]
    span = proposals[0].span
    assert span is not None


def test_org_proposals_with_real_underthesea_run():
    pytest.importorskip("underthesea")
    doc = parse_file(SEED, ParseOptions(propose_organisations=True))
    assert all(w.span is not None for w in doc.warnings if w.stage == "ner")
