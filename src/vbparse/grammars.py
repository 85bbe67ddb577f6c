"""Load the grammar data files of ``grammars/``: the Vietnamese lives there, not in code.

The files ship inside the wheel as ``vbparse/grammars`` (hatchling ``force-include``); in a
source checkout or an editable install the loader falls back to the repository's
``grammars/``. Every file is read once and cached. Bad content is reported as
``GrammarError("file:line: problem")`` so that whoever edits a grammar sees where.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from vbparse.errors import VbparseError

M = TypeVar("M", bound=BaseModel)

# libyaml's loader when PyYAML was built with it: several times faster on the gazetteer.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class GrammarError(VbparseError, ValueError):
    """A grammar file is missing or malformed."""


@functools.cache
def grammar_root() -> Path:
    """The folder holding the grammar files (installed package first, then the checkout)."""
    packaged = Path(str(resources.files("vbparse"))) / "grammars"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "grammars"
    if checkout.is_dir():
        return checkout
    raise GrammarError(f"grammar folder not found (looked in {packaged} and {checkout})")


@functools.cache
def grammar_digest() -> str:
    """sha256 over every grammar file (names and bytes): changes when any grammar does."""
    root = grammar_root()
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def grammar_path(name: str) -> Path:
    """Path of one grammar file, e.g. ``grammar_path("document_types.tsv")``."""
    path = grammar_root() / name
    if not path.is_file():
        raise GrammarError(f"{name}: grammar file not found in {grammar_root()}")
    return path


def read_grammar_text(name: str) -> str:
    """One grammar file's text (a data file read by its own module, not a YAML or TSV of
    rules: ``ocr_lexicon.tsv``)."""
    return _read_text(name)


def _read_text(name: str) -> str:
    path = grammar_path(name)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GrammarError(f"{name}: not UTF-8 ({exc})") from exc


@functools.cache
def load_yaml(name: str) -> Any:
    """Parse a YAML grammar file (cached)."""
    try:
        return yaml.load(_read_text(name), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise GrammarError(f"{name}{line}: {getattr(exc, 'problem', exc)}") from exc


@functools.cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated grammar file; ``#`` lines are comments, the first row names
    the columns. Each row dict carries its line number under ``"__line__"``."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(io.StringIO(_read_text(name)), start=1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise GrammarError(f"{name}:{lineno}: {len(cells)} cells, header has {len(header)}")
        row = {key: (cells[i].strip() if i < len(cells) else "") for i, key in enumerate(header)}
        row["__line__"] = str(lineno)
        rows.append(row)
    return tuple(rows)


def validate_rows(name: str, rows: list[dict[str, Any]], model: type[M]) -> list[M]:
    """Validate grammar rows with a pydantic model, naming the file and line of a bad row."""
    out: list[M] = []
    for index, row in enumerate(rows, start=1):
        where = row.get("__line__", f"entry {index}") if isinstance(row, dict) else index
        data = {k: v for k, v in row.items() if k != "__line__"} if isinstance(row, dict) else row
        try:
            out.append(model.model_validate(data))
        except ValidationError as exc:
            problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise GrammarError(f"{name}:{where}: {problem}") from exc
    return out
