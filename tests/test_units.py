"""Units: the one registry, conversions, and writing quantities back in Chinese.

Properties (Hypothesis): writing any quantity in Chinese and reading it back
gives the same quantity, digit for digit; the registry is built once; every
unit of the lexicon converts to the base unit its dimension is reported in.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zoneplan
from zoneplan import Q_, ConversionError, QuantityRange, ZoneplanError, convert, format_quantity, quantity
from zoneplan.lexicon import lexicon
from zoneplan.units import base_factor, get_registry

D = Decimal

# every pint unit zoneplan writes in Chinese (the first lexicon surface of each)
UNITS = [
    "yuan", "us_dollar", "shimu", "hectare", "meter ** 2", "kilometer ** 2", "floor_square_meter",
    "tonne", "kilogram", "gram", "milligram", "microgram", "shijin", "tonne / year", "meter ** 3",
    "kilometer", "meter", "centimeter", "millimeter", "percent", "permille", "permyriad", "ppm",
    "percentage_point", "cheng", "hour", "minute", "day", "month", "year", "rank_place", "item",
]  # fmt: skip

magnitudes = st.decimals(
    min_value=D("-1e13"), max_value=D("1e13"), places=6, allow_nan=False, allow_infinity=False
)


# ------------------------------------------------------------------ round trip


@settings(max_examples=400, deadline=None)
@given(value=magnitudes, unit=st.sampled_from(UNITS))
def test_format_then_read_gives_the_same_quantity(value: Decimal, unit: str) -> None:
    q = Q_(value, unit)
    text = format_quantity(q)
    back = quantity(text)
    assert back == q, text
    assert str(back.units) == str(q.units), text
    assert back.magnitude == q.magnitude  # exact: no float anywhere


@settings(max_examples=100, deadline=None)
@given(
    value=st.decimals(min_value=D("0.1"), max_value=D("9.9"), places=1),
    word=st.sampled_from(["家", "项", "人次"]),
)
def test_measure_words_and_discounts_round_trip(value: Decimal, word: str) -> None:
    # a count keeps its measure word; a discount (折) is written between 0 and 10
    assert quantity(format_quantity(Q_(value * 10, "item"), measure_word=word)) == Q_(value * 10, "item")
    assert quantity(format_quantity(Q_(value, "zhe"))) == Q_(value, "zhe")


TEXT = (
    "0123456789.,-~零一二两三四五六七八九十百千万亿点负几多余分之半至到() 壹萬%"
    + "元美亩吨个成折块钱毛角公米平方年位港约以上人民币含k/"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=TEXT, max_size=14))
def test_quantity_fails_only_with_quantity_error(text: str) -> None:
    # a quantity, a range, or a QuantityError naming the text; never another exception
    try:
        q = quantity(text)
    except zoneplan.QuantityError as exc:
        assert exc.text == text
    else:
        assert isinstance(q, QuantityRange) or isinstance(q.magnitude, Decimal)


WRITTEN = [
    pytest.param(Q_("260000000000", "yuan"), "2600亿元", id="yi"),  # 亿 chosen for 10^8 and up
    pytest.param(Q_("18816800", "us_dollar"), "1881.68万美元", id="wan"),  # 万 for 10^4 and up
    pytest.param(Q_("9999", "yuan"), "9999元", id="below-wan"),  # no magnitude below 10^4
    pytest.param(Q_("3.37", "percent"), "3.37%", id="percent-never-scaled"),  # % keeps its number
    pytest.param(Q_("1600000", "floor_square_meter"), "160万方", id="fang-always-wan"),  # 方 needs 万
    pytest.param(Q_("2.4", "permille"), "千分之2.4", id="prefix-unit"),  # 千分之 before the number
    pytest.param(Q_("2", "percentage_point"), "2个百分点", id="points"),  # 个百分点
    pytest.param(Q_("400000", "tonne / year"), "40万吨/年", id="rate"),  # a rate with 万
    pytest.param(Q_("30000", "year"), "30000年", id="durations-never-scaled"),  # durations keep their number
]


@pytest.mark.parametrize(("q", "text"), WRITTEN)
def test_format_quantity(q: object, text: str) -> None:
    assert format_quantity(q) == text


def test_format_refuses_units_without_a_chinese_name() -> None:
    with pytest.raises(ConversionError):
        format_quantity(Q_(3, "furlong"))
    with pytest.raises(ConversionError):
        format_quantity(Q_(75, "zhe"))  # 75折 would read back as 7.5折


# ------------------------------------------------------------------ conversion


def test_mu_to_hectare() -> None:
    # 15 亩 = 1 公顷 exactly (1 亩 = 10000/15 m²)
    assert math.isclose(convert(quantity("15亩"), "hectare").magnitude, 1, rel_tol=1e-20)
    assert math.isclose(convert(quantity("2.65万亩"), "公顷").magnitude, 26500 / 15, rel_tol=1e-15)


def test_usd_to_cny_needs_a_rate() -> None:
    assert convert(quantity("100万美元"), "元", rate="7.1") == Q_(7100000, "yuan")
    assert convert(quantity("710万元"), "美元", rate=D("7.1")) == Q_(1000000, "us_dollar")
    with pytest.raises(ConversionError) as info:
        convert(quantity("100万美元"), "元")
    assert isinstance(info.value, ValueError) and isinstance(info.value, ZoneplanError)
    assert "rate" in str(info.value)


def test_conversion_errors() -> None:
    with pytest.raises(ConversionError):
        convert(quantity("3亩"), "kilogram")  # area to mass
    with pytest.raises(ConversionError):
        convert(quantity("3美元"), "元", rate=0)  # a rate must be positive


def test_chinese_and_pint_targets() -> None:
    # a Chinese unit, its magnitude form and a pint expression all name the same unit
    q = quantity("3斤")
    assert convert(q, "公斤") == convert(q, "kilogram") == Q_("1.5", "kilogram")
    assert convert(quantity("1.5亿元"), "亿元") == Q_(150000000, "yuan")


def test_ranges_convert_both_ends() -> None:
    r = quantity("15-30亩")
    assert isinstance(r, QuantityRange)
    h = r.to("hectare")
    assert math.isclose(h.low.magnitude, 1) and math.isclose(h.high.magnitude, 2)


# ------------------------------------------------------------------ the registry


def test_registry_is_built_once() -> None:
    reg = get_registry()
    for text in ("3亩", "5万元", "10%", "2个百分点"):
        assert quantity(text)._REGISTRY is reg
    assert get_registry() is reg
    assert get_registry.cache_info().misses == 1
    assert zoneplan.ureg.Quantity is reg.Quantity
    assert Q_(1, "yuan")._REGISTRY is reg


def test_magnitudes_are_decimals() -> None:
    assert isinstance(quantity("3.37%").magnitude, Decimal)
    assert isinstance(Q_(0.1, "yuan").magnitude, Decimal) and Q_(0.1, "yuan").magnitude == D("0.1")


@pytest.mark.parametrize("surface", sorted(lexicon().units))
def test_every_unit_converts_to_its_base(surface: str) -> None:
    # what the pipeline does for each mention: it must never fail (个百分点 once did)
    udef = lexicon().units[surface]
    assert base_factor(udef.pint, udef.base) > 0


BASES = [
    pytest.param("亩", D(10000) / D(15), id="mu-m2"),  # 1 亩 = 666.67 m²
    pytest.param("斤", D("0.0005"), id="jin-tonne"),  # 1 斤 = 0.5 kg
    pytest.param("成", D(10), id="cheng-percent"),  # 1 成 = 10 %
    pytest.param("千分之", D("0.1"), id="permille-percent"),  # 千分之一 = 0.1 %
    pytest.param("个百分点", D(1), id="points-are-points"),  # reported in points
    pytest.param("万分之", D("0.01"), id="permyriad-percent"),  # 万分之一 = 0.01 %
]


@pytest.mark.parametrize(("surface", "factor"), BASES)
def test_base_factors(surface: str, factor: Decimal) -> None:
    udef = lexicon().units[surface]
    assert math.isclose(base_factor(udef.pint, udef.base), factor, rel_tol=1e-20)


# ------------------------------------------------------------------ regressions


def test_regression_percentage_points_parse() -> None:
    # 个百分点 used to crash parse(): its base was percent, a different dimension
    (ind,) = zoneplan.parse("增速比上年提高2个百分点。").indicators
    assert (ind.text, ind.base_value, ind.base_unit) == ("2个百分点", 2.0, "percentage_point")


def test_regression_kilogram_is_not_metres() -> None:
    # a pint name ending in a Latin unit letter (kilogra-m) used to be read as metres
    assert convert(quantity("2公斤"), "kilogram") == Q_(2, "kilogram")


def test_regression_tonne_has_a_chinese_name() -> None:
    # pint calls tonne metric_ton; format_quantity used to refuse it
    assert format_quantity(quantity("2万吨")) == "2万吨"


def test_indicator_quantity() -> None:
    ind = zoneplan.parse("新增用地2.65万亩,引进项目3-5个。").indicators
    assert ind[0].quantity == quantity("2.65万亩")
    assert ind[1].quantity == quantity("3-5个")
