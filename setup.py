"""Build hook for the optional compiled build; all metadata lives in pyproject.toml.

``pip install .`` installs zoneplan as pure Python. With ``ZONEPLAN_COMPILE=1`` in the
environment (and mypy, a C compiler and the Python headers at hand, so install with
``--no-build-isolation``), the rule modules are compiled with mypyc into C extensions:
the same code, the same results, about a fifth faster (docs/performance.md).
"""

from __future__ import annotations

import os

from setuptools import setup

#: The modules every parse runs through, compiled in the fast build (the pydantic model,
#: the command line and the reports stay Python: they are not on the hot path).
COMPILED = (
    "lexicon",
    "clean",
    "outline",
    "numbers",
    "units",
    "quantities",
    "attach",
    "projects",
    "meta",
    "pipeline",
)


def _ext_modules() -> list[object]:
    if os.environ.get("ZONEPLAN_COMPILE") != "1":
        return []
    from mypyc.build import mypycify

    return list(mypycify([f"src/zoneplan/{name}.py" for name in COMPILED], opt_level="3"))


setup(ext_modules=_ext_modules())
