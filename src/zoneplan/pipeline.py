"""The pipeline: load → clean → outline → quantities → attach → assemble → Plan.

>>> plan = parse("XX开发区2025年工作计划\\n主要目标是:规上工业增加值增长8%以上。\\n一、抓项目\\n新开工12个。")
>>> plan.kind.value, plan.year, [(i.text, i.kind.value, i.role.value) for i in plan.indicators]
('plan', 2025, [('8%', 'growth', 'target'), ('12个', 'count', 'target')])
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import os
import re
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from .attach import Facts, attach, headline_zones
from .clean import Cleaned, clean, fold
from .errors import ZoneplanError
from .load import decode, read_bytes
from .meta import find_title, read_meta, title_parts
from .model import Plan, Span, plan_from_records, span_of
from .outline import Heading, PartMap, build_outline, part_of_title, problem_spans
from .projects import ProjectHit, companies_of, find_projects
from .quantities import Mention, find_mentions, quote_spans
from .units import base_factor

__all__ = ["parse", "parse_text", "read"]

_PATHLIKE_MAX: Final = 1024


def read(path: str | os.PathLike[str]) -> Plan:
    """Parse the document stored at ``path`` (any supported encoding)."""
    data = read_bytes(path)
    text = decode(data, file=str(path))
    return parse_text(text, source=str(path))


def parse(source: str | bytes | os.PathLike[str]) -> Plan:
    """Parse a document given as a path, as text, or as bytes.

    A ``str`` that names an existing file (and has no newline) is read as a
    path; any other ``str`` is the document itself.
    """
    if isinstance(source, bytes):
        return parse_text(decode(source))
    if isinstance(source, os.PathLike):
        return read(source)
    if isinstance(source, str):
        if "\n" not in source and len(source) < _PATHLIKE_MAX:
            try:
                if Path(source).is_file():
                    return read(source)
            except (OSError, ValueError):
                pass
        return parse_text(source)
    raise ZoneplanError(f"cannot parse a {type(source).__name__}: give a path, str or bytes")


def _title_kind(title: str) -> str | None:
    """The part the text before any part heading is in: a review under a title that names one
    (总结, or 总结 and 计划: the review comes first), else a plan under a plan's title."""
    review, plan = title_parts(title)
    return "review" if review else ("plan" if plan else None)


def parse_text(raw: str, *, source: str | None = None) -> Plan:
    """Parse decoded text. ``source`` names it in the Plan and in errors."""
    try:
        with _collector_paused():
            return _parse(raw, source)
    except ZoneplanError as exc:
        if exc.file is None:
            exc.file = source or "<text>"
        raise
    except RecursionError as exc:  # pragma: no cover - defensive
        raise ZoneplanError("document nests too deeply", file=source or "<text>") from exc


