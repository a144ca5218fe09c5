"""Speed: throughput of zoneplan, stage by stage, against a regex floor and jionlp.

    python benchmarks/speed.py                 # everything, Markdown tables on stdout
    python benchmarks/speed.py --reps 15       # more repetitions
    python benchmarks/speed.py --no-cold --no-memory
    python benchmarks/speed.py --profile       # where a parse spends its time

What is measured, over the documents of ``../shared/corpus/seeds`` (or
``--docs``), in one process and *interleaved*: every repetition runs every
contender over every document, in a rotating order, so that a slow minute of
the machine hurts all of them alike. Figures are medians over repetitions.

- ``zoneplan.parse``: the whole pipeline, text in, pydantic ``Plan`` out;
- each stage called directly on the previous stage's output, the way
  ``zoneplan/pipeline.py`` calls it: decode, clean, outline, find_mentions,
  attach (headline zones + facts), projects, meta, and model build (validating
  the finished ``Plan`` from plain Python data, i.e. the pydantic cost);
- the regex floor: one pass of a digit regex over the same text, the least any
  quantity extractor has to do;
- ``jionlp.ner.extract_money`` when jionlp is installed (the ``bench`` extra).

Then cold start (medians of fresh subprocesses: ``import pint, pydantic`` vs
``import zoneplan`` vs ``zoneplan --help`` vs import and parse of one document)
and peak memory of one parse (tracemalloc) against document size.

The header names the build that ran: the sources (``make bench``) or the
modules compiled with mypyc (``make bench-compiled``, see setup.py).
"""

from __future__ import annotations

import argparse
import bisect
import functools
import gc
import os
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import zoneplan
from zoneplan.attach import attach, headline_zones
from zoneplan.clean import clean
from zoneplan.load import decode
from zoneplan.meta import read_meta
from zoneplan.model import plan_from_records
from zoneplan.outline import build_outline
from zoneplan.pipeline import _title_kind
from zoneplan.projects import find_projects
from zoneplan.quantities import find_mentions

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("ZONEPLAN_CORPUS", ROOT.parent / "shared" / "corpus")) / "seeds"

#: The floor: what any quantity finder must at least do, one pass of a digit regex.
_FLOOR = re.compile(r"\d+(?:\.\d+)?")

Job = Callable[[], object]


