"""Read numbers as Chinese documents write them, exactly, as :class:`~decimal.Decimal`.

Arabic digits (grouping commas, full-width forms, ``.5``), magnitudes
(``2.65万``, ``1881.68万``, ``千亿``, ``10万万``), Chinese numerals (``两``,
``十二``, ``一千二``, ``二〇二四``, ``两千万点五五``, financial ``壹贰叁``,
traditional ``億萬兩``), fractions (``三分之一``, ``一又二分之一``), signs
(``负``, ``-``) and ranges: ``3-5万``, ``3～5``, ``八到九百``, consecutive
numerals (``八九亿``, ``三五百``) and vague digits (``十几``, ``几十万``,
``数十亿``). ``余``/``多`` are comparators (more than): the number keeps the
value written (``十余万`` is 100000), as the corpus GUIDE reads ``8000余人次``.
See ``docs/conventions.md`` for where these readings differ from other tools.

>>> parse_number("2.65万")
Decimal('26500')
>>> parse_number("一千二百三十四")
Decimal('1234')
>>> parse_number("二〇二四")
Decimal('2024')
>>> parse_number("3～5")
NumberRange(low=Decimal('3'), high=Decimal('5'))
>>> parse_number("八九亿")
NumberRange(low=Decimal('800000000'), high=Decimal('900000000'))
>>> parse_number("十几万")
NumberRange(low=Decimal('100000'), high=Decimal('200000'))
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal
from typing import Final

import attrs

from .errors import NumberError

__all__ = [
    "ASTRAL",
    "CN_DIGITS",
    "CN_NUMERAL_CHARS",
    "MAGNITUDES",
    "NUMERAL_VARIANTS",
    "NumberRange",
    "cn_to_decimal",
    "exact",
    "fold_class",
    "fold_numerals",
    "fold_width",
    "parse_number",
    "read_number",
    "unicode_digits",
]

#: Chinese digits (ordinary, financial, traditional, colloquial) and their values.
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

#: Every character that can be part of a Chinese numeral (digits and place words).
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(_SMALL) + "".join(_BIG)

# One character for one, so that positions never move: full-width forms and the
# punctuation numbers use, and every numeral variant folded to its plain form.
_FULL: Final = "０１２３４５６７８９．，％－～：；（）＋−"
_HALF: Final = "0123456789.,%-~:;()+-"
_WIDTH: Final = str.maketrans(_FULL, _HALF)
_VARIANTS: Final = "壹幺貳贰兩倆參叁仨肆伍陸陆柒捌玖拾佰仟萬億點負幾○Ｏ"
_PLAIN: Final = "一一二二两俩三三三四五六六七八九十百千万亿点负几〇〇"
_NUMERAL_FOLD: Final = str.maketrans(_FULL + _VARIANTS, _HALF + _PLAIN)
#: Every character :func:`fold_numerals` changes.
NUMERAL_VARIANTS = _FULL + _VARIANTS

_DIGIT: dict[str, int] = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
                          "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_UNIT: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
_BIG_PLAIN: tuple[tuple[str, int], ...] = (("兆", 10**12), ("亿", 10**8), ("万", 10**4))

_ARABIC: Final = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
#: A plain Arabic number (ASCII digits, maybe a decimal point): read by Decimal directly.
_PLAIN_ARABIC: Final = re.compile(r"[0-9]+(?:\.[0-9]+)?")
#: Numbers up to this long are cached (the same numerals recur through a document).
_CACHED_LEN: Final = 12
# range signs: a dash (one or two, any width), a tilde, 至 or 到
_RANGE_SEP: Final = re.compile(r"--|——|—|–|-|~|〜|至|到")
_BETWEEN: Final = re.compile(r"(?P<a>.+?)(?:与|和|至|到)(?P<b>.+?)(?:之间|间)")
_CONSECUTIVE: Final = re.compile(
    r"(?<![一二两三四五六七八九〇零])([一二两三四五六七八九])([二三四五六七八九])(?=[十百千万亿]|$)"
)


#: A character beyond Unicode's basic plane (a mathematical digit 𝟑): rare, and slow to look for
#: in a large regex character class, so the folds find such text first, with this.
ASTRAL: Final = re.compile("[\U00010000-\U0010ffff]")


def fold_class(table: dict[int, int | str] | dict[int, str]) -> str:
    """A regex character class of the characters ``table`` folds, those of the basic plane only
    (the class is then a bitmap, checked in one step; text with others, :data:`ASTRAL`, is
    translated whole)."""
    return "[" + "".join(re.escape(chr(cp)) for cp in sorted(table) if cp <= 0xFFFF) + "]"


#: Unicode's decimal digits all lie in its first two planes (the basic and supplementary multilingual).
_PLANES_WITH_DIGITS: Final = 0x20000


@functools.cache
def unicode_digits() -> dict[int, str]:
    """Every decimal digit of Unicode but 0-9 (Arabic-Indic ٣, Devanagari ३, full-width ３,
    mathematical 𝟑 …) mapped to its ASCII digit: the cleaner folds them all, so the patterns
    of the later stages read ``[0-9]``, which the regex engine checks faster than ``\\d``.

    >>> "".join(unicode_digits().get(ord(c), c) for c in "٣٠亿元")
    '30亿元'
    """
    return {
        cp: str(value)
        for cp in range(0x80, _PLANES_WITH_DIGITS)
        if (value := unicodedata.decimal(chr(cp), -1)) >= 0
    }


def fold_width(text: str) -> str:
    """Fold full-width digits and the punctuation numbers use, one char for one.

    >>> fold_width("１２．５％")
    '12.5%'
    """
    return text.translate(_WIDTH)


def fold_numerals(text: str) -> str:
    """:func:`fold_width`, and every numeral variant (financial 壹, traditional 萬, 點, 負) to its plain form.

    One character for one, so offsets into the result are offsets into ``text``.

    >>> fold_numerals("壹萬兩千點伍")
    '一万两千点五'
    """
    return text.translate(_NUMERAL_FOLD)


@attrs.frozen
class NumberRange:
    """A range of numbers: both ends are exact decimals; either may be open (None)."""

    low: Decimal | None
    high: Decimal | None


class _TooManyDigits(NumberError):
    """Internal: the value needs more digits than a decimal holds exactly (28): 10^28 and up."""

    def __init__(self, text: str) -> None:
        super().__init__("more digits than a decimal holds exactly", text=text, position=0)


class _Fail(Exception):
    """Internal: why and where (an offset into the normalised text) reading failed."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


