"""JSON Schema of the records, generated from the pydantic models (the public contract)."""

from __future__ import annotations

import json
from pathlib import Path

from vbparse.models import Document, ErrorRecord, TaskRecord

SCHEMAS = {
    "document.schema.json": Document,
    "task.schema.json": TaskRecord,
    "error.schema.json": ErrorRecord,
}


def schema_texts() -> dict[str, str]:
    """File name → JSON Schema text, exactly as written to ``schemas/``."""
    out = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://vbparse.invalid/schemas/{name}"
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
