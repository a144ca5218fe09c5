"""Plans as tables: the row builders and the typed pandas frames."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal

import pytest

import zoneplan
from zoneplan.errors import ZoneplanError
from zoneplan.frame import COLUMNS, WHAT, columns, goals_frame, projects_frame, rows, tasks_frame, to_frame
from zoneplan.model import Comparator, DocKind, Indicator, Kind, Plan, Role, Span, Task

pd = pytest.importorskip("pandas")

PLAN = """\
白沙高新区2024年工作计划
发布时间:2024-01-18
主要预期目标:规上工业增加值增长9%,实到外资1881.68万美元,固定资产投资80亿元以上。
一、项目建设
(一)重大项目攻坚
全年新开工项目10个以上,推进年产20万吨新材料项目建设。
(二)要素保障
盘活低效用地500亩。
二、科技创新
新增国家高新技术企业12家。
"""


@pytest.fixture(scope="module")
def plan() -> Plan:
    return zoneplan.parse(PLAN)


def _task(tid: str, title: str, children: list[Task] | None = None) -> Task:
    return Task(
        id=tid,
        label=None,
        title=title,
        span=Span(start=0, end=1),
        block=Span(start=0, end=1),
        children=children or [],
    )


def _indicator(i: int, task: str | None) -> Indicator:
    return Indicator(
        id=i,
        name="研发投入",
        text="3-5亿元",
        span=Span(start=10, end=15),
        value=None,
        low=Decimal("3"),
        high=Decimal("5"),
        unit="亿元",
        dimension=zoneplan.Dimension.CURRENCY_CNY,
        base_value=3e8,
        base_unit="yuan",
        kind=Kind.LEVEL,
        comparator=Comparator.EQ,
        role=Role.TARGET,
        task=task,
    )


# A hand-built plan: its fields are known exactly, whatever the parser does.
BUILT = Plan(
    source="built.txt",
    title="某开发区2024年工作计划",
    zone="某开发区",
    kind=DocKind.PLAN,
    year=2024,
    indicators=[_indicator(0, "1.1.1"), _indicator(1, None)],
    tasks=[_task("1", "抓项目", [_task("1.1", "招商", [_task("1.1.1", "签约")])]), _task("2", "抓创新")],
)


# ---------------------------------------------------------------------------
# rows


@pytest.mark.parametrize("what", WHAT)
def test_rows_have_exactly_the_columns(plan: Plan, what: str) -> None:
    got = rows(plan, what)  # type: ignore[arg-type]
    assert got, f"the document has {what}"
    assert all(tuple(r) == columns(what) for r in got)  # type: ignore[arg-type]
    assert columns(what)[:7] == ("path", "title", "zone", "doc_kind", "year", "review_period", "published")  # type: ignore[arg-type]


def test_rows_keep_exact_decimals_and_metadata(plan: Plan) -> None:
    usd = next(r for r in rows(plan) if r["unit"] == "万美元")
    # the number as written survives exactly (a Decimal), the base value is a float
    assert usd["value"] == Decimal("1881.68") and isinstance(usd["value"], Decimal)
    assert usd["base_value"] == pytest.approx(18816800.0)
    assert (usd["title"], usd["doc_kind"], usd["year"], usd["published"]) == (
        "白沙高新区2024年工作计划",
        "plan",
        2024,
        dt.date(2024, 1, 18),
    )
    assert usd["path"] is None  # parsed from text: no source


def test_rows_path_override(plan: Plan) -> None:
    assert {r["path"] for r in rows(plan, "goals", path="<stdin>")} == {"<stdin>"}


def test_task_path_joins_titles_from_the_root() -> None:
    by_id = {r["id"]: r for r in rows(BUILT, "tasks")}
    assert [(r["id"], r["depth"], r["parent"]) for r in rows(BUILT, "tasks")] == [
        ("1", 1, None),
        ("1.1", 2, "1"),
        ("1.1.1", 3, "1.1"),
        ("2", 1, None),
    ]
    assert by_id["1.1.1"]["task_path"] == "抓项目 > 招商 > 签约"
    indicators = rows(BUILT)
    assert [r["task_path"] for r in indicators] == ["抓项目 > 招商 > 签约", None]
    assert (indicators[0]["value"], indicators[0]["low"], indicators[0]["high"]) == (
        None,
        Decimal(3),
        Decimal(5),
    )


def test_unknown_table_is_a_value_error(plan: Plan) -> None:
    with pytest.raises(ValueError, match="unknown table"):
        rows(plan, "figures")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# frames


def test_to_frame_types(plan: Plan) -> None:
    df = to_frame([plan])
    assert tuple(df.columns) == COLUMNS["indicators"]
    assert len(df) == len(plan.indicators)
    assert df["value"].dtype == "float64" and df["base_value"].dtype == "float64"
    assert df["year"].dtype == "Int64"
    assert df["id"].dtype == "int64" and df["span_start"].dtype == "int64"
    assert df["headline"].dtype == "bool"
    assert str(df["published"].dtype).startswith("datetime64")
    assert df["published"].iloc[0] == pd.Timestamp("2024-01-18")
    assert isinstance(df["name"].dtype, pd.StringDtype)
    for col, enum in [
        ("dimension", zoneplan.Dimension),
        ("kind", zoneplan.Kind),
        ("comparator", zoneplan.Comparator),
        ("role", zoneplan.Role),
        ("part", zoneplan.Part),
        ("doc_kind", zoneplan.DocKind),
    ]:
        assert isinstance(df[col].dtype, pd.CategoricalDtype), col
        # the whole vocabulary, so frames of different batches concatenate as categoricals
        assert list(df[col].cat.categories) == [e.value for e in enum], col
    usd = df[df["unit"] == "万美元"].iloc[0]
    assert usd["value"] == pytest.approx(1881.68)


def test_frames_of_several_plans_stack(plan: Plan) -> None:
    df = to_frame([plan, BUILT])
    assert len(df) == len(plan.indicators) + 2
    assert df["path"].isna().sum() == len(plan.indicators)
    assert list(df["path"].dropna().unique()) == ["built.txt"]
    built = df[df["path"] == "built.txt"]
    assert built["value"].isna().all()
    assert list(built["low"]) == [3.0, 3.0] and list(built["high"]) == [5.0, 5.0]
    both = pd.concat([to_frame(plan), to_frame(BUILT)], ignore_index=True)
    assert isinstance(both["kind"].dtype, pd.CategoricalDtype)


def test_empty_frame_keeps_columns_and_types() -> None:
    df = to_frame([])
    assert len(df) == 0
    assert tuple(df.columns) == COLUMNS["indicators"]
    assert df["value"].dtype == "float64" and isinstance(df["role"].dtype, pd.CategoricalDtype)
    assert to_frame(Plan()).shape == (0, len(COLUMNS["indicators"]))


def test_indicators_frame_method(plan: Plan) -> None:
    pd.testing.assert_frame_equal(plan.indicators_frame(), to_frame([plan]))


def test_goals_tasks_projects_frames(plan: Plan) -> None:
    goals = goals_frame(plan)
    assert tuple(goals.columns) == COLUMNS["goals"]
    assert isinstance(goals["strength"].dtype, pd.CategoricalDtype)
    assert all(isinstance(ids, list) for ids in goals["indicators"])
    tasks = tasks_frame([BUILT])
    assert list(tasks["depth"]) == [1, 2, 3, 1]
    assert tasks["number"].dtype == "Int64"
    projects = projects_frame([plan])
    assert tuple(projects.columns) == COLUMNS["projects"]
    assert isinstance(projects["status"].dtype, pd.CategoricalDtype)
    assert len(projects) == len(plan.projects)


def test_missing_pandas_is_a_plain_import_error(monkeypatch: pytest.MonkeyPatch, plan: Plan) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    with pytest.raises(ImportError, match=r"pip install zoneplan\[pandas\]") as info:
        to_frame([plan])
    assert not isinstance(info.value, ZoneplanError)
    # the row builders need no pandas
    assert rows(plan)
