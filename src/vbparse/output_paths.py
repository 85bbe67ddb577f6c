"""Output paths that never destroy input (issue 14): checked before any work, written whole.

``check_outputs`` refuses, before a file is parsed, an output (``-o``) or error file
(``--errors``) that is one of the input files, the same file as the other, a folder, or not a
regular file (a device such as ``/dev/full``, a FIFO, a socket), or whose folder is missing,
is not a folder, or cannot be written in. ``-`` is stdout. A symbolic link is written
*through*: the file it points to gets the new content and the link stays a link.

``AtomicOutput`` writes to a temporary file beside the target, created before any work (so an
unwritable folder is found at once), and renames it into place at the end; the temporary file
is removed on every other way out (an error, Ctrl-C, SIGTERM).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import IO

from vbparse.file_names import display_path

STDOUT = "-"


class OutputPathError(Exception):
    """An output path that would destroy input or cannot be written; says which and why."""


def check_outputs(output: str, errors: str | None, inputs: list[Path]) -> dict[str, Path]:
    """The file each named output will replace (a link's target), by option name.

    Raises ``OutputPathError`` for any output that must be refused (see the module docstring).
    """
    targets: dict[str, Path] = {}
    for option, name in (("-o", output), ("--errors", errors)):
        if name is None or name == STDOUT:
            continue
        targets[option] = _checked_target(option, name)
    identities = {_identity(path): path for path in inputs if path.exists()}
    for option, target in targets.items():
        clash = identities.get(_identity(target)) if target.exists() else None
        if clash is not None:
            raise OutputPathError(
                f"{option} {display_path(target)}: is the input file {display_path(clash)}; "
                "writing there would destroy it"
            )
    if len(targets) == 2 and _same_file(targets["-o"], targets["--errors"]):
        raise OutputPathError(
            f"-o and --errors name the same file ({display_path(targets['-o'])}): the error "
            "records would be lost"
        )
    return targets


def _checked_target(option: str, name: str) -> Path:
    given = Path(name)
    target = Path(os.path.realpath(given))  # a link is written through to its target
    shown = display_path(given)
    if target.is_dir():
        raise OutputPathError(f"{option} {shown}: is a folder, not a file")
    if target.exists() and not stat.S_ISREG(target.stat().st_mode):
        raise OutputPathError(
            f"{option} {shown}: not a regular file (a device, FIFO or socket); use '-' for stdout"
        )
    folder = target.parent
    if not folder.exists():
        raise OutputPathError(f"{option} {shown}: folder {display_path(folder)} does not exist")
    if not folder.is_dir():
        raise OutputPathError(f"{option} {shown}: {display_path(folder)} is not a folder")
    return target


def _identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def _same_file(a: Path, b: Path) -> bool:
    if a.exists() and b.exists():
        return _identity(a) == _identity(b)
    return a == b


class AtomicOutput:
    """A text stream to a temporary file beside ``target``; ``finish(keep)`` renames it over
    ``target`` (``keep``) or removes it. Opening fails at once with ``OutputPathError`` when
    the folder cannot be written in (read-only, immutable, no permission, full)."""

    def __init__(self, option: str, target: Path) -> None:
        self.target = target
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        except OSError as exc:
            raise OutputPathError(
                f"{option} {display_path(target)}: cannot write in "
                f"{display_path(target.parent)}: {exc.strerror}"
            ) from None
        self.tmp = Path(tmp)
        self.stream: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self.done = False

    def finish(self, keep: bool) -> None:
        """Rename into place (``keep``) or remove; safe to call more than once."""
        if self.done:
            return
        self.done = True
        try:
            self.stream.close()
            if keep:
                os.chmod(self.tmp, 0o666 & ~_umask())  # as open() would make it, not 0600
                os.replace(self.tmp, self.target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                self.tmp.unlink()


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


def open_outputs(targets: dict[str, Path]) -> dict[str, AtomicOutput]:
    """An ``AtomicOutput`` per target; if one cannot be opened, none is left behind."""
    opened: dict[str, AtomicOutput] = {}
    try:
        for option, target in targets.items():
            opened[option] = AtomicOutput(option, target)
    except OutputPathError:
        for output in opened.values():
            output.finish(keep=False)
        raise
    return opened


def finish_outputs(outputs: dict[str, AtomicOutput], keep: bool) -> None:
    """``finish`` every output, even when one fails (a full disk); then raise the first
    failure as ``OutputPathError``."""
    failures = []
    for option, output in outputs.items():
        try:
            output.finish(keep)
        except OSError as exc:
            failures.append(f"{option} {display_path(output.target)}: {exc.strerror or exc}")
    if failures:
        raise OutputPathError("cannot write " + "; ".join(failures))
