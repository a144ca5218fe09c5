"""Indicators, goals and projects: one row per phenomenon of the GUIDE, from our own sentences."""

from __future__ import annotations

import pytest

from zoneplan import Plan, parse

PLAN_HEAD = "某经济技术开发区2025年工作计划\n"
REVIEW_HEAD = "某经济技术开发区2024年工作总结\n"


def figures(text: str, head: str = PLAN_HEAD) -> list[tuple[str, str | None, str, str, str]]:
    """(text, name, kind, comparator, role) of every indicator of a document made of ``text``."""
    plan = parse(head + text)
    return [(i.text, i.name, i.kind.value, i.comparator.value, i.role.value) for i in plan.indicators]


CASES = [
    # a growth target with 以上 after it
    pytest.param(
        "全年规上工业增加值增长12%以上。",
        [("12%", "规上工业增加值", "growth", "ge", "target")],
        id="growth-ge",
    ),
    # a level with 约 before it
    pytest.param(
        "力争实现营业收入约80亿元。", [("80亿元", "营业收入", "level", "approx", "target")], id="level-approx"
    ),
    # 超 / 突破 are strict lower bounds
    pytest.param(
        "技术合同成交额突破5亿元。",
        [("5亿元", "技术合同成交额", "level", "gt", "target")],
        id="gt-breakthrough",
    ),
    # 不少于 before a count
    pytest.param(
        "引进高层次人才不少于30名。", [("30名", "高层次人才", "count", "ge", "target")], id="count-ge"
    ),
    # one name, two indicators: a level and its growth
    pytest.param(
        "实现外贸进出口总额66亿元、增幅8%。",
        [
            ("66亿元", "外贸进出口总额", "level", "eq", "target"),
            ("8%", "外贸进出口总额", "growth", "eq", "target"),
        ],
        id="shared-subject",
    ),
    # 分别: each rate to its own subject
    pytest.param(
        "营业收入120亿元、利润9亿元,分别同比增长15%、20%。",
        [
            ("120亿元", "营业收入", "level", "eq", "actual"),
            ("9亿元", "利润", "level", "eq", "actual"),
            ("15%", "营业收入", "growth", "eq", "actual"),
            ("20%", "利润", "growth", "eq", "actual"),
        ],
        id="distributed-subjects",
    ),
    # counts joined by 、 each take their own verb as a name
    pytest.param(
        "力争项目开工20个、竣工12个、投产8个。",
        [
            ("20个", "项目开工", "count", "eq", "target"),
            ("12个", "竣工", "count", "eq", "target"),
            ("8个", "投产", "count", "eq", "target"),
        ],
        id="distributed-counts",
    ),
    # a sub-indicator after 其中
    pytest.param(
        "工业投资增长10%,其中技改投资增长15%以上。",
        [("10%", "工业投资", "growth", "eq", "target"), ("15%", "技改投资", "growth", "ge", "target")],
        id="sub-indicator",
    ),
    # a threshold defines a class (other, ge); the count of the class is the target
    pytest.param(
        "招引5亿元以上产业项目不少于8个。",
        [
            ("5亿元", "产业项目", "level", "ge", "other"),
            ("8个", "5亿元以上产业项目", "count", "ge", "target"),
        ],
        id="threshold-class",
    ),
    # 超亿元项目: a bare magnitude after 超 stands for one of it, a strict bound
    pytest.param(
        "签约超亿元项目30个。",
        [("亿元", "项目", "level", "gt", "other"), ("30个", "亿元项目", "count", "eq", "target")],
        id="threshold-bare-magnitude",
    ),
    # the threshold's own measure names it (产值…以上企业)
    pytest.param(
        "力争营收10亿元以上企业达到6家。",
        [("10亿元", "营收", "level", "ge", "other"), ("6家", "10亿元以上企业", "count", "eq", "target")],
        id="threshold-own-measure",
    ),
    # a share reaching a percentage
    pytest.param("城镇污水处理率达到95%。", [("95%", "城镇污水处理率", "share", "eq", "target")], id="share"),
    # a fall that is not the indicator's own growth
    pytest.param("安全事故起数下降10%。", [("10%", "安全事故起数", "change", "eq", "target")], id="change"),
    # 现有 is background, not a target
    pytest.param(
        "在现有上市企业4家的基础上,力争新增上市企业2家。",
        [("4家", "上市企业", "count", "eq", "other"), ("2家", "上市企业", "count", "eq", "target")],
        id="status-quo-other",
    ),
    # a project's total investment is an attribute, the annual investment a target
    pytest.param(
        "实施产业项目60个,总投资280亿元,年度计划完成投资70亿元。",
        [
            ("60个", "产业项目", "count", "eq", "target"),
            ("280亿元", "总投资", "level", "eq", "other"),
            ("70亿元", "年度计划完成投资", "level", "eq", "target"),
        ],
        id="total-investment-other",
    ),
    # the shortest phrase naming what is counted: verbs of building and planning before it are no
    # part of the name, nor a verb joined to them (新建和改造), nor 的 or a verb of cutting after it
    pytest.param(
        "计划实施重点项目45个,新建和改造道路9公里,新建设省级研发中心3家。",
        [
            ("45个", "重点项目", "count", "eq", "target"),
            ("9公里", "道路", "level", "eq", "target"),
            ("3家", "省级研发中心", "count", "eq", "target"),
        ],
        id="build-verbs-stripped",
    ),
    pytest.param(
        "审批时限再压减20%,完成年度计划的95%。",
        [("20%", "审批时限", "change", "eq", "target"), ("95%", "年度计划", "share", "eq", "target")],
        id="cut-verbs-and-de-stripped",
    ),
    # 总数 alone is the total of what the figure before it counted
    pytest.param(
        "新增高新技术企业30家,总数达到210家。",
        [
            ("30家", "高新技术企业", "count", "eq", "target"),
            ("210家", "高新技术企业", "count", "eq", "target"),
        ],
        id="total-inherits",
    ),
    # rising *to* a percentage gives the level reached, a share; 总体目标 opens the targets
    pytest.param(
        "总体目标:规上工业总产值增长10%,零部件配套率提高到45%。",
        [
            ("10%", "规上工业总产值", "growth", "eq", "target"),
            ("45%", "零部件配套率", "share", "eq", "target"),
        ],
        id="rise-to-is-a-share",
    ),
    # a plan's sentence that opens with an earlier year reports that year's results; one that
    # commits (力争) plans whatever its year; 年产值 is a year's output value, no capacity
    pytest.param(
        "2023年,规上工业产值达到860亿元,增长6.1%。2023年,力争年产值突破300亿元。",
        [
            ("860亿元", "规上工业产值", "level", "eq", "actual"),
            ("6.1%", "规上工业产值", "growth", "eq", "actual"),
            ("300亿元", "年产值", "level", "gt", "target"),
        ],
        id="earlier-year-reports",
    ),
    # a comparison with last year's same period is no name: the rates are the first one's
    pytest.param(
        "研发投入年均增长8%,较去年同期增长12.5%,同比提升2.1个百分点。",
        [
            ("8%", "研发投入", "growth", "eq", "target"),
            ("12.5%", "研发投入", "growth", "eq", "target"),
            ("2.1个百分点", "研发投入", "change", "eq", "target"),
        ],
        id="same-period-last-year",
    ),
    # a result already achieved, reported inside a plan
    # the class a count joins names it (GUIDE: 3个项目入选…省重点产业项目)
    pytest.param(
        "4个项目已列入省重点项目。",
        [("4个", "省重点项目", "count", "eq", "actual")],
        id="already-actual",
    ),
    # capacity of a named plant is an attribute
    pytest.param(
        "推进年产30万吨新材料项目建设。",
        [("30万吨", "新材料项目建设", "level", "eq", "other")],
        id="capacity",
    ),
    # the size of a named place is an attribute
    pytest.param(
        "打造5平方公里智造走廊。", [("5平方公里", "智造走廊", "level", "eq", "other")], id="area-of-place"
    ),
    # a rank climb
    pytest.param("力争全省排名提升3位。", [("3位", "全省排名", "rank", "eq", "target")], id="rank"),
    # Chinese-numeral amounts: 超千亿元 and 提前两年
    pytest.param("计划总投资超千亿元。", [("千亿元", "总投资", "level", "gt", "other")], id="cn-thousand-yi"),
    # percentage points are a difference of shares: a change, never a growth rate
    pytest.param(
        "研发投入强度提高0.3个百分点。",
        [("0.3个百分点", "研发投入强度", "change", "eq", "target")],
        id="points",
    ),
    # the zone as the subject of its own figure is not part of the name
    pytest.param(
        "青川经开区全年完成工业投资60亿元。",
        [("60亿元", "工业投资", "level", "eq", "target")],
        id="zone-subject",
    ),
    # power and energy are quantities of their own; 千 before 瓦 is the kilo of 千瓦
    pytest.param(
        "新增光伏装机500千瓦。", [("500千瓦", "光伏装机", "level", "eq", "target")], id="power-kilowatt"
    ),
    # a frequency is background
    pytest.param("每月定期2次开展巡查。", [("2次", "巡查", "count", "eq", "other")], id="frequency"),
    # chosen for a list: the figure counts what the list names
    pytest.param(
        "推动12家企业纳入省级绿色工厂名单。",
        [("12家", "省级绿色工厂名单", "count", "eq", "target")],
        id="chosen-for-a-list",
    ),
    # the area of what the clause before counted
    pytest.param(
        "摸排闲置厂房12处,其中工业厂房8处,面积5.6万平方米。",
        [
            ("12处", "摸排闲置厂房", "count", "eq", "target"),
            ("8处", "工业厂房", "count", "eq", "target"),
            ("5.6万平方米", "工业厂房", "level", "eq", "target"),
        ],
        id="area-of-the-thing-before",
    ),
    # two figures of one noun, one after the other
    pytest.param(
        "盘活存量用地,收回9宗213亩低效用地。",
        [("9宗", "低效用地", "count", "eq", "target"), ("213亩", "低效用地", "level", "eq", "target")],
        id="chained-figures",
    ),
    # an aside in brackets between the noun and its figure
    pytest.param(
        "清理整顿“散乱污”企业(作坊)40家以上。",
        [("40家", "清理整顿“散乱污”企业", "count", "ge", "target")],
        id="bracketed-aside",
    ),
    # modifiers joined by 、 before the counted noun: the noun after the last one names it
    pytest.param(
        "谋划打造4个特色化、专业化、集群化智能装备园区。",
        [("4个", "智能装备园区", "count", "eq", "target")],
        id="coordinated-modifiers",
    ),
    pytest.param(
        "培育2家绿色型、创新型链主企业,引进项目10个、人才50名。",
        [
            ("2家", "链主企业", "count", "eq", "target"),
            ("10个", "项目", "count", "eq", "target"),
            ("50名", "人才", "count", "eq", "target"),
        ],
        id="coordinated-modifiers-then-a-list",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_plan_figures(text: str, expected: list[tuple[str, str | None, str, str, str]]) -> None:
    head = REVIEW_HEAD if "分别" in text else PLAN_HEAD
    assert figures(text, head) == expected


REVIEW_CASES = [
    # 实际 alone names nothing (the planned and the actual investment share a name); 完成率 is a noun
    pytest.param(
        "计划投资100亿元,实际完成108亿元,完成率108%。实际利用外资2亿美元。",
        [
            ("100亿元", "投资", "level", "eq", "actual"),
            ("108亿元", "投资", "level", "eq", "actual"),
            ("108%", "完成率", "share", "eq", "actual"),
            ("2亿美元", "实际利用外资", "level", "eq", "actual"),
        ],
        id="actual-alone-names-nothing",
    ),
    pytest.param(
        "完成工业投资50亿元。其中:增长12%。",
        [("50亿元", "工业投资", "level", "eq", "actual"), ("12%", None, "growth", "eq", "actual")],
        id="qizhong-alone-names-nothing",
    ),
    # rates joined by 和 share the name before them; 扩展至 and 由 are no part of a name; 建成区
    # is a noun, not 建成 + 区
    pytest.param(
        "实现规上工业总产值358亿元,分别增长9%和11%。建成区面积由15平方公里扩展至32平方公里。",
        [
            ("358亿元", "规上工业总产值", "level", "eq", "actual"),
            ("9%", "规上工业总产值", "growth", "eq", "actual"),
            ("11%", "规上工业总产值", "growth", "eq", "actual"),
            ("15平方公里", "建成区面积", "level", "eq", "actual"),
            ("32平方公里", "建成区面积", "level", "eq", "actual"),
        ],
        id="joined-rates-and-from-to",
    ),
    # a rate per something (万元/亩): what follows the slash is no noun naming the figure
    pytest.param(
        "亩均税收达到28.6万元/亩。",
        [("28.6万元", "亩均税收", "level", "eq", "actual")],
        id="per-unit-rate",
    ),
    # indicators listed as 名称:数值, the name before the colon, its figures after it
    pytest.param(
        "1.地区生产总值:完成186.5亿元,同比增长6.8%。\n2.税收收入:完成15.6亿元,为年度目标的103%。",
        [
            ("186.5亿元", "地区生产总值", "level", "eq", "actual"),
            ("6.8%", "地区生产总值", "growth", "eq", "actual"),
            ("15.6亿元", "税收收入", "level", "eq", "actual"),
            ("103%", "年度目标", "share", "eq", "actual"),
        ],
        id="name-colon-figure",
    ),
    # 拥有量 is the noun of a measure, not the verb of a status quo (现有 is one)
    pytest.param(
        "每万人发明专利拥有量达到65件,现有孵化器3家。",
        [
            ("65件", "每万人发明专利拥有量", "count", "eq", "actual"),
            ("3家", "孵化器", "count", "eq", "other"),
        ],
        id="holding-is-no-status-quo",
    ),
    # a range with its unit at both ends is one figure; 成功 before a verb is no part of the name
    pytest.param(
        "成功举办推介会2场,订单下降10%-20%。",
        [("2场", "推介会", "count", "eq", "actual"), ("10%-20%", "订单", "change", "eq", "actual")],
        id="range-with-both-units",
    ),
    # a concentration is no mass; 缩减至 is no part of the name
    pytest.param(
        "PM2.5平均浓度为32微克/立方米,审批时间缩减至20个工作日。",
        [
            ("32微克/立方米", "PM2.5平均浓度", "level", "eq", "actual"),
            ("20个工作日", "审批时间", "level", "eq", "actual"),
        ],
        id="concentration-and-cut-to",
    ),
    pytest.param(
        "技改投资增长15%～20%,新增贷款5亿元至8亿元。",
        [
            ("15%～20%", "技改投资", "growth", "eq", "actual"),
            ("5亿元至8亿元", "贷款", "level", "eq", "actual"),
        ],
        id="ranges-at-both-ends",
    ),
]


@pytest.mark.parametrize(("text", "expected"), REVIEW_CASES)
def test_review_figures(text: str, expected: list[tuple[str, str | None, str, str, str]]) -> None:
    assert figures(text, REVIEW_HEAD) == expected


def test_a_plan_of_several_years_commits_in_each_of_its_years() -> None:
    # 2024—2026年行动计划: 2024年,… is one of its years (a target); 2023年,… came before it
    plan = parse("某开发区2024—2026年三年行动计划\n2024年,实现产值100亿元。\n2023年,完成产值90亿元。\n")
    assert [(i.text, i.role.value) for i in plan.indicators] == [("100亿元", "target"), ("90亿元", "actual")]


def test_a_range_with_both_units_reads_its_ends() -> None:
    (ind,) = parse(PLAN_HEAD + "投资5亿元至8亿元。").indicators
    assert (ind.value, ind.low, ind.high, ind.unit, ind.base_value) == (None, 5, 8, "亿元", 5e8)


NOT_QUANTITIES = [
    pytest.param("2025年是关键一年,1-12月份完成任务。", id="years-and-months"),
    pytest.param("聚焦“5+4”产业体系和“1215”跑道,做好“7个显著提升”。", id="code-names-in-quotes"),
    pytest.param("推动化工行业改造提升3.0版,迈向工业4.0。", id="versions"),
    pytest.param("确保PM2.5浓度下降,推进5G基站建设。", id="pm25-5g"),
    pytest.param("引进世界500强企业,培育三大传统产业和百亿级企业。", id="names-from-numerals"),
    pytest.param("迎接第三轮督察,申报第二批试点。", id="ordinals"),
    pytest.param("建设万亩千亿平台,打造千亩级园区。", id="numeral-names"),
    pytest.param("今年是建区30周年。", id="anniversary"),
    pytest.param("重点抓好七个方面工作,落实五个必须要求。", id="counted-categories"),
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text: str) -> None:
    assert figures(text) == []


def test_headline_targets_and_goals() -> None:
    plan = parse(
        PLAN_HEAD + "主要预期目标为:地区生产总值增长7%左右;确保实到外资2亿美元;全年招商引资完成目标任务。\n"
        "一、抓项目\n力争新开工项目20个。\n"
    )
    heads = plan.headline_indicators
    assert [(i.text, i.name, i.comparator.value) for i in heads] == [
        ("7%", "地区生产总值", "approx"),
        ("2亿美元", "实到外资", "eq"),
    ]
    assert heads[1].base_value == 2e8 and heads[1].dimension.value == "currency_usd"
    goals = plan.headline_goals
    assert [g.strength.value for g in goals] == ["plain", "guarantee", "plain"]
    assert goals[2].indicators == []  # a qualitative goal carries no figure
    later = [g for g in plan.goals if not g.headline]
    assert later and later[0].strength.value == "aspiration"
    assert [plan.indicators[i].text for i in later[0].indicators] == ["20个"]


def test_headline_results_sentence_of_a_review() -> None:
    plan = parse(
        REVIEW_HEAD + "全年实现营业收入300亿元,同比增长9%;税收收入20亿元,同比增长6%。\n"
        "一、项目建设\n新开工项目15个。\n"
    )
    assert [(i.text, i.role.value) for i in plan.headline_indicators] == [
        ("300亿元", "actual"),
        ("9%", "actual"),
        ("20亿元", "actual"),
        ("6%", "actual"),
    ]
    assert not plan.indicators[-1].headline


def test_projects_with_status_and_investment() -> None:
    raw = (
        PLAN_HEAD + "加快推进星河智造、蓝湾新材等项目建设。总投资12亿元的青山生物医药产业园开工建设。"
        "实施云谷数据中心工程。\n"
    )
    plan: Plan = parse(raw)
    names = [p.name for p in plan.projects]
    assert names[:2] == ["星河智造", "蓝湾新材"]
    assert "青山生物医药产业园" in names
    park = plan.projects[names.index("青山生物医药产业园")]
    assert park.investment is not None and park.investment.text == "12亿元"
    # a park the plan is to start is planned (推动…开工建设); one the review reports started is
    # under construction, one it reports finished completed
    assert park.status is not None and park.status.value == "planned"
    for p in plan.projects:
        assert raw[p.span.start : p.span.end] == p.name
    review = parse(REVIEW_HEAD + "青山生物医药产业园开工建设,云谷科技产业园建成投产。\n")
    assert [(p.name, p.status.value if p.status else None) for p in review.projects] == [
        ("青山生物医药产业园", "under_construction"),
        ("云谷科技产业园", "completed"),
    ]
    # the first stage word after a name speaks of it: A已完工、B正在施工
    both = parse(REVIEW_HEAD + "滨江科技产业园已完工、城北物流园正在施工。\n")
    assert [(p.name, p.status.value if p.status else None) for p in both.projects] == [
        ("滨江科技产业园", "completed"),
        ("城北物流园", "under_construction"),
    ]
    plan_ahead = parse(PLAN_HEAD + "推动云谷科技产业园尽快竣工,谋划启动星河智造产业园。\n")
    assert [(p.name, p.status.value if p.status else None) for p in plan_ahead.projects] == [
        ("云谷科技产业园", "under_construction"),
        ("星河智造产业园", "planned"),
    ]


def test_a_point_between_digits_is_part_of_a_project_name() -> None:
    raw = PLAN_HEAD + "加快推进华星光电第8.6代线、长江存储二期等项目建设。\n"
    plan = parse(raw)
    assert [p.name for p in plan.projects] == ["华星光电第8.6代线", "长江存储二期"]
    for p in plan.projects:
        assert raw[p.span.start : p.span.end] == p.name


def test_projects_listed_as_numbered_headings() -> None:
    # a list of projects as numbered headings, each with its cost in the sentence after it; a
    # heading that opens with a verb (3.搭建创新平台) is a work item, not a project
    raw = (
        REVIEW_HEAD + "(一)重大项目建设\n1.青山储能电池项目。总投资120亿元,一期已建成投产。\n"
        "2.蓝湾光学镜头项目。总投资35亿元,主体工程已完工。\n3.搭建创新平台项目。新增平台5个。\n"
    )
    plan = parse(raw)
    got = [(p.name, p.investment.text if p.investment else None) for p in plan.projects]
    assert got == [("青山储能电池项目", "120亿元"), ("蓝湾光学镜头项目", "35亿元")]
    for p in plan.projects:
        assert raw[p.span.start : p.span.end] == p.name


def test_classes_of_companies_teams_and_programmes_are_no_projects() -> None:
    raw = PLAN_HEAD + "做好国家高新技术企业、省科技型中小企业、省重大科技专项、领军型创新团队等项目申报。\n"
    assert [p.name for p in parse(raw).projects] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "积极推进创新平台建设,提升科研中心服务能力。",
        "推动江东光电、北辰半导体等科创平台提档升级。",
        "支持企业新建省企业研究院3家、企业研究院2家。",
        "加快推进数字化园区建设,盘活商住地块和局部地块。",
    ],
)
def test_a_facility_word_with_only_class_modifiers_is_no_project(sentence: str) -> None:
    # 科创平台, 创新平台, 省企业研究院, 数字化园区, 商住地块: kinds of facility, not named ones
    # (the members of the list before 等 are named)
    names = [p.name for p in parse(PLAN_HEAD + sentence + "\n").projects]
    bare = {"创新平台", "科研中心", "科创平台", "省企业研究院", "企业研究院"}
    bare |= {"数字化园区", "商住地块", "局部地块"}
    assert not bare & set(names)
    if "等" in sentence:
        assert names == ["江东光电", "北辰半导体"]


