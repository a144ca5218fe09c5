"""Targets against results: did a zone meet the targets its plan set for a year?

:func:`compare` takes plans and summaries of any zones and years. For each
zone and year it matches every target the plan for that year sets (``role
target`` outside a review part) with the result a summary reports for that
year (``role actual`` in a document whose ``review_period`` is that year;
``2021H1`` and the like count too, marked ``partial``). Indicators match when
their names have the same canonical name in the alias lexicon
(``data/aliases.toml``: 经济总量 = 地区生产总值 = GDP) and their ``kind`` is
the same (a growth rate is never compared with a level). Values are compared
in base units, honouring the target's comparator.

>>> from zoneplan import parse
>>> plan = parse("青山开发区2023年工作计划\\n主要目标是:地区生产总值增长8%以上,实到外资1.2亿美元。")
>>> summary = parse("青山开发区2023年工作总结\\n全年经济总量增长9%,实际利用外资1.1亿美元。")
>>> [(c.indicator, c.target.text, c.actual and c.actual.text, c.met) for c in compare([plan, summary])]
[('地区生产总值', '8%', '9%', True), ('实到外资', '1.2亿美元', '1.1亿美元', False)]
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from pydantic import BaseModel, ConfigDict, Field

from .errors import LexiconError
from .lexicon import data_text, lexicon
from .model import Comparator, Indicator, Kind, Part, Plan, Role

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Comparison", "canonical_name", "compare", "compare_frame", "comparison_rows"]

#: How far below an ``approx`` (约, 左右) target a result may fall and still count as met.
DEFAULT_TOLERANCE: Final = 0.05

# Names a zone is called by that say nothing about which zone it is.
_GENERIC_ZONE_NAMES: Final = frozenset(
    {
        "开发区", "经开区", "高新区", "新区", "园区", "工业园", "工业园区", "产业园区", "综合保税区",
        "经济开发区", "经济技术开发区", "高新技术开发区", "高新技术产业开发区",
    }
)  # fmt: skip

# Kinds whose figure for part of a year is not comparable with a full-year target.
_CUMULATIVE: Final = frozenset({Kind.LEVEL, Kind.COUNT})
_UPPER_BOUNDS: Final = frozenset({Comparator.LE, Comparator.LT})
_EPS: Final = 1e-9


class Comparison(BaseModel):
    """One target of a zone's plan for a year, beside the result reported for it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    zone: str | None = Field(description="The zone (its fullest name among the documents).")
    year: int = Field(description="The year the target is for and the result is about.")
    indicator: str = Field(description="The canonical name both indicators share.")
    kind: Kind
    target: Indicator
    actual: Indicator | None = Field(default=None, description="The reported result; null if none matched.")
    plan_source: str | None = Field(default=None, description="The document the target comes from.")
    summary_source: str | None = Field(default=None, description="The document the result comes from.")
    period: str | None = Field(default=None, description="The summary's review_period ('2023', '2023H1').")
    partial: bool = Field(default=False, description="The result covers only part of the year.")
    met: bool | None = Field(
        default=None, description="Whether the result meets the target; null if unknown."
    )
    gap: float | None = Field(default=None, description="Result minus target (low end), in base_unit.")
    base_unit: str = Field(description="The unit target and gap are in (the target's base unit).")
    note: str | None = Field(default=None, description="Why met is null, when it is.")


# ---------------------------------------------------------------------------
# Names


@functools.cache
def _qualifiers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    try:
        data = tomllib.loads(data_text("aliases.toml"))
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - the bundled file is valid
        raise LexiconError(f"malformed data file: {exc}", file="aliases.toml") from exc
    table = data.get("qualifiers", {})
    out: list[tuple[str, ...]] = []
    for key in ("prefixes", "suffixes"):
        words = table.get(key, [])
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise LexiconError(f"[qualifiers] {key} must be a list of non-empty strings", file="aliases.toml")
        if len(set(words)) != len(words):
            raise LexiconError(f"[qualifiers] {key} lists a word twice", file="aliases.toml")
        out.append(tuple(sorted(words, key=len, reverse=True)))
    return out[0], out[1]


