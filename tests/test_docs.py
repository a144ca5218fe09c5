"""The documentation is tested: every Python block in docs/*.md and README.md runs.

- Blocks fenced as ```python (or ```py / ```pycon) run in order, one namespace
  per Markdown file, with the repository root as the working directory, so
  the examples/ documents can be named by relative path.
- A block whose first line is ``# doctest: skip`` is not run.
- A block that starts with ``>>>`` is a doctest: its outputs are checked
  (ELLIPSIS and NORMALIZE_WHITESPACE are on).
- Every other block is executed; it fails if it raises.

The docstrings of the package's modules are run as doctests too (the
equivalent of ``pytest --doctest-modules src/zoneplan``), one test per
docstring. And docs/model.md must document every field of every model.
"""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import zoneplan
from zoneplan import model

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

_FENCE = re.compile(r"^(?P<indent>[ \t]*)```+\s*(?P<lang>[\w+-]*)[^\n]*$")


@dataclass(frozen=True)
class Block:
    file: Path
    line: int  # 1-based line of the first code line
    source: str

    @property
    def skipped(self) -> bool:
        first = self.source.lstrip().splitlines()[0] if self.source.strip() else ""
        return first.strip().replace(" ", "") == "#doctest:skip"

    @property
    def is_doctest(self) -> bool:
        return self.source.lstrip().startswith(">>>")

    @property
    def name(self) -> str:
        return f"{self.file.relative_to(ROOT)}:{self.line}"


def python_blocks(path: Path) -> list[Block]:
    """The fenced Python blocks of a Markdown file, in order."""
    blocks: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, lang = m.group("indent"), m.group("lang").lower()
        j = i + 1
        body: list[str] = []
        while j < len(lines) and not re.match(rf"^{re.escape(indent)}```+\s*$", lines[j]):
            line = lines[j]
            body.append(line[len(indent) :] if line.startswith(indent) else line)
            j += 1
        if lang in ("python", "py", "pycon", "python3"):
            blocks.append(Block(path, i + 2, "\n".join(body) + "\n"))
        i = j + 1
    return blocks


def markdown_files() -> list[Path]:
    files = sorted(DOCS.glob("*.md"))
    readme = ROOT / "README.md"
    if readme.exists():
        files.append(readme)
    return files


ALL_BLOCKS = [b for f in markdown_files() for b in python_blocks(f)]


