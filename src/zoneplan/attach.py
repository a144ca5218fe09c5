"""Attach: what each quantity measures, its kind, comparator, role and headline flag.

Works on the cleaned text with the mentions of :mod:`zoneplan.quantities`
and the part map of :mod:`zoneplan.outline`. Every rule reads the language
(cue words in ``data/cues.toml``, the grammar of the clause), never a
particular document's wording.

>>> from zoneplan.quantities import find_mentions
>>> text = "主要目标是:实现工业应税销售收入332亿元、增幅10%,确保新增高企25家以上。"
>>> facts = attach(text, find_mentions(text), lambda pos: "plan")
>>> for f in facts:
...     print(f.name, f.kind, f.comparator, f.role, f.headline)
工业应税销售收入 level eq target True
工业应税销售收入 growth eq target True
高企 count ge target True
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Collection, Sequence
from typing import Final

import attrs

from .lexicon import lexicon, trie_pattern
from .outline import sentence_ends
from .quantities import PREFIX_CUES, Mention

__all__ = ["Facts", "attach", "headline_zones"]

_CLAUSE_END: Final = ",;:。!?\n()"
_DELIMS: Final = set(",;:。!?\n、()/")  # /: a rate per something (28.6万元/亩), no noun after it
#: What ends the noun phrase after a figure (and 的, which ends it unless it comes first).
_FOLLOW_BREAK_CHARS: Final = ",;:。!?\n、()"
_FOLLOW_BREAKS: Final = frozenset(_FOLLOW_BREAK_CHARS)
_FOLLOW_STOP: Final = re.compile("[" + re.escape(_FOLLOW_BREAK_CHARS) + "的]")
_LABEL_PREFIX: Final = re.compile(
    r"^(?:[0-9]{1,2}[.、]|[一二三四五六七八九十]{1,3}[、是抓]|\([^()]{1,3}\)|[①-⑳])"
)
_YEAR_PREFIX: Final = re.compile(
    r"^(?:[0-9]{4}(?:[-—–~至到][0-9]{4})?年(?:度)?|今年|明年|全年|年内|当年|年底前|上半年|下半年"
    r"|前[0-9一二三四五六七八九十]{1,2}(?:个月|季度)|[0-9]{1,2}[-—–~至][0-9]{1,2}月份?)+"
)
#: A level of government a class of facilities or firms is recognised at (省级以上, 国家级).
_LEVEL: Final = re.compile(r"(?:国家|省|市|区|县)级(?:以上)?")
# the base a change is measured against, at the end of a name: 税收收入较2024年(增长6%)
_COMPARED_TAIL: Final = re.compile(r"(?:较|比|与)(?:[0-9]{4}年度?|上年度?|去年)(?:同期)?(?:相比)?$")
#: A comparison with a level elsewhere (高于全市平均水平2.4个百分点): it names no indicator, the
#: figure measures the one named before it.
_COMPARED_WITH: Final = re.compile(
    r"(?:高于|低于|快于|慢于|超出|领先)[\u4e00-\u9fff]{0,12}(?:平均水平|平均|水平)"
)
# the zone as the subject of its own figures: 江岸经开区全年完成… / 全区实现… / 园区…
_ZONE_PREFIX: Final = re.compile(
    r"^(?:[\u4e00-\u9fffA-Za-z]{0,6}?(?:经济技术开发区|经济开发区|高新技术产业开发区|经开区|高新区|开发区)|全区|我区|全园|园区|全市)"
)


@attrs.define  # one per figure or name on the hot path: a frozen attrs class takes 4x as long to build
class Facts:
    """The attributes attached to one mention."""

    name: str | None
    kind: str
    comparator: str
    role: str
    headline: bool
    dimension: str
    part: str | None
    sentence: tuple[int, int] = (0, 0)  # clean offsets of the sentence it sits in


@functools.cache
def _cue_lists() -> dict[str, tuple[str, ...]]:
    lex = lexicon()
    return {**lex.name_cues, "kind_only": tuple(sorted(lex.kind_cues, key=len, reverse=True))}


@functools.cache
def _not_names() -> frozenset[str]:
    return frozenset(_cue_lists()["not_names"])


@functools.cache
def _name_sets() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The attribute nouns and the bare kind cues, as sets (one probe instead of a scan), and the
    verbs after a figure and those before a noun (all that :func:`_name` reads, in one look-up)."""
    cues = _cue_lists()
    return (
        frozenset(cues["attribute_nouns"]),
        frozenset(cues["kind_only"]),
        cues["verbs_after"],
        cues["verbs_before_noun"],
    )


@functools.cache
def _strip_patterns() -> tuple[tuple[frozenset[str], int], tuple[frozenset[str], int]]:
    """Cue words as sets with their longest length (a few dict probes instead of a regex scan)."""
    cues = _cue_lists()
    lead = frozenset(cues["strip_lead"])
    tail = frozenset(cues["strip_tail"])
    return (lead, max(map(len, lead))), (tail, max(map(len, tail)))


def _without_tail(name: str, tail: frozenset[str], tail_max: int) -> str:
    """``name`` without the longest tail cue it ends with."""
    for k in range(min(tail_max, len(name)), 0, -1):
        if name[-k:] in tail:
            return name[:-k]
    return name