def test_a_named_facility_with_a_class_word_in_it_is_a_project() -> None:
    raw = PLAN_HEAD + "建成企业综合服务分中心,实施城南科创平台建设工程,推进江北数字化园区建设。\n"
    names = [p.name for p in parse(raw).projects]
    assert "企业综合服务分中心" in names
    assert any(n.startswith("城南科创平台") for n in names)
    assert "江北数字化园区" in names


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("全年新建设滨江智能制造基地,计划总投资8亿元。", "滨江智能制造基地"),  # 新建 and 建设 overlap
        ("全年新建设滨江智造产业园,计划总投资8亿元。", "滨江智造产业园"),
        ("壮大青山新能源产业园规模,引进项目10个。", "青山新能源产业园"),
        ("加大金溪物流园招商力度。", "金溪物流园"),
    ],
)
def test_a_verb_before_a_name_is_cut_where_it_ends(sentence: str, name: str) -> None:
    raw = PLAN_HEAD + sentence + "\n"
    plan = parse(raw)
    assert name in [p.name for p in plan.projects]
    assert not any(p.name.endswith(name) and p.name != name for p in plan.projects)
    for p in plan.projects:
        assert raw[p.span.start : p.span.end] == p.name


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a one-character word that is also a stop begins the name at a run's start or after a verb
        ("积极参与中欧智能制造实验室建设。", "中欧智能制造实验室"),
        ("做优做强中关村数字产业园。", "中关村数字产业园"),
        ("打造提升、中新数字产业园。", "中新数字产业园"),
        ("在中科先进技术研究院设立分部。", "中科先进技术研究院"),
        # 及 between two modifiers of one facility
        ("年内,光伏及储能装备产业园开园运营。", "光伏及储能装备产业园"),
        # a facility word going on into another without a break is one name
        ("推进市第一人民医院滨江院区建设。", "市第一人民医院滨江院区"),
        ("年内,金河大道北延伸段配套工程通车。", "金河大道北延伸段配套工程"),
        # what the text says after the name: a count of its parts, a stage, a one-member 等 list
        ("建设实验小学三个新校区、城东中学等一批学校。", "实验小学"),
        ("东湖路已完工、西湖路等三条道路基本完工。", "东湖路"),
        ("加快长风整车三期等新项目落地。", "长风整车三期"),
        # a word inside the name that is also a stop: 合作, 开发区, and 服务 (a cut there would
        # leave a bare facility word)
        ("年内,中德合作产业园开园运营。", "中德合作产业园"),
        ("建设开发区规划展示厅。", "开发区规划展示厅"),
        ("投资800万元打造家居产业创新服务综合体。", "家居产业创新服务综合体"),
        ("年内,临港物流中心二期建成投用。", "临港物流中心二期"),  # 中心: no stop 中 in it
        ("加快推进临港物流中心二期建设。", "临港物流中心二期"),  # a phase after a generic word
    ],
)
def test_project_names_begin_and_end_where_the_language_says(sentence: str, name: str) -> None:
    raw = PLAN_HEAD + sentence + "\n"
    plan = parse(raw)
    names = [p.name for p in plan.projects]
    assert name in names
    assert not any(name in n and n != name for n in names)  # no longer candidate kept
    assert not any(n in name and n != name for n in names)  # no piece of it kept besides
    for p in plan.projects:
        assert raw[p.span.start : p.span.end] == p.name


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("加快1935文创街区建设进度。", ["1935文创街区"]),  # a number that names
        ("推进8幅安置房地块建设。", []),  # a number that counts: a class of facility
        ("建设3座标准厂区和2处商业街区。", []),
    ],
)
def test_a_number_before_a_facility_names_it_unless_it_counts(sentence: str, names: list[str]) -> None:
    assert [p.name for p in parse(PLAN_HEAD + sentence + "\n").projects] == names


