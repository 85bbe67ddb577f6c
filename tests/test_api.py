"""The Python API contract: parse_file(path, options), parse_files (a batch yielding
records), the exceptions, py.typed, the shipped JSON Schemas and their $id."""

import json
import shutil
from pathlib import Path

import pytest

import vbparse
from vbparse import ParseOptions, ReadLimits, VbparseError, parse_file, parse_files
from vbparse.models import SCHEMA_VERSION, Document, ErrorRecord

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def test_parse_file_takes_options():
    path = SEEDS / "001_2f45181cd87af165.txt"
    plain = parse_file(path)
    assert plain.text is None
    with_text = parse_file(path, ParseOptions(keep_text=True))
    assert with_text.text
    for task in with_text.tasks:  # every span resolves in the text now carried
        for agency in task.lead:
            if agency.span:
                assert with_text.text[agency.span.start : agency.span.end] == agency.text
    assert [t.task_id for t in with_text.tasks] == [t.task_id for t in plain.tasks]


def test_parse_files_yields_documents_and_error_records_in_path_order(tmp_path):
    shutil.copy(SEEDS / "001_2f45181cd87af165.txt", tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"")
    shutil.copy(SEEDS / "002_0284457f90b6ede2.txt", tmp_path / "c.txt")
    results = list(parse_files([tmp_path], ParseOptions(limits=ReadLimits(ocr="off"))))
    assert [type(r) for r in results] == [Document, ErrorRecord, Document]
    assert results[1].path.endswith("b.txt") and "empty" in results[1].error
    with pytest.raises(FileNotFoundError):
        list(parse_files([tmp_path / "missing"]))


def test_exceptions_are_exported_and_share_a_base(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(vbparse.IngestError):
        parse_file(empty)
    for name in ("IngestError", "StageError", "GrammarError"):
        assert issubclass(getattr(vbparse, name), VbparseError)
    with pytest.raises(VbparseError):
        parse_file(empty)


def test_package_is_typed_and_ships_grammars_and_schemas():
    assert (ROOT / "src" / "vbparse" / "py.typed").is_file()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"grammars" = "vbparse/grammars"' in pyproject
    assert '"schemas" = "vbparse/schemas"' in pyproject  # JSON Schemas inside the wheel


def test_schemas_have_a_versioned_id_and_load_from_the_package():
    for name in ("document", "task", "error"):
        schema = vbparse.load_schema(name)
        assert schema["$id"] == f"urn:vbparse:schema:{SCHEMA_VERSION}:{name}.schema.json"
        on_disk = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text("utf-8"))
        assert schema == on_disk
    assert "successor" in json.dumps(vbparse.load_schema("document"))
    with pytest.raises(ValueError, match="known: document, task, error"):
        vbparse.load_schema("nope")


def test_records_validate_against_the_shipped_schema():
    jsonschema = pytest.importorskip("jsonschema")
    document = parse_file(SEEDS / "001_2f45181cd87af165.txt")
    jsonschema.validate(json.loads(document.model_dump_json()), vbparse.load_schema("document"))
