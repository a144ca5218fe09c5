"""Numbers: properties of the reader, its errors, and the folding it relies on.

The table of readings is in ``test_quantity_table.py``; here Hypothesis checks
that any number written the standard way (Arabic, grouped, Chinese) reads back
exactly, and that anything else fails with :class:`~zoneplan.NumberError` only.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zoneplan
from zoneplan import NumberError, NumberRange, ZoneplanError
from zoneplan.numbers import cn_to_decimal, fold_numerals, fold_width, read_number
from zoneplan.quantities import find_mentions

DIGITS = "零一二三四五六七八九"


def section(n: int, after_higher: bool) -> str:
    """0 < n < 10000 in standard Chinese: one 零 for each run of empty places before a digit."""
    out: list[str] = []
    gap = False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // place % 10
        if d == 0:
            gap = gap or bool(out) or after_higher
            continue
        if gap:
            out.append("零")
        gap = False
        out.append(DIGITS[d] + unit)
    return "".join(out)


def chinese(n: int) -> str:
    """A reference writer of whole numbers in Chinese numerals (亿 and 万 sections)."""
    if n == 0:
        return "零"
    yi, rest = divmod(n, 10**8)
    wan, low = divmod(rest, 10**4)
    out = chinese(yi) + "亿" if yi else ""
    if wan:
        out += section(wan, bool(yi)) + "万"
    elif yi and low >= 1000:
        out += "零"  # the empty 万 section: 一亿零一千
    if low:
        out += section(low, bool(wan) or (bool(yi) and low < 1000))
    return out[1:] if out.startswith("一十") else out  # 十二, not 一十二, at the start


WRITER = [
    pytest.param(10005, "一万零五", id="gap-after-wan"),  # 零 after 万
    pytest.param(100500, "十万零五百", id="gap-before-bai"),  # 零 for the empty 千
    pytest.param(1010, "一千零一十", id="gap-inside"),  # 零 between 千 and 十
    pytest.param(100001000, "一亿零一千", id="gap-wan-section"),  # an empty 万 section
]


@pytest.mark.parametrize(("n", "text"), WRITER)
def test_reference_writer(n: int, text: str) -> None:
    # the writer the property below relies on writes the standard forms
    assert chinese(n) == text


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_chinese_numerals_read_back(n: int) -> None:
    assert zoneplan.parse_number(chinese(n)) == n


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=-(10**15), max_value=10**15, places=8, allow_nan=False, allow_infinity=False))
def test_arabic_decimals_read_back_exactly(d: Decimal) -> None:
    assert zoneplan.parse_number(format(d, "f")) == d


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**15))
def test_grouped_digits_read_back(n: int) -> None:
    assert zoneplan.parse_number(f"{n:,}") == n
    assert zoneplan.parse_number(fold_width(f"{n:,}").replace(",", "，")) == n  # full-width commas


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿", "万亿"]))
def test_magnitudes_multiply(n: int, word: str) -> None:
    mult = {"万": 10**4, "亿": 10**8, "万亿": 10**12}[word]
    assert zoneplan.parse_number(f"{n}{word}") == n * mult
    assert zoneplan.parse_number(chinese(n) + word) == n * mult


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_ranges_keep_their_ends(a: int, b: int) -> None:
    low, high = min(a, b), max(a, b)
    assert zoneplan.parse_number(f"{low}-{high}") == NumberRange(low=Decimal(low), high=Decimal(high))


ALPHABET = (
    "0123456789.,-~零一二两三四五六七八九十百千万亿兆点负几数多余分之又打半至到与和间() 壹陆拾佰萬億%元"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=16))
def test_anything_else_is_a_number_error(text: str) -> None:
    # a result or a NumberError; never another exception
    try:
        result = zoneplan.parse_number(text)
    except NumberError as exc:
        assert isinstance(exc, ValueError) and exc.text == text
        assert exc.position is not None and 0 <= exc.position <= len(text)
    else:
        assert isinstance(result, Decimal | NumberRange)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET + "个家亩年月第级“”“版G%平方米吨", max_size=40))
def test_mentions_index_the_text(text: str) -> None:
    mentions = find_mentions(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start  # in order, never overlapping


ERRORS = [
    pytest.param("一千X", 2, id="stray-letter"),  # points at X
    pytest.param("一 千 X", 4, id="position-in-the-input"),  # spaces are skipped, positions are not
    pytest.param("五十千", 2, id="places-out-of-order"),  # points at 千
    pytest.param("万", 0, id="magnitude-first"),  # points at 万
]


@pytest.mark.parametrize(("text", "position"), ERRORS)
def test_error_positions(text: str, position: int) -> None:
    with pytest.raises(NumberError) as info:
        zoneplan.parse_number(text)
    err = info.value
    assert isinstance(err, ZoneplanError) and isinstance(err, ValueError)
    assert (err.text, err.position) == (text, position)


def test_read_number_refuses_ranges() -> None:
    assert read_number("八百") == 800
    with pytest.raises(NumberError):
        read_number("八九百")


def test_cn_to_decimal_reads_heading_numbers() -> None:
    # the outline numbers its headings with it: 一, 十二, 二十
    assert [cn_to_decimal(s) for s in ("一", "十二", "二十")] == [1, 12, 20]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_folding_is_one_for_one(text: str) -> None:
    # spans found on folded text index the original
    assert len(fold_width(text)) == len(text)
    assert len(fold_numerals(text)) == len(text)
    assert fold_numerals(fold_numerals(text)) == fold_numerals(text)


def test_regression_liangliang() -> None:
    # 两两 (in pairs) was read digit by digit as 22
    with pytest.raises(NumberError):
        zoneplan.parse_number("两两")


def test_regression_zero_alone() -> None:
    # 零点五 needs 零 alone to be 0
    assert zoneplan.parse_number("零") == 0 and zoneplan.parse_number("零点五") == Decimal("0.5")


# --- digits of other scripts -------------------------------------------------------
# The cleaner folds every Unicode decimal digit to its ASCII digit, and the later stages read
# [0-9] only: a figure written in Arabic-Indic, Devanagari or mathematical digits is read as
# one written in 0-9, its surface kept as written.

OTHER_DIGITS = [
    ("\u0663\u0660", "30"),  # Arabic-Indic
    ("\u0967\u0968", "12"),  # Devanagari
    ("\uff18\uff15", "85"),  # full-width
    ("\U0001d7d4.\U0001d7d3", "6.5"),  # mathematical bold, beyond the basic plane
]


def test_every_decimal_digit_is_folded() -> None:
    import sys
    import unicodedata

    from zoneplan.numbers import unicode_digits

    table = unicode_digits()
    for cp in range(0x80, sys.maxunicode + 1):
        value = unicodedata.decimal(chr(cp), -1)
        assert table.get(cp) == (str(value) if value >= 0 else None), hex(cp)


@pytest.mark.parametrize(("written", "ascii"), OTHER_DIGITS)
def test_other_digits_are_read_as_ascii_ones(written: str, ascii: str) -> None:
    doc = f"2025年工作计划\n一、主要目标\n全年实现营业收入{written}亿元,同比增长{written}%。\n"
    plan = zoneplan.parse(doc)
    assert [(i.text, i.value, i.unit) for i in plan.indicators] == [
        (f"{written}亿元", Decimal(ascii), "亿元"),
        (f"{written}%", Decimal(ascii), "%"),
    ]
    assert [i.name for i in plan.indicators] == ["营业收入", "营业收入"]
    assert all(i.span.of(doc) == i.text for i in plan.indicators)


@pytest.mark.parametrize(("written", "ascii"), OTHER_DIGITS)
def test_other_digits_in_text_the_cleaner_never_saw(written: str, ascii: str) -> None:
    text = f"新增用地{written}亩和{written}个项目"
    assert [(m.text, m.value) for m in find_mentions(text)] == [
        (f"{written}亩", Decimal(ascii)),
        (f"{written}个", Decimal(ascii)),
    ]
