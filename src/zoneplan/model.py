"""The public data model: pydantic v2 models, frozen, JSON round-trip, JSON Schema.

``Plan.model_dump(mode="json")`` is the interchange format; every field is
documented in ``docs/model.md``. The vocabularies (:class:`Dimension`,
:class:`Kind`, :class:`Comparator`, :class:`Role`) are the ones of the corpus
GUIDE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, model_validator
from pydantic_core import SchemaValidator

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Comparator",
    "DocKind",
    "Figure",
    "Goal",
    "Indicator",
    "Kind",
    "Part",
    "Plan",
    "Project",
    "ProjectStatus",
    "Role",
    "Span",
    "Strength",
    "Task",
]


def _decimal_json(value: Decimal) -> float | int | str:
    """Decimals go to JSON as numbers when a number keeps every digit, else as strings.

    Integers of any size are exact JSON numbers; a fraction is written as a float when
    the float's shortest repr gives back the same decimal (3.37, 1881.68), and as a
    string otherwise (more digits than a double holds), so nothing is ever rounded.
    """
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return as_float
    return str(value)


#: An exact decimal, written to JSON as a number (or, past a double's precision, a string).
Number = Annotated[
    Decimal,
    PlainSerializer(_decimal_json, return_type=float | int | str, when_used="json"),
]


class Dimension(StrEnum):
    """What a quantity measures (GUIDE: ``dimension``)."""

    CURRENCY_CNY = "currency_cny"
    CURRENCY_USD = "currency_usd"
    AREA = "area"
    MASS = "mass"
    MASS_RATE = "mass_rate"
    VOLUME = "volume"
    LENGTH = "length"
    PERCENT = "percent"
    COUNT = "count"
    DURATION = "duration"
    RANK = "rank"
    OTHER = "other"


class Kind(StrEnum):
    """What sort of figure it is (GUIDE: ``kind``)."""

    LEVEL = "level"
    GROWTH = "growth"
    SHARE = "share"
    COUNT = "count"
    CHANGE = "change"
    RANK = "rank"


class Comparator(StrEnum):
    """How the figure bounds the true value (GUIDE: ``comparator``)."""

    EQ = "eq"
    GE = "ge"
    GT = "gt"
    APPROX = "approx"
    LE = "le"
    LT = "lt"


class Role(StrEnum):
    """Whether a figure is a target, a reported result, or background (GUIDE: ``role``)."""

    TARGET = "target"
    ACTUAL = "actual"
    OTHER = "other"


class Part(StrEnum):
    """The part of the document: the review of a past period or the plan of a coming one."""

    REVIEW = "review"
    PLAN = "plan"


class DocKind(StrEnum):
    """The kind of document (GUIDE: ``meta.kind``)."""

    PLAN = "plan"
    SUMMARY = "summary"
    SUMMARY_AND_PLAN = "summary_and_plan"


class Strength(StrEnum):
    """How strongly a goal is committed to: 力争 (aspiration), 确保 (guarantee), or plain."""

    ASPIRATION = "aspiration"
    GUARANTEE = "guarantee"
    PLAIN = "plain"


class ProjectStatus(StrEnum):
    """Where a project stands, as the text says."""

    PLANNED = "planned"
    SIGNED = "signed"
    NEGOTIATING = "negotiating"
    UNDER_CONSTRUCTION = "under_construction"
    COMPLETED = "completed"


_FROZEN = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Span(BaseModel):
    """Half-open character offsets into the untouched decoded input: ``raw[start:end]``."""

    model_config = _FROZEN

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self

    def of(self, raw: str) -> str:
        """The surface this span covers in ``raw``."""
        return raw[self.start : self.end]


class Indicator(BaseModel):
    """One quantity mentioned in the document, with what it measures and its role."""

    model_config = _FROZEN

    id: int = Field(ge=0, description="Position in Plan.indicators.")
    name: str | None = Field(description="The phrase naming what is measured (规上工业增加值).")
    text: str = Field(description="The number and unit exactly as written, without comparator words.")
    span: Span
    value: Number | None = Field(description="The number as written before its unit; null for a range.")
    low: Number | None = Field(default=None, description="Low end of a range.")
    high: Number | None = Field(default=None, description="High end of a range.")
    unit: str = Field(description="The unit as written, with its magnitude (亿元, 万亩, %, 个).")
    dimension: Dimension
    base_value: float | None = Field(description="Value (low end of a range) in base units.")
    base_unit: str = Field(description="The pint unit base_value is in (yuan, meter ** 2, percent, item...).")
    kind: Kind
    comparator: Comparator = Comparator.EQ
    role: Role = Role.OTHER
    headline: bool = False
    part: Part | None = None
    task: str | None = Field(default=None, description="Id of the innermost task the figure sits in.")
    sentence: Span | None = Field(default=None, description="The sentence the figure sits in.")

    @property
    def quantity(self) -> Any:
        """The value as a pint quantity in its canonical unit (built on demand)."""
        from .units import indicator_quantity

        return indicator_quantity(self)


class Figure(BaseModel):
    """A figure attached to a project (its investment or capacity)."""

    model_config = _FROZEN

    text: str
    span: Span
    indicator: int | None = Field(default=None, description="Id of the Indicator, when it is one.")


class Project(BaseModel):
    """A named project, park or facility the document plans or reports."""

    model_config = _FROZEN

    id: int = Field(ge=0)
    name: str
    span: Span
    investment: Figure | None = None
    capacity: Figure | None = None
    area: Figure | None = None
    status: ProjectStatus | None = None
    companies: list[str] = Field(default_factory=list)
    part: Part | None = None
    task: str | None = None


class Goal(BaseModel):
    """A forward-looking commitment, with the indicators it carries (possibly none)."""

    model_config = _FROZEN

    id: int = Field(ge=0)
    text: str
    span: Span
    strength: Strength = Strength.PLAIN
    headline: bool = False
    indicators: list[int] = Field(default_factory=list, description="Ids of the indicators it carries.")
    task: str | None = None


class Task(BaseModel):
    """A node of the document's outline: a numbered heading and the block it opens."""

    model_config = _FROZEN

    id: str = Field(description="Path in the tree, e.g. '2.3'.")
    label: str | None = Field(description="The numbering as written (一、 (一) 一是 1. 二抓); null if none.")
    number: int | None = Field(default=None, description="The ordinal the label stands for.")
    title: str = Field(description="The heading up to its first 。 ; or line end, without the label.")
    part: Part | None = None
    span: Span = Field(description="The heading, label included.")
    block: Span = Field(description="The heading and everything under it.")
    children: list[Task] = Field(default_factory=list)
    indicators: list[int] = Field(default_factory=list, description="Ids of indicators in the block.")
    projects: list[int] = Field(default_factory=list, description="Ids of projects in the block.")

    def walk(self) -> Iterator[Task]:
        """This task and all below it, depth first."""
        stack = [self]
        while stack:
            task = stack.pop()
            yield task
            stack.extend(reversed(task.children))


