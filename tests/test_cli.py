"""The command line, run as users run it: ``python -m zoneplan`` in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import zoneplan
from zoneplan.frame import columns

# Two small documents of our own, in the style of the corpus: a plan with a
# main-targets paragraph and a nested outline, and a summary of the same zone.
PLAN = """\
青山经济开发区2023年工作计划
发布日期:2023-02-10
今年的主要目标是:地区生产总值增长8%以上,实到外资1.2亿美元,固定资产投资不少于60亿元。
一、抓招商引资
(一)招大引强
全年力争签约亿元以上项目20个,新开工项目12个。
二、抓科技创新
新增国家高新技术企业15家,研发投入不低于5亿元。
"""

SUMMARY = """\
青山经济开发区2023年工作总结
一、2023年工作回顾
全年实现经济总量增长9.1%,实际利用外资1.05亿美元,全社会固定资产投资62亿元。新增国家高新技术企业17家。
二、2024年工作思路
主要目标是:地区生产总值增长7%左右。
"""

BAD = bytes(range(256)) * 4  # not text in any encoding


def run(
    *args: str | Path, stdin: bytes | None = None, cwd: Path | None = None, stderr: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the real entry point; stdout and stderr as bytes."""
    env = {**os.environ, "PYTHONUTF8": "1"}
    return subprocess.run(
        [sys.executable, "-m", "zoneplan", *map(str, args)],
        input=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE if stderr is None else stderr,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def out(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stdout.decode("utf-8")


def err(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stderr.decode("utf-8") if proc.stderr is not None else ""


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A folder: a plan, a summary in a subfolder, a binary file, and a non-.txt note."""
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    (root / "a_plan.txt").write_text(PLAN, encoding="utf-8")
    (root / "sub" / "b_summary.txt").write_text(SUMMARY, encoding="gb18030")  # any encoding is read
    (root / "c_bad.txt").write_bytes(BAD)
    (root / "notes.md").write_text(PLAN, encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "skip.txt").write_text(PLAN, encoding="utf-8")
    return root


GOOD = ("a_plan.txt", "sub/b_summary.txt")


def _paths(docs: Path, names: tuple[str, ...] = GOOD) -> list[str]:
    return [str(docs / n) for n in names]


# ---------------------------------------------------------------------------
# parse --format json


def test_json_one_file_is_one_plan_object(docs: Path) -> None:
    # the corpus scorer's contract: one file → one JSON object, Plan.model_dump(mode="json")
    path = docs / "a_plan.txt"
    proc = run("parse", "--format", "json", path)
    assert proc.returncode == 0, err(proc)
    data = json.loads(out(proc))
    assert isinstance(data, dict)
    assert data == zoneplan.read(path).model_dump(mode="json")
    assert zoneplan.Plan.model_validate(data).title == "青山经济开发区2023年工作计划"
    assert err(proc) == ""


def test_json_folder_is_array_in_path_order_and_bad_file_reported(docs: Path) -> None:
    proc = run("parse", docs)
    assert proc.returncode == 1
    data = json.loads(out(proc))
    assert [d["source"] for d in data] == _paths(docs)
    assert [d["kind"] for d in data] == ["plan", "summary_and_plan"]
    lines = err(proc).splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"zoneplan: {docs / 'c_bad.txt'}: not text")
    assert "Traceback" not in err(proc)


def test_json_two_files_is_array(docs: Path) -> None:
    proc = run("parse", *_paths(docs))
    assert proc.returncode == 0
    assert [d["title"] for d in json.loads(out(proc))] == [
        "青山经济开发区2023年工作计划",
        "青山经济开发区2023年工作总结",
    ]


def test_json_single_bad_file_writes_nothing(docs: Path) -> None:
    proc = run("parse", docs / "c_bad.txt")
    assert proc.returncode == 1
    assert out(proc) == ""
    assert err(proc).startswith(f"zoneplan: {docs / 'c_bad.txt'}: not text")
    assert len(err(proc).splitlines()) == 1


# ---------------------------------------------------------------------------
# rows: jsonl, csv, table


def test_jsonl_indicator_rows_carry_document_metadata(docs: Path) -> None:
    proc = run("parse", docs, "--format", "jsonl")
    assert proc.returncode == 1
    rows = [json.loads(line) for line in out(proc).splitlines()]
    plans = [zoneplan.read(p) for p in _paths(docs)]
    assert len(rows) == sum(len(p.indicators) for p in plans)
    assert all(list(r) == list(columns("indicators")) for r in rows)
    first = rows[0]
    assert first["path"] == str(docs / "a_plan.txt")
    assert (first["title"], first["zone"], first["doc_kind"], first["year"]) == (
        "青山经济开发区2023年工作计划",
        "青山经济开发区",
        "plan",
        2023,
    )
    assert first["published"] == "2023-02-10"
    assert (first["text"], first["value"], first["base_unit"]) == ("8%", 8, "percent")
    last = rows[-1]
    assert (last["path"], last["doc_kind"], last["review_period"]) == (
        str(docs / "sub" / "b_summary.txt"),
        "summary_and_plan",
        "2023",
    )
    assert "c_bad.txt" in err(proc)


def test_csv_rows_header_and_values(docs: Path) -> None:
    proc = run("parse", docs, "--format", "csv")
    assert proc.returncode == 1
    reader = csv.DictReader(io.StringIO(out(proc)))
    assert tuple(reader.fieldnames or ()) == columns("indicators")
    rows = list(reader)
    usd = next(r for r in rows if r["text"] == "1.2亿美元")
    assert (usd["value"], usd["unit"], usd["dimension"], usd["base_value"]) == (
        "1.2",
        "亿美元",
        "currency_usd",
        "120000000.0",
    )
    assert (usd["role"], usd["headline"], usd["year"], usd["review_period"]) == ("target", "true", "2023", "")
    assert {r["path"] for r in rows} == set(_paths(docs))
    assert err(proc).splitlines() == [
        line for line in err(proc).splitlines() if line.startswith("zoneplan: ")
    ]


def test_tasks_rows_are_flattened_with_depth_and_path(docs: Path) -> None:
    proc = run("parse", docs / "a_plan.txt", "--format", "jsonl", "--what", "tasks")
    assert proc.returncode == 0
    rows = [json.loads(line) for line in out(proc).splitlines()]
    assert [(r["id"], r["depth"], r["parent"]) for r in rows] == [
        ("1", 1, None),
        ("1.1", 2, "1"),
        ("2", 1, None),
    ]
    assert rows[1]["task_path"] == "抓招商引资 > 招大引强"
    assert all(r["doc_kind"] == "plan" for r in rows)


@pytest.mark.parametrize("what", ["goals", "projects", "indicators", "tasks"])
def test_every_table_has_its_columns(docs: Path, what: str) -> None:
    proc = run("parse", *_paths(docs), "--format", "csv", "--what", what)
    assert proc.returncode == 0
    header = out(proc).splitlines()[0]
    assert tuple(header.split(",")) == columns(what)  # type: ignore[arg-type]


def test_goals_jsonl_lists_indicator_ids(docs: Path) -> None:
    proc = run("parse", docs / "a_plan.txt", "--format", "jsonl", "--what", "goals")
    rows = [json.loads(line) for line in out(proc).splitlines()]
    headline = [r for r in rows if r["headline"]]
    assert headline and headline[0]["indicators"] == [0, 1, 2]


def test_table_is_readable(docs: Path) -> None:
    proc = run("parse", *_paths(docs), "--format", "table")
    assert proc.returncode == 0
    text = out(proc)
    assert f"== {docs / 'a_plan.txt'}" in text
    assert "青山经济开发区 · plan · year 2023 · published 2023-02-10" in text
    header = next(line for line in text.splitlines() if line.startswith("id"))
    assert header.split() == ["id", "name", "text", "kind", "cmp", "role", "head", "part", "task"]
    assert "1.2亿美元" in text and "实际利用外资" in text


def test_table_of_an_empty_document(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    proc = run("parse", tmp_path / "empty.txt", "--format", "table")
    assert proc.returncode == 0
    assert "(no indicators)" in out(proc)


# ---------------------------------------------------------------------------
# inputs: stdin, globs, missing files, output file


def test_stdin(docs: Path) -> None:
    proc = run("parse", "-", "--format", "jsonl", stdin=PLAN.encode("utf-8"))
    assert proc.returncode == 0
    rows = [json.loads(line) for line in out(proc).splitlines()]
    assert rows and {r["path"] for r in rows} == {"<stdin>"}
    assert rows[0]["title"] == "青山经济开发区2023年工作计划"
    whole = run("parse", "-", stdin=SUMMARY.encode("gb18030"))
    plan = json.loads(out(whole))
    assert isinstance(plan, dict) and plan["source"] is None and plan["review_period"] == "2023"


def test_stdin_binary_is_one_line_error() -> None:
    proc = run("parse", "-", stdin=BAD)
    assert proc.returncode == 1
    assert err(proc).startswith("zoneplan: <stdin>: not text")


def test_glob_picks_other_files(docs: Path) -> None:
    proc = run("parse", docs, "--glob", "*.md", "--format", "csv")
    assert proc.returncode == 0
    paths = {r["path"] for r in csv.DictReader(io.StringIO(out(proc)))}
    assert paths == {str(docs / "notes.md")}


def test_hidden_folders_are_skipped(docs: Path) -> None:
    proc = run("parse", docs, "--format", "csv")
    assert ".hidden" not in out(proc)


def test_missing_file_and_empty_folder_fail_alone(docs: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = run("parse", tmp_path / "nope.txt", empty, docs / "a_plan.txt", "--format", "jsonl")
    assert proc.returncode == 1
    assert err(proc).splitlines() == [
        f"zoneplan: {empty}: no files matching *.txt in the folder",
        f"zoneplan: {tmp_path / 'nope.txt'}: no such file",
    ]
    assert {json.loads(line)["path"] for line in out(proc).splitlines()} == {str(docs / "a_plan.txt")}


def test_csv_bom_for_spreadsheets(docs: Path) -> None:
    proc = run("parse", docs / "a_plan.txt", "--format", "csv", "--bom")
    assert proc.stdout.startswith(b"\xef\xbb\xbfpath,title,")
    plain = run("parse", docs / "a_plan.txt", "--format", "csv")
    assert plain.stdout.startswith(b"path,title,")


def test_output_file(docs: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    proc = run("parse", docs, "--format", "csv", "-o", target)
    assert proc.returncode == 1
    assert out(proc) == ""
    assert target.read_text(encoding="utf-8").startswith("path,title,zone,doc_kind,year")


def test_jobs_give_the_same_output(docs: Path) -> None:
    one = run("parse", docs, "--format", "csv", "--jobs", "1")
    two = run("parse", docs, "--format", "csv", "--jobs", "2")
    every = run("parse", docs, "--format", "json", "--jobs", "0")
    assert one.returncode == two.returncode == every.returncode == 1
    assert out(one) == out(two)
    assert err(one) == err(two)
    assert [d["source"] for d in json.loads(out(every))] == _paths(docs)


# ---------------------------------------------------------------------------
# errors, usage, progress


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["parse", "x.txt", "--format", "json", "--what", "goals"], id="what-with-json"),
        pytest.param(["parse", "x.txt", "--jobs", "-1"], id="negative-jobs"),
        pytest.param(["parse", "x.txt", "--format", "xml"], id="unknown-format"),
        pytest.param(["parse", "-", "-"], id="stdin-twice"),
        pytest.param(["parse"], id="no-paths"),
        pytest.param([], id="no-command"),
        pytest.param(["frobnicate"], id="unknown-command"),
        pytest.param(["quantity", "5亩", "--rate", "-7"], id="negative-rate"),
        pytest.param(["compare", "x.txt", "--tolerance", "2"], id="tolerance-too-big"),
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    proc = run(*args, stdin=b"")
    assert proc.returncode == 2
    assert "usage:" in err(proc)
    assert out(proc) == ""


def test_debug_shows_the_traceback(docs: Path) -> None:
    plain = run("parse", docs / "c_bad.txt")
    debug = run("parse", docs / "c_bad.txt", "--debug")
    assert "Traceback" not in err(plain)
    assert "Traceback" in err(debug) and "DecodeError" in err(debug)
    assert err(debug).startswith(err(plain).rstrip("\n"))


def test_no_progress_bar_in_a_pipe(docs: Path) -> None:
    proc = run("parse", docs, "--format", "csv")
    assert "\r" not in err(proc)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal(docs: Path) -> None:
    master, slave = os.openpty()
    try:
        proc = run("parse", docs, "--format", "csv", stderr=slave)
    finally:
        os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    shown = b"".join(chunks).decode("utf-8")
    assert proc.returncode == 1
    assert "\r[" in shown and "3/3" in shown
    assert "zoneplan: " in shown and "c_bad.txt" in shown
    assert out(proc).count("\n") > 1  # the rows still went to stdout


# ---------------------------------------------------------------------------
# compare, quantity, schema, review, help


def test_compare_command(docs: Path) -> None:
    proc = run("compare", *_paths(docs), "--format", "csv")
    assert proc.returncode == 0, err(proc)
    rows = list(csv.DictReader(io.StringIO(out(proc))))
    by = {(r["indicator"], r["year"]): r for r in rows}
    gdp = by[("地区生产总值", "2023")]
    assert (gdp["target_text"], gdp["actual_text"], gdp["met"]) == ("8%", "9.1%", "true")
    fdi = by[("实到外资", "2023")]
    assert (fdi["actual_name"], fdi["met"]) == ("实际利用外资", "false")
    table = run("compare", docs)
    assert table.returncode == 1  # the bad file
    assert "met" in out(table) and "targets:" in out(table)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(["2.65万亩", "--to", "hectare", "--places", "2"], "1766.67 hectare", id="to-hectare"),
        pytest.param(["2.65万亩", "--to", "公顷", "--places", "1"], "1766.7 公顷", id="to-chinese-unit"),
        pytest.param(["2.65万亩", "--to", "万亩"], "2.65 万亩", id="to-magnitude-unit"),
        pytest.param(["1.5亿美元", "--to", "亿元", "--rate", "7.1"], "10.65 亿元", id="dollars-to-yuan"),
        pytest.param(["3-5亿元", "--to", "万元"], "30000 - 50000 万元", id="range"),
    ],
)
def test_quantity_conversion(args: list[str], expected: str) -> None:
    proc = run("quantity", *args)
    assert proc.returncode == 0, err(proc)
    assert out(proc).strip() == expected


def test_quantity_alone_shows_value_unit_and_base() -> None:
    proc = run("quantity", "2.65万亩")
    assert proc.returncode == 0
    lines = [
        line.split(None, 1) if not line.startswith("base") else ["base", line[12:]]
        for line in out(proc).splitlines()
    ]
    assert lines == [
        ["value", "26500 shimu"],
        ["dimension", "area"],
        ["base", "17666666.66666666666666666667 meter ** 2"],
    ]
    data = json.loads(out(run("quantity", "40万吨/年", "--json")))
    assert data == {
        "text": "40万吨/年",
        "value": 400000,
        "unit": "metric_ton / year",
        "dimension": "mass_rate",
        "base_value": 400000,
        "base_unit": "tonne / year",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["1.5亿美元", "--to", "亿元"],
            "zoneplan: 1.5亿美元: converting US dollars to yuan needs a rate",
            id="no-rate",
        ),
        pytest.param(["五颗星"], "zoneplan: 五颗星: ", id="not-a-quantity"),
        pytest.param(["5亩", "--to", "yuan"], "zoneplan: 5亩: cannot convert to yuan", id="wrong-dimension"),
        pytest.param(
            ["5亩", "--to", "furlongs_squared"], "zoneplan: furlongs_squared: not a unit", id="unknown-unit"
        ),
    ],
)
def test_quantity_errors_are_one_line(args: list[str], message: str) -> None:
    proc = run("quantity", *args)
    assert proc.returncode == 1
    assert err(proc).startswith(message)
    assert len(err(proc).splitlines()) == 1


def test_schema() -> None:
    proc = run("schema")
    assert proc.returncode == 0
    assert json.loads(out(proc)) == zoneplan.schema()


def test_review(docs: Path, tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    proc = run("review", docs / "a_plan.txt", "-o", page)
    assert proc.returncode == 0, err(proc)
    assert "1.2亿美元" in page.read_text(encoding="utf-8")
    failing = run("review", docs / "a_plan.txt", docs / "c_bad.txt", "-o", tmp_path / "site" / "index.html")
    assert failing.returncode == 1
    assert err(failing).startswith("zoneplan: 1 file failed")


@pytest.mark.parametrize("command", [[], ["parse"], ["compare"], ["quantity"], ["schema"], ["review"]])
def test_help(command: list[str]) -> None:
    proc = run(*command, "--help")
    assert proc.returncode == 0
    assert out(proc).startswith("usage: zoneplan")
    assert "examples:" in out(proc)


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert out(proc).strip() == f"zoneplan {zoneplan.__version__}"


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    # `zoneplan parse … | head -1`: no BrokenPipeError traceback (the output is over a pipe's buffer)
    for i in range(30):
        (tmp_path / f"{i:02}.txt").write_text(PLAN, encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "zoneplan", "parse", tmp_path, "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        stderr = proc.stderr.read().decode("utf-8")
        status = proc.wait(timeout=60)
    assert "Traceback" not in stderr
    assert status == 1  # the output was cut short