@functools.lru_cache(maxsize=4096)
def _strip_name(name: str) -> str:
    """The name without leading cue words, years and labels, or trailing cue words."""
    (lead, lead_max), (tail, tail_max) = _strip_patterns()
    keep = _cue_lists()["keep_lead"]
    prev = None
    while prev != name:
        prev = name
        name = _YEAR_PREFIX.sub("", _ZONE_PREFIX.sub("", _LABEL_PREFIX.sub("", name))).strip(" \t,、")
        lead_room = 0 if name.startswith(keep) else min(lead_max, len(name) - 1)  # 建成区 stays whole
        for k in range(lead_room, 0, -1):  # the longest cue first
            if name[:k] in lead:
                if len(_without_tail(name[k:], tail, tail_max)) == 1:
                    break  # 开工率达64.3%: a cue that would leave one character (率) is part of the name
                name = name[k:]
                if name[:1] in ("和", "及", "与", "、") and len(name) > 2:
                    name = name[1:]  # 新建和改造道路: the next verb of a joined pair comes next
                break
        name = _COMPARED_TAIL.sub("", _without_tail(name, tail, tail_max))
    name = name.strip(" \t,、“”")
    if name in _not_names() or _COMPARED_WITH.fullmatch(name):
        return ""
    if name.count("“") != name.count("”"):
        name = name.replace("“", "").replace("”", "")  # a quote cut in half at the clause edge
    return name


#: How far back from a figure the clause rules look (a clause is rarely longer).
_WINDOW: Final = 60
_CLAUSE_RX: Final = re.compile("[" + re.escape(_CLAUSE_END) + "]")


@functools.lru_cache(maxsize=8)
def _breaks(text: str) -> tuple[list[int], list[int]]:
    """Offsets of clause and sentence breaks of ``text`` (one regex pass each, cached per text)."""
    return [m.start() for m in _CLAUSE_RX.finditer(text)], sentence_ends(text)


def _clause_start(text: str, pos: int, floor: int) -> int:
    clauses = _breaks(text)[0]
    i = bisect.bisect_left(clauses, pos) - 1
    return max(floor, clauses[i] + 1 if i >= 0 else 0)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    sents = _breaks(text)[1]
    i = bisect.bisect_left(sents, pos)
    s = sents[i - 1] if i > 0 else -1
    e = sents[i] if i < len(sents) else len(text)
    return s + 1, e


@functools.cache
def _targets_cue() -> re.Pattern[str]:
    """The cue that opens the main-targets paragraph (compiled once).

    主要预期目标为: / 今年的主要目标是: / 主要目标 at a line end.
    """
    cues = trie_pattern(lexicon().headline_targets)
    return re.compile(
        rf"(?:{cues})(?:[^,;。\n]{{0,4}}?(?:为|是|如下)?\s*[:：]|[^,;。\n]{{0,3}}?(?:为|是)|\s*$)", re.M
    )


def headline_zones(
    text: str,
    part_at: Callable[[int], str | None],
    mentions: Sequence[Mention],
    first_heading: Callable[[int], int],
    part_openers: Collection[int] = (),
) -> list[tuple[int, int]]:
    """Spans of the main-targets sentence and of the headline-results sentence.

    ``first_heading(pos)`` gives the start of the first sub-heading after ``pos``
    (the results sentence sits in the review part's opening, before it); ``part_openers``
    the starts of the headings that name a part (一、2024年工作总结).
    """
    zones: list[tuple[int, int]] = []
    starts = [m.start for m in mentions]
    for cm in _targets_cue().finditer(text):
        i = cm.start()
        if i >= 0:
            _, e = _sentence_bounds(text, i)
            if not _has_figure(starts, i, e):
                e = _list_after(text, e, starts)  # 主要目标:\n1.…;\n2.…
            if _has_figure(starts, i, e):
                zones.append((i, e))
                break
    # the review part's opening sentence that carries several results: before the first
    # sub-heading, or (an opening of background figures, a heading naming the part, 一、2024年工作
    # 总结) right under the heading that opens the review
    first = -1  # its first figure
    for k, s in enumerate(starts):
        if part_at(s) == "review":
            first = k
            break
    if first >= 0:
        limit = first_heading(starts[first])
        zone = _results_sentence(text, mentions, first, limit, part_at)
        if zone is None and limit in part_openers and part_at(limit) == "review":
            after = bisect.bisect_left(starts, limit)
            zone = _results_sentence(text, mentions, after, first_heading(limit), part_at)
        if zone is not None:
            zones.append(zone)
    return zones


def _results_sentence(
    text: str, mentions: Sequence[Mention], first: int, limit: int, part_at: Callable[[int], str | None]
) -> tuple[int, int] | None:
    """The first sentence of the review part between figure ``first`` and offset ``limit`` with
    three results or more (amounts of money and percentages)."""
    counts: dict[tuple[int, int], int] = {}
    for m in itertools.islice(mentions, first, None):  # no figure before it is in the review part
        if m.start >= limit:
            break  # the figures are in order: none after it is before the sub-heading
        if part_at(m.start) != "review":
            continue
        if m.udef is None or m.udef.dimension in ("currency_cny", "currency_usd", "percent"):
            b = _sentence_bounds(text, m.start)
            counts[b] = counts.get(b, 0) + 1
    return next((b for b, n in counts.items() if n >= 3), None)


