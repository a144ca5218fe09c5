"""The ``zoneplan`` command line: parse, compare, quantity, schema, review.

``zoneplan parse`` reads files, folders (recursively) and standard input and
writes the Plans as JSON, or one row per indicator, goal, task or project as
JSON lines, CSV or a terminal table. A file that cannot be read never stops
the others: it is reported as one line ``zoneplan: FILE: reason`` on stderr
and the exit status is 1. Exit status 2 means the command line itself was
wrong. See ``docs/cli.md``.

Heavy modules (the pipeline, pint, pandas) are imported only by the commands
that need them, so ``zoneplan --help`` stays quick.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import sys
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, Literal, get_args

from . import __version__

if TYPE_CHECKING:  # pragma: no cover
    from .errors import ZoneplanError
    from .model import Plan

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main"]

PROG: Final = "zoneplan"
EXIT_OK: Final = 0
#: Some input could not be read (the others were still written).
EXIT_FAILED: Final = 1
#: The command line was wrong (argparse's status).
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130

STDIN: Final = "-"
STDIN_NAME: Final = "<stdin>"

Format = Literal["json", "jsonl", "csv", "table"]
What = Literal["indicators", "goals", "tasks", "projects"]


# ---------------------------------------------------------------------------
# Argument parser


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=100)


_MAIN_EPILOG = """\
examples:
  zoneplan parse plan.txt                       # the Plan as JSON
  zoneplan parse docs/ --format csv -o out.csv  # every *.txt under docs/, one row per indicator
  zoneplan compare plan2023.txt summary2023.txt # targets against results
  zoneplan quantity "2.65万亩" --to hectare
  zoneplan schema > plan.schema.json
  zoneplan review docs/ -o review/index.html

Run 'zoneplan COMMAND --help' for a command's options.
exit status: 0 all went well, 1 some input failed, 2 wrong command line.
"""

_PARSE_EPILOG = """\
JSON output: one file (or '-') gives one Plan object; several files or any
folder give a JSON array of Plans, in path order. jsonl, csv and table give
one row per indicator (or goal, task, project with --what), each carrying
the document's path, title, zone, doc_kind, year, review_period, published.

examples:
  zoneplan parse plan.txt > plan.json
  zoneplan parse a.txt b.txt --format jsonl --what goals
  zoneplan parse corpus/ --glob '*.md' --format csv -o indicators.csv --jobs 0
  zoneplan parse corpus/ --format table --what tasks
  cat plan.txt | zoneplan parse - --format table
"""

_COMPARE_EPILOG = """\
Each target a plan sets for a year is matched with the result a summary of
the same zone reports for that year (indicator names through the alias
lexicon: 经济总量 = 地区生产总值 = GDP), and judged met or not by the
target's comparator. Targets with no reported result are listed too.

examples:
  zoneplan compare plan2023.txt summary2023.txt
  zoneplan compare corpus/ --format csv -o comparisons.csv
  zoneplan compare corpus/ --rate 7.1     # compare yuan with US dollars at 7.1
"""

_QUANTITY_EPILOG = """\
examples:
  zoneplan quantity "2.65万亩"                 # value, unit, base value
  zoneplan quantity "2.65万亩" --to hectare --places 2
  zoneplan quantity "1.5亿美元" --to 亿元 --rate 7.1
  zoneplan quantity "3-5亿元" --json
"""

_SCHEMA_EPILOG = """\
examples:
  zoneplan schema > plan.schema.json
"""

_REVIEW_EPILOG = """\
One file gives one self-contained HTML page; several files or a folder give
an index page (OUT) with one page per document beside it.

examples:
  zoneplan review plan.txt -o plan.html
  zoneplan review corpus/ -o review/index.html
