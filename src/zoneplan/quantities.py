"""Quantities: find every number written with a unit, a measure word or ``%``.

Runs on the cleaned text. One regex pass finds candidates; a few rules of
the language then drop what only looks like a quantity: years and dates,
ordinals (第二批), code names in quotes (“5+4”), versions (3.0版), names
built from numerals (三大产业, 七个方面, 千亩级), a/an (一批, 一个).

>>> [m.text for m in find_mentions("实现经济总量2600亿元,增长10%以上,新建项目3-5个。")]
['2600亿元', '10%', '3-5个']
>>> [m.text for m in find_mentions("2024年推进“5+4”产业,打造三大平台、千亩级园区,提升3.0版。")]
[]
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

import attrs

from .lexicon import UnitDef, lexicon
from .numbers import MAGNITUDES, CN_DIGITS, NumberRange, exact, parse_number, read_number

__all__ = ["Mention", "find_mentions", "quote_spans"]

_CN = "零〇一二两三四五六七八九十百千"
_NUM_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUM_CN = rf"[{_CN}]+(?:点[零〇一二三四五六七八九]+)?"
_MAGS = "|".join(sorted((m for m in MAGNITUDES if len(m) <= 2 and m not in ("十万", "百亿", "十亿")), key=len, reverse=True))
_OPEN_QUOTES = {"“": "”", "‘": "’", "《": "》", '"': '"', "「": "」", "『": "』"}


@attrs.frozen
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


@functools.cache
def _pattern() -> re.Pattern[str]:
    units = lexicon().unit_pattern()
    num = rf"(?:{_NUM_AR}|{_NUM_CN})"
    return re.compile(
        rf"(?<![\d.{_CN}])(?<!\d,)"
        rf"(?P<num>{num}(?:\s*(?:-|~|—|–|至|到)\s*{num})?)"
        rf"(?P<in1>余|多)?(?P<mag>{_MAGS})?(?P<in2>余|多)?(?P<unit>{units})?"
        rf"|(?P<pct>百分之)(?P<pnum>{num})"
        rf"|(?<![\d{_CN}万亿])(?P<bmag>亿|万)(?P<bunit>元|美元)(?=以上|及以上)"
    )


_QUOTE = re.compile(r"“[^“”\n]{0,24}”|‘[^‘’\n]{0,24}’|《[^《》\n]{0,40}》|\"[^\"\n]{0,24}\"|「[^「」\n]{0,24}」")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of short quoted names (“5+4”, 《…》): nothing inside them is a quantity."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    # spans are sorted; a binary search keeps this linear overall
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(spans) and spans[lo][0] <= pos < spans[lo][1]


def find_mentions(text: str) -> list[Mention]:
    """Every quantity mention in ``text``, in order."""
    lex = lexicon()
    quotes = quote_spans(text)
    out: list[Mention] = []
    for m in _pattern().finditer(text):
        if m.start() == m.end():
            continue
        if _inside(quotes, m.start()):
            continue
        if m.group("pct"):
            mention = _percent_words(m)
        elif m.group("bmag"):
            mention = _bare_unit(m, lex.units[m.group("bunit")])
        else:
            mention = _mention(text, m)
        if mention is not None:
            out.append(mention)
    return out


def _percent_words(m: re.Match[str]) -> Mention | None:
    try:
        number = parse_number(m.group("pnum"))
    except ValueError:
        return None
    if isinstance(number, NumberRange):
        return None
    return Mention(
        start=m.start(), end=m.end(), text=m.group(), value=number, low=None, high=None, unit="%",
        multiplier=Decimal(1), udef=lexicon().units["%"], inside_comparator=None, chinese=True,
    )  # fmt: skip


def _bare_unit(m: re.Match[str], udef: UnitDef) -> Mention:
    mult = Decimal(MAGNITUDES[m.group("bmag")])
    return Mention(
        start=m.start(), end=m.end(), text=m.group(), value=Decimal(1), low=None, high=None,
        unit=m.group(), multiplier=mult, udef=udef, inside_comparator=None, chinese=True,
    )  # fmt: skip


def _mention(text: str, m: re.Match[str]) -> Mention | None:
    lex = lexicon()
    num, mag, unit = m.group("num"), m.group("mag") or "", m.group("unit")
    chinese = not num[0].isdigit()
    start, end = m.start(), m.end()
    before = text[max(0, start - 4) : start]
    after = text[end : end + 6]
    udef = lex.units.get(unit) if unit else None
    if udef is None and not mag:
        return None
    # a bare magnitude (20万, 15.6亿) counts only when written in Arabic digits
    if udef is None and (chinese or after[:1] in ("级", "量", "分", "倍")):
        return None
    if udef is not None and udef.needs_magnitude and not mag:
        return None
    if before.endswith("第") or before.endswith("前"):  # ordinals and ranks of a list
        return None
    # adjacent Latin letters: PM2.5, 5G, 2A, G20
    if before[-1:].isascii() and before[-1:].isalpha():
        return None
    if after[:1].isascii() and after[:1].isalpha() and not (unit and unit.isascii()):
        return None
    if after.startswith(("级", "能级", "量级", "版", "周年", "强")):
        return None
    if udef is not None and udef.surface == "年" and not _duration_year(num, chinese, before, after, lex):
        return None
    if udef is not None and udef.surface == "位" and after.startswith(("数", "一体")):
        return None
    if chinese and not _chinese_amount(num, mag, udef, before, after, lex):
        return None
    try:
        number = parse_number(num)
    except ValueError:
        return None
    mult = Decimal(1)
    if mag:
        mult = Decimal(MAGNITUDES[mag])
    in_cmp = m.group("in1") or m.group("in2")
    unit_text = mag + (unit or "")
    if isinstance(number, NumberRange):
        return Mention(
            start=start, end=end, text=m.group(), value=None, low=number.low, high=number.high,
            unit=unit_text, multiplier=mult, udef=udef, inside_comparator=in_cmp, chinese=chinese,
        )  # fmt: skip
    if chinese and not mag and udef is not None and num in MAGNITUDES:
        pass  # 千亿元 is read as 千 + 亿元 above; a lone 千 before a unit keeps value 1000
    return Mention(
        start=start, end=end, text=m.group(), value=exact(number), low=None, high=None,
        unit=unit_text, multiplier=mult, udef=udef, inside_comparator=in_cmp, chinese=chinese,
    )  # fmt: skip


def _duration_year(num: str, chinese: bool, before: str, after: str, lex: object) -> bool:
    """Is ``N年`` a duration (3年, 提前两年) rather than a calendar year (2024年)?"""
    count = lexicon().count
    if after.startswith(("度", "底", "初", "末", "中", "以来", "起", "前", "后", "份", "级", "行动", "计划", "来")):
        return False
    if chinese:
        return before.endswith(count["year_before"]) or after.startswith(count["year_after"])
    try:
        value = read_number(num.split("-")[0].split("~")[0].split("至")[0])
    except ValueError:
        return False
    return value < 100


def _chinese_amount(num: str, mag: str, udef: UnitDef | None, before: str, after: str, lex: object) -> bool:
    """Chinese numerals are amounts only in some places: 两个新校区, 超千亿元, 提前两年."""
    count = lexicon().count
    comparators = lexicon().comparator_before
    # a lone magnitude numeral (千亿元, 百亿) needs a comparator before it: 超千亿元
    if all(ch in "十百千" for ch in num):
        return any(before.endswith(c) for c in comparators)
    if udef is None:
        return False
    if udef.count:
        if num == "一":  # 一批, 一个: an article, not a count
            return False
        if after.startswith(("“", '"', "大")) or after.startswith(count["abstract_nouns"]):
            return False
        if udef.surface == "次" and after[:1] and not after[:1] in ",;。、:)":
            return False  # 二次开发, 三次创业
        if len(num) == 1 and num not in CN_DIGITS:
            return False
    return True
