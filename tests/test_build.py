"""The two builds: pure Python from the sources, or the rule modules compiled with mypyc.

``make test`` runs the suite on the sources, then (where a C compiler is at hand) once more
on the compiled build with ``ZONEPLAN_EXPECT_COMPILED=1``: these tests check that each run
really runs the build it names, so a compiled run cannot silently fall back to the sources.
"""

from __future__ import annotations

import ast
import importlib
import os
from pathlib import Path

import pytest

import zoneplan

ROOT = Path(__file__).resolve().parent.parent
EXPECT_COMPILED = os.environ.get("ZONEPLAN_EXPECT_COMPILED") == "1"


def _compiled_list() -> tuple[str, ...]:
    """The COMPILED tuple of setup.py, read without running setup.py."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, tuple)
            return tuple(str(v) for v in value)
    raise AssertionError("setup.py has no COMPILED tuple")


def _is_extension(module: str) -> bool:
    return not str(importlib.import_module(f"zoneplan.{module}").__file__).endswith(".py")


def test_every_module_setup_compiles_exists() -> None:
    names = _compiled_list()
    assert names and len(set(names)) == len(names)
    for name in names:
        assert (ROOT / "src" / "zoneplan" / f"{name}.py").is_file(), name


@pytest.mark.skipif(not EXPECT_COMPILED, reason="the run on the sources (make test-compiled runs this)")
def test_the_compiled_run_runs_compiled_modules() -> None:
    assert [m for m in _compiled_list() if not _is_extension(m)] == []
    assert not _is_extension("model")  # the pydantic model stays Python in every build


@pytest.mark.skipif(EXPECT_COMPILED, reason="the run on the compiled build")
def test_the_source_run_runs_the_sources() -> None:
    assert [m for m in _compiled_list() if _is_extension(m)] == []
    assert Path(zoneplan.__file__).resolve().parent == ROOT / "src" / "zoneplan"
