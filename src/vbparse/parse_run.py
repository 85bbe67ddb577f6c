"""One batch run of ``vbparse parse``: parse the files on an engine, write each document in
path order (JSON Lines, or a table sink), report as it goes, and sum up at the end."""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path
from typing import IO

from vbparse.batch import (
    EngineUnavailable,
    JsonLines,
    as_json_lines,
    default_workers,
    render_all,
)
from vbparse.console import Environment
from vbparse.exit_status import ExitStatus
from vbparse.incremental import EarlierRun, Entry, ManifestMismatch, ManifestWriter
from vbparse.ingest import ReadLimits
from vbparse.interrupts import HeldInterrupts
from vbparse.models import Document, ErrorRecord
from vbparse.output import Sink, open_sink
from vbparse.output.jsonl import mark_duplicate
from vbparse.output_paths import AtomicOutput, finish_outputs
from vbparse.pipeline import ParseOptions
from vbparse.progress import BatchProgress
from vbparse.run_log import RunLog
from vbparse.termination import Terminated
from vbparse.write import write_record


class BatchRun:
    def __init__(
        self,
        args: argparse.Namespace,
        env: Environment,
        files: list[Path],
        fmt: str,
        outputs: dict[str, AtomicOutput],
    ) -> None:
        """``outputs``: the JSON Lines output and the error file, opened (``output_paths``)."""
        self.args, self.env, self.files, self.fmt = args, env, files, fmt
        self.outputs = outputs
        # Table formats are built from whole documents; JSON Lines copies the workers' text.
        self.records = args.records if fmt == "jsonl" else "documents"
        self.options = ParseOptions(
            limits=ReadLimits(
                ocr=args.ocr,
                max_pages=args.max_pages,
                time_limit_s=args.time_limit,
                dpi=args.ocr_dpi,
            ),
            keep_text=args.text,
        )
        self.log = RunLog(env)
        self.done = self.failed = self.tasks = 0

    def run(self) -> int:
        args, env = self.args, self.env
        earlier = EarlierRun.empty(Path(args.output))
        if args.incremental:
            try:
                earlier = EarlierRun.load(Path(args.output))
            except ManifestMismatch as exc:
                env.info(f"{exc}; parsing every file")
        reused = {
            path: entry for path in self.files if (entry := earlier.reusable(path, self.records))
        }
        to_parse = [path for path in self.files if path not in reused]
        workers = default_workers() if args.workers is None else args.workers
        display = BatchProgress(env.stderr, env.quiet < 1 and env.stderr_isatty, len(self.files))
        results = render_all(
            to_parse,
            partial(as_json_lines, records=self.records),
            min(workers, len(to_parse)),
            timeout=args.timeout,
            memory_mb=args.max_memory,
            text_mb=args.max_text_mb,
            engine=args.engine,
            scheduler=args.scheduler,
            options=self.options,
            note=display.waiting_for,  # the office files converted ahead, before the first
        )
        target = "stdout" if args.output == "-" else args.output
        sink: Sink | None = None
        out: IO[str] | None = None
        if self.fmt == "jsonl":
            out = self.outputs["-o"].stream if "-o" in self.outputs else env.stdout
        else:
            sink = open_sink(self.fmt, Path(args.output))
        manifest = ManifestWriter(Path(args.output)) if args.incremental else None
        errors = self.outputs["--errors"].stream if "--errors" in self.outputs else None
        stopped_by: BaseException | None = None
        interrupted = keep = True
        env.display = display
        try:
            with display, HeldInterrupts() as interrupts:
                for path in self.files:
                    display.waiting_for(str(path))
                    entry = reused.get(path)
                    if entry is not None:
                        parsed = _from_entry(earlier.read_lines(path), entry)
                    else:
                        got, result = next(results)
                        assert got == path, (got, path)
                        if isinstance(result, ErrorRecord):
                            self._failed(path, result, errors)
                            display.show(self.done, self.failed)
                            continue
                        parsed = result
                    with interrupts.held():  # a document's lines go out whole, or not at all
                        self._write(path, parsed, out, sink, manifest)
                    display.show(self.done, self.failed)
            interrupted = False
        except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (``Terminated``)
            stopped_by = exc
        except (OSError, EngineUnavailable) as exc:  # the engine could not start or went away
            if isinstance(exc, BrokenPipeError):
                raise
            keep = False
            kept = "" if args.output == "-" else f"; {args.output} left as it was"
            env.error(f"run stopped ({args.engine} engine): {type(exc).__name__}: {exc}{kept}")
        finally:
            env.display = None
            results.close()  # stops the workers
            earlier.close()
            try:
                if sink is not None:
                    sink.finish(keep)
                env.stdout.flush()
                finish_outputs(self.outputs, keep)
            finally:
                if manifest:
                    manifest.finish(keep)
        if not keep:
            return ExitStatus.SOME_FAILED
        if interrupted:
            hint = " (run it again with --incremental to go on)" if args.incremental else ""
            how = "terminated" if isinstance(stopped_by, Terminated) else "interrupted"
            env.error(
                f"{how} after {self.done} of {len(self.files)} files; the records of "
                f"those {self.done - self.failed} documents were kept in {target}{hint}"
            )
            return ExitStatus.TERMINATED if how == "terminated" else ExitStatus.CTRL_C
        summary = (
            f"{self.done - self.failed} documents read, {self.tasks} tasks, "
            f"{self.failed} files failed → {target}"
        )
        if args.incremental:
            summary += f" ({len(reused)} unchanged since the last run, not parsed again)"
        env.info(summary)
        for line in self.log.summary():
            env.info(line)
        return ExitStatus.SOME_FAILED if self.failed else ExitStatus.SUCCESS

    def _failed(self, path: Path, result: ErrorRecord, errors: IO[str] | None) -> None:
        self.failed += 1
        self.done += 1
        self.env.error(f"{result.path}: {result.error}")
        if errors:
            write_record(errors, result)
            errors.flush()

    def _write(
        self,
        path: Path,
        parsed: JsonLines,
        out: IO[str] | None,
        sink: Sink | None,
        manifest: ManifestWriter | None,
    ) -> None:
        duplicate_of = self.log.duplicate_of(str(path), parsed.number, parsed.date)
        text = parsed.text
        if sink is not None:
            document = Document.model_validate_json(text)
            document.duplicate_of = duplicate_of
            sink.add(document)
        else:
            assert out is not None
            if duplicate_of or '"duplicate_of":"' in text:
                text = mark_duplicate(text, self.records, duplicate_of)
            out.write(text)
            out.flush()
        if manifest:
            manifest.add(
                path,
                parsed.sha256,
                self.records,
                text,
                number=parsed.number,
                date=parsed.date,
                tasks=parsed.tasks,
                warnings=parsed.warnings,
                duplicate_of=duplicate_of,
            )
        self.tasks += parsed.tasks
        self.done += 1
        self.log.document(str(path), parsed, duplicate_of)


def _from_entry(text: str, entry: Entry) -> JsonLines:
    """An earlier run's document, as a worker would have returned it."""
    return JsonLines(
        text,
        entry.tasks,
        entry.sha256,
        number=entry.number,
        date=entry.date,
        warnings=tuple(entry.warnings),
    )