_pause_lock = threading.Lock()
_pause_depth = 0
_collector_was_on = False


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document is parsed.

    A parse allocates many objects that all stay alive until it ends, and makes no
    reference cycles (what it drops, reference counting frees); the collector would
    only walk them again and again, which doubles the time of a large document. The
    collector is switched back on when the last parse running in the process ends
    (if it was on when the first began), also when a parse raises.
    """
    global _pause_depth, _collector_was_on
    with _pause_lock:
        if _pause_depth == 0:
            _collector_was_on = gc.isenabled()
            gc.disable()
        _pause_depth += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pause_depth -= 1
            if _pause_depth == 0 and _collector_was_on:
                gc.enable()


def _parse(raw: str, source: str | None) -> Plan:
    if not raw.strip():
        return Plan(source=source, length=len(raw))
    c = clean(raw)
    text = c.text
    noise_lines = [line for _, line in c.noise_lines]
    # the part a document without part headings is in: what its title says it is (a title the
    # cleaner dropped, a sharing site's decorated one, too)
    title = find_title(text.split("\n", 40)[:40], noise_lines)
    outline = build_outline(text, default_part=_title_kind(title or text[:80]))
    parts = outline.parts
    quotes = quote_spans(text)  # quoted names: no figure and no project inside them
    mentions = find_mentions(text, cleaned=True, quotes=quotes)
    heads = outline.flat()
    head_starts = sorted(h.start for h in heads if h.depth >= 2 or h.style != "part")

    def first_heading(pos: int) -> int:
        i = bisect.bisect_right(head_starts, pos)
        return head_starts[i] if i < len(head_starts) else len(text)

    openers = frozenset(h.start for h in outline.roots if part_of_title(h.title))
    zones = headline_zones(text, parts.at, mentions, first_heading, openers)
    facts = attach(text, mentions, parts.at, zones)
    _state_problems(problem_spans(text, heads), mentions, facts)
    task_at = _TaskMap(outline.roots)
    indicators = _indicators(mentions, facts, c, task_at)
    review_heading = next((h.title for h in heads if h.part == "review" and h.depth == 1), None)
    plan_heading = next((h.title for h in heads if h.part == "plan" and h.style == "part"), None) or next(
        (h.title for h in heads if h.depth == 1 and h.part == "plan" and _YEAR_IN.search(h.title)), None
    )
    meta = read_meta(
        text,
        noise_lines,
        has_review=parts.has("review"),
        has_plan=parts.has("plan"),
        review_heading=review_heading,
        plan_heading=plan_heading,
        title=title,
    )
    # the zone itself (清溪工业园 of 清溪工业园区管委会) is no project in it
    zone_names = (meta.zone, *meta.zone_aliases) if meta.zone else ()
    # (what a zone's name starts with, as a set: one look-up per project)
    zone_heads = {z[:k] for z in zone_names for k in range(len(z) + 1)}
    found = find_projects(text, quotes=quotes, part_at=parts.at)
    hits = [h for h in found if h.name not in zone_heads]
    projects = _projects(hits, c, indicators, parts.at, task_at)
    tasks = _tasks(outline.roots, c, indicators, projects)
    goals = _goals(text, c, indicators, zones, parts, heads, task_at, [m.start for m in mentions])
    # the whole tree validated in one call: pydantic-core builds every nested model without a
    # Python call per object (about twice as fast as constructing them one by one), and without
    # the checks for data from outside (model.plan_from_records)
    return plan_from_records(
        {
            "source": source,
            "title": meta.title,
            "zone": meta.zone,
            "zone_aliases": list(meta.zone_aliases),
            "kind": meta.kind,
            "year": meta.year,
            "review_period": meta.review_period,
            "published": meta.published,
            "doc_number": meta.doc_number,
            "indicators": indicators,
            "goals": goals,
            "tasks": tasks,
            "projects": projects,
            "boilerplate": [{"start": s, "end": e} for s, e in c.noise],
            "length": len(raw),
        }
    )


#: A model's fields as plain data (pipeline.py validates them all at once, in ``Plan``).
_Record = dict[str, Any]


class _TaskMap:
    """The id of the innermost task whose block holds an offset, as a step function.

    The task at an offset can only change where a heading or a block begins or ends, so it is
    worked out once at each such bound: ``ids[k]`` holds from ``bounds[k]`` up to the next bound,
    and a lookup is one bisect (``bounds`` opens at 0).
    """

    def __init__(self, roots: tuple[Heading, ...]) -> None:
        parent: dict[int, Heading | None] = {}
        tids: dict[int, str] = {}
        flat: list[Heading] = []
        # a stack, not a nested function calling itself: such a function is a reference cycle
        # (it holds itself through its closure), which only the cyclic collector frees
        stack: list[tuple[Heading, Heading | None, str]] = [(r, None, str(k)) for k, r in enumerate(roots, 1)]
        stack.reverse()
        while stack:
            h, up, tid = stack.pop()
            parent[id(h)] = up
            tids[id(h)] = tid
            flat.append(h)
            if h.children:  # (most headings have none)
                stack.extend([(ch, h, f"{tid}.{k}") for k, ch in enumerate(h.children, 1)][::-1])
        flat.sort(key=lambda h: h.start)
        starts = [h.start for h in flat]
        self.bounds = sorted({0, *starts, *(h.end for h in flat)})
        # (a module function, not a closure over these: compiled, such a closure and its
        # environment hold each other, a reference cycle only the cyclic collector frees)
        self.ids = [_innermost(b, starts, flat, parent, tids) for b in self.bounds]

    def at(self, pos: int) -> str | None:
        """The id of the innermost task whose block holds offset ``pos`` (>= 0)."""
        return self.ids[bisect.bisect_right(self.bounds, pos) - 1]


def _state_problems(spans: list[tuple[int, int]], mentions: list[Mention], facts: list[Facts]) -> None:
    """A figure where a review lists problems states how things are (配套率仅为35%, 用地缺口约1100亩):
    neither a result nor a target (``spans``: :func:`~zoneplan.outline.problem_spans`, sorted)."""
    merged: list[tuple[int, int]] = []  # disjoint, for one bisection per figure
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    if not merged:
        return
    starts = [s for s, _ in merged]
    for m, f in zip(mentions, facts, strict=True):
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < merged[k][1] and f.part != "plan":  # (a plan run on under it commits)
            f.role = "other"


def _innermost(
    pos: int, starts: list[int], flat: list[Heading], parent: dict[int, Heading | None], tids: dict[int, str]
) -> str | None:
    """The id of the last heading begun at ``pos``, or of the nearest of its ancestors whose block
    holds it (``flat``: the headings by start, ``starts`` theirs)."""
    i = bisect.bisect_right(starts, pos) - 1
    h = flat[i] if i >= 0 else None
    while h is not None and not (h.start <= pos < h.end):
        h = parent[id(h)]
    return None if h is None else tids[id(h)]


def _indicators(mentions: list[Mention], facts: list[Facts], c: Cleaned, task_at: _TaskMap) -> list[_Record]:
    """The indicators' records, spans mapped back to the raw text (unit factors looked up once
    per unit definition)."""
    raw = c.raw
    offsets = c.offsets  # (a mention is never empty: its raw span read directly)
    factors: dict[int, tuple[Decimal, str]] = {}  # per unit definition: its base factor and unit
    sentences: dict[tuple[int, int], Span] = {}  # the figures of a sentence share its Span
    bounds, task_ids = task_at.bounds, task_at.ids  # (task_at.at inlined: one call per figure less)
    out: list[_Record] = []
    for i, (m, f) in enumerate(zip(mentions, facts, strict=True)):
        start, end = offsets[m.start], offsets[m.end - 1] + 1
        udef = m.udef
        if udef is not None:
            known = factors.get(id(udef))
            if known is None:
                known = factors[id(udef)] = (base_factor(udef.pint, udef.base), udef.base)
            factor, base_unit = known
        else:
            factor, base_unit = _ONE, "yuan" if f.dimension == "currency_cny" else "item"
        first = m.value if m.value is not None else m.low
        sentence = sentences.get(f.sentence)
        if sentence is None:
            s_start, s_end = c.raw_span(*f.sentence)
            sentence = sentences[f.sentence] = span_of(s_start, s_end)
        out.append(
            {
                "id": i,
                "name": f.name,
                "text": raw[start:end],
                "span": {"start": start, "end": end},
                "value": m.value,
                "low": m.low,
                "high": m.high,
                "unit": m.unit,
                "dimension": f.dimension,
                "base_value": None if first is None else float(first * m.multiplier * factor),
                "base_unit": base_unit,
                "kind": f.kind,
                "comparator": f.comparator,
                "role": f.role,
                "headline": f.headline,
                "part": f.part,
                "task": task_ids[bisect.bisect_right(bounds, m.start) - 1],
                "sentence": sentence,
            }
        )
    return out


_ONE: Final = Decimal(1)


# the clause after a project that gives its cost: …产业园建设,项目总投资36亿元 / ,该项目计划总投资约42亿元 /
# 1.某某项目。总投资120亿元 (the sentence after a project's heading)
_NEXT_INVESTMENT: Final = re.compile(r"^[^,;。]{0,12}[,;。](?:该项目|项目)?(?:计划)?总投资(?:约|超|达)?$")


def _projects(
    hits: list[ProjectHit],
    c: Cleaned,
    indicators: list[_Record],
    part_at: Callable[[int], str | None],
    task_at: _TaskMap,
) -> list[_Record]:
    out: list[_Record] = []
    starts = [ind["span"]["start"] for ind in indicators]  # in order: figures come sorted
    for hit in hits:
        s, e = c.raw_span(hit.start, hit.end)
        # figures in the name's neighbourhood (same clause): investment before or after it
        lo = bisect.bisect_left(starts, s - 24)
        hi = bisect.bisect_right(starts, e + 40)
        investment, capacity = _figures_of(c.raw, s, e, indicators[lo:hi]) if lo < hi else (None, None)
        out.append(
            {
                "id": len(out),
                "name": hit.name,
                "span": {"start": s, "end": e},
                "investment": investment,
                "capacity": capacity,
                "status": hit.status,
                "companies": companies_of(hit.name),
                "part": part_at(hit.start),
                "task": task_at.at(hit.start),
            }
        )
    return out


def _figures_of(raw: str, s: int, e: int, near: list[_Record]) -> tuple[_Record | None, _Record | None]:
    """The investment and the capacity of the project named at raw ``[s, e)``, among the figures
    ``near`` it (in text order)."""
    investment: _Record | None = None
    capacity: _Record | None = None
    # the figures after the name first, then those before it, the nearest first
    after = [ind for ind in near if ind["span"]["start"] >= e]
    for ind in after + [ind for ind in reversed(near) if ind["span"]["start"] < e]:
        i_start, i_end = ind["span"]["start"], ind["span"]["end"]
        # what could be its cost, and what could be its capacity: in the name or just before it
        money = (
            investment is None
            and ind["dimension"] in ("currency_cny", "currency_usd")
            and ind["role"] == "other"
        )
        placed = capacity is None and ((s <= i_start and i_end <= e) or 0 <= s - i_end <= 2)
        if not (money or placed):
            continue
        if i_start >= e and raw[i_end : i_end + 1] == "的":
            continue  # 总投资6.5亿元的X项目: what follows the figure is its project
        if _CLASS_AFTER.match(raw, i_end):
            continue  # 10亿元以上项目2个(分别为A项目和B项目): a class, not what one costs
        if money:
            between = fold(raw[e:i_start] if i_start >= e else raw[i_end:s])
            if not _CLAUSE_BREAK.search(between) or (i_start > e and _NEXT_INVESTMENT.match(between)):
                investment = {"text": ind["text"], "span": ind["span"], "indicator": ind["id"]}
        if placed:
            yearly = fold(raw[max(0, i_start - 2) : i_start]) == "年产"
            if ind["dimension"] == "mass_rate" or yearly:
                capacity = (
                    {"text": "年产" + ind["text"], "span": {"start": i_start - 2, "end": i_end}}
                    if yearly
                    else {"text": ind["text"], "span": ind["span"]}
                )
                capacity["indicator"] = ind["id"]
    return investment, capacity


_CLAUSE_BREAK: Final = re.compile(r"[,;。]")
#: After a threshold that defines a class of projects (10亿元以上项目, 亿元级项目).
_CLASS_AFTER: Final = re.compile(r"(?:以上|以下|级)?(?:的)?(?:重大|重点|产业|工业)?项目")
_YEAR_IN: Final = re.compile(r"[0-9]{4}年")


def _tasks(
    roots: tuple[Heading, ...], c: Cleaned, indicators: list[_Record], projects: list[_Record]
) -> list[_Record]:
    own_inds: dict[str, list[int]] = {}
    for i in indicators:
        if i["task"]:
            own_inds.setdefault(i["task"], []).append(i["id"])
    own_projs: dict[str, list[int]] = {}
    for pr in projects:
        if pr["task"]:
            own_projs.setdefault(pr["task"], []).append(pr["id"])

    owned = (own_inds, own_projs)
    return [_task(h, str(k), c, owned) for k, h in enumerate(roots, 1)]


def _task(
    h: Heading, tid: str, c: Cleaned, owned: tuple[dict[str, list[int]], dict[str, list[int]]]
) -> _Record:
    """The record of heading ``h`` and, recursively, of its children (a module function, not a
    closure: a nested function that calls itself is a reference cycle)."""
    offsets = c.offsets
    s = offsets[h.start]
    te = offsets[(h.title_end if h.title_end > h.title_start else h.title_start + 1) - 1] + 1
    be = offsets[h.end] if h.end < len(offsets) - 1 else len(c.raw)
    # (most headings have no children: no comprehension run for them)
    children = [_task(ch, f"{tid}.{k}", c, owned) for k, ch in enumerate(h.children, 1)] if h.children else []
    inds = owned[0].get(tid, [])
    projs = owned[1].get(tid, [])
    if children:
        inds = sorted(inds + [i for ch in children for i in ch["indicators"]])
        projs = sorted(projs + [p for ch in children for p in ch["projects"]])
    return {
        "id": tid,
        "label": h.label,
        "number": h.number,
        "title": h.title,
        "part": h.part,
        "span": {"start": s, "end": max(s, min(te, be))},
        "block": {"start": s, "end": max(s, be)},
        "children": children,
        "indicators": inds,
        "projects": projs,
    }


_STRENGTH: Final = (("确保", "guarantee"), ("力争", "aspiration"), ("争取", "aspiration"))
_GOAL_CUE: Final = re.compile(r"力争|确保|争取|目标|计划|预计|完成.{0,12}任务")
_CLAUSE_ENDS: Final = ";。!?\n"
_CLAUSE: Final = re.compile(r"[^;。!?\n]+")


def _clause_spans(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the clauses that start inside ``ranges`` (a clause runs on past its
    range's end): the runs between the ends of clauses, found with a ``str.find`` per kind of end
    (a scan of memory, where a regex tests every character against the set)."""
    spans: list[tuple[int, int]] = []
    for start, stop in ranges:
        pos = start
        if start and text[start - 1] not in _CLAUSE_ENDS:  # the rest of a clause begun before the range
            head = _CLAUSE.match(text, start)
            pos = head.end() if head else start
        ends: list[int] = []
        for mark in _CLAUSE_ENDS:
            i = text.find(mark, pos, stop)
            while i >= 0:
                ends.append(i)
                i = text.find(mark, i + 1, stop)
        ends.sort()
        at = pos
        for end in ends:
            if end > at:
                spans.append((at, end))
            at = end + 1
        last = _CLAUSE.match(text, at) if at < stop else None  # it may run on past the range
        if last is not None:
            spans.append(last.span())
    return spans