"""


def _build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show Python tracebacks for errors")

    batch = argparse.ArgumentParser(add_help=False)
    batch.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders (searched recursively), or - for stdin"
    )
    batch.add_argument(
        "--glob", default="*.txt", metavar="PATTERN", help="files to take from folders (default: *.txt)"
    )
    batch.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    batch.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="parse with N processes; 0 = all cores (default: 1)",
    )
    batch.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    batch.add_argument(
        "--bom", action="store_true", help="begin csv output with a UTF-8 byte-order mark (for spreadsheets)"
    )

    ap = argparse.ArgumentParser(
        prog=PROG,
        description="Turn Chinese development-zone work plans and summaries into typed data.",
        epilog=_MAIN_EPILOG,
        formatter_class=_Formatter,
    )
    ap.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "parse",
        parents=[batch, common],
        help="parse documents into Plans (JSON) or tables (jsonl, csv, table)",
        description="Parse documents into Plans (JSON) or tables of indicators, goals, tasks or projects.",
        epilog=_PARSE_EPILOG,
        formatter_class=_Formatter,
    )
    p.add_argument(
        "-f", "--format", choices=get_args(Format), default="json", help="output format (default: json)"
    )
    p.add_argument(
        "-w",
        "--what",
        choices=get_args(What),
        help="rows of jsonl/csv/table output (default: indicators)",
    )
    p.set_defaults(run=_cmd_parse, parser=p)

    c = sub.add_parser(
        "compare",
        parents=[batch, common],
        help="match the targets of plans with the results of summaries",
        description="Match each zone's targets for a year with the results reported for that year.",
        epilog=_COMPARE_EPILOG,
        formatter_class=_Formatter,
    )
    c.add_argument(
        "-f", "--format", choices=get_args(Format), default="table", help="output format (default: table)"
    )
    c.add_argument(
        "--rate", type=_positive_decimal, metavar="YUAN", help="yuan per US dollar, to compare the two"
    )
    c.add_argument(
        "--tolerance",
        type=float,
        default=0.05,
        metavar="F",
        help="how far (relative) a result may fall below an approximate (约, 左右) target (default: 0.05)",
    )
    c.set_defaults(run=_cmd_compare, parser=c)

    q = sub.add_parser(
        "quantity",
        parents=[common],
        help="read one quantity (2.65万亩) and convert it",
        description="Read one quantity as a document writes it, and convert it to another unit.",
        epilog=_QUANTITY_EPILOG,
        formatter_class=_Formatter,
    )
    q.add_argument("text", metavar="TEXT", help="a quantity: 2.65万亩, 1881.68万美元, 10%%, 3-5亿元")
    q.add_argument(
        "--to", metavar="UNIT", help="convert to UNIT: a pint unit (hectare, yuan) or Chinese (亩, 亿元)"
    )
    q.add_argument(
        "--rate", type=_positive_decimal, metavar="YUAN", help="yuan per US dollar, for yuan ↔ dollars"
    )
    q.add_argument("--places", type=int, metavar="N", help="round to N decimal places (default: exact)")
    q.add_argument("--json", action="store_true", help="print a JSON object")
    q.set_defaults(run=_cmd_quantity, parser=q)

    s = sub.add_parser(
        "schema",
        parents=[common],
        help="print the JSON Schema of a Plan",
        description="Print the JSON Schema of the Plan that 'zoneplan parse' writes.",
        epilog=_SCHEMA_EPILOG,
        formatter_class=_Formatter,
    )
    s.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    s.set_defaults(run=_cmd_schema, parser=s)

    r = sub.add_parser(
        "review",
        parents=[common],
        help="write HTML pages showing every extracted item in its text",
        description="Write self-contained HTML review pages: the text with every figure highlighted.",
        epilog=_REVIEW_EPILOG,
        formatter_class=_Formatter,
    )
    r.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (their *.txt files)")
    r.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the page (one file) or index page to write"
    )
    r.set_defaults(run=_cmd_review, parser=r)
    return ap


def _positive_decimal(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except ArithmeticError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value.is_finite() or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number: {text!r}")
    return value


# ---------------------------------------------------------------------------
# Entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    ap = _build_parser()
    args = ap.parse_args(argv)
    _ensure_utf8()
    run: Callable[[argparse.Namespace, argparse.ArgumentParser], int] = args.run
    try:
        return run(args, args.parser)
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (| head): stop quietly, as cat does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as exc:
        if args.debug:
            raise
        _error(_describe(exc))
        return EXIT_FAILED


def _ensure_utf8() -> None:
    """Write UTF-8 where the locale's encoding cannot write Chinese (a C locale)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            "开发区".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(encoding="utf-8", errors="backslashreplace")