def _has_figure(starts: Sequence[int], a: int, b: int) -> bool:
    """Does a figure start in ``[a, b)`` (``starts``: the figures' starts, in order)?"""
    k = bisect.bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def _list_after(text: str, pos: int, starts: Sequence[int]) -> int:
    """End of the run of lines after ``pos`` that each carry a figure (a list of targets), or of
    the one paragraph after it that carries them all (主要目标\n全年力争…增长…,…达到…)."""
    end = pos
    for k in range(12):
        if end >= len(text):
            break
        nl = text.find("\n", end + 1)
        line_end = len(text) if nl < 0 else nl
        paragraph = line_end - end > 80
        if (k and paragraph) or not _has_figure(starts, end, line_end):
            break
        end = line_end
        if paragraph:
            break  # the first line is a paragraph, not an item of a list: it is the whole of it
    return end


def attach(
    text: str,
    mentions: Sequence[Mention],
    part_at: Callable[[int], str | None],
    zones: Sequence[tuple[int, int]] | None = None,
) -> list[Facts]:
    """Facts for each mention, in order."""
    comparator_inside = lexicon().comparator_inside
    if zones is None:
        zones = headline_zones(text, part_at, mentions, lambda pos: len(text))
    before_ends, after_heads = _comparator_edges()
    out: list[Facts] = []
    names: list[str | None] = []
    amount: tuple[int, str | None] = (-1, None)  # the sentence and name of the last figure not a %
    prev_kind = ""  # the kind of the figure before
    prev_threshold = False
    starts = [m.start for m in mentions]
    text_end, n_mentions = len(text), len(mentions)
    clauses, sents = _breaks(text)
    yearly = _says_yearly_output(text)
    tabs = "\t" in text  # rows of a table (most documents have none)
    spreads = [w.start() for w in _SPREAD.finditer(text)]  # where 分别 stands (most documents have none)
    scope_end = -1  # the end of the last figure that says what the work is about (围绕3个专题)
    prev_end = 0
    for idx, m in enumerate(mentions):
        start, end = m.start, m.end
        # a comparator word ends with the character before the figure or starts with the one after it
        cmp_before, cmp_len = (
            _before_comparator(text, start) if text[start - 1 : start] in before_ends else (None, 0)
        )
        inside = m.inside_comparator
        if inside in PREFIX_CUES and not cmp_len:
            cmp_len = 1  # 上百个, 数十家: the cue before the figure is no part of its name
        cmp_after, after_len = (
            _after_comparator(text, end) if text[end : end + 1] in after_heads else (None, 0)
        )
        within = text[end : end + 1] == "内" and m.udef is not None and m.udef.dimension == "duration"
        if within and not cmp_after:
            cmp_after, after_len = "le", 1  # 两年内: within a time (28平方公里内 is a place's extent)
        comparator = cmp_before or cmp_after or (comparator_inside.get(inside or "") or "eq")
        tail = end + after_len
        cut = start - cmp_len  # where the words before the figure end
        ci = bisect.bisect_left(clauses, start)  # clause breaks before the figure
        clause_start = clauses[ci - 1] + 1 if ci else 0
        if clause_start < start - _WINDOW:
            clause_start = start - _WINDOW
        # the previous figure's tail, when no clause break lies between it and this figure
        same_clause = prev_end <= start and (not ci or clauses[ci - 1] < prev_end)
        seg_start = prev_end if same_clause and prev_end > clause_start else clause_start
        si = bisect.bisect_left(sents, start)
        sent_start = sents[si - 1] + 1 if si else 0
        sent_end = sents[si] if si < len(sents) else text_end
        segment = text[seg_start:cut]
        if not segment and text[cut - 1 : cut] == ")":
            # 整治“低散乱”企业(作坊)70家: an aside in brackets between the noun and its figure
            opened = text.rfind("(", max(0, cut - 16), cut - 1)
            if opened > 0:
                segment = text[_clause_start(text, opened, opened - _WINDOW) : opened]
        elif seg_start and text[seg_start - 1] == ")" and not _strip_name(segment):
            # 地区生产总值(GDP)增长7.5%: the noun before a bracketed aside, its verb after it
            opened = text.rfind("(", max(0, seg_start - 16), seg_start - 1)
            if opened > 0:
                segment = text[_clause_start(text, opened, opened - _WINDOW) : opened] + segment
        udef = m.udef
        dimension = (
            udef.dimension
            if udef is not None and udef.dimension not in ("mass", "rank")  # only these read the clause
            else _dimension(text, m, seg_start, tail)
        )
        part = part_at(start)
        # what it measures
        nxt = mentions[idx + 1].start if idx + 1 < n_mentions else text_end
        follow = (
            ""  # a break right after the figure: no noun follows it
            if text[tail : tail + 1] in _FOLLOW_BREAKS
            else _following(text, tail, nxt, through_de=udef is None or not udef.count)
        )
        if not follow and nxt == tail and idx + 2 <= n_mentions:
            # 44宗492亩小地块: two figures of one noun, written one after the other
            after = mentions[idx + 2].start if idx + 2 < n_mentions else text_end
            follow = _following(text, mentions[idx + 1].end, after)
        threshold = dimension in _MONEY and follow != "" and _is_threshold(follow)
        before_paren = ""
        if not segment and text[cut - 1 : cut] == "(":
            before_paren = text[_clause_start(text, cut - 1, 0) : cut - 1]
        name, inherited = _name(segment, follow, dimension, threshold, before_paren)
        if before_paren and idx and mentions[idx - 1].end == cut - 1:
            name = names[-1] or name  # 征地1860亩(约124公顷): the figure before, restated
        if (
            idx
            and prev_threshold
            and dimension == "count"
            and _same_clause_soft(text, mentions[idx - 1].end, start)
        ):
            name = _strip_name(text[mentions[idx - 1].start : cut])  # 3亿元以上产业项目不少于19个
        if inherited and idx and bisect.bisect_left(sents, mentions[idx - 1].start) >= si:  # same sentence
            name = names[-1] or name
            if dimension == "percent" and amount[0] == si and "占" in segment:
                # 收入18.6亿元,完成年度计划的105%,占全市的12.3%: a share of the amount before it
                name = amount[1] or name
        kind_from = clause_start  # where the words that tell a percentage's kind begin
        if not name and ci and clauses[ci - 1] == clause_start - 1 and text[clause_start - 1] == ":":
            name = _colon_head(text, clause_start - 1)  # 1.地区生产总值:完成186.5亿元
            if name:  # 地区生产总值增速:6.5%: the name before the colon says the kind too
                kind_from = _clause_start(text, clause_start - 1, clause_start - 21)
        row = _table_row_name(text, start) if tabs else ""
        if row:
            name = row  # 固定资产投资<TAB>亿元<TAB>80<TAB>83.4<TAB>6.2%: a table's row names its figures
        if (among := segment.find("其中")) >= 0 and idx and names[-1] and _LEVEL.fullmatch(name):
            # 新建研发机构30家,其中省级以上10家: the level of the noun before (省级以上研发机构)
            level = _LEVEL.search(segment, among)
            prev = names[-1]
            lead = _LEVEL.match(prev)
            name = (level.group() if level else name) + (prev[lead.end() :] if lead else prev)
        # distributed subjects: A 1亿元、B 2亿元, 分别增长 3%、4% (the last 分别 that ends before the
        # figure, in its sentence and at most four windows back)
        k = bisect.bisect_right(spreads, start - 2) if spreads else 0
        if (
            k
            and (word := spreads[k - 1]) >= sent_start
            and word >= start - 4 * _WINDOW
            and (dist := _distributed(text, mentions, starts, idx, sent_start, word, names)) is not None
        ):
            name = dist
        if dimension == "count" or dimension == "rank":
            kind = dimension
        elif m.unit == "个百分点":
            kind = "change"  # a difference of shares, never a growth rate itself
        elif dimension != "percent":
            kind = "change" if _by_amount(text, clause_start, cut) else "level"
        else:
            kind = _percent_kind(text, m, kind_from, idx, mentions, prev_kind)
        if row and dimension == "percent" and _GROWTH_HEADER.search(_table_header(text, start)):
            kind = "growth"  # in the column headed 增幅 (增长, 增速, 同比)
        role = (
            "other"
            if threshold
            else _role(text, m, part, segment, follow, dimension, sent_start, clause_start, tail, yearly)
        )
        if (cut >= 2 and text[cut - 2 : cut] in _SCOPE_CUES) or (
            scope_end >= 0 and _same_clause_soft(text, scope_end, start)
        ):
            # 围绕3个专题和9项专项整治,做实…: what the work is about, not what it delivers
            role, scope_end = "other", tail
        else:
            scope_end = -1
        if (
            comparator in ("gt", "ge")
            and dimension in _MONEY
            and idx
            and out[-1].dimension == "count"
            and _same_clause_soft(text, mentions[idx - 1].end, start)
        ):
            role = "other"  # 5家企业年产值超过30亿元: the bar each of the counted clears, a class
        headline = False
        for a, b in zones:
            if a <= start < b:
                headline = True
                break
        if headline and role == "other" and not threshold:
            role = "target" if part == "plan" else "actual"
        out.append(
            Facts(name or None, kind, comparator, role, headline, dimension, part, (sent_start, sent_end))
        )
        names.append(name or None)
        if dimension != "percent":
            amount = (si, name or None)
        prev_kind = kind
        prev_threshold = threshold
        prev_end = tail
    return out


