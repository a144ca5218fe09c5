"""Projects: named projects, parks and facilities, with what the text attaches to them.

Three readings of the language find them (lexicons in ``data/projects.toml``):

- the members of a list closed by ``等…项目`` (``推动塑之源、泽宇智能等项目及早开工``);
- a name ending in a specific facility word (产业园, 研究院, 综合体, 小镇, 街区 …);
- a name ending in a generic one (项目, 工程, 平台, 中心) right after a verb of
  project work (``实施阿里巴巴工业互联网项目``).

Slogans in quotes, classes of projects (``重大项目``, ``5个产业项目``) and
repeated mentions are left out: each project is reported once, where first named.

>>> [p.name for p in find_projects("加快星河智造、蓝湾新材等项目建成投产,打造5平方公里智造走廊。")]
['星河智造', '蓝湾新材', '智造走廊']
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from typing import Final

import attrs

from .lexicon import lexicon, scanned_trie_pattern, trie_pattern
from .quantities import quote_spans

__all__ = ["ProjectHit", "companies_of", "find_projects"]

_NAME_CHAR: Final = r"[\u4e00-\u9fffA-Za-z0-9·#/]"
_CAPACITY_UNITS: Final = "吨|件|台|套|辆|片|平方米|千瓦时|千瓦|兆瓦时|兆瓦|GWh|GW|MWh|MW|个|只|条|米"
# (a number that names, 1912街区, is none: it has no measure word after it)
_COUNTED: Final = re.compile(
    r"[0-9.]+[万亿千百]?(?:个|家|项|条|大|只|类|批|座|所|栋|幅|宗|块|片|处|间|户|台|套|亩|平方|公顷|公里|米|吨|元)"
    r"|[一二两三四五六七八九十]+(?:个|家|项|条|大|只|类|批)"
)
_VERBISH: Final = re.compile(
    r"发展|推进|加快|提升|实施|以|为|的|是|要|在|了|全力|积极|一批|体系|机制|工作|能力|水平|环境|品牌|政策|"
    r"管理|通过|进一步|加强|强化|形成|实现|解决|影响|提供|开展|打造|建立|完善|优化|深化|围绕|聚焦"
)


@attrs.define  # one per figure or name on the hot path: a frozen attrs class takes 4x as long to build
class ProjectHit:
    """A project name found in the cleaned text (clean offsets)."""

    start: int
    end: int
    name: str
    status: str | None


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Anchors (found in one pass each) and the bounded matches tried at them."""
    lex = lexicon().projects

    def alt(words: tuple[str, ...]) -> str:
        return scanned_trie_pattern(words)

    bare = (
        f"(?:{alt(lex['project_verbs'])})?(?:{alt(lex['generic_modifiers'])})*"
        f"(?:{alt((*lex['specific_suffixes'], *lex['generic_suffixes'], *lex['list_closers']))})"
    )
    anchors = (*lex["project_verbs"], "亿元的", "万元的")
    generic = (
        rf"{_NAME_CHAR}{{2,12}}?(?:{alt(lex['generic_suffixes'])})(?:[一二三四五六]期)?"
        r"(?=[,、;。:等的和与及]|建设|项目|开工|竣工|投产|建成|落地|签约|开业|主体|完工"
        r"|正式|顺利|已|将|年内|年底|力争|计划|预计|于|$"
        r"|[0-9一二三四五六七八九十]{1,2}月|[一二三四]季度|上半年|下半年)"
    )
    return {
        # 等 closing a list of projects: 推动A、B等项目, A、B等3个重点项目
        # (the closer a lookahead: the engine passes over every other 等 without a call into Python)
        "list_anchor": re.compile(
            rf"等(?=(?:[0-9一二三四五六七八九十]+(?:个|家|只|项|条|幅|宗))?[\u4e00-\u9fff]{{0,8}}?"
            rf"(?:{alt(lex['list_closers'])}))"
        ),
        "specific": re.compile(rf"{scanned_trie_pattern(lex['specific_suffixes'])}(?:[一二三四五六]期)?"),
        # a plant named by its capacity: 某公司年产2万吨钢筋生产项目, 某集团20万吨/年聚苯乙烯项目
        "capacity": re.compile(rf"年产能?[0-9.]+[万亿]?(?:{_CAPACITY_UNITS})"),
        # a yearly capacity written after its number (20万吨/年): found from its unit, then back
        "per_year": re.compile("吨/年"),
        "capacity_tail": re.compile(
            rf"{_NAME_CHAR}{{2,18}}?(?:生产线项目|生产项目|项目|生产线|(?=[,、;。:等的和与及]|正在|加快|建设))"
        ),
        # one trie (亿元的 and 万元的 in it): a single class of first characters scans fastest
        "generic_anchor": re.compile(alt(anchors)),
        "generic": re.compile(generic),
        # the same anchors with the name after them read in the same pass (group 1), so the engine
        # passes over an anchor with no name after it without a call into Python; but an anchor
        # another may begin inside (新建 of 新建设) is always reported, since the scan goes on
        # after its end, not inside it
        "generic_at": re.compile(
            rf"{_committed_trie(anchors)}(?:(?=({generic})){_ends_with(_overlapping(anchors))})"
        ),
        # (a stop noun, 开发区 or 中心, is passed over where it stands: see _trim_left; a lookahead
        # for them here would keep the engine from skipping to a stop's first character)
        "stops": re.compile(scanned_trie_pattern(lex["left_stops"])),
        # a facility word with only class modifiers before it (科创平台, 省企业研究院)
        # (a stage word before it too: 签约项目, 在建项目)
        "bare": re.compile(bare),
        # what makes a candidate a class of projects, read from its start: only a bare facility word,
        # a generic head (重大项目), a soft head on a short one (新项目), a count (5个产业项目)
        "generic_head": re.compile(
            rf"(?:{bare})\Z|{alt(lex['generic_heads'])}|(?=[\s\S]{{0,4}}\Z){alt(lex['soft_heads'])}"
            rf"|(?:{_COUNTED.pattern})"
        ),
        # a numbered heading whose whole title is a name ending in 项目: the items of a list of
        # projects (1.某某储能电池项目。总投资…); a title that opens with a verb (2.搭建创新平台)
        # is a work item instead, and is left out below. Found from the line break before it (a
        # fixed first character scans fast; the first line is the document's title)
        "heading_name": re.compile(
            r"\n[ \t]*(?:[0-9]{1,2}[.、]|\([0-9]{1,2}\)|[①-⑳])[ \t]*"
            rf"(?P<name>{_NAME_CHAR}{{2,18}}?项目)(?=[。;:]|[ \t]*\n|[ \t]*$)"
        ),
        # a generic word with a stage right after it: the end of a name that may be the subject of
        # a report (;润达电池结构件项目主体完工, 。港区智慧调度平台上线运行), read back from there
        "subject_end": re.compile(
            scanned_trie_pattern(lex["generic_suffixes"])
            + rf"(?=主体|(?:{alt((*lex['completed'], '上线', '开通', '封顶'))}))"
        ),
    }


