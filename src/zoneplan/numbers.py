"""Read numbers as Chinese documents write them, exactly, as :class:`~decimal.Decimal`.

Arabic digits (with grouping commas and full-width forms), magnitudes
(``2.65万``, ``1881.68万``, ``千亿``), Chinese numerals (``两``, ``十二``,
``一千二百``, ``二〇二四``, ``两百点两``, financial ``壹贰叁``) and ranges
(``3-5``, ``3～5``, ``3至5``, ``八到九百``).

>>> parse_number("2.65万")
Decimal('26500')
>>> parse_number("一千二百三十四")
Decimal('1234')
>>> parse_number("二〇二四")
Decimal('2024')
>>> parse_number("3～5")
NumberRange(low=Decimal('3'), high=Decimal('5'))
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import attrs

from .errors import NumberError

__all__ = [
    "CN_DIGITS",
    "MAGNITUDES",
    "NumberRange",
    "cn_to_decimal",
    "exact",
    "fold_width",
    "parse_number",
    "read_number",
]

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "俩": 2, "倆": 2,
    "三": 3, "叁": 3, "參": 3, "仨": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_SMALL: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
#: Magnitude words written after a number, longest first (``万亿`` before ``万``).
MAGNITUDES: dict[str, int] = {
    "万亿": 10**12, "萬億": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9,
    "亿": 10**8, "億": 10**8, "千万": 10**7, "百万": 10**6, "十万": 10**5,
    "万": 10**4, "萬": 10**4, "千": 10**3, "百": 10**2,
}  # fmt: skip

CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(_SMALL) + "".join(_BIG)

_FULL = "０１２３４５６７８９．，％－～：；（）"
_HALF = "0123456789.,%-~:;()"
_WIDTH = str.maketrans(_FULL, _HALF)


def fold_width(text: str) -> str:
    """Fold full-width digits and the punctuation numbers use, one char for one.

    >>> fold_width("１２．５％")
    '12.5%'
    """
    return text.translate(_WIDTH)


@attrs.frozen
class NumberRange:
    """A range of numbers: both ends are exact decimals; either may be open (None)."""

    low: Decimal | None
    high: Decimal | None


_ARABIC = re.compile(r"[+-]?\d+(?:,\d{3})*(?:\.\d+)?|[+-]?\.\d+")
_RANGE_SEP = re.compile(r"\s*(?:-|~|—|–|至|到)\s*")


def cn_to_decimal(text: str) -> Decimal:
    """Value of a Chinese numeral (``一千零五``, ``三万五``, ``两百点两``, ``二〇二四``).

    >>> cn_to_decimal("三万五")
    Decimal('35000')
    >>> cn_to_decimal("十二")
    Decimal('12')
    """
    if not text:
        raise NumberError("empty numeral", text=text, position=0)
    integer, _, frac = text.partition("点")
    if frac and not all(ch in CN_DIGITS for ch in frac):
        raise NumberError("bad decimal part", text=text, position=len(integer) + 1)
    value = _cn_integer(integer) if integer else 0
    result = Decimal(value)
    if frac:
        result += Decimal("0." + "".join(str(CN_DIGITS[ch]) for ch in frac))
    return result


def _cn_integer(text: str) -> int:
    # positional digit strings: 二〇二四
    if len(text) > 1 and all(ch in CN_DIGITS for ch in text):
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    total = 0  # parts counted in 亿
    wan = 0  # parts counted in 万
    section = 0  # below 万
    number = 0
    last_unit = 0
    prev_was_unit = False
    prev_digit = False
    for i, ch in enumerate(text):
        if ch in CN_DIGITS:
            number = CN_DIGITS[ch]
            prev_was_unit = False
            prev_digit = CN_DIGITS[ch] != 0
            continue
        if ch in _SMALL:
            unit = _SMALL[ch]
            section += (number if prev_digit else 1) * unit
            number = 0
            last_unit = unit
            prev_was_unit = True
        elif ch in _BIG:
            unit = _BIG[ch]
            if unit == 10**4:
                wan += (section + number) * unit
                section = number = 0
            else:
                total = (total + wan + section + number) * unit
                wan = section = number = 0
            last_unit = unit
            prev_was_unit = True
        else:
            raise NumberError("not a Chinese numeral", text=text, position=i)
        prev_digit = False
    if number and not prev_was_unit and len(text) >= 2 and text[-2] in _SMALL | _BIG and last_unit >= 100:
        number *= last_unit // 10  # 三万五 = 35000, 一千二 = 1200
    return total + wan + section + number


def _arabic(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise NumberError("not a number", text=text, position=0) from exc


def read_number(text: str) -> Decimal:
    """Value of one number: Arabic or Chinese, with an optional magnitude suffix.

    >>> read_number("1881.68万")
    Decimal('18816800')
    >>> read_number("千亿")
    Decimal('100000000000')
    """
    s = fold_width(text.strip()).replace(" ", "")
    if not s:
        raise NumberError("empty number", text=text, position=0)
    m = _ARABIC.match(s)
    if m:
        head = _arabic(m.group())
        rest = s[m.end() :]
        if not rest:
            return exact(head)
        mult, tail = _magnitude(rest, text, m.end())
        return exact(head * mult + tail)
    if s[0] in "+-":
        sign = -1 if s[0] == "-" else 1
        return sign * read_number(s[1:])
    return cn_to_decimal(s)


def _magnitude(rest: str, text: str, position: int) -> tuple[Decimal, Decimal]:
    """Multiplier of a magnitude suffix and any lower-order tail (``万5千`` → 1e4, 5000)."""
    value = 1
    i = 0
    while i < len(rest):
        for word, mult in MAGNITUDES.items():
            if rest.startswith(word, i):
                value *= mult
                i += len(word)
                break
        else:
            if value == 1:
                raise NumberError("unexpected text after number", text=text, position=position + i)
            try:
                return Decimal(value), read_number(rest[i:])
            except NumberError:
                raise NumberError("unexpected text after number", text=text, position=position + i) from None
    return Decimal(value), Decimal(0)


def exact(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation.

    >>> exact(Decimal("26500.00")), exact(Decimal("3.370"))
    (Decimal('26500'), Decimal('3.37'))
    """
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def parse_number(text: str) -> Decimal | NumberRange:
    """Read a number or a range of numbers; raise :class:`NumberError` otherwise.

    A magnitude written only on the high end applies to both (``3-5万`` is
    30000 to 50000), except where the low end is the larger written number
    (``八到九百`` reads 800 to 900).

    >>> parse_number("3-5万")
    NumberRange(low=Decimal('30000'), high=Decimal('50000'))
    >>> parse_number("1,234.5")
    Decimal('1234.5')
    """
    s = fold_width(text.strip()).replace(" ", "")
    if not s:
        raise NumberError("empty number", text=text, position=0)
    parts = _RANGE_SEP.split(s[1:], maxsplit=1) if len(s) > 1 else [s[1:]]
    if len(parts) == 2 and parts[1] != "":
        left, right = s[0] + parts[0], parts[1]
        high = read_number(right)
        low = read_number(left)
        tail = _shared_tail(left, right)
        if tail is not None and low < high / tail:
            low = exact(low * tail)
        return NumberRange(low=low, high=high)
    return read_number(s)


def _shared_tail(left: str, right: str) -> Decimal | None:
    """The magnitude the right end carries and the left end lacks (3-5万 → 1e4)."""
    if any(left.endswith(w) for w in MAGNITUDES):
        return None
    for word, mult in MAGNITUDES.items():
        if right.endswith(word) and len(right) > len(word):
            head = right[: -len(word)]
            if head and (head[-1].isdigit() or head[-1] in CN_DIGITS or head[-1] in _SMALL):
                return Decimal(mult)
    return None