def _table_row_name(text: str, pos: int) -> str:
    """The first cell of the table row (cells split by tabs) the figure at ``pos`` is in, when it
    is not in the first cell; "" outside a table (a row is short: looked for 200 characters back)."""
    line_start = text.rfind("\n", max(0, pos - 200), pos) + 1
    if (line_start == 0 and pos > 200) or text.count("\t", line_start, pos) < 2:
        return ""
    return _strip_name(text[line_start : text.find("\t", line_start, pos)])


def _table_header(text: str, pos: int) -> str:
    """The header of the table column the figure at ``pos`` is in: that cell of the nearest row
    above without a digit (looked for 20 rows back, over rows of up to 400 characters), or ""."""
    line_start = text.rfind("\n", 0, pos) + 1
    column = text.count("\t", line_start, pos)
    for _ in range(20):
        if line_start == 0:
            break
        prev = text.rfind("\n", max(0, line_start - 401), line_start - 1) + 1
        if prev == 0 and line_start > 401:
            break  # a long line: a paragraph, no row of the table
        cells = text[prev : line_start - 1].split("\t")
        if len(cells) > column and not any(ch.isdigit() for ch in text[prev : line_start - 1]):
            return cells[column]
        line_start = prev
    return ""


_GROWTH_HEADER: Final = re.compile(r"增幅|增长|增速|同比")


#: 分别 ("respectively"): hands out the figures after it to the subjects before it, one each.
_SPREAD: Final = re.compile("分别")

#: Words right before a figure that make it the scope of the work (围绕3个专题): `other`.
_SCOPE_CUES: Final = frozenset({"围绕", "聚焦", "针对"})  # two characters each


