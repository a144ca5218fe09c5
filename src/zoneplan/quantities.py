"""Quantities: find every number written with a unit, a measure word or ``%``.

Runs on the cleaned text. One regex pass finds candidates; a few rules of
the language then drop what only looks like a quantity: years and dates,
ordinals (第二批), code names in quotes (“5+4”), versions (3.0版), names
built from numerals (三大产业, 七个方面, 千亩级), a/an (一批, 一个), and
words that merely begin with a unit's character (零部件, 成为, 折合).

>>> [m.text for m in find_mentions("实现经济总量2600亿元,增长10%以上,新建项目3-5个。")]
['2600亿元', '10%', '3-5个']
>>> [m.text for m in find_mentions("2024年推进“5+4”产业,打造三大平台、千亩级园区,提升3.0版。")]
[]
>>> [(m.text, m.value, m.unit) for m in find_mentions("复工率达九成以上,超千亿元")]
[('九成', Decimal('9'), '成'), ('千亿元', Decimal('1000'), '亿元')]
"""

from __future__ import annotations

import functools
import re
import string
from decimal import Decimal
from typing import Final

import attrs

from .lexicon import UnitDef, lexicon, trie_pattern
from .numbers import (
    ASTRAL,
    NUMERAL_VARIANTS,
    NumberRange,
    _TooManyDigits,
    exact,
    fold_class,
    fold_numerals,
    parse_number,
    read_number,
    unicode_digits,
)
from .units import foreign_currencies, is_prefix_unit, lookup_unit

__all__ = ["Mention", "find_mentions", "quote_spans"]

# character classes of the folded text (numeral variants folded to the plain forms)
_DIGITS: Final = "〇零一二两三四五六七八九"
_PLACES: Final = "十百千"
_BIGS: Final = "万亿兆"
_CN: Final = _DIGITS + _PLACES + _BIGS
_SP: Final = r"[ \t]{0,4}"


def _opt(regex: str) -> str:
    """``(?:regex)?``, written as a branch with an empty alternative: it matches the same, in the
    same order, but CPython's engine allocates memory each time it enters an optional group, not
    a branch (and skips a branch at once when its first character cannot match)."""
    return f"(?:{regex}|)"


# grouping commas as a branch that opens with its comma: without one, the engine passes it at once
_NUM_AR: Final = r"[0-9]+" + _opt(r",[0-9]{3}(?:,[0-9]{3})*") + _opt(r"\.[0-9]+")
# 千 before 瓦 is the kilo of 千瓦 (500千瓦), not a magnitude
_MAG_AR: Final = rf"(?:[千百](?!瓦){_opt('万亿|亿|万')}|万亿|亿|万)"
_MAG_CN: Final = r"(?:万亿|亿|万)"
# a Chinese numeral: starts with a digit or a place word, may hold spaces, 点 and 万/亿
# (one flat character class, so that no quantifier nests in another: the scan stays linear)
_NUM_CN: Final = rf"[{_DIGITS}{_PLACES}][{_CN}点 \t]*"
# a dash is a sign only where no letter, digit or URL character stands before it (G60-5 is a name); the
# lookbehind comes after the dash, so that the engine passes the branch at once where there is none
_SIGN: Final = _opt(r"负|-(?<![0-9A-Za-z.%/]-)")
_ONE: Final = rf"{_SIGN}(?:{_NUM_AR}{_opt(_SP + _MAG_AR)}|{_NUM_CN})"
_SEP: Final = _opt(r"\(含\)") + r"[ \t]{0,2}(?:--|——|—|–|-|~|至|到)[ \t]{0,2}"
# the number of a mention: as _ONE, then maybe a range; its digits and their magnitude captured, so
# that the common case (2600亿, 15) is read from them (:func:`_plain_value`)
_FIRST: Final = (
    rf"{_SIGN}(?:(?P<digits>{_NUM_AR})(?:{_SP}(?P<dmag>{_MAG_AR})|)|{_NUM_CN})(?P<range>{_SEP}{_ONE}|)"
)
_OPEN_QUOTES: Final = {"“": "”", "‘": "’", "《": "》", '"': '"', "「": "」", "『": "』"}

# what may not follow a unit's character when it only starts a word (成为, 折合, 克服, 部门)
_NOT_AFTER: dict[str, str] = {
    "成": "为立员果效功本交长熟型都就绩品套片规像批行群活渝德网环链势真事绵",
    "折": "合算旧叠射线返腾损价中桂服扣",
    "克": "服难隆拉",
    "块": "地状区田屏牌面石头",
    "圆": "满梦",
    "部": "门署件分",
    "方": "面案式向位法针",
    "片": "区面",
}