def test_a_verb_of_project_work_before_a_bare_facility_word_is_no_name() -> None:
    assert [p.name for p in parse(PLAN_HEAD + "年内实质性启动产业园建设。\n").projects] == []


def test_a_finished_project_word_is_followed_by_the_next_name() -> None:
    # no break between two names (a scrape that lost its 、): the one ending in 工程 is complete
    raw = PLAN_HEAD + "滨江产业园配套工程金河大道绿化工程正在施工。\n"
    names = [p.name for p in parse(raw).projects]
    assert "滨江产业园配套工程" in names
    assert "金河大道绿化工程" in names


def test_verbs_in_a_row_are_not_part_of_a_name() -> None:
    raw = PLAN_HEAD + "人才创业园加快建设智能装备检测中心,完善配套。\n"
    plan = parse(raw)
    assert "智能装备检测中心" in [p.name for p in plan.projects]
    for p in plan.projects:
        assert raw[p.span.start : p.span.end] == p.name


def test_headline_targets_in_the_paragraph_under_a_targets_heading() -> None:
    # 一、目标任务 as a heading, then one long paragraph with every target: that paragraph is the
    # headline, the items of the next heading are not
    plan = parse(
        "某开发区2025年工作要点\n一、目标任务\n"
        "全年力争规上工业产值增长10%,工业投资增长两成以上,新增高新技术企业50家,亩均税收达到30万元,"
        "研发投入强度提高0.5个百分点以上,单位地区生产总值能耗下降3%。\n二、重点工作\n引进项目120个。\n"
    )
    assert [(i.text, i.headline) for i in plan.indicators] == [
        ("10%", True),
        ("两成", True),
        ("50家", True),
        ("30万元", True),
        ("0.5个百分点", True),
        ("3%", True),
        ("120个", False),
    ]