def _colon_head(text: str, colon: int) -> str:
    """The indicator named before a colon, its figures after it (1.地区生产总值:完成186.5亿元);
    not a lead-in (主要目标是:, 具体如下:)."""
    head = _strip_name(text[_clause_start(text, colon, colon - 20) : colon])
    if head.endswith(("是", "为", "如下")) or head in lexicon().headline_targets:
        return ""
    return head


def _same_clause_soft(text: str, a: int, b: int) -> bool:
    """No clause break between a and b (quotes allowed)."""
    return a <= b and not any(ch in ",;:。!?\n、" for ch in text[a:b])


def _before_comparator(text: str, start: int) -> tuple[str | None, int]:
    """The comparator word right before ``start`` (the longest), with its length."""
    lo = max(0, start - 4)
    if text.endswith(lexicon().count["not_comparators"], lo, start):
        return None, 0
    rx, words = _comparator_rx()[0]
    hit = rx.search(text, lo, start)  # the leftmost start: the longest word ending at start
    return words[hit.group()] if hit else (None, 0)


def _after_comparator(text: str, end: int) -> tuple[str | None, int]:
    """The comparator word right after ``end`` (the longest), with its length."""
    rx, words = _comparator_rx()[1]
    hit = rx.match(text, end, end + 4)
    return words[hit.group()] if hit else (None, 0)


_Cues = tuple[re.Pattern[str], dict[str, tuple[str, int]]]


@functools.cache
def _comparator_rx() -> tuple[_Cues, _Cues]:
    """The comparator words before and after a figure: each list as one regex (longest word
    first) and each word's comparator and length."""
    before = {w: (k, len(w)) for w, k in lexicon().comparator_before.items()}
    after = {w: (k, len(w)) for w, k in lexicon().comparator_after.items()}

    def alt(words: dict[str, tuple[str, int]]) -> str:
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)"

    return (re.compile(f"(?:{alt(before)})\\Z"), before), (re.compile(alt(after)), after)


@functools.cache
def _comparator_edges() -> tuple[frozenset[str], frozenset[str]]:
    """The last characters of the comparator words before a figure and the first ones of those
    after it: a figure without them next to it has no comparator word."""
    lex = lexicon()
    return frozenset(w[-1] for w in lex.comparator_before), frozenset(w[0] for w in lex.comparator_after)


_FOLLOW_VERB: Final = re.compile(
    r"(?:已(?!列入|纳入)|正在|将|实现|完成|达到|开工|竣工|投产|落户|建成|获得|进行|开展)"
)


def _following(text: str, pos: int, limit: int, *, through_de: bool = True) -> str:
    """The noun phrase right after a figure (``8个城市更新项目``), up to a delimiter or a verb."""
    if text[pos : pos + 1] == "的":
        if not through_de:
            return ""
        pos += 1
    reach = pos + 16 if pos + 16 < limit else limit  # a noun phrase is short
    m = _FOLLOW_STOP.search(text, pos, reach)
    if m is not None and text[m.start()] == "、" and (mods := _MODIFIERS.match(text, pos, limit)):
        # 3-5个特色化、专业化、品牌化数字经济园区: modifiers of one noun, which comes after the last
        pos = mods.end()
        reach = pos + 16 if pos + 16 < limit else limit
        m = _FOLLOW_STOP.search(text, pos, reach)
    end = m.start() if m else reach
    v = _FOLLOW_VERB.search(text, pos + 2, end)
    if v is None and (chosen := _CHOSEN.search(text, pos, end)):
        # 3个项目入选省重点产业项目: what counts is the list they were chosen for
        stop = _FOLLOW_STOP.search(text, chosen.end(), min(limit, chosen.end() + 20))
        return text[chosen.end() : stop.start() if stop else min(limit, chosen.end() + 20)]
    noun_end = v.start() if v else end
    quote = text.find("“", pos + 1, noun_end)
    if quote > 0:
        # 10个工业项目“拿地即开工”。: a quoted phrase that ends the clause is no part of the noun
        # (but 6家省级以上“专精特新”企业: a quoted word inside it is)
        close = text.find("”", quote, min(limit, quote + 24))
        if close > 0 and (close + 1 >= len(text) or text[close + 1] in _CLAUSE_END):
            return text[pos:quote]
    return text[pos:noun_end]


#: Coordinated modifiers (特色化、专业化、品牌化; 智能型、绿色型): what follows the last one is the noun.
_MODIFIERS: Final = re.compile(r"(?:[^\W\d_]{1,3}[化型性]、)+[^\W\d_]{1,3}?[化型性](?=[^\W\d_])")


#: Selected into a list or a title: the figure before counts what the list names.
_CHOSEN: Final = re.compile(r"入选|入围|列入|纳入|评为|认定为")


# 年产值 (a year's output value, money) is no capacity
_CAPACITY: Final = re.compile(r"年产(?!值)能?[^,;:。!?\n]{0,10}$")


@functools.lru_cache(maxsize=8)
def _says_yearly_output(text: str) -> bool:
    """Does the text write 年产 anywhere (most do not: then no figure in it is a yearly output)?"""
    return "年产" in text


def _capacity(text: str, m: Mention) -> bool:
    """Is the figure a yearly output (年产5万吨, 年产正极材料5万吨)?"""
    return _says_yearly_output(text) and _CAPACITY.search(text, max(0, m.start - 14), m.start) is not None