class _FileRun:
    """The namespace of one Markdown file and how far through its blocks it has got."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"__name__": "__docs__"}
        self.done = 0
        self.failed: str | None = None


_runs: dict[Path, _FileRun] = {}


def _execute(block: Block, namespace: dict[str, Any]) -> None:
    if block.skipped:
        return
    if block.is_doctest:
        test = doctest.DocTestParser().get_doctest(
            block.source, namespace, block.name, str(block.file), block.line - 1
        )
        runner = doctest.DocTestRunner(optionflags=OPTIONS)
        report: list[str] = []
        runner.run(test, out=report.append, clear_globs=False)
        namespace.update(test.globs)  # DocTest works on a copy of the namespace
        if runner.failures:
            pytest.fail("".join(report), pytrace=False)
        return
    # pad so that tracebacks give the line number in the Markdown file
    code = compile("\n" * (block.line - 1) + block.source, str(block.file), "exec")
    exec(code, namespace)


@pytest.mark.parametrize("block", ALL_BLOCKS, ids=[b.name for b in ALL_BLOCKS])
def test_doc_block(block: Block, monkeypatch: pytest.MonkeyPatch) -> None:
    if block.skipped:
        pytest.skip("# doctest: skip")
    monkeypatch.chdir(ROOT)
    blocks = python_blocks(block.file)
    index = next((k for k, b in enumerate(blocks) if b.line == block.line and b.source == block.source), None)
    if index is None:
        pytest.fail(f"{block.name} changed after the tests were collected: run them again", pytrace=False)
    run = _runs.setdefault(block.file, _FileRun())
    if run.done > index:  # run again from the top (a block was selected twice)
        run = _runs[block.file] = _FileRun()
    # the blocks before this one set up its namespace; run any not run yet
    while run.done < index:
        if run.failed:
            break
        earlier = blocks[run.done]
        try:
            _execute(earlier, run.namespace)
        except (Exception, pytest.fail.Exception) as exc:  # reported as this block's reason to skip
            run.failed = f"{earlier.name} failed: {exc!r}"
        run.done += 1
    if run.failed:
        pytest.skip(f"an earlier block of the file failed ({run.failed})")
    run.done += 1
    try:
        _execute(block, run.namespace)
    except (Exception, pytest.fail.Exception) as exc:
        run.failed = f"{block.name} failed: {exc!r}"
        raise


def test_docs_have_python_blocks() -> None:
    # guard against the collector silently finding nothing
    names = {b.file.name for b in ALL_BLOCKS}
    assert {"quickstart.md", "model.md", "units.md", "parsing.md", "recipes.md"} <= names


def test_fence_parser(tmp_path: Path) -> None:
    text = "# T\n\n```python\nx = 1\n```\n\n```bash\nls\n```\n\n```python\n# doctest: skip\nboom()\n```\n"
    path = tmp_path / "fence.md"
    path.write_text(text, encoding="utf-8")
    blocks = python_blocks(path)
    assert [(b.line, b.source, b.skipped) for b in blocks] == [
        (4, "x = 1\n", False),
        (12, "# doctest: skip\nboom()\n", True),
    ]


# --------------------------------------------------------------------------- module doctests


def _module_names() -> list[str]:
    names = ["zoneplan"]
    for info in pkgutil.walk_packages(zoneplan.__path__, prefix="zoneplan."):
        if info.name.rsplit(".", 1)[-1] != "__main__":  # importing it runs the command line
            names.append(info.name)
    return sorted(names)


def _module_params() -> list[Any]:
    params = []
    finder = doctest.DocTestFinder(exclude_empty=True)
    for name in _module_names():
        try:
            module = importlib.import_module(name)
        except Exception as exc:  # a module that does not import is a failure, not a silent skip
            params.append(pytest.param(name, None, f"import failed: {exc!r}", id=f"{name}:import"))
            continue
        for test in sorted(finder.find(module, name), key=lambda t: t.name):
            if test.examples:
                params.append(pytest.param(name, test.name, None, id=test.name))
    return params


@pytest.mark.parametrize(("module", "test_name", "problem"), _module_params())
def test_module_doctest(module: str, test_name: str | None, problem: str | None) -> None:
    if problem:
        pytest.fail(problem, pytrace=False)
    mod = importlib.import_module(module)
    tests = [t for t in doctest.DocTestFinder().find(mod, module) if t.name == test_name]
    assert len(tests) == 1
    runner = doctest.DocTestRunner(optionflags=OPTIONS)
    report: list[str] = []
    runner.run(tests[0], out=report.append)
    if runner.failures:
        pytest.fail("".join(report), pytrace=False)


# --------------------------------------------------------------------------- docs/model.md covers the model

MODELS = [model.Plan, model.Indicator, model.Goal, model.Task, model.Project, model.Span, model.Figure]
ENUMS = [
    model.Dimension,
    model.Kind,
    model.Comparator,
    model.Role,
    model.Part,
    model.DocKind,
    model.Strength,
    model.ProjectStatus,
]


def _section(text: str, title: str) -> str:
    """The body of the heading titled ``title``, up to the next heading of its level or above."""
    m = re.search(rf"^(#+) `?{title}`?(?:\s.*)?$", text, re.M)
    assert m, f"docs/model.md has no section for {title}"
    level = len(m.group(1))
    nxt = re.search(rf"^#{{1,{level}}} ", text[m.end() :], re.M)
    return text[m.end() : m.end() + nxt.start()] if nxt else text[m.end() :]


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
def test_model_doc_lists_every_field(cls: type) -> None:
    section = _section((DOCS / "model.md").read_text(encoding="utf-8"), cls.__name__)
    missing = [f for f in cls.model_fields if not re.search(rf"^\|\s*`{f}`", section, re.M)]
    assert not missing, f"docs/model.md, section {cls.__name__}: fields not in its table: {missing}"
    documented = re.findall(r"^\|\s*`(\w+)`", section, re.M)
    properties = {n for n in dir(cls) if isinstance(getattr(cls, n, None), property)}
    methods = {n for n in vars(cls) if callable(vars(cls)[n]) and not n.startswith("_")}
    stale = [f for f in documented if f not in cls.model_fields and f not in properties | methods]
    assert not stale, f"docs/model.md, section {cls.__name__}: no such field: {stale}"


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_model_doc_lists_every_enum_value(enum: type) -> None:
    section = _section((DOCS / "model.md").read_text(encoding="utf-8"), enum.__name__)
    missing = [e.value for e in enum if f"`{e.value}`" not in section]  # type: ignore[attr-defined]
    assert not missing, f"docs/model.md, section {enum.__name__}: values not listed: {missing}"


# --------------------------------------------------------------------------- the site


def _nav_files() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.findall(r"^\s*-\s*(?:[^:\n]+:\s*)?([\w./-]+\.md)\s*$", text, re.M)


def test_nav_names_existing_pages() -> None:
    nav = _nav_files()
    assert nav[:1] == ["index.md"]
    missing = [f for f in nav if not (DOCS / f).exists()]
    assert not missing, f"mkdocs.yml names pages that do not exist: {missing}"
    unlisted = [p.name for p in DOCS.glob("*.md") if p.name not in nav]
    assert not unlisted, f"pages not in the mkdocs.yml nav: {unlisted}"


def test_mkdocs_build_is_clean(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
