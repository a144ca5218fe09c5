"""Segment: the document's outline (numbered headings) and its review/plan parts.

Headings in every style these documents use: ``一、`` ``(一)`` ``一是``
``1.`` ``1、`` ``(1)`` ``①`` ``第一,`` ``一抓``, at a line start or inline
after a finished sentence; un-numbered lead-ins (``强化要素保障。``) and part
lines (``2019年工作思路``). Numbering that restarts nests; the next number of
an outer sequence pops back out.

>>> text = "一、总体要求\\n一是抓项目。项目多。二是抓招商。\\n二、主要任务\\n"
>>> [(h.label, h.depth) for h in build_outline(text, default_part="plan").flat()]
[('一、', 1), ('一是', 2), ('二是', 2), ('二、', 1)]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from .errors import NumberError
from .lexicon import lexicon, trie_pattern
from .numbers import cn_to_decimal

__all__ = [
    "MAX_DEPTH",
    "RUN_IN_LINE",
    "SENTENCE_END",
    "Heading",
    "Outline",
    "PartMap",
    "build_outline",
    "part_of_title",
    "problem_spans",
    "sentence_ends",
]

#: Outlines nest at most this deep (the corpus goes to 3); deeper restarts become siblings.
MAX_DEPTH = 5

_CN: Final = "一二三四五六七八九十"
_CIRCLED: Final = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# (style, regex at a line start, how high the style usually stands in an outline: 0 the highest;
# a heading above the one that opened a list of problems closes that list, as 三、 or 第二部分
# after (三)存在的问题); the label is group 0 minus leading space
_LINE_STYLES: tuple[tuple[str, str, int], ...] = (
    ("cn_dun", rf"[{_CN}]{{1,3}}、", 1),
    ("cn_paren", rf"\([{_CN}]{{1,3}}\)", 2),
    ("ar_paren", r"\([0-9]{1,2}\)", 4),
    ("ar_dot", r"[0-9]{1,2}\.(?![0-9])", 3),
    ("ar_dun", r"[0-9]{1,2}、", 3),
    ("circled", rf"[{_CIRCLED}]", 5),
    ("shi", rf"[{_CN}]{{1,3}}是", 6),
    ("zhua", rf"[{_CN}]{{1,3}}抓", 6),
    ("yao", rf"[{_CN}]{{1,3}}要", 6),
    ("di", rf"第[{_CN}]{{1,3}}[,、:]", 1),
    # the parts of a long document: 第一部分 2023年工作总结, 第二章 …
    ("di_part", rf"第[{_CN}]{{1,3}}(?:部分|章|篇)", 0),
)
_LEVEL: Final = {style: level for style, _, level in _LINE_STYLES}
# all of them as one regex (the first style that matches wins, as in the list): one match per line
_LINE_LABEL: Final = re.compile("|".join(f"(?P<{style}>{pattern})" for style, pattern, _ in _LINE_STYLES))
_INLINE_STYLES: Final = {"shi", "zhua", "yao", "cn_paren", "ar_paren", "circled"}
# it starts with the punctuation before the label (not a lookbehind for it): the regex engine then
# skips fast from one punctuation mark to the next
_INLINE_LABELS: Final = (
    rf"(?P<shi>[{_CN}]{{1,3}}是)|(?P<zhua>[{_CN}]{{1,3}}抓)|(?P<yao>[{_CN}]{{1,3}}要)"
    rf"|(?P<cn_paren>\([{_CN}]{{1,3}}\))|(?P<ar_paren>\([0-9]{{1,2}}\))|(?P<circled>[{_CIRCLED}])"
)
_INLINE: Final = re.compile(rf"[。;:!?]\s*(?:{_INLINE_LABELS})")
#: A line this long is text that lost its line breaks (a whole document, or a part of it, on
#: one line; a paragraph of a document that kept its breaks rarely is): the headings that open
#: a line elsewhere (一、, 1., 第一,) run on after a sentence, its date after its title (meta.py).
RUN_IN_LINE: Final = 500
# (after a sentence or a clause, [。!?:;], and spaces or tabs)
_RUN_IN_LABELS: Final = (
    rf"(?P<cn_dun>[{_CN}]{{1,3}}、)|(?P<ar_dot>[0-9]{{1,2}}\.(?![0-9]))"
    rf"|(?P<ar_dun>[0-9]{{1,2}}、(?![0-9]))|(?P<di>第[{_CN}]{{1,3}}[,、:])"
)
#: The first item of a run-in heading's own list, run into its title (一、抓项目建设(一)加快…).
_FIRST_ITEM: Final = re.compile(r"\((?:一|1)\)|(?<![0-9.])1\.(?![0-9])|(?<![0-9])1、|一是|①")
#: A title: after spaces, up to the end of its clause or line.
_TITLE: Final = re.compile(r"[ \t]*([^。;!?\n]*)")
#: Punctuation of running text: a line with it is body, no longer the document's title.
_BODY_PUNCT: Final = re.compile(r"[。,;:!?]")
_LINE: Final = re.compile(r"[^\n]*\n?")
_LEAD_IN: Final = re.compile(r"[^\s,。;:0-9%“”()]{3,14}。")
_LEAD_IN_BAD: Final = re.compile(r"[是的了在为]")


@attrs.define
class Heading:
    """A heading found in the cleaned text (clean offsets)."""

    start: int  # label start (or title start when there is no label)
    title_start: int
    title_end: int
    label: str | None
    style: str  # a numbering style, "lead" or "part"
    number: int | None
    title: str
    part: str | None = None
    depth: int = 1
    end: int = 0  # end of its block
    # set after init, not by a default factory: mypyc (the compiled build) cannot compile one
    children: list[Heading] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.children = []

    def walk(self) -> Iterator[Heading]:
        """This heading and all below it, in document order (a stack, not nested generators:
        every node costs the same however deep it sits)."""
        stack = [self]
        while stack:
            h = stack.pop()
            yield h
            stack.extend(reversed(h.children))


@attrs.frozen
class PartMap:
    """Where the review part and the plan part start (clean offsets)."""

    starts: tuple[int, ...]
    parts: tuple[str, ...]

    def at(self, pos: int) -> str | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.parts[i] if i >= 0 else None

    def has(self, part: str) -> bool:
        return part in self.parts

    def ranges(self, part: str, end: int) -> list[tuple[int, int]]:
        """The ``[start, stop)`` ranges of ``part`` in a text of length ``end``."""
        stops = (*self.starts[1:], end)
        return [(s, e) for s, e, p in zip(self.starts, stops, self.parts, strict=True) if p == part]


@attrs.frozen
class Outline:
    roots: tuple[Heading, ...]
    parts: PartMap

    def flat(self) -> list[Heading]:
        return [h for r in self.roots for h in r.walk()]


@functools.lru_cache(maxsize=256)
def _number(label_core: str) -> int | None:
    """The ordinal a label stands for (三是 → 3, (12) → 12, ⑤ → 5); None if it is no numeral."""
    digits = "".join(ch for ch in label_core if ch in "0123456789")
    if digits:
        return int(digits)
    if label_core and label_core[0] in _CIRCLED:
        return _CIRCLED.index(label_core[0]) + 1
    cn = "".join(ch for ch in label_core if ch in _CN)
    try:
        return int(cn_to_decimal(cn)) if cn else None
    except NumberError:
        return None  # 一一是: characters of numerals that make no number


def _title(text: str, start: int, line_end: int) -> tuple[int, int, str]:
    """The title from ``start`` (its start, end and text), less the spaces around it."""
    m = _TITLE.match(text, start, line_end)
    assert m is not None  # (it matches everywhere: all of it is optional)
    start = m.start(1)
    title = m.group(1).rstrip(" \t\r")  # (a line break ends it: CRLF leaves a \r)
    return start, start + len(title), title


#: The period a part's title opens with (2023年, 下半年, 明年).
_PART_PERIOD: Final = re.compile(r"[0-9]{4}年(度)?|(上|下)半年|(今|明)年")


def part_of_title(title: str) -> str | None:
    """The part a heading's title names (``review``, ``plan``, or None): the part word that ends
    last decides, as the head of a Chinese noun phrase comes last (重点工作推进情况 reviews,
    工作总结和工作计划 plans)."""
    prefix = _PART_PERIOD.match(title)
    bare = (title[prefix.end() :] if prefix else title).strip()
    if len(bare) > 12:
        return None
    words, part_of_word = _part_words()
    last = words.search(bare[::-1])  # reversed: the first match is the word ending last
    return part_of_word[last.group()[::-1]] if last else None


@functools.cache
def _part_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """The review and plan words, reversed and longest first, and the part of each word."""
    part = lexicon().part
    of = {w: "review" for w in part["review"]} | {w: "plan" for w in part["plan"]}
    return re.compile("|".join(re.escape(w[::-1]) for w in sorted(of, key=len, reverse=True))), of


#: A zone's name or punctuation: a title line or a sentence, no part line.
_NOT_PART_LINE: Final = re.compile(r"开发区|园区|高新区|经开区|管委会|[。,;:]")


def _is_part_line(line: str) -> str | None:
    if not line or len(line) > 20 or _NOT_PART_LINE.search(line):
        return None
    return part_of_title(line)


def _scan(text: str) -> list[Heading]:
    """All heading candidates, in order."""
    found: list[Heading] = []
    problems = _problems_rx()
    problem_style: str | None = None  # style of an open heading that lists problems (二、存在的问题)
    in_title = True  # still in the lines that open the document, before its first body line
    for lm in _LINE.finditer(text):
        ls, le = lm.span()
        if ls == le:
            break
        line = lm.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        line_from = len(found)
        pos = ls + lead
        inline_from = pos
        m = _LINE_LABEL.match(text, pos, le)
        labelled = m is not None
        if not labelled and problem_style is not None and not problems.search(stripped):
            problem_style = None  # a paragraph of other matter closes the list of problems
        part = None if labelled else _is_part_line(stripped)
        if part and in_title:
            continue  # 管委会 / 2023年度工作总结: a title written on two lines, not a part of the text
        in_title = in_title and not labelled and len(stripped) <= 40 and not _BODY_PUNCT.search(stripped)
        if part:
            ts, te, title = _title(text, pos, le)
            found.append(Heading(pos, ts, te, None, "part", None, title, part=part))
            continue
        if m is not None:
            style = m.lastgroup or ""
            label = m.group()
            ts, te, title = _title(text, m.end(), le)
            below = problem_style is not None and _LEVEL[style] >= _LEVEL[problem_style]
            if problem_style is not None and style != problem_style and below:
                inline_from = le  # an item of a list of problems: not a work heading
            else:
                problem_style = style if problems.search(title) else None
                if title:
                    found.append(
                        Heading(pos, ts, te, label, style, _number(label), title, part=part_of_title(title))
                    )
                    inline_from = m.end()
        else:
            lm2 = _LEAD_IN.match(text, pos, le)
            if lm2 and lm2.end() < le - 2 and not _LEAD_IN_BAD.search(lm2.group()):
                found.append(Heading(pos, pos, lm2.end() - 1, None, "lead", None, lm2.group()[:-1]))
        # inline enumerations inside this line, unless it lists problems
        skipping = problem_style is not None
        run_in = le - ls >= RUN_IN_LINE
        inline: Iterable[re.Match[str]]
        if run_in:
            inline, heads, part_names = _long_line_marks(text, max(inline_from - 1, 0), le)
        else:
            inline = _INLINE.finditer(text, max(inline_from - 1, 0), le)
        for im in inline:
            style = im.lastgroup or ""
            s, e = im.span(style)
            label = im.group(style)
            n = _number(label)
            if n == 1 and problem_style is None:
                # a new enumeration: skip it when its lead-in sentence announces problems
                intro = _sentence_start(sentence_ends(text), ls, im.start())
                skipping = problems.search(text, intro, s) is not None
            if skipping:
                continue
            ts, te, title = _title(text, e, le)
            if (
                style in ("cn_paren", "ar_paren")
                and te - ts > 40
                and not (run_in and _continues(found, style, n))
            ):
                continue  # a parenthesised number inside running text (not the next of a sequence
                # in a line that lost its breaks: there a title runs on into its paragraph)
            if title:
                found.append(Heading(s, ts, te, label, style, n, title))
        if run_in:
            run_in_heads, lists = _run_in(text, le, heads, part_names, found, problems)
            found.extend(run_in_heads)
            if lists:  # (the headings of this line: a list runs on in its own line)
                found[line_from:] = _without_listed(found[line_from:], lists)
    return found


def problem_spans(text: str, headings: Iterable[Heading]) -> list[tuple[int, int]]:
    """Where the text lists problems (the present state, not results nor work): the block of a
    heading that names them (二、存在的问题), and a paragraph from a lead-in that announces them
    (…仍存在一些问题,主要表现在:一是…) to its end. Sorted by start."""
    problems = _problems_rx()
    spans = [(h.start, h.end) for h in headings if problems.search(h.title)]
    # the next line end, sentence end and colon after a match, each found again only once the
    # matches pass it (they come in order): one pass over the text however many matches
    line_end = sentence_end = colon = -1
    for m in problems.finditer(text):
        at = m.end()
        if line_end < at:
            line_end = _find_or_end(text, "\n", at)
        if sentence_end < at:
            end = _SENTENCE_END_RX.search(text, at)
            sentence_end = end.start() if end else len(text)
        if colon < at:
            colon = _find_or_end(text, ":", at)
        if colon < sentence_end:  # a lead-in: the problems follow it, to the paragraph's end
            spans.append((m.start(), line_end))
    return sorted(spans)


def _find_or_end(text: str, sub: str, at: int) -> int:
    """Where ``sub`` next occurs from ``at``, or the text's end."""
    found = text.find(sub, at)
    return len(text) if found < 0 else found


