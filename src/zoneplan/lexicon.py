"""The language knowledge zoneplan reads, loaded once from ``zoneplan/data``.

Every lexicon is validated on load: a surface listed twice, or a cue listed
under two contradicting labels, raises :class:`~zoneplan.errors.LexiconError`.

>>> lex = lexicon()
>>> lex.units["万美元"] if "万美元" in lex.units else lex.units["美元"].pint
'us_dollar'
>>> lex.units["亩"].dimension
'area'
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from importlib import resources
from typing import Any

import attrs

from .errors import LexiconError

__all__ = ["Lexicon", "UnitDef", "data_text", "lexicon"]


@attrs.frozen
class UnitDef:
    """A unit surface and what it means."""

    surface: str
    pint: str
    dimension: str
    base: str
    needs_magnitude: bool = False
    count: bool = False


@attrs.frozen
class Lexicon:
    """All lexicons, as immutable lookups. Build with :func:`lexicon`."""

    units: dict[str, UnitDef]
    comparator_before: dict[str, str]
    comparator_after: dict[str, str]
    comparator_inside: dict[str, str]
    kind_cues: dict[str, str]
    name_cues: dict[str, tuple[str, ...]]
    role: dict[str, tuple[str, ...]]
    headline_targets: tuple[str, ...]
    part: dict[str, tuple[str, ...]]
    count: dict[str, tuple[str, ...]]
    zone: dict[str, tuple[str, ...]]
    boilerplate_lines: tuple[str, ...]
    boilerplate_inline: tuple[str, ...]
    title_suffixes: tuple[str, ...]
    projects: dict[str, tuple[str, ...]]
    aliases: dict[str, str]
    traditional: dict[int, str]

    def unit_pattern(self) -> str:
        """A regex of every unit surface; at any position it matches the longest one there."""
        return trie_pattern(self.units)


def trie_pattern(words: Iterable[str], sep: str = "") -> str:
    """A regex of ``words`` factored by common prefixes (产业园|产业园区 → 产业园(?:区)?).

    Like an alternation of the words longest first, it matches the longest word at a
    position, but the regex engine tries one branch per distinct next character instead
    of every word in turn. ``sep`` (a regex) may stand between any two characters.
    """
    distinct = sorted({w for w in words if w})
    return _trie(distinct, sep) if distinct else "(?!)"


def _trie(words: list[str], sep: str) -> str:
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[0], []).append(w[1:])
    branches = []
    for ch, rests in heads.items():
        longer = [r for r in rests if r]
        branch = re.escape(ch)
        if longer:  # the longer words first (a greedy optional group), then the word ending here
            branch += f"(?:{sep}{_trie(longer, sep)})" + ("?" if "" in rests else "")
        branches.append(branch)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def scanned_trie_pattern(words: Iterable[str], *, committed: bool = False) -> str:
    """A regex of ``words`` that matches what :func:`trie_pattern` does at every position, built to be
    scanned for in a long text: it opens with the class of first characters (the engine skips to one
    without a call), passes over one with no word's second character after it (a lookahead) and tells
    the words apart by their second character, then their first (a lookbehind). An attempt at a
    common first character (产, 新, 中 …) so tries a few branches, not one per first character. At a
    position it tries the same words in the same order as the trie (the longest first); ``committed``
    keeps the first word read, as an atomic group does."""
    distinct = sorted({w for w in words if w})
    if not distinct:
        return "(?!)"
    singles = [w for w in distinct if len(w) == 1]
    pairs: dict[str, dict[str, list[str]]] = {}  # second character -> first character -> the rests
    for w in distinct:
        if len(w) > 1:
            pairs.setdefault(w[1], {}).setdefault(w[0], []).append(w[2:])
    branches = []
    for second, by_first in sorted(pairs.items()):
        after = []
        for first, rests in sorted(by_first.items()):
            longer = [r for r in rests if r]
            tail = "" if not longer else f"(?:{trie_pattern(longer)})" + ("?" if "" in rests else "")
            after.append(f"(?<={re.escape(first)}.){tail}")
        branches.append(re.escape(second) + (after[0] if len(after) == 1 else f"(?:{'|'.join(after)})"))
    two = f"(?={_char_class(pairs)})(?:{'|'.join(branches)})" if branches else "(?!)"
    one = f"|(?<={_char_class(singles)})" if singles else ""  # a one-character word, when no longer one is
    return f"{_char_class(w[0] for w in distinct)}(?{'>' if committed else ':'}{two}{one})"


def _char_class(chars: Iterable[str]) -> str:
    """A character class of ``chars``."""
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def _with_facility_words(projects: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The project lexicons, and ``facility_words``: every word that ends the name of a project or
    a facility (the specific ones, 产业园 研究院 …, then the generic ones, 项目 工程 中心 …)."""
    return {**projects, "facility_words": projects["specific_suffixes"] + projects["generic_suffixes"]}


