"""Properties of the whole pipeline over text built from the domain's own pieces.

Hypothesis strings of random characters almost never contain a quantity, a
heading or a page marker. These are built from what the documents are made
of: numbers (Arabic, Chinese, full-width, financial), magnitudes, units,
comparators, numbering labels, noise lines, page markers, quotes and brackets,
punctuation and line breaks, with now and then an arbitrary character. On
such text:

- ``parse`` raises nothing but :class:`~zoneplan.ZoneplanError`, given text or
  any bytes (random, other encodings, cut inside a character);
- every span indexes the raw input: an indicator's and a goal's span cover
  exactly its ``text``, a project's span covers the characters its ``name``
  was read from, a task's heading lies inside its block and every block inside
  its parent's;
- the same text given as UTF-8 bytes gives the same Plan;
- cleaning is idempotent and its offset map is monotonic, also for an indented document
  (which the cleaner finishes in one round);
- the Plan survives a JSON round trip unchanged.
"""

from __future__ import annotations

import itertools
import re
from array import array
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import zoneplan
from zoneplan import Plan, Task, ZoneplanError
from zoneplan.clean import Cleaned, clean, fold
from zoneplan.lexicon import scanned_trie_pattern, trie_pattern
from zoneplan.quantities import find_mentions, quote_spans

# --------------------------------------------------------------------------- the pieces

DIGITS = ["0", "1", "2", "3", "5", "8", "9", "10", "12", "100", "2024", "3.37", "1,200", "0.5", "1881.68"]
CN_NUMBERS = ["一", "两", "三", "十", "十五", "二十", "百", "千", "一百二十", "三点五", "零", "〇"]
FOREIGN_NUMBERS = ["１２", "３．５", "伍", "陆", "拾", "壹佰", "萬", "億", "兩"]
MAGNITUDES = ["万", "亿", "千", "百", "万亿", "千万"]
UNITS = [
    "亿元", "万元", "元", "万美元", "美元", "亩", "万亩", "%", "％", "个", "家", "项", "人", "吨", "万吨/年",
    "平方公里", "平方米", "m2", "年", "位", "成", "倍", "个百分点", "次",
]  # fmt: skip
COMPARATORS = [
    "约",
    "超",
    "以上",
    "以内",
    "不少于",
    "不低于",
    "近",
    "达到",
    "突破",
    "增长",
    "下降",
    "余",
    "多",
    "力争",
    "确保",
]
LABELS = [
    "一、",
    "二、",
    "(一)",
    "(二)",
    "（三）",
    "一是",
    "二是",
    "1.",
    "2.",
    "1、",
    "(1)",
    "①",
    "第一,",
    "一抓",
]
NOISE = ["1 / 8", "下载文档", "第2页/共8页", "展开阅读全文", "收藏", "朗读", "2022-09-14", "来源:管委会"]
WORDS = [
    "开发区", "经开区", "管委会", "项目", "产业园", "研究院", "工作计划", "工作总结", "2025年", "主要目标",
    "规上工业增加值", "实到外资", "新开工", "投资", "建设", "分别", "同比", "等", "和", "及", "的", "是",
    "年产", "其中", "完成", "全年", "总投资", "智能制造", "新材料",
]  # fmt: skip
PUNCT = [
    "。", ",", "，", "、", ";", ":", "：", "!", "?", "“", "”", "‘", "’", "《", "》", "(", ")", "（", "）",
    "-", "~", "至", "/", " ", "\u3000", "\t",
]  # fmt: skip
BREAKS = ["\n", "\n\n", "\r\n", "\n\n3、", "\n\n1、", "\n\n2、", "\n    "]

piece = st.one_of(
    st.sampled_from(DIGITS),
    st.sampled_from(CN_NUMBERS),
    st.sampled_from(FOREIGN_NUMBERS),
    st.sampled_from(MAGNITUDES),
    st.sampled_from(UNITS),
    st.sampled_from(COMPARATORS),
    st.sampled_from(LABELS),
    st.sampled_from(NOISE),
    st.sampled_from(WORDS),
    st.sampled_from(PUNCT),
    st.sampled_from(BREAKS),
    # now and then anything at all (no surrogates: they cannot be encoded)
    st.text(st.characters(exclude_categories=["Cs"]), max_size=3),
)


