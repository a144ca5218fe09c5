"""Projects: named projects, parks and facilities, with what the text attaches to them.

Two readings of the language find them: a name ending in a facility word
(产业园, 研究院, 综合体, 工程 …, in ``data/projects.toml``), and the members of
a list closed by ``等…项目`` (``推动塑之源、泽宇智能等项目及早开工``).

>>> [p.name for p in find_projects("加快金华之心、百诚等项目建成投产,打造10平方公里信息科创走廊。")]
['金华之心', '百诚', '信息科创走廊']
"""

from __future__ import annotations

import functools
import re

import attrs

from .lexicon import lexicon

__all__ = ["ProjectHit", "find_projects"]

_CJK_NAME = r"[\u4e00-\u9fffA-Za-z0-9·#]"


@attrs.frozen
class ProjectHit:
    start: int
    end: int
    name: str
    status: str | None


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon().projects
    suffix = "|".join(map(re.escape, lex["suffixes"]))
    listed = re.compile(
        rf"(?P<items>(?:{_CJK_NAME}{{2,24}}[、和及与]){{1,12}}{_CJK_NAME}{{2,24}})等"
        rf"(?:[\d一二三四五六七八九十]+(?:个|家|只|项|条))?[\u4e00-\u9fff]{{0,10}}?(?:项目|企业|工程|道路|园区|平台|载体|学校)"
    )
    named = re.compile(rf"{_CJK_NAME}{{1,20}}?(?:{suffix})(?![\u4e00-\u9fff]{{0,1}}(?:建设|发展))")
    stops = re.compile("|".join(map(re.escape, lex["left_stops"])))
    return listed, named, stops


_GENERIC = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,2}(?:项目|园区|平台|中心|工程|基地|产业园|重点项目|重大项目|产业项目|新项目|大项目|"
    r"平台载体|线|路|城|园|谷|港|站|楼|馆|市场|片区|地块|厂房|企业|创新中心|研发中心|服务中心|科创中心))$"
)
_BAD = re.compile(r"\d{4}年|[年月日]度|发展|建设|推进|加快|提升|打造|实施|以|为|的|是|和|及|与|要|在|了|全力|积极|重点|一批|体系|机制|工作|能力|水平|环境|服务|品牌|规划|政策|管理")


def _status(clause: str) -> str | None:
    lex = lexicon().projects
    best: tuple[int, str] | None = None
    for status in ("completed", "under_construction", "signed", "negotiating", "planned"):
        for w in lex[status]:
            i = clause.rfind(w)
            if i >= 0 and (best is None or i > best[0]):
                best = (i, status)
    return best[1] if best else None


def _clause(text: str, start: int, end: int) -> str:
    s = max(text.rfind(c, 0, start) for c in ",;。:\n")
    e_candidates = [i for i in (text.find(c, end) for c in ",;。\n") if i >= 0]
    e = min(e_candidates) if e_candidates else len(text)
    return text[s + 1 : e]


def find_projects(text: str) -> list[ProjectHit]:
    """Projects named in the cleaned text, in order, without duplicates at one place."""
    listed, named, stops = _patterns()
    hits: dict[int, ProjectHit] = {}
    for m in listed.finditer(text):
        base = m.start("items")
        pos = base
        for item in re.split(r"[、和及与]", m.group("items")):
            start = pos
            pos += len(item) + 1
            name, offset = _trim_left(item, stops)
            if 2 <= len(name) <= 20 and not _BAD.search(name) and not re.search(r"\d", name[:1]):
                s = start + offset
                hits[s] = ProjectHit(s, s + len(name), name, _status(_clause(text, s, s + len(name))))
    for m in named.finditer(text):
        raw = m.group()
        name, offset = _trim_left(raw, stops)
        s = m.start() + offset
        if len(name) < 4 or len(name) > 24 or _GENERIC.match(name) or _BAD.search(name):
            continue
        if any(h.start <= s < h.end or s <= h.start < s + len(name) for h in hits.values()):
            continue
        hits[s] = ProjectHit(s, s + len(name), name, _status(_clause(text, s, s + len(name))))
    return [hits[k] for k in sorted(hits)]


def _trim_left(item: str, stops: re.Pattern[str]) -> tuple[str, int]:
    """Cut the name after the last verb or function word on its left."""
    cut = 0
    for m in stops.finditer(item):
        if m.end() < len(item) - 1:
            cut = max(cut, m.end())
    return item[cut:], cut
