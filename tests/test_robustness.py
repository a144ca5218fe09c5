"""Robustness: time linear in the input on adversarial text, clear errors on bad files.

Linearity. Every regex and every scan of the pipeline must stay linear: each
risky shape (long digit runs, numeral runs, repeated labels, unbalanced quotes
and brackets, page markers, 、 lists, lines without punctuation, noise words…)
is repeated to 20k and to 200k characters and parsed; the 200k parse must not
take more than ``RATIO`` times the 20k one (linear: about 10; quadratic: about
100). Timings are best of 3 with ``time.perf_counter`` (a few more tries for
runs short enough to be thrown off by a busy machine).

The timing runs in a worker process guarded by :func:`faulthandler.dump_traceback_later`:
a regex stuck in a quadratic (or worse) match cannot be interrupted from
Python, so the watchdog kills the worker once a run has clearly blown its
budget (twice the allowed growth, or ``CAP`` seconds), and the failure shows
the function it was stuck in. A shape already slower than ``SLOW`` at 20k
characters fails without the 200k run. All of it takes under a minute.

Files. Binary, empty, truncated-multibyte, huge and missing files go through
:func:`zoneplan.read` and give a :class:`~zoneplan.ZoneplanError` naming the
file (an empty or blank file gives an empty Plan).
"""

from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import threading
import tomllib
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import zoneplan
from zoneplan import DecodeError, InputError, ZoneplanError, load, pipeline

#: Running on the compiled build (make test-compiled): its modules are extensions, not .py files.
COMPILED = not str(pipeline.__file__).endswith(".py")

#: Largest allowed growth of the parse time from 20k to 200k characters (linear is ~10).
RATIO = 25
SMALL, BIG = 20_000, 200_000
#: Seconds after which a 200k run is stopped: linear code parses it in about one second
#: (a few on a busy machine); a quadratic shape would take minutes.
CAP = 8.0
#: A 20k run slower than this (under 20k characters a second) is pathological on its own.
SLOW = 1.0
#: Below this many seconds the clock, the caches and the machine's load decide, not the algorithm.
FLOOR = 0.005

# --------------------------------------------------------------------------- shapes


