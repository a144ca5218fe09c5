"""Accuracy: score zoneplan against the gold annotations with the corpus's own scorer.

    python benchmarks/accuracy.py              # the real corpus (../shared/corpus)
    python benchmarks/accuracy.py --verbose    # list every missed / spurious / wrong mention
    python benchmarks/accuracy.py --json       # one JSON summary line per collection

The scorer is ``score.py`` of the corpus, run with ``--cmd`` so that every
document goes through the ``zoneplan`` command line of this interpreter's
environment, exactly as a user would run it. Our own examples are scored the
same way when ``examples/`` holds gold-like annotations (``NAME.json`` with
``doc``, ``meta`` and ``mentions``) beside the documents they name; when it
holds none that part is skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("ZONEPLAN_CORPUS", ROOT.parent / "shared" / "corpus"))
EXAMPLES = ROOT / "examples"


def zoneplan_cmd() -> str:
    """The command template score.py runs per document (``{}`` is the path)."""
    script = Path(sys.executable).with_name("zoneplan")
    if script.is_file():
        return f"{shlex.quote(str(script))} parse --format json {{}}"
    return f"{shlex.quote(sys.executable)} -m zoneplan parse --format json {{}}"


def is_gold(path: Path) -> bool:
    """A gold-like annotation: the corpus's layout, naming a document that sits beside it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return (
        isinstance(data, dict)
        and isinstance(data.get("doc"), str)
        and isinstance(data.get("meta"), dict)
        and isinstance(data.get("mentions"), list)
        and (path.parent / data["doc"]).is_file()
    )


def example_collections(root: Path) -> dict[Path, list[Path]]:
    """Gold-like JSON files under ``root``, grouped by the folder that holds them."""
    groups: dict[Path, list[Path]] = {}
    if not root.is_dir():
        return groups
    for path in sorted(root.rglob("*.json")):
        if is_gold(path):
            groups.setdefault(path.parent, []).append(path)
    return groups


def run_scorer(scorer: Path, gold: Path, raw: Path, extra: list[str]) -> int:
    cmd = [
        sys.executable,
        str(scorer),
        "--cmd",
        zoneplan_cmd(),
        "--gold",
        str(gold),
        "--raw",
        str(raw),
        *extra,
    ]
    return subprocess.run(cmd, check=False).returncode


def project_fields(scorer: Path, gold_dir: Path, raw_dir: Path) -> str:
    """Agreement on the projects the scorer matches (same name, near span): status and
    investment, which its projects F1 does not score."""
    import importlib.util

    import zoneplan

    spec = importlib.util.spec_from_file_location("corpus_score", scorer)
    if spec is None or spec.loader is None:
        return "project fields: the scorer cannot be imported"
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    status = [0, 0]
    investment = [0, 0]
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = raw_dir / gold["doc"] if "doc" in gold else raw_dir / (gold_path.stem + ".txt")
        if not raw.is_file():
            continue
        found = zoneplan.read(raw).projects
        used: set[int] = set()
        for g in gold.get("projects", []):
            for i, p in enumerate(found):
                near = abs(p.span.start - g["start"]) <= 40
                if i not in used and near and score.same_name(p.name, g["name"]):
                    used.add(i)
                    status[0] += (p.status.value if p.status else None) == g.get("status")
                    status[1] += 1
                    if g.get("investment"):
                        investment[0] += p.investment is not None and p.investment.text == g["investment"]
                        investment[1] += 1
                    break
    return (
        f"project fields on matched projects: status {status[0]}/{status[1]}, "
        f"investment {investment[0]}/{investment[1]}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument(
        "--corpus", type=Path, default=CORPUS, help="corpus folder holding score.py, gold/, seeds/"
    )
    ap.add_argument("--examples", type=Path, default=EXAMPLES, help="our own annotated examples")
    ap.add_argument("--verbose", action="store_true", help="list every miss (passed to score.py)")
    ap.add_argument("--json", action="store_true", help="one JSON summary line (passed to score.py)")
    args = ap.parse_args(argv)
    extra = [flag for flag, on in (("--verbose", args.verbose), ("--json", args.json)) if on]
    status = 0
    scorer = args.corpus / "score.py"
    if not scorer.is_file():
        print(f"skipped: no scorer at {scorer} (set ZONEPLAN_CORPUS or --corpus)")
        return 0
    print(f"## corpus: {args.corpus}\n", flush=True)
    status |= run_scorer(scorer, args.corpus / "gold", args.corpus / "seeds", extra)
    if not args.json:
        print(project_fields(scorer, args.corpus / "gold", args.corpus / "seeds"))
    groups = example_collections(args.examples)
    if not groups:
        print(
            f"\n## examples: none scored ({args.examples} holds no gold-like NAME.json beside its document)"
        )
        return status
    for folder, golds in groups.items():
        print(f"\n## examples: {folder} ({len(golds)} annotated)\n", flush=True)
        with tempfile.TemporaryDirectory(prefix="zoneplan-gold-") as tmp:
            # score.py reads every *.json of --gold: give it the annotations only
            for g in golds:
                shutil.copy(g, Path(tmp) / g.name)
            status |= run_scorer(scorer, Path(tmp), folder, extra)
    return status


if __name__ == "__main__":
    sys.exit(main())