NAME_CHARS = "星河智造蓝湾新材金华科创中德精密"
FACILITIES = ["产业园", "研究院", "综合体", "小镇", "项目", "工程", "中心", "基地"]
PROJECT_VERBS = ["实施", "推进", "加快", "建成", "签约", "开工", "引进"]
GOAL_CUES = ["力争", "确保", "争取", "目标是", "主要目标是:", "计划"]
TITLES = ["XX开发区2025年工作计划\n", "某经济开发区2024年工作总结\n", "2025年工作思路\n", ""]


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A document of pieces, often with quantity-, project- and goal-shaped cores and a title."""
    parts = draw(st.lists(piece, max_size=60))
    for _ in range(draw(st.integers(0, 2))):  # 实施星河智造产业园, 蓝湾、金华等项目
        name = draw(st.text(st.sampled_from(NAME_CHARS), min_size=2, max_size=6))
        other = draw(st.text(st.sampled_from(NAME_CHARS), min_size=2, max_size=4))
        core = draw(
            st.sampled_from(
                [
                    draw(st.sampled_from(PROJECT_VERBS)) + name + draw(st.sampled_from(FACILITIES)),
                    f"推动{name}、{other}等项目开工",
                    f"{name}年产5万吨{draw(st.sampled_from(FACILITIES))}",
                ]
            )
        )
        parts.insert(draw(st.integers(0, len(parts))), core)
    for _ in range(draw(st.integers(0, 2))):  # 力争…增长8%以上。
        parts.insert(draw(st.integers(0, len(parts))), draw(st.sampled_from(GOAL_CUES)))
    for _ in range(draw(st.integers(0, 4))):
        number = draw(st.sampled_from(DIGITS + CN_NUMBERS + FOREIGN_NUMBERS))
        core = (
            draw(st.sampled_from(["", *COMPARATORS]))
            + number
            + draw(st.sampled_from(["", *MAGNITUDES]))
            + draw(st.sampled_from(UNITS))
            + draw(st.sampled_from(["", *COMPARATORS]))
        )
        parts.insert(draw(st.integers(0, len(parts))), core)
    return draw(st.sampled_from(TITLES)) + "".join(parts)


# a few shapes worth keeping whatever Hypothesis draws
EXAMPLES = [
    "XX开发区2025年工作计划\n主要目标是:规上工业增加值增长8%以上,实到外资1.5亿美元。\n一、抓项目\n新开工项目12个。",
    "下载文档\n1 / 8\n“产业园”建设，投资１２亿元，\n\n2、增长５％。",
    "一是一是一是(一)(一)1.1.1.",
    "约3-5亿元、两个、三十五家;分别增长3%、4%",
    "“((((《《‘",
    "\r\n\r\n1、\r\n\r\n2、\r\n\r\n3、",
]

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(raw: str) -> Plan | None:
    """``zoneplan.parse``; a ZoneplanError is an allowed answer (None), anything else fails."""
    try:
        return zoneplan.parse(raw)
    except ZoneplanError as exc:
        assert exc.file == "<text>"  # an error about a text names it as such
        return None


def _clean_slice(c: Cleaned, start: int, end: int) -> str:
    """The cleaned characters that come from the raw span ``[start, end)``."""
    return "".join(ch for ch, o in zip(c.text, c.offsets, strict=False) if start <= o < end)


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] <= inner[1] <= outer[1]


# --------------------------------------------------------------------------- properties


@SETTINGS
@given(documents())
def test_parse_raises_only_zoneplan_errors(raw: str) -> None:
    plan = _parse(raw)
    if plan is not None:
        assert plan.length == len(raw)


@SETTINGS
@given(st.text(max_size=200))
def test_parse_of_any_text_raises_only_zoneplan_errors(raw: str) -> None:
    _parse(raw)


@SETTINGS
@given(
    st.one_of(
        st.binary(max_size=300),
        documents().map(lambda raw: raw.encode("gb18030", errors="replace")),
        documents().map(lambda raw: raw.encode("utf-16", errors="replace")),
        # a valid document cut anywhere, even inside a character
        st.tuples(documents(), st.integers(0, 400)).map(lambda t: t[0].encode()[: t[1]]),
    )
)
def test_parse_of_any_bytes_raises_only_zoneplan_errors(data: bytes) -> None:
    try:
        plan = zoneplan.parse(data)
    except ZoneplanError as exc:
        assert exc.file == "<bytes>" or exc.file == "<text>"
        return
    assert plan.length <= len(data)


@SETTINGS
@given(documents())
@example(EXAMPLES[0])
@example(EXAMPLES[1])
@example(EXAMPLES[3])
# found by Hypothesis: an inline heading inside a heading's title line ends that heading's block
@example("XX开发区2025年工作计划\n(一)0\n\n3、:(一)0")
def test_every_span_indexes_the_raw_input(raw: str) -> None:
    plan = _parse(raw)
    if plan is None:
        return
    n = len(raw)
    for ind in plan.indicators:
        assert 0 <= ind.span.start < ind.span.end <= n
        assert raw[ind.span.start : ind.span.end] == ind.text
    for goal in plan.goals:
        assert 0 <= goal.span.start <= goal.span.end <= n
        assert raw[goal.span.start : goal.span.end] == goal.text
        assert all(0 <= i < len(plan.indicators) for i in goal.indicators)
    c = clean(raw)
    for project in plan.projects:
        s, e = project.span.start, project.span.end
        assert 0 <= s < e <= n
        # the name is read verbatim from the cleaned text: the characters of its raw span
        assert _clean_slice(c, s, e) == project.name
        if e - s == len(project.name):  # nothing dropped inside it: the raw text, width-folded, is the name
            assert fold(raw[s:e]) == project.name
        for fig in (project.investment, project.capacity, project.area):
            if fig is not None:
                assert raw[fig.span.start : fig.span.end] == fig.text

    def check(task: Task, parent: tuple[int, int]) -> None:
        block = (task.block.start, task.block.end)
        assert _inside((task.span.start, task.span.end), block), (task.id, task.span, block)
        assert _inside(block, parent), (task.id, block, parent)
        for child in task.children:
            check(child, block)

    for task in plan.tasks:
        check(task, (0, n))


@SETTINGS
@given(documents())
@example("壹佰贰拾万元,伍拾吨;投资叁仟万元,“贰号”项目")
@example("人才队伍陆续壮大,新增企业5家,收拾整治12处")  # financial numerals only inside words
@example("队伍建设,投资3亿元,增长−2%")  # a minus sign only this module folds
def test_mentions_of_cleaned_text_need_no_second_fold(raw: str) -> None:
    # the pipeline tells find_mentions its text is cleaned (folded but for a few numerals)
    # and hands it the quoted spans it found: the mentions must be the same as without
    text = clean(raw).text
    assert find_mentions(text, cleaned=True, quotes=quote_spans(text)) == find_mentions(text)


@SETTINGS
@given(documents(), st.sampled_from(["\u3000\u3000", "  ", "\t"]), st.sampled_from(["", " ", "\u3000"]))
@example("XX开发区2025年工作计划\n0000001 / 81 / 8\n万", "\u3000\u3000", "")
def test_an_indented_document_cleans_in_one_pass(raw: str, indent: str, trail: str) -> None:
    # the cleaner stops after a round that only dropped spaces at line edges: cleaning what it
    # gives back must find nothing more to do, and the figures must be those of the plain text
    raw = raw.replace("\r\n", "\n")  # a space put between \r and \n would make it a lone \r: a line break
    indented = "\n".join(indent + line + trail if line.strip() else line for line in raw.split("\n"))
    c = clean(indented)
    assert clean(c.text).text == c.text

    def figures(doc: str) -> list[tuple[object, ...]]:
        # what was read, not the surface: a figure written across a line break takes the
        # indentation of the next line into its raw span
        return [
            (i.value, i.low, i.high, i.unit, i.name, i.kind, i.role) for i in zoneplan.parse(doc).indicators
        ]

    assert figures(raw) == figures(indented)


@SETTINGS
@given(documents())
@example(EXAMPLES[0])
def test_bytes_and_text_give_the_same_plan(raw: str) -> None:
    if raw.startswith("\ufeff"):
        raw = raw[1:]  # a leading BOM is the encoding's, not the text's
    from_text = _parse(raw)
    try:
        from_bytes: Plan | None = zoneplan.parse(raw.encode("utf-8"))
    except ZoneplanError:
        from_bytes = None  # control characters make bytes "binary": a text is not checked for them
        return
    assert from_bytes == from_text


@SETTINGS
@given(documents())
@example(EXAMPLES[1])
@example(EXAMPLES[5])
def test_clean_is_idempotent_and_its_map_monotonic(raw: str) -> None:
    c = clean(raw)
    assert clean(c.text).text == c.text
    offsets = c.offsets
    assert isinstance(offsets, array)
    assert len(offsets) == len(c.text) + 1 and offsets[-1] == len(raw)
    assert all(a < b for a, b in itertools.pairwise(offsets))
    assert all(0 <= s < e <= len(raw) for s, e in c.removed)


@SETTINGS
@given(documents())
@example(EXAMPLES[0])
@example("投资1881.68万美元,增长3.37%,用地2.65万亩。")
def test_plan_survives_a_json_round_trip(raw: str) -> None:
    plan = _parse(raw)
    if plan is None:
        return
    assert Plan.model_validate_json(plan.model_dump_json()) == plan


def test_json_round_trip_keeps_long_exact_numbers() -> None:
    # Decimals are exact: a figure with more digits than a float holds must survive too
    plan = zoneplan.parse("完成投资12345678901234567.89亿元。")
    assert [i.value for i in plan.indicators] == [Decimal("12345678901234567.89")]
    assert Plan.model_validate_json(plan.model_dump_json()) == plan


# --------------------------------------------------------------------------- word patterns

WORD_CHARS = "产业园区新建设中心工程项目基地研究院"


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text(alphabet=WORD_CHARS, min_size=1, max_size=4), min_size=1, max_size=12),
    text=st.text(alphabet=WORD_CHARS + ",。", max_size=40),
)
def test_scanned_trie_reads_what_the_trie_reads(words: list[str], text: str) -> None:
    # the scanned form (lexicon.scanned_trie_pattern) only finds its words faster: at every
    # position it matches the longest word the plain trie matches there
    plain = re.compile(trie_pattern(words))
    scanned = re.compile(scanned_trie_pattern(words))
    for pos in range(len(text) + 1):
        a, b = plain.match(text, pos), scanned.match(text, pos)
        assert (a and a.group()) == (b and b.group()), (words, text, pos)
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in scanned.finditer(text)]
    # committed: the word read stays read when what follows it fails (as an atomic group)
    committed = re.compile(f"(?:{scanned_trie_pattern(words, committed=True)})[,。]")
    atomic = re.compile(f"(?>{trie_pattern(words)})[,。]")
    assert [m.span() for m in atomic.finditer(text)] == [m.span() for m in committed.finditer(text)]