def _repeat(unit: str) -> Callable[[int], str]:
    def build(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return build


def _page_marks(n: int) -> str:
    """Page markers numbered 1, 2, 3 … (the cleaner's rule needs a counting run), cutting words."""
    out: list[str] = []
    size = 0
    k = 1
    while size < n:
        piece = f"规上工业增加值增长\n\n{k % 1000}、"
        out.append(piece)
        size += len(piece)
        k += 1
    return "".join(out)[:n]


def _numbered_lines(n: int) -> str:
    """1. … 99. headings counting up, again and again."""
    return _repeat("".join(f"{k}.推进重点项目建设\n" for k in range(1, 100)))(n)


def _nested_labels(n: int) -> str:
    """Every label style in turn, so every line opens a deeper level."""
    return _repeat("一、总体要求\n(一)抓项目\n1.新开工项目\n(1)工业项目\n①产业园\n一是抓招商。\n")(n)


# (id, builder, what it exercises)
SHAPES: list[tuple[str, Callable[[int], str]]] = [
    # numbers
    ("digit-run", _repeat("1234567890")),  # one number 200k digits long
    ("digits-with-unit", _repeat("12亿元,")),  # a mention every 6 characters, no sentence end
    ("digits-dots", _repeat("1.")),  # 1.1.1.1… : labels, decimals, versions
    ("digits-commas", _repeat("1,234,")),  # thousands separators that never close
    ("decimal-percent", _repeat("3.37%")),
    ("cn-numeral-run", _repeat("一二三四五六七八九十百千")),  # one Chinese numeral 200k long
    ("cn-amount", _repeat("三十五个")),  # Chinese-numeral counts, back to back
    ("magnitudes", _repeat("万亿")),
    ("fullwidth-digits", _repeat("１２３４５６７８９０％")),
    ("financial-numerals", _repeat("伍陆拾")),
    ("ranges", _repeat("3-5亿元至")),
    ("comparators", _repeat("约超以上不少于")),
    ("years", _repeat("2024年")),
    # numbering labels and the outline
    ("shi-labels", _repeat("一是")),  # 一是一是一是…
    ("dun-headings", _repeat("一、抓项目\n")),  # the same heading, again and again
    ("paren-headings", _repeat("(一)抓项目。\n")),
    ("inline-shi", _repeat("抓项目。一是抓招商。")),
    ("numbered-lines", _numbered_lines),
    ("nested-labels", _nested_labels),
    # a text that lost its line breaks: run-in headings, numbered on, in one long line
    ("run-in-headings", _repeat("。一、抓项目(一)加快建设。二、抓招商1.精准招商。")),
    ("run-in-parens", _repeat("。(二)" + "推进产业园区建设和城市更新" * 4 + "。一是")),  # titles over 40
    ("run-in-problems", _repeat("。二、存在的问题一是用地紧张;二是人才不足;")),
    ("run-in-parts", _repeat("。2025年工作计划")),
    ("lead-ins", _repeat("强化要素保障。内容很多很多。\n")),
    # quotes and brackets
    ("unbalanced-open", _repeat("“((((")),
    ("open-quote", _repeat("“")),
    ("open-paren", _repeat("(")),
    ("book-title-open", _repeat("《")),
    ("quoted-names", _repeat("“产业园”")),
    # page layout and noise
    ("page-markers", _page_marks),
    ("page-marker-same", _repeat("增长\n\n3、")),
    ("noise-lines", _repeat("下载文档\n")),
    ("noise-word-no-newline", _repeat("下载文档")),  # one long line that is not noise
    ("page-counter-lines", _repeat("1 / 8\n")),
    ("page-crumbs", _repeat("第1页/共8页")),
    ("blank-lines", _repeat(" \n\t\r\n")),
    ("short-lines", _repeat("增长\n")),  # wrapped lines to join
    # tables flattened to text: rows of tab-separated cells, a header to look back for
    ("table-rows", _repeat("产值\t亿元\t5\t6.2%\n")),
    ("table-one-line", _repeat("产值\t亿元\t6.2%\t")),  # one row 200k long
    ("table-headers", _repeat("指标\t单位\t增幅\n")),
    # lists, clauses, names
    ("dun-list", _repeat("项目、")),
    ("enumeration", _repeat("、")),
    ("name-list", _repeat("智能产业园、")),
    ("list-closer", _repeat("和和和和等项目")),
    ("distributed", _repeat("分别增长3%、")),
    ("capacity", _repeat("年产5万吨")),
    ("no-punctuation", _repeat("推进开发区建设发展")),
    ("no-punctuation-figures", _repeat("推进开发区建设增长10%投资3亿元新增5家")),
    ("one-sentence", _repeat("实现规上工业增加值12亿元,增长8%,新增企业5家,")),
    ("problem-lead-ins", _repeat("主要问题:配套率仅为30%,存在的问题")),
    ("name-value-rows", _repeat("一般公共预算收入:30亿元\n")),
]


#: Shapes known to fail today, with the function at fault (reported with the measurements in the
#: issue). strict: when the fix lands the test passes, the xfail fails, and the entry goes.
KNOWN_SUPERLINEAR: dict[str, str] = {}


def _shapes(known: dict[str, str]) -> list[Any]:
    return [
        pytest.param(
            b, id=name, marks=[pytest.mark.xfail(strict=True, reason=known[name])] if name in known else []
        )
        for name, b in SHAPES
    ]


def _literal(pattern: str) -> str:
    """Something a boilerplate regex almost matches: its literal characters, digits for ``\\d``."""
    s = re.sub(r"\\d", "1", pattern)
    s = re.sub(r"\\s", " ", s)
    s = re.sub(r"\\u[0-9a-fA-F]{4}", "字", s)
    s = re.sub(r"\{\d+(,\d*)?\}|\\[A-Za-z]|[\\^$.*+?()\[\]{}|]", "", s)
    return s or "字"


def _boilerplate_patterns() -> list[tuple[str, str]]:
    text = resources.files("zoneplan").joinpath("data", "boilerplate.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    out: list[tuple[str, str]] = []
    for key, value in data.items():
        if key.endswith(("lines", "inline")) and isinstance(value, list):
            out += [(f"{key}[{i}]", p) for i, p in enumerate(value) if isinstance(p, str)]
    return out


# --------------------------------------------------------------------------- the worker

_WORKER = textwrap.dedent(
    r"""
    import faulthandler, json, sys, time
    import zoneplan
    from zoneplan.clean import clean
    zoneplan.parse("XX开发区2025年工作计划\n一、抓项目\n新增项目3个,投资1亿元,增长8%。")  # warm up
    TARGETS = {"parse": zoneplan.parse, "clean": clean}

    def run(fn, text, limit):
        faulthandler.dump_traceback_later(limit, exit=True)  # kills us even inside a regex
        t0 = time.perf_counter()
        try:
            fn(text)
        except zoneplan.ZoneplanError:
            pass  # an error is an answer too; what is timed is the work done before it
        took = time.perf_counter() - t0
        faulthandler.cancel_dump_traceback_later()
        return took

    for line in sys.stdin:
        job = json.loads(line)
        fn = TARGETS[job["target"]]
        small, big, ratio, cap, floor = job["small"], job["big"], job["ratio"], job["cap"], job["floor"]
        t_small = run(fn, small, 4 * cap)
        if t_small > job["slow"]:  # pathological already at the small size: do not wait for the big one
            print(json.dumps({"small": t_small, "big": None, "runs": []}), flush=True)
            continue
        t_small = min([t_small] + [run(fn, small, 4 * cap) for _ in range(2)])
        bound = ratio * max(t_small, floor)
        # one big run over twice the allowed growth (or over the cap) is super-linear beyond doubt
        limit = min(2 * bound + 1.0, cap)
        runs = []
        while True:
            runs.append(run(fn, big, limit))
            if min(runs) <= bound:
                break  # within bounds: more runs cannot make the best worse
            if len(runs) >= (3 if min(runs) > 0.5 else 7):
                break  # best of 3; cheap runs get a few more tries against a busy machine
        print(json.dumps({"small": t_small, "big": min(runs), "runs": runs}), flush=True)
    """
)


class Worker:
    """A process that times parses; restarted when its watchdog has killed it."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[str] | None = None
        self.stderr: Any = None

    def _start(self) -> subprocess.Popen[str]:
        if self.proc is None or self.proc.poll() is not None:
            if self.stderr is not None:
                self.stderr.close()
            self.stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - lives with the worker
            self.proc = subprocess.Popen(
                [sys.executable, "-c", _WORKER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.stderr,
                text=True,
                encoding="utf-8",
                env={**os.environ, "PYTHONFAULTHANDLER": "1"},
            )
        return self.proc

    def time(self, target: str, small: str, big: str) -> dict[str, Any]:
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(
            json.dumps(
                {
                    "target": target,
                    "small": small,
                    "big": big,
                    "ratio": RATIO,
                    "cap": CAP,
                    "slow": SLOW,
                    "floor": FLOOR,
                }
            )
            + "\n"
        )
        proc.stdin.flush()
        line = proc.stdout.readline()
        if line:
            result: dict[str, Any] = json.loads(line)
            return result
        proc.wait()
        self.stderr.seek(0)
        where = self.stderr.read()
        frames = [ln.strip() for ln in where.splitlines() if ln.strip().startswith("File")]
        pytest.fail(
            f"super-linear: a {len(big):,}-character run blew its budget (over {2 * RATIO}× the "
            f"{len(small):,}-character time, or over {CAP:.0f} s) and was killed; stuck in:\n  "
            + "\n  ".join(frames[:12] or [where])
        )

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        if self.stderr is not None:
            self.stderr.close()


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    w = Worker()
    yield w
    w.close()


def _check_growth(result: dict[str, Any], what: str) -> None:
    small, big = result["small"], result["big"]
    assert big is not None, (
        f"{what}: {SMALL:,} characters took {small:.1f} s (under {SMALL / small:,.0f} characters a second, "
        f"a typical document goes at 300,000): pathological; the {BIG:,} run was not tried"
    )
    growth = big / max(small, FLOOR)
    assert growth <= RATIO, (
        f"{what}: {SMALL:,} chars in {small * 1000:.1f} ms, {BIG:,} in {big * 1000:.1f} ms "
        f"(runs {[round(r * 1000) for r in result['runs']]} ms): grows {growth:.0f}× for 10× the input"
    )


# --------------------------------------------------------------------------- linearity


@pytest.mark.parametrize("build", _shapes(KNOWN_SUPERLINEAR))
def test_parse_time_is_linear(worker: Worker, build: Callable[[int], str]) -> None:
    result = worker.time("parse", build(SMALL), build(BIG))
    _check_growth(result, "parse")


@pytest.mark.parametrize("pattern", [pytest.param(p, id=name) for name, p in _boilerplate_patterns()])
def test_boilerplate_pattern_is_linear(worker: Worker, pattern: str) -> None:
    # the pattern's own words, repeated on one line and on many: near-misses for the regex
    unit = _literal(pattern)
    for build in (_repeat(unit), _repeat(unit + "\n")):
        _check_growth(worker.time("clean", build(SMALL), build(BIG)), f"clean on {unit!r}")


def test_literal_helper_keeps_the_words() -> None:
    # what the boilerplate test feeds a pattern: its literal text with digits for \d
    assert _literal(r"第\d+页\s*/\s*共\d+页") == "第1页 / 共1页"
    assert _literal(r".*(下载文档|点击下载).*") == "下载文档点击下载"


@pytest.mark.parametrize("build", _shapes({}))
def test_repeated_shapes_parse_without_error(build: Callable[[int], str]) -> None:
    # 20k characters of one shape is odd text, not an error: it must give a Plan
    raw = build(SMALL)
    plan = zoneplan.parse(raw)
    assert plan.length == len(raw)
    for ind in plan.indicators:
        assert raw[ind.span.start : ind.span.end] == ind.text


# --------------------------------------------------------------------------- regressions


def test_regression_label_that_is_no_numeral_does_not_fail_the_document() -> None:
    # found by test_properties: one odd label made the whole document an error
    raw = "1、\n一一是规上工业增加值项目\n"
    assert zoneplan.parse(raw).length == len(raw)


def test_regression_stacked_magnitudes_do_not_fail_the_document() -> None:
    # found by test_properties: 三点五万亿万吨 raised NumberError out of find_mentions
    raw = "年产能三点五万亿万吨,增长8%。"
    assert "8%" in [i.text for i in zoneplan.parse(raw).indicators]


# --------------------------------------------------------------------------- files


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _names_file(exc: ZoneplanError, path: Path) -> None:
    assert exc.file == str(path)
    assert str(path) in str(exc)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        pytest.param(PNG + bytes(range(256)) * 8, "not text", id="png"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4, "not text", id="zip-docx"),
        pytest.param(
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\x00\x01\x02", "not text", id="pdf-with-nul"
        ),
        pytest.param(bytes(range(256)) * 16, "not text", id="all-bytes"),
        pytest.param("开发区\x00计划".encode(), "not text", id="nul-in-utf8"),
        pytest.param("增长8%".encode() + b"\x07\x08" * 10, "not text", id="controls"),
    ],
)
def test_binary_file_is_a_decode_error_naming_the_file(tmp_path: Path, data: bytes, what: str) -> None:
    path = _write(tmp_path, "doc.bin", data)
    with pytest.raises(DecodeError, match=what) as info:
        zoneplan.read(path)
    _names_file(info.value, path)
    assert isinstance(info.value, ValueError)  # old `except ValueError` code keeps working


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("开发区工作计划".encode()[:-1], id="utf8-last-char-cut"),
        pytest.param("开发区工作计划".encode()[:-2], id="utf8-two-bytes-cut"),
        pytest.param("增长8%。新增项目3个".encode()[:-1], id="utf8-cut-after-ascii"),
    ],
)
def test_truncated_multibyte_is_a_decode_error_naming_the_file(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, "cut.txt", data)
    with pytest.raises(DecodeError) as info:
        zoneplan.read(path)
    _names_file(info.value, path)
    assert info.value.position is not None and 0 <= info.value.position <= len(data)


def test_truncated_utf16_is_a_decode_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "cut16.txt", "开发区工作计划".encode("utf-16")[:-1])
    with pytest.raises(DecodeError) as info:
        zoneplan.read(path)
    _names_file(info.value, path)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"   \n\n\t\r\n", id="blank"),
        pytest.param(b"\xef\xbb\xbf", id="bom-only"),
        pytest.param("\u3000\u3000\n".encode(), id="ideographic-spaces"),
    ],
)
def test_empty_file_gives_an_empty_plan(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, "empty.txt", data)
    plan = zoneplan.read(path)
    assert plan.indicators == [] and plan.tasks == [] and plan.projects == [] and plan.goals == []
    assert plan.source == str(path)


def test_huge_sparse_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(load.MAX_BYTES + 1)  # sparse: no disk used, and nothing may read it
    with pytest.raises(InputError, match="limit") as info:
        zoneplan.read(path)
    _names_file(info.value, path)
    assert isinstance(info.value, OSError)


def test_over_the_limit_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_BYTES", 64)
    path = _write(tmp_path, "big.txt", "规上工业增加值增长8%。".encode() * 10)
    with pytest.raises(InputError, match="64") as info:
        zoneplan.read(path)
    _names_file(info.value, path)
    ok = _write(tmp_path, "small.txt", "增长8%。".encode())
    assert [i.text for i in zoneplan.read(ok).indicators] == ["8%"]


def test_over_the_limit_bytes_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_BYTES", 64)
    with pytest.raises(InputError, match="limit"):
        zoneplan.parse("规上工业增加值增长8%。".encode() * 10)


def test_missing_file_is_an_input_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    with pytest.raises(InputError) as info:
        zoneplan.read(path)
    _names_file(info.value, path)


def test_directory_is_an_input_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        zoneplan.read(tmp_path)
    _names_file(info.value, tmp_path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_every_encoding_gives_the_same_plan(tmp_path: Path, encoding: str) -> None:
    raw = (
        "XX开发区2025年工作计划\n主要目标是:规上工业增加值增长8%以上,实到外资1.5亿美元。\n"
        "一、抓项目\n新开工项目12个。\n"
    )
    path = _write(tmp_path, "doc.txt", raw.encode(encoding))
    plan = zoneplan.read(path)
    assert plan.model_copy(update={"source": None}) == zoneplan.parse(raw)
    assert [raw[i.span.start : i.span.end] for i in plan.indicators] == [i.text for i in plan.indicators]


def test_parse_of_an_unsupported_type_is_a_zoneplan_error() -> None:
    with pytest.raises(ZoneplanError):
        zoneplan.parse(12345)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the garbage collector

GC_DOC = "XX开发区2025年工作计划\n主要目标是:规上工业增加值增长8%以上。\n一、抓项目\n新开工项目12个。\n"


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_during_a_parse_and_back_on_after(collector_on: None) -> None:
    # with a threshold of 10 allocations a parse of this document would start thousands of
    # collections; paused, none starts before it ends (a few start as the collector resumes and
    # the test goes on allocating)
    starts: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            starts.append(info["generation"])

    threshold = gc.get_threshold()
    gc.set_threshold(10)
    gc.callbacks.append(count)
    try:
        plan = zoneplan.parse(GC_DOC * 20)
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
    assert len(plan.indicators) == 40
    assert len(starts) <= 5
    assert gc.isenabled()


def test_a_parse_leaves_no_reference_cycles() -> None:
    # pausing the collector is only safe because a parse makes no reference cycles: everything
    # it drops is freed by reference counting, and nothing is left for the collector to find
    doc = GC_DOC + "(一)抓招商\n1.签约项目8个。\n2.到位资金12亿元。\n二、抓服务\n新增企业30家。\n"
    zoneplan.parse(doc)  # warm caches first: what they keep is not garbage
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        plan = zoneplan.parse(doc)
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
    assert [t.label for t in plan.walk_tasks()] == ["一、", "(一)", "1.", "2.", "二、"]


def test_a_collector_switched_off_by_the_user_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        zoneplan.parse(GC_DOC)
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_the_pause_ends_when_what_it_guards_raises(collector_on: None) -> None:
    with pytest.raises(ZoneplanError), pipeline._collector_paused():
        assert not gc.isenabled()
        raise ZoneplanError("broken on purpose")
    assert gc.isenabled()


@pytest.mark.skipif(COMPILED, reason="compiled modules bind their calls: a patch cannot reach into them")
def test_the_collector_is_back_on_when_a_parse_fails(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(raw: str) -> Any:
        raise ZoneplanError("broken on purpose")

    monkeypatch.setattr("zoneplan.pipeline.clean", broken)
    with pytest.raises(ZoneplanError):
        zoneplan.parse(GC_DOC)
    assert gc.isenabled()


def test_parses_in_threads_leave_the_collector_on(collector_on: None) -> None:
    start = threading.Barrier(6)
    plans: list[zoneplan.Plan] = []

    def work() -> None:
        start.wait()
        for _ in range(5):
            plans.append(zoneplan.parse(GC_DOC))

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.isenabled()
    assert len(plans) == 30 and all(p == plans[0] for p in plans)
