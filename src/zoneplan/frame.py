"""Plans as tables: rows of plain values, and pandas DataFrames built from them.

Every row carries the document's path and metadata (``path``, ``title``,
``zone``, ``doc_kind``, ``year``, ``review_period``, ``published``) so that
rows from many documents can be stacked; a task's own title is ``heading``. The row builders (:func:`rows`)
need only the standard library; the command line's ``csv`` and ``jsonl``
output is made from them. The ``*_frame`` functions need pandas
(``pip install zoneplan[pandas]``) and give typed columns: floats for
numbers, nullable ``Int64`` for optional integers, ``string`` for text,
categoricals over the whole vocabulary for the enums, ``datetime64`` for
``published``.

>>> from zoneplan import parse
>>> plan = parse("青山开发区2024年工作计划\\n一、抓项目\\n(一)招商\\n新开工项目12个。")
>>> [(r["text"], r["task"], r["task_path"]) for r in rows(plan, "indicators")]
[('12个', '1.1', '抓项目 > 招商')]
>>> [(r["id"], r["depth"], r["parent"]) for r in rows(plan, "tasks")]
[('1', 1, None), ('1.1', 2, '1')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import StrEnum
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

from .model import Comparator, Dimension, DocKind, Kind, Part, Plan, ProjectStatus, Role, Strength, Task

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "COLUMNS",
    "WHAT",
    "What",
    "columns",
    "frame",
    "goals_frame",
    "projects_frame",
    "rows",
    "tasks_frame",
    "to_frame",
]

#: What a table can list: one row per indicator, goal, task or project.
What = Literal["indicators", "goals", "tasks", "projects"]
WHAT: Final[tuple[What, ...]] = get_args(What)

# Column types: "str", "int" (never null), "Int" (nullable int), "float", "bool",
# "date", "list" (a list of values), or an enum class (a categorical).
_ColType = str | type[StrEnum]

_DOC: Final[tuple[tuple[str, _ColType], ...]] = (
    ("path", "str"),
    ("title", "str"),
    ("zone", "str"),
    ("doc_kind", DocKind),
    ("year", "Int"),
    ("review_period", "str"),
    ("published", "date"),
)
_SPEC: Final[dict[What, tuple[tuple[str, _ColType], ...]]] = {
    "indicators": (
        *_DOC,
        ("id", "int"),
        ("name", "str"),
        ("text", "str"),
        ("value", "float"),
        ("low", "float"),
        ("high", "float"),
        ("unit", "str"),
        ("dimension", Dimension),
        ("base_value", "float"),
        ("base_unit", "str"),
        ("kind", Kind),
        ("comparator", Comparator),
        ("role", Role),
        ("headline", "bool"),
        ("part", Part),
        ("task", "str"),
        ("task_path", "str"),
        ("span_start", "int"),
        ("span_end", "int"),
    ),
    "goals": (
        *_DOC,
        ("id", "int"),
        ("text", "str"),
        ("strength", Strength),
        ("headline", "bool"),
        ("indicators", "list"),
        ("task", "str"),
        ("task_path", "str"),
        ("span_start", "int"),
        ("span_end", "int"),
    ),
    "tasks": (
        *_DOC,
        ("id", "str"),
        ("parent", "str"),
        ("depth", "int"),
        ("label", "str"),
        ("number", "Int"),
        ("heading", "str"),
        ("task_path", "str"),
        ("part", Part),
        ("indicators", "list"),
        ("projects", "list"),
        ("span_start", "int"),
        ("span_end", "int"),
        ("block_start", "int"),
        ("block_end", "int"),
    ),
    "projects": (
        *_DOC,
        ("id", "int"),
        ("name", "str"),
        ("status", ProjectStatus),
        ("investment", "str"),
        ("investment_value", "float"),
        ("investment_unit", "str"),
        ("capacity", "str"),
        ("area", "str"),
        ("companies", "list"),
        ("part", Part),
        ("task", "str"),
        ("task_path", "str"),
        ("span_start", "int"),
        ("span_end", "int"),
    ),
}

#: The column names of each table, in order.
COLUMNS: Final[dict[What, tuple[str, ...]]] = {
    what: tuple(n for n, _ in spec) for what, spec in _SPEC.items()
}

#: How task titles are joined into ``task_path``.
PATH_SEPARATOR: Final = " > "


def columns(what: What) -> tuple[str, ...]:
    """The column names of the ``what`` table, in order."""
    return COLUMNS[_check(what)]


def _check(what: str) -> What:
    if what not in WHAT:
        raise ValueError(f"unknown table {what!r}: choose one of {', '.join(WHAT)}")
    return what


def _enum(value: StrEnum | None) -> str | None:
    return None if value is None else value.value


def _doc(plan: Plan, path: str | None) -> dict[str, Any]:
    return {
        "path": path if path is not None else plan.source,
        "title": plan.title,
        "zone": plan.zone,
        "doc_kind": _enum(plan.kind),
        "year": plan.year,
        "review_period": plan.review_period,
        "published": plan.published,
    }


def _task_index(plan: Plan) -> dict[str, tuple[Task, str | None, int, str]]:
    """Task id → (task, parent id, depth, titles from the root joined)."""
    index: dict[str, tuple[Task, str | None, int, str]] = {}

    def visit(task: Task, parent: str | None, depth: int, titles: tuple[str, ...]) -> None:
        path = (*titles, task.title)
        index[task.id] = (task, parent, depth, PATH_SEPARATOR.join(path))
        for child in task.children:
            visit(child, task.id, depth + 1, path)

    for root in plan.tasks:
        visit(root, None, 1, ())
    return index


def _task_path(index: dict[str, tuple[Task, str | None, int, str]], task: str | None) -> str | None:
    entry = index.get(task) if task is not None else None
    return entry[3] if entry is not None else None


def _indicator_rows(plan: Plan, path: str | None) -> list[dict[str, Any]]:
    doc = _doc(plan, path)
    index = _task_index(plan)
    return [
        {
            **doc,
            "id": ind.id,
            "name": ind.name,
            "text": ind.text,
            "value": ind.value,
            "low": ind.low,
            "high": ind.high,
            "unit": ind.unit,
            "dimension": ind.dimension.value,
            "base_value": ind.base_value,
            "base_unit": ind.base_unit,
            "kind": ind.kind.value,
            "comparator": ind.comparator.value,
            "role": ind.role.value,
            "headline": ind.headline,
            "part": _enum(ind.part),
            "task": ind.task,
            "task_path": _task_path(index, ind.task),
            "span_start": ind.span.start,
            "span_end": ind.span.end,
        }
        for ind in plan.indicators
    ]


def _goal_rows(plan: Plan, path: str | None) -> list[dict[str, Any]]:
    doc = _doc(plan, path)
    index = _task_index(plan)
    return [
        {
            **doc,
            "id": goal.id,
            "text": goal.text,
            "strength": goal.strength.value,
            "headline": goal.headline,
            "indicators": list(goal.indicators),
            "task": goal.task,
            "task_path": _task_path(index, goal.task),
            "span_start": goal.span.start,
            "span_end": goal.span.end,
        }
        for goal in plan.goals
    ]


def _task_rows(plan: Plan, path: str | None) -> list[dict[str, Any]]:
    doc = _doc(plan, path)
    return [
        {
            **doc,
            "id": task.id,
            "parent": parent,
            "depth": depth,
            "label": task.label,
            "number": task.number,
            "heading": task.title,
            "task_path": titles,
            "part": _enum(task.part),
            "indicators": list(task.indicators),
            "projects": list(task.projects),
            "span_start": task.span.start,
            "span_end": task.span.end,
            "block_start": task.block.start,
            "block_end": task.block.end,
        }
        for task, parent, depth, titles in _task_index(plan).values()
    ]


def _project_rows(plan: Plan, path: str | None) -> list[dict[str, Any]]:
    doc = _doc(plan, path)
    index = _task_index(plan)
    out: list[dict[str, Any]] = []
    for project in plan.projects:
        inv = project.investment
        ind = None
        if inv is not None and inv.indicator is not None and 0 <= inv.indicator < len(plan.indicators):
            ind = plan.indicators[inv.indicator]
        out.append(
            {
                **doc,
                "id": project.id,
                "name": project.name,
                "status": _enum(project.status),
                "investment": inv.text if inv is not None else None,
                "investment_value": ind.base_value if ind is not None else None,
                "investment_unit": ind.base_unit if ind is not None else None,
                "capacity": project.capacity.text if project.capacity is not None else None,
                "area": project.area.text if project.area is not None else None,
                "companies": list(project.companies),
                "part": _enum(project.part),
                "task": project.task,
                "task_path": _task_path(index, project.task),
                "span_start": project.span.start,
                "span_end": project.span.end,
            }
        )
    return out


_BUILDERS: Final[dict[What, Callable[[Plan, str | None], list[dict[str, Any]]]]] = {
    "indicators": _indicator_rows,
    "goals": _goal_rows,
    "tasks": _task_rows,
    "projects": _project_rows,
}


def rows(plan: Plan, what: What = "indicators", *, path: str | None = None) -> list[dict[str, Any]]:
    """One dict per indicator, goal, task (depth first) or project, keyed by :func:`columns`.

    Values are plain Python: ``str``, ``int``, ``float``, ``bool``, ``None``,
    :class:`~decimal.Decimal` (``value``, ``low``, ``high``: exact as written),
    :class:`~datetime.date` (``published``) and lists of ids or names. Enums
    are given by their value. ``path`` overrides ``plan.source`` in the
    ``path`` column (the command line uses it for ``<stdin>``).
    """
    return _BUILDERS[_check(what)](plan, path)


def _pandas() -> ModuleType:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "zoneplan's tables (to_frame, goals_frame, ...) need pandas: pip install zoneplan[pandas]"
        ) from exc
    return pandas


def _plans(plans: Plan | Iterable[Plan]) -> list[Plan]:
    return [plans] if isinstance(plans, Plan) else list(plans)


def _float(value: Any) -> float | None:
    if value is None:
        return None
    return float(value) if isinstance(value, Decimal | int | float) else float(str(value))


def _series(pd: ModuleType, values: list[Any], kind: _ColType) -> Any:
    if isinstance(kind, type):
        return pd.Series(pd.Categorical(values, categories=[e.value for e in kind]))
    if kind == "str":
        return pd.Series(values, dtype="string")
    if kind == "int":
        return pd.Series(values, dtype="int64")
    if kind == "Int":
        return pd.Series(values, dtype="Int64")
    if kind == "float":
        return pd.Series([_float(v) for v in values], dtype="float64")
    if kind == "bool":
        return pd.Series(values, dtype="bool")
    if kind == "date":
        stamps = [None if v is None else dt.datetime(v.year, v.month, v.day) for v in values]
        return pd.Series(pd.to_datetime(pd.Series(stamps, dtype="object")), dtype="datetime64[ns]")
    return pd.Series(values, dtype="object")


def frame(plans: Plan | Iterable[Plan], what: What = "indicators") -> pd.DataFrame:
    """The ``what`` table of one plan or many, as a typed :class:`pandas.DataFrame`."""
    spec = _SPEC[_check(what)]
    pd_ = _pandas()
    table: list[dict[str, Any]] = []
    for plan in _plans(plans):
        table.extend(rows(plan, what))
    data = {name: _series(pd_, [row[name] for row in table], kind) for name, kind in spec}
    result: pd.DataFrame = pd_.DataFrame(data, columns=[name for name, _ in spec])
    return result


def to_frame(plans: Plan | Iterable[Plan]) -> pd.DataFrame:
    """The indicators of one plan or many: one row each, with the document's metadata.

    ``value``, ``low``, ``high`` and ``base_value`` are floats (NaN where
    absent); ``dimension``, ``kind``, ``comparator``, ``role``, ``part`` and
    ``doc_kind`` are categoricals over their whole vocabulary, so frames from
    different batches concatenate cleanly.
    """
    return frame(plans, "indicators")


def goals_frame(plans: Plan | Iterable[Plan]) -> pd.DataFrame:
    """The goals of one plan or many; ``indicators`` holds lists of indicator ids."""
    return frame(plans, "goals")


def tasks_frame(plans: Plan | Iterable[Plan]) -> pd.DataFrame:
    """The outline of one plan or many, depth first, with ``depth``, ``parent`` and ``task_path``."""
    return frame(plans, "tasks")


def projects_frame(plans: Plan | Iterable[Plan]) -> pd.DataFrame:
    """The projects of one plan or many, with their investment in base units where known."""
    return frame(plans, "projects")
