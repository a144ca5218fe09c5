"""Quantities: one pint registry with the Chinese units, and the helpers around it.

The registry is built on first use (pint's defaults plus ``data/units.txt``)
and never again; ``import zoneplan`` does not pay for it. Which Chinese
surface means which pint unit is data too (``data/lexicon.toml``).

>>> q = quantity("2.65万亩")
>>> round(q.to("hectare").magnitude, 2)
Decimal('1766.67')
>>> format_quantity(quantity("1881.68万美元"))
'1881.68万美元'
>>> quantity("3-5亿元")
QuantityRange(low=<Quantity(300000000, 'yuan')>, high=<Quantity(500000000, 'yuan')>)
>>> quantity("约百分之十五")
<Quantity(15, 'percent')>
"""

from __future__ import annotations

import functools
import re
import tomllib
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from .errors import ConversionError, LexiconError, QuantityError
from .lexicon import UnitDef, data_text, lexicon
from .numbers import MAGNITUDES, NumberRange, exact, fold_numerals, parse_number

if TYPE_CHECKING:  # pragma: no cover
    from .model import Indicator

__all__ = [
    "Q_",
    "QuantityRange",
    "base_factor",
    "convert",
    "foreign_currencies",
    "format_quantity",
    "get_registry",
    "is_prefix_unit",
    "quantity",
    "split_unit",
]


@functools.cache
def get_registry() -> Any:
    """The one pint ``UnitRegistry`` (Decimal magnitudes), built on first call."""
    import pint

    try:
        # pint's own cache of its parsed default definitions (in the user's cache folder):
        # a registry in about 20 ms instead of 110 ms; it never changes an answer
        reg: Any = pint.UnitRegistry(
            non_int_type=Decimal, autoconvert_offset_to_baseunit=True, cache_folder=":auto:"
        )
    except Exception:  # an unwritable or broken cache folder: build without it
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


def Q_(value: Any, unit: str) -> Any:
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


# ---------------------------------------------------------------- the unit vocabulary


def is_prefix_unit(surface: str) -> bool:
    """Is ``surface`` written before its number (``百分之五``)? The lexicon's rule: it ends in 分之."""
    return surface.endswith("分之")


@functools.cache
def _units() -> tuple[tuple[str, UnitDef], ...]:
    """Unit surfaces written after the number, longest first; ASCII ones lower-cased."""
    out: dict[str, UnitDef] = {}
    for surface, udef in lexicon().units.items():
        if not is_prefix_unit(surface):
            out[surface.lower() if surface.isascii() else surface] = udef
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))


@functools.cache
def _prefix_units() -> tuple[tuple[str, UnitDef], ...]:
    units = lexicon().units
    return tuple(sorted(((s, u) for s, u in units.items() if is_prefix_unit(s)), key=lambda kv: -len(kv[0])))


def lookup_unit(surface: str) -> UnitDef | None:
    """The unit a surface names (ASCII surfaces in any case), or None."""
    units = lexicon().units
    return units.get(surface) or (units.get(surface.lower()) if surface.isascii() else None)


@functools.cache
def foreign_currencies() -> tuple[str, ...]:
    """Currencies zoneplan does not read (``[foreign_currency]`` in ``lexicon.toml``), longest first."""
    names = tomllib.loads(data_text("lexicon.toml"))["foreign_currency"]["names"]
    if len(set(names)) != len(names):
        raise LexiconError("a foreign currency is listed twice", file="lexicon.toml")
    return tuple(sorted(names, key=len, reverse=True))


@functools.cache
def _trad() -> dict[int, str]:
    return lexicon().traditional


def _normal(text: str) -> str:
    """Width, numeral variants and traditional characters folded; whitespace dropped."""
    s = fold_numerals(text.translate(_trad()))
    return "".join(s.split())


_MAG_RUN: Final = re.compile(r"(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百)+$")
_BIG_TAIL: Final = re.compile(r"(?:万亿|亿|万)+$")


def _split_surface(s: str) -> tuple[str, UnitDef] | None:
    """``s`` (normalised) as the number with its magnitudes and the unit surface after it."""
    low = s.lower()
    for surface, udef in _units():
        if not surface.isascii():
            if s.endswith(surface):
                return s[: len(s) - len(surface)], udef
        elif low.endswith(surface):
            head = s[: len(s) - len(surface)]
            if not (head[-1:].isascii() and head[-1:].isalpha()):  # kilogram does not end in the unit m
                return head, udef
    return None