def _dimension(text: str, m: Mention, seg_start: int, tail: int) -> str:
    if m.udef is not None:
        if m.udef.dimension == "mass" and _capacity(text, m):
            return "mass_rate"
        if m.udef.dimension == "rank" and not re.search(
            r"(升|提升|上升|前移|晋|进|跃|排名|排位|位次|前|第)$", text[max(0, m.start - 4) : m.start]
        ):
            return "count"
        return m.udef.dimension
    # a bare magnitude: money when its clause names money
    clause = text[seg_start : min(len(text), tail + 8)]
    if any(w in clause for w in lexicon().count["money_nouns"]):
        return "currency_cny"
    return "count"


#: The dimensions of an amount of money.
_MONEY: Final = ("currency_cny", "currency_usd")
#: The dimensions of a size a project or a place has (its cost, its area).
_SIZED: Final = ("currency_cny", "currency_usd", "area")


def _is_threshold(follow: str) -> bool:
    """``3亿元以上产业项目``, ``10亿元重特大项目``: an amount of money (the caller checks it is one)
    followed by the class of things it defines."""
    nouns = lexicon().role["class_nouns"]
    f = follow
    return bool(f) and (f.startswith(nouns) or (len(f) <= 10 and f.endswith(("项目", "企业"))))


def _name(segment: str, follow: str, dimension: str, threshold: bool, before_paren: str) -> tuple[str, bool]:
    """The name and whether it must be inherited from the previous mention."""
    if threshold:
        own = _strip_name(segment)
        if own and own.endswith(lexicon().count["money_nouns"]):
            return own, False  # 产值20亿元以上企业: the threshold's own measure
        return _strip_name(follow), False
    trimmed = segment.rstrip()
    if trimmed.endswith("、") or trimmed.lstrip() in ("和", "与", "及"):
        segment = trimmed = ""  # a new item of a list: its name is after it, or shared with the previous one
    attribute_nouns, kind_only, verbs_after, verbs_before_noun = _name_sets()
    stripped = _strip_name(segment)
    if stripped in attribute_nouns:
        return stripped, True  # 其中化工用地11家,面积337亩: inherited when a figure before it names the thing
    noun_after = bool(follow) and follow[0] not in _DELIMS and not follow.startswith(verbs_after)
    if not stripped or segment.strip(" ,、") in kind_only:
        if noun_after:
            return _strip_name(follow), False
        if before_paren:
            return _strip_name(before_paren), False  # 毕业生(25人)
        return "", True
    if (
        noun_after
        and dimension != "percent"
        and (
            dimension in ("count", "mass_rate")
            or len(stripped) <= 1  # a weak name: one character
            or trimmed.endswith(verbs_before_noun)  # or a verb before the noun
        )
    ):
        return _strip_name(follow), False
    if "等" in stripped:
        head, _, noun = stripped.rpartition("等")
        if "、" in head and 2 <= len(noun) <= 8:
            return noun, False  # 星河科技、蓝海新材等项目12个: the members are named, the figure counts 项目
    return stripped, False


#: Members of a list before the noun they share, counted (A、B两大产业规模, A和B两个园区营收).
_SHARED_HEAD: Final = re.compile(
    r"(?P<members>[^,;:。!?\n()]+?)(?:[两二三四五六七八九十]|[0-9]{1,2})(?:大|个|项|类|家)"
    r"(?P<head>[^,;:。!?\n()、和与及]{2,10})\Z"
)
_MEMBER_SPLIT: Final = re.compile("[、和与及]")
_COMMA_SPLIT: Final = re.compile("、")

#: What joins the figures a 分别 hands out (增长3%、4%和5%).
_LIST_JOINERS: Final = frozenset({"、", "和", "与", "及"})


def _distributed(
    text: str,
    mentions: Sequence[Mention],
    starts: Sequence[int],
    idx: int,
    sent_start: int,
    word: int,
    names: list[str | None],
) -> str | None:
    """``总产值…、利税…、利润…,分别同比增长33.9%、148.1%、273.0%``: the k-th rate to the k-th subject
    (``word``: where the 分别 before the figure, in its sentence, stands)."""
    first = bisect.bisect_right(starts, word)
    lead = text[word + 2 : mentions[first].start]
    if len(lead) > 8 or any(ch in _CLAUSE_END for ch in lead):
        return None  # 分别 does not govern this list
    chain = [first]
    while (
        len(chain) < 12
        and chain[-1] + 1 < len(mentions)
        and text[mentions[chain[-1]].end : mentions[chain[-1] + 1].start] in _LIST_JOINERS
    ):
        chain.append(chain[-1] + 1)
    if idx not in chain or len(chain) < 2:
        return None
    members = _members(text, word, len(chain))
    if members is not None:
        # 产值、增加值、投资分别为652亿元、138亿元、72亿元: the k-th figure to the k-th noun, with
        # the noun they share (集成电路、新型显示两大产业规模) and the one after 分别 (实现产值)
        return members[chain.index(idx)] + _strip_name(lead)
    subjects = list(range(bisect.bisect_left(starts, sent_start), first))
    if len(subjects) < len(chain):
        return None
    subjects = subjects[-len(chain) :]
    return names[subjects[chain.index(idx)]]


def _members(text: str, word: int, count: int) -> list[str] | None:
    """The ``count`` nouns listed in the clause before 分别 at ``word`` (each with the noun they
    share after a count: A、B两大产业规模), or None when the clause lists no such nouns."""
    start = _clause_start(text, word, word - _WINDOW)
    shared = _SHARED_HEAD.search(text, start, word)
    listed, head = (shared.group("members"), shared.group("head")) if shared else (text[start:word], "")
    for split in (_COMMA_SPLIT, _MEMBER_SPLIT):  # 、 first: 新能源汽车及零部件、高端装备
        members = [_strip_name(w) for w in split.split(listed)]
        if len(members) == count and all(members):
            return [w + head for w in members]
    return None