def _error(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _reason(exc: ZoneplanError) -> str:
    return exc.message if exc.position is None else f"{exc.message} (at {exc.position})"


def _describe(exc: BaseException) -> str:
    """One readable line for an exception that ended a command."""
    from .errors import ZoneplanError

    if isinstance(exc, ZoneplanError):
        return f"{exc.file}: {_reason(exc)}" if exc.file else _reason(exc)
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    return f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)"


# ---------------------------------------------------------------------------
# Batch parsing: jobs, workers, progress


@dataclass(frozen=True)
class _Job:
    index: int
    name: str
    data: bytes | None = None  # standard input, read up front
    # what the worker hands back: the Plan (None), or the output text of the document in a
    # format ("json", or "jsonl"/"csv" with the rows of a What): the parent then only writes
    prepare: tuple[str, str] | None = None


@dataclass(frozen=True)
class _Outcome:
    index: int
    name: str
    plan: Any  # the Plan, or what ``_Job.prepare`` made of it; None when it failed
    error: str | None = None
    trace: str | None = None


def _prepared(job: _Job, plan: Plan) -> Any:
    """Write the document's output in the worker that parsed it: the parent only copies text
    (serialising in the parent would make it the bottleneck of a batch)."""
    if job.prepare is None:
        return plan
    fmt, what = job.prepare
    if fmt == "json":
        return _json_text(plan.model_dump(mode="json"))
    from .frame import columns, rows

    return _rows_text(fmt, columns(what), rows(plan, what, path=job.name))  # type: ignore[arg-type]