def _committed_trie(words: tuple[str, ...]) -> str:
    """A trie of ``words`` that keeps the word it read (the longest) when what follows fails, as a
    trie alone does at a position (an atomic group after the first character, so the engine still
    scans for a first character)."""
    return scanned_trie_pattern(words, committed=True)


def _overlapping(words: tuple[str, ...]) -> list[str]:
    """The words another may begin inside of (新建, with 建设 begun at its 建)."""
    return [
        w
        for w in words
        if any(v.startswith(w[i:]) or w[i:].startswith(v) for i in range(1, len(w)) for v in words)
    ]


def _ends_with(words: list[str]) -> str:
    """Alternatives (after a ``|``) that the text just read ends with one of ``words``."""
    by_length: dict[int, list[str]] = {}
    for w in words:
        by_length.setdefault(len(w), []).append(re.escape(w))
    return "".join(f"|(?<={'|'.join(ws)})" for ws in by_length.values())


# (matched on the reversed text: a point is part of a name between digits, 第8.6代线)
_NAME_RUN: Final = re.compile(r"(?:[^\W_]|[·#/]|\.(?=[0-9]))*")
_LIST_RUN: Final = re.compile(r"(?:[^\W_]|[·#/、\x00]|\.(?=[0-9]))*")
#: What separates the members of a list (A、B和C).
_LIST_SEP: Final = re.compile(r"[、和及与]")
#: A member of a list of two characters or more (the cuts of a member only shorten it: 、、 or 和和
#: holds no name).
_LIST_MEMBER: Final = re.compile(r"[^、和及与]{2,}")
#: A short aside in brackets, and what stands for it while a list's members are read.
_ASIDE: Final = re.compile(r"\([^()\n]{1,20}\)")
_HIDDEN: Final = "\x00"