@functools.cache
def _problems_rx() -> re.Pattern[str]:
    """The words that announce a list of problems (存在的问题, 不足之处, as a trie)."""
    return re.compile(trie_pattern(lexicon().part["problems"]))


def _without_listed(found: list[Heading], lists: list[tuple[int, str]]) -> list[Heading]:
    """``found`` less the items of run-in lists of problems (二、存在的问题一是…;二是…;三是…):
    from each list's first item (its offset and style), the headings of that style numbered on
    from 2, up to the first heading that is not the next of them."""
    found = sorted(found, key=lambda h: h.start)
    dropped: set[int] = set()
    for first, style in lists:
        n = 2
        for h in found:
            if h.start <= first:
                continue
            if h.style != style or h.number != n:
                break
            dropped.add(id(h))
            n += 1
    return [h for h in found if id(h) not in dropped]


def _continues(found: list[Heading], style: str, n: int | None) -> bool:
    """Would a heading numbered ``n`` start a sequence of ``style`` or continue the last one?"""
    # (the last 50 headings: a sequence goes on near its last number, and the walk stays short)
    last = next((h.number for h in reversed(found[-50:]) if h.style == style), None)
    return n == 1 or (n is not None and last == n - 1)


def _long_line_marks(
    text: str, start: int, end: int
) -> tuple[list[re.Match[str]], list[re.Match[str]], list[re.Match[str]]]:
    """The punctuation marks of a long line that an inline label follows (as _INLINE finds
    them), that a run-in label follows, and that a part's name follows: one scan for the three
    (see _long_line_rx)."""
    inline: list[re.Match[str]] = []
    heads: list[re.Match[str]] = []
    part_names: list[re.Match[str]] = []
    heads_end = start
    for m in _long_line_rx().finditer(text, start, end):
        style = m.lastgroup or ""
        if style == "part":
            if text[m.start()] in "。!?":  # a part's name follows a sentence, not a clause
                part_names.append(m)
        elif style in _INLINE_STYLES:
            inline.append(m)
        elif m.start() >= heads_end:  # (第一: takes its colon, as in a scan of the run-in labels alone)
            heads.append(m)
            heads_end = m.end(style)
    return inline, heads, part_names


