"""The regex module's timeout bounds matching per document, in any thread (issue 14): a
runaway pattern is an error record "pattern timed out", not a hang."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import regex

from vbparse.batch import keep_document, parse_one
from vbparse.normalize.offsets import NormalizedText
from vbparse.pattern_time import pattern_deadline, time_left

SEED = Path(__file__).parent / "fixtures" / "seeds" / "000_3070b849d0d1c768.txt"
# Exponential backtracking: (a|aa)+ tries every split of the a's before the final b fails.
RUNAWAY = regex.compile(r"(?:a|aa)+$")


def in_thread(work, wait_s: float = 120.0):
    """``work()`` in a thread of its own (where SIGALRM never reaches); its result or its
    exception, or ``TimeoutError`` when it is still running after ``wait_s``."""
    outcome: dict = {}

    def target():
        try:
            outcome["result"] = work()
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)  # a hung one must not block exit
    thread.start()
    thread.join(wait_s)
    if thread.is_alive():
        raise AssertionError(f"still matching after {wait_s} s: no time limit applied")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def test_pattern_time_stops_a_runaway_substitution_in_a_thread():
    text = NormalizedText.identity("a" * 60 + "b")

    def work():
        with pattern_deadline(0.5):
            return text.sub(RUNAWAY, "")

    started = time.monotonic()
    with pytest.raises(TimeoutError):
        in_thread(work)
    assert time.monotonic() - started < 60  # regex checks its clock coarsely (8 s here)


def test_pattern_time_inner_block_cannot_extend_the_outer_one():
    with pattern_deadline(1.0), pattern_deadline(100.0):
        left = time_left()
    assert left is not None and left <= 1.0
    with pattern_deadline(None):
        assert time_left() is None


def test_pattern_time_runaway_in_normalize_is_an_error_record(monkeypatch, tmp_path):
    import vbparse.normalize as normalize

    monkeypatch.setattr(normalize, "_SPACE_RUN", RUNAWAY)  # as a pattern gone exponential
    path = tmp_path / "doc.txt"
    # Two spaces in a row: the space-run pass is tried only on a text that has them.
    text = SEED.read_text(encoding="utf-8") + "Hai  dấu cách.\n" + "a" * 60 + "b"
    path.write_text(text, encoding="utf-8")
    record = in_thread(lambda: parse_one(str(path), keep_document, time_s=1.0))
    assert record.kind == "error" and record.stage == "timeout"
    assert record.error.startswith("pattern timed out in normalize")


# A pattern gone exponential in each stage's matching over the document's text: the body's
# lines as the closing is looked for (segment), the tokens the agency matcher walks over
# (extract). The runaway words stand in an item of the body, before "Nơi nhận".
RUNAWAY_IN_STAGE = [
    ("segment", "vbparse.segment.closing", "body_end"),
    ("extract", "vbparse.extract.agencies.tokens", "_PIECES"),  # TOKEN as a split
]


@pytest.mark.parametrize(("stage", "module", "name"), RUNAWAY_IN_STAGE, ids=["segment", "extract"])
def test_pattern_time_runaway_beyond_normalize_is_an_error_record(
    monkeypatch, tmp_path, stage, module, name
):
    import importlib

    owner = importlib.import_module(module)
    if name == "body_end":
        monkeypatch.setitem(owner._patterns(), name, RUNAWAY)
    else:
        monkeypatch.setattr(owner, name, RUNAWAY)
    seed = SEED.read_text(encoding="utf-8")
    path = tmp_path / "doc.txt"
    runaway = "3. Bộ Y tế chủ trì " + "a" * 60 + "b.\n\n"
    path.write_text(seed.replace("Văn phòng Chính phủ xin", runaway + "Văn phòng Chính phủ xin"))
    started = time.monotonic()
    # 5 s: far more than the document takes, so only the runaway match can overrun it.
    record = in_thread(lambda: parse_one(str(path), keep_document, time_s=5.0))
    assert record.kind == "error" and record.stage == "timeout", record
    assert record.error.startswith(f"pattern timed out in {stage}")
    print(f"{stage}: stopped after {time.monotonic() - started:.1f} s")
