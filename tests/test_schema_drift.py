"""``schemas/`` is generated from the pydantic models; this fails when they drift apart."""

from pathlib import Path

import pytest

from vbparse.schema import schema_texts

SCHEMAS = Path(__file__).parents[1] / "schemas"


@pytest.mark.parametrize("name", sorted(schema_texts()))
def test_schema_file_matches_models(name):
    path = SCHEMAS / name
    assert path.is_file(), f"{path} missing: run `vbparse schema -o schemas`"
    assert path.read_text(encoding="utf-8") == schema_texts()[name], (
        f"{path} is out of date: run `vbparse schema -o schemas` and commit it"
    )


def test_schema_records_carry_schema_version():
    for name in ("document.schema.json", "task.schema.json", "error.schema.json"):
        assert "schema_version" in schema_texts()[name]