class Plan(BaseModel):
    """A parsed work plan or work summary."""

    model_config = _FROZEN

    source: str | None = Field(default=None, description="The path it was read from, if any.")
    title: str | None = None
    zone: str | None = None
    zone_aliases: list[str] = Field(default_factory=list)
    kind: DocKind | None = None
    year: int | None = None
    review_period: str | None = Field(default=None, description="'2018', '2021H1', '2020Q3' or null.")
    published: dt.date | None = None
    doc_number: str | None = None
    indicators: list[Indicator] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    boilerplate: list[Span] = Field(default_factory=list, description="Noise the cleaner removed.")
    length: int = Field(default=0, ge=0, description="Length of the decoded text in characters.")

    def walk_tasks(self) -> Iterator[Task]:
        """Every task, depth first."""
        for task in self.tasks:
            yield from task.walk()

    @property
    def headline_goals(self) -> list[Goal]:
        """The goals of the main-targets paragraph."""
        return [g for g in self.goals if g.headline]

    @property
    def headline_indicators(self) -> list[Indicator]:
        """The figures of the main-targets paragraph or headline-results sentence."""
        return [i for i in self.indicators if i.headline]

    @property
    def targets(self) -> list[Indicator]:
        """Indicators the document commits to."""
        return [i for i in self.indicators if i.role is Role.TARGET]

    @property
    def actuals(self) -> list[Indicator]:
        """Indicators the document reports as achieved."""
        return [i for i in self.indicators if i.role is Role.ACTUAL]

    def indicators_frame(self) -> pd.DataFrame:
        """The indicators as a pandas DataFrame (needs the ``pandas`` extra)."""
        from .frame import to_frame

        return to_frame([self])

    def to_html(self, raw: str | None = None) -> str:
        """A self-contained review page: the text with every figure highlighted."""
        from .review import render_plan

        return render_plan(self, raw)

    def __str__(self) -> str:
        head = self.title or self.zone or "(untitled)"
        bits = [
            f"{head}",
            f"  kind={self.kind.value if self.kind else None} year={self.year} "
            f"review_period={self.review_period} published={self.published}",
            f"  {len(self.indicators)} indicators "
            f"({len(self.targets)} targets, {len(self.actuals)} actuals), "
            f"{len(self.goals)} goals, {sum(1 for _ in self.walk_tasks())} tasks, "
            f"{len(self.projects)} projects",
        ]
        return "\n".join(bits)

    def _repr_html_(self) -> str:
        from .review import summary_html

        return summary_html(self)


