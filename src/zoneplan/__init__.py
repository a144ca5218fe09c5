"""zoneplan: Chinese development-zone work plans and summaries as typed, unit-aware data.

>>> import zoneplan
>>> plan = zoneplan.parse("主要目标是:实到外资1.5亿美元,规上工业增加值增长10%以上。")
>>> [(i.name, i.text, i.base_value) for i in plan.indicators]
[('实到外资', '1.5亿美元', 150000000.0), ('规上工业增加值', '10%', 10.0)]
"""

from __future__ import annotations

from typing import Any

from .compare import Comparison, compare
from .errors import (
    ConversionError,
    DecodeError,
    InputError,
    LexiconError,
    NumberError,
    QuantityError,
    ZoneplanError,
)
from .frame import to_frame
from .model import (
    Comparator,
    Dimension,
    DocKind,
    Figure,
    Goal,
    Indicator,
    Kind,
    Part,
    Plan,
    Project,
    ProjectStatus,
    Role,
    Span,
    Strength,
    Task,
)
from .numbers import NumberRange, parse_number
from .pipeline import parse, read
from .units import Q_, QuantityRange, convert, format_quantity, quantity, ureg

__version__ = "0.1.0"

__all__ = [
    "Q_",
    "Comparator",
    "Comparison",
    "ConversionError",
    "DecodeError",
    "Dimension",
    "DocKind",
    "Figure",
    "Goal",
    "Indicator",
    "InputError",
    "Kind",
    "LexiconError",
    "NumberError",
    "NumberRange",
    "Part",
    "Plan",
    "Project",
    "ProjectStatus",
    "QuantityError",
    "QuantityRange",
    "Role",
    "Span",
    "Strength",
    "Task",
    "ZoneplanError",
    "__version__",
    "compare",
    "convert",
    "format_quantity",
    "parse",
    "parse_number",
    "quantity",
    "read",
    "schema",
    "to_frame",
    "ureg",
]


def schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Plan` (the interchange format)."""
    return Plan.model_json_schema()