class _Text:
    """The normalised text of a number (folded, spaces removed) and the way back to the input."""

    def __init__(self, text: str) -> None:
        folded = fold_numerals(text)
        self.original = text
        self.folded = folded
        self.s = "".join(folded.split())  # str.split() splits at exactly the str.isspace() characters

    def error(self, fail: _Fail) -> NumberError:
        keep = [i for i, ch in enumerate(self.folded) if not ch.isspace()]  # only needed here
        pos = keep[fail.position] if fail.position < len(keep) else len(self.original)
        return NumberError(fail.message, text=self.original, position=pos)


def exact(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation.

    >>> exact(Decimal("26500.00")), exact(Decimal("3.370"))
    (Decimal('26500'), Decimal('3.37'))
    """
    if value == value.to_integral_value():
        return value.quantize(_WHOLE)
    return value.normalize()


_WHOLE: Final = Decimal(1)  # quantizing to it: a whole number without exponent


# ---------------------------------------------------------------- one exact value


def _value(s: str, base: int = 0) -> Decimal:
    """Value of one number in normalised text ``s``; ``base`` is its offset (for errors)."""
    if not s:
        raise _Fail("empty number", base)
    if s[0] in "负-+":
        if len(s) > 1 and s[1] in "负-+":
            raise _Fail("two signs", base + 1)
        value = _value(s[1:], base + 1)
        return -value if s[0] != "+" else value
    if "又" in s:  # a mixed number: 三又三分之一
        i = s.index("又")
        if "分之" not in s[i:]:
            raise _Fail("又 must be followed by a fraction", base + i)
        return _value(s[:i], base) + _value(s[i + 1 :], base + i + 1)
    if "分之" in s:  # a fraction: denominator 分之 numerator
        i = s.index("分之")
        den = _value(s[:i], base)
        num = _value(s[i + 2 :], base + i + 2)
        if den == 0:
            raise _Fail("a fraction over zero", base)
        return num / den
    if s.endswith("打") and len(s) > 1:  # dozens: 五十打
        return _value(s[:-1], base) * 12
    if s[0] == "半" and s[1:] in _UNIT | {"万": 1, "亿": 1}:  # 半百 = 50
        return Decimal(_integer(s[1:], base + 1)) / 2
    if _ARABIC.fullmatch(s):
        return Decimal(s.replace(",", ""))
    if "点" in s:
        return _decimal(s, base)
    return _integer(s, base)


def _decimal(s: str, base: int) -> Decimal:
    """``两千三点一``, ``两千万点五五四四`` (the decimals are units), ``两点五亿`` (a magnitude follows)."""
    i = s.index("点")
    head, tail = s[:i], s[i + 1 :]
    if not head:
        raise _Fail("a decimal point needs a number before it", base)
    j = 0
    while j < len(tail) and tail[j] in _DIGIT and tail[j] not in "两俩":
        j += 1
    if j == 0:
        raise _Fail("a decimal point needs digits after it", base + i + 1)
    frac = Decimal("0." + "".join(str(_DIGIT[ch]) for ch in tail[:j]))
    rest = tail[j:]
    whole = _integer(head, base)
    if not rest:
        return whole + frac
    mult = _trailing_magnitude(rest)
    if mult is None or any(ch in _UNIT or ch in "万亿兆" for ch in head):
        raise _Fail("unexpected text after the decimals", base + i + 1 + j)
    return (whole + frac) * mult


def _trailing_magnitude(rest: str) -> int | None:
    """The multiplier of a run of magnitude words (``万``, ``亿``, ``千万``, ``万亿``), else None."""
    value = 1
    for ch in rest:
        if ch in _UNIT:
            value *= _UNIT[ch]
        elif ch in ("万", "亿"):
            value *= 10**4 if ch == "万" else 10**8
        else:
            return None
    return value if rest else None


def _integer(s: str, base: int) -> Decimal:
    """Whole numbers with place words, split at the largest magnitude word (亿 before 万)."""
    if len(s) > 1 and all(ch in _DIGIT for ch in s):
        return Decimal(_positional(s, base))
    for word, mult in _BIG_PLAIN:  # noqa: B007 - the loop finds the word and its multiplier
        i = s.rfind(word)
        if i >= 0:
            break
    else:
        return _section(s, base)
    left, right = s[:i], s[i + 1 :]
    if not left:
        raise _Fail(f"{word} needs a number before it", base + i)
    if word == "兆" and "亿" not in right:
        # 兆 is 10^6 as a unit prefix in mainland usage (兆瓦), 10^12 as a numeral elsewhere;
        # only the numeral reading fits when a 亿 section follows.
        raise _Fail("兆 is ambiguous (10^6 or 10^12) unless a 亿 section follows", base + i)
    high = _integer(left, base)
    if not right:
        low = Decimal(0)
    elif right[0] in "零〇":
        low = _integer(right[1:], base + i + 2) if len(right) > 1 else Decimal(0)
    elif len(right) == 1 and right in _DIGIT:  # 一万三 = 13000: a lone digit counts in the next place down
        low = Decimal(_DIGIT[right] * mult // 10)
    elif len(right) == 1 and right.isdigit():
        low = Decimal(int(right) * mult // 10)
    else:
        low = _integer(right, base + i + 1)
    if low >= mult:
        raise _Fail(f"the part after {word} is not smaller than it", base + i + 1)
    return high * mult + low


def _positional(s: str, base: int) -> int:
    """``二〇二四``, ``一九九一``: digit by digit. 两 is never written this way."""
    if len(s) < 3 and not any(ch in "〇零" for ch in s):
        raise _Fail("two digits in a row are not a number", base)
    for k, ch in enumerate(s):
        if ch in "两俩":
            raise _Fail("两 is not a positional digit", base + k)
    return int("".join(str(_DIGIT[ch]) for ch in s))


def _section(s: str, base: int) -> Decimal:
    """A number below 万: digits (Chinese or Arabic) with 十/百/千 and 零."""
    total = Decimal(0)
    pending: Decimal | None = None
    pending_single = False
    zero = False
    last_unit = 0
    i = 0
    while i < len(s):
        ch = s[i]
        m = _ARABIC.match(s, i)
        if m:
            if pending is not None:
                raise _Fail("two numbers in a row", base + i)
            pending = Decimal(m.group().replace(",", ""))
            pending_single = len(m.group()) == 1
            i = m.end()
            continue
        if ch in "零〇":
            if pending is not None:
                raise _Fail("零 after a digit", base + i)
            zero = True
        elif ch in _DIGIT:
            if pending is not None:
                raise _Fail("two digits in a row", base + i)
            pending = Decimal(_DIGIT[ch])
            pending_single = True
        elif ch in _UNIT:
            unit = _UNIT[ch]
            if last_unit and unit >= last_unit:
                raise _Fail(f"{ch} after a smaller or equal place", base + i)
            total += (pending if pending is not None else 1) * unit
            pending = None
            last_unit = unit
            zero = False
        else:
            raise _Fail("not a number", base + i)
        i += 1
    if pending is not None:
        if pending_single and not zero and last_unit >= 100:
            pending *= last_unit // 10  # 一千二 = 1200, 百三 = 130
        elif last_unit and pending >= last_unit:
            raise _Fail("a number after a place word is too large", base + len(s) - 1)
        total += pending
    return total


# ---------------------------------------------------------------- vague amounts and ranges


def _vague(s: str, base: int) -> Decimal | NumberRange:
    """One end: a value, or a range for 几/数 (``十几`` 10–20) and consecutive digits (``八九亿``)."""
    s2 = s.replace("余", "").replace("多", "")  # comparators: the value written stays
    if not s2:
        raise _Fail("empty number", base)
    sign = ""
    if s2[0] in "负-+":
        sign, s2 = s2[0], s2[1:]
        base += 1
    if s2.startswith("数"):
        s2 = "几" + s2[1:]
    if "几" in s2:
        return _few(sign, s2, base)
    m = _CONSECUTIVE.search(s2)
    if m:
        a, b = int(_DIGIT[m.group(1)]), int(_DIGIT[m.group(2)])
        if b == a + 1 or (a, b) == (3, 5):
            low = _value(sign + s2[: m.start()] + m.group(1) + s2[m.end() :], base)
            high = _value(sign + s2[: m.start()] + m.group(2) + s2[m.end() :], base)
            return NumberRange(low=exact(min(low, high)), high=exact(max(low, high)))
    return exact(_value(sign + s2, base))


def _few(sign: str, s: str, base: int) -> NumberRange:
    """几 stands for an unknown digit: ``几十万`` 10万–100万, ``十几`` 10–20, ``二十几万`` 20万–30万."""
    i = s.index("几")
    if s.count("几") > 1 or s == "几":
        raise _Fail("几 needs a place or a number", base + i)
    one = _value(s[:i] + "一" + s[i + 1 :], base)
    two = _value(s[:i] + "二" + s[i + 1 :], base)
    place = two - one
    if place <= 0:
        raise _Fail("cannot place 几", base + i)
    if i == 0:  # leading: one to ten of that place
        low, high = one, place * 10
    else:  # inside: zero to ten of that place
        low = one - place
        high = low + place * 10
    if sign == "负" or sign == "-":
        low, high = -high, -low
    return NumberRange(low=exact(low), high=exact(high))


def _range(s: str) -> NumberRange | None:
    """Split ``s`` at a range sign; None when it is one number."""
    between = _BETWEEN.fullmatch(s)
    if between:
        return _ends(between.group("a"), between.group("b"), 0, between.start("b"))
    for m in _RANGE_SEP.finditer(s, 1):
        if m.start() > 0 and s[m.start() - 1] in "负-+~":
            continue
        left, right = s[: m.start()], s[m.end() :]
        if right:
            if left.startswith("从"):
                return _ends(left[1:], right, 1, m.end())
            return _ends(left, right, 0, m.end())
    return None


def _ends(left: str, right: str, lbase: int, rbase: int) -> NumberRange:
    left = left.replace("(含)", "")
    hi = _vague(right, rbase)
    lo = _vague(left, lbase)
    high = hi.high if isinstance(hi, NumberRange) else hi
    low = lo.low if isinstance(lo, NumberRange) else lo
    if low is None or high is None:
        raise _Fail("an open end in a written range", lbase)
    low = _carry(left, right, low, high)
    return NumberRange(low=exact(low), high=exact(high))


def _carry(left: str, right: str, low: Decimal, high: Decimal) -> Decimal:
    """Carry the right end's magnitude to a left end written without it.

    ``3-5万`` is 3万–5万, ``八到九百`` 800–900, ``一千到两千万`` 1000万–2000万;
    ``8500到3万`` stays 8500 (carrying would pass the right end).
    """
    if any(ch in "万亿兆" for ch in left):
        return low
    k = len(right)
    while k > 0 and (right[k - 1] in _UNIT or right[k - 1] in "万亿"):
        k -= 1
    chain = right[k:]
    if not chain or k == 0:
        return low
    bare = not any(ch in _UNIT for ch in left)
    candidates: list[int] = []
    full = _trailing_magnitude(chain)
    if bare and full is not None:
        candidates.append(full)
    big = chain.lstrip("十百千")
    if big:
        mult = _trailing_magnitude(big)
        if mult is not None:
            candidates.append(mult)
    for mult in candidates:
        if abs(low * mult) <= abs(high):
            return low * mult
    return low


# ---------------------------------------------------------------- public readers


def _normal(text: str) -> _Text:
    t = _Text(text)
    if not t.s:
        raise NumberError("empty number", text=text, position=0)
    return t


def cn_to_decimal(text: str) -> Decimal:
    """Value of a Chinese numeral (``一千零五``, ``三万五``, ``两百点两``, ``二〇二四``).

    >>> cn_to_decimal("三万五")
    Decimal('35000')
    >>> cn_to_decimal("十二")
    Decimal('12')
    """
    return read_number(text)


# Short numbers are read once and then cached: headings number 一 to 十 over and over, and
# magnitudes (一万, 一亿) come with almost every amount. Values are immutable, so sharing them is
# safe; errors are not cached (they are raised again each time). Like every reading here, the
# value is computed in the decimal context current at its first reading (zoneplan never
# changes the default one).


@functools.lru_cache(maxsize=2048)
def _read_cached(text: str) -> Decimal:
    return _read(text)


@functools.lru_cache(maxsize=2048)
def _parse_cached(text: str) -> Decimal | NumberRange:
    return _parse(text)


def read_number(text: str) -> Decimal:
    """Value of one number: Arabic or Chinese, with magnitudes, signs and fractions.

    >>> read_number("1881.68万")
    Decimal('18816800')
    >>> read_number("千亿")
    Decimal('100000000000')
    >>> read_number("负三分之一").quantize(Decimal("0.0001"))
    Decimal('-0.3333')
    """
    try:
        return _read_cached(text) if len(text) <= _CACHED_LEN else _read(text)
    except ArithmeticError:  # decimal.InvalidOperation from exact(): the value is too large
        raise _TooManyDigits(text) from None


def _read(text: str) -> Decimal:
    t = _normal(text)
    try:
        value = _vague(t.s, 0)
    except _Fail as fail:
        raise t.error(fail) from None
    if isinstance(value, NumberRange):
        raise NumberError("a range, not one number", text=text, position=0)
    return value


def parse_number(text: str) -> Decimal | NumberRange:
    """Read a number or a range of numbers; raise :class:`NumberError` otherwise.

    A magnitude written only on the high end applies to both (``3-5万`` is
    30000 to 50000) as long as the low end stays below the high one
    (``八到九百`` reads 800 to 900, ``8500到3万`` keeps 8500).

    >>> parse_number("3-5万")
    NumberRange(low=Decimal('30000'), high=Decimal('50000'))
    >>> parse_number("1,234.5")
    Decimal('1234.5')
    >>> parse_number("五百余万")
    Decimal('5000000')
    """
    try:
        if len(text) <= 28 and text.isascii() and text.isdigit():
            return Decimal(text)  # a whole number in digits, within the context's precision: exact
        if _PLAIN_ARABIC.fullmatch(text):  # the common case, and what every path below gives it
            return exact(Decimal(text))
        return _parse_cached(text) if len(text) <= _CACHED_LEN else _parse(text)
    except ArithmeticError:  # decimal.InvalidOperation from exact(): the value is too large
        raise _TooManyDigits(text) from None


def _parse(text: str) -> Decimal | NumberRange:
    t = _normal(text)
    s = t.s
    try:
        if s.endswith("(含)"):
            s = s[:-3]
        rng = _range(s)
        if rng is not None:
            return rng
        return _vague(s, 0)
    except _Fail as fail:
        raise t.error(fail) from None