@functools.cache
def _long_line_rx() -> re.Pattern[str]:
    """A punctuation mark and, after it, an inline label (as _INLINE), a run-in label or a part's
    name (group ``part``: …有待提升。2024年工作思路2024年是…). The match takes the mark alone, the
    label in a lookahead: every mark is tried for all three, as three scans of their own would."""
    return re.compile(
        rf"[。;:!?](?=\s*(?:{_INLINE_LABELS})|[ \t]*(?:{_RUN_IN_LABELS})"
        rf"|[ \t]*(?P<part>{_run_in_part().pattern})(?![是为的:,]))"
    )


def _run_in(
    text: str,
    line_end: int,
    heads: list[re.Match[str]],
    part_names: list[re.Match[str]],
    found: list[Heading],
    problems: re.Pattern[str],
) -> tuple[list[Heading], list[tuple[int, str]]]:
    """Headings run into a long line after a sentence (…取得新成效。二、抓招商引资…), where the
    document lost its line breaks: the first of a sequence, or the next number of one; a part
    named by a year and a part word (。2024年工作计划…); the first item of a heading's own list
    run into its title (一、抓项目(一)加快…) ends the title and is a heading too, unless the title
    names problems: then that list's offset and style are returned, to leave its items out.
    ``heads`` and ``part_names``: the marks of the line before them (_long_line_marks)."""
    out: list[Heading] = []
    lists: list[tuple[int, str]] = []
    last = {h.style: h.number or 0 for h in found[-50:]} if heads else {}
    taken = {h.start for h in found[-50:]} if heads else set()  # (一) after a colon: found inline already
    for m in heads:
        style = m.lastgroup or ""
        label = m.group(style)
        n = _number(label)
        if n is None or (n != 1 and last.get(style) != n - 1):
            continue
        last[style] = n
        ts, te, title = _title(text, m.end(style), line_end)
        part = None
        named = _run_in_part().match(title)
        if named is not None:  # 三、2024年工作计划2024年主要目标是…: the part's name, then its text
            te, title, part = ts + named.end(), named.group(), part_of_title(named.group())
        else:
            item = _FIRST_ITEM.search(text, ts + 2, te)
            if item is not None:
                ts2, te2, title2 = _title(text, item.end(), line_end)
                kind = _LINE_LABEL.match(item.group()).lastgroup or ""  # type: ignore[union-attr]
                if problems.search(text, ts, item.start()):
                    lists.append((item.start(), kind))  # its items list problems: no headings
                elif title2 and item.start() not in taken:
                    out.append(Heading(item.start(), ts2, te2, item.group(), kind, 1, title2))
                    last[kind] = 1
                te, title = item.start(), text[ts : item.start()].rstrip()
        if title:
            out.append(Heading(m.start(style), ts, te, label, style, n, title, part=part))
    for m in part_names:
        s, e = m.span("part")
        out.append(Heading(s, s, e, None, "part", None, m.group("part"), part=part_of_title(m.group("part"))))
    return out, lists