@attrs.define  # one per figure or name on the hot path: a frozen attrs class takes 4x as long to build
class Mention:
    """A quantity found in the cleaned text (offsets are clean offsets)."""

    start: int
    end: int
    text: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str  # as written, with magnitude: 亿元, 万亩, %, 个, 万
    multiplier: Decimal
    udef: UnitDef | None  # None for a bare magnitude (20万)
    inside_comparator: str | None  # 余 / 多 between number and unit
    chinese: bool  # written in Chinese numerals


def _spaced(surface: str) -> str:
    """A unit surface as a regex: ASCII in any case; CJK characters may have spaces between them."""
    if surface.isascii():
        return f"(?i:{re.escape(surface)})"
    return _SP.join(re.escape(ch) for ch in surface)


@functools.cache
def _pattern() -> re.Pattern[str]:
    surfaces = sorted(lexicon().units, key=len, reverse=True)
    # the units as a trie (CJK characters may have spaces between them), then the ASCII ones in
    # any case (a trie of their lower case): it matches the longest unit at a position, trying
    # one branch per character
    written = [s for s in surfaces if not is_prefix_unit(s)]
    ascii_units = [s.lower() for s in written if s.isascii()]
    units = trie_pattern((s for s in written if not s.isascii()), sep=_SP) + (
        f"|(?i:{trie_pattern(ascii_units)})" if ascii_units else ""
    )
    prefixed = [s for s in surfaces if is_prefix_unit(s)]
    prefixes = "|".join(_spaced(s) for s in prefixed)
    # every alternative starts with one of these. The scan consumes it, then matches the alternatives
    # from it in a lookbehind of that one character: a pattern that opens with a character class lets
    # the engine skip every other character without entering the pattern (one that opens with a
    # lookahead gets no such skip). What matched is the group "body": the search goes on from its end.
    first = rf"[{_CN}0-9负\-￥¥对半]"
    # the alternatives but the last (a number) start with one of these: checked once, a digit
    # goes straight to the last
    other_heads = {*"亿万十百千￥¥对半", *(c for s in prefixed for c in {s[0], s[0].lower(), s[0].upper()})}
    other = rf"(?=[{''.join(sorted(map(re.escape, other_heads)))}])"
    # what may follow a one-character Chinese numeral for it to be a quantity: more of the number,
    # 余/多, a range or a unit. Anything else (一步, 三是, 两手) is no mention: rejected in the scan
    goes_on = {*_CN, *"点余多 \t(-—–~至到", *(c for s in written for c in {s[0], s[0].lower(), s[0].upper()})}
    lone = rf"(?![{_DIGITS}十][^{''.join(sorted(map(re.escape, goes_on)))}])"
    body = (
        rf"{other}(?:(?<![{_CN}0-9])(?P<pre>{prefixes}){_SP}(?P<pnum>{_ONE}{_opt(_SEP + _ONE)})"
        # 亿元以上项目, 超亿元项目, 上万人, 近万家: a bare magnitude that stands for one of it
        # (上百个, 数十家, 几千名: a place word after 上, 数 or 几 stands for one of it, too)
        rf"|(?:(?<![{_CN}0-9])(?=(?:亿|万)(?:元|美元)(?:以上|及以上))|(?<=超)|(?<=超过)|(?<=[上近逾]))"
        rf"(?P<bmag>亿|万)(?P<bunit>元|美元|人次|人|家|户|个|亩|平方米|吨)"
        rf"|(?<=[上近逾数几])(?P<pmag>十|百|千)(?P<punit>元|人次|人|家|户|个|名|项|亩|吨)"
        rf"|(?P<yen>[￥¥]){_SP}(?P<ynum>{_NUM_AR}{_opt(_SP + _MAG_AR)})"
        rf"|(?<=打)(?P<dui>对折)"
        rf"|(?<![{_CN}0-9])(?P<half>半(?:成|折)))"
        rf"|(?<![0-9.{_CN}])(?<![0-9],){lone}"
        rf"(?P<num>{_FIRST})"
        rf"{_opt('(?P<in1>余|多)')}{_SP}{_opt(f'(?P<mag>{_MAG_CN})')}{_opt('(?P<in2>余|多)')}{_SP}"
        rf"{_opt(f'(?P<unit>{units})')}"
    )
    return re.compile(rf"{first}(?<=(?=(?P<body>{body})).)")


