"""Set a zone's targets for a year beside the results its summary reports for that year.

    python examples/targets_vs_results.py [PLAN] [SUMMARY]

Defaults: the bundled 2024 plan and 2024 summary of the fictitious 青川经济技术开发区.
Each headline target of the plan is matched with the first result of the same
kind (level, growth, count ...) reported for the same indicator; indicator
names are matched after folding a few common aliases (经济总量 = 地区生产总值).
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import zoneplan
from zoneplan import Comparator, Indicator, Kind

HERE = Path(__file__).resolve().parent

# A few of the names documents use for the same indicator.
ALIASES = {
    "经济总量": "地区生产总值",
    "GDP": "地区生产总值",
    "生产总值": "地区生产总值",
    "实际利用外资": "实到外资",
    "实际使用外资": "实到外资",
    "外资到账": "实到外资",
    "规模以上工业增加值": "规上工业增加值",
    "全社会固定资产投资": "固定资产投资",
    "地方一般公共预算收入": "一般公共预算收入",
    "高企": "国家高新技术企业",
}


def canonical(name: str | None) -> str:
    name = name or ""
    for alias, canon in ALIASES.items():
        name = name.replace(alias, canon)
    return name


def same_indicator(a: Indicator, b: Indicator) -> bool:
    x, y = canonical(a.name), canonical(b.name)
    return bool(x and y) and (x in y or y in x) and a.kind is b.kind and a.dimension is b.dimension


def width(text: str) -> int:
    """Columns a terminal gives ``text``: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cell(text: str, size: int, *, right: bool = False) -> str:
    pad = " " * max(0, size - width(text))
    return pad + text if right else text + pad


def verdict(target: Indicator, result: Indicator) -> str:
    """Was the target met? Bounds are read from the target's comparator."""
    if target.base_value is None or result.base_value is None:
        return "?"
    t, r = target.base_value, result.base_value
    if target.kind is Kind.CHANGE:  # a fall to achieve: bigger is better too
        t, r = abs(t), abs(r)
    if target.comparator is Comparator.APPROX:
        return "met (about)" if abs(r - t) <= 0.1 * abs(t) else ("exceeded" if r > t else "missed")
    if target.comparator in (Comparator.LE, Comparator.LT):
        return "met" if r <= t else "missed"
    if r > t:
        return "exceeded"
    return "met" if r == t else "missed"


def main(argv: list[str]) -> int:
    plan_path = Path(argv[0]) if argv else HERE / "plan_2024.txt"
    summary_path = Path(argv[1]) if len(argv) > 1 else HERE / "summary_2024.txt"
    plan = zoneplan.parse(plan_path)
    summary = zoneplan.parse(summary_path)
    print(f"plan:    {plan.title} (year {plan.year})")
    print(f"summary: {summary.title} (reviews {summary.review_period})")
    if plan.zone != summary.zone or str(plan.year) != summary.review_period:
        print("note: the two documents are not about the same zone and year")
    results = summary.actuals
    # headline results first: they are the figures the summary stands behind
    results = sorted(results, key=lambda r: not r.headline)
    print()
    print(
        cell("indicator", 18)
        + cell("kind", 8)
        + cell("target", 14, right=True)
        + cell("result", 14, right=True)
        + "  verdict"
    )
    matched = 0
    for target in plan.headline_indicators:
        result = next((r for r in results if same_indicator(target, r)), None)
        bound = {Comparator.GE: "≥", Comparator.GT: ">", Comparator.APPROX: "≈", Comparator.LE: "≤"}
        shown = bound.get(target.comparator, "") + target.text
        row = cell(target.name or "?", 18) + cell(target.kind.value, 8) + cell(shown, 14, right=True)
        if result is None:
            print(row + cell("-", 14, right=True) + "  not reported")
            continue
        matched += 1
        print(row + cell(result.text, 14, right=True) + "  " + verdict(target, result))
    print(f"\n{matched} of {len(plan.headline_indicators)} headline targets have a reported result")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