def _goals(
    text: str,
    c: Cleaned,
    indicators: list[_Record],
    zones: list[tuple[int, int]],
    parts: PartMap,
    heads: list[Heading],
    task_at: _TaskMap,
    mention_starts: list[int],
) -> list[_Record]:
    out: list[_Record] = []
    starts = list(mention_starts)
    titles = sorted((h.start, h.title_end) for h in heads)
    title_starts = [a for a, _ in titles]

    def in_title(cs: int, ce: int) -> bool:
        k = bisect.bisect_right(title_starts, cs) - 1
        return k >= 0 and ce <= titles[k][1] + 1

    first_line = re.match(r"\s*[^\n]*", text)
    title_end = first_line.end() if first_line else 0
    for cs, ce in _clause_spans(text, parts.ranges("plan", len(text))):
        if ce <= title_end:
            continue
        lo, hi = bisect.bisect_left(starts, cs), bisect.bisect_left(starts, ce)
        inds = [ind["id"] for ind in indicators[lo:hi] if ind["role"] == "target"] if hi > lo else []
        # (the cue looked for in the text, not in a copy of every clause: most have none)
        if not inds and (
            not _GOAL_CUE.search(text, cs, ce) or text[cs:ce].rstrip().endswith(":") or in_title(cs, ce)
        ):
            continue  # without a figure: a goal needs a cue, and headings and introductions are none
        clause = text[cs:ce]
        strength = next((s for w, s in _STRENGTH if w in clause), "plain")
        headline = any(a <= cs < b or cs <= a < ce for a, b in zones)
        rs, re_ = c.raw_span(cs, ce)
        out.append(
            {
                "id": len(out),
                "text": c.raw[rs:re_],
                "span": {"start": rs, "end": re_},
                "strength": strength,
                "headline": headline,
                "indicators": inds,
                "task": task_at.at(cs),
            }
        )
    return out
