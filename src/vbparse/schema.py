"""JSON Schema of the records, generated from the pydantic models (the public contract)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from vbparse.models import SCHEMA_VERSION, Document, ErrorRecord, TaskRecord

# The schemas are published inside the wheel (no web site serves them), so their $id is a
# URN, not an address nobody answers: one per schema and version. ``load_schema`` resolves it.
SCHEMA_BASE = "urn:vbparse:schema"

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
        schema["$id"] = schema_id(name)
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def schema_id(name: str) -> str:
    """``urn:vbparse:schema:1.1:document.schema.json``: the version is in the id, so a
    record's ``schema_version`` names the schema it follows."""
    return f"{SCHEMA_BASE}:{SCHEMA_VERSION}:{name}"


def schema_folder() -> Path:
    """The schema files: inside the installed package, else the checkout's ``schemas/``."""
    packaged = Path(str(resources.files("vbparse"))) / "schemas"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "schemas"


def load_schema(name: str) -> dict:
    """The shipped JSON Schema ``name`` (document, task or error)."""
    file_name = f"{name}.schema.json"
    if file_name not in SCHEMAS:
        known = ", ".join(n.split(".")[0] for n in SCHEMAS)
        raise ValueError(f"no schema {name!r}; known: {known}")
    return json.loads((schema_folder() / file_name).read_text(encoding="utf-8"))


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
