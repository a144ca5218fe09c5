"""Clean: drop web-page noise and page-break debris, fold widths, keep an offset map.

The cleaned text is what the later stages read; ``Cleaned.offsets`` maps each
of its characters back to the untouched input, so every span zoneplan reports
indexes the raw text. Cleaning only ever deletes characters or replaces one
character by one other, so that map always exists.

What it does, in order (each step is a function below, testable on its own):

1. :func:`fold`: full-width forms to ASCII (``，：；（）％１２`` → ``,:;()%12``),
   odd spaces to a space, traditional to simplified characters
   (``data/traditional.toml``); invisible characters (zero-width spaces, soft
   hyphens, stray controls, the ``\\r`` of ``\\r\\n``) are dropped.
2. Noise lines (``data/boilerplate.toml``): download prompts, uploader lines,
   page counters, copyright and ICP lines, site names, reporter bylines, view
   counters, government-site chrome; with the blank lines around them. Some
   lines are noise only above the body (a disclosure page's publisher and
   date: under the body they are the document's signature).
3. Page-break debris of document-sharing sites: a run of ``\\n\\n1、`` …
   ``\\n\\n13、`` numbering the pages, cutting sentences, words and numbers in
   half (``建立起“党\\n\\n2、工委``), is removed and the text rejoined. Steps 2
   and 3 (and noise inside lines) are found on the same text, as their spans
   overlap.
4. Layout: spaces at line ends; PDF line wraps inside sentences (the line
   break is dropped when the line before does not end a sentence, is not a
   heading or a title, is long enough, and the next line is no heading and no
   longer than a wrapped line can be; a line that begins with ``,`` or ``。``
   always continues the last); spaces between a number and its unit or
   magnitude (``53.93 亿元``).

The steps are repeated until nothing changes, so cleaning is idempotent:
``clean(clean(x).text).text == clean(x).text``. A round that only dropped
noise lines settles it without a full second round (see :func:`_settled`).

>>> c = clean("下载文档,编辑使用\\n规上工业增加值增长１０％\\n1 / 8\\n")
>>> c.text
'规上工业增加值增长10%\\n'
>>> c.raw_span(9, 12)
(19, 22)
>>> c.raw[19:22]
'１０％'
>>> clean("计划总投资53.93 亿元,建设周期\\n3年。").text
'计划总投资53.93亿元,建设周期3年。'
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from array import array
from collections.abc import Iterable, Iterator
from typing import Final, NamedTuple

import attrs

from .errors import LexiconError
from .lexicon import data_text, lexicon
from .numbers import fold_class, unicode_digits

__all__ = ["Cleaned", "clean", "fold"]

#: Lines longer than this are never noise (a body paragraph that mentions 下载).
_MAX_NOISE_LINE: Final = 120
#: A line shorter than this is never joined to the next as a wrapped line.
_MIN_WRAP: Final = 16
#: A row of a list of values: a short name, a colon, its value (一般公共预算收入:30亿元); such
#: lines, one after another, are the rows of the list, not a paragraph wrapped.
_ROW_HEAD: Final = re.compile(r"[^:：,，;；。]{2,20}[:：]")
_MAX_ROW: Final = 40
#: Cleaning rounds before giving up on reaching a fixed point (real text needs two).
_MAX_ROUNDS: Final = 4

# --- characters -------------------------------------------------------------

#: Characters that end a sentence (after width folding).
_SENTENCE_END: Final = frozenset("。!?;:…")
#: Closing quotes and brackets: a line ending in one ends a sentence if what precedes it does.
_CLOSERS: Final = frozenset("”’」』)]】》\"'")
#: Characters Chinese typesetting never puts at the start of a line: such a line continues the last.
_NO_LINE_START: Final = frozenset(",.;:!?、。)]}%‰℃”’」』】》…")
_SPACE: Final = " \t"

_FOLD: dict[int, int | str] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII
_FOLD.update({0x3000: " ", 0xA0: " ", 0x202F: " ", 0x205F: " ", 0x1680: " "})
_FOLD.update({cp: " " for cp in range(0x2000, 0x200B)})  # en quad … hair space
_FOLD.update({0x2028: "\n", 0x2029: "\n", 0x85: "\n", 0x0B: "\n", 0x0C: "\n", 0x0D: "\n"})
_FOLD.update({0xFF61: "。", 0xFF62: "「", 0xFF63: "」", 0xFF64: "、"})  # half-width CJK punctuation
#: The characters to fold that Chinese text is full of: ，：；（）！？％, the ideographic space, the
#: full-width digits and point of some sites, and the no-break space (&nbsp;) of web pages.
_FREQUENT_FOLDS: Final = tuple(
    (ch, ch.translate(_FOLD)) for ch in "，：；（）！？％\u3000０１２３４５６７８９．\xa0"
)

#: Invisible characters: zero-width and bidi marks, soft hyphen, BOM, controls; then the \r of \r\n
#: and a form feed right after a line break (a page break that is not also the only line break).
#: Three patterns, as each starts with a known character: the regex engine then skips fast to it.
_INVISIBLE_CLASS: Final = (
    r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufe00-\ufe0f"
    r"\x00-\x08\x0e-\x1f\x7f]"
)
_INVISIBLE: Final = re.compile(_INVISIBLE_CLASS)
_CR: Final = re.compile(r"\r(?=\n)")
_FORM_FEED: Final = re.compile(r"\n(\f+)")

# --- patterns -----------------------------------------------------------------

#: A heading label at the start of a line: 一、 (一) 1、 1. (1) ① 一是 第一部分 一抓.
_LABEL: Final = re.compile(
    r"[ \t]*(?:[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十百]+\)|\([0-9]{1,2}\)"
    r"|[0-9]{1,2}(?:、|\.(?![0-9])|\))|[①-⑳]|[一二三四五六七八九十]+(?:是|抓|要)"
    r"|第[一二三四五六七八九十百0-9]+(?:部分|章|节|条|篇))"
)
#: Page-break debris: blank line(s), then the page number and 、 (linear: one start per run of space).
_PAGE_MARK: Final = re.compile(r"(?<![ \t\n])[ \t]*\n(?:[ \t]*\n)+[ \t]*([0-9]{1,3})、[ \t]*")
#: The line a page mark numbers, from its line break on (it starts with one: found fast).
_MARK_LINE: Final = re.compile(r"\n[ \t]*[0-9]{1,3}、")
#: Sentence punctuation inside a line: a line with it is running text, not a bare title.
_PUNCT: Final = re.compile(r"[,。;:、!?]")
_SENTENCE_MARK: Final = re.compile(r"[。;!?]")
#: Nothing visible: spaces, line breaks and the invisible characters the cleaner drops.
_BLANK: Final = re.compile(
    r"[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\x00-\x1f\x7f]*"
)
#: A backreference or a named group (``\\1``, ``(?P=name)``, ``(?P<name>``): a pattern with one is
#: not merged with others.
_BACKREFERENCE: Final = re.compile(r"\\[1-9]|\(\?P[=<]")
#: What separates the words of a line of page chrome (【打印本页】【关闭窗口】, 字号: 大 中 小).
_CHROME_SEPARATOR: Final = r"\s|/【】\[\]()<>:,、·•"


@attrs.frozen
class _Rules:
    """The compiled noise patterns of ``data/boilerplate.toml``."""

    lines: re.Pattern[str]  # matched against the whole (stripped) line
    contains: tuple[re.Pattern[str], ...]  # searched in the line: those opening with .*
    header: re.Pattern[str]
    edge: re.Pattern[str]
    inline: tuple[re.Pattern[str], ...]  # scanned one by one: each can then skip fast to its first character
    inline_words: tuple[str, ...]  # the inline patterns that are plain text: found by str.find, faster still
    chrome: re.Pattern[str]  # a line made only of chrome words
    suffixes: tuple[str, ...]
    title_end: re.Pattern[str]


def _validated(patterns: Iterable[str], key: str) -> list[str]:
    """The patterns listed under ``key``, each checked to compile and to be listed once."""
    listed: list[str] = []
    for p in patterns:
        if p in listed:
            raise LexiconError(f"pattern {p!r} is listed twice in {key!r}", file="boilerplate.toml")
        try:
            re.compile(p)
        except re.error as exc:
            raise LexiconError(f"bad regex {p!r} in {key!r}: {exc}", file="boilerplate.toml") from None
        listed.append(p)
    return listed


def _alternation(patterns: Iterable[str], key: str) -> re.Pattern[str]:
    """One regex of the patterns listed under ``key``, each validated."""
    listed = _validated(patterns, key)
    if not listed:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{p})" for p in listed))


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """The characters of ``pattern`` outside escapes and classes, with their index and the depth
    of groups they stand in (a group's own parentheses stand outside it)."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 1 if pattern[i + 1 : i + 2] != "]" else 2  # a ] right after [ is a member
            continue
        else:
            if ch == ")":
                depth -= 1
            yield i, ch, depth
            if ch == "(":
                depth += 1
        i += 1


def _alternatives_at_top(pattern: str) -> bool:
    """Does ``pattern`` have a ``|`` outside every group (``.*a|b.*``: ``.*a`` or ``b.*``)?"""
    return any(ch == "|" and depth == 0 for _, ch, depth in _structure(pattern))


def _opening_alternatives(pattern: str) -> list[str] | None:
    """``pattern`` as alternatives, one for each alternative of the group it opens with, each with
    the rest of the pattern: ``(上传人|上传者)\\s*:`` is ``上传人\\s*:`` or ``上传者\\s*:``. None unless each
    alternative starts with a character of its own (not a class or a quantified one), and nothing
    refers back to a group."""
    if not pattern.startswith("(") or pattern.startswith("(?") or _BACKREFERENCE.search(pattern):
        return None
    cuts = [0]  # the group's parentheses and the | between its alternatives
    for i, ch, depth in _structure(pattern):
        if ch == "|" and depth == 1:
            cuts.append(i)
        elif ch == ")" and depth == 0:
            cuts.append(i)
            break
    else:
        return None
    rest = pattern[cuts[-1] + 1 :]
    if rest[:1] in ("*", "+", "?", "{") or _alternatives_at_top(rest):
        return None
    alternatives = [pattern[a + 1 : b] + rest for a, b in itertools.pairwise(cuts)]
    return alternatives if all(map(_opens_with_character, alternatives)) else None


def _opens_with_character(pattern: str) -> bool:
    """Does ``pattern`` start with one given character, written plain or escaped (``下``, ``\\(``)?"""
    first = 2 if pattern[:1] == "\\" and not pattern[1:2].isalnum() else 1
    quantified = pattern[first : first + 1] in ("*", "+", "?", "{")
    return pattern[:first] != "" and (first == 2 or _plain(pattern[0])) and not quantified


def _searched(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    """The patterns to search lines for, compiled; those that open with a group of alternatives
    (:func:`_opening_alternatives`) merged into one alternation: each alternative starting with a
    character of its own, the regex engine scans for all their first characters at once, one
    pass over the line where each pattern would take its own."""
    merged: list[str] = []
    alone: list[str] = []
    for p in patterns:
        alternatives = _opening_alternatives(p)
        if alternatives is None:
            alone.append(p)
        else:
            merged += alternatives
    return tuple(map(re.compile, ([f"(?:{'|'.join(merged)})"] if merged else []) + alone))


def _split_lines(patterns: list[str]) -> tuple[list[str], list[str]]:
    """The line patterns to match whole, and those to search for: a pattern that opens with
    ``.*`` matches a whole line (which holds no line break) exactly when its rest is found in
    it, at its end unless the pattern also ends with ``.*``. Searched for, the rest starts with
    its own first characters, which the regex engine skips to fast (one pattern at a time: an
    alternation of whole patterns has no such first characters, but see :func:`_searched`);
    matched whole, ``.*`` tries every position of the line, one by one, for every pattern."""
    whole: list[str] = []
    inside: list[str] = []
    for p in patterns:
        if not p.startswith(".*") or _alternatives_at_top(p):
            whole.append(p)
        elif p.endswith(".*") and not p.endswith("\\.*") and len(p) > 4:
            inside.append(p[2:-2])
        else:
            inside.append(f"(?:{p[2:]})\\Z")
    return whole, inside


def _chrome(words: Iterable[str]) -> re.Pattern[str]:
    """A line made only of ``words``, one or more, between separators (``_CHROME_SEPARATOR``).

    Each word is a whole token, up to a separator or the line end; a word with a separator in it
    can never be one. One fullmatch, where splitting the line and looking up its tokens takes a
    dozen steps: most lines fail it at their first character.
    """
    sep, other = f"[{_CHROME_SEPARATOR}]", f"[^{_CHROME_SEPARATOR}]"
    listed = sorted({w for w in words if w and re.search(sep, w) is None})
    if not listed:
        return re.compile(r"(?!)")
    alternatives = "|".join(map(re.escape, listed))
    return re.compile(f"{sep}*(?:(?:{alternatives})(?!{other}){sep}*)+")


def _plain(pattern: str) -> bool:
    """Is ``pattern`` plain text, no character in it special to a regex?"""
    return bool(pattern) and re.escape(pattern) == pattern


@functools.cache
def _rules() -> _Rules:
    lex = lexicon()
    try:
        data = tomllib.loads(data_text("boilerplate.toml"))
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - lexicon() loads it first
        raise LexiconError(f"malformed data file: {exc}", file="boilerplate.toml") from exc
    words = [re.escape(w) for w in data.get("title_words", [])]
    suffixes = "|".join(re.escape(s) for s in lex.title_suffixes)
    whole, inside = _split_lines(_validated(lex.boilerplate_lines, "lines"))
    inline = _validated(lex.boilerplate_inline, "inline")
    return _Rules(
        lines=_alternation(whole, "lines"),
        contains=_searched(inside),
        header=_alternation(data.get("header_lines", []), "header_lines"),
        edge=_alternation(data.get("edge_lines", []), "edge_lines"),
        inline=tuple(re.compile(p) for p in inline if not _plain(p)),
        inline_words=tuple(p for p in inline if _plain(p)),
        chrome=_chrome(data.get("chrome_words", [])),
        suffixes=lex.title_suffixes,
        title_end=re.compile(f"(?:{'|'.join(words) or '(?!)'})(?:{suffixes or '(?!)'})?$"),
    )


@functools.cache
def _unit_space(tabs: bool) -> re.Pattern[str]:
    """A space between a number and its magnitude or unit (``53.93 亿元``, ``120 亩``, ``30 %``).

    That is ``(?<=\\d)[ \\t]+(?=…)``, written to start with the space itself: the regex engine then
    skips fast from space to space instead of trying every position. A text without tabs (most)
    gets the pattern that opens with a plain space, a literal the engine finds fastest of all.
    """
    units = lexicon().unit_pattern()
    first = r"[ \t]" if tabs else " "
    return re.compile(rf"{first}(?<=[0-9]{first})[ \t]*(?=(?:[万亿千百十]|{units})(?![A-Za-z]))")


@functools.cache
def _fold_table() -> dict[int, int | str]:
    table: dict[int, int | str] = dict(_FOLD)
    table.update(unicode_digits())
    table.update(lexicon().traditional)
    return table


@functools.cache
def _foldable() -> re.Pattern[str]:
    """Runs of the characters :func:`fold` changes (few in most text: substituting only them is fast).

    Written ``[…][…]*``, not ``[…]+``: a pattern that opens with a class is scanned for it fast.
    """
    chars = fold_class(_fold_table())
    return re.compile(chars + chars + "*")


@functools.cache
def _rare() -> re.Pattern[str]:
    """A character :func:`fold` changes or :func:`_invisible` drops: a text with none of them,
    once its frequent full-width punctuation is folded (most text), needs neither step."""
    return re.compile(fold_class(_fold_table())[:-1] + _INVISIBLE_CLASS[1:-1] + "\r\f]")


def _astral(text: str) -> bool:
    """Has ``text`` characters beyond the basic plane (each takes two UTF-16 code units)?

    Counting code units is many times faster than scanning for such characters with a regex.
    """
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


#: Texts up to this long get their first offset map as a copy of a slice of one
#: ``array("q", range(_IOTA_LEN))`` made once (512 KiB), much faster than counting again.
_IOTA_LEN: Final = 1 << 16


@functools.cache
def _iota_table() -> array[int]:
    return array("q", range(_IOTA_LEN))


def _iota(n: int) -> array[int]:
    """``array("q", range(n))``."""
    return _iota_table()[:n] if n <= _IOTA_LEN else array("q", range(n))


# --- the result -------------------------------------------------------------------


@attrs.frozen
class Cleaned:
    """The cleaned text, its map back to the raw text, and what was dropped.

    ``offsets[i]`` is the raw index of ``text[i]``; one more entry, ``len(raw)``,
    closes the map. ``removed`` lists the raw spans that are not in ``text``
    (merged, in order), layout clean-up included; :attr:`noise` only those with
    something visible in them. ``noise_lines`` are the web-noise lines dropped, as
    ``(raw offset, the line as folded and stripped)``.

    >>> c = clean("　　资源描述\\r\\n增长８％\\r\\n")
    >>> c.text, c.removed, c.noise
    ('增长8%\\n', ((0, 8), (12, 13)), ((0, 8),))
    """

    raw: str
    text: str
    offsets: array[int] = attrs.field(repr=False)
    removed: tuple[tuple[int, int], ...] = ()
    noise_lines: tuple[tuple[int, str], ...] = ()

    @property
    def noise(self) -> tuple[tuple[int, int], ...]:
        """The removed spans that had something visible in them (not only spaces, line breaks,
        invisible characters): the web noise and page marks, without layout clean-up."""
        return tuple((s, e) for s, e in self.removed if not _BLANK.fullmatch(self.raw, s, e))

    def raw_pos(self, i: int) -> int:
        """Raw offset of clean offset ``i`` (``len(text)`` maps to the raw end)."""
        return self.offsets[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the clean half-open range ``[start, end)``."""
        if end <= start:
            p = self.offsets[start]
            return p, p
        return self.offsets[start], self.offsets[end - 1] + 1


def fold(text: str) -> str:
    """Width folding, odd spaces and traditional-to-simplified mapping, one char for one.

    >>> fold("增長１２．５％（預計）")
    '增长12.5%(预计)'
    """
    table = _fold_table()
    if len(text) < 16 or _astral(text):  # a few characters (pipeline folds snippets), or
        return text.translate(table)  # rare characters beyond the basic plane: translated whole
    return _fold_runs(_fold_frequent(text), table)


def _fold_frequent(text: str) -> str:
    """The full-width punctuation of running Chinese text folded, one str.replace each: a replace
    scans in a few microseconds where translating the text costs a dictionary lookup per character."""
    for wide, narrow in _FREQUENT_FOLDS:
        text = text.replace(wide, narrow)
    return text


def _fold_runs(text: str, table: dict[int, int | str]) -> str:
    """``text.translate(table)``: what is left to fold is rare in most text, so only its runs are
    substituted; text with many (a traditional-character document) is translated whole, which is
    then faster."""
    most = len(text) // 32 + 1
    folded, runs = _foldable().subn(lambda m: m.group().translate(table), text, count=most)
    return folded if runs < most else text.translate(table)


def _fold_visible(raw: str) -> tuple[str, list[tuple[int, int]]]:
    """:func:`fold` of ``raw`` and the spans of its invisible characters (:func:`_invisible`)."""
    table = _fold_table()
    if len(raw) < 16 or _astral(raw):
        return raw.translate(table), _invisible(raw)
    text = _fold_frequent(raw)
    if _rare().search(text) is None:  # most text: nothing else to fold, nothing invisible
        return text, []
    return _fold_runs(text, table), _invisible(raw)


def _invisible(raw: str) -> list[tuple[int, int]]:
    """Spans of the invisible characters (see ``_INVISIBLE``), in no particular order."""
    spans = [m.span() for m in _INVISIBLE.finditer(raw)]
    if "\r" in raw:
        spans += [m.span() for m in _CR.finditer(raw)]
    if "\f" in raw:
        spans += [m.span(1) for m in _FORM_FEED.finditer(raw)]
    return spans


def clean(raw: str) -> Cleaned:
    """Clean ``raw`` (see the module doc)."""
    removed: list[tuple[int, int]] = []  # raw spans, as dropped
    folded, invisible = _fold_visible(raw)
    text, offs = _apply(folded, _iota(len(raw)), invisible, {}, removed)
    noise: list[tuple[int, str]] = []
    for _ in range(_MAX_ROUNDS):
        lines = _noise_lines(text, offs, noise)
        marks, windows = _page_marks(text)
        inline = _inline_noise(text)
        drops = lines + marks + inline
        text, offs = _apply(text, offs, drops, {}, removed)
        edges, wraps, subs = _layout(text)
        text, offs = _apply(text, offs, edges + wraps, subs, removed)
        if not drops and not edges and not wraps and not subs:
            break
        # spaces dropped at line edges (an indented document) change no verdict of a next round:
        # noise and body lines are judged stripped, page marks and joins read past such spaces
        if not (marks or inline or wraps or subs) and _settled(text, lines, windows):
            break  # the next round would find nothing
    offs.append(len(raw))
    return Cleaned(raw, text, offs, removed=tuple(_merge(removed)), noise_lines=tuple(noise))


def _settled(text: str, lines: list[tuple[int, int]], windows: list[tuple[int, int]]) -> bool:
    """After a round that dropped only noise lines (``lines``), would another round find nothing?

    ``text`` is the text after that round; ``windows``, the page-mark candidates of the text
    before it (:func:`_page_marks`). Dropped lines go with the blank lines around them, so the
    lines left are the same lines, their neighbours unchanged or not blank:

    - noise lines: each line is judged by its content and by where it stands relative to the
      body lines, which all stay; every line left was judged not noise, and would be again;
    - layout: it ran on this very text and changed nothing;
    - page marks: no mark can form where lines were dropped (it needs a blank line); if no
      candidate read anything dropped, the same candidates come again, to the same verdict;
    - noise inside lines: its patterns can read across a line break, so they are run again.
    """
    k = 0
    for s, e in _merge(lines):
        while k < len(windows) and windows[k][1] <= s:
            k += 1
        if k < len(windows) and windows[k][0] < e:
            return False
    return not _inline_noise(text)


# --- edits ------------------------------------------------------------------------


def _apply(
    text: str,
    offs: array[int],
    drops: list[tuple[int, int]],
    subs: dict[int, str],
    removed: list[tuple[int, int]],
) -> tuple[str, array[int]]:
    """Delete the ``drops`` spans and replace single characters (``subs``) of ``text``.

    The raw spans deleted go to ``removed``: from the raw offset of a span's first character to
    just after its last one (anything in between went earlier).
    """
    if subs:
        pieces: list[str] = []
        pos = 0
        for i in sorted(subs):
            pieces.append(text[pos:i])
            pieces.append(subs[i])
            pos = i + 1
        pieces.append(text[pos:])
        text = "".join(pieces)
    if not drops:
        return text, offs
    kept_text: list[str] = []
    kept: array[int] = array("q")
    pos = 0
    for s, e in _merge(drops):
        if s > pos:
            kept_text.append(text[pos:s])
            kept.extend(offs[pos:s])
        removed.append((offs[s], offs[e - 1] + 1))
        pos = e
    kept_text.append(text[pos:])
    kept.extend(offs[pos:])
    return "".join(kept_text), kept


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


# --- noise lines --------------------------------------------------------------------


def _pieces(text: str) -> list[str]:
    """The lines of ``text``, without their line breaks (none after a final line break)."""
    pieces = text.split("\n")
    if not pieces[-1]:
        pieces.pop()
    return pieces


def _is_noise(line: str, rules: _Rules) -> bool:
    """Is this stripped line (of at most ``_MAX_NOISE_LINE`` characters) web noise wherever it stands?"""
    if rules.lines.fullmatch(line):
        return True
    for pattern in rules.contains:
        if pattern.search(line):
            return True
    return rules.chrome.fullmatch(line) is not None


def _is_body(line: str) -> bool:
    """Does this (non-noise) line belong to the document's body, not to the page around it?"""
    if _LABEL.match(line) and len(line) > 3:
        return True
    return len(line) >= 20 and _PUNCT.search(line) is not None


def _site_title(line: str) -> bool:
    """A header line that is the sharing site's decorated copy of the title (``…总结新编``)."""
    rules = _rules()
    for suffix in rules.suffixes:
        if line.endswith(suffix) and len(line) > len(suffix) + 4:
            return rules.title_end.search(line[: -len(suffix)]) is not None and _PUNCT.search(line) is None
    return False


def _body_line(content: list[str], noisy: list[bool], i: int) -> bool:
    """Is line ``i`` (stripped: ``content``) a line of the body? (A module function, not a
    closure: compiled, a closure and its environment hold each other, a reference cycle only the
    cyclic collector frees.)"""
    return bool(content[i]) and not noisy[i] and _is_body(content[i])


def _noise_lines(text: str, offs: array[int], sink: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Spans of noise lines, with the blank lines around them; the lines go to ``sink``."""
    pieces = _pieces(text)
    content = [piece.strip() for piece in pieces]
    rules = _rules()
    noisy = [0 < len(c) <= _MAX_NOISE_LINE and _is_noise(c, rules) for c in content]
    n = len(content)

    # the body runs from its first body line to its last: only those two are looked for
    first = next((i for i in range(n) if _body_line(content, noisy, i)), n)
    last = next((i for i in reversed(range(first, n)) if _body_line(content, noisy, i)), -1)
    for i, c in enumerate(content):
        if not c or noisy[i] or len(c) > _MAX_NOISE_LINE or first <= i <= last:
            continue
        if rules.edge.fullmatch(c) or (
            i < first and (rules.header.fullmatch(c) is not None or _site_title(c))
        ):
            noisy[i] = True
    # each run of blank and noise lines is dropped whole if it has noise in it
    drops: list[tuple[int, int]] = []
    start = run = 0  # where line i starts, and the run of blank and noise lines it is in
    has_noise = False
    for i, c in enumerate(content):
        if c and not noisy[i]:
            if has_noise:
                drops.append((run, start))
            run, has_noise = start + len(pieces[i]) + 1, False
        elif noisy[i]:
            has_noise = True
            sink.append((offs[start + len(pieces[i]) - len(pieces[i].lstrip())], c))
        start += len(pieces[i]) + 1
    if has_noise:
        drops.append((run, min(start, len(text))))
    return drops


# --- page marks ---------------------------------------------------------------------


def _ends_sentence(text: str, i: int) -> bool:
    """Does the sentence end at ``text[i]`` (closing quotes and brackets looked through)?"""
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    return i >= 0 and text[i] in _SENTENCE_END


class _Chain(NamedTuple):
    """A run of page marks numbered up to the last one's: its length, how many cut, the marks."""

    length: int
    cuts: int
    span: tuple[int, int]
    prev: _Chain | None

    def score(self) -> tuple[int, int]:
        return self.length, self.cuts


def _page_marks(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Page-break debris of document-sharing sites: ``\\n\\n2、`` numbering every page.

    The marks run 1, 2, 3 … in order and mostly cut sentences (even words and
    numbers) in half; a real ``2、`` heading follows a finished sentence. The
    longest run counting up from 1 (or 2) is taken, preferring marks that cut;
    it is debris if at least half of its marks cut something.

    Returns the debris, and the windows of text every candidate mark was judged on
    (from the start of the line before it to the character after it), in order.
    """
    best: dict[int, _Chain] = {}
    top: _Chain | None = None
    windows: list[tuple[int, int]] = []
    for m in _mark_candidates(text):
        n = int(m.group(1))
        before = m.start() - 1
        after = text[m.end()] if m.end() < len(text) else ""
        line_start = text.rfind("\n", 0, m.start()) + 1
        windows.append((line_start, m.end() + 1))
        content = line_start  # the line's text starts after its indentation
        while content < m.start() and text[content] in _SPACE:
            content += 1
        cut = int(
            (before >= 0 and not _ends_sentence(text, before) and m.start() - content >= 20)
            or after in _NO_LINE_START
            or (before >= 0 and text[before].isdigit() and after.isdigit())
        )
        span = (m.start(), m.end())
        chain = _Chain(1, cut, span, None) if n in (1, 2) else None
        prev = best.get(n - 1)
        if prev is not None and (chain is None or (prev.length + 1, prev.cuts + cut) > chain.score()):
            chain = _Chain(prev.length + 1, prev.cuts + cut, span, prev)
        if chain is None:
            continue
        if n not in best or chain.score() > best[n].score():
            best[n] = chain
        if top is None or chain.score() > top.score():
            top = chain
    if top is None or top.length < 2 or top.cuts * 2 < top.length:
        return [], windows
    out: list[tuple[int, int]] = []
    node: _Chain | None = top
    while node is not None:
        out.append(node.span)
        node = node.prev
    return out, windows


def _mark_candidates(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_PAGE_MARK`` in ``text``, as its ``finditer`` gives them.

    Each one ends in a line ``_MARK_LINE`` finds (few, and found fast), and starts where the
    spaces and line breaks before that line start: only there is ``_PAGE_MARK`` tried. (Scanned
    for, a pattern that can start with a space or a line break is tried at every one of them.)
    """
    pos = 0
    while (line := _MARK_LINE.search(text, pos)) is not None:
        start = line.start()
        while start > 0 and text[start - 1] in " \t\n":  # each run of them is walked over once
            start -= 1
        mark = _PAGE_MARK.match(text, start) if start >= pos else None  # (before pos: in the last mark)
        if mark is None:
            pos = line.end()
        else:
            yield mark
            pos = mark.end()


def _inline_noise(text: str) -> list[tuple[int, int]]:
    rules = _rules()
    spans = [(m.start(), m.end()) for rx in rules.inline for m in rx.finditer(text) if m.end() > m.start()]
    for word in rules.inline_words:
        spans += _occurrences(text, word)
    return spans


def _occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """The spans of ``word`` in ``text``, left to right, none overlapping (as a regex finds them)."""
    spans: list[tuple[int, int]] = []
    i = text.find(word)
    while i >= 0:
        spans.append((i, i + len(word)))
        i = text.find(word, i + len(word))
    return spans


# --- layout -------------------------------------------------------------------------


def _joins(cur_first: str, cur_last: str, cur_len: int, cur_punct: bool, nxt: str) -> bool:
    """Is ``nxt`` the continuation of the (possibly already joined) line ``cur``?

    ``cur_first``/``cur_last`` are its first and last physical lines, ``cur_len`` its
    length, ``cur_punct`` whether it has sentence punctuation; all stripped. ``cur_last``
    does not end a sentence (a line that does is never continued: :func:`_layout` knows).
    """
    if "\t" in cur_last or "\t" in nxt:
        return False  # (cells split by tabs: the rows of a table, never wrapped)
    if _LABEL.match(cur_first) and _SENTENCE_MARK.search(cur_first) is None:
        return False  # a heading; but a labelled paragraph ((二)某某。实施…占年度计划的) wraps
    if nxt[0] in _NO_LINE_START:
        return True
    if _LABEL.match(nxt) or cur_len < _MIN_WRAP:
        return False
    if len(cur_last) <= _MAX_ROW and _ROW_HEAD.match(cur_last) and _ROW_HEAD.match(nxt):
        return False  # rows of a list, a name and its value each (固定资产投资增速:10%以上)
    if not cur_punct and _rules().title_end.search(cur_last) is not None:
        return False
    # a wrapped line is no longer than the lines before it (half-width digits give some slack)
    return len(nxt) <= cur_len * 1.3 + 4


def _both_latin(a: str, b: str) -> bool:
    """ASCII letters or digits on both sides of a line break, not both digits (a number cut in two)."""
    return a.isascii() and b.isascii() and a.isalnum() and b.isalnum() and not (a.isdigit() and b.isdigit())


def _layout(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]], dict[int, str]]:
    """Spaces at line ends (``edges``); line breaks of wrapped lines and spaces between a number
    and its unit (``drops``); line breaks that become a space between English words (``subs``)."""
    drops: list[tuple[int, int]] = [(m.start(), m.end()) for m in _unit_space("\t" in text).finditer(text)]
    edges: list[tuple[int, int]] = []
    subs: dict[int, str] = {}
    lines: list[tuple[int, str]] = []  # end (before the \n), stripped content
    e = -1
    for raw_line in _pieces(text):
        s = e + 1
        e = s + len(raw_line)
        line = raw_line.strip(_SPACE)
        if line and len(line) < len(raw_line):
            lead = len(raw_line) - len(raw_line.lstrip(_SPACE))
            trail = len(raw_line) - len(raw_line.rstrip(_SPACE))
            if lead:
                edges.append((s, s + lead))
            if trail:
                edges.append((e - trail, e))
        lines.append((e, line))
    cur_first = ""
    cur_len = 0
    cur_punct = False
    for k, (e, line) in enumerate(lines):
        if not line:
            cur_first = ""
            continue
        if not cur_first:
            cur_first, cur_len, cur_punct = line, 0, False
        cur_len += len(line)
        nxt = lines[k + 1][1] if k + 1 < len(lines) else ""
        if not nxt or e >= len(text) or _ends_sentence(line, len(line) - 1):
            cur_first = ""  # the last line of a paragraph (most lines end a sentence)
            continue
        cur_punct = cur_punct or _PUNCT.search(line) is not None
        if _joins(cur_first, line, cur_len, cur_punct, nxt):
            if _both_latin(line[-1], nxt[0]):
                subs[e] = " "  # English words on two lines
            else:
                drops.append((e, e + 1))
        else:
            cur_first = ""
    return edges, drops, subs