@functools.cache
def _run_in_part() -> re.Pattern[str]:
    """A part's name: a year or half-year, then a review or plan word (2024年工作计划)."""
    part = lexicon().part
    words = trie_pattern((*part["review"], *part["plan"]))
    return re.compile(rf"(?:[0-9]{{4}}年度?|上半年|下半年|今年|明年)(?:{words})")


#: The characters that end a sentence (a line break ends one too).
SENTENCE_END = "。!?\n"
_SENTENCE_END_RX: Final = re.compile(f"[{SENTENCE_END}]")


@functools.lru_cache(maxsize=8)
def sentence_ends(text: str) -> list[int]:
    """Offsets of the sentence ends of ``text``, in order (one pass, cached per text: the
    outline and the attach stage both bisect them)."""
    return [m.start() for m in _SENTENCE_END_RX.finditer(text)]


def _sentence_start(ends: list[int], floor: int, pos: int) -> int:
    """Start of the sentence that holds ``text[pos - 1]``, not before ``floor``.

    ``ends``: the offsets of the text's sentence ends, in order (a bisection: searching
    back from ``pos`` for each end character would walk a long line once per call).
    """
    k = bisect.bisect_left(ends, pos)
    return max(floor, ends[k - 1] + 1 if k else 0)


def build_outline(text: str, *, default_part: str | None) -> Outline:
    """The outline tree and the part map of the cleaned text."""
    heads = _scan(text)
    heads = _keep_lead_ins_in_groups(heads)
    roots: list[Heading] = []
    stack: list[Heading] = []
    # a plan-part heading run into the text is looked for only where no heading at a line start
    # names the plan part (text that lost its line breaks)
    run_in = default_part != "plan" and not any(h.part == "plan" for h in heads)
    # (a plan's openers matter only where a heading names a review part: see _part_map)
    needs_openers = default_part != "plan" or any(h.part == "review" for h in heads)
    openers = _openers(text, run_in=run_in) if needs_openers else []
    # a summary's plan part (下半年,…) opens a new top-level sequence; a plan has no such part
    crossings = openers if default_part != "plan" else []
    prev = -1
    for h in heads:
        crossed = bisect.bisect_right(crossings, h.start) > bisect.bisect_right(crossings, prev)
        prev = h.start
        if (
            crossed
            and stack
            and stack[0].part != "plan"  # 三、下半年工作打算 … 下半年,…一是: inside the plan part already
            and not (stack[0].style == h.style and h.number == (stack[0].number or 0) + 1)
        ):
            stack = []  # the plan part (下半年,…) opens a new top-level sequence
        if h.style == "part":
            stack = [h]
            roots.append(h)
            continue
        if h.style == "lead":
            while stack and stack[-1].style == "lead":
                stack.pop()
            if not stack:
                continue
            _attach(roots, stack, h)
            continue
        level = _level_for(stack, h)
        if level is None and len(stack) >= MAX_DEPTH:
            level = len(stack) - 1  # deeper than any real outline: a sibling, not another level
        if level is None:
            _attach(roots, stack, h)
        else:
            del stack[level:]
            _attach(roots, stack, h)
    parts = _part_map(text, roots, default_part, openers)
    _finish(text, roots, 1, len(text), parts)
    return Outline(tuple(roots), parts)