_GLOSS = re.compile(r"[(（][^()（）]*[)）]")
_PUNCT = re.compile(r"[\s“”\"'‘’《》「」、·]")


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFKC", name)
    stripped = _GLOSS.sub("", name)
    name = stripped or name
    return _PUNCT.sub("", name)


@functools.cache
def _aliases() -> dict[str, str]:
    return {_fold(name): canonical for name, canonical in lexicon().aliases.items()}


@functools.cache
def canonical_name(name: str) -> str:
    """The canonical name of an indicator name, through the alias lexicon.

    Names the lexicon does not know are looked up again with scoping
    qualifiers (全年, 全区, 规上 …) stripped; a name still unknown is its own
    canonical name, stripped.

    >>> canonical_name("经济总量"), canonical_name("全区GDP"), canonical_name("全年营业收入")
    ('地区生产总值', '地区生产总值', '营业收入')
    >>> canonical_name("全区单位能耗")
    '单位能耗'
    """
    aliases = _aliases()
    s = _fold(name)
    if s in aliases:
        return aliases[s]
    prefixes, suffixes = _qualifiers()
    changed = True
    while changed:
        changed = False
        for words, strip in ((prefixes, _strip_prefix), (suffixes, _strip_suffix)):
            for word in words:
                rest = strip(s, word)
                if rest is not None and len(rest) >= 2:
                    s = rest
                    changed = True
                    if s in aliases:
                        return aliases[s]
                    break
    return s


def _strip_prefix(s: str, word: str) -> str | None:
    return s[len(word) :] if s.startswith(word) else None


def _strip_suffix(s: str, word: str) -> str | None:
    return s[: -len(word)] if s.endswith(word) else None


# ---------------------------------------------------------------------------
# Zones and periods