_QUOTE: Final = re.compile(
    r"“[^“”\n]{0,24}”|‘[^‘’\n]{0,24}’|《[^《》\n]{0,40}》|\"[^\"\n]{0,24}\"|「[^「」\n]{0,24}」"
)


#: The marks a quoted name of :data:`_QUOTE` opens with.
_QUOTE_OPENERS: Final = '“‘《"「'


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of short quoted names (“5+4”, 《…》): nothing inside them is a quantity.

    The names are matched only where an opening mark stands (``str.find`` finds those many times
    faster than a search of the regex), in order, each after the name before it, as a scan would."""
    out: list[tuple[int, int]] = []
    end = 0
    for i in sorted([i for ch in _QUOTE_OPENERS for i in _positions(text, ch)]):
        if i >= end and (m := _QUOTE.match(text, i)) is not None:
            span = m.span()
            out.append(span)
            end = span[1]
    return out


_FINANCIAL: Final = "壹貳贰參叁肆伍陸陆柒捌玖拾佰仟"
_FINANCIAL_RE: Final = re.compile(f"[{_FINANCIAL}]")
_NEIGHBOURS: Final = set(_CN + "点點分之萬億兩" + _FINANCIAL)


@functools.cache
def _fold_table() -> dict[int, str]:
    """The lexicon's traditional characters, then numeral variants (fold_numerals), as one table."""
    trad = lexicon().traditional
    keys = set(trad) | {ord(ch) for ch in NUMERAL_VARIANTS}
    table = {k: fold_numerals(trad.get(k, chr(k))) for k in keys}
    return unicode_digits() | table


@functools.cache
def _fold_re() -> re.Pattern[str]:
    # substituting the few characters to fold is much faster than translating every one
    return re.compile(fold_class(_fold_table()))