def _attach(roots: list[Heading], stack: list[Heading], h: Heading) -> None:
    if stack:
        stack[-1].children.append(h)
    else:
        roots.append(h)
    stack.append(h)


def _level_for(stack: list[Heading], h: Heading) -> int | None:
    """Stack level at which ``h`` continues an open sequence, or None to nest it."""
    style, n = h.style, h.number or 0
    last = -1  # the innermost level of this style
    nexts: list[int] = []  # the levels this number continues
    for i, s in enumerate(stack):
        if s.style == style:
            last = i
            if (s.number or 0) + 1 == n:
                nexts.append(i)
    if last < 0:
        return None
    if len(nexts) > 1:
        # the same number continues two open sequences: the one whose headings look like this one
        return min(nexts, key=lambda i: abs(len(stack[i].title) - len(h.title)))
    if nexts:
        return nexts[0]
    if n == 1 and last == len(stack) - 1:
        return None  # a new enumeration inside the current item: nest
    if n == 1:
        return last  # the outer sequence starts again (a new part)
    return last


def _keep_lead_ins_in_groups(heads: list[Heading]) -> list[Heading]:
    """Lead-ins count only where at least two open paragraphs under one heading."""
    out: list[Heading] = []
    group: list[Heading] = []  # the lead-ins since the last other heading
    for h in heads:
        if h.style == "lead":
            group.append(h)
            continue
        if group:
            if len(group) >= 2:
                out.extend(group)
            group = []
        out.append(h)
    if len(group) >= 2:
        out.extend(group)
    return sorted(out, key=lambda h: h.start)