def split_unit(text: str) -> tuple[str, Decimal, UnitDef]:
    """Split ``2.65万亩`` into the number text, the magnitude multiplier and the unit.

    After Arabic digits every magnitude word is the magnitude (``8千元``); in a
    Chinese numeral only the trailing 万/亿 are (``四百三十万元``, ``千亿元``).

    >>> split_unit("2.65万亩")[:2]
    ('2.65', Decimal('10000'))
    >>> split_unit("四百三十万元")[:2]
    ('四百三十', Decimal('10000'))
    >>> split_unit("千亿元")[:2]
    ('千', Decimal('100000000'))
    """
    split = _split_surface(_normal(text))
    if split is None:
        raise QuantityError("no unit zoneplan knows", text=text, position=len(text))
    number, udef = split
    mult = Decimal(1)
    if number[:1].isdigit():
        m = _MAG_RUN.search(number)
        if m and number[m.start() - 1].isdigit():
            mult, number = _magnitude(m.group()), number[: m.start()]
    else:
        big = _BIG_TAIL.search(number)
        if big is not None:
            mult, number = _magnitude(big.group()), number[: big.start()] or "1"
    return number, mult, udef


def _magnitude(word: str) -> Decimal:
    mult = Decimal(1)
    i = 0
    while i < len(word):
        for mag, value in MAGNITUDES.items():
            if word.startswith(mag, i):
                mult *= value
                i += len(mag)
                break
        else:  # pragma: no cover - the callers pass magnitude runs only
            raise QuantityError("not a magnitude", text=word, position=i)
    return mult


# ---------------------------------------------------------------- reading a quantity


@functools.cache
def _affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    lex = lexicon()
    before = set(lex.comparator_before) | {"人民币", "从", "达到", "达", "为", "大约", "超过了", "高于"}
    after = set(lex.comparator_after) | {"(含)", "整"}
    return tuple(sorted(before, key=len, reverse=True)), tuple(sorted(after, key=len, reverse=True))


def _strip_comparators(s: str) -> str:
    before, after = _affixes()
    prev = None
    while prev != s:
        prev = s
        for word in before:
            if s.startswith(word) and len(s) > len(word):
                s = s[len(word) :]
                break
        for word in after:
            if s.endswith(word) and len(s) > len(word):
                s = s[: -len(word)]
                break
    return s


_SUB: Final = "[0-9一二两三四五六七八九]"
_COMPOUND_CNY: Final = re.compile(
    rf"(?P<main>.+?)(?:元|块|圆)(?:(?P<jiao>{_SUB})[角毛])?(?:(?P<fen>{_SUB})分)?钱?"
)
_COMPOUND_USD: Final = re.compile(rf"(?P<main>.+?)美元又?(?P<cent>{_SUB}{{1,2}})美分")
_TENTHS: Final = re.compile(r"(?P<whole>.+?)成(?P<tenth>[一二三四五六七八九])")
_RANGE_UNIT: Final = r"(?=(?:\(含\))?(?:--|——|—|–|-|~|至|到))"


def quantity(text: str, *, default_unit: str | None = None) -> Any:
    """Read one quantity (``2.65万亩``, ``1881.68万美元``, ``3-5亿元``) as a pint quantity.

    Comparator words around it (约, 以上, 余, (含)) are allowed and dropped; a
    range gives a :class:`QuantityRange`. ``default_unit`` (a surface such as
    ``"元"``) is used when the text names no unit; zoneplan never guesses one.
    Raises :class:`QuantityError` (a ``ValueError``) naming the text otherwise.

    >>> quantity("八折")
    <Quantity(8, 'zhe')>
    >>> quantity("十块三毛")
    <Quantity(10.3, 'yuan')>
    >>> quantity("三百万", default_unit="元")
    <Quantity(3000000, 'yuan')>
    """
    s = _strip_comparators(_normal(text))
    if not s:
        raise QuantityError("empty quantity", text=text, position=0)
    for name in foreign_currencies():
        if name in s:
            message = f"{name} is a currency zoneplan does not read (only 元 and 美元)"
            raise QuantityError(message, text=text, position=max(0, text.find(name[0])))
    try:
        return _quantity(s, text, default_unit)
    except QuantityError:
        raise
    except ValueError as exc:  # NumberError: the number part is not a number
        raise QuantityError(f"not a quantity: {exc}", text=text, position=0) from None


