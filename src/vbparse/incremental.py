"""Incremental runs: reuse an earlier run's records for files that have not changed.

``vbparse corpus/ -o tasks.jsonl --incremental`` writes, beside ``tasks.jsonl``, a manifest
``tasks.jsonl.manifest`` (JSON Lines): one line per document in the output, in output order —
its source path, content sha256, the parser version that parsed it (vbparse's version plus
a hash of the grammar files, so that an edited gazetteer or grammar parses everything again),
the record kind (``tasks`` or ``documents``), how many output lines it has and what the
end-of-run summary needs (number, date, task count, warnings) — and a closing line with the
sha256 of the whole output. The next ``--incremental`` run to the same output copies the lines
of every file whose path, content hash, parser version and record kind all match, and parses
only the others. Files that failed are not in the manifest, so they are tried again. A
manifest that does not match its output (the output was edited or replaced) is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import vbparse
from vbparse.file_names import display_path
from vbparse.ingest import file_sha256
from vbparse.output_paths import OutputPathError

MANIFEST_SUFFIX = ".manifest"


class ManifestMismatch(Exception):
    """The manifest does not describe the output beside it."""


@dataclass(frozen=True)
class Entry:
    """One document of an earlier run: what it was parsed from and how many lines it wrote."""

    path: str
    sha256: str
    vbparse_version: str
    records: str
    lines: int
    number: str | None = None
    date: str | None = None
    tasks: int = 0
    warnings: tuple[str, ...] = ()
    duplicate_of: str | None = None


def parser_version() -> str:
    """What decides whether an earlier parse still holds: vbparse's version and the grammars."""
    from vbparse.grammars import grammar_digest

    return f"{vbparse.__version__}+grammars.{grammar_digest()[:16]}"


def _checked_entry(row: dict) -> Entry:
    """An ``Entry`` from a manifest line; ``TypeError`` when a field has the wrong type (a
    manifest edited by hand: ``"lines": "3"``)."""
    entry = Entry(**row)
    text_fields = (entry.path, entry.sha256, entry.vbparse_version, entry.records)
    if not all(isinstance(value, str) for value in text_fields):
        raise TypeError("a path, sha256, version or record kind that is not text")
    if not isinstance(entry.lines, int) or isinstance(entry.lines, bool) or entry.lines < 0:
        raise TypeError(f"lines {entry.lines!r} is not a count")
    return entry


def manifest_path(output: Path) -> Path:
    return output.with_name(output.name + MANIFEST_SUFFIX)


class EarlierRun:
    """The records of an earlier ``--incremental`` run to ``output``, found by source path.

    Holds only each document's place in the old output (offset and length), not its records.
    """

    def __init__(self, output: Path, places: dict[str, tuple[Entry, int, int]]) -> None:
        self.output = output
        self._places = places
        self._stream = output.open("rb") if places else None

    @classmethod
    def empty(cls, output: Path) -> EarlierRun:
        return cls(output, {})

    @classmethod
    def load(cls, output: Path) -> EarlierRun:
        """Read ``output``'s manifest; an empty run if there is none.

        Raises ``ManifestMismatch`` when the manifest and the output disagree.
        """
        manifest = manifest_path(output)
        if not manifest.exists() or not output.exists():
            return cls.empty(output)
        entries: list[Entry] = []
        footer: dict = {}
        try:
            with manifest.open(encoding="utf-8") as stream:
                for line in stream:
                    row = json.loads(line)
                    if "output_sha256" in row:
                        footer = row
                    else:
                        row["warnings"] = tuple(row.get("warnings", ()))
                        entries.append(_checked_entry(row))
        except (ValueError, TypeError, AttributeError, OSError) as exc:
            raise ManifestMismatch(f"{display_path(manifest)}: unreadable ({exc})") from exc
        places: dict[str, tuple[Entry, int, int]] = {}
        digest = hashlib.sha256()
        offset = 0
        with output.open("rb") as stream:
            for entry in entries:
                length = 0
                for _ in range(entry.lines):
                    line = stream.readline()
                    if not line.endswith(b"\n"):
                        raise ManifestMismatch(f"{output}: shorter than its manifest says")
                    digest.update(line)
                    length += len(line)
                places[entry.path] = (entry, offset, length)
                offset += length
            rest = stream.read()
            digest.update(rest)
        if rest or digest.hexdigest() != footer.get("output_sha256"):
            raise ManifestMismatch(f"{output}: changed since the run that wrote {manifest.name}")
        return cls(output, places)

    def reusable(self, path: Path, records: str) -> Entry | None:
        """The earlier entry for ``path`` if its content, vbparse version and record kind are
        still the same, else None."""
        found = self._places.get(display_path(path))
        if found is None:
            return None
        entry = found[0]
        if entry.vbparse_version != parser_version() or entry.records != records:
            return None
        try:
            same = file_sha256(path) == entry.sha256
        except OSError:
            return None
        return entry if same else None

    def read_lines(self, path: Path) -> str:
        """The output lines the earlier run wrote for ``path``."""
        assert self._stream is not None
        _, offset, length = self._places[display_path(path)]
        self._stream.seek(offset)
        return self._stream.read(length).decode("utf-8")

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()

    def __len__(self) -> int:
        return len(self._places)


class ManifestWriter:
    """Writes the manifest of the output being written, to a temporary file renamed into
    place by ``finish`` (call it right after the output itself is renamed into place)."""

    def __init__(self, output: Path) -> None:
        self.target = manifest_path(output)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", dir=output.parent)
        self._stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self._digest = hashlib.sha256()
        self.documents = 0

    def add(
        self,
        path: Path,
        sha256: str,
        records: str,
        text: str,
        *,
        number: str | None = None,
        date: str | None = None,
        tasks: int = 0,
        warnings: tuple[str, ...] = (),
        duplicate_of: str | None = None,
    ) -> None:
        """Record that ``text`` (whole lines) was written to the output for ``path``."""
        entry = Entry(
            path=display_path(path),
            sha256=sha256,
            vbparse_version=parser_version(),
            records=records,
            lines=text.count("\n"),
            number=number,
            date=date,
            tasks=tasks,
            warnings=warnings,
            duplicate_of=duplicate_of,
        )
        self._stream.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        self._digest.update(text.encode("utf-8"))
        self.documents += 1

    def finish(self, keep: bool = True) -> None:
        """Rename the manifest into place (``keep``), or drop it with the output."""
        if not keep:
            self._stream.close()
            os.unlink(self._tmp)
            return
        self._stream.write(json.dumps({"output_sha256": self._digest.hexdigest()}) + "\n")
        self._stream.close()
        mask = os.umask(0o22)
        os.umask(mask)
        try:
            os.chmod(self._tmp, 0o666 & ~mask)
            os.replace(self._tmp, self.target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)
            raise OutputPathError(
                f"cannot write the manifest {display_path(self.target)}: {exc.strerror}"
            ) from None