def _finish(text: str, nodes: list[Heading], depth: int, end: int, parts: PartMap) -> None:
    """Set the depth, the block end and the part of ``nodes`` and all below them (one walk);
    ``end``: where the block of the last of them ends."""
    starts, names = parts.starts, parts.parts
    for i, n in enumerate(nodes):
        n.depth = depth
        n.end = nodes[i + 1].start if i + 1 < len(nodes) else end
        # (the part map starts at 0: every offset has a part)
        n.part = names[bisect.bisect_right(starts, n.start) - 1]
        if n.title_end > n.end:  # a heading inline in this one's title line (目标:(一)…) ends it
            n.title_end = max(n.title_start, n.end)
            n.title = text[n.title_start : n.title_end].rstrip()
        if n.children:
            _finish(text, n.children, depth + 1, n.end, parts)


_SENTENCE_START: Final = re.compile(r"(?:^|(?<=[。!?\n]))\s*")


@functools.cache
def _opener_rx() -> re.Pattern[str]:
    """The words that open the plan part of a summary: 下半年,… / 下一步工作… (as a trie)."""
    return re.compile(trie_pattern(lexicon().part["plan_openers"]) + "[,,工]")


@functools.cache
def _inline_plan_heading_rx() -> re.Pattern[str]:
    """A numbered plan-part heading run into the text after a sentence (text that lost its line
    breaks: …取得新成效。三、2024年工作计划2024年主要目标是…)."""
    words = trie_pattern(lexicon().part["plan"])
    return re.compile(rf"[。!?][ \t]*([{_CN}]{{1,3}}、)[ \t]*(?:[0-9]{{4}}年度?|下半年|明年)?(?:{words})")


