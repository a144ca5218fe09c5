"""Clean: drop web-page noise and page-break debris, fold widths, keep an offset map.

The cleaned text is what the later stages read; ``Cleaned.offsets`` maps each
of its characters back to the untouched input, so every span zoneplan reports
indexes the raw text. Noise patterns live in ``data/boilerplate.toml``.

>>> c = clean("下载文档,编辑使用\\n规上工业增加值增长１０％\\n1 / 8\\n")
>>> c.text
'规上工业增加值增长10%\\n'
>>> c.raw_span(9, 12)
(19, 22)
"""

from __future__ import annotations

import functools
import re
from array import array

import attrs

from .lexicon import lexicon

__all__ = ["Cleaned", "clean"]

#: Lines longer than this are never noise (a body paragraph that mentions 下载).
_MAX_NOISE_LINE = 120

_LINE = re.compile(r"[^\n]*\n?")
_PAGE_MARK = re.compile(r"(?:\r?\n){2,}[ \t]*(\d{1,3})、")
_SENTENCE_END = set("。！？!?；;:：”」』)）")
_DIGIT_SPACE = re.compile(r"(?<=\d)[ \t\u3000]+(?=[^\x00-\x7f])")
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20


@functools.cache
def _noise_line() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lexicon().boilerplate_lines))


@functools.cache
def _noise_inline() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lexicon().boilerplate_inline))


@functools.cache
def _fold_table() -> dict[int, int | str]:
    table: dict[int, int | str] = dict(_FULLWIDTH)
    table.update(lexicon().traditional)
    return table


@attrs.frozen
class Cleaned:
    """The cleaned text, its map back to the raw text, and what was dropped."""

    raw: str
    text: str
    offsets: array[int] = attrs.field(repr=False)
    removed: tuple[tuple[int, int], ...] = ()
    noise_lines: tuple[tuple[int, str], ...] = ()

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
    """Width folding and traditional-to-simplified mapping, one char for one."""
    return text.translate(_fold_table())


def clean(raw: str) -> Cleaned:
    """Clean ``raw`` (see the module doc)."""
    drop: list[tuple[int, int]] = []
    noise_lines: list[tuple[int, str]] = []
    noise = _noise_line()
    folded = fold(raw)
    for m in _LINE.finditer(folded):
        if m.start() == m.end():
            break
        line = m.group().strip()
        if line and len(line) <= _MAX_NOISE_LINE and noise.fullmatch(line):
            drop.append((m.start(), m.end()))
            noise_lines.append((m.start(), line))
    drop.extend(_page_marks(folded))
    inline = _noise_inline()
    drop.extend((m.start(), m.end()) for m in inline.finditer(folded) if m.end() > m.start())
    drop.extend((m.start(), m.end()) for m in _DIGIT_SPACE.finditer(folded))
    merged = _merge(drop)
    offsets: array[int] = array("l")
    pieces: list[str] = []
    pos = 0
    for s, e in merged:
        if s > pos:
            pieces.append(folded[pos:s])
            offsets.extend(range(pos, s))
        pos = max(pos, e)
    if pos < len(folded):
        pieces.append(folded[pos:])
        offsets.extend(range(pos, len(folded)))
    offsets.append(len(raw))
    return Cleaned(
        raw=raw,
        text="".join(pieces),
        offsets=offsets,
        removed=tuple(merged),
        noise_lines=tuple(noise_lines),
    )


def _page_marks(text: str) -> list[tuple[int, int]]:
    """Page-break debris of document-sharing sites: ``\\n\\n2、`` numbering every page.

    They run 1, 2, 3 … in order and mostly cut sentences (even words and
    numbers) in half; a real ``2、`` heading follows a finished sentence.
    """
    marks = list(_PAGE_MARK.finditer(text))
    if len(marks) < 3:
        return []
    numbers = [int(m.group(1)) for m in marks]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))) or numbers[0] > 2:
        return []
    cut = sum(1 for m in marks if m.start() > 0 and text[m.start() - 1] not in _SENTENCE_END)
    if cut * 2 < len(marks):
        return []
    return [(m.start(), m.end()) for m in marks]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
