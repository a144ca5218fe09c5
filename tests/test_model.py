"""The public data model: validation, frozen objects, exact numbers, JSON round trip, schema."""

from __future__ import annotations

import json
from decimal import Decimal

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zoneplan
from zoneplan import Comparator, Dimension, Indicator, Kind, Plan, Role, Span

decimals = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1e12"), places=3, allow_nan=False)


@st.composite
def indicators(draw: st.DrawFn, i: int = 0) -> Indicator:
    start = draw(st.integers(min_value=0, max_value=10_000))
    text = draw(st.text(min_size=1, max_size=12))
    return Indicator(
        id=i,
        name=draw(st.none() | st.text(max_size=20)),
        text=text,
        span=Span(start=start, end=start + len(text)),
        value=draw(decimals),
        unit=draw(st.sampled_from(["亿元", "万美元", "亩", "%", "个"])),
        dimension=draw(st.sampled_from(list(Dimension))),
        base_value=draw(st.none() | st.floats(allow_nan=False, allow_infinity=False)),
        base_unit="yuan",
        kind=draw(st.sampled_from(list(Kind))),
        comparator=draw(st.sampled_from(list(Comparator))),
        role=draw(st.sampled_from(list(Role))),
        headline=draw(st.booleans()),
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(indicators(), max_size=5), st.none() | st.integers(min_value=1990, max_value=2100))
def test_plan_json_round_trip(inds: list[Indicator], year: int | None) -> None:
    plan = Plan(
        title="示例", year=year, indicators=[i.model_copy(update={"id": k}) for k, i in enumerate(inds)]
    )
    again = Plan.model_validate_json(plan.model_dump_json())
    assert again == plan
    # the interchange dict is plain JSON
    assert json.loads(json.dumps(plan.model_dump(mode="json"))) == plan.model_dump(mode="json")


def test_decimals_keep_their_digits() -> None:
    plan = zoneplan.parse("合同外资1881.68万美元,占比3.37%。")
    values = [i.value for i in plan.indicators]
    assert values == [Decimal("1881.68"), Decimal("3.37")]
    dumped = plan.model_dump(mode="json")
    assert [i["value"] for i in dumped["indicators"]] == [1881.68, 3.37]
    assert Plan.model_validate(dumped).indicators[0].value == Decimal("1881.68")


def test_models_are_frozen_and_validated() -> None:
    span = Span(start=1, end=3)
    with pytest.raises(pydantic.ValidationError):
        span.start = 2  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        Span(start=5, end=2)
    with pytest.raises(pydantic.ValidationError):
        Span(start=-1, end=2)


def test_schema_names_the_interchange_fields() -> None:
    schema = zoneplan.schema()
    props = schema["properties"]
    for field in ("title", "zone", "zone_aliases", "kind", "year", "review_period", "published"):
        assert field in props
    ind = schema["$defs"]["Indicator"]["properties"]
    for field in (
        "name",
        "text",
        "span",
        "value",
        "low",
        "high",
        "unit",
        "dimension",
        "base_value",
        "base_unit",
    ):
        assert field in ind
    for field in ("kind", "comparator", "role", "headline"):
        assert field in ind
    assert set(schema["$defs"]["Role"]["enum"]) == {"target", "actual", "other"}


def test_indicator_quantity_is_a_pint_quantity() -> None:
    plan = zoneplan.parse("全年实到外资1.5亿美元,新增用地2.65万亩,建设项目3-5个。")
    usd, land, rng = plan.indicators
    assert usd.quantity.to("us_dollar").magnitude == Decimal("150000000")
    assert round(land.quantity.to("hectare").magnitude, 2) == Decimal("1766.67")
    assert rng.quantity.low.magnitude == 3 and rng.quantity.high.magnitude == 5


def test_str_and_repr_are_readable() -> None:
    plan = zoneplan.parse("某开发区2025年工作计划\n力争引进项目10个。")
    text = str(plan)
    assert "某开发区2025年工作计划" in text and "1 indicators" in text
    assert repr(plan).startswith("Plan(")