def _percent_kind(
    text: str,
    m: Mention,
    clause_start: int,
    idx: int,
    mentions: Sequence[Mention],
    prev_kind: str,
) -> str:
    """The kind of a percentage (a growth, a share, …): what its clause says of it."""
    # a percentage right after another, joined by 、: same kind (分别增长 3%、4%)
    if idx and text[mentions[idx - 1].end : m.start].strip() == "、":
        return prev_kind
    # the cue that ends last, the longest of those: the first match in the reversed clause
    rx, kinds_of = _kind_rx()
    last = rx.search(text[clause_start : m.start][::-1])
    return kinds_of[last.group()] if last else "share"


def _by_amount(text: str, clause_start: int, pos: int) -> bool:
    """Does a verb of fall, or 增加/增长, stand right before the amount at ``pos`` (停时缩短4.5小时,
    收入增加2亿元): the amount is a change, not a level (but 缩短至4.5小时 is one, and 提升 before an
    amount is work done: 绿化提升15万平方米)?"""
    if text[pos - 1 : pos] not in _change_ends():
        return False  # (most amounts follow no such verb: one set lookup rules them out)
    rx, kinds_of = _kind_rx()
    last = rx.match(text[clause_start:pos][::-1])  # the cue that ends at pos, the longest
    if last is None:
        return False
    return kinds_of[last.group()] == "change" or last.group().startswith(("加增", "长增"))


@functools.cache
def _change_ends() -> frozenset[str]:
    """The last characters of the words that make an amount after them a change."""
    kinds = lexicon().kind_cues
    return frozenset(w[-1] for w, k in kinds.items() if k == "change" or w.endswith(("增加", "增长")))


@functools.cache
def _kind_rx() -> tuple[re.Pattern[str], dict[str, str]]:
    """The kind cues reversed, longest first, and the kind of each reversed cue."""
    cues = {
        w[::-1]: k
        for w, k in lexicon().kind_cues.items()
        if not (k == "share" and w in ("达到", "达", "完成"))  # verbs of any figure, not of a share
    }
    return re.compile("|".join(map(re.escape, sorted(cues, key=len, reverse=True)))), cues


@functools.cache
def _achievement_rx() -> re.Pattern[str]:
    """The achievement cues reversed, for the one that ends last in a clause."""
    words = sorted({w[::-1] for w in lexicon().role["achievement"]}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _cue_rx(words: tuple[str, ...]) -> re.Pattern[str]:
    # 占地 is a cue, but not in 占地区生产总值比重 (占 + 地区); 拥有 is one, but 拥有量 and 占有率
    # are nouns of a measure (每万人发明专利拥有量达到65件)
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) + _CUE_NOT_BEFORE.get(w[-1], "") for w in ordered))


_CUE_NOT_BEFORE: Final = {"地": "(?!区)", "有": "(?![量率])"}


@functools.cache
def _attribute_rx() -> re.Pattern[str]:
    return _cue_rx(lexicon().role["attribute"])


@functools.cache
def _pushes_rx() -> re.Pattern[str]:
    return _cue_rx(lexicon().role["pushes"])


@functools.cache
def _other_rx() -> re.Pattern[str]:
    return _cue_rx(lexicon().role["other"])


#: Nouns of a capacity that is itself the indicator (处理能力, 供水规模), not a plant's attribute.
_CAPACITY_NOUNS: Final = ("能力", "规模", "产能")
_PLACE_END: Final = re.compile(
    r"(区块|片区|以西|以东|以南|以北|区域|周边|建成区|起步区|核心区|启动区|先行区)$"
)
_FREQUENCY: Final = re.compile(r"(每月|每周|每年|每季度|每天|每日)[^,;。]{0,4}$")
_POLICY_NOUNS: Final = ("新政", "措施", "政策", "清单", "意见", "办法", "条例")
_ALREADY: Final = re.compile(r"已(?!有)|累计|截至目前|截止目前")
_AWARDED: Final = re.compile(r"入选|获批|荣获")


