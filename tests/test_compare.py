"""Targets against results: names through the alias lexicon, zones, periods, comparators."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import zoneplan
from zoneplan.compare import COLUMNS, Comparison, canonical_name, compare, compare_frame, comparison_rows
from zoneplan.lexicon import lexicon
from zoneplan.model import Comparator, Dimension, DocKind, Indicator, Kind, Part, Plan, Role, Span

# ---------------------------------------------------------------------------
# canonical names


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        pytest.param("地区生产总值", "地区生产总值", id="canonical-itself"),
        pytest.param("经济总量", "地区生产总值", id="alias"),
        pytest.param("GDP", "地区生产总值", id="latin-alias"),
        pytest.param("ＧＤＰ", "地区生产总值", id="full-width-folded"),
        pytest.param("全区GDP", "地区生产总值", id="scope-prefix-stripped"),
        pytest.param("地区生产总值(GDP)", "地区生产总值", id="gloss-dropped"),
        pytest.param("实际利用外资", "实到外资", id="fdi-1"),
        pytest.param("外资到账", "实到外资", id="fdi-2"),
        pytest.param("全年实际使用外资", "实到外资", id="fdi-with-year-prefix"),
        pytest.param("规模以上工业增加值", "规上工业增加值", id="above-scale-spelled-out"),
        pytest.param("全区规上工业增加值", "规上工业增加值", id="prefix-then-known"),
        pytest.param("R&D经费支出", "研发投入", id="full-width-ampersand"),
        pytest.param("“高企”", "高新技术企业", id="quotes-dropped"),
        pytest.param("全年营业收入", "营业收入", id="prefix-then-alias"),
        pytest.param("规上工业企业亩均税收", "亩均税收", id="listed-long-form"),
        pytest.param("全区单位能耗", "单位能耗", id="unknown-name-stripped"),
        pytest.param("信访总量", "信访总量", id="unknown-name-kept"),
        pytest.param("工业亩均税收提高到", "亩均税收", id="trailing-verb-stripped"),
        pytest.param("单位能耗下降到", "单位能耗下降到", id="unlisted-verb-kept"),
        pytest.param("全区", "全区", id="never-stripped-to-nothing"),
    ],
)
def test_canonical_name(name: str, canonical: str) -> None:
    assert canonical_name(name) == canonical


def test_lexicon_aliases_load_without_conflict() -> None:
    aliases = lexicon().aliases
    assert aliases["外资到账"] == aliases["实际利用外资"] == "实到外资"
    # every canonical name is its own alias, and no alias is itself a different canonical
    canonicals = set(aliases.values())
    assert all(aliases[c] == c for c in canonicals)


# ---------------------------------------------------------------------------
# judging, on hand-built indicators


def ind(
    i: int,
    name: str,
    value: str | None,
    unit: str,
    base: float,
    base_unit: str,
    *,
    kind: Kind = Kind.LEVEL,
    cmp: Comparator = Comparator.EQ,
    role: Role = Role.TARGET,
    low: str | None = None,
    high: str | None = None,
    headline: bool = False,
    part: Part | None = None,
) -> Indicator:
    dims = {"yuan": Dimension.CURRENCY_CNY, "us_dollar": Dimension.CURRENCY_USD, "percent": Dimension.PERCENT}
    return Indicator(
        id=i,
        name=name,
        text=f"{value or f'{low}-{high}'}{unit}",
        span=Span(start=i, end=i + 1),
        value=None if value is None else Decimal(value),
        low=None if low is None else Decimal(low),
        high=None if high is None else Decimal(high),
        unit=unit,
        dimension=dims.get(base_unit, Dimension.COUNT),
        base_value=base,
        base_unit=base_unit,
        kind=kind,
        comparator=cmp,
        role=role,
        headline=headline,
        part=part or (Part.PLAN if role is Role.TARGET else Part.REVIEW),
    )


def plan_of(*indicators: Indicator, year: int = 2023, zone: str = "青山经济开发区", **kw: Any) -> Plan:
    return Plan(
        source=f"plan{year}.txt", zone=zone, kind=DocKind.PLAN, year=year, indicators=list(indicators), **kw
    )


def summary_of(*indicators: Indicator, period: str = "2023", zone: str = "青山经济开发区", **kw: Any) -> Plan:
    return Plan(
        source=f"summary{period}.txt",
        zone=zone,
        kind=DocKind.SUMMARY,
        review_period=period,
        indicators=list(indicators),
        **kw,
    )


def one(target: Indicator, actual: Indicator, period: str = "2023", **kw: Any) -> Comparison:
    [c] = compare([plan_of(target), summary_of(actual, period=period)], **kw)
    return c


def pct(i: int, name: str, v: str, role: Role = Role.TARGET, **kw: Any) -> Indicator:
    return ind(i, name, v, "%", float(v), "percent", kind=Kind.GROWTH, role=role, **kw)


def yi(i: int, name: str, v: str, role: Role = Role.TARGET, **kw: Any) -> Indicator:
    return ind(i, name, v, "亿元", float(Decimal(v) * 10**8), "yuan", role=role, **kw)


A = Role.ACTUAL


@pytest.mark.parametrize(
    ("target", "actual", "met"),
    [
        # ge / eq: a figure to reach
        pytest.param(pct(0, "GDP", "8", cmp=Comparator.GE), pct(0, "经济总量", "8", A), True, id="ge-equal"),
        pytest.param(
            pct(0, "GDP", "8", cmp=Comparator.GE), pct(0, "经济总量", "7.9", A), False, id="ge-below"
        ),
        pytest.param(yi(0, "固投", "60"), yi(0, "固定资产投资", "62", A), True, id="eq-is-a-floor"),
        # gt: strictly more, unless the result is itself 'over'
        pytest.param(yi(0, "税收", "10", cmp=Comparator.GT), yi(0, "税收", "10", A), False, id="gt-equal"),
        pytest.param(
            yi(0, "税收", "10", cmp=Comparator.GT),
            yi(0, "税收", "10", A, cmp=Comparator.GT),
            True,
            id="gt-over",
        ),
        # approx: 5% relative slack below
        pytest.param(
            pct(0, "GDP", "7", cmp=Comparator.APPROX), pct(0, "GDP", "6.7", A), True, id="approx-near"
        ),
        pytest.param(
            pct(0, "GDP", "7", cmp=Comparator.APPROX), pct(0, "GDP", "6.6", A), False, id="approx-far"
        ),
        # le / lt: ceilings
        pytest.param(yi(0, "债务", "5", cmp=Comparator.LE), yi(0, "债务", "5", A), True, id="le-equal"),
        pytest.param(yi(0, "债务", "5", cmp=Comparator.LE), yi(0, "债务", "5.1", A), False, id="le-over"),
        pytest.param(yi(0, "债务", "5", cmp=Comparator.LT), yi(0, "债务", "5", A), False, id="lt-equal"),
        pytest.param(yi(0, "债务", "5", cmp=Comparator.LT), yi(0, "债务", "4", A), True, id="lt-under"),
        # a range target is met at its low end
        pytest.param(
            ind(0, "GDP", None, "%", 8.0, "percent", kind=Kind.GROWTH, low="8", high="10"),
            pct(0, "GDP", "8.5", A),
            True,
            id="range-low-end",
        ),
        # units: base values, whatever the magnitude written
        pytest.param(
            ind(0, "实到外资", "1.2", "亿美元", 1.2e8, "us_dollar"),
            ind(0, "外资到账", "12500", "万美元", 1.25e8, "us_dollar", role=A),
            True,
            id="magnitudes",
        ),
    ],
)
def test_met_follows_the_comparator(target: Indicator, actual: Indicator, met: bool) -> None:
    c = one(target, actual)
    assert c.actual == actual
    assert c.met is met
    assert c.note is None


def test_tolerance() -> None:
    target, actual = pct(0, "GDP", "7", cmp=Comparator.APPROX), pct(0, "GDP", "6.5", A)
    assert one(target, actual).met is False
    assert one(target, actual, tolerance=0.1).met is True
    with pytest.raises(ValueError, match="tolerance"):
        compare([], tolerance=-0.1)


def test_gap_is_exact_in_decimal_terms() -> None:
    c = one(pct(0, "GDP", "8"), pct(0, "GDP", "9.1", A))
    assert c.gap == 1.1  # not 1.0999999999999996
    assert c.base_unit == "percent"


def test_currencies_need_a_rate() -> None:
    target = ind(0, "实到外资", "1", "亿美元", 1e8, "us_dollar")
    actual = ind(0, "实到外资", "7.5", "亿元", 7.5e8, "yuan", role=A)
    c = one(target, actual)
    assert c.met is None and c.note is not None and "rate" in c.note
    assert one(target, actual, rate=7.1).met is True
    assert one(target, actual, rate=8.0).met is False


def test_kind_must_match() -> None:
    # a growth target is never judged by a level result of the same name
    c = one(pct(0, "固定资产投资", "12"), yi(0, "固定资产投资", "80", A))
    assert c.actual is None and c.met is None and c.note == "no result reported"


def test_partial_period() -> None:
    target = yi(0, "固定资产投资", "80", cmp=Comparator.GE)
    behind = one(target, yi(0, "固定资产投资", "35", A), period="2023H1")
    assert behind.partial and behind.period == "2023H1"
    assert behind.met is None and behind.note == "partial period"  # half a year's level is not a miss
    ahead = one(target, yi(0, "固定资产投资", "81", A), period="2023H1")
    assert ahead.met is True
    growth = one(pct(0, "GDP", "8"), pct(0, "GDP", "6.5", A), period="2023H1")
    assert growth.partial and growth.met is False  # rates are comparable within the year


def test_full_year_preferred_to_partial() -> None:
    target = yi(0, "固定资产投资", "80")
    docs = [
        plan_of(target),
        summary_of(yi(0, "固定资产投资", "35", A), period="2023H1"),
        summary_of(yi(0, "固定资产投资", "82", A), period="2023"),
    ]
    [c] = compare(docs)
    assert (c.period, c.partial, c.met, c.summary_source) == ("2023", False, True, "summary2023.txt")


def test_year_and_zone_must_match() -> None:
    target = pct(0, "GDP", "8")
    docs = [
        plan_of(target, zone="青山经济开发区"),
        summary_of(pct(0, "GDP", "9", A), period="2022", zone="青山经济开发区"),  # another year
        summary_of(pct(0, "GDP", "9", A), period="2023", zone="白沙高新区"),  # another zone
    ]
    got = compare(docs)
    assert [(c.zone, c.year, c.actual) for c in got] == [("青山经济开发区", 2023, None)]


def test_zone_matched_through_specific_alias_not_generic_one() -> None:
    plan = plan_of(pct(0, "GDP", "8"), zone="青山经济开发区", zone_aliases=["青山开发区", "经开区"])
    same = summary_of(pct(0, "GDP", "9", A), zone="青山开发区")
    other = summary_of(pct(0, "GDP", "5", A), zone="经开区")  # says nothing about which zone
    [c] = compare([plan, other, same])
    assert c.zone == "青山经济开发区"
    assert c.actual is not None and c.actual.text == "9%"


def test_headline_figure_preferred_and_one_comparison_per_name() -> None:
    docs = [
        plan_of(pct(0, "GDP", "6"), pct(1, "地区生产总值", "8", headline=True)),
        summary_of(pct(0, "经济总量", "5", A), pct(1, "GDP", "8.5", A, headline=True)),
    ]
    [c] = compare(docs)
    assert (c.target.id, c.actual and c.actual.id, c.met) == (1, 1, True)


def test_only_targets_of_the_plan_part_and_actuals_of_the_review_part() -> None:
    docs = [
        plan_of(pct(0, "GDP", "8"), pct(1, "税收", "5", role=Role.OTHER)),
        summary_of(pct(0, "GDP", "9", Role.TARGET, part=Part.PLAN)),  # next year's target, not a result
    ]
    [c] = compare(docs)
    assert c.indicator == "地区生产总值" and c.actual is None


def test_comparison_rows_and_frame() -> None:
    pd = pytest.importorskip("pandas")
    docs = [plan_of(pct(0, "GDP", "8"), yi(1, "固投", "60")), summary_of(pct(0, "经济总量", "9", A))]
    rows = comparison_rows(compare(docs))
    assert [tuple(r) for r in rows] == [COLUMNS, COLUMNS]
    assert [(r["indicator"], r["met"], r["actual_text"]) for r in rows] == [
        ("地区生产总值", True, "9%"),
        ("固定资产投资", None, None),
    ]
    df = compare_frame(docs)
    assert tuple(df.columns) == COLUMNS
    assert df["met"].dtype == "boolean" and df["met"].isna().tolist() == [False, True]
    assert df["target_value"].dtype == "float64"
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)


def test_compare_parsed_documents() -> None:
    # end to end, through the parser: names differ, the lexicon matches them
    plan = zoneplan.parse(
        "青山经济开发区2023年工作计划\n主要目标是:地区生产总值增长8%以上,实到外资1.2亿美元。"
    )
    summary = zoneplan.parse("青山经济开发区2023年工作总结\n全年经济总量增长9.1%,外资到账1.05亿美元。")
    got = {c.indicator: c for c in compare([summary, plan])}
    assert got["地区生产总值"].met is True
    assert got["实到外资"].met is False
    assert got["实到外资"].gap == pytest.approx(-1.5e7)
