"""Metadata: title, zone and its aliases, kind, year, reviewed period, publication date.

>>> text = "青川经济开发区2022年度工作计划\\n今年青开要突出创新。"
>>> m = read_meta(text, (), has_review=False, has_plan=True)
>>> (m.title, m.zone, m.zone_aliases, m.kind, m.year)
('青川经济开发区2022年度工作计划', '青川经济开发区', ('青开',), 'plan', 2022)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Final

import attrs
from dateutil import parser as dateparser

from .lexicon import lexicon
from .outline import RUN_IN_LINE

__all__ = ["Meta", "find_title", "parse_date", "read_meta", "title_parts"]

_ZONE_SUFFIXES: Final = (
    "经济技术开发区",
    "高新技术产业开发区",
    "高新技术开发区",
    "经济开发区",
    "综合保税区",
    "保税港区",
    "临空经济示范区",
    "临空经济区",
    "化工园区",
    "工业园区",
    "产业园区",
    "高新区",
    "经开区",
    "开发区",
    "工业园",
    "新区",
)
# (after the words of a notice around the document, 中共 / 关于印发《, as one atomic group: they are
# taken as a prefix cut off before the rest is matched; after the year a title may open with:
# 2024年经济开发区工作计划)
_ZONE_AT_START: Final = re.compile(
    r"(?>\s*(?:中共)?(?:关于)?(?:印发|转发|下达|报送)?《?)"
    r"(?:[0-9]{4}年度?)?(?P<place>[\u4e00-\u9fffA-Za-z]{0,12}?)(?P<suffix>" + "|".join(_ZONE_SUFFIXES) + ")"
)
_ZONE_ANYWHERE: Final = re.compile(
    r"(?<![\u4e00-\u9fffA-Za-z])(经济技术开发区|经济开发区|高新技术产业开发区)"
)
_ZONE_IN: Final = re.compile("|".join(_ZONE_SUFFIXES))
# (the more specific a suffix, the earlier it stands: 经济技术开发区 before 开发区)
_ZONE_RANK: Final = {s: i for i, s in enumerate(_ZONE_SUFFIXES)}
#: A zone named at the start of a phrase in the text: 东湖开发区 in …开局之年。东湖开发区工作…
_ZONE_AT_PHRASE: Final = re.compile(
    r"(?:(?<=[。,;:!?\n“《、])|^)(?P<place>[\u4e00-\u9fff]{2,4}?)(?P<suffix>"
    + "|".join(s for s in _ZONE_SUFFIXES if s != "新区")
    + ")"
)
_KIND_WORDS: Final = re.compile(r"计划|总结|打算|思路|要点|报告|汇报|安排|回顾|规划|情况")
_LABEL_START: Final = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[0-9]+[.、])")
_YEAR: Final = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9][0-9])(?=年)")
_DATE_FIELD: Final = re.compile(
    r"(?:发布时间|发布日期|公开日期|上传时间|成文日期|发文日期|更新时间|日期|时间)\s*[:：|]?\s*\|?\s*"
    r"(?P<date>[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?)"
)
_STAMP: Final = re.compile(r"(?P<date>[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})\s+[0-9]{1,2}:[0-9]{2}")
_LONE_DATE: Final = re.compile(
    r"^\s*(?P<date>[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?)(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?\s*$"
)
_RUN_IN_DATE: Final = re.compile(
    r"(?<![0-9])(?P<date>[0-9]{4}([-/.])[0-9]{1,2}\2[0-9]{1,2})(?:(?![0-9])|(?=[0-9]{4}年))"
)  # (the text's first year may follow with no space between: 2025-01-202025年是…)
# a document number 某管发〔2021〕3号: found from its 号 (str.find skips to one character far
# faster than a regex scans for a set of brackets), then its bracketed year ending there and the
# issuer's abbreviation before it
_DOC_NUMBER: Final = re.compile(r"[〔\[［(（][0-9]{4}[〕\]］)）][0-9]{1,4}号\Z")
_DOC_NUMBER_LEN: Final = 11  # its longest: 〔2021〕1234号
_DOC_ISSUER: Final = re.compile(r"[\u4e00-\u9fff]{1,8}\Z")


@attrs.frozen
class Meta:
    title: str | None
    zone: str | None
    zone_aliases: tuple[str, ...]
    kind: str | None
    year: int | None
    review_period: str | None
    published: dt.date | None
    doc_number: str | None


_DATE_SEP: Final = re.compile(r"[年月/.]")
_ISO_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def parse_date(text: str) -> dt.date | None:
    """A date written as ``2022-09-14``, ``2022年9月14日`` or ``2022/9/14``.

    >>> parse_date("2019年2月21日")
    datetime.date(2019, 2, 21)
    """
    s = _DATE_SEP.sub("-", text.strip()).rstrip("日").strip("-")
    iso = _ISO_DATE.fullmatch(s)
    try:
        if iso:  # the ISO form: its three numbers make the date, with no parser
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        return dateparser.parse(s, yearfirst=True, dayfirst=False).date()
    except (ValueError, OverflowError):
        return None


_KIND_PHRASE: Final = (
    r"(?:工作总结|工作计划|工作思路|工作要点|下步打算|下一步打算|工作打算|工作安排|工作报告|工作回顾)"
)
_MERGED_TITLE: Final = re.compile(
    rf"^[^,。;:]{{2,40}}?{_KIND_PHRASE}(?:(?:和|及|暨|与)[^,。;:]{{0,16}}?{_KIND_PHRASE})?"
)


def _merged_title(lines: Sequence[str]) -> str | None:
    """A title glued to the first sentence of the body by a scrape: ``…工作总结和下步打算2021年以来,…``."""
    for line in lines[:3]:
        s = line.strip()
        if s and not _LABEL_START.match(s):
            m = _MERGED_TITLE.match(s)
            return m.group() if m and len(s) > len(m.group()) else None
    return None


def _title(lines: Sequence[str]) -> str | None:
    suffixes = lexicon().title_suffixes
    for line in lines[:12]:
        s = line.strip()
        if len(s) > 60 or not s:
            if len(s) > 60:
                return None  # the body has begun
            continue
        if _LABEL_START.match(s) or "。" in s or not _KIND_WORDS.search(s):
            continue
        for suf in suffixes:
            if s.endswith(suf) and len(s) > len(suf) + 4:
                s = s[: -len(suf)].rstrip(" -_")
                break
        return s
    return None


def _zone(
    lines: Sequence[str], title: str | None, text: str, header: Sequence[str] = ()
) -> tuple[str | None, tuple[str, ...]]:
    found: list[tuple[str, str]] = []
    for line in ([title] if title else []) + list(lines[:12]) + list(header[:12]):
        m = _ZONE_AT_START.match(line)
        if m:
            found.append((m.group("place"), m.group("suffix")))
    if found and not any(place for place, _ in found):
        # the title names only 开发区: the zone may be named in the text (…。东湖开发区坚持…)
        m2 = _ZONE_AT_PHRASE.search(text)
        if m2 is not None and m2.group("place") not in lexicon().zone["not_places"]:
            found = [(m2.group("place"), m2.group("suffix"))]
    if not found:
        m2 = _ZONE_ANYWHERE.search(text)
        return (m2.group(1), ()) if m2 else (None, ())
    place, suffix = min(found, key=lambda ps: (_ZONE_RANK[ps[1]], -len(ps[0])))
    zone = place + suffix
    aliases: list[str] = []
    # (the abbreviations only where the text has them: a name holding one it lacks is not in it)
    abbrevs = [a for a in ("经开区", "高新区") if a in text]
    candidates = [p + s for p, s in found]
    candidates += [place + "开发区", *(place + a for a in abbrevs), *abbrevs, suffix]
    if place:
        candidates.append(place[0] + "开")
    for c in candidates:
        if c and c != zone and c not in aliases and c != "开发区" and _occurs_alone(text, c, zone):
            aliases.append(c)
    return zone, tuple(aliases)


def _occurs_alone(text: str, alias: str, zone: str) -> bool:
    """Does ``alias`` occur other than inside the full zone name?"""
    start = 0
    while True:
        i = text.find(alias, start)
        if i < 0:
            return False
        j = text.rfind(zone, max(0, i - len(zone)), i + len(zone))
        if j < 0 or not (j <= i < j + len(zone)):
            return True
        start = i + 1


def find_title(lines: Sequence[str], noise_lines: Sequence[str]) -> str | None:
    """The title: a title line among the first lines of the cleaned text, or among the lines the
    cleaner dropped that name a zone (a sharing site's decorated title line)."""
    return _title(lines) or _merged_title(lines) or _title([ln for ln in noise_lines if _ZONE_IN.search(ln)])


def read_meta(
    text: str,
    noise_lines: Sequence[str],
    *,
    has_review: bool,
    has_plan: bool,
    review_heading: str | None = None,
    plan_heading: str | None = None,
    title: str | None = None,
) -> Meta:
    """Metadata from the cleaned text and the noise lines the cleaner dropped (``title``: the
    :func:`find_title` of them, when the caller has it)."""
    lines = text.split("\n", 40)[:40]
    title = title or find_title(lines, noise_lines)
    zone, aliases = _zone(lines, title, text, noise_lines)
    kind = _kind(title, has_review, has_plan)
    title_years = [int(y) for y in _YEAR.findall(title or "")]
    half = _part_of_year(title or "")
    review_period: str | None = None
    year: int | None = None
    if kind in ("summary", "summary_and_plan"):
        ry = _first_year(review_heading) or (min(title_years) if title_years else None) or _first_year(text)
        if ry is not None:
            review_period = f"{ry}{half}"
        if kind == "summary_and_plan":
            py = _first_year(plan_heading) or (max(title_years) if len(title_years) > 1 else None)
            if py is None and ry is not None:
                py = ry if half in ("H1", "Q1", "Q2", "Q3") else ry + 1  # (the rest of that year)
            year = py
    elif kind == "plan":
        year = (title_years[0] if title_years else None) or _first_year(plan_heading) or _first_year(text)
    published = None
    for _, line in enumerate(noise_lines):
        m = _date_match(line)
        if m:
            published = parse_date(m.group("date"))
            if published:
                break
    if published is None:
        for line in lines[:15]:
            m = _date_match(line)
            if m and (published := parse_date(m.group("date"))):
                break
    if published is None and lines and len(lines[0]) >= RUN_IN_LINE:
        # a text that lost its line breaks: the date line run in after the title and the issuer
        # (…管理委员会2025-01-20 2025年是…), written with dashes, slashes or points as no prose is
        m = _RUN_IN_DATE.search(lines[0], 0, 120)
        published = parse_date(m.group("date")) if m else None
    return Meta(
        title, zone, aliases, kind, year, review_period, published, _doc_number([*noise_lines, *lines[:15]])
    )


#: The part of a year a title reviews, with its code in ``review_period`` (the first that occurs).
_YEAR_PARTS: Final = (
    ("上半年", "H1"), ("下半年", "H2"), ("前三季度", "Q3"), ("三季度", "Q3"), ("一季度", "Q1"),
    ("二季度", "Q2"), ("四季度", "Q4"),
)  # fmt: skip


def _part_of_year(title: str) -> str:
    """``H1``, ``Q3`` … for a title that reviews part of a year (上半年, 前三季度), else ""."""
    return next((code for word, code in _YEAR_PARTS if word in title), "")


def _date_match(line: str) -> re.Match[str] | None:
    """A date field (发布日期:2022-09-14) or a line that is only a date; its group ``date``."""
    # every field name ends in 日期 or 时间: a line with neither (most of a text's lines) is
    # passed over by two fast substring tests, not a regex scan
    if "日期" in line or "时间" in line:
        m = _DATE_FIELD.search(line)
        if m:
            return m
    if ":" in line and "-" in line:  # a time stamp (原创 某某发布 2023-01-18 17:42): when it was published
        return _STAMP.search(line)
    return _LONE_DATE.match(line)


def _doc_number(lines: list[str]) -> str | None:
    """The first document number (某管发〔2021〕3号) of the lines."""
    head = "\n".join(lines)
    hao = head.find("号")
    while hao >= 0:
        # (\Z at the search's end: the number that ends with this 号)
        m = _DOC_NUMBER.search(head, max(0, hao + 1 - _DOC_NUMBER_LEN), hao + 1)
        if m:
            issuer = _DOC_ISSUER.search(head, max(0, m.start() - 8), m.start())
            if issuer:
                return head[issuer.start() : m.end()]
        hao = head.find("号", hao + 1)
    return None


def _first_year(text: str | None) -> int | None:
    if not text:
        return None
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


_PLAN_WORDS: Final = re.compile(r"计划|打算|思路|要点|安排|规划")
_REVIEW_WORDS: Final = re.compile(r"总结|回顾|情况")


def title_parts(title: str) -> tuple[bool, bool]:
    """Does the title name a review (总结, 回顾, 工作情况), a plan (计划, 打算, 思路 …), or both?
    A 报告 or 汇报 reports on the past, unless it is the report of a plan (…工作计划的报告)."""
    plan = _PLAN_WORDS.search(title) is not None
    review = _REVIEW_WORDS.search(title) is not None or (not plan and ("报告" in title or "汇报" in title))
    return review, plan


def _kind(title: str | None, has_review: bool, has_plan: bool) -> str | None:
    if title:
        review, plan = title_parts(title)
        if review and plan:
            return "summary_and_plan"
        if review:
            return "summary_and_plan" if has_plan and has_review else "summary"
        if plan:
            return "plan"
    if has_review and has_plan:
        return "summary_and_plan"
    if has_review:
        return "summary"
    if has_plan:
        return "plan"
    return None