def test_headline_targets_written_as_a_list() -> None:
    plan = parse(
        "某高新区2026年工作要点\n一、总体要求和主要目标\n2026年主要预期目标:\n"
        "1.规上工业增加值增长9%;\n2.实际利用外资1.8亿美元以上。\n二、重点任务\n新增研发机构10家。\n"
    )
    assert [(i.text, i.name, i.headline) for i in plan.indicators] == [
        ("9%", "规上工业增加值", True),
        ("1.8亿美元", "实际利用外资", True),
        ("10家", "研发机构", False),
    ]
    assert [len(g.indicators) for g in plan.headline_goals] == [1, 1]


def test_a_reached_target_is_not_a_targets_paragraph() -> None:
    # 实现了预期目标 reports, it does not open the main-targets paragraph
    plan = parse(REVIEW_HEAD + "各项工作实现了预期目标。总投资5亿元的物流园开工建设。\n")
    assert [(i.text, i.role.value, i.headline) for i in plan.indicators] == [("5亿元", "other", False)]


def test_problem_sections_are_not_work_headings() -> None:
    plan = parse(
        REVIEW_HEAD
        + "一、主要成效\n1.项目加快推进。新开工项目8个。\n二、存在的问题\n一是储备不足;二是要素偏紧。\n"
        "三、下一步打算\n(一)抓项目。力争新开工项目10个。\n"
    )
    assert [(t.label, t.title, t.part.value if t.part else None) for t in plan.walk_tasks()] == [
        ("一、", "主要成效", "review"),
        ("1.", "项目加快推进", "review"),
        ("二、", "存在的问题", "review"),
        ("三、", "下一步打算", "plan"),
        ("(一)", "抓项目", "plan"),
    ]
    assert [(i.text, i.role.value) for i in plan.indicators] == [("8个", "actual"), ("10个", "target")]


@pytest.mark.parametrize(
    ("head", "number"),
    [
        ("青溪经开管发〔2024〕7号\n青溪经济开发区2024年工作计划\n", "青溪经开管发〔2024〕7号"),
        ("青溪经济开发区2024年工作计划\n文号:青经管[2024]12号\n", "青经管[2024]12号"),
        # the issuer is at most eight characters: the longer run is cut to its last eight
        ("关于印发青溪经济开发区管委会发〔2023〕3号的通知\n", "济开发区管委会发〔2023〕3号"),
        ("青溪经济开发区2024年工作计划\n", None),  # no number
        ("青溪经济开发区2024年工作计划\n〔2024〕7号\n", None),  # no issuer before it
    ],
)
def test_document_number(head: str, number: str | None) -> None:
    plan = parse(head + "一、抓项目\n新开工项目12个。\n")
    assert plan.doc_number == number


def test_a_share_of_the_target_task_and_a_figure_after_only() -> None:
    # 目标任务 is one noun (not 目标 + 任务); 仅为 before a figure is no part of its name
    got = figures("实际利用外资1.2亿美元,完成目标任务的108%;研发投入强度仅为1.6%。", REVIEW_HEAD)
    names = [("1.2亿美元", "实际利用外资"), ("108%", "目标任务"), ("1.6%", "研发投入强度")]
    assert [(t, n) for t, n, *_ in got] == names