def _hidden(aside: re.Match[str]) -> str:
    """An aside hidden, its length kept."""
    return _HIDDEN * len(aside.group())


def _number_start(text: str, pos: int) -> int:
    """Start of the number (digits, a point, 万/亿) that ends at ``pos``."""
    i = pos
    lo = max(0, pos - 24)
    while i > lo and text[i - 1] in "0123456789.万亿":
        i -= 1
    return i


def _run_start(text: str, pos: int, limit: int, floor: int = 0, run: re.Pattern[str] = _NAME_RUN) -> int:
    """Start of the run of name characters that ends at ``pos`` (at most ``limit`` long)."""
    lo = max(floor, pos - limit)
    if lo >= pos:
        return pos
    return pos - run.match(text[lo:pos][::-1]).end()  # type: ignore[union-attr]  # * always matches


_STATUSES: Final = ("completed", "under_construction", "signed", "negotiating", "planned")


@functools.cache
def _status_rx() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every stage word in one trie (the longest word at a position), and the stage of each."""
    lex = lexicon().projects
    stage: dict[str, str] = {}
    for s in _STATUSES:
        for w in lex[s]:
            stage.setdefault(w, s)  # a word listed under two stages keeps the first
    return re.compile(trie_pattern(stage)), stage


def _status(text: str, clause: tuple[int, int], name_end: int, *, plan: bool = False) -> str | None:
    """The stage named by the last stage word of the clause ``text[clause[0]:clause[1]]`` (建成
    completed, 在谈 negotiating …).

    In a plan, work still to start is planned: a clause with a planning word (谋划, 筹建 …), or
    whose last stage word starts the work (推动X及早开工, 确保X顺利开工); work to finish is being
    built (推动X尽快竣工)."""
    rx, stage = _status_rx()
    word = ""
    planned = False
    # the first stage word after the name speaks of it (A已完成、B正在施工); else the last before
    for m in rx.finditer(text, *clause):
        word = m.group()
        planned = planned or stage[word] == "planned"
        if m.start() >= name_end:
            break
    if not word:
        return None
    if plan and (planned or word in lexicon().projects["start_words"]):
        return "planned"
    last = stage[word]
    if plan and last == "completed":
        return "under_construction"  # 推动X尽快竣工: to be finished, so being built
    return last


_CLAUSE_OPEN: Final = re.compile(r"[,;。:\n]")
_CLAUSE_CLOSE: Final = re.compile(r"[,;。\n]")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around ``text[start:end]`` (looked for near it first: clauses are short)."""
    lo = max(0, start - 160)
    back = _CLAUSE_OPEN.search(text[lo:start][::-1])  # the last opener before start
    # (a clause longer than the window is rare)
    s = start - back.start() if back else max(text.rfind(c, 0, start) for c in ",;。:\n") + 1
    close = _CLAUSE_CLOSE.search(text, end)
    return s, close.start() if close else len(text)


#: A yearly capacity written after its number (20万吨/年).
_PER_YEAR_FIGURE: Final = re.compile(r"[0-9.]+[万亿]?吨/年")
_FIGURE: Final = re.compile(
    r"[0-9.]+[万亿]?(?:平方公里|平方米|公顷|万方|方|亩|吨/年|吨|亿元|万元|元|美元|个|家|项|条)"
)