def _parse_job(job: _Job) -> _Outcome:
    """Parse one document (in a worker process or in this one); never raises."""
    from .errors import ZoneplanError
    from .load import decode
    from .pipeline import parse_text, read

    try:
        plan = read(job.name) if job.data is None else parse_text(decode(job.data, file=job.name))
        result = _prepared(job, plan)
    except ZoneplanError as exc:
        return _Outcome(job.index, job.name, None, _reason(exc), traceback.format_exc())
    except (RecursionError, MemoryError) as exc:
        return _Outcome(
            job.index, job.name, None, f"too complex to parse ({type(exc).__name__})", traceback.format_exc()
        )
    except Exception as exc:
        error = f"internal error: {type(exc).__name__}: {exc}"
        return _Outcome(job.index, job.name, None, error, traceback.format_exc())
    return _Outcome(job.index, job.name, result)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _expand(paths: Sequence[str], pattern: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Files to parse, in order (folders: sorted, recursive, hidden ones skipped), and paths that failed."""
    files: list[str] = []
    failed: list[tuple[str, str]] = []
    for raw in paths:
        if raw == STDIN:
            files.append(STDIN)
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(str(f) for f in p.rglob(pattern) if f.is_file() and not _hidden(f, p))
            if not found:
                failed.append((raw, f"no files matching {pattern} in the folder"))
            files.extend(found)
        else:
            files.append(raw)  # missing files fail when read, in their place
    return files, failed


class _Progress:
    """A one-line progress bar on a terminal's stderr; silent elsewhere."""

    def __init__(self, total: int, stream: IO[str], *, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.enabled = enabled
        self._shown = False

    def step(self, name: str) -> None:
        self.done += 1
        self.draw(name)

    def draw(self, name: str = "") -> None:
        if not self.enabled:
            return
        import shutil

        width = shutil.get_terminal_size((80, 20)).columns
        bar_width = 24
        filled = bar_width * self.done // max(1, self.total)
        head = f"[{'#' * filled}{'.' * (bar_width - filled)}] {self.done}/{self.total} "
        room = max(0, width - _display_width(head) - 1)
        self.stream.write("\r" + head + _fit(name, room) + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


def _workers(jobs: int) -> int:
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _run(jobs: list[_Job], workers: int, progress: _Progress, handle: Callable[[_Outcome], None]) -> None:
    """Parse every job, calling ``handle`` with the outcomes in job order."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            progress.draw(job.name)
            outcome = _parse_job(job)
            progress.done += 1
            progress.clear()
            handle(outcome)
        progress.draw()
        progress.clear()
        return
    from concurrent.futures import Future, ProcessPoolExecutor, as_completed

    ready: dict[int, _Outcome] = {}
    next_index = 0
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        futures: dict[Future[_Outcome], _Job] = {pool.submit(_parse_job, job): job for job in jobs}
        try:
            for future in as_completed(futures):
                job = futures[future]
                try:
                    outcome = future.result()
                except Exception as exc:  # a worker died (BrokenProcessPool)
                    outcome = _Outcome(
                        job.index, job.name, None, f"worker failed: {exc}", traceback.format_exc()
                    )
                ready[job.index] = outcome
                progress.done += 1
                progress.clear()
                while next_index in ready:
                    handle(ready.pop(next_index))
                    next_index += 1
                progress.draw(job.name)
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    progress.clear()


def _batch(
    args: argparse.Namespace,
    ap: argparse.ArgumentParser,
    on_plan: Callable[[str, Any], None],
    prepare: tuple[str, str] | None = None,
) -> int:
    """Parse ``args.paths``; call ``on_plan(name, result)`` in order; report failures; the exit status.

    ``result`` is the Plan, or with ``prepare`` (a format and a ``--what``) its output
    text, made in the worker that parsed it.
    """
    if args.jobs < 0:
        ap.error("--jobs must be 0 (all cores) or more")
    if args.paths.count(STDIN) > 1:
        ap.error("standard input (-) can be read only once")
    files, failed = _expand(args.paths, args.glob)
    for name, reason in failed:
        _error(f"{name}: {reason}")
    jobs = [
        _Job(i, STDIN_NAME, sys.stdin.buffer.read(), prepare) if f == STDIN else _Job(i, f, None, prepare)
        for i, f in enumerate(files)
    ]
    progress = _Progress(
        len(jobs), sys.stderr, enabled=len(jobs) > 1 and not args.no_progress and sys.stderr.isatty()
    )
    failures = len(failed)

    def handle(outcome: _Outcome) -> None:
        nonlocal failures
        if outcome.plan is None:
            failures += 1
            _error(f"{outcome.name}: {outcome.error}")
            if args.debug and outcome.trace:
                sys.stderr.write(outcome.trace)
            return
        on_plan(outcome.name, outcome.plan)

    _run(jobs, _workers(args.jobs), progress, handle)
    return EXIT_FAILED if failures else EXIT_OK


# ---------------------------------------------------------------------------
# Output


class _Out:
    """Standard output, or a file opened on first write (so a failed run leaves no half file)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._file: IO[str] | None = None

    def _stream(self) -> IO[str]:
        if self.path is None:
            return sys.stdout
        if self._file is None:
            self._file = open(self.path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed in close()
        return self._file

    def write(self, text: str) -> int:
        return self._stream().write(text)

    def flush(self) -> None:
        self._stream().flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        else:
            sys.stdout.flush()


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and abs(value) < 2**53 else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ";".join(_csv_cell(v) for v in value)
    return str(value)


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, default=_json_value)


def _rows_text(fmt: str, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """The rows as jsonl (one JSON object a line) or csv lines, without the csv header."""
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        for row in rows:
            writer.writerow([_csv_cell(row[c]) for c in columns])
        return buf.getvalue()
    return "".join(json.dumps(row, ensure_ascii=False, default=_json_value) + "\n" for row in rows)


class _RowWriter:
    """jsonl (one JSON object a line) or csv (a header, then one line a row)."""

    def __init__(self, out: _Out, fmt: Format, columns: Sequence[str], *, bom: bool = False) -> None:
        self.out = out
        self.fmt = fmt
        self.columns = list(columns)
        if fmt == "csv":
            if bom:
                out.write("\ufeff")
            csv.writer(out, lineterminator="\n").writerow(self.columns)

    def rows(self, rows: Iterable[dict[str, Any]]) -> None:
        self.text(_rows_text(self.fmt, self.columns, rows))

    def text(self, text: str) -> None:
        """Rows already written by :func:`_rows_text` (in a worker)."""
        self.out.write(text)
        self.out.flush()

    def close(self) -> None:
        self.out.close()


class _JsonWriter:
    """One JSON value (``single``) or a JSON array, written item by item."""

    def __init__(self, out: _Out, *, single: bool) -> None:
        self.out = out
        self.single = single
        self.count = 0

    def add(self, value: Any) -> None:
        self.add_text(_json_text(value))

    def add_text(self, text: str) -> None:
        """A value already written by :func:`_json_text` (in a worker)."""
        if self.single:
            self.out.write(text + "\n")
        else:
            self.out.write(("[\n" if self.count == 0 else ",\n") + text)
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if not self.single:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.close()


# --- terminal tables


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _display_width(text: str) -> int:
    return sum(_char_width(ch) for ch in text)


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns, with … where it was cut."""
    if _display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" if width > 0 else ""


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - _display_width(text))
    return gap + text if right else text + gap


def _table_lines(headers: Sequence[str], rows: Sequence[Sequence[str]], right: frozenset[int]) -> list[str]:
    widths = [max([_display_width(h)] + [_display_width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(_pad(c, widths[i], i in right) for i, c in enumerate(cells)).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


_CELL_MAX: Final = 32


def _cell(value: Any, limit: int = _CELL_MAX) -> str:
    return _fit(_csv_cell(value).replace("\n", " "), limit)


_TABLE_COLUMNS: Final[dict[str, tuple[tuple[str, str, int], ...]]] = {
    # (header, row key, width limit)
    "indicators": (
        ("id", "id", 6),
        ("name", "name", 24),
        ("text", "text", 16),
        ("kind", "kind", 8),
        ("cmp", "comparator", 6),
        ("role", "role", 6),
        ("head", "headline", 5),
        ("part", "part", 6),
        ("task", "task", 8),
    ),
    "goals": (
        ("id", "id", 6),
        ("strength", "strength", 10),
        ("head", "headline", 5),
        ("indicators", "indicators", 16),
        ("task", "task", 8),
        ("text", "text", 48),
    ),
    "tasks": (
        ("id", "id", 10),
        ("label", "label", 8),
        ("title", "heading", 40),
        ("part", "part", 6),
        ("figures", "indicators", 5),
        ("projects", "projects", 8),
    ),
    "projects": (
        ("id", "id", 6),
        ("name", "name", 28),
        ("status", "status", 18),
        ("investment", "investment", 14),
        ("part", "part", 6),
        ("task", "task", 8),
    ),
}


class _TableWriter:
    """A readable table per document, under a header naming it."""

    def __init__(self, out: _Out, what: What) -> None:
        self.out = out
        self.what = what
        self.count = 0

    def add(self, name: str, plan: Plan, rows: list[dict[str, Any]]) -> None:
        bits = [
            plan.zone or "zone unknown",
            plan.kind.value if plan.kind else "kind unknown",
            f"year {plan.year}" if plan.year else None,
            f"reviews {plan.review_period}" if plan.review_period else None,
            f"published {plan.published.isoformat()}" if plan.published else None,
            f"{len(rows)} {self.what}",
        ]
        lines = [f"== {name}", plan.title or "(untitled)", " · ".join(b for b in bits if b)]
        spec = _TABLE_COLUMNS[self.what]
        if rows:
            cells = []
            for row in rows:
                line = []
                for _, key, limit in spec:
                    value = row[key]
                    if key == "headline":
                        line.append("*" if value else "")
                    elif key in ("indicators", "projects") and self.what == "tasks":
                        line.append(str(len(value)))
                    elif key == "heading":
                        line.append(_cell("  " * (row["depth"] - 1) + str(value), limit))
                    else:
                        line.append(_cell(value, limit))
                cells.append(line)
            right = frozenset(i for i, (h, _, _) in enumerate(spec) if h in ("id", "figures", "projects"))
            lines += ["", *_table_lines([h for h, _, _ in spec], cells, right)]
        else:
            lines.append(f"(no {self.what})")
        self.out.write(("\n" if self.count else "") + "\n".join(lines) + "\n")
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        self.out.close()


# ---------------------------------------------------------------------------
# Commands


def _cmd_parse(args: argparse.Namespace, ap: argparse.ArgumentParser) -> int:
    from .frame import columns, rows

    fmt: Format = args.format
    if fmt == "json" and args.what is not None:
        ap.error("--what applies to --format jsonl, csv and table; json writes whole Plans")
    what: What = args.what or "indicators"
    single = len(args.paths) == 1 and (args.paths[0] == STDIN or not Path(args.paths[0]).is_dir())
    out = _Out(args.output)
    status: int
    if fmt == "json":
        jw = _JsonWriter(out, single=single)
        status = _batch(args, ap, lambda name, text: jw.add_text(text), prepare=("json", what))
        if not (single and jw.count == 0):
            jw.close()
    elif fmt == "table":
        tw = _TableWriter(out, what)
        status = _batch(args, ap, lambda name, plan: tw.add(name, plan, rows(plan, what, path=name)))
        tw.close()
    else:
        rw = _RowWriter(out, fmt, columns(what), bom=args.bom)
        status = _batch(args, ap, lambda name, text: rw.text(text), prepare=(fmt, what))
        rw.close()
    return status


def _cmd_compare(args: argparse.Namespace, ap: argparse.ArgumentParser) -> int:
    from .compare import COLUMNS, compare, comparison_rows

    if not 0 <= args.tolerance < 1:
        ap.error("--tolerance must be at least 0 and below 1")
    plans: list[Plan] = []
    status = _batch(args, ap, lambda name, plan: plans.append(plan))
    rate = float(args.rate) if args.rate is not None else None
    comparisons = compare(plans, rate=rate, tolerance=args.tolerance)
    out = _Out(args.output)
    fmt: Format = args.format
    if fmt == "json":
        jw = _JsonWriter(out, single=False)
        for comparison in comparisons:
            jw.add(comparison.model_dump(mode="json"))
        jw.close()
    elif fmt == "table":
        _compare_table(out, comparison_rows(comparisons))
        out.close()
    else:
        rw = _RowWriter(out, fmt, COLUMNS, bom=args.bom)
        rw.rows(comparison_rows(comparisons))
        rw.close()
    return status


def _compare_table(out: _Out, rows: list[dict[str, Any]]) -> None:
    if not rows:
        out.write("no targets to compare (give plans and the summaries of the same zone and years)\n")
        return
    symbol = {"eq": "", "ge": "≥", "gt": ">", "approx": "≈", "le": "≤", "lt": "<"}
    verdict = {True: "met", False: "missed", None: "?"}
    headers = ["zone", "year", "indicator", "kind", "target", "actual", "met", "note"]
    cells = [
        [
            _cell(r["zone"] or "", 20),
            str(r["year"]),
            _cell(r["indicator"], 20),
            r["kind"],
            symbol[r["comparator"]] + (r["target_text"] or ""),
            _cell(r["actual_text"] or "—", 16) + (" (part)" if r["partial"] else ""),
            verdict[r["met"]],
            _cell(r["note"] or "", 28),
        ]
        for r in rows
    ]
    out.write("\n".join(_table_lines(headers, cells, frozenset({1}))) + "\n")
    met = sum(1 for r in rows if r["met"] is True)
    missed = sum(1 for r in rows if r["met"] is False)
    out.write(f"\n{len(rows)} targets: {met} met, {missed} missed, {len(rows) - met - missed} unknown\n")


def _number(value: Decimal, places: int | None) -> str:
    from .numbers import exact

    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places)) if places >= 0 else value
    return format(exact(value) if places is None else value, "f")


def _unit_target(unit: str) -> tuple[str, Decimal]:
    """The pint unit for ``unit`` (which may be Chinese, with 万/亿) and its multiplier."""
    from .errors import QuantityError
    from .lexicon import lexicon
    from .units import split_unit

    units = lexicon().units
    if unit in units:
        return units[unit].pint, Decimal(1)
    try:
        _, mult, udef = split_unit(unit)
    except QuantityError:
        return unit, Decimal(1)
    return udef.pint, mult


def _cmd_quantity(args: argparse.Namespace, ap: argparse.ArgumentParser) -> int:
    from .errors import ConversionError, ZoneplanError
    from .lexicon import lexicon
    from .units import QuantityRange, convert, get_registry, quantity

    if args.places is not None and args.places < 0:
        ap.error("--places must be 0 or more")
    try:
        q = quantity(args.text)
    except ZoneplanError as exc:
        _error(f"{args.text}: {exc.message}")
        return EXIT_FAILED
    ends = [q.low, q.high] if isinstance(q, QuantityRange) else [q]
    present = [e for e in ends if e is not None]

    def fmt(values: list[Any], unit: str) -> str:
        nums = ["" if v is None else _number(Decimal(v.magnitude), args.places) for v in values]
        return f"{' - '.join(nums)} {unit}"

    if args.to:
        target, mult = _unit_target(args.to)
        converted: list[Any] = []
        for end in ends:
            if end is None:
                converted.append(None)
                continue
            try:
                c = convert(end, target, rate=args.rate)
            except ConversionError as exc:
                _error(f"{args.text}: {exc.message}")
                return EXIT_FAILED
            except Exception as exc:  # pint: an undefined or malformed unit
                _error(f"{args.to}: not a unit zoneplan knows ({type(exc).__name__})")
                return EXIT_FAILED
            converted.append(c / mult if mult != 1 else c)
        if args.json:
            values = [None if v is None else _json_value(Decimal(v.magnitude)) for v in converted]
            value = values if len(values) > 1 else values[0]
            print(json.dumps({"text": args.text, "value": value, "unit": args.to}, ensure_ascii=False))
        else:
            print(fmt(converted, args.to))
        return EXIT_OK

    reg = get_registry()
    unit_name = str(present[0].units)
    # the lexicon's unit whose pint unit this is (compared as pint writes them: tonne → metric_ton)
    udef = next((u for u in lexicon().units.values() if str(reg.Unit(u.pint)) == unit_name), None)
    base_unit = udef.base if udef is not None else unit_name
    dimension = udef.dimension if udef is not None else "other"
    try:
        base = [None if e is None else e.to(base_unit) for e in ends]
    except Exception:  # pragma: no cover - every lexicon unit converts to its base
        base = list(ends)
        base_unit = unit_name
    if args.json:

        def nums(values: list[Any]) -> Any:
            out = [None if v is None else _json_value(Decimal(v.magnitude)) for v in values]
            return out if len(out) > 1 else out[0]

        record = {
            "text": args.text,
            "value": nums(ends),
            "unit": unit_name,
            "dimension": dimension,
            "base_value": nums(base),
            "base_unit": base_unit,
        }
        print(json.dumps(record, ensure_ascii=False))
    else:
        print(f"value       {fmt(ends, unit_name)}")
        print(f"dimension   {dimension}")
        print(f"base value  {fmt(base, base_unit)}")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, ap: argparse.ArgumentParser) -> int:
    from . import schema

    out = _Out(args.output)
    out.write(json.dumps(schema(), ensure_ascii=False, indent=2) + "\n")
    out.close()
    return EXIT_OK


def _cmd_review(args: argparse.Namespace, ap: argparse.ArgumentParser) -> int:
    try:
        from .review import write_review
    except ImportError as exc:
        _error(f"review pages are not available: {exc}")
        return EXIT_FAILED
    failures = write_review(list(args.paths), args.output)
    if failures:
        _error(f"{failures} file{'s' if failures != 1 else ''} failed; see {args.output}")
        return EXIT_FAILED
    return EXIT_OK