# ------------------------------------------------------------ the pipeline's own records
#: The model classes of a Plan, nested or not.
_MODELS: tuple[type[BaseModel], ...] = (Plan, Indicator, Goal, Task, Project, Figure, Span)


#: Keys of a core schema node that hold Python objects, not schema.
_KEPT: Final = frozenset({"cls", "function", "metadata"})


def _without_outside_checks(node: Any) -> Any:
    """A copy of core schema ``node`` without the checks that guard data from outside: unknown
    keys (``extra="forbid"``), the order of a span's ends, ``ge=0`` bounds, the coercion of
    numbers to ``Decimal``. The types, enums and defaults stay."""
    if isinstance(node, list):
        return [_without_outside_checks(v) for v in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") == "function-after" and node["schema"].get("cls") is Span:  # Span._ordered
        node = {**node["schema"], **({"ref": node["ref"]} if "ref" in node else {})}
    out = {k: _without_outside_checks(v) if k not in _KEPT else v for k, v in node.items()}
    kind = out.get("type")
    if kind == "model":
        out["config"] = {**out.get("config", {}), "extra_fields_behavior": "ignore"}
    elif kind == "model-fields":
        out["extra_behavior"] = "ignore"
    elif kind == "int":
        out.pop("ge", None)
    elif kind == "decimal":
        out = {"type": "any"}
    return out


def _records_validator(model: type[BaseModel]) -> SchemaValidator:
    """A validator of a ``model`` (a Plan, a Span) from the records the pipeline builds (``pipeline.py``).

    The pipeline makes every record itself, with exactly the fields, spans from its offset map
    and numbers as Decimals, so the checks for data from outside would only cost time (a
    quarter of the validation). The validator builds the same classes as ``model_validate``
    does; pydantic-core would reuse each class's own validator for its nested models, and does
    not while the classes are marked incomplete (here, at import, before anything else can use
    them). Should a pydantic release refuse the edited schema, the public validator serves.
    """
    try:
        for cls in _MODELS:
            cls.__pydantic_complete__ = False
        return SchemaValidator(_without_outside_checks(model.__pydantic_core_schema__))
    except Exception:  # pragma: no cover - a pydantic that changed its schema format
        return model.__pydantic_validator__  # type: ignore[return-value]
    finally:
        for cls in _MODELS:
            cls.__pydantic_complete__ = True


_RECORDS: Final = _records_validator(Plan)
_SPANS: Final = _records_validator(Span)


def plan_from_records(records: dict[str, Any]) -> Plan:
    """The Plan of the pipeline's records: nested dicts of exactly the models' fields (or, where
    records share one, the model itself: a Span built by :func:`span_of`)."""
    plan: Plan = _RECORDS.validate_python(records)
    return plan


def span_of(start: int, end: int) -> Span:
    """The Span of offsets the pipeline worked out (``start <= end``), for records to share it:
    pydantic-core takes a model in a record as it is, where it builds one per record from a dict."""
    span: Span = _SPANS.validate_python({"start": start, "end": end})
    return span