def data_text(name: str) -> str:
    """The text of a bundled data file."""
    return resources.files("zoneplan").joinpath("data", name).read_text(encoding="utf-8")


def _toml(name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(data_text(name))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"malformed data file: {exc}", file=name) from exc


def _labelled(table: dict[str, list[str]], what: str, file: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for label, words in table.items():
        for word in words:
            if word in out and out[word] != label:
                raise LexiconError(f"{what} cue {word!r} is both {out[word]!r} and {label!r}", file=file)
            out[word] = label
    return out


def _units(data: dict[str, Any]) -> dict[str, UnitDef]:
    base = data["base"]
    units: dict[str, UnitDef] = {}

    def add(u: UnitDef) -> None:
        if u.surface in units:
            raise LexiconError(f"unit surface {u.surface!r} is defined twice", file="lexicon.toml")
        units[u.surface] = u

    for entry in data["unit"]:
        dim = entry["dimension"]
        for surface in entry["surface"]:
            add(
                UnitDef(
                    surface=surface,
                    pint=entry["pint"],
                    dimension=dim,
                    base=entry.get("base", base.get(dim, entry["pint"])),
                    needs_magnitude=bool(entry.get("needs_magnitude", False)),
                )
            )
    counts = data["counts"]
    for word in counts["measure_words"]:
        add(UnitDef(surface=word, pint=counts["pint"], dimension="count", base=base["count"], count=True))
    return units


def _tuples(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


@functools.cache
def lexicon() -> Lexicon:
    """Load and validate every bundled lexicon (once per process)."""
    units = _toml("lexicon.toml")
    cues = _toml("cues.toml")
    noise = _toml("boilerplate.toml")
    projects = _toml("projects.toml")
    aliases_data = _toml("aliases.toml")
    aliases: dict[str, str] = {}
    for canonical, names in aliases_data["indicator"].items():
        for name in [canonical, *names]:
            if name in aliases and aliases[name] != canonical:
                raise LexiconError(
                    f"alias {name!r} names both {aliases[name]!r} and {canonical!r}", file="aliases.toml"
                )
            aliases[name] = canonical
    trad = _toml("traditional.toml")
    pairs = trad["pairs"]
    if len(pairs) % 2:
        raise LexiconError("traditional pairs must have even length", file="traditional.toml")
    traditional = {ord(pairs[i]): pairs[i + 1] for i in range(0, len(pairs), 2) if pairs[i] != " "}
    comp = cues["comparator"]
    return Lexicon(
        units=_units(units),
        comparator_before=_labelled(comp["before"], "comparator", "cues.toml"),
        comparator_after=_labelled(comp["after"], "comparator", "cues.toml"),
        comparator_inside=_labelled(comp["inside"], "comparator", "cues.toml"),
        kind_cues=_labelled(cues["kind"], "kind", "cues.toml"),
        name_cues=_tuples(cues["name"]),
        role=_tuples(cues["role"]),
        headline_targets=tuple(cues["headline"]["targets"]),
        part=_tuples(cues["part"]),
        count={**_tuples(cues["count"]), "not_comparators": tuple(comp["not_before"])},
        zone=_tuples(cues.get("zone", {})),
        boilerplate_lines=tuple(noise["lines"]),
        boilerplate_inline=tuple(noise["inline"]),
        title_suffixes=tuple(sorted(noise["title_suffixes"], key=len, reverse=True)),
        projects=_with_facility_words(_tuples(projects)),
        aliases=aliases,
        traditional=traditional,
    )
