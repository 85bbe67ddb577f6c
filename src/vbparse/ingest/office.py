"""Word 97–2003 ``.doc``, ``.rtf`` and OpenDocument ``.odt``: converted to ``.docx`` by
LibreOffice, then read as one.

LibreOffice (Debian ``libreoffice-writer-nogui``, installed by ``make system-deps``) reads
both formats with their run fonts, which tell a legacy TCVN3/VNI run from a Unicode one
(``vbparse.ingest.docx_runs``), and with their tables (the two-column header the document
fields come from). For .rtf, ``striprtf`` was measured too, on viparse-corpus's 11 RTF files
(TCVN3, scored by the corpus's scorer): striprtf's text with the encoding decided line by line
from content alone, diacritic accuracy 0.9986, about 0.1 s a file; this route 0.998, about
5 s a file. Equal accuracy, so one converter for both formats: tables and fonts kept, and no
second library.

Each conversion runs in its own temporary folder with its own throw-away LibreOffice profile
(so parallel workers never share one), under a time limit, with macros disabled and
external links blocked by that profile's settings; nothing is written beside the input.

Most of a conversion's time is LibreOffice starting: one start per file took 19.0 s for the
nine .doc files of ``tests/fixtures/real_smoke/s4_office_doc``, one start for all nine 3.3 s.
So a batch converts its office files ahead, ``GROUP_FILES`` per start (``convert_ahead``), into
a folder named in ``ReadLimits.converted_dir``, each under its content's hash; the reader takes a
file's conversion from there and converts alone only a file that is not there (one LibreOffice
failed on, or that a group's time limit cut off), which then gives the file's own error.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from vbparse.ingest import OFFICE_SUFFIXES, IngestError, RawText, ReadLimits, file_sha256

CONVERT_TIMEOUT_S = 120
# Office files one LibreOffice start converts ahead of a batch: few enough that a group cut
# off by its time limit costs little, many enough that starting is a small share.
GROUP_FILES = 16
INSTALL_HINT = (
    "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
    "`make system-deps` does it as root), or save the file as .docx"
)
# Profile settings: macros never run (security level 3 = only trusted, signed macros, and
# none are trusted; execution disabled outright), links to outside resources not followed.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
 <prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
 <prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
 <prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def find_converter() -> str | None:
    """The LibreOffice program on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, workdir: Path) -> Path:
    """Convert ``path`` (.doc, .rtf, .odt) into ``workdir``; raise ``IngestError`` on failure."""
    kind = path.suffix.lower() or "file"
    soffice = find_converter()
    if soffice is None:
        raise IngestError(
            f"reading {kind} needs LibreOffice, which is not installed: {INSTALL_HINT}"
        )
    # LibreOffice names its output after the input's stem: give it a fixed, safe name.
    source = workdir / f"input{kind}"
    shutil.copyfile(path, source)
    command = _command(soffice, workdir, [source])
    try:
        subprocess.run(
            command, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=True, cwd=workdir
        )
    except subprocess.TimeoutExpired as exc:
        raise IngestError(
            f"LibreOffice did not convert this {kind} within {CONVERT_TIMEOUT_S} s"
        ) from exc
    except (subprocess.CalledProcessError, OSError) as exc:
        raise IngestError(f"LibreOffice could not convert this {kind} ({exc})") from exc
    converted = workdir / "out" / "input.docx"
    if not converted.is_file():
        raise IngestError(f"LibreOffice could not convert this {kind} (damaged or not a {kind})")
    return converted


def _command(soffice: str, workdir: Path, sources: list[Path]) -> list[str]:
    """LibreOffice's command converting ``sources`` into ``workdir/out``, with a throw-away
    profile in ``workdir`` that disables macros and outside links."""
    profile = workdir / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
    return [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(workdir / "out"),
        *map(str, sources),
    ]


def content_key(path: Path) -> str:
    """The name a file's conversion has in a ``converted_dir``: the hash of its bytes (two
    paths to one file, or two copies of it, share one conversion)."""
    return file_sha256(path)


def _converted_ahead(path: Path, limits: ReadLimits | None) -> Path | None:
    if limits is None or not limits.converted_dir:
        return None
    ahead = Path(limits.converted_dir) / f"{content_key(path)}.docx"
    return ahead if ahead.is_file() else None


def convert_ahead(
    paths: Iterable[Path],
    folder: Path,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Convert the .doc, .rtf and .odt files among ``paths`` into ``folder`` as
    ``<content_key>.docx``, ``GROUP_FILES`` per LibreOffice start, and return how many were
    converted. A file LibreOffice cannot convert, or whose group overran
    ``CONVERT_TIMEOUT_S``, is left out (its reader converts it alone and reports why it
    failed); without LibreOffice nothing is converted. ``progress(done, total)`` follows
    each group."""
    soffice = find_converter()
    keys: dict[str, Path] = {}
    for path in paths:
        if path.suffix.lower() in OFFICE_SUFFIXES and path.is_file():
            keys.setdefault(content_key(path), path)
    if soffice is None or not keys:
        return 0
    pending = list(keys.items())
    done = 0
    for start in range(0, len(pending), GROUP_FILES):
        done += _convert_group(soffice, pending[start : start + GROUP_FILES], folder)
        if progress is not None:
            progress(min(start + GROUP_FILES, len(pending)), len(pending))
    return done


def _convert_group(soffice: str, group: list[tuple[str, Path]], folder: Path) -> int:
    """One LibreOffice start for ``group`` (content key, file); the conversions it made are
    moved into ``folder`` under their keys."""
    with tempfile.TemporaryDirectory(prefix="vbparse-office-") as tmp:
        workdir = Path(tmp)
        sources = []
        for key, path in group:
            # the key as the name: safe, and LibreOffice's output is found by it
            sources.append(workdir / f"{key}{path.suffix.lower()}")
            shutil.copyfile(path, sources[-1])
        _run_stopping_all(_command(soffice, workdir, sources), workdir)
        converted = 0
        for key, _path in group:
            made = workdir / "out" / f"{key}.docx"
            if made.is_file():
                shutil.move(made, folder / made.name)
                converted += 1
        return converted


def _run_stopping_all(command: list[str], workdir: Path) -> None:
    """Run LibreOffice in a process group of its own for at most ``CONVERT_TIMEOUT_S`` and
    leave nothing of it running: on the time limit, Ctrl-C or an error, the whole group
    (``soffice`` and the ``soffice.bin`` it starts) is killed."""
    try:
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=workdir,
            start_new_session=True,
        )
    except OSError:
        return
    try:
        process.wait(timeout=CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        pass  # what was converted before the time ran out is kept
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def read_office(path: Path, limits: ReadLimits | None = None) -> RawText:
    """Read a ``.doc`` or ``.rtf`` through LibreOffice and the ``.docx`` reader."""
    from vbparse.ingest.docx import read_docx

    ahead = _converted_ahead(path, limits)
    if ahead is not None:
        raw = read_docx(ahead, limits)
    else:
        with tempfile.TemporaryDirectory(prefix="vbparse-office-") as tmp:
            raw = read_docx(convert_to_docx(path, Path(tmp)), limits)
    raw.warnings.append(f"{path.suffix.lower()} converted to .docx with LibreOffice")
    return raw