def _quantity(s: str, text: str, default_unit: str | None) -> Any:
    reg = get_registry()
    compound = _compound(s)
    if compound is not None:
        return compound
    if s in ("对折", "打对折"):
        return reg.Quantity(Decimal(5), "zhe")
    if s in ("半成", "半折"):
        return reg.Quantity(Decimal("0.5") if s == "半成" else Decimal(5), "cheng" if s == "半成" else "zhe")
    for surface, udef in _prefix_units():
        if s.startswith(surface) and len(s) > len(surface):
            return _make(parse_number(s[len(surface) :]), Decimal(1), udef)
    half = Decimal(0)
    if s.endswith("半") and len(s) > 2:  # 一吨半, 三成半
        half, s = Decimal("0.5"), s[:-1]
    split = _split_surface(s)
    if split is None:
        if default_unit is None:
            raise QuantityError("no unit zoneplan knows", text=text, position=len(text))
        default = lookup_unit(default_unit)
        if default is None:
            raise QuantityError(f"unknown default unit {default_unit!r}", text=text, position=0)
        return _make(parse_number(s), Decimal(1), default)
    number_text, udef = split
    if udef.count and half:
        raise QuantityError("半 after a measure word", text=text, position=len(text) - 1)
    if not number_text:
        raise QuantityError("no number", text=text, position=0)
    if udef.needs_magnitude and not _BIG_TAIL.search(number_text):
        raise QuantityError(f"{udef.surface!r} is a unit only after 万 or 亿", text=text, position=0)
    if number_text in ("万", "亿", "万亿"):  # 亿元(以上): one of the magnitude
        number_text = "一" + number_text
    # the unit written on both ends of a range: 1万元-5万元
    number_text = re.sub(re.escape(udef.surface) + _RANGE_UNIT, "", number_text)
    if udef.pint == "zhe":
        return _make(_discount(number_text, text) + half, Decimal(1), udef)
    number = parse_number(number_text)
    if half:
        if isinstance(number, NumberRange):
            raise QuantityError("半 after a range", text=text, position=len(text) - 1)
        number += half
    return _make(number, Decimal(1), udef)


def _compound(s: str) -> Any:
    """``五元三毛``, ``123元1角1分``, ``两美元又三美分``: the main unit plus its tenths and hundredths."""
    reg = get_registry()
    m = _COMPOUND_CNY.fullmatch(s)
    if m and (m.group("jiao") or m.group("fen")):
        value = Decimal(parse_number(m.group("main")))  # type: ignore[arg-type]
        for group, scale in (("jiao", Decimal("0.1")), ("fen", Decimal("0.01"))):
            if m.group(group):
                value += Decimal(parse_number(m.group(group))) * scale  # type: ignore[arg-type]
        return reg.Quantity(exact(value), "yuan")
    m = _COMPOUND_USD.fullmatch(s)
    if m:
        main = parse_number(m.group("main"))
        cents = parse_number(m.group("cent"))
        if isinstance(main, Decimal) and isinstance(cents, Decimal):
            return reg.Quantity(exact(main + cents / 100), "us_dollar")
    m = _TENTHS.fullmatch(s)
    if m:  # 七成六 = 7.6成: the tenth is written after 成
        whole = parse_number(m.group("whole"))
        if isinstance(whole, Decimal):
            return reg.Quantity(
                exact(whole + Decimal(m.group("tenth").translate(_CN_TO_ASCII)) / 10), "cheng"
            )
    return None


_CN_TO_ASCII: Final = str.maketrans("一二三四五六七八九", "123456789")


def _discount(number_text: str, text: str) -> Decimal:
    """折 counts tenths of the price: ``八折`` 8, ``75折`` and ``七五折`` 7.5, ``九九折`` 9.9."""
    digits = number_text.translate(_CN_TO_ASCII)
    if len(digits) == 2 and digits.isdigit() and digits[1] != "0":
        return Decimal(digits) / 10
    value = parse_number(number_text)
    if isinstance(value, NumberRange) or not 0 < value < 10:
        raise QuantityError("a discount (折) is written between 0 and 10", text=text, position=0)
    return value


def _make(number: Decimal | NumberRange, mult: Decimal, udef: UnitDef) -> Any:
    reg = get_registry()
    if isinstance(number, NumberRange):
        return QuantityRange(
            low=None if number.low is None else reg.Quantity(exact(number.low * mult), udef.pint),
            high=None if number.high is None else reg.Quantity(exact(number.high * mult), udef.pint),
        )
    return reg.Quantity(exact(number * mult), udef.pint)


