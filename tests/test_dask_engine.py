"""The Dask engine gives the same records as the local one (skipped without dask.distributed,
the optional extra ``dask``)."""

import shutil
from pathlib import Path

import pytest
from cli_runner import run

from vbparse.exit_status import ExitStatus

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize("records", ["tasks", "documents"])
def test_dask_engine_records_equal_local_run(tmp_path, scheduler, records):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:4]:
        shutil.copy(seed, corpus / seed.name)
    (corpus / "empty.txt").write_bytes(b"")  # an error record travels back too
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    local_errors, dask_errors = tmp_path / "local-errors.jsonl", tmp_path / "dask-errors.jsonl"
    common = ["--records", records, "-q"]
    status, _, _ = run(corpus, "-o", local, "--errors", local_errors, "-w", 0, *common)
    assert status == ExitStatus.SOME_FAILED
    status, _, err = run(
        corpus, "-o", dask, "--errors", dask_errors, "--engine", "dask", "--scheduler", scheduler,
        *common,
    )  # fmt: skip
    assert status == ExitStatus.SOME_FAILED and "empty.txt" in err
    assert dask.read_bytes() == local.read_bytes() and dask.stat().st_size > 0
    assert dask_errors.read_bytes() == local_errors.read_bytes()


def test_dask_engine_unreachable_scheduler_leaves_output_alone(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS / "000_3070b849d0d1c768.txt", corpus / "a.txt")
    out = tmp_path / "tasks.jsonl"
    out.write_text("earlier\n", encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        status, _, err = run(
            corpus, "-o", out, "--incremental", "--engine", "dask", "--scheduler",
            "tcp://127.0.0.1:1",
        )  # fmt: skip
    assert status == ExitStatus.SOME_FAILED and "dask engine" in err
    assert out.read_text(encoding="utf-8") == "earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "tasks.jsonl"]  # no temp files