def test_a_project_named_after_its_cost_and_named_again_later() -> None:
    # 总投资20亿元的X项目正式开工: the project where first named, with its cost; named again in
    # the plan as X (…等项目), it is the same project
    raw = (
        "某经济技术开发区2023年工作总结和2024年工作计划\n一、2023年工作回顾\n"
        "总投资20亿元的青岚光伏组件项目正式开工,白鹭医疗器械产业园主体封顶。\n"
        "二、2024年工作计划\n加快推进青岚光伏组件、紫荆数据中心等项目建设。\n"
    )
    plan = parse(raw)
    got = [(p.name, p.investment.text if p.investment else None, p.status, p.part) for p in plan.projects]
    assert got == [
        ("青岚光伏组件项目", "20亿元", "under_construction", "review"),
        ("白鹭医疗器械产业园", None, "under_construction", "review"),
        ("紫荆数据中心", None, "under_construction", "plan"),
    ]
    for p in plan.projects:
        assert raw[p.span.start : p.span.end] == p.name


def test_an_abbreviation_in_brackets_after_the_noun() -> None:
    got = figures("力争地区生产总值(GDP)增长7.5%左右,规上工业增加值(不含电力)增长9%。")
    want = [("7.5%", "地区生产总值", "approx"), ("9%", "规上工业增加值", "eq")]
    assert [(t, n, c) for t, n, _, c, _ in got] == want


@pytest.mark.parametrize("verb", ["新增", "净增", "增加", "减少"])
def test_a_change_verb_alone_names_the_figure_before_it(verb: str) -> None:
    # 市场主体总量达到3.2万户,净增2800户: the 2,800 are households of the same total
    got = figures(f"全区市场主体总量达到3.2万户,{verb}2800户。")
    assert [(t, n) for t, n, *_ in got] == [("3.2万户", "市场主体总量"), ("2800户", "市场主体总量")]


def test_plants_named_by_their_capacity_in_a_list() -> None:
    raw = PLAN_HEAD + "推动年产5万吨锂电负极材料项目、年产20GWh储能电池项目建成投产。\n"
    plan = parse(raw)
    assert [p.name for p in plan.projects] == ["年产5万吨锂电负极材料项目", "年产20GWh储能电池项目"]
    for p in plan.projects:
        assert raw[p.span.start : p.span.end] == p.name


def test_rates_handed_out_by_fenbie_joined_by_he() -> None:
    # 分别增长12.5%和15.3%: the first rate to the first subject, the second to the second
    got = figures("实现外贸进出口额28.7亿元,其中出口21.4亿元,分别增长12.5%和15.3%。", REVIEW_HEAD)
    assert [(t, n) for t, n, *_ in got] == [
        ("28.7亿元", "外贸进出口额"),
        ("21.4亿元", "出口"),
        ("12.5%", "外贸进出口额"),
        ("15.3%", "出口"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "推动智能终端、新能源汽车两大产业规模分别达到260亿元、150亿元。",
            [("260亿元", "智能终端产业规模"), ("150亿元", "新能源汽车产业规模")],
        ),
        (
            "力争东区和西区两个园区营业收入分别增长12%和15%。",
            [("12%", "东区园区营业收入"), ("15%", "西区园区营业收入")],
        ),
    ],
)
def test_fenbie_hands_out_figures_to_members_sharing_a_counted_noun(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert [(t, n) for t, n, *_ in figures(text) if not t.startswith("两")] == want


def test_fenbie_hands_out_figures_to_the_nouns_listed_before_it() -> None:
    text = "全区规上工业总产值、工业投资和税收收入分别为580亿元、66亿元、21亿元,分别增长9.1%、12.3%和5.2%。"
    got = [(t, n) for t, n, *_ in figures(text, REVIEW_HEAD)]
    assert got == [
        ("580亿元", "规上工业总产值"),
        ("66亿元", "工业投资"),
        ("21亿元", "税收收入"),
        ("9.1%", "规上工业总产值"),
        ("12.3%", "工业投资"),
        ("5.2%", "税收收入"),
    ]


def test_a_word_that_points_back_is_no_part_of_the_name() -> None:
    got = figures("推进星海化学高端聚氨酯一体化项目,该项目计划总投资42亿元。")
    assert [(t, n) for t, n, *_ in got] == [("42亿元", "总投资")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("年内成立工作专班6个。", ("6个", "工作专班")),
        ("组建产业服务队12支。", ("12支", "产业服务队")),
    ],
)
def test_a_verb_of_setting_up_is_no_part_of_the_name(text: str, want: tuple[str, str]) -> None:
    assert [(t, n) for t, n, *_ in figures(text)] == [want]


def test_a_word_ending_in_lu_that_is_no_road_is_no_project() -> None:
    raw = PLAN_HEAD + "推动集成电路、智能终端产业发展,谋划发展新思路,推进滨江北路建设。\n"
    assert [p.name for p in parse(raw).projects] == ["滨江北路"]


def test_a_cue_that_would_leave_one_character_is_part_of_the_name() -> None:
    got = figures("新开工项目12个,总投资85亿元,开工率达71.5%。", REVIEW_HEAD)
    assert [(t, n) for t, n, *_ in got][-1] == ("71.5%", "开工率")


def test_a_change_in_points_names_the_share_before_it_not_the_last_amount() -> None:
    # the last amount of the sentence (5家) names a share of the whole (占全市…), not a change
    got = figures("新增市级研发中心5家;高新技术产业产值占比达58.2%,比去年同期提高2.1个百分点。", REVIEW_HEAD)
    assert [(t, n) for t, n, *_ in got][-1] == ("2.1个百分点", "高新技术产业产值占比")


def test_a_change_since_the_start_of_the_year_names_the_figure_before_it() -> None:
    got = figures("截至6月底,累计入驻企业1526家,较年初增加86家。", REVIEW_HEAD)
    want = [("1526家", "入驻企业", "actual"), ("86家", "入驻企业", "actual")]
    assert [(t, n, r) for t, n, _, _, r in got] == want


def test_a_daily_capacity_a_cut_by_a_share_and_a_road_improved() -> None:
    got = figures("污水处理能力达到6万吨/日;审批时限压缩30%以上,空置率降至5%;改造提升道路8.6公里。")
    assert got == [
        ("6万吨/日", "污水处理能力", "level", "eq", "target"),
        ("30%", "审批时限", "change", "ge", "target"),
        ("5%", "空置率", "share", "eq", "target"),
        ("8.6公里", "道路", "level", "eq", "target"),
    ]
    plan = parse(PLAN_HEAD + "污水处理能力达到6万吨/日。\n")
    (daily,) = plan.indicators
    assert daily.dimension.value == "mass_rate" and daily.base_unit == "tonne / year"
    assert daily.base_value == pytest.approx(60_000 * 365.25, rel=1e-3)


@pytest.mark.parametrize(
    ("sentence", "text", "base", "comparator"),
    [
        ("带动就业上万人。", "万人", 10_000, "ge"),  # 上万: ten thousand or more
        ("培育创新团队上百个。", "百个", 100, "ge"),
        ("引进企业数十家。", "十家", 10, "gt"),  # some tens: more than ten
        ("引进人才几千名。", "千名", 1000, "gt"),
        ("吸引游客逾万人次。", "万人次", 10_000, "gt"),
        ("新增市场主体近万家。", "万家", 10_000, "approx"),
        ("流转土地超万亩。", "万亩", 10_000 * 2000 / 3, "gt"),
    ],
)
def test_a_bare_magnitude_after_a_bound_is_one_of_it(
    sentence: str, text: str, base: float, comparator: str
) -> None:
    # 上万人, 逾万人次, 近万家: as 超亿元, the magnitude alone stands for one of it
    (ind,) = parse(PLAN_HEAD + sentence + "\n").indicators
    assert (ind.text, ind.value, ind.comparator.value) == (text, 1, comparator)
    assert ind.base_value == pytest.approx(base)


def test_a_magnitude_word_in_a_phrase_is_no_figure() -> None:
    assert figures("各项准备工作马上万事俱备,线上万象更新。") == []


def test_sessions_are_counted_in_changci() -> None:
    want = [("15场次", "专题招商活动", "count", "ge", "target")]
    assert figures("全年组织专题招商活动不少于15场次。") == want