# ---------------------------------------------------------------- writing a quantity

# units written with 万/亿 in front when large (money, areas, masses, counts...)
_UNSCALED_DIMENSIONS: Final = {"percent", "duration", "rank"}


@functools.cache
def _chinese_names() -> dict[str, tuple[str, UnitDef]]:
    """pint's canonical unit name → the first lexicon surface for it (how zoneplan writes it)."""
    reg = get_registry()
    out: dict[str, tuple[str, UnitDef]] = {}
    for surface, udef in lexicon().units.items():
        key = str(reg.Quantity(Decimal(1), udef.pint).units)
        out.setdefault(key, (surface, udef))
    return out


def format_quantity(q: Any, *, measure_word: str | None = None) -> str:
    """Write a quantity back in Chinese units, choosing 万 or 亿 as a document would.

    >>> format_quantity(Q_("2.65", "hectare"))
    '2.65公顷'
    >>> format_quantity(quantity("260000000000元"))
    '2600亿元'
    >>> format_quantity(quantity("千分之2.4"))
    '千分之2.4'
    """
    named = _chinese_names().get(str(q.units))
    if named is None:
        raise ConversionError(f"no Chinese name for unit {q.units}", text=str(q))
    unit, udef = named
    if udef.count and measure_word:
        unit = measure_word
    value = q.magnitude if isinstance(q.magnitude, Decimal) else Decimal(str(q.magnitude))
    if is_prefix_unit(unit):
        return f"{unit}{_plain(exact(value))}"
    if udef.pint == "zhe" and not 0 < value < 10:
        raise ConversionError("a discount (折) is written between 0 and 10", text=str(q))
    mag = ""
    scalable = udef.dimension not in _UNSCALED_DIMENSIONS
    if udef.needs_magnitude:
        value, mag = value / 10**4, "万"
    elif scalable and abs(value) >= 10**8:
        value, mag = value / 10**8, "亿"
    elif scalable and abs(value) >= 10**4:
        value, mag = value / 10**4, "万"
    return f"{_plain(exact(value))}{mag}{unit}"


def _plain(value: Decimal) -> str:
    return format(value, "f")


# ---------------------------------------------------------------- converting


def convert(q: Any, unit: str, *, rate: Decimal | float | str | None = None) -> Any:
    """Convert ``q`` to ``unit``; between yuan and US dollars only with ``rate``.

    ``rate`` is yuan per US dollar (e.g. ``7.1``).

    >>> convert(quantity("1.5亿美元"), "亿元", rate="7")
    <Quantity(1050000000, 'yuan')>
    >>> convert(quantity("1.5亿美元"), "yuan")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    zoneplan.errors.ConversionError: converting US dollars to yuan needs a rate (yuan per dollar) ...
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
        if r <= 0:
            raise ConversionError(f"a rate must be positive, not {rate}", text=str(q))
        value = q.to(currency[src]).magnitude
        value = value * r if src == "[currency_usd]" else value / r
        return reg.Quantity(exact(Decimal(value)), currency[dst]).to(target)
    try:
        return q.to(target)
    except Exception as exc:  # pint's DimensionalityError
        raise ConversionError(f"cannot convert to {unit}: {exc}", text=str(q)) from None


def _target_unit(unit: str) -> str:
    """A pint unit for ``unit``, which may be Chinese (亿元, 公顷, 万亩).

    A magnitude in ``unit`` (亿元) names the unit only: values stay in whole units.
    """
    udef = lookup_unit(unit)
    if udef is not None:
        return udef.pint
    if unit.isascii():  # a pint unit expression (hectare, kilogram, meter ** 2)
        return unit
    try:
        _, _, udef = split_unit(unit)
    except QuantityError:
        return unit
    return udef.pint


def indicator_quantity(ind: Indicator) -> Any:
    """The pint quantity of an indicator (a :class:`QuantityRange` for ranges)."""
    reg = get_registry()
    udef: UnitDef | None
    mult = Decimal(1)
    udef = lookup_unit(ind.unit)
    if udef is None:
        try:
            _, mult, udef = split_unit(ind.unit)
        except QuantityError:
            udef = None
    if udef is None:
        if ind.base_value is None:
            return None
        return reg.Quantity(Decimal(str(ind.base_value)), ind.base_unit)
    number: Decimal | NumberRange = (
        ind.value if ind.value is not None else NumberRange(low=ind.low, high=ind.high)
    )
    return _make(number, mult, udef)