@functools.cache
def _left_by_clean() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The characters :func:`_fold` changes that text folded by the cleaner may still hold: the
    others, and the financial numerals (folded only beside another numeral)."""
    from .clean import fold  # the cleaner's own folding (imported late: clean never needs this module)

    table = _fold_table()
    left = [ch for ch in map(chr, sorted(table)) if fold(ch) == ch and table[ord(ch)] != ch]
    return (
        tuple(ch for ch in left if ch not in _FINANCIAL),
        tuple(ch for ch in left if ch in _FINANCIAL),
    )


def _fold_cleaned(text: str) -> str:
    """:func:`_fold` of text the cleaner folded: most often nothing is left to do. Financial
    numerals alone (伍 of 队伍, 陆 of 陆续) stay as they are, so only one beside another numeral
    calls for the whole fold."""
    others, financial = _left_by_clean()
    if any(ch in text for ch in others):
        return _fold(text)
    if any(_beside_numeral(text, i) for ch in financial for i in _positions(text, ch)):
        return _fold(text)
    return text


def _positions(text: str, ch: str) -> list[int]:
    """Where ``ch`` occurs in ``text`` (``str.find`` is many times faster than a regex of a CJK class)."""
    out: list[int] = []
    i = text.find(ch)
    while i >= 0:
        out.append(i)
        i = text.find(ch, i + 1)
    return out


def _fold(text: str) -> str:
    """Fold widths, traditional characters and numeral variants, one character for one.

    Financial numerals (陆, 伍, 拾) are folded only beside another numeral, 点 or
    分之: alone they are ordinary words (陆家嘴, 队伍, 收拾).
    """
    table = _fold_table()
    if ASTRAL.search(text):
        folded = text.translate(table)
    else:
        folded = _fold_re().sub(lambda m: table[ord(m.group())], text)
    alone = [m.start() for m in _FINANCIAL_RE.finditer(text) if not _beside_numeral(text, m.start())]
    if not alone:
        return folded
    trad = lexicon().traditional
    pieces: list[str] = []
    prev = 0
    for i in alone:
        pieces += [folded[prev:i], trad.get(ord(text[i]), text[i])]
        prev = i + 1
    pieces.append(folded[prev:])
    return "".join(pieces)


def _beside_numeral(text: str, i: int) -> bool:
    """Is the character at ``i`` next to a numeral (spaces and tabs looked through)?"""
    return (i > 0 and _next_to(text, i, -1)) or (i + 1 < len(text) and _next_to(text, i, 1))


def _next_to(text: str, i: int, step: int) -> bool:
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t" and abs(j - i) <= 4:
        j += step
    return 0 <= j < len(text) and text[j] in _NEIGHBOURS


def find_mentions(
    text: str, *, cleaned: bool = False, quotes: list[tuple[int, int]] | None = None
) -> list[Mention]:
    """Every quantity mention in ``text``, in order.

    ``cleaned``: ``text`` is :func:`zoneplan.clean.clean`'s output, already folded but for the
    numerals only this module folds (which are then looked for, one fast ``in`` each).
    ``quotes``: the :func:`quote_spans` of ``text``, when the caller has them.
    """
    folded = _fold_cleaned(text) if cleaned else _fold(text)
    if quotes is None:
        quotes = quote_spans(folded)  # folding never touches a quotation mark: the same spans
    q = 0  # the first quote that does not end before the match (matches come in order)
    n_quotes = len(quotes)
    out: list[Mention] = []
    search = _pattern().search
    pos = 0
    while (m := search(folded, pos)) is not None:
        pos = m.end("body")
        num, unit, mag, in1, in2, digits, dmag, rng = m.group(
            "num", "unit", "mag", "in1", "in2", "digits", "dmag", "range"
        )
        if num is not None and unit is None and (digits is None or (not mag and num[-1] not in "万亿千百")):
            continue  # no unit: Chinese numerals are never a mention, digits only with a magnitude
        start = m.start()
        while q < n_quotes and quotes[q][1] <= start:
            q += 1
        if q < n_quotes and quotes[q][0] <= start:
            continue  # inside a quoted name
        try:
            if num is not None:  # the common case: a number, then maybe a magnitude and a unit
                mention = _mention(folded, text, start, pos, num, mag, unit, in1 or in2, digits, dmag, rng)
            else:
                mention = _written_otherwise(folded, text, m)
        except ArithmeticError:  # 10^28 and more (its number read, then multiplied): too large to hold
            continue
        if mention is not None:
            if (
                out
                and mention.start - out[-1].end <= _LONGEST_BETWEEN
                and (joined := _joined_range(text, out[-1], mention)) is not None
            ):
                out[-1] = joined
            else:
                out.append(mention)
    return out


def _written_otherwise(folded: str, src: str, m: re.Match[str]) -> Mention | None:
    """The mention of a match of the other alternatives: a unit before the number (百分之五), a
    bare magnitude (亿元以上, 上百个), a currency sign (￥300), a half (半成, 打对折)."""
    pre, bmag, pmag, yen = m.group("pre", "bmag", "pmag", "yen")
    if pre:
        return _prefixed(folded, src, m)
    if bmag or pmag:
        return _bare_unit(src, m)
    if yen:
        return _yen(src, m)
    return _half(folded, src, m)  # dui or half


#: What stands between the two ends of a range (8%-10%, 5亿元至8亿元, 3万～5万).
_RANGE_BETWEEN: Final = re.compile(r"[ \t]{0,2}(?:--|——|—|–|-|~|〜|至|到)[ \t]{0,2}")
#: The most characters :data:`_RANGE_BETWEEN` matches (two spaces, a two-character dash, two spaces).
_LONGEST_BETWEEN: Final = 6


def _joined_range(src: str, low: Mention, high: Mention) -> Mention | None:
    """``8%-10%``: a range written with its unit at both ends is one mention, as ``8-10%`` is."""
    if (
        low.value is None
        or high.value is None
        or low.unit != high.unit
        or high.value <= low.value
        or _RANGE_BETWEEN.fullmatch(src, low.end, high.start) is None
    ):
        return None
    return Mention(
        low.start, high.end, src[low.start : high.end], None, low.value, high.value, low.unit,
        low.multiplier, low.udef, low.inside_comparator or high.inside_comparator, low.chinese,
    )  # fmt: skip


def _squash(s: str) -> str:
    """``s`` without the spaces the scan lets through inside a number or a unit."""
    return "".join(s.split()) if " " in s or "\t" in s else s


def _make(src: str, start: int, end: int, number: Decimal | NumberRange, mult: Decimal, unit: str,
          udef: UnitDef | None, in_cmp: str | None, chinese: bool) -> Mention:  # fmt: skip
    """The mention of ``src[start:end]`` (``src``: the text as given, not folded; ``number``: as
    :func:`exact` writes it, as :func:`parse_number` gives it)."""
    text = src[start:end]
    if isinstance(number, NumberRange):
        low = None if number.low is None else exact(number.low / mult)
        high = None if number.high is None else exact(number.high / mult)
        return Mention(start, end, text, None, low, high, unit, mult, udef, in_cmp, chinese)
    value = number if mult is _DEC_ONE else exact(number / mult)
    return Mention(start, end, text, value, None, None, unit, mult, udef, in_cmp, chinese)


def _prefixed(text: str, src: str, m: re.Match[str]) -> Mention | None:
    """百分之五, 千分之二点四, 百分之二三十: the unit is written before the number."""
    pre = _squash(m.group("pre"))
    udef = lookup_unit(pre)
    num = _squash(m.group("pnum"))
    end = m.start("pnum") + len(m.group("pnum").rstrip())
    number: Decimal | NumberRange | None = None
    while num:
        try:
            number = parse_number(num)
            break
        except _TooManyDigits:  # a shorter numeral would be another number
            return None
        except ValueError:  # 百分之七十百分位: drop what the numeral cannot hold
            num = num[:-1]
            end = m.start("pnum") + _span_len(m.group("pnum"), len(num))
    if number is None or udef is None or (text[end : end + 1].isascii() and text[end : end + 1].isalnum()):
        return None
    return _make(src, m.start(), end, number, _DEC_ONE, pre, udef, None, not num[0].isdigit())


def _span_len(written: str, kept: int) -> int:
    """Length of the prefix of ``written`` that holds ``kept`` non-space characters."""
    seen = 0
    for i, ch in enumerate(written):
        if not ch.isspace():
            seen += 1
            if seen == kept:
                return i + 1
    return len(written)


def _bare_unit(src: str, m: re.Match[str]) -> Mention:
    """``亿元以上``, ``上万人``, ``数十家``: a magnitude alone is one of it; 上 before it is at least
    (上百个), 数 and 几 more than (数十家: some tens)."""
    mag, unit = m.group("bmag", "bunit") if m.group("bmag") else m.group("pmag", "punit")
    start, end = m.span("body")
    before = src[start - 1 : start]
    in_cmp = before if before in PREFIX_CUES else None
    return Mention(
        start, end, src[start:end], Decimal(1), None, None, m.group("body"), _PLACE_VALUES[mag],
        lookup_unit(unit), in_cmp, True,
    )  # fmt: skip


#: Cues written before a bare place word (上百个, 数十家, 几千名): its comparator, no part of its name.
PREFIX_CUES: Final = frozenset("上数几")

_PLACE_VALUES: Final = {"亿": Decimal(10**8), "万": Decimal(10**4), "千": Decimal(1000), "百": Decimal(100),
                        "十": Decimal(10)}  # fmt: skip


def _yen(src: str, m: re.Match[str]) -> Mention | None:
    """``￥300``: the currency sign before the number."""
    num = _squash(m.group("ynum"))
    try:
        number = parse_number(num)
        mag = _MAG_RUN.search(num)
        mult = _multiplier(mag.group()) if mag else _DEC_ONE
    except ValueError:
        return None
    unit = (mag.group() if mag else "") + "元"
    return _make(src, m.start(), m.end("body"), number, mult, unit, lookup_unit("元"), None, False)


def _half(text: str, src: str, m: re.Match[str]) -> Mention | None:
    """``半成`` (5 %), ``半折`` and ``打对折`` (half price, 50 %)."""
    word = m.group("dui") or m.group("half")
    start, end = m.span("body")
    if text[end : end + 1] and text[end] in _NOT_AFTER[word[-1]]:
        return None
    value = Decimal("0.5") if word == "半成" else Decimal(5)
    return Mention(
        start, end, src[start:end], value, None, None, word[-1], Decimal(1), lookup_unit(word[-1]), None, True
    )


_SUB_MONEY: Final = re.compile(
    r"(?P<jiao>[0-9一二两三四五六七八九])[角毛](?:(?P<fen>[0-9一二两三四五六七八九])分)?钱?"
)
_SUB_CENTS: Final = re.compile(r"又?(?P<cent>[0-9一二两三四五六七八九]{1,2})美分")
# 七成六: one digit after 成, not the start of another number or count (七成六个 is not 7.6成)
_TENTH: Final = re.compile(rf"{_SP}([一二三四五六七八九])(?![{_CN}点个家项人名次件户])")
_BIG_TAIL: Final = re.compile(r"(?:万亿|亿|万)+$")
_MAG_AR_TAIL: Final = re.compile(rf"{_MAG_AR}$")
_MAG_RUN: Final = re.compile(r"[千百万亿]+$")
_DEC_ONE: Final = Decimal(1)
#: What a unit may carry after it (:func:`_after_unit`) starts with one of these: a space or a
#: digit (七成六, 五元三毛, 两美元三美分), 半 (一吨半), 又 (两美元又三美分).
_CARRIED_HEADS: Final = frozenset(" \t0123456789一二两三四五六七八九半又")
_CN_TO_ASCII: Final = str.maketrans("一二两三四五六七八九", "1223456789")


@functools.lru_cache(maxsize=256)
def _multiplier(mag: str) -> Decimal:
    """The value of a magnitude word or a run of them: 万 10000, 千万, 万亿 (read_number raises on 万亿万)."""
    return Decimal(read_number("一" + mag))


def _mention(text: str, src: str, start: int, end: int, num_w: str, mag_w: str | None, unit_w: str | None,
             in_cmp: str | None, digits: str | None, dmag: str | None,
             rng: str) -> Mention | None:  # fmt: skip
    """A number, maybe a magnitude, maybe a unit, matched from ``start`` to ``end`` (``num_w``, ``mag_w``,
    ``unit_w``: the groups as matched; ``in_cmp``: 余 or 多 between them; ``digits``, ``dmag``: the
    Arabic digits the number starts with and the magnitude right after them; ``rng``: the range after
    the first number, or "")."""
    unit, udef = _unit_of(unit_w) if unit_w else ("", None)
    # the digits, when they are the whole number (no sign, no range) with at most one magnitude word
    plain = None
    if digits is not None and not rng and num_w[0] not in "负-" and len(digits) <= _PLAIN_DIGITS:
        plain = None if dmag and mag_w else digits
    mag = mag_w or ""
    if plain is not None:
        num = plain + dmag if dmag else plain
        mag_text = dmag or mag
        chinese = False
    else:
        num = _squash(num_w)
        chinese = digits is None
        if num[0] in "负-" and _bad_sign(text, start):
            start, num = start + 1, num[1:]
        # every magnitude word ends in one of these
        mag_text = _magnitude_written(num + mag, chinese) if (mag or num)[-1] in "千百万亿" else ""
    if udef is None and not mag_text:
        return None
    before = text[start - 4 if start > 4 else 0 : start]
    after = text[end : end + 6]
    if not _plausible(text, num, mag_text, unit, udef, chinese, end, before, after):
        return None
    if in_cmp == "多" and udef is not None and udef.surface == "元" and after.startswith(("化", "样", "种")):
        return None
    zhe = udef is not None and udef.pint == "zhe"
    if plain is not None and not zhe and after[:1] not in _CARRIED_HEADS:
        # the digits are the value, the magnitude its multiplier: no reading of the number needed
        mult = _multiplier(mag_text) if mag_text else _DEC_ONE
        value = _plain_value(plain)
        text_w = src[start:end]
        return Mention(start, end, text_w, value, None, None, mag_text + unit, mult, udef, in_cmp, False)
    number: Decimal | NumberRange | None
    try:
        number = _discount(num) if zhe else parse_number(num + mag)
        # stacked magnitudes the reading of the number let pass (三点五万亿万) are no number
        mult = _multiplier(mag_text) if mag_text else _DEC_ONE
    except ValueError:
        return None
    if number is None:
        return None
    if after[:1] in _CARRIED_HEADS and udef is not None and not isinstance(number, NumberRange):
        read_to = end
        number, end = _after_unit(text, number, mult, udef, end)
        # what follows the unit was checked (_plausible); what follows a tenth or a half was not
        if end != read_to and _runs_on(text[end : end + 1], unit):
            return None
    return _make(src, start, end, number, mult, mag_text + unit, udef, in_cmp, chinese)


#: The most characters of :func:`_plain_value`'s digits: times the largest magnitude (千万亿, 10^15)
#: the value still holds in a decimal's 28 digits, exactly.
_PLAIN_DIGITS: Final = 12


def _plain_value(digits: str) -> Decimal:
    """The value of Arabic digits (maybe with grouping commas and a decimal point), as :func:`exact`
    writes it: what :func:`parse_number` reads from them, with or without a magnitude after them."""
    if "," in digits:
        digits = digits.replace(",", "")
    # a whole number, or decimals that end in a non-zero digit, is read as exact writes it already
    return exact(Decimal(digits)) if digits[-1] == "0" and "." in digits else Decimal(digits)


@functools.lru_cache(maxsize=512)
def _unit_of(written: str) -> tuple[str, UnitDef | None]:
    """A unit as the scan matched it (maybe with spaces): its surface and what it means."""
    unit = _squash(written)
    return unit, lookup_unit(unit)


def _magnitude_written(written: str, chinese: bool) -> str:
    """The magnitude written with the unit: Arabic 2.65万 (any magnitude word right after a digit),
    Chinese 三千万 (its trailing 万/亿), else ""."""
    if chinese:
        tail = _BIG_TAIL.search(written)
        return tail.group() if tail is not None and tail.start() > 0 else ""
    tail = _MAG_AR_TAIL.search(written)
    if tail is not None and tail.start() > 0 and written[tail.start() - 1].isdigit():
        return tail.group()
    return ""


def _bad_sign(text: str, start: int) -> bool:
    """A sign only where a number can start: not after letters or digits (G60-5), nor in 正负5% (±);
    负 after a word only where a value follows a verb (增长为负2.1%), not in one (减负2.5亿元)."""
    prev = text[start - 1 : start]
    if prev and text[start] == "负" and _cjk(prev):
        return prev not in _SIGN_AFTER
    return bool(prev) and ((prev.isascii() and prev.isalnum()) or prev == "正")


#: The words after which 负 is a minus sign: 为, 是, 至, 到, 达 (增速为负2.1%), 长 (增长负3%).
_SIGN_AFTER: Final = frozenset("为是至到达长")


def _discount(num: str) -> Decimal | None:
    """折 counts tenths of the price: 八折 8, 75折 or 七五折 7.5, 九九折 9.9, never 十折."""
    digits = num.translate(_CN_TO_ASCII)
    if len(digits) == 2 and digits.isdigit() and digits[1] != "0":
        return exact(Decimal(digits) / 10)
    number = parse_number(num)
    if isinstance(number, Decimal) and 0 < number < 10:
        return number
    return None


def _after_unit(text: str, number: Decimal, mult: Decimal, udef: UnitDef, end: int) -> tuple[Decimal, int]:
    """What a unit may carry after it: 七成六 (a tenth), 一吨半 (a half), 五元三毛 (jiao, fen); the
    value is :func:`exact`."""
    if udef.pint == "cheng" and (tenth := _TENTH.match(text, end)):
        return exact(number + Decimal(tenth.group(1).translate(_CN_TO_ASCII)) / 10), tenth.end()
    nxt = text[end : end + 1]
    if nxt == "半" and not udef.count and udef.dimension not in ("currency_cny", "currency_usd"):
        return exact(number + mult * Decimal("0.5")), end + 1
    if udef.dimension == "currency_cny" and mult == 1:
        sub = _SUB_MONEY.match(text, end)
        if sub:
            value = number + Decimal(sub.group("jiao").translate(_CN_TO_ASCII)) / 10
            if sub.group("fen"):
                value += Decimal(sub.group("fen").translate(_CN_TO_ASCII)) / 100
            return exact(value), sub.end()
    if udef.dimension == "currency_usd" and mult == 1:
        cents = _SUB_CENTS.match(text, end)
        if cents:
            try:
                return exact(number + read_number(cents.group("cent")) / 100), cents.end()
            except ValueError:
                pass
    return number, end


def _plausible(text: str, num: str, mag: str, unit: str, udef: UnitDef | None, chinese: bool, end: int,
               before: str, after: str) -> bool:  # fmt: skip
    """The language rules that tell an amount from a name, a date, a code or a word."""
    prev = before[-1:]
    nxt = after[:1]
    if (prev == "第" or (prev == "前" and not before.endswith("提前"))) and (
        udef is None or udef.dimension != "rank"
    ):
        return False  # ordinals and ranks of a list: 第三轮, 前三 (but 全省第3位, 全国前60位 are ranks)
    # Latin letters, URLs and fractions around it: PM2.5, 5G, G20, %28, 2/3 (after it: :func:`_runs_on`)
    if prev in _LATIN_OR_URL or nxt in _LATIN or (unit == "%" and nxt in _ASCII_DIGITS):
        return False
    if nxt in _WORD_AFTER_HEADS and after.startswith(_WORD_AFTER):
        return False
    if num[0] in "零〇" and "点" not in num[:2]:  # 零部件, 零星
        return False
    if unit and unit[-1] in _NOT_AFTER and nxt and nxt in _NOT_AFTER[unit[-1]]:
        return False
    if udef is None:
        # a bare magnitude (20万, 15.6亿) counts only when written in Arabic digits; 千 or 百
        # before a word is a unit prefix (110千伏, 500千瓦), not a magnitude; 5亿港元 is not yuan
        return not (
            chinese
            or nxt in ("级", "量", "分", "倍")
            or (mag in ("千", "百") and _cjk(nxt))
            or text.startswith(foreign_currencies(), end)
        )
    # the rules of a number written with a unit
    if udef.needs_magnitude and not mag:
        return False
    surface = udef.surface
    if surface in ("块", "块钱") and unit == "块" and _cjk(nxt) and nxt not in "钱毛角":
        return False  # 三块牌子, 5块地: a measure word, not money
    if udef.pint in ("cheng", "zhe") and (mag or (chinese and before.endswith("波"))):
        return False  # 10万成交, 一波三折
    if surface == "年" and not _duration_year(num, chinese, before, after):
        return False
    if surface == "位" and after.startswith(("数", "一体")):
        return False
    if surface == "期" and after.startswith(lexicon().projects["facility_words"]):
        return False  # 星河智造2期项目: a phase of a project, part of its name
    return not chinese or _chinese_amount(num, mag, udef, before, after)


#: Words after a number that make it a grade, a version, an anniversary or a ranking, not an
#: amount: 千亩级, 能级, 量级, 3.0版, 70周年, 百强.
_WORD_AFTER: Final = ("级", "能级", "量级", "版", "周年", "强")
_WORD_AFTER_HEADS: Final = frozenset(w[0] for w in _WORD_AFTER)
#: Latin letters, and the characters of URLs and fractions (%28, 2/3), before a number: no amount.
_LATIN_OR_URL: Final = frozenset(string.ascii_letters + "%/=&?#_")
_LATIN: Final = frozenset(string.ascii_letters)
_ASCII_DIGITS: Final = frozenset(string.digits)


def _runs_on(nxt: str, unit: str) -> bool:
    """Latin letters run on (5G, 3A, 10kV, 250ms); after %, digits too (URL escapes: %2D, 30%25)."""
    return nxt in _LATIN or (unit == "%" and nxt in _ASCII_DIGITS)


def _cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


_RANGE_SIGN: Final = re.compile(r"[-~至到—–]")


def _duration_year(num: str, chinese: bool, before: str, after: str) -> bool:
    """Is ``N年`` a duration (3年, 提前两年) rather than a calendar year (2024年)?"""
    count = lexicon().count
    if after.startswith(
        ("度", "底", "初", "末", "中", "以来", "起", "前", "后", "份", "级", "行动", "计划", "来")
    ):
        return False
    if chinese:
        return before.endswith(count["year_before"]) or after.startswith(count["year_after"])
    try:
        value = read_number(_RANGE_SIGN.split(num, 1)[0])
    except ValueError:
        return False
    return value < 100


@functools.cache
def _comparators_after() -> tuple[str, ...]:
    """The comparator words written after a number (以上, 左右, 以内 …), for one ``str.startswith``."""
    return tuple(lexicon().comparator_after)


@functools.cache
def _comparators_before() -> tuple[str, ...]:
    """The comparator words written before a number (超, 近, 逾 …), for one ``str.endswith``."""
    return tuple(lexicon().comparator_before)


def _chinese_amount(num: str, mag: str, udef: UnitDef | None, before: str, after: str) -> bool:
    """Chinese numerals are amounts only in some places: 两个新校区, 超千亿元, 提前两年."""
    # a lone place or magnitude word (千亿元, 百亿, 万亩) needs a comparator: 超千亿元, 千亿元以上
    if num != "十" and not num.strip(_PLACES + _BIGS):
        return before.endswith(_comparators_before()) or after.startswith(_comparators_after())
    if udef is None:
        return False
    if udef.count:
        count = lexicon().count
        if num == "一" or udef.surface in count["arabic_only"]:  # 一批, 一个: an article; 二期: a phase
            return False
        if after.startswith(("“", '"', "大")) or after.startswith(count["abstract_nouns"]):
            return False
        if udef.surface == "次" and after[:1] and after[:1] not in ",;。、:)":
            return False  # 二次开发, 三次创业
    return True
