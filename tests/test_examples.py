"""Golden tests over our own example documents in ``examples/`` and runs of the example scripts.

The documents are fictitious but written the way real plans and summaries are
(docs/index.md lists them). Every expectation here is what a
careful reader of the document would annotate following the corpus GUIDE; where
the parser does not yet get it right the test is marked
``xfail(strict=True)`` with the reason, so that a fix shows up as XPASS.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

import zoneplan
from zoneplan import Comparator, Dimension, DocKind, Indicator, Kind, Part, Plan, Role

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

DOCUMENTS = [
    "plan_2025.txt",
    "plan_2024.txt",
    "summary_2024.txt",
    "summary_and_plan_2024.txt",
    "fullwidth_plan.txt",
    "noisy_scrape.txt",
]
SCRIPTS = ["to_csv.py", "targets_vs_results.py", "convert_units.py"]

_cache: dict[str, Plan] = {}


def plan_of(name: str) -> Plan:
    if name not in _cache:
        _cache[name] = zoneplan.parse(EXAMPLES / name)
    return _cache[name]


def raw_of(name: str) -> str:
    data = (EXAMPLES / name).read_bytes()
    encoding = "gb18030" if name == "fullwidth_plan.txt" else "utf-8"
    return data.decode(encoding)


def fold(text: str) -> str:
    """Full-width ASCII forms to half-width, for comparing what a reader sees."""
    return text.translate({cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)})


def same_name(expected: str, got: str | None) -> bool:
    """The corpus scorer's rule, simplified: one name contains the other."""
    return got is not None and (expected in got or got in expected)


def without_noise(plan: Plan, raw: str, start: int, end: int) -> str:
    """``raw[start:end]`` less what the cleaner removed (page-break markers, noise lines)."""
    return "".join(
        ch
        for k, ch in enumerate(raw[start:end], start)
        if not any(s.start <= k < s.end for s in plan.boilerplate)
    )


def find(plan: Plan, text: str, *, nth: int = 0) -> Indicator:
    """The ``nth`` indicator whose surface (folded) is ``text``."""
    hits = [i for i in plan.indicators if fold(i.text) == text]
    assert len(hits) > nth, (
        f"no indicator {text!r} (#{nth}) in {plan.source}: {[i.text for i in plan.indicators]}"
    )
    return hits[nth]


# --------------------------------------------------------------------------- every document


def test_every_document_is_listed() -> None:
    # a new example document must get its expectations here
    assert sorted(p.name for p in EXAMPLES.glob("*.txt")) == sorted(DOCUMENTS)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_length_is_that_of_a_real_document(name: str) -> None:
    assert 1500 <= len(raw_of(name)) <= 4000


@pytest.mark.parametrize("name", DOCUMENTS)
def test_spans_index_the_raw_text(name: str) -> None:
    plan, raw = plan_of(name), raw_of(name)
    assert plan.length == len(raw)
    for ind in plan.indicators:
        assert ind.span.of(raw) == ind.text
    for project in plan.projects:  # a name is folded as an indicator's name is (２２０ → 220)
        assert fold(project.span.of(raw)) == project.name
    for goal in plan.goals:
        assert goal.span.of(raw) == goal.text
    for task in plan.walk_tasks():
        assert task.span.start <= task.block.start + 1 and task.span.end <= task.block.end
        heading = without_noise(plan, raw, task.span.start, task.span.end)
        assert fold(task.title) in fold(heading), (task.title, heading)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_json_round_trip(name: str) -> None:
    plan = plan_of(name)
    again = Plan.model_validate_json(plan.model_dump_json())
    assert again == plan


@dataclass(frozen=True)
class Meta:
    title: str
    zone: str
    kind: DocKind
    year: int | None
    review_period: str | None
    published: str | None
    min_tasks: int
    top_tasks: int | None