# ------------------------------------------------------------------ stage inputs
class Doc:
    """One document and every intermediate result the stages need, computed once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = path.read_bytes()
        self.raw = decode(self.data, file=str(path))
        self.cleaned = clean(self.raw)
        self.text = self.cleaned.text
        self.default_part = _title_kind(self.text)
        self.outline = build_outline(self.text, default_part=self.default_part)
        self.mentions = find_mentions(self.text)
        self.heads = self.outline.flat()
        self.head_starts = sorted(h.start for h in self.heads if h.depth >= 2 or h.style != "part")
        self.zones = headline_zones(self.text, self.outline.parts.at, self.mentions, self.first_heading)
        self.noise = [line for _, line in self.cleaned.noise_lines]
        self.plan = zoneplan.parse(self.raw)
        self.plan_data = self.plan.model_dump()

    def first_heading(self, pos: int) -> int:
        i = bisect.bisect_right(self.head_starts, pos)
        return self.head_starts[i] if i < len(self.head_starts) else len(self.text)

    # the stages, each on its own input
    def decode(self) -> object:
        return decode(self.data)

    def clean(self) -> object:
        return clean(self.raw)

    def outline_(self) -> object:
        return build_outline(self.text, default_part=_title_kind(self.text))

    def mentions_(self) -> object:
        return find_mentions(self.text)

    def attach(self) -> object:
        parts = self.outline.parts
        zones = headline_zones(self.text, parts.at, self.mentions, self.first_heading)
        return attach(self.text, self.mentions, parts.at, zones)

    def projects(self) -> object:
        return find_projects(self.text)

    def meta(self) -> object:
        parts = self.outline.parts
        return read_meta(self.text, self.noise, has_review=parts.has("review"), has_plan=parts.has("plan"))

    def model(self) -> object:
        return plan_from_records(self.plan_data)

    def parse(self) -> object:
        return zoneplan.parse(self.raw)

    def floor(self) -> object:
        return sum(1 for _ in _FLOOR.finditer(self.raw))


def contenders(docs: list[Doc]) -> dict[str, list[Job]]:
    """Name → one job per document."""
    out: dict[str, list[Job]] = {
        "zoneplan.parse": [d.parse for d in docs],
        "  decode": [d.decode for d in docs],
        "  clean": [d.clean for d in docs],
        "  outline": [d.outline_ for d in docs],
        "  find_mentions": [d.mentions_ for d in docs],
        "  attach": [d.attach for d in docs],
        "  projects": [d.projects for d in docs],
        "  meta": [d.meta for d in docs],
        "  model build": [d.model for d in docs],
        "regex floor": [d.floor for d in docs],
        TYPESET: [functools.partial(zoneplan.parse, typeset(d.raw)) for d in docs],
    }
    extract_money = _jionlp()
    if extract_money is not None:
        out["jionlp extract_money"] = [functools.partial(extract_money, d.raw) for d in docs]
        out[TYPESET_JIO] = [functools.partial(extract_money, typeset(d.raw)) for d in docs]
    return out


TYPESET = "zoneplan.parse, typeset"
TYPESET_JIO = "jionlp extract_money, typeset"
_WIDE = str.maketrans(",;:!?()%", "，；：！？（）％")


def typeset(raw: str) -> str:
    """The document as most official texts are typeset: full-width punctuation, and every
    paragraph indented by two ideographic spaces (the seeds were scraped with ASCII punctuation)."""
    lines = raw.translate(_WIDE).split("\n")
    return "\n".join("\u3000\u3000" + line.strip() if line.strip() else line for line in lines)


def _jionlp() -> Callable[[str], Any] | None:
    try:
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp  # type: ignore[import-not-found,import-untyped,unused-ignore]  # prints a banner
    except ImportError:
        return None
    fn: Callable[[str], Any] = jionlp.ner.extract_money
    return fn


# ------------------------------------------------------------------ measuring
def interleaved(jobs: dict[str, list[Job]], reps: int) -> dict[str, list[float]]:
    """Seconds per repetition for each contender (all documents), rotating the order."""
    names = list(jobs)
    times: dict[str, list[float]] = {n: [] for n in names}
    for name in names:  # warm up: lexicons, regexes, the unit registry, jionlp's dictionaries
        for job in jobs[name]:
            job()
    for r in range(reps):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            gc.collect()
            t0 = time.perf_counter()
            for job in jobs[name]:
                job()
            times[name].append(time.perf_counter() - t0)
    return times


def build() -> str:
    """Which build of zoneplan runs: the sources, or the modules compiled with mypyc (``make compiled``)."""
    from zoneplan import pipeline

    return "pure Python" if str(pipeline.__file__).endswith(".py") else "compiled (mypyc)"


def speed_table(docs: list[Doc], reps: int) -> str:
    chars = sum(len(d.raw) for d in docs)
    typeset_chars = sum(len(typeset(d.raw)) for d in docs)  # two ideographic spaces a paragraph more
    times = interleaved(contenders(docs), reps)
    med = {n: statistics.median(t) for n, t in times.items()}
    zp = med["zoneplan.parse"]
    lines = [
        f"{len(docs)} documents, {chars:,} characters, {reps} interleaved repetitions, medians; "
        f"Python {sys.version.split()[0]}; zoneplan {build()}",
        "",
        "| contender | ms (all docs) | chars/s | docs/s | share of parse |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, t in med.items():
        share = f"{t / zp:.0%}" if name.startswith("  ") else ""
        n_chars = typeset_chars if name in (TYPESET, TYPESET_JIO) else chars
        lines.append(
            f"| {name.replace(' ', '&nbsp;', 2) if name.startswith('  ') else name} | {t * 1000:.1f} "
            f"| {n_chars / t:,.0f} | {len(docs) / t:,.1f} | {share} |"
        )
    stages = sum(t for n, t in med.items() if n.startswith("  ") and n.strip() != "decode")
    glue = zp - stages
    lines += [
        "",
        f"- stages clean…model build, timed alone, add up to {stages / zp:.0%} of a parse"
        + (f"; assembly glue ≈ {glue * 1000:.1f} ms" if glue > 0 else " (the rest is within the noise)"),
    ]
    lines.append(f"- zoneplan / regex floor: {med['regex floor'] / zp:.3f} (throughput ratio, 1 = as fast)")
    if "jionlp extract_money" in med:
        ratio = med["jionlp extract_money"] / zp
        verdict = "faster" if ratio >= 1 else "slower"
        lines.append(
            f"- zoneplan / jionlp extract_money: {ratio:.2f} (throughput ratio; zoneplan is {verdict})"
        )
        lines.append(
            f"- the same, typeset (full-width punctuation, indented paragraphs): "
            f"{med[TYPESET_JIO] / med[TYPESET]:.2f}"
        )
    else:
        lines.append("- jionlp not installed: `pip install -e '.[bench]'` to compare")
    return "\n".join(lines)


# ------------------------------------------------------------------ cold start
def _run(argv: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - t0


def cold_table(runs: int, doc: Path) -> str:
    py = sys.executable
    script = Path(py).with_name("zoneplan")
    cli = [str(script), "--help"] if script.is_file() else [py, "-m", "zoneplan", "--help"]
    cases = {
        "python -c pass": [py, "-c", "pass"],
        "import pint, pydantic": [py, "-c", "import pint, pydantic"],
        "import zoneplan": [py, "-c", "import zoneplan"],
        "zoneplan --help": cli,
        "import zoneplan; parse 1 doc": [py, "-c", f"import zoneplan; zoneplan.parse({str(doc)!r})"],
        "import pint; build UnitRegistry()": [py, "-c", "import pint; pint.UnitRegistry()"],
    }
    times: dict[str, list[float]] = {n: [] for n in cases}
    for argv in cases.values():  # warm the OS file cache
        _run(argv)
    for _ in range(runs):
        for name, argv in cases.items():
            times[name].append(_run(argv))
    med = {n: statistics.median(t) for n, t in times.items()}
    base = med["import pint, pydantic"]
    lines = [
        f"medians of {runs} fresh subprocesses each, interleaved",
        "",
        "| command | ms | × import pint+pydantic |",
        "|---|---:|---:|",
    ]
    lines += [f"| `{n}` | {t * 1000:.0f} | {t / base:.2f} |" for n, t in med.items()]
    return "\n".join(lines)


def registry_note(docs: list[Doc]) -> str:
    from zoneplan import units

    for d in docs:
        d.parse()
    builds = units.get_registry.cache_info().misses
    return f"- unit registry: built {builds} time(s) in this process, over {len(docs) * 2 + 1}+ parses"


# ------------------------------------------------------------------ memory
def memory_table(docs: list[Doc]) -> str:
    big = "\n".join(d.raw for d in docs)
    samples = [(d.path.name, d.raw) for d in docs] + [
        (f"all seeds ×{k}", "\n".join([big] * k)) for k in (1, 4, 16)
    ]
    zoneplan.parse(samples[0][1])  # lexicons and registry are not the document's cost
    lines = ["| document | chars | peak MiB | peak bytes/char |", "|---|---:|---:|---:|"]
    for name, raw in samples:
        gc.collect()
        tracemalloc.start()
        zoneplan.parse(raw)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        lines.append(f"| {name} | {len(raw):,} | {peak / 2**20:.1f} | {peak / len(raw):.0f} |")
    return "\n".join(lines)


# ------------------------------------------------------------------ profile
def profile(docs: list[Doc], reps: int) -> str:
    """Where a steady-state parse spends its time: pyinstrument's tree, else cProfile's top."""
    for d in docs:
        d.parse()
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import io
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for _ in range(reps):
            for d in docs:
                d.parse()
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(30)
        return out.getvalue()
    profiler = Profiler(interval=0.0002)
    profiler.start()
    for _ in range(reps):
        for d in docs:
            d.parse()
    profiler.stop()
    text: str = profiler.output_text(unicode=True, color=False, time="percent_of_total")
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="zoneplan throughput, cold start and memory")
    ap.add_argument("--docs", type=Path, default=SEEDS, help="folder of .txt documents")
    ap.add_argument("--reps", type=int, default=21, help="interleaved repetitions (median reported)")
    ap.add_argument("--cold-runs", type=int, default=7, help="subprocess runs per cold-start command")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start table")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory table")
    ap.add_argument("--profile", action="store_true", help="only profile zoneplan.parse on the documents")
    args = ap.parse_args(argv)
    paths = sorted(args.docs.glob("*.txt"))
    if not paths:
        print(f"skipped: no .txt documents in {args.docs} (set ZONEPLAN_CORPUS or --docs)")
        return 0
    docs = [Doc(p) for p in paths]
    if args.profile:
        print(profile(docs, max(args.reps, 20)))
        return 0
    print("## Throughput\n")
    print(speed_table(docs, args.reps))
    print(registry_note(docs))
    if not args.no_cold:
        print("\n## Cold start\n")
        print(cold_table(args.cold_runs, paths[0]))
    if not args.no_memory:
        print("\n## Peak memory of one parse (tracemalloc)\n")
        print(memory_table(docs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
