"""Quantities: one pint registry with the Chinese units, and the helpers around it.

The registry is built on first use (pint's defaults plus ``data/units.txt``)
and never again; ``import zoneplan`` does not pay for it.

>>> q = quantity("2.65万亩")
>>> round(q.to("hectare").magnitude, 2)
Decimal('1766.67')
>>> format_quantity(quantity("1881.68万美元"))
'1881.68万美元'
>>> quantity("3-5亿元")
QuantityRange(low=<Quantity(300000000, 'yuan')>, high=<Quantity(500000000, 'yuan')>)
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from .errors import ConversionError, QuantityError
from .lexicon import UnitDef, data_text, lexicon
from .numbers import MAGNITUDES, NumberRange, exact, fold_width, parse_number

if TYPE_CHECKING:  # pragma: no cover
    from .model import Indicator

__all__ = [
    "Q_",
    "QuantityRange",
    "base_factor",
    "convert",
    "format_quantity",
    "get_registry",
    "quantity",
    "split_unit",
]


@functools.cache
def get_registry() -> Any:
    """The one pint ``UnitRegistry`` (Decimal magnitudes), built on first call."""
    import pint

    reg = pint.UnitRegistry(non_int_type=Decimal, autoconvert_offset_to_baseunit=True)
    for line in data_text("units.txt").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            reg.define(line)
    return reg


class _LazyRegistry:
    """Stands for the registry until first touched, so importing stays cheap."""

    def __getattr__(self, name: str) -> Any:
        return getattr(get_registry(), name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return get_registry()(*args, **kwargs)

    def __repr__(self) -> str:
        return "<zoneplan unit registry>"


#: The unit registry (``zoneplan.ureg``); ``ureg.Quantity`` is ``Q_``.
ureg: Any = _LazyRegistry()


def Q_(value: Any, unit: str) -> Any:  # noqa: N802 - pint's own name for it
    """A quantity of ``zoneplan.ureg``; numbers are made exact decimals."""
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    return get_registry().Quantity(value, unit)


@attrs.frozen
class QuantityRange:
    """A range of quantities in one unit; either end may be open (None)."""

    low: Any
    high: Any

    def to(self, unit: str) -> QuantityRange:
        """Both ends converted to ``unit``."""
        return QuantityRange(
            low=None if self.low is None else self.low.to(unit),
            high=None if self.high is None else self.high.to(unit),
        )


@functools.cache
def base_factor(pint_unit: str, base: str) -> Decimal:
    """How many ``base`` one ``pint_unit`` is (亩 → m²: 666.67), exactly, via the registry."""
    reg = get_registry()
    return Decimal(reg.Quantity(Decimal(1), pint_unit).to(base).magnitude)


@functools.cache
def _unit_regex() -> re.Pattern[str]:
    mags = "|".join(re.escape(m) for m in sorted(MAGNITUDES, key=len, reverse=True))
    return re.compile(rf"(?P<mag>(?:{mags})*)(?P<unit>{lexicon().unit_pattern()})$")


def split_unit(text: str) -> tuple[str, Decimal, UnitDef]:
    """Split ``2.65万亩`` into the number text, the magnitude multiplier and the unit.

    >>> split_unit("2.65万亩")[:2]
    ('2.65', Decimal('10000'))
    """
    s = fold_width(text.strip()).replace(" ", "")
    m = _unit_regex().search(s)
    if not m or m.start() == 0 and not m.group("mag"):
        raise QuantityError("no unit zoneplan knows", text=text, position=len(s))
    number = s[: m.start()]
    unit = lexicon().units[m.group("unit")]
    mult = Decimal(1)
    mag = m.group("mag")
    while mag:
        for word, value in sorted(MAGNITUDES.items(), key=lambda kv: -len(kv[0])):
            if mag.startswith(word):
                mult *= value
                mag = mag[len(word) :]
                break
    if not number:
        # 千亿元: the last magnitude is the number
        if m.group("mag"):
            number, mult = "1", mult
        else:  # pragma: no cover - excluded above
            raise QuantityError("no number", text=text, position=0)
    return number, mult, unit


_COMPARATOR_WORDS = re.compile(
    r"^(?:不少于|不低于|至少|超过|突破|约|近|大约|接近|不超过|不到|超|逾|达到|达)|(?:以上|以下|以内|左右|上下|多|余)$"
)


def quantity(text: str) -> Any:
    """Read one quantity (``2.65万亩``, ``1881.68万美元``, ``3-5亿元``) as a pint quantity.

    Comparator words around it (约, 以上, 余) are allowed and dropped; a
    range gives a :class:`QuantityRange`. Raises :class:`QuantityError`
    (a ``ValueError``) naming the text and position otherwise.
    """
    s = fold_width(text.strip()).replace(" ", "")
    if not s:
        raise QuantityError("empty quantity", text=text, position=0)
    if s.startswith("百分之"):
        s = s[3:] + "%"
    prev = None
    while prev != s:
        prev = s
        s = _COMPARATOR_WORDS.sub("", s)
    s = s.replace("余", "").replace("多", "")
    number_text, mult, unit = split_unit(s)
    if unit.needs_magnitude and mult == 1:
        raise QuantityError(f"{unit.surface!r} is a unit only after 万 or 亿", text=text, position=0)
    try:
        number = parse_number(number_text)
    except ValueError as exc:
        raise QuantityError(f"not a quantity: {exc}", text=text, position=0) from None
    reg = get_registry()
    if isinstance(number, NumberRange):
        return QuantityRange(
            low=None if number.low is None else reg.Quantity(exact(number.low * mult), unit.pint),
            high=None if number.high is None else reg.Quantity(exact(number.high * mult), unit.pint),
        )
    return reg.Quantity(exact(number * mult), unit.pint)


# Chinese rendering: the unit surface to write for each pint unit.
_CHINESE_UNIT = {
    "yuan": "元",
    "us_dollar": "美元",
    "shimu": "亩",
    "hectare": "公顷",
    "meter ** 2": "平方米",
    "kilometer ** 2": "平方公里",
    "floor_square_meter": "方",
    "tonne": "吨",
    "kilogram": "公斤",
    "tonne / year": "吨/年",
    "meter ** 3": "立方米",
    "kilometer": "公里",
    "meter": "米",
    "percent": "%",
    "percentage_point": "个百分点",
    "hour": "小时",
    "minute": "分钟",
    "day": "天",
    "month": "个月",
    "year": "年",
    "rank_place": "位",
    "item": "个",
}


def format_quantity(q: Any, *, measure_word: str | None = None) -> str:
    """Write a quantity back in Chinese units, choosing 万 or 亿 as a document would.

    >>> format_quantity(Q_("2.65", "hectare"))
    '2.65公顷'
    >>> format_quantity(quantity("260000000000元"))
    '2600亿元'
    """
    unit = _CHINESE_UNIT.get(str(q.units))
    if unit is None:
        raise ConversionError(f"no Chinese name for unit {q.units}", text=str(q))
    if unit == "个" and measure_word:
        unit = measure_word
    value = Decimal(q.magnitude) if not isinstance(q.magnitude, Decimal) else q.magnitude
    mag = ""
    scalable = unit not in {"%", "个百分点", "位", "小时", "分钟", "天", "个月", "年", "方"}
    if scalable and abs(value) >= 10**8:
        value, mag = value / 10**8, "亿"
    elif scalable and abs(value) >= 10**4:
        value, mag = value / 10**4, "万"
    if unit == "方":
        value, mag = value / 10**4, "万"
    return f"{_plain(exact(value))}{mag}{unit}"


def _plain(value: Decimal) -> str:
    return format(value, "f")


def convert(q: Any, unit: str, *, rate: Decimal | float | str | None = None) -> Any:
    """Convert ``q`` to ``unit``; between yuan and US dollars only with ``rate``.

    ``rate`` is yuan per US dollar (e.g. ``7.1``).

    >>> convert(quantity("1.5亿美元"), "亿元", rate="7")
    <Quantity(1050000000, 'yuan')>
    >>> convert(quantity("1.5亿美元"), "yuan")
    Traceback (most recent call last):
    ...
    zoneplan.errors.ConversionError: converting US dollars to yuan needs a rate (yuan per dollar) (in '150000000 us_dollar')
    """
    reg = get_registry()
    target = _target_unit(unit)
    src = str(q.dimensionality)
    dst = str(reg.Quantity(Decimal(1), target).dimensionality)
    currency = {"[currency_cny]": "yuan", "[currency_usd]": "us_dollar"}
    if src != dst and src in currency and dst in currency:
        names = {"[currency_cny]": "yuan", "[currency_usd]": "US dollars"}
        if rate is None:
            raise ConversionError(
                f"converting {names[src]} to {names[dst]} needs a rate (yuan per dollar)", text=str(q)
            )
        r = Decimal(str(rate))
        value = q.to(currency[src]).magnitude
        value = value * r if src == "[currency_usd]" else value / r
        return reg.Quantity(exact(Decimal(value)), currency[dst]).to(target)
    try:
        return q.to(target)
    except Exception as exc:  # pint's DimensionalityError
        raise ConversionError(f"cannot convert to {unit}: {exc}", text=str(q)) from None


def _target_unit(unit: str) -> str:
    """A pint unit expression for ``unit``, which may be Chinese (亿元, 公顷, 万亩)."""
    try:
        _, mult, udef = split_unit(unit)
    except QuantityError:
        return unit
    return udef.pint if mult == 1 else f"{mult} * {udef.pint}"


def indicator_quantity(ind: Indicator) -> Any:
    """The pint quantity of an indicator (a :class:`QuantityRange` for ranges)."""
    udef = lexicon().units.get(_unit_only(ind.unit))
    reg = get_registry()
    if udef is None:
        if ind.base_value is None:
            return None
        return reg.Quantity(Decimal(str(ind.base_value)), ind.base_unit)
    mult = _mult(ind.unit)
    if ind.value is None:
        return QuantityRange(
            low=None if ind.low is None else reg.Quantity(exact(ind.low * mult), udef.pint),
            high=None if ind.high is None else reg.Quantity(exact(ind.high * mult), udef.pint),
        )
    return reg.Quantity(exact(ind.value * mult), udef.pint)


def _unit_only(unit: str) -> str:
    i = 0
    while i < len(unit) and unit[i] in "万亿千百十萬億":
        i += 1
    return unit[i:] or unit


def _mult(unit: str) -> Decimal:
    mult = Decimal(1)
    for ch in unit[: len(unit) - len(_unit_only(unit))]:
        mult *= MAGNITUDES.get(ch, 1)
    return mult
