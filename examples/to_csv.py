"""Parse every document in a folder and write all their indicators to one CSV file.

    python examples/to_csv.py [FOLDER] [-o OUT.csv]

FOLDER defaults to the bundled examples; OUT defaults to ``indicators.csv`` in
the current directory. The CSV is written with a BOM (``utf-8-sig``) so that
spreadsheet programs show the Chinese text correctly. A document that cannot
be read is reported and skipped; the others are still written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import zoneplan

HERE = Path(__file__).resolve().parent


def folder_frame(folder: Path) -> pd.DataFrame:
    """The indicators of every ``*.txt`` document under ``folder``, one row each."""
    frames = []
    for path in sorted(folder.glob("*.txt")):
        try:
            plan = zoneplan.parse(path)
        except zoneplan.ZoneplanError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
            continue
        frame = plan.indicators_frame()
        print(
            f"{path.name:28} {plan.kind.value if plan.kind else '-':17} {plan.year or '-'!s:5} "
            f"{len(frame):3} indicators, {int(frame['headline'].sum()):2} headline"
        )
        frames.append(frame)
    if not frames:
        raise SystemExit(f"no documents could be read in {folder}")
    return pd.concat(frames, ignore_index=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=HERE)
    ap.add_argument("-o", "--output", type=Path, default=Path("indicators.csv"))
    args = ap.parse_args(argv)
    table = folder_frame(args.folder)
    table.to_csv(args.output, index=False, encoding="utf-8-sig")
    documents = table["path"].nunique()
    print(f"wrote {len(table)} indicators from {documents} documents to {args.output}")
    # a taste of what the table is for: the headline targets, by zone
    targets = table[table["headline"] & (table["role"] == "target")]
    print(targets[["zone", "year", "name", "text", "kind", "comparator"]].to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
