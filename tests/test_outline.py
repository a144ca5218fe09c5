"""Outline: every numbering style, nesting and restarts, lead-ins, part lines (our own texts)."""

from __future__ import annotations

import pytest

from zoneplan import parse
from zoneplan.outline import build_outline


def shape(text: str, default_part: str | None = "plan") -> list[tuple[int, str | None, str]]:
    """(depth, label, title) of every heading, depth first."""
    return [(h.depth, h.label, h.title) for h in build_outline(text, default_part=default_part).flat()]


CASES = [
    # 一、 at line starts: the classic top level
    pytest.param(
        "一、强化产业招引\n全年招引项目。\n二、优化营商环境\n深化改革。\n",
        [(1, "一、", "强化产业招引"), (1, "二、", "优化营商环境")],
        id="cn-dun",
    ),
    # (一) and its full-width form, folded before segmentation
    pytest.param(
        "(一)聚焦主导产业\n内容。\n(二)推进城市更新\n内容。\n",
        [(1, "(一)", "聚焦主导产业"), (1, "(二)", "推进城市更新")],
        id="cn-paren",
    ),
    # 一是 inline after a finished sentence, nested under 一、
    pytest.param(
        "一、做强平台\n平台是关键。一是扩容园区。加快建设。二是提升配套。完善设施。\n",
        [(1, "一、", "做强平台"), (2, "一是", "扩容园区"), (2, "二是", "提升配套")],
        id="shi-inline",
    ),
    # 一要 … 二要 at line starts and inline, as 一是 and 一抓
    pytest.param(
        "一、抓发展\n一要抓产业。引进项目。\n二要抓创新。新增企业。三要抓改革。深化改革。\n",
        [(1, "一、", "抓发展"), (2, "一要", "抓产业"), (2, "二要", "抓创新"), (2, "三要", "抓改革")],
        id="yao",
    ),
    # 1. and 1、 numbering
    pytest.param(
        "1.抓招商,促落地。招引项目。\n2.抓服务,优环境。\n",
        [(1, "1.", "抓招商,促落地"), (1, "2.", "抓服务,优环境")],
        id="arabic-dot",
    ),
    pytest.param(
        "1、抓招商\n2、抓服务\n",
        [(1, "1、", "抓招商"), (1, "2、", "抓服务")],
        id="arabic-dun",
    ),
    # (1) under (一), and circled numbers under 1.
    pytest.param(
        "(一)抓项目\n(1)新开工项目\n(2)续建项目\n(二)抓招商\n",
        [(1, "(一)", "抓项目"), (2, "(1)", "新开工项目"), (2, "(2)", "续建项目"), (1, "(二)", "抓招商")],
        id="arabic-paren-nested",
    ),
    pytest.param(
        "1.重点工程\n①道路工程\n②管网工程\n2.民生实事\n",
        [(1, "1.", "重点工程"), (2, "①", "道路工程"), (2, "②", "管网工程"), (1, "2.", "民生实事")],
        id="circled",
    ),
    # 第一, style
    pytest.param(
        "第一,坚持项目为王。内容。\n第二,坚持改革创新。内容。\n",
        [(1, "第一,", "坚持项目为王"), (1, "第二,", "坚持改革创新")],
        id="di-style",
    ),
    # 一抓 style
    pytest.param(
        "(六)强化队伍\n一抓作风建设。内容。二抓能力建设。内容。\n",
        [(1, "(六)", "强化队伍"), (2, "一抓", "作风建设"), (2, "二抓", "能力建设")],
        id="zhua",
    ),
    # restarting numbering nests; the next outer number pops back out
    pytest.param(
        "一是抓规划。二是抓招商。重点做好两手抓。一是抓外资,引进项目。二是抓内资,盘活存量。三是抓服务。\n",
        [
            (1, "一是", "抓规划"),
            (1, "二是", "抓招商"),
            (2, "一是", "抓外资,引进项目"),
            (2, "二是", "抓内资,盘活存量"),
            (1, "三是", "抓服务"),
        ],
        id="restart-nests-and-pops",
    ),
    # un-numbered lead-ins that end in 。 and open a paragraph become children
    pytest.param(
        "(一)做强科创\n科技是第一动力。总体说明。\n强化平台支撑。建设研究院。\n加大人才引育。引进人才。\n",
        [(1, "(一)", "做强科创"), (2, None, "强化平台支撑"), (2, None, "加大人才引育")],
        id="lead-ins",
    ),
    # a lone lead-in is not enough to be a heading
    pytest.param(
        "(一)做强科创\n强化平台支撑。建设研究院。\n",
        [(1, "(一)", "做强科创")],
        id="single-lead-in-ignored",
    ),
    # un-numbered part lines such as 2024年工作思路
    pytest.param(
        "一、2023年工作回顾\n1.工业稳中有进。内容。\n2024年工作思路\n(一)抓项目\n",
        [
            (1, "一、", "2023年工作回顾"),
            (2, "1.", "工业稳中有进"),
            (1, None, "2024年工作思路"),
            (2, "(一)", "抓项目"),
        ],
        id="part-line",
    ),
    # enumerations that list problems are not work headings
    pytest.param(
        "一、工作总结\n我们也看到不足,主要表现在:一是总量偏小。二是后劲不足。\n",
        [(1, "一、", "工作总结")],
        id="problem-list-skipped",
    ),
    # an inline (一) after a finished sentence, when a scrape joined all lines
    pytest.param(
        "总体情况较好。(一)突出抓改革。一是理顺体制。内容。(二)突出抓招商。一是优化队伍。\n",
        [
            (1, "(一)", "突出抓改革"),
            (2, "一是", "理顺体制"),
            (1, "(二)", "突出抓招商"),
            (2, "一是", "优化队伍"),
        ],
        id="inline-paren",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_outline_shapes(text: str, expected: list[tuple[int, str | None, str]]) -> None:
    assert shape(text) == expected


def test_parts_review_then_plan() -> None:
    # a summary whose plan part opens with 下半年,…: numbering restarts there at the top level
    text = (
        "某开发区上半年工作总结和下半年工作打算\n"
        "上半年完成投资10亿元。(一)抓项目。一是抓开工。(二)抓招商。一是抓签约。"
        "下半年,开发区将继续努力。(一)抓配套。一是抓道路。\n"
    )
    heads = build_outline(text, default_part="review").flat()
    assert [(h.label, h.part, h.depth) for h in heads] == [
        ("(一)", "review", 1),
        ("一是", "review", 2),
        ("(二)", "review", 1),
        ("一是", "review", 2),
        ("(一)", "plan", 1),
        ("一是", "plan", 2),
    ]


def test_numbered_parts_switch_from_review_to_plan() -> None:
    # 第一部分 … 第二部分: the parts of a long document are numbered headings at the top level,
    # and their titles say which part is the review and which the plan
    text = (
        "某经开区2023年工作总结和2024年工作计划\n第一部分 2023年工作总结\n"
        "(一)产业发展\n完成产值100亿元。\n第二部分 2024年工作计划\n(一)抓招商\n引进项目50个。\n"
    )
    heads = build_outline(text, default_part=None).flat()
    assert [(h.label, h.title, h.part, h.depth, h.number) for h in heads] == [
        ("第一部分", "2023年工作总结", "review", 1, 1),
        ("(一)", "产业发展", "review", 2, 1),
        ("第二部分", "2024年工作计划", "plan", 1, 2),
        ("(一)", "抓招商", "plan", 2, 1),
    ]
    plan = parse(text)
    assert [(i.text, i.role.value) for i in plan.indicators] == [("100亿元", "actual"), ("50个", "target")]


@pytest.mark.parametrize("heading", ["三、今后工作举措", "三、下阶段工作", "三、下一阶段工作措施"])
def test_the_next_stage_heading_opens_the_plan_part(heading: str) -> None:
    text = (
        "某开发区2024年工作总结\n一、工作成效\n完成投资20亿元。\n二、存在问题\n后劲不足。\n"
        f"{heading}\n完成投资25亿元。\n"
    )
    plan = parse(text)
    assert [(i.text, i.role.value) for i in plan.indicators] == [("20亿元", "actual"), ("25亿元", "target")]


def test_a_plan_opener_inside_the_plan_heading_keeps_its_items_under_it() -> None:
    # 下半年,… opens the plan part of a summary; under 三、下半年工作打算 the plan part is open
    # already, so the 一是 … 二是 that follow are that heading's items, not new top-level ones
    text = (
        "某开发区上半年工作总结\n一、上半年工作情况\n新开工项目18个。\n三、下半年工作打算\n"
        "下半年,开发区将重点抓好以下工作:一是加快项目建设,确保新开工项目20个以上;二是强化招商引资。\n"
    )
    heads = build_outline(text, default_part="review").flat()
    assert [(h.label, h.part, h.depth) for h in heads] == [
        ("一、", "review", 1),
        ("三、", "plan", 1),
        ("一是", "plan", 2),
        ("二是", "plan", 2),
    ]


def test_a_title_on_two_lines_is_no_part_heading() -> None:
    # the issuing body on one line, 2023年度工作总结 on the next: both are the title; the parts are
    # the numbered headings below, the word that ends a heading's title naming its part
    text = (
        "某某高新技术产业开发区管理委员会\n2023年度工作总结\n一、主要指标完成情况\n完成产值100亿元。\n"
        "二、重点工作推进情况\n(一)项目建设\n竣工项目8个。\n三、2024年工作打算\n力争新开工项目20个。\n"
    )
    heads = build_outline(text, default_part="review").flat()
    assert [(h.label, h.title, h.part, h.depth) for h in heads] == [
        ("一、", "主要指标完成情况", "review", 1),
        ("二、", "重点工作推进情况", "review", 1),
        ("(一)", "项目建设", "review", 2),
        ("三、", "2024年工作打算", "plan", 1),
    ]
    plan = parse(text)
    assert [(i.text, i.role.value) for i in plan.indicators] == [
        ("100亿元", "actual"),
        ("8个", "actual"),
        ("20个", "target"),
    ]


def test_tasks_know_their_indicators_and_spans() -> None:
    raw = "一、抓项目\n新开工项目12个,完成投资30亿元。\n二、抓招商\n引进企业5家。\n"
    plan = parse(raw)
    first, second = plan.tasks
    assert [plan.indicators[i].text for i in first.indicators] == ["12个", "30亿元"]
    assert [plan.indicators[i].text for i in second.indicators] == ["5家"]
    for task in plan.walk_tasks():
        assert raw[task.span.start : task.span.end].endswith(task.title)
        assert task.block.start <= task.span.start < task.span.end <= task.block.end


@pytest.mark.parametrize("closer", ["三、下一步工作", "第二部分 2025年工作计划"])
def test_a_higher_heading_closes_a_list_of_problems(closer: str) -> None:
    # (三)存在的问题 opens a list of problems (一是… are no work headings); a heading above it,
    # 三、 or 第二部分, closes that list: its items are work headings again
    text = (
        "某开发区2024年工作总结\n一、2024年工作回顾\n(一)经济运行\n完成产值100亿元。\n"
        "(二)项目建设\n开工项目12个。\n(三)存在的问题\n一是要素不足。二是人才短缺。\n"
        f"{closer}\n一是抓招商。引进项目50个。二是抓服务。优化环境。\n"
    )
    heads = build_outline(text, default_part="review").flat()
    titles = [h.title for h in heads]
    assert "要素不足" not in titles and "人才短缺" not in titles
    assert titles[-3:] == [closer.split()[-1] if "部分" in closer else "下一步工作", "抓招商", "抓服务"]
    assert [h.depth for h in heads[-3:]] == [heads[-3].depth, heads[-3].depth + 1, heads[-3].depth + 1]


def test_a_plan_part_heading_run_into_the_text() -> None:
    # a scrape that lost its line breaks: 三、2025年工作计划 follows the last sentence of the
    # review; the figures after it are targets, those before it results
    text = (
        "某开发区2024年工作总结和2025年工作计划\n一、2024年工作成效全年完成产值120亿元,增长8%。"
        "二、存在问题一是土地紧张。三、2025年工作计划力争产值达到135亿元,新增企业20家。\n"
    )
    plan = parse(text)
    assert [(i.text, i.role.value) for i in plan.indicators] == [
        ("120亿元", "actual"),
        ("8%", "actual"),
        ("135亿元", "target"),
        ("20家", "target"),
    ]
    assert plan.kind is not None and plan.kind.value == "summary_and_plan"


# a plan written with line breaks, then the same text as a scrape that lost them all (a line of
# run-in headings is looked for in a line as long as a whole document: paragraphs padded to be)
_FILL = "全区上下团结一心,主要指标稳中有进。" * 6
_BROKEN_PLAN = f"""\
一、做强先进制造,夯实产业根基
重点抓好以下工作:
(一)加快项目建设。全年实施亿元以上项目45个,完成投资60亿元。{_FILL}
(二)培育龙头企业。新增规上企业20家。一是实施企业梯度培育。二是开展技改扶持。
二、深化开放合作,增强发展动能
1.精准招商。全年引进项目30个。{_FILL}
2.优化服务。推行项目代办制。
三、守牢安全底线
(一)抓好安全生产。开展隐患排查200次。{_FILL}
"""


def _rows(text: str) -> list[tuple[int, str | None, str]]:
    return [(d, label, title[:6]) for d, label, title in shape(text)]


def test_a_text_that_lost_its_line_breaks_keeps_its_outline() -> None:
    # the headings that open lines run on after a sentence (。二、, 。2.), or into the title of the
    # heading above (…产业根基重点抓好…:(一)): each found, nested as in the text with its breaks
    lines = _rows(_BROKEN_PLAN)
    assert len(lines) == 10
    joined = "某开发区2025年工作计划。" + _BROKEN_PLAN.replace("\n", "")
    assert _rows(joined) == lines
    assert _rows("某开发区2025年工作计划。" + _BROKEN_PLAN.replace("\n", " ")) == lines


def test_a_first_item_run_into_a_heading_title_ends_the_title() -> None:
    text = "某开发区2025年工作计划。一、抓项目建设(一)加快重大项目。全年开工项目12个,完成投资20亿元以上。"
    text += f"(二)强化要素保障。新增用地500亩。{_FILL * 2}二、抓招商引资1.精准招商。引进项目30个。{_FILL * 2}"
    heads = shape(text)
    assert heads[:3] == [(1, "一、", "抓项目建设"), (2, "(一)", "加快重大项目"), (2, "(二)", "强化要素保障")]
    assert heads[3][:2] == (1, "二、") and heads[4][:3] == (2, "1.", "精准招商")


def test_run_in_numbers_that_continue_no_sequence_are_no_headings() -> None:
    # a long paragraph of a document with its breaks: 。三、 out of the blue, and 。2. with no 1.
    body = f"{_FILL * 2}三、产业结构持续优化。{_FILL}2.服务效能提升。{_FILL * 2}"
    text = f"一、总体情况\n{body}\n二、下步打算\n内容。\n"
    assert [(h[1], h[2]) for h in shape(text)] == [("一、", "总体情况"), ("二、", "下步打算")]


def test_a_run_in_list_of_problems_gives_no_headings() -> None:
    text = (
        "某开发区2024年工作总结和2025年工作计划。一、2024年工作成效全年完成产值120亿元,增长8%。"
        "(一)项目建设提速。新开工项目15个,竣工项目9个。(二)招商成果丰硕。签约项目24个。"
        "二、存在的困难和问题一是用地指标紧张;二是人才储备不足;三是配套设施滞后。"
        f"2025年工作思路2025年全区力争完成产值135亿元,新增规上企业20家。一是抓项目。二是抓招商。{_FILL * 3}"
    )
    heads = build_outline(text, default_part="review").flat()
    rows = [(h.depth, h.label, h.title[:6], h.part) for h in heads]
    assert rows == [
        (1, "一、", "2024年工", "review"),
        (2, "(一)", "项目建设提速", "review"),
        (2, "(二)", "招商成果丰硕", "review"),
        (1, "二、", "存在的困难和", "review"),
        (1, None, "2025年工", "plan"),
        (2, "一是", "抓项目", "plan"),
        (2, "二是", "抓招商", "plan"),
    ]
    plan = parse(text)
    roles = [(i.text, i.role.value) for i in plan.indicators]
    assert roles[-2:] == [("135亿元", "target"), ("20家", "target")]
