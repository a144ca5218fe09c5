"""The ``zoneplan`` command line (minimal: extended in issue 5)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="zoneplan")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse")
    p.add_argument("paths", nargs="+")
    p.add_argument("--format", default="json", choices=["json", "table"])
    args = ap.parse_args(argv)
    from . import read
    from .errors import ZoneplanError

    for path in args.paths:
        try:
            plan = read(path)
        except ZoneplanError as exc:
            print(f"zoneplan: {exc}", file=sys.stderr)
            return 1
        if args.format == "json":
            print(json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=1))
        else:
            print(plan)
    return 0
