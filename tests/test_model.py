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


# --- the pipeline's records -----------------------------------------------------------
# parse validates the records it builds with a validator without the checks for data from
# outside (model.plan_from_records); it must build exactly what Plan.model_validate builds.

from pathlib import Path  # noqa: E402

from zoneplan.model import Figure, Goal, Project, Task, plan_from_records  # noqa: E402

_ROOT = Path(__file__).resolve().parents[1]
_SEEDS = _ROOT.parent / "shared" / "corpus" / "seeds"  # when the corpus is at hand
_DOCS = sorted((_ROOT / "examples").glob("*.txt")) + sorted(_SEEDS.glob("*.txt"))


def _objects(plan: Plan) -> list[pydantic.BaseModel]:
    """Every model object of a plan, nested ones included."""
    out: list[pydantic.BaseModel] = []
    stack: list[object] = [plan]
    while stack:
        obj = stack.pop()
        if isinstance(obj, pydantic.BaseModel):
            out.append(obj)
            stack.extend(getattr(obj, f) for f in type(obj).model_fields)
        elif isinstance(obj, list):
            stack.extend(obj)
    return out


@pytest.mark.parametrize("path", _DOCS, ids=lambda p: p.name)
def test_records_build_what_model_validate_builds(path: Path) -> None:
    data = zoneplan.read(path).model_dump()
    trusted, public = plan_from_records(data), Plan.model_validate(data)
    assert trusted == public
    pairs = list(zip(_objects(trusted), _objects(public), strict=True))
    assert len(pairs) > 10
    for a, b in pairs:
        assert type(a) is type(b)
        assert a.model_fields_set == b.model_fields_set
    kinds = {type(a) for a, _ in pairs}
    assert {Plan, Indicator, Span, Task} <= kinds  # every document has figures and headings
    assert kinds <= {Plan, Indicator, Span, Task, Goal, Project, Figure}


def test_records_skip_the_checks_for_outside_data() -> None:
    """The checks plan_from_records leaves out are the ones Plan.model_validate makes (should a
    pydantic release reuse the public validators again, this fails: parse is then slower)."""
    span = {"start": 9, "end": 4}  # reversed
    record = {
        "id": 0, "name": "x", "text": "5亿元", "span": span, "value": Decimal(5), "unit": "亿元",
        "dimension": "currency_cny", "base_value": 5e8, "base_unit": "yuan", "kind": "level",
        "surplus": 1,
    }  # fmt: skip
    data = {"indicators": [record], "length": 10}
    with pytest.raises(pydantic.ValidationError) as info:
        Plan.model_validate(data)
    assert {e["type"] for e in info.value.errors()} == {"value_error", "extra_forbidden"}
    plan = plan_from_records(data)
    assert plan.indicators[0].span == Span.model_construct(start=9, end=4)
    assert plan.indicators[0].value == 5 and plan.indicators[0].kind is Kind.LEVEL
    with pytest.raises(pydantic.ValidationError):  # types and enums are still checked
        plan_from_records({"indicators": [{**record, "kind": "bogus"}]})