def _role(
    text: str,
    m: Mention,
    part: str | None,
    segment: str,
    follow: str,
    dimension: str,
    sent_start: int,
    clause_start: int,
    tail: int,
    yearly: bool,
) -> str:
    """The role of a figure that defines no class (a threshold's is ``other``): a target, a
    result (``actual``), or ``other`` (an attribute of a project, a place, the present state).
    ``yearly``: whether the text writes 年产 at all (:func:`_says_yearly_output`)."""
    start = m.start
    default = "actual" if part == "review" else "target"
    # an attribute of a project or a set of projects: total investment, site area, capacity
    # a plant's capacity (but 污水处理能力达到6万吨/日 is the figure's own measure)
    if dimension == "mass_rate" and not _strip_name(segment).endswith(_CAPACITY_NOUNS):
        return "other"
    if yearly and _CAPACITY.search(text, start - 14 if start > 14 else 0, start) is not None:
        return "other"  # a yearly output (what _capacity tells, the text's 年产 looked for once)
    if dimension in _SIZED and _attribute_size(text, text[clause_start:start], dimension, follow, tail):
        return "other"
    # the present state: 现有6家, 尚有31家 (the cue may open the parenthesis the figure sits in)
    scope_start = clause_start
    # (an aside is short: the bracket looked for a window back, not back to the sentence's start,
    # which in text without sentence ends could be the whole text, again for every figure)
    near = start - _WINDOW
    paren = text.rfind("(", near if near > sent_start else sent_start, start)
    if paren >= 0 and ")" not in text[paren:start]:
        scope_start = paren
        if start - paren <= 1 and text[tail : tail + 1] == ")":
            return "other"  # 毕业生(25人): an aside
        quote = text.rfind("”", paren - 5 if paren - 5 > sent_start else sent_start, paren)
        if quote >= 0 and paren - quote <= 4 and not any(ch in _CLAUSE_END for ch in text[quote:paren]):
            return "other"  # “112”体系(1个…,2个…): what a slogan stands for
    if _other_rx().search(text, scope_start, start):
        return "other"
    if m.unit.endswith("次") and _FREQUENCY.search(text, clause_start, start):
        return "other"  # 每月定期2次: a frequency
    if dimension == "count" and _strip_name(segment).endswith(_POLICY_NOUNS):
        return "other"
    if part == "plan":
        # a result already achieved, reported inside the plan
        ce = _CLAUSE_RX.search(text, tail, tail + 12)
        after_end = ce.start() if ce else tail + 12  # the rest of the clause after the figure
        already = _ALREADY.search(text, clause_start, after_end)
        if already is not None and already.group() == "累计" and _commits(text, sent_start, start):
            already = None  # 2025—2027年累计实施重大项目150个以上: a total still to reach
        elif (
            already is not None
            and already.group() == "已"
            and _pushes_rx().search(text, clause_start, already.start())
        ):
            already = None  # 推动已签约项目开工率达到70%: 已 qualifies the projects, the rate is to reach
        if already is not None or _AWARDED.search(text, tail, after_end):
            return "actual"
        opener = _YEAR_OPENER.match(text, sent_start, start)
        if opener is not None and _past_year_opens(text, opener, sent_start, start):
            return "actual"
    return default


def _attribute_size(text: str, clause: str, dimension: str, follow: str, tail: int) -> bool:
    """Is an amount of money or an area (``dimension``) an attribute of a project or of a place,
    not a result or a target? ``clause``: the clause before the figure, ``tail``: its end."""
    if _attribute_last(clause):
        return True
    if dimension != "area" and clause.strip() in ("投资", "计划投资", "项目投资"):
        return True  # 投资3.6亿元建设…: what a project costs
    if text[tail : tail + 1] == "的" and not text[tail + 1 : tail + 3].startswith(("目标", "任务")):
        return True
    named = follow.endswith(lexicon().projects["facility_words"])  # 走廊, 园区: a size before one is its
    if dimension == "area" and 4 <= len(follow) <= 10 and named:
        return True  # 10平方公里信息科创走廊: the size of a named place
    # 秋滨区块28平方公里内: the extent of a place
    return dimension == "area" and (
        text[tail : tail + 2].startswith(("内", "范围", "区域")) or _PLACE_END.search(clause) is not None
    )


#: A year opening its sentence as the time of what follows: 2023年,… / 2023年度,…
_YEAR_OPENER: Final = re.compile(r"[ \t]*([0-9]{4})年度?[,:]")
#: Words of a commitment: with one before the figure, the sentence plans, whatever its year.
_PLANNING: Final = re.compile(r"力争|确保|争取|计划|预计|预期|目标|将|拟")
# (2024—2026年 too)
_TITLE_YEAR: Final = re.compile(r"(?<![0-9])(?:19|20)[0-9][0-9](?=年|[-—–~至到](?:19|20)[0-9][0-9]年)")


@functools.lru_cache(maxsize=8)
def _title_year(text: str) -> int | None:
    """The first year the document's first line names (a plan's title names the year it plans;
    a plan of several years, 2024—2026年, its first: 2024年,… in it commits, it does not report)."""
    first = text[: text.find("\n") if "\n" in text else len(text)][:80]
    years = [int(y) for y in _TITLE_YEAR.findall(first)]
    return min(years) if years else None


def _commits(text: str, sent_start: int, pos: int) -> bool:
    """Does the sentence commit before ``pos``: a word of commitment, or a year the plan is for or
    later (2025—2027年 in a 2025 plan)?"""
    if _PLANNING.search(text, sent_start, pos):
        return True
    year = _title_year(text)
    return year is not None and any(int(y) >= year for y in _YEARS.findall(text, sent_start, pos))


_YEARS: Final = re.compile(r"(?<![0-9])((?:19|20)[0-9][0-9])(?=年|[-—–~至到])")


def _past_year_opens(text: str, opener: re.Match[str], sent_start: int, pos: int) -> bool:
    """Does the sentence open with a year (``opener``) before the one the plan is for, and report
    rather than commit (2023年,开发区规上工业产值达到860亿元 in a 2024 plan)?"""
    year = _title_year(text)
    return year is not None and int(opener.group(1)) < year and not _PLANNING.search(text, sent_start, pos)


def _attribute_last(clause: str) -> bool:
    """Does an attribute cue (总投资, 占地) come after the last achievement cue of the clause?"""
    attr = _attribute_rx().search(clause)  # most clauses have none: then nothing more to scan
    if attr is None:
        return False
    last_attr = max(a.end() for a in _attribute_rx().finditer(clause, attr.start()))
    ach = _achievement_rx().search(clause[::-1])  # the first match reversed: the one ending last
    return last_attr > (len(clause) - ach.start() if ach else -1)