def _trim_left(item: str, stops: re.Pattern[str], *, figures: bool = True) -> tuple[str, int]:
    """Cut the name after the last verb, function word or figure on its left."""
    cut = 0
    limit = len(item) - 1
    if not figures:  # a plant named by its capacity: no cut inside the capacity (年产…, 20万吨/年)
        limit = item.find("年产")
        if limit < 0:
            fig = _PER_YEAR_FIGURE.search(item)
            limit = fig.start() if fig else len(item) - 1
    nouns, particles, coordinators, verbs = _stop_words()
    verb_end = 0  # where the run or the last stop begun at its end ends: a name may begin there
    before = cut_from = 0  # the cut before the last, and where the last cut's stop begins
    for m in stops.finditer(item):
        s, e = m.span()
        if e > limit or e >= len(item) - 1 or item.startswith(nouns, s):
            continue
        if e - s == 1:
            if item[s] in coordinators and s - cut >= 2 and not _ends_name(item[cut:s]):
                continue  # 新能源及高端装备产业园: two modifiers of one facility
            if s == verb_end and item[s] not in particles:
                continue  # 中央创新城, 参与中医药省实验室: the name begins with the word
        verb_end = e
        if e > cut:
            before, cut, cut_from = cut, e, s
    if (
        cut - cut_from > 1
        and item[cut_from:cut] not in verbs
        and _patterns()["bare"].fullmatch(item, cut)
        and _may_begin(item, before, stops)
    ):
        # 打造家电产业创新服务综合体: a word cut at that leaves a bare facility word (综合体) is
        # inside the name (but not a verb of project work: 启动产业园); the cut before it stands
        cut = before
    # a stop that overlaps the one cut at, and ends later, moves the cut (新建设: 新建, then 建设)
    while (
        cut
        and (over := stops.match(item, cut - 1)) is not None
        and not item.startswith(nouns, cut - 1)  # (no stop where a stop noun stands)
        and cut < over.end() <= limit
        and over.end() < len(item) - 1
    ):
        cut = over.end()
    fig = _FIGURE.search(item) if figures else None
    for m in _FIGURE.finditer(item, fig.start()) if fig is not None else ():
        if m.end() < len(item) - 1:
            cut = max(cut, m.end())
    return item[cut:], cut


#: A count inside a candidate: what follows it is no part of the name before (东苑小学两个新校区).
_COUNT_IN: Final = re.compile(r"[0-9一二两三四五六七八九十]+[个家座所栋条项]")


def _cut_right(name: str) -> str:
    """The name without what the text says of it after it: a stage (浦南三路已完成, X竣工), the rest of
    a one-member list (零跑整车二期等新项目), a count of its parts (东苑小学两个新校区)."""
    cut = len(name)
    for word in ("等", "已"):  # 已 starts what was done to it (浦南三路已完成): no name has it
        at = name.find(word, 2, cut)
        if at > 0:
            cut = at
    count = _COUNT_IN.search(name, 2, cut)
    if count is not None and _ends_name(name[: count.start()]):
        cut = count.start()
    if cut > 2 and name[cut - 1] in _stage_ends():
        _, stage = _status_rx()
        for k in range(min(4, cut - 2), 0, -1):  # the longest stage word ending it (X竣工)
            if name[cut - k : cut] in stage:
                cut -= k
                break
    return name[:cut]


@functools.cache
def _stage_ends() -> frozenset[str]:
    """The last characters of the stage words (most names end in none of them)."""
    return frozenset(w[-1] for w in _status_rx()[1])


@functools.cache
def _stop_words() -> tuple[tuple[str, ...], frozenset[str], frozenset[str], frozenset[str]]:
    """The stop nouns, the particles, the coordinators and the verbs of project work."""
    lex = lexicon().projects
    return (
        lex["stop_nouns"],
        frozenset(lex["particles"]),
        frozenset(lex["coordinators"]),
        frozenset(lex["project_verbs"]),
    )


def _stop_at(item: str, pos: int, stops: re.Pattern[str]) -> re.Match[str] | None:
    """The stop at ``pos``, unless a stop noun (开发区, 中心) stands there."""
    return None if item.startswith(_stop_words()[0], pos) else stops.match(item, pos)


def _may_begin(item: str, pos: int, stops: re.Pattern[str]) -> bool:
    """May a name begin at ``pos``: no stop there, or a one-character word that begins names (中)?"""
    stop = _stop_at(item, pos, stops)
    return stop is None or (stop.end() - pos == 1 and item[pos] not in _stop_words()[1])


def _ends_name(words: str) -> bool:
    """Does ``words`` end as a project's name does (a facility word, 项目, 一期)?"""
    return words.endswith(lexicon().projects["facility_words"])


def _generic(name: str) -> bool:
    """Is the candidate a class of projects (重大项目, 5个产业项目, 高层次人才 …), not a named one?"""
    return (
        _patterns()["generic_head"].match(name) is not None
        or name.endswith(lexicon().projects["generic_tails"])
        or _VERBISH.search(name) is not None
    )


_PHASE_END: Final = re.compile(r"[一二三四五六七八九]期$")
#: What a slogan in quotes has and a project's name has not: a number (“三区三线”), 之城, 工厂.
_SLOGAN: Final = re.compile(r"[一二两三四五六七八九十万千百]|之城|工厂")