def test_members_of_a_list_with_their_costs_in_brackets() -> None:
    raw = (
        PLAN_HEAD + "一、主要目标\n引进项目30个。\n二、重点工作\n"
        "推动星河科技(总投资15亿元)、蓝海新材(总投资8亿元)等项目开工,完成东岸路改造。\n"
    )
    plan = parse(raw)
    got = [(p.name, p.investment.text if p.investment else None) for p in plan.projects]
    assert got[:2] == [("星河科技", "15亿元"), ("蓝海新材", "8亿元")]
    for p in plan.projects:
        assert raw[p.span.start : p.span.end] == p.name


def test_a_cost_before_de_belongs_to_the_project_after_it() -> None:
    # 青峰物流园,总投资6.5亿元的白沙冷链项目: the 6.5亿元 is the cold-chain project's, not the park's
    raw = (
        PLAN_HEAD + "一、主要目标\n引进项目30个。\n二、重点工作\n"
        "加快建设青峰物流园,总投资6.5亿元的白沙冷链项目年内开工。\n"
    )
    plan = parse(raw)
    got = {p.name: p.investment.text if p.investment else None for p in plan.projects}
    assert got.get("青峰物流园", "missing") is None
    assert got.get("白沙冷链项目") == "6.5亿元"


def test_deng_before_the_counted_noun_is_no_part_of_its_name() -> None:
    got = figures("签约星河科技、蓝海新材等项目12个。", REVIEW_HEAD)
    assert [(t, n) for t, n, *_ in got] == [("12个", "项目")]


def test_a_share_of_the_whole_names_the_amount_before_it() -> None:
    # 占全市的12.3%, 占比45%: the share the amount before them has in the whole, not the figure
    # right before (105% of the year's plan)
    got = figures(
        "全区一般公共预算收入18.6亿元,完成年度计划的105%,占全市的12.3%;高新技术产业产值320亿元,占比45%。",
        REVIEW_HEAD,
    )
    assert [(t, n, k) for t, n, k, _, _ in got] == [
        ("18.6亿元", "一般公共预算收入", "level"),
        ("105%", "年度计划", "share"),
        ("12.3%", "一般公共预算收入", "share"),
        ("320亿元", "高新技术产业产值", "level"),
        ("45%", "高新技术产业产值", "share"),
    ]


def test_a_quoted_phrase_ending_the_clause_is_no_part_of_the_noun() -> None:
    # 10个工业项目“拿地即开工”: the quote says how, the noun is 工业项目; a quoted word inside
    # the noun (省级以上“专精特新”企业) stays in it
    got = figures("推动10个工业项目“拿地即开工”。新增6家省级以上“专精特新”企业。推动12个项目开工“一件事”。")
    # (a quote after the verb that ends the noun, 开工“一件事”, changes nothing)
    assert [(t, n) for t, n, *_ in got] == [
        ("10个", "工业项目"),
        ("6家", "省级以上“专精特新”企业"),
        ("12个", "项目"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "关于印发江北经济技术开发区2025年工作要点的通知",
        "关于印发《江北经济技术开发区2025年工作要点》的通知",
        "关于江北经济技术开发区2025年工作计划的报告",
    ],
)
def test_the_zone_of_a_notice_carrying_the_plan(title: str) -> None:
    plan = parse(f"{title}\n一、主要目标\n规上工业产值增长8%。\n")
    assert (plan.title, plan.zone, plan.year) == (title, "江北经济技术开发区", 2025)


def test_a_zone_named_in_the_text_under_a_generic_title() -> None:
    # a sharing site's generic title (开发区2024年工作计划): the zone is named in the text; the
    # page's header line gives the date
    raw = (
        "开发区2024年工作计划\n时间:2024-01-15 作者:admin 点击:2561\n"
        "2024年是开局之年。南屿开发区工作总体思路如下。\n一、主要目标\n地区生产总值增长7%。\n"
    )
    plan = parse(raw)
    assert (plan.zone, plan.year, str(plan.published)) == ("南屿开发区", 2024, "2024-01-15")


@pytest.mark.parametrize("sep", ["", " "])
def test_the_date_of_a_text_that_lost_its_line_breaks(sep: str) -> None:
    # the date line run in after the title and the issuer; a date in the prose is no publication
    # date, nor is one written 年月日 (2024年3月5日召开…) at the start of a short text
    lines = ["溪南开发区2025年工作计划", "溪南开发区管委会", "2025-02-18", "2025年是关键之年。" * 60]
    assert str(parse(sep.join(lines)).published) == "2025-02-18"
    assert parse("2024年3月5日,溪南开发区召开大会。" * 40).published is None
    prose = "全区上下团结一心。2024-03-05召开大会。" * 30
    assert parse("溪南开发区2025年工作计划\n" + prose).published is None


def test_a_decorated_title_the_cleaner_drops_still_says_what_the_document_is() -> None:
    # a sharing site's page: its title line (year first, decorated) sits among the page's header
    # lines and is dropped with them; the figures under 总体目标 are still the plan's targets,
    # and the zone is the one the text names after the year
    raw = (
        "首页 > 范文大全 > 工作计划\n2025年经济开发区工作计划(精选)\n上传时间:2025-02-10  浏览次数:980\n"
        "2025年,西岭经济开发区将以高质量发展为主线,抓好以下工作。\n一、总体目标\n"
        "地区生产总值增长6%左右,规上工业总产值达到420亿元。\n二、重点工作\n"
        "(一)优化营商环境。审批时间压减至45个工作日。\n"
    )
    plan = parse(raw)
    assert (plan.title, plan.zone, plan.kind.value, plan.year) == (
        "2025年经济开发区工作计划",
        "西岭经济开发区",
        "plan",
        2025,
    )
    got = [(i.text, i.name, i.role.value) for i in plan.indicators]
    assert got == [
        ("6%", "地区生产总值", "target"),
        ("420亿元", "规上工业总产值", "target"),
        ("45个工作日", "审批时间", "target"),
    ]


def test_the_next_members_of_a_list_a_project_opens() -> None:
    # 华泰电子二期 is a project: what is joined to it and ends in 项目 or 工程 is one too; the
    # projects named after 分别为 are named, and a threshold is no project's cost
    raw = REVIEW_HEAD + (
        "新签约10亿元以上项目2个(分别为瑞丰新能源电池项目和恒创智能制造基地项目)。"
        "华泰电子二期、宏达精工扩建项目竣工投产。\n"
    )
    plan = parse(raw)
    got = [(p.name, p.investment) for p in plan.projects]
    assert got == [
        ("瑞丰新能源电池项目", None),
        ("恒创智能制造基地项目", None),
        ("华泰电子二期", None),
        ("宏达精工扩建项目", None),
    ]
    assert plan.projects[-1].status is not None and plan.projects[-1].status.value == "completed"


def test_a_figure_restated_in_brackets_names_what_the_figure_before_names() -> None:
    got = figures("完成征地1500亩(约100公顷),园区供电能力提升至40万千伏安。", REVIEW_HEAD)
    assert [(t, n) for t, n, *_ in got] == [
        ("1500亩", "征地"),
        ("100公顷", "征地"),
        ("40万千伏安", "供电能力"),  # (园区: the zone)
    ]


def test_verbs_of_gathering_and_keeping_are_no_part_of_a_name() -> None:
    got = figures("园区集聚规上工业企业120家,企业满意度保持在95%以上。", REVIEW_HEAD)
    assert [(t, n) for t, n, *_ in got] == [("120家", "规上工业企业"), ("95%", "企业满意度")]


@pytest.mark.parametrize(
    ("title", "kind", "year", "period"),
    [
        ("关于西岭经济技术开发区2024年工作情况及下步打算的报告", "summary_and_plan", 2025, "2024"),
        ("西岭经济技术开发区2024年工作汇报", "summary", None, "2024"),
        ("西岭经济技术开发区2025年工作计划的汇报", "plan", 2025, None),
    ],
)
def test_what_a_report_title_says_the_document_is(
    title: str, kind: str, year: int | None, period: str | None
) -> None:
    plan = parse(f"{title}\n一、主要工作\n全年完成投资20亿元。\n")
    assert (plan.kind.value, plan.year, plan.review_period) == (kind, year, period)