def _zone_groups(plans: list[Plan]) -> list[str | None]:
    """The zone each plan belongs to: plans whose names or specific aliases meet are one zone."""
    parent = list(range(len(plans)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    names = [{p.zone, *(a for a in p.zone_aliases if a not in _GENERIC_ZONE_NAMES)} - {None} for p in plans]
    for i in range(len(plans)):
        for j in range(i):
            zi, zj = plans[i].zone, plans[j].zone
            if zi is None or zj is None:
                continue
            if zi == zj or zi in names[j] or zj in names[i]:
                parent[find(i)] = find(j)
    fullest: dict[int, str] = {}
    for i, p in enumerate(plans):
        if p.zone is not None:
            root = find(i)
            best = fullest.get(root)
            if best is None or (len(p.zone), p.zone) > (len(best), best):
                fullest[root] = p.zone
    return [fullest.get(find(i)) if p.zone is not None else None for i, p in enumerate(plans)]


_PERIOD = re.compile(r"(?P<year>\d{4})(?P<rest>.*)")


def _period(review_period: str | None) -> tuple[int, bool] | None:
    """(year, partial) of a review period: ``'2023'`` → (2023, False), ``'2023H1'`` → (2023, True)."""
    if not review_period:
        return None
    m = _PERIOD.fullmatch(review_period.strip())
    if m is None:
        return None
    return int(m.group("year")), bool(m.group("rest"))


# ---------------------------------------------------------------------------
# Judging


def _high_base(ind: Indicator) -> float | None:
    """The high end of a range indicator in base units (base_value holds the low end)."""
    if ind.value is not None or ind.high is None or ind.base_value is None:
        return None
    if ind.low is None or ind.low == 0:
        return None
    return float(Decimal(str(ind.base_value)) * ind.high / ind.low)


def _meets(actual: float, actual_cmp: Comparator, target: float, target_cmp: Comparator, tol: float) -> bool:
    eps = _EPS * max(1.0, abs(target))
    if target_cmp is Comparator.GT:
        return actual > target + eps or (actual_cmp is Comparator.GT and actual >= target - eps)
    if target_cmp is Comparator.APPROX:
        return actual >= target - tol * abs(target) - eps
    if target_cmp is Comparator.LE:
        return actual <= target + eps
    if target_cmp is Comparator.LT:
        return actual < target - eps or (actual_cmp is Comparator.LT and actual <= target + eps)
    # EQ and GE: a stated figure is a level to reach
    return actual >= target - eps


def _in_unit(actual: Indicator, unit: str, rate: float | None) -> float | None:
    value = actual.base_value
    if value is None:
        return None
    if actual.base_unit == unit:
        return value
    if rate is not None and {actual.base_unit, unit} == {"yuan", "us_dollar"}:
        return value * rate if actual.base_unit == "us_dollar" else value / rate
    return None


def _judge(
    target: Indicator, actual: Indicator | None, partial: bool, rate: float | None, tol: float
) -> tuple[bool | None, float | None, str | None]:
    if actual is None:
        return None, None, "no result reported"
    t = target.base_value
    if t is None:
        return None, None, "target has no value"
    a = _in_unit(actual, target.base_unit, rate)
    if a is None:
        if actual.base_value is None:
            return None, None, "result has no value"
        hint = " (give a rate)" if {actual.base_unit, target.base_unit} == {"yuan", "us_dollar"} else ""
        return None, None, f"units differ: {actual.base_unit} vs {target.base_unit}{hint}"
    gap = float(Decimal(repr(a)) - Decimal(repr(t)))  # 9.1 - 8 is 1.1, not 1.0999999999999996
    met = _meets(a, actual.comparator, t, target.comparator, tol)
    if target.value is None and target.comparator in (Comparator.EQ, Comparator.APPROX):
        # a range target (8-10%) is met at its low end
        met = a >= t - _EPS * max(1.0, abs(t))
    if partial and target.kind in _CUMULATIVE:
        upper = target.comparator in _UPPER_BOUNDS
        if met is upper:
            # part of a year: under a floor (or within a ceiling) says nothing yet
            return None, gap, "partial period"
    return met, gap, None


def _pick(candidates: list[tuple[int, Indicator]]) -> tuple[int, Indicator]:
    """The headline figure if there is one, else the first."""
    return min(candidates, key=lambda c: (not c[1].headline, c[0], c[1].id))


def _usable_target(ind: Indicator) -> bool:
    return ind.role is Role.TARGET and ind.part is not Part.REVIEW and bool(ind.name)


def _usable_actual(ind: Indicator) -> bool:
    return ind.role is Role.ACTUAL and ind.part is not Part.PLAN and bool(ind.name)


def compare(
    plans: Iterable[Plan], *, rate: float | None = None, tolerance: float = DEFAULT_TOLERANCE
) -> list[Comparison]:
    """Match each zone's targets for a year with the results reported for that year.

    ``plans`` may mix plans and summaries of several zones and years, in any
    order. Documents are of one zone when their ``zone`` names (or specific
    aliases, not 经开区 alone) meet; documents without a zone are compared only
    with each other. One comparison is made per target, canonical name and
    kind (a headline figure is preferred when a name recurs); a target with
    no matching result is listed with ``actual`` null. A full-year summary is
    preferred to a partial one.

    ``met`` follows the target's comparator: ``ge``/``eq`` (a figure to reach)
    need result ≥ target, ``gt`` result > target, ``approx`` result ≥ target
    less ``tolerance`` (relative), ``le``/``lt`` result ≤/< target; a range is
    met at its low end. A partial-year level or count below its target is
    ``None`` ("partial period"), not a miss. Yuan and US dollars are compared
    only with ``rate`` (yuan per dollar).
    """
    if not 0 <= tolerance < 1:
        raise ValueError(f"tolerance must be at least 0 and below 1, not {tolerance}")
    docs = list(plans)
    zones = _zone_groups(docs)
    targets: dict[tuple[str | None, int], list[tuple[int, Indicator]]] = {}
    summaries: dict[tuple[str | None, int], list[tuple[bool, int]]] = {}
    for i, (plan, zone) in enumerate(zip(docs, zones, strict=True)):
        if plan.year is not None:
            usable = [(i, ind) for ind in plan.indicators if _usable_target(ind)]
            if usable:
                targets.setdefault((zone, plan.year), []).extend(usable)
        period = _period(plan.review_period)
        if period is not None:
            summaries.setdefault((zone, period[0]), []).append((period[1], i))

    out: list[Comparison] = []
    for key in sorted(targets, key=lambda k: (k[0] is None, k[0] or "", k[1])):
        zone, year = key
        chosen: dict[tuple[str, Kind], list[tuple[int, Indicator]]] = {}
        for i, ind in targets[key]:
            chosen.setdefault((canonical_name(ind.name or ""), ind.kind), []).append((i, ind))
        picked = sorted(
            ((name, kind, *_pick(c)) for (name, kind), c in chosen.items()), key=lambda t: (t[2], t[3].id)
        )
        reports = sorted(summaries.get(key, []))  # full years first, then input order
        for name, kind, i, target in picked:
            actual: Indicator | None = None
            source: Plan | None = None
            partial = False
            for part_year, j in reports:
                found = [
                    (j, a)
                    for a in docs[j].indicators
                    if _usable_actual(a) and a.kind is kind and canonical_name(a.name or "") == name
                ]
                if found:
                    actual, source, partial = _pick(found)[1], docs[j], part_year
                    break
            met, gap, note = _judge(target, actual, partial, rate, tolerance)
            out.append(
                Comparison(
                    zone=zone,
                    year=year,
                    indicator=name,
                    kind=kind,
                    target=target,
                    actual=actual,
                    plan_source=docs[i].source,
                    summary_source=source.source if source is not None else None,
                    period=source.review_period if source is not None else None,
                    partial=partial,
                    met=met,
                    gap=gap,
                    base_unit=target.base_unit,
                    note=note,
                )
            )
    return out


# ---------------------------------------------------------------------------
# As a table

#: The columns of :func:`comparison_rows` and :func:`compare_frame`, in order.
COLUMNS: Final[tuple[str, ...]] = (
    "zone",
    "year",
    "indicator",
    "kind",
    "comparator",
    "target_name",
    "target_text",
    "target_value",
    "target_high",
    "actual_name",
    "actual_text",
    "actual_value",
    "base_unit",
    "met",
    "gap",
    "partial",
    "period",
    "note",
    "plan_source",
    "target_id",
    "summary_source",
    "actual_id",
)


def comparison_rows(comparisons: Iterable[Comparison]) -> list[dict[str, Any]]:
    """One dict of plain values per comparison, keyed by :data:`COLUMNS`."""
    out: list[dict[str, Any]] = []
    for c in comparisons:
        a = c.actual
        out.append(
            {
                "zone": c.zone,
                "year": c.year,
                "indicator": c.indicator,
                "kind": c.kind.value,
                "comparator": c.target.comparator.value,
                "target_name": c.target.name,
                "target_text": c.target.text,
                "target_value": c.target.base_value,
                "target_high": _high_base(c.target),
                "actual_name": a.name if a is not None else None,
                "actual_text": a.text if a is not None else None,
                "actual_value": a.base_value if a is not None else None,
                "base_unit": c.base_unit,
                "met": c.met,
                "gap": c.gap,
                "partial": c.partial,
                "period": c.period,
                "note": c.note,
                "plan_source": c.plan_source,
                "target_id": c.target.id,
                "summary_source": c.summary_source,
                "actual_id": a.id if a is not None else None,
            }
        )
    return out


def compare_frame(
    plans: Iterable[Plan], *, rate: float | None = None, tolerance: float = DEFAULT_TOLERANCE
) -> pd.DataFrame:
    """:func:`compare` as a typed :class:`pandas.DataFrame` (needs the ``pandas`` extra).

    ``met`` is a nullable ``boolean``; values are floats in ``base_unit``.
    """
    from .frame import _pandas

    pd_ = _pandas()
    table = comparison_rows(compare(plans, rate=rate, tolerance=tolerance))
    types = {
        "year": "int64",
        "target_value": "float64",
        "target_high": "float64",
        "actual_value": "float64",
        "gap": "float64",
        "met": "boolean",
        "partial": "bool",
        "target_id": "int64",
        "actual_id": "Int64",
        "kind": pd_.CategoricalDtype([k.value for k in Kind]),
        "comparator": pd_.CategoricalDtype([c.value for c in Comparator]),
    }
    data = {col: pd_.Series([r[col] for r in table], dtype=types.get(col, "string")) for col in COLUMNS}
    result: pd.DataFrame = pd_.DataFrame(data, columns=list(COLUMNS))
    return result