#: A company written at the start of a project's name: 某某材料有限公司…, 某某集团…
_COMPANY: Final = re.compile(r"[^\W\d_]{2,20}?(?:股份有限公司|有限责任公司|有限公司|集团|公司)")


def companies_of(name: str) -> list[str]:
    """The company behind a project, where its name says: a company at its start (蓝海材料有限公司
    年产…项目, 利华集团新材料产业园), or the owner of a plant named by its capacity (中石化年产…)."""
    company = _COMPANY.match(name)
    if company is not None and company.end() < len(name):
        return [company.group()]
    owner = name.find("年产")
    if owner >= 2 and not any(ch.isdigit() for ch in name[:owner]):
        return [name[:owner]]
    return []


def _in_quotes(quotes: list[tuple[int, int]], s: int, e: int) -> bool:
    """Is ``[s, e)`` inside one of the sorted, disjoint quoted spans?"""
    i = bisect.bisect_left(quotes, (s,)) - 1  # the last span opening before s
    return i >= 0 and quotes[i][0] < s and e < quotes[i][1]


def find_projects(
    text: str,
    *,
    quotes: list[tuple[int, int]] | None = None,
    part_at: Callable[[int], str | None] | None = None,
) -> list[ProjectHit]:
    """Projects named in the cleaned text, each once, in order of first mention (``quotes``: the
    :func:`~zoneplan.quantities.quote_spans` of ``text``, when the caller has them)."""
    pats = _patterns()
    stops = pats["stops"]
    if quotes is None:
        quotes = quote_spans(text)
    found: list[tuple[int, int, str]] = []

    # a member read once: lists overlap where a text runs one into the next (A、B等项目和C、D等项目),
    # and a member, its place and whether it opens its list give the same name each time
    read: set[tuple[int, int, bool]] = set()
    for m in pats["list_anchor"].finditer(text):
        lo = max(0, m.start() - 300)
        # an aside in brackets after a member (星河科技(总投资15亿元)、蓝海新材…) is passed over
        window = _ASIDE.sub(_hidden, text[lo : m.start()])
        left = lo + len(window) - _LIST_RUN.match(window[::-1]).end()  # type: ignore[union-attr]
        run = window[left - lo :]
        if _LIST_SEP.search(run) is None:
            continue  # one name, no list
        for member in _LIST_MEMBER.finditer(run):
            start = left + member.start()
            item = text[start : start + len(member.group().rstrip(_HIDDEN))]  # without a trailing aside
            opens = member.start() == 0  # the member that opens the list
            if len(item) < 2 or (start, len(item), opens) in read:
                continue
            read.add((start, len(item), opens))
            if opens and len(item) > 24:
                start, item = start + len(item) - 24, item[-24:]
            name, offset = _trim_left(item, stops) if opens else (item, 0)
            name = _cut_right(name)
            if 2 <= len(name) <= 20 and not _generic(name):
                found.append((start + offset, start + offset + len(name), name))
    anchors = [(m.start(), m.end()) for m in pats["capacity"].finditer(text)]
    for m in pats["per_year"].finditer(text):
        start = _number_start(text, m.start())
        if start < m.start() and text[start].isdigit():
            anchors.append((start, m.end()))
    for a_start, a_end in sorted(anchors):
        tail = pats["capacity_tail"].match(text, a_end)
        left = _run_start(text, a_start, 20)
        if tail is None or (a_start - left < 2 and text[a_start - 1 : a_start] not in ("、", "")):
            continue  # a plant named by its capacity has its owner or a verb before it, or opens an item
        name, offset = _trim_left(text[left : tail.end()], stops, figures=False)
        if name.startswith("年产") and not name.endswith(("项目", "生产线")):
            continue  # 形成年产30万吨正极材料…生产能力: a capacity, no plant named by it
        if 6 <= len(name) <= 40 and not _VERBISH.search(name[:2]):
            found.append((left + offset, tail.end(), name))
    prev_end = 0
    last = -1  # the name the previous facility word ended (its index in found), -1 for none
    for m in pats["specific"].finditer(text):
        left = _run_start(text, m.start(), 16, prev_end)
        if left == prev_end and last >= 0 and not found[last][2].endswith(("工程", "项目")):
            # 某某医院绍兴院区, 某某大道南延伸段市政工程: a facility word going on without a
            # break into another is one name (but a finished 工程 or 项目 is followed by the next)
            s0 = found[last][0]
            if m.end() - s0 <= 40 and (left == m.start() or _trim_left(text[left : m.end()], stops)[1] == 0):
                found[last] = (s0, m.end(), text[s0 : m.end()])
                prev_end = m.end()
                continue
        if left == m.start():
            continue
        name, offset = _trim_left(text[left : m.end()], stops)
        if 4 <= len(name) <= 24 and not _generic(name):
            found.append((left + offset, m.end(), name))
            last = len(found) - 1
        else:
            last = -1
        prev_end = m.end()
    for m in pats["generic_at"].finditer(text):
        start, g_end = m.span(1)
        if start < 0:
            continue  # an anchor another may begin inside, with no name after it
        name = text[start:g_end]
        # a verb that overlaps the anchor ends it (新建设X: 建设 after 新建)
        over = pats["generic_anchor"].match(text, m.end() - 1)
        if over is not None and over.end() > m.end() and len(name) - (over.end() - m.end()) >= 4:
            start, name = over.end(), name[over.end() - m.end() :]
        while (verb := pats["generic_anchor"].match(name)) and len(name) - verb.end() >= 4:
            start, name = start + verb.end(), name[verb.end() :]  # 加快建设X: verbs in a row
        name = _cut_right(name)
        if 4 <= len(name) <= 16 and not _generic(name):
            found.append((start, start + len(name), name))
    for m in pats["subject_end"].finditer(text):
        left = _run_start(text, m.end(), 16)
        if left and text[left - 1] not in ",;。\n":
            continue  # the name opens its clause: it is what the clause reports on
        name = _cut_right(text[left : m.end()])
        if 4 <= len(name) <= 16 and _trim_left(name, stops)[1] == 0 and not _generic(name):
            found.append((left, left + len(name), name))
    for m in pats["heading_name"].finditer(text):
        name = m.group("name")
        if 4 <= len(name) <= 20 and _trim_left(name, stops)[1] == 0 and not _generic(name):
            found.append((m.start("name"), m.end("name"), name))

    # the next members of a list a project opens (A二期、B扩建项目; A项目和B项目): names ending in
    # 项目 or 工程, joined to it (a list closed by 等 is read from its closer)
    for _, e, _ in sorted(found, key=lambda t: t[1]):
        while e < len(text) and text[e] in "、和与及" and (g := pats["generic"].match(text, e + 1)):
            end = g.end() + 2 if text.startswith(("项目", "工程"), g.end()) else g.end()  # 某基地项目
            name = text[g.start() : end]
            named = 4 <= len(name) <= 18 and name.endswith(("项目", "工程")) and "等" not in name
            if not named or _generic(name):
                break
            found.append((g.start(), end, name))
            e = end
    # the names kept, with their ends and their names without a phase: a later, shorter mention of
    # one (ABS树脂一体化 after 40万吨/年高性能ABS树脂一体化, 巴贝工厂化养蚕 after 巴贝工厂化养蚕一期)
    # is the same project (but 曙光三期 after 曙光三期4#地块 is another)
    seen: set[str] = set()
    ends: list[str] = []  # the names kept, reversed and sorted: is a later name the end of one?
    taken_end = -1  # candidates come sorted by start: one may overlap only the last one kept
    hits: list[ProjectHit] = []
    for s, e, name in sorted(found, key=lambda t: (t[0], -(t[1] - t[0]))):
        key = name[:-2] if name.endswith("项目") and len(name) > 4 else name  # X项目 is X named again
        if key in seen or s < taken_end:
            continue
        rkey = key[::-1]
        at = bisect.bisect_left(ends, rkey)
        if len(key) >= 4 and at < len(ends) and ends[at].startswith(rkey):
            continue
        if _in_quotes(quotes, s, e) and _SLOGAN.search(name):
            continue  # a slogan: “三区三线”, “青春之城”, “未来工厂”
        seen.add(key)
        bisect.insort(ends, rkey)
        if (phase := _PHASE_END.search(key)) is not None:
            seen.add(key[: phase.start()])
        taken_end = e
        plan = part_at is not None and part_at(s) == "plan"
        hits.append(ProjectHit(s, e, name, _status(text, _clause(text, s, e), e, plan=plan)))
    return hits