def test_a_project_newly_settled_is_named_without_the_verb() -> None:
    raw = REVIEW_HEAD + "新落户金川新材料年产8万吨特种树脂项目,总投资约12亿元。\n"
    assert [p.name for p in parse(raw).projects] == ["金川新材料年产8万吨特种树脂项目"]


def test_the_zone_itself_is_no_project_in_it() -> None:
    raw = (
        "清河工业园区2024年工作总结\n清河工业园区管委会\n一、项目建设\n"
        "清河工业园全年完成投资20亿元,星火电子二期建成投产。\n"
    )
    assert [p.name for p in parse(raw).projects] == ["星火电子二期"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("为企业减负3.2亿元。", [("3.2亿元", "企业减负")]),  # 减负: a word, no minus sign
        ("外贸出口增速为负2.1%。", [("负2.1%", "外贸出口")]),  # a sign after 为
    ],
)
def test_fu_is_a_minus_sign_only_after_a_verb(text: str, want: list[tuple[str, str]]) -> None:
    assert [(t, n) for t, n, *_ in figures(text)] == want


def test_a_capacity_to_form_names_no_plant() -> None:
    raw = PLAN_HEAD + "形成年产20万吨负极材料、10万吨隔膜生产能力。\n"
    assert [p.name for p in parse(raw).projects] == []


def test_a_period_of_months_opening_a_name_is_no_part_of_it() -> None:
    got = figures(
        "前三季度,实现规上工业产值120亿元;前10个月完成投资50亿元;1-11月份实现税收9亿元。", REVIEW_HEAD
    )
    assert [(t, n) for t, n, *_ in got] == [
        ("120亿元", "规上工业产值"),
        ("50亿元", "投资"),
        ("9亿元", "税收"),
    ]


def test_the_base_of_a_change_ending_a_name_is_no_part_of_it() -> None:
    got = figures("税收收入较2024年增长6%;出口额比2023年同期增长5%。")
    assert [(t, n) for t, n, *_ in got] == [("6%", "税收收入"), ("5%", "出口额")]


def test_a_level_among_the_noun_before_takes_that_noun() -> None:
    got = figures("新增市级以上企业研发机构12个,其中省级4个;新建创新平台8个,其中国家级以上2个。", REVIEW_HEAD)
    assert [(t, n) for t, n, *_ in got] == [
        ("12个", "市级以上企业研发机构"),
        ("4个", "省级企业研发机构"),
        ("8个", "创新平台"),
        ("2个", "国家级以上创新平台"),
    ]
    got = figures("获评省级以上荣誉12项,其中国家级3项。", REVIEW_HEAD)
    assert [(t, n) for t, n, *_ in got] == [("12项", "省级以上荣誉"), ("3项", "国家级荣誉")]


def test_a_table_row_names_its_figures_and_a_column_header_gives_their_kind() -> None:
    raw = (
        "云岭开发区2024年主要经济指标完成情况\n"
        "指标名称\t单位\t年度目标\t全年完成\t增幅\n"
        "规上工业总产值\t亿元\t420\t433.5\t8.7%\n"
        "固定资产投资\t亿元\t60\t61.2\t5.5%\n"
    )
    plan = parse(raw)
    assert plan.title == "云岭开发区2024年主要经济指标完成情况"
    got = [(i.text, i.name, i.kind.value) for i in plan.indicators]
    assert got == [("8.7%", "规上工业总产值", "growth"), ("5.5%", "固定资产投资", "growth")]


def test_a_total_over_the_years_planned_is_a_target() -> None:
    # 累计 reports a result, except over years the plan is for (its title's year or later)
    raw = "云溪开发区2025年工作计划\n一、项目建设\n2025—2027年累计实施重大项目120个以上。\n"
    got = [(i.text, i.name, i.role.value) for i in parse(raw).indicators]
    assert got == [("120个", "重大项目", "target")]


def test_a_place_in_a_ranking_to_enter_is_a_rank() -> None:
    got = figures("综合考核排名提升3位,力争进入全国前80位。")
    assert [(t, k) for t, _, k, _, _ in got] == [("3位", "rank"), ("80位", "rank")]


def test_a_project_to_finish_by_a_month_is_named() -> None:
    raw = PLAN_HEAD + "确保云帆光伏组件项目9月底前投产。\n"
    assert [p.name for p in parse(raw).projects] == ["云帆光伏组件项目"]


def test_counts_that_say_what_the_work_is_about_are_other() -> None:
    got = figures("围绕4个领域和6项重点任务,开展专项审计,全年完成审计项目25个。")
    assert [(t, r) for t, _, _, _, r in got] == [("4个", "other"), ("6项", "other"), ("25个", "target")]
    got = figures("针对3个突出问题开展整治,整改隐患120处。")
    assert [(t, r) for t, _, _, _, r in got] == [("3个", "other"), ("120处", "target")]


def test_what_is_left_is_the_present_state() -> None:
    got = figures("可用工业用地仅剩约800亩。", REVIEW_HEAD)
    assert [(t, n, r) for t, n, _, _, r in got] == [("800亩", "可用工业用地", "other")]


def test_a_later_shorter_mention_of_a_project_is_the_same_project() -> None:
    raw = PLAN_HEAD + (
        "推进星海化学高端聚氨酯一体化项目建设;年内高端聚氨酯一体化项目主体完工。"
        "加快云岭食品产业园一期建设,推进云岭食品产业园招商。"
        "确保曙光三期4#地块开工,推进曙光三期建设。\n"
    )
    names = [p.name for p in parse(raw).projects]
    assert names == ["星海化学高端聚氨酯一体化项目", "云岭食品产业园一期", "曙光三期4#地块", "曙光三期"]


def test_the_company_behind_a_project_where_its_name_says() -> None:
    raw = PLAN_HEAD + (
        "加快蓝海新材料有限公司年产5万吨树脂项目建设;推进利华集团高端化工新材料产业园建设;"
        "确保中石化年产20万吨新材料项目投产;推进滨江智造产业园建设。\n"
    )
    got = [(p.name, p.companies) for p in parse(raw).projects]
    assert got == [
        ("蓝海新材料有限公司年产5万吨树脂项目", ["蓝海新材料有限公司"]),
        ("利华集团高端化工新材料产业园", ["利华集团"]),
        ("中石化年产20万吨新材料项目", ["中石化"]),
        ("滨江智造产业园", []),
    ]


def test_a_class_of_projects_at_a_stage_is_no_project() -> None:
    raw = PLAN_HEAD + "强化签约项目跟踪服务,推动签约项目开工率达到70%以上,推进在建项目竣工。\n"
    assert [p.name for p in parse(raw).projects] == []


def test_the_party_committee_before_a_zone_is_no_part_of_its_name() -> None:
    raw = (
        "中共青山经济技术开发区工作委员会 青山经济技术开发区管理委员会\n关于印发2025年工作要点的通知\n"
        "各部门:\n一、主要目标\n完成固定资产投资25亿元。\n"
    )
    plan = parse(raw)
    assert (plan.zone, plan.zone_aliases) == ("青山经济技术开发区", [])


def test_a_verb_before_kaifaqu_is_no_zone_name() -> None:
    plan = parse("开发区2024年工作计划\n2024年,推动开发区高质量发展。\n一、主要目标\n地区生产总值增长7%。\n")
    assert plan.zone == "开发区"


def test_a_narrowing_decline_and_a_like_for_like_growth() -> None:
    got = figures("外贸出口额降幅收窄至4.2%;一般公共预算收入21.5亿元,同口径增长3.6%。", REVIEW_HEAD)
    assert [(t, n, k) for t, n, k, _, _ in got] == [
        ("4.2%", "外贸出口额", "growth"),
        ("21.5亿元", "一般公共预算收入", "level"),
        ("3.6%", "一般公共预算收入", "growth"),
    ]