def _openers(text: str, *, run_in: bool = True) -> list[int]:
    """Starts of the sentences that open the plan part (found from the word, then checked
    to open its sentence: only spaces between it and the text start or a sentence end), and,
    with ``run_in``, of plan-part headings run into the text."""
    found: list[int] = []
    for m in _opener_rx().finditer(text):
        k = m.start()
        while k > 0 and text[k - 1] in " \t":  # each run of spaces is walked once: it ends at m
            k -= 1
        if k == 0 or text[k - 1] in "。!?\n":
            found.append(k)
    if run_in:
        found += [m.start(1) for m in _inline_plan_heading_rx().finditer(text)]
        found.sort()
    return found


def _part_map(text: str, roots: list[Heading], default_part: str | None, openers: list[int]) -> PartMap:
    # (the headings at depth 1, the roots, switch parts: a part line is always a root)
    switches = [(h.start, h.part) for h in roots if h.part == "review" or h.part == "plan"]
    first = default_part
    if switches and first is None:
        first = "review" if switches[0][1] == "plan" else switches[0][1]
    if first == "review" or any(p == "review" for _, p in switches):
        switches += [(pos, "plan") for pos in openers]
    switches.sort()
    starts: list[int] = [0]
    parts: list[str] = [first or "plan"]
    for pos, part in switches:
        if part != parts[-1]:
            starts.append(pos)
            parts.append(part)
    return PartMap(tuple(starts), tuple(parts))