META = {
    "plan_2025.txt": Meta(
        "青川经济技术开发区2025年工作计划",
        "青川经济技术开发区",
        DocKind.PLAN,
        2025,
        None,
        "2025-01-20",
        23,
        7,
    ),
    "plan_2024.txt": Meta(
        "青川经济技术开发区2024年工作计划",
        "青川经济技术开发区",
        DocKind.PLAN,
        2024,
        None,
        "2024-02-02",
        14,
        5,
    ),
    "summary_2024.txt": Meta(
        "青川经济技术开发区2024年工作总结",
        "青川经济技术开发区",
        DocKind.SUMMARY,
        None,
        "2024",
        "2025-01-08",
        9,
        6,
    ),
    "summary_and_plan_2024.txt": Meta(
        "岚溪高新区2024年上半年工作总结和下半年工作打算",
        "岚溪高新技术产业开发区",
        DocKind.SUMMARY_AND_PLAN,
        2024,
        "2024H1",
        "2024-07-15",
        10,
        6,  # 一、 二、 and the plan part's (一)…(四), which open a new top-level sequence
    ),
    "fullwidth_plan.txt": Meta(
        "云岭经济开发区2023年工作思路", "云岭经济开发区", DocKind.PLAN, 2023, None, None, 17, 6
    ),
    "noisy_scrape.txt": Meta(
        "梧桐湾经济开发区2023年工作计划", "梧桐湾经济开发区", DocKind.PLAN, 2023, None, "2023-05-12", 17, 6
    ),
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_metadata(name: str) -> None:
    plan, want = plan_of(name), META[name]
    assert fold(plan.title or "") == want.title
    assert plan.kind is want.kind
    assert plan.year == want.year
    assert plan.review_period == want.review_period
    assert (plan.published.isoformat() if plan.published else None) == want.published


@pytest.mark.parametrize("name", DOCUMENTS)
def test_zone(name: str) -> None:
    assert plan_of(name).zone == META[name].zone


@pytest.mark.parametrize("name", DOCUMENTS)
def test_outline_size(name: str) -> None:
    plan, want = plan_of(name), META[name]
    assert sum(1 for _ in plan.walk_tasks()) >= want.min_tasks
    if want.top_tasks is not None:
        assert len(plan.tasks) == want.top_tasks


def test_zone_aliases() -> None:
    assert "青川经开区" in plan_of("plan_2025.txt").zone_aliases
    assert "青川经开区" in plan_of("summary_2024.txt").zone_aliases
    # 开发区 alone is never an alias
    assert all(a != "开发区" for n in DOCUMENTS for a in plan_of(n).zone_aliases)


def test_zone_aliases_short_name() -> None:
    assert "岚溪高新区" in plan_of("summary_and_plan_2024.txt").zone_aliases


# --------------------------------------------------------------------------- headline figures

T, A = Role.TARGET, Role.ACTUAL
EQ, GE, GT, APPROX = Comparator.EQ, Comparator.GE, Comparator.GT, Comparator.APPROX
LEVEL, GROWTH, SHARE, COUNT = Kind.LEVEL, Kind.GROWTH, Kind.SHARE, Kind.COUNT

# (name, text as written (folded), base value, kind, comparator, role), in document order
HEADLINES: dict[str, list[tuple[str, str, float, Kind, Comparator, Role]]] = {
    "plan_2025.txt": [
        ("地区生产总值", "420亿元", 42e9, LEVEL, EQ, T),
        ("地区生产总值", "8%", 8, GROWTH, APPROX, T),
        ("规上工业增加值", "10%", 10, GROWTH, GE, T),
        ("固定资产投资", "12%", 12, GROWTH, GE, T),
        ("工业投资", "15%", 15, GROWTH, GE, T),
        ("一般公共预算收入", "28.6亿元", 2.86e9, LEVEL, EQ, T),
        ("实到外资", "4500万美元", 4.5e7, LEVEL, GE, T),
        ("国家高新技术企业", "30家", 30, COUNT, GE, T),
    ],
    "plan_2024.txt": [
        ("地区生产总值", "390亿元", 39e9, LEVEL, EQ, T),
        ("地区生产总值", "8%", 8, GROWTH, APPROX, T),
        ("规上工业增加值", "10%", 10, GROWTH, EQ, T),
        ("固定资产投资", "12%", 12, GROWTH, GE, T),
        ("一般公共预算收入", "25亿元", 2.5e9, LEVEL, GE, T),
        ("实到外资", "4000万美元", 4e7, LEVEL, EQ, T),
        ("国家高新技术企业", "25家", 25, COUNT, EQ, T),
    ],
    "summary_2024.txt": [
        ("地区生产总值", "389亿元", 38.9e9, LEVEL, EQ, A),
        ("地区生产总值", "7.6%", 7.6, GROWTH, EQ, A),
        ("规上工业增加值", "9.2%", 9.2, GROWTH, EQ, A),
        ("固定资产投资", "151亿元", 15.1e9, LEVEL, EQ, A),
        ("固定资产投资", "12.5%", 12.5, GROWTH, EQ, A),
        ("一般公共预算收入", "26.3亿元", 2.63e9, LEVEL, EQ, A),
        ("一般公共预算收入", "6.8%", 6.8, GROWTH, EQ, A),
        ("实到外资", "4120万美元", 4.12e7, LEVEL, EQ, A),
        ("实到外资", "9.3%", 9.3, GROWTH, EQ, A),
    ],
    "summary_and_plan_2024.txt": [
        ("规上工业总产值", "312.5亿元", 31.25e9, LEVEL, EQ, A),
        ("规上工业总产值", "11.2%", 11.2, GROWTH, EQ, A),
        ("规上工业增加值", "9.6%", 9.6, GROWTH, EQ, A),
        ("固定资产投资", "68.4亿元", 6.84e9, LEVEL, EQ, A),
        ("固定资产投资", "13.1%", 13.1, GROWTH, EQ, A),
        ("一般公共预算收入", "14.2亿元", 1.42e9, LEVEL, EQ, A),
        ("", "54.6%", 54.6, SHARE, EQ, A),  # 完成全年目标的54.6%: what it measures is not one noun
        ("规上工业总产值", "650亿元", 65e9, LEVEL, EQ, T),
        ("规上工业总产值", "10%", 10, GROWTH, GE, T),
        ("固定资产投资", "12%", 12, GROWTH, APPROX, T),
        ("实到外资", "5500万美元", 5.5e7, LEVEL, GE, T),
    ],
    "fullwidth_plan.txt": [
        ("园区营业收入", "500亿元", 50e9, LEVEL, GT, T),
        ("园区营业收入", "15%", 15, GROWTH, EQ, T),
        ("规上工业增加值", "12%", 12, GROWTH, GE, T),
        ("固定资产投资", "120亿元", 12e9, LEVEL, EQ, T),
        ("工业投资", "75亿元", 7.5e9, LEVEL, GE, T),
        ("实际利用外资", "3000万美元", 3e7, LEVEL, EQ, T),
        ("规上工业企业", "20家", 20, COUNT, EQ, T),
    ],
    "noisy_scrape.txt": [
        ("规上工业总产值", "460亿元", 46e9, LEVEL, EQ, T),
        ("规上工业总产值", "12%", 12, GROWTH, EQ, T),
        ("固定资产投资", "95亿元", 9.5e9, LEVEL, EQ, T),
        ("固定资产投资", "10%", 10, GROWTH, GE, T),  # 增|长 is cut by a page break
        ("实到外资", "3500万美元", 3.5e7, LEVEL, EQ, T),
        ("一般公共预算收入", "12.6亿元", 1.26e9, LEVEL, EQ, T),
        ("规上工业企业", "15家", 15, COUNT, EQ, T),
    ],
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_headline_figures_are_exactly_the_ones_written(name: str) -> None:
    got = [fold(i.text) for i in plan_of(name).headline_indicators]
    assert got == [row[1] for row in HEADLINES[name]]


@pytest.mark.parametrize(
    ("name", "k"),
    [
        pytest.param(name, k, id=f"{name}-{row[1]}")
        for name, rows in HEADLINES.items()
        for k, row in enumerate(rows)
    ],
)
def test_headline_figure(name: str, k: int) -> None:
    want_name, text, base, kind, comparator, role = HEADLINES[name][k]
    headline = plan_of(name).headline_indicators
    assert len(headline) > k
    ind = headline[k]
    assert fold(ind.text) == text
    assert ind.base_value == pytest.approx(base, rel=1e-9)
    assert ind.kind is kind
    assert ind.comparator is comparator
    assert ind.role is role
    if want_name:
        assert same_name(want_name, ind.name), ind.name


def test_values_are_exact_decimals() -> None:
    ind = find(plan_of("plan_2025.txt"), "28.6亿元")
    assert ind.value == Decimal("28.6")
    assert ind.unit == "亿元"
    assert ind.dimension is Dimension.CURRENCY_CNY
    assert ind.base_unit == "yuan"
    usd = find(plan_of("plan_2025.txt"), "4500万美元")
    assert (usd.value, usd.unit, usd.dimension) == (Decimal("4500"), "万美元", Dimension.CURRENCY_USD)


def test_headline_goals_carry_their_strength() -> None:
    plan = plan_of("plan_2025.txt")
    goals = plan.headline_goals
    assert goals, "the 主要预期目标 paragraph gives goals"
    first = goals[0]
    assert "力争" in first.text and first.strength is zoneplan.Strength.ASPIRATION
    assert {plan.indicators[i].text for i in first.indicators} >= {"420亿元"}


# --------------------------------------------------------------------------- figures in the body


def test_plan_2025_body_figures() -> None:
    plan = plan_of("plan_2025.txt")
    threshold = find(plan, "亿元")  # 亿元以上项目60个: a class, not a commitment
    assert (threshold.role, threshold.comparator, threshold.base_value) == (Role.OTHER, GE, 1e8)
    count = find(plan, "60个")
    assert (count.kind, count.role) == (COUNT, T)
    land = find(plan, "500亩")
    assert (land.dimension, land.comparator, land.role) == (Dimension.AREA, GE, T)
    assert land.base_value == pytest.approx(500 * 10000 / 15)
    assert find(plan, "300亿元").comparator is GT  # 突破
    assert find(plan, "20个工作日").comparator is Comparator.LE  # 以内
    assert find(plan, "36亿元").role is Role.OTHER  # a project's total investment
    energy = find(plan, "3%")
    assert (energy.kind, energy.role) == (Kind.CHANGE, T)  # 能耗下降3%
    assert all(i.part is Part.PLAN and i.role is not A for i in plan.indicators)


def test_plan_2025_annual_investment_is_a_target() -> None:
    assert find(plan_of("plan_2025.txt"), "85亿元").role is T


def test_plan_2025_threshold_after_qianyue_is_ge() -> None:
    assert find(plan_of("plan_2025.txt"), "亿元", nth=1).comparator is GE


def test_plan_2025_rd_share_is_a_target() -> None:
    ind = find(plan_of("plan_2025.txt"), "3.2%")
    assert (ind.kind, ind.role) == (SHARE, T)


def test_plan_2025_voltage_is_not_a_count() -> None:
    assert not [i for i in plan_of("plan_2025.txt").indicators if i.base_value == 110000]


def test_plan_2025_two_main_lines_is_not_a_mention() -> None:
    assert "两条" not in [i.text for i in plan_of("plan_2025.txt").indicators]


def test_plan_2025_capacity_is_an_attribute() -> None:
    ind = find(plan_of("plan_2025.txt"), "5万吨")
    assert ind.role is Role.OTHER


def test_plan_2025_battery_park_is_a_project_with_its_investment() -> None:
    projects = {p.name: p for p in plan_of("plan_2025.txt").projects}
    park = projects["青川新能源电池材料产业园"]
    assert park.investment is not None and park.investment.text == "36亿元"


def test_plan_2025_projects() -> None:
    projects = {p.name: p for p in plan_of("plan_2025.txt").projects}
    assert "华晟精密铸件二期" in projects
    assert "远拓智能装备产业园" in projects
    plant = next(p for name, p in projects.items() if "可降解材料项目" in name)
    assert plant.capacity is not None and plant.capacity.text == "20万吨/年"


def test_plan_2025_ranges_and_rates() -> None:
    plan = plan_of("plan_2025.txt")
    band = find(plan, "3-5亿元")  # 单体投资3-5亿元的…项目: a class of projects
    assert (band.value, band.low, band.high, band.base_value) == (None, Decimal(3), Decimal(5), 3e8)
    assert band.role is Role.OTHER
    rate = find(plan, "20万吨/年")
    assert (rate.dimension, rate.base_value, rate.base_unit, rate.role) == (
        Dimension.MASS_RATE,
        200000.0,
        "tonne / year",
        Role.OTHER,
    )
    assert find(plan, "42亿元").comparator is APPROX  # 约42亿元


def test_summary_reports_only_results() -> None:
    plan = plan_of("summary_2024.txt")
    assert not plan.targets
    assert not plan.goals
    assert all(i.part is Part.REVIEW for i in plan.indicators)
    assert len(plan.actuals) >= 45
    total = find(plan, "156家")  # 累计达到156家
    assert (total.role, total.kind) == (A, COUNT)
    assert same_name("国家高新技术企业", total.name)
    assert find(plan, "1200余次").comparator is GT  # 余
    assert find(plan, "200亿元").role is Role.OTHER  # 产值超200亿元的产业: a class


def test_summary_batches() -> None:
    assert find(plan_of("summary_2024.txt"), "180余批次").comparator is GT


def test_summary_two_months() -> None:
    ind = find(plan_of("summary_2024.txt"), "两个月")
    assert (ind.dimension, ind.comparator) == (Dimension.DURATION, APPROX)


def test_summary_and_plan_parts() -> None:
    plan = plan_of("summary_and_plan_2024.txt")
    raw = raw_of("summary_and_plan_2024.txt")
    switch = raw.index("下半年,高新区将")
    for ind in plan.indicators:
        if ind.span.start < switch:
            assert ind.part is Part.REVIEW and ind.role is not T, ind.text
        else:
            assert ind.part is Part.PLAN and ind.role is not A, ind.text
    assert find(plan, "40亿元").comparator is GE  # 下半年完成投资不少于40亿元
    assert find(plan, "40亿元").role is T


def test_summary_and_plan_plan_headings() -> None:
    plan = plan_of("summary_and_plan_2024.txt")
    plan_tasks = [t for t in plan.walk_tasks() if t.part is Part.PLAN]
    assert [t.label for t in plan_tasks] == ["(一)", "(二)", "(三)", "(四)"]
    assert plan_tasks[0].title == "全力冲刺项目建设"
    # they belong to the plan, not to the review's last enumerated item
    for task in plan.walk_tasks():
        if task.part is Part.REVIEW:
            assert all(child.part is Part.REVIEW for child in task.walk())
    # and the plan's figures sit in them
    assert find(plan, "40亿元").task == plan_tasks[0].id


def test_summary_and_plan_parts_word_is_not_a_number() -> None:
    assert not [i for i in plan_of("summary_and_plan_2024.txt").indicators if i.text.startswith("零")]


def test_summary_and_plan_pieces() -> None:
    ind = find(plan_of("summary_and_plan_2024.txt"), "300万片")
    assert ind.role is Role.OTHER  # 年产…300万片: a capacity


# --------------------------------------------------------------------------- encodings


def test_fullwidth_plan_is_gb18030_with_crlf() -> None:
    data = (EXAMPLES / "fullwidth_plan.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    raw = data.decode("gb18030")
    assert "\r\n" in raw and "２０２３年" in raw and "％" in raw and "，" in raw and "（一）" in raw


def test_fullwidth_plan_keeps_what_was_written() -> None:
    plan = plan_of("fullwidth_plan.txt")
    ind = plan.headline_indicators[0]
    assert ind.text == "５００亿元"  # as written, full-width digits and all
    assert ind.value == Decimal("500") and ind.unit == "亿元"
    assert find(plan, "2.1%").value == Decimal("2.1")  # ２．１％
    assert find(plan, "3.5%").kind is Kind.CHANGE  # 能耗下降３．５％


def test_bytes_path_and_text_give_the_same_plan() -> None:
    path = EXAMPLES / "fullwidth_plan.txt"
    by_path = zoneplan.parse(path)
    by_bytes = zoneplan.parse(path.read_bytes())
    by_text = zoneplan.parse(raw_of("fullwidth_plan.txt"))
    assert by_bytes.indicators == by_path.indicators == by_text.indicators
    assert by_path.source == str(path) and by_bytes.source is None


def test_fullwidth_voltage_is_not_a_count() -> None:
    assert not [i for i in plan_of("fullwidth_plan.txt").indicators if i.base_value == 220000]


# --------------------------------------------------------------------------- noise

NOISE = [
    "上传人", "上传时间", "文档编号", "第1页 / 共3页", "第2页 / 共3页", "_第1页", "1 / 6", "1268人阅读",
    "下载", "资源描述", "由会员分享", "展开阅读全文", "相关资源", "精品文档", "当前位置", "版权所有",
    "ICP备", "公网安备",
]  # fmt: skip


def test_noise_lines_are_all_removed() -> None:
    plan, raw = plan_of("noisy_scrape.txt"), raw_of("noisy_scrape.txt")
    removed = "".join(span.of(raw) for span in plan.boilerplate)
    for noise in NOISE:
        assert noise in raw
        assert raw.count(noise) == removed.count(noise), noise


def test_nothing_extracted_comes_from_noise() -> None:
    plan, raw = plan_of("noisy_scrape.txt"), raw_of("noisy_scrape.txt")
    spans = [(s.start, s.end) for s in plan.boilerplate]
    for ind in plan.indicators:
        assert not any(s <= ind.span.start < e for s, e in spans), ind.text
        assert not any(n in (ind.name or "") + ind.text for n in NOISE)
    words = [t.title for t in plan.walk_tasks()] + [g.text for g in plan.goals]
    words += [p.name for p in plan.projects]
    assert not [w for w in words if any(n in w for n in NOISE)]
    # the site's 21.6KB, 1268人阅读, 文档编号 and 共3页 are not figures of the plan
    assert not [i for i in plan.indicators if i.base_value in (21.6, 1268, 318842067)]
    assert not [i for i in plan.indicators if "页" in i.text or "KB" in i.text]
    assert raw[: raw.index("1、梧桐湾")].count("\n") > 10


def test_page_break_markers_are_not_headings() -> None:
    plan, raw = plan_of("noisy_scrape.txt"), raw_of("noisy_scrape.txt")
    assert [t.label for t in plan.tasks] == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]
    for marker in ("\n\n2、", "\n\n3、", "\n\n4、"):
        start = raw.index(marker)
        assert any(s.start <= start and start + len(marker) <= s.end for s in plan.boilerplate), marker
    # a heading cut by a marker is whole again: 生产安全事|故
    assert any(t.title.endswith("不发生较大以上生产安全事故") for t in plan.walk_tasks())
    # and so is a figure's growth cue: 增|长10%以上
    assert find(plan, "10%").kind is GROWTH


def test_noisy_scrape_projects() -> None:
    names = [p.name for p in plan_of("noisy_scrape.txt").projects]
    assert {"宏泰海工装备基地一期", "梧桐湾冷链物流中心", "恒远新材料二期"} <= set(names)


# --------------------------------------------------------------------------- the scripts and the demo


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_runs(script: str, tmp_path: Path) -> None:
    done = run([str(EXAMPLES / script)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert "Traceback" not in done.stderr


def test_to_csv_writes_every_indicator(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "out.csv"
    done = run([str(EXAMPLES / "to_csv.py"), str(EXAMPLES), "-o", str(out)], tmp_path)
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert len(table) == sum(len(plan_of(n).indicators) for n in DOCUMENTS)
    assert {"path", "zone", "name", "text", "base_value", "role", "headline"} <= set(table.columns)
    assert table["path"].nunique() == len(DOCUMENTS)
    row = table[(table["zone"] == "青川经济技术开发区") & (table["text"] == "4500万美元")].iloc[0]
    assert (row["base_value"], row["role"], row["comparator"]) == (45000000.0, "target", "ge")


def test_targets_vs_results_output(tmp_path: Path) -> None:
    done = run([str(EXAMPLES / "targets_vs_results.py")], tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "7 of 7 headline targets have a reported result" in done.stdout
    assert "note:" not in done.stdout  # plan and summary are about the same zone and year
    gdp = next(line for line in lines if line.startswith("地区生产总值") and "level" in line)
    assert "390亿元" in gdp and "389亿元" in gdp and gdp.endswith("missed")
    fdi = next(line for line in lines if line.startswith("实到外资"))
    assert "4000万美元" in fdi and "4120万美元" in fdi and fdi.endswith("exceeded")


def test_convert_units_output(tmp_path: Path) -> None:
    done = run([str(EXAMPLES / "convert_units.py"), "7"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1200亩 = 80公顷" in done.stdout
    assert "500亩 = 33.33公顷" in done.stdout
    assert "4500万美元 = 3.15亿元" in done.stdout  # at 7 yuan per dollar
    assert "1.2亿美元 = 8.4亿元" in done.stdout
    assert "needs a rate" in done.stdout
    assert "2.65万亩 = 1766.67公顷" in done.stdout


def test_make_demo_command(tmp_path: Path) -> None:
    # what `make demo` runs: zoneplan parse examples/plan_2025.txt --format table
    done = run(["-m", "zoneplan", "parse", str(EXAMPLES / "plan_2025.txt"), "--format", "table"], ROOT)
    assert done.returncode == 0, done.stderr
    assert "青川经济技术开发区" in done.stdout