def test_rows_of_names_and_values_are_not_one_wrapped_paragraph() -> None:
    # short lines of a name, a colon and its value are a list: never joined as a wrapped line
    rows = (
        "全年预期目标:\n规上工业营业收入增速:9%左右\n工业技改投资增速:12%-15%\n"
        "税收收入总额:18.5亿元\n新增上市企业:2家\n"
    )
    got = figures(rows)
    assert [(t, n, k) for t, n, k, _, _ in got] == [
        ("9%", "规上工业营业收入", "growth"),
        ("12%-15%", "工业技改投资", "growth"),
        ("18.5亿元", "税收收入总额", "level"),
        ("2家", "上市企业", "count"),
    ]


def test_sessions_certificates_and_trains_are_counted_but_a_phase_is_a_name() -> None:
    text = "举办企业家沙龙8期,办理排污许可证35张,开行海铁联运班列240列;加快星港物流二期、蓝湾3期项目建设。"
    got = figures(text)
    assert [(t, k) for t, _, k, _, _ in got] == [("8期", "count"), ("35张", "count"), ("240列", "count")]


def test_already_after_a_verb_of_pushing_qualifies_a_noun_in_a_plan() -> None:
    # 推动已投产企业…: the firms are those already producing; the rate is still to reach
    got = figures("推动已投产企业满产率达到85%以上;目前已入驻企业42家。")
    assert [(t, r) for t, _, _, _, r in got] == [("85%", "target"), ("42家", "actual")]


def test_the_results_sentence_under_the_heading_that_opens_the_review() -> None:
    # an opening of background figures first (the zone's size, its firms), then 一、2024年工作总结
    # and the sentence of results under it: that sentence is the headline
    doc = (
        "某某高新区2024年工作总结和2025年工作计划\n"
        "高新区规划面积42平方公里,现有企业1200家。现将有关情况报告如下。\n"
        "一、2024年工作总结\n"
        "全年实现营业收入820亿元,增长9.5%;税收收入26亿元,增长6.1%。\n"
        "(一)产业发展\n新增规上企业35家。\n"
        "二、2025年工作计划\n力争营业收入增长10%。\n"
    )
    plan = parse(doc)
    assert [i.text for i in plan.indicators if i.headline] == ["820亿元", "9.5%", "26亿元", "6.1%"]


def test_figures_where_the_text_lists_problems_state_how_things_are() -> None:
    doc = (
        REVIEW_HEAD + "一、主要成效\n全年新增企业40家。\n二、存在的问题\n"
        "一是配套能力不强,本地配套率仅为30%左右。二是用地紧张,项目用地缺口约800亩。\n"
        "三、下步打算\n力争新增企业50家。\n"
    )
    got = [(i.text, i.role.value) for i in parse(doc).indicators]
    assert got == [("40家", "actual"), ("30%", "other"), ("800亩", "other"), ("50家", "target")]


def test_an_amount_a_time_is_cut_by_and_a_time_within() -> None:
    got = figures("通关时间缩短2.5小时,力争三年内建成投用,税收增加1.2亿元,审批时限压缩至5个工作日。")
    assert [(t, k, c) for t, _, k, c, _ in got] == [
        ("2.5小时", "change", "eq"),
        ("三年", "level", "le"),
        ("1.2亿元", "change", "eq"),
        ("5个工作日", "level", "eq"),
    ]


def test_a_lone_magnitude_with_a_comparator_after_it_and_a_first_time() -> None:
    got = figures("保税区进出口总额达到986亿元,力争稳定在千亿元以上。", REVIEW_HEAD)
    assert [(t, n, c) for t, n, _, c, _ in got] == [
        ("986亿元", "保税区进出口总额", "eq"),
        ("千亿元", "保税区进出口总额", "ge"),
    ]
    got = figures("外贸进出口总额1020亿元,首次突破千亿元。", REVIEW_HEAD)
    assert [(t, n) for t, n, _, _, _ in got] == [("1020亿元", "外贸进出口总额"), ("千亿元", "外贸进出口总额")]


def test_a_rank_in_a_list_and_containers_and_trains() -> None:
    text = "综合考评位列全省第4位,较上年前移3位;集装箱吞吐量210万标箱,中欧班列全年开行150列。"
    got = figures(text, REVIEW_HEAD)
    assert [(t, n, k) for t, n, k, _, _ in got] == [
        ("4位", "综合考评", "rank"),
        ("3位", "综合考评", "rank"),
        ("210万标箱", "集装箱吞吐量", "count"),
        ("150列", "中欧班列", "count"),
    ]


def test_a_class_of_projects_at_a_stage_or_an_aspiration_is_no_project() -> None:
    text = "抓好新开工项目和续建项目,推动已签约项目落地,建设国内一流科技园,加快星澜光电产业园建设。"
    plan = parse(PLAN_HEAD + text)
    assert [p.name for p in plan.projects] == ["星澜光电产业园"]


def test_a_project_named_as_the_subject_of_a_report() -> None:
    # a name ending in 项目/平台/中心 that opens its clause, its stage right after it
    text = "全年完成投资40亿元;蓝峰储能电池项目主体完工,星港智慧物流平台上线运行,海岳实验学校建成投用。"
    plan = parse(REVIEW_HEAD + text)
    assert [p.name for p in plan.projects] == ["蓝峰储能电池项目", "星港智慧物流平台", "海岳实验学校"]


def test_the_bar_that_counted_firms_clear_is_a_class() -> None:
    got = figures("全年实现营业收入210亿元,8家企业营业收入超过10亿元。", REVIEW_HEAD)
    assert [(t, c, r) for t, _, _, c, r in got] == [
        ("210亿元", "eq", "actual"),
        ("8家", "eq", "actual"),
        ("10亿元", "gt", "other"),
    ]


def test_metadata_of_a_quarter_a_report_and_a_stamped_page() -> None:
    # 前三季度 reviews the year's first three quarters; 第四季度 plans the rest of that year
    plan = parse(
        "东川经济技术开发区2024年前三季度工作总结及第四季度工作打算\n一、前三季度工作\n完成投资40亿元。\n"
    )
    assert (plan.kind.value, plan.review_period, plan.year) == ("summary_and_plan", "2024Q3", 2024)
    # a 汇报 is a title; a 化工园区 and a 临空经济示范区 are zones
    plan = parse("西岭化工园区2024年工作汇报\n全年完成投资25亿元。\n")
    assert (plan.title, plan.zone) == ("西岭化工园区2024年工作汇报", "西岭化工园区")
    assert parse("北塘临空经济示范区2025年工作计划\n力争完成投资30亿元。\n").zone == "北塘临空经济示范区"
    # a page's time stamp in its header, with no field name (a public account's byline)
    plan = parse(
        "南山高新区2024年工作总结\n原创 南山高新区发布 2025-01-06 18:20 发表于浙江\n全年完成投资25亿元。\n"
    )
    assert str(plan.published) == "2025-01-06"


def test_a_long_site_name_over_the_title_is_no_part_of_it() -> None:
    raw = "青岚湾经济开发区管理委员会门户网站\n首页 > 政务公开\n青岚湾经济开发区2025年工作计划\n"
    raw += "力争完成投资30亿元。\n"
    assert parse(raw).title == "青岚湾经济开发区2025年工作计划"


def test_a_comparison_with_an_average_and_a_total_name_the_figure_before() -> None:
    text = "地区生产总值增长6.8%,高于全省平均水平1.5个百分点;固定资产投资增长12%,总量突破90亿元;"
    text += "企业开办实现1个工作日办结。"
    got = figures(text, REVIEW_HEAD)
    assert [(t, n) for t, n, _, _, _ in got] == [
        ("6.8%", "地区生产总值"),
        ("1.5个百分点", "地区生产总值"),
        ("12%", "固定资产投资"),
        ("90亿元", "固定资产投资"),
        ("1个工作日", "企业开办"),
    ]
