"""Golden tests over the real corpus in ../shared/corpus (skipped, saying so, when it is absent).

The scorer is the measuring instrument: these tests hold the issue's bars
(records F1 ≥ 0.85, mentions ≥ 0.97, headline ≥ 0.95, outline ≥ 0.9,
projects ≥ 0.6, metadata ≥ 0.9) so that a regression fails CI; the same bars hold on
our own annotated examples (examples/annotated, examples/heldout), which the rules were not
written from.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import zoneplan

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "score.py").is_file(), reason=f"corpus not found at {CORPUS}"),
]


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("zoneplan_corpus_score", CORPUS / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(gold_dir: Path, raw_dir: Path) -> dict[str, Any]:
    """The scorer's totals (F1 per measure, the share of metadata right) over a gold folder."""
    score = _scorer()
    totals = {k: [0, 0, 0] for k in ("mentions", "records", "headline", "outline", "projects")}
    meta_ok = meta_n = 0
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        plan = zoneplan.read(raw_dir / gold["doc"])
        pred = json.loads(plan.model_dump_json())
        r = score.score_doc(gold, pred)
        for k, key in (
            ("mentions", "mentions"),
            ("records", "records"),
            ("headline", "headline"),
            ("outline", "outline_all"),
            ("projects", "projects"),
        ):
            for i, field in enumerate(("tp", "pred", "gold")):
                totals[k][i] += r[key][field]
        meta_ok += sum(r["meta"].values())
        meta_n += len(r["meta"])
    out: dict[str, Any] = {k: score.prf(*v)["f1"] for k, v in totals.items()}
    out["meta"] = meta_ok / meta_n
    return out


@pytest.fixture(scope="module")
def scored() -> dict[str, Any]:
    return _score(CORPUS / "gold", CORPUS / "seeds")


#: Our own documents, annotated without the parser (examples/annotated/README.md): the first set
#: was scored, then its error classes fixed; the second (heldout) was written after that.
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module", params=["annotated", "heldout"])
def scored_annotated(request: pytest.FixtureRequest) -> dict[str, Any]:
    folder = EXAMPLES / request.param
    assert len(list(folder.glob("*.json"))) == 6
    return _score(folder, folder)


BARS = [
    pytest.param("records", 0.85, id="records"),
    pytest.param("mentions", 0.97, id="mentions"),
    pytest.param("headline", 0.95, id="headline"),
    pytest.param("outline", 0.9, id="outline"),
    pytest.param("projects", 0.6, id="projects"),
    pytest.param("meta", 0.9, id="meta"),
]


@pytest.mark.parametrize(("measure", "bar"), BARS)
def test_scorer_bars(scored: dict[str, Any], measure: str, bar: float) -> None:
    assert scored[measure] >= bar, f"{measure} F1 {scored[measure]:.3f} is below {bar}"


@pytest.mark.parametrize(("measure", "bar"), BARS)
def test_bars_on_annotated_examples(scored_annotated: dict[str, Any], measure: str, bar: float) -> None:
    # the same bars on documents the rules were not written from: they must carry over
    value = scored_annotated[measure]
    assert value >= bar, f"{measure} F1 {value:.3f} on the annotated examples is below {bar}"


@pytest.mark.parametrize("path", sorted((CORPUS / "seeds").glob("*.txt")), ids=lambda p: p.stem[:3])
def test_spans_index_the_raw_text(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    plan = zoneplan.read(path)
    assert plan.indicators, "every seed has figures"
    for ind in plan.indicators:
        assert raw[ind.span.start : ind.span.end] == ind.text
        assert ind.sentence is not None
        assert ind.sentence.start <= ind.span.start and ind.span.end <= ind.sentence.end
    for proj in plan.projects:
        # the name as cleaned; the span may also cover noise the cleaner dropped inside it
        surface = raw[proj.span.start : proj.span.end]
        rest = iter(surface)
        assert surface[0] == proj.name[0] and surface[-1] == proj.name[-1]
        assert all(ch in rest for ch in proj.name), proj.name
    for goal in plan.goals:
        assert raw[goal.span.start : goal.span.end] == goal.text
    for task in plan.walk_tasks():
        # the heading's surface holds its title in order (noise such as a page marker may sit inside)
        surface = iter(raw[task.span.start : task.span.end])
        heading = (task.label or "") + task.title
        assert all(ch in surface for ch in heading.replace(" ", "")), heading
        assert raw[task.span.start] == heading[0]


@pytest.mark.parametrize("path", sorted((CORPUS / "gold").glob("*.json")), ids=lambda p: p.stem[:3])
def test_nothing_comes_from_boilerplate(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    raw = (CORPUS / "seeds" / gold["doc"]).read_text(encoding="utf-8")
    plan = zoneplan.read(CORPUS / "seeds" / gold["doc"])
    noise = []
    for bp in gold["boilerplate"]:
        start = raw.find(bp)
        while start >= 0:
            noise.append((start, start + len(bp)))
            start = raw.find(bp, start + 1)
    for ind in plan.indicators:
        assert not any(a <= ind.span.start < b for a, b in noise), ind.text


@pytest.mark.parametrize("seed", sorted(p.name for p in (CORPUS / "seeds").glob("*.txt")))
def test_a_seed_that_lost_its_line_breaks_keeps_its_parts(seed: str) -> None:
    # a scrape that joins a document into one line: each figure stays in the part it is in
    # (review or plan), so its role does not change with the layout
    text = zoneplan.load.decode(zoneplan.load.read_bytes(CORPUS / "seeds" / seed))
    kept = [(i.text, i.part) for i in zoneplan.parse(text).indicators]
    flat = [(i.text, i.part) for i in zoneplan.parse(text.replace("\n", "")).indicators]
    blocks = difflib.SequenceMatcher(None, kept, flat, autojunk=False).get_matching_blocks()
    same = sum(b.size for b in blocks)
    assert same >= 0.97 * len(kept), (same, len(kept))
