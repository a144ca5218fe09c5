"""The review page (zoneplan.review): checked structurally with html.parser.

The example documents are our own, written in the style of the corpus: a work
plan with a main-targets paragraph, an outline and projects; a half-year
summary scraped from a document-sharing site (download banners, page counters,
a digit-space the cleaner removes); a summary-and-plan with a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zoneplan
from zoneplan.errors import InputError, ZoneplanError
from zoneplan.model import Indicator, Plan, Project, Role, Span, Task
from zoneplan.pipeline import parse_text
from zoneplan.review import _Mark, _markup, render_plan, summary_html, write_review

PLAN_DOC = """\
某某经济开发区2025年工作计划
2025年是"十四五"规划收官之年。主要目标是:地区生产总值增长6%以上,规上工业增加值增长8%,固定资产投资完成120亿元,实到外资1.5亿美元。
一、全力抓好项目建设
(一)推进重大项目。加快推进智能装备产业园项目建设,总投资35亿元,年内新开工项目12个。
(二)强化要素保障。盘活低效用地800亩,新增标准厂房20万平方米。
二、持续优化营商环境
力争新增市场主体1500家,研发投入占比达到3.5%。
"""

SUMMARY_DOC = """\
下载文档,编辑使用
某某高新区2024年上半年工作总结
1 / 3
今年以来,全区完成规上工业总产值286.5亿元,同比增长9.2%;实际利用外资1881.68万美元。
一是项目建设提速。新签约项目23个,其中亿元以上项目8 个,新能源电池产业园一期竣工投产。
免费阅读已结束,点击下载阅读编辑剩下 ...
二是科技创新加快。新增高新技术企业41家,累计达到316家。
"""

MIXED_DOC = """\
某某开发区2023年工作总结和2024年工作思路
一、2023年工作回顾
全年实现税收收入45.3亿元,增长5.1%。
二、2024年工作思路
确保固定资产投资增长10%-12%,力争引进项目30个以上。
"""

DOCS = {"plan": PLAN_DOC, "summary": SUMMARY_DOC, "mixed": MIXED_DOC}


@dataclass
class Node:
    """An element of the parsed page, with its text content."""

    tag: str
    attrs: dict[str, str]
    parent: Node | None
    children: list[Node] = field(default_factory=list)
    parts: list[str | Node] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text for p in self.parts)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def walk(self) -> list[Node]:
        out = [self]
        for c in self.children:
            out.extend(c.walk())
        return out


_VOID = {"meta", "link", "input", "br", "img", "hr", "rect", "line"}


class TreeBuilder(HTMLParser):
    """A strict little DOM: every end tag must close the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        self.cur.parts.append(node)
        if tag not in _VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        self.cur.parts.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.cur.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.cur.tag}>")
            return
        assert self.cur.parent is not None
        self.cur = self.cur.parent

    def handle_data(self, data: str) -> None:
        self.cur.parts.append(data)


def dom(page: str) -> Node:
    b = TreeBuilder()
    b.feed(page)
    b.close()
    assert b.errors == [], b.errors[:5]
    assert b.cur is b.root, f"unclosed <{b.cur.tag}>"
    return b.root


def by_class(root: Node, cls: str) -> list[Node]:
    return [n for n in root.walk() if cls in n.classes]


def rendered(name: str) -> tuple[Plan, str, Node]:
    raw = DOCS[name]
    plan = parse_text(raw)
    page = render_plan(plan, raw)
    return plan, page, dom(page)


@pytest.mark.parametrize("name", list(DOCS))
def test_every_indicator_has_exactly_one_highlight_with_its_surface(name: str) -> None:
    plan, _, root = rendered(name)
    assert plan.indicators, "the example should yield indicators"
    marks = by_class(root, "ind")
    for ind in plan.indicators:
        mine = [m for m in marks if m.attrs.get("data-id") == str(ind.id)]
        assert len(mine) == 1, (ind.text, len(mine))
        (m,) = mine
        assert m.tag == "mark" and m.attrs["id"] == f"ind-{ind.id}"
        assert m.text == ind.text == DOCS[name][ind.span.start : ind.span.end]
        assert m.attrs["data-role"] == ind.role.value
        assert ("headline" in m.classes) == ind.headline
        assert f"role-{ind.role.value}" in m.classes
    assert len(marks) == len(plan.indicators)


@pytest.mark.parametrize("name", list(DOCS))
def test_the_text_of_the_page_is_the_raw_text(name: str) -> None:
    # the markup only wraps: the document's text content is the input, character for character
    _, _, root = rendered(name)
    (main,) = [n for n in root.walk() if n.attrs.get("id") == "text"]
    assert main.text == DOCS[name]


@pytest.mark.parametrize("name", list(DOCS))
def test_no_external_references(name: str) -> None:
    _, page, root = rendered(name)
    for node in root.walk():
        for attr in ("src", "href", "action", "data", "poster"):
            value = node.attrs.get(attr)
            if value is None:
                continue
            assert not re.match(r"\s*(https?:)?//", value), (node.tag, attr, value)
            if node.tag == "link":
                assert value.startswith("data:"), value
            else:
                assert value.startswith(("#", "data:")), (node.tag, attr, value)
        assert node.tag not in ("iframe", "img", "object", "embed"), node.tag
        if node.tag == "script":
            assert "src" not in node.attrs
    assert not re.search(r"url\(\s*['\"]?(?!data:)", page), "CSS must not load anything"
    assert "@import" not in page
    assert not re.search(r"https?:|//[a-z]", page), "not even a namespace URL (the examples contain none)"
    # and the page forbids fetching anything should something slip through
    csp = [n for n in root.walk() if n.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert len(csp) == 1 and "default-src 'none'" in csp[0].attrs["content"]


@pytest.mark.parametrize("name", list(DOCS))
def test_toc_entries_are_the_tasks(name: str) -> None:
    plan, _, root = rendered(name)
    tasks = list(plan.walk_tasks())
    assert tasks, "the example should have an outline"
    links = by_class(root, "toc-link")
    assert [n.attrs["data-task"] for n in links] == [t.id for t in tasks]
    ids = {n.attrs["id"]: n for n in root.walk() if "id" in n.attrs}
    for link, task in zip(links, tasks, strict=True):
        target = ids[link.attrs["href"][1:]]  # every link lands on an anchor
        assert "task-head" in target.classes and target.attrs["data-task"] == task.id
        assert DOCS[name][task.span.start : task.span.end].startswith(target.text)
        assert task.title in link.text


def test_projects_are_underlined_and_nest_with_their_figures() -> None:
    plan, _, root = rendered("plan")
    assert plan.projects
    projs = by_class(root, "proj")
    first = {n.attrs["data-project"]: n for n in projs if "cont" not in n.classes}
    assert set(first) == {str(p.id) for p in plan.projects}
    for p in plan.projects:
        pieces = [n for n in projs if n.attrs["data-project"] == str(p.id)]
        assert "".join(n.text for n in pieces) == p.span.of(PLAN_DOC) == p.name
        assert first[str(p.id)].attrs["id"] == f"proj-{p.id}"


def test_overlapping_spans_nest_and_never_split_an_indicator() -> None:
    # hand-made plan: a project name that contains a figure, a heading that
    # crosses into the project, and a noise span inside the figure
    raw = "一、建设年产10万吨材料项目。下文"
    ten = raw.index("10万吨")
    ind = Indicator(
        id=0,
        name="产能",
        text="10万吨",
        span=Span(start=ten, end=ten + 4),
        value=zoneplan.parse_number("10"),
        unit="万吨",
        dimension="mass",
        base_value=1e8,
        base_unit="kilogram",
        kind="level",
    )
    proj = Project(id=0, name="年产10万吨材料项目", span=Span(start=4, end=raw.index("。")))
    task = Task(
        id="1",
        label="一、",
        title="建设年产10",
        span=Span(start=0, end=ten + 2),
        block=Span(start=0, end=len(raw)),
    )
    noise = Span(start=ten + 1, end=ten + 2)
    plan = Plan(indicators=[ind], projects=[proj], tasks=[task], boilerplate=[noise], length=len(raw))
    root = dom(render_plan(plan, raw))
    (mark,) = by_class(root, "ind")
    assert mark.text == "10万吨"
    # the heading is cut where it would cross the figure; both pieces point to one task
    heads = by_class(root, "task-head")
    assert "".join(h.text for h in heads) == raw[: ten + 2]
    assert sum(1 for h in heads if "id" in h.attrs) == 1
    # the project spans the figure: the mark sits inside a piece of it
    projs = by_class(root, "proj")
    assert "".join(p.text for p in projs) == proj.name
    assert any(n is mark for p in projs for n in p.walk())
    # the noise inside the figure is nested in the mark
    (grey,) = by_class(root, "noise")
    assert grey.text == "0" and any(n is grey for n in mark.walk())


def test_boilerplate_is_shown_greyed_not_dropped() -> None:
    plan, _, root = rendered("summary")
    assert plan.boilerplate
    grey = by_class(root, "noise")
    shown = "".join(n.text for n in grey)
    for span in plan.boilerplate:
        assert span.of(SUMMARY_DOC) in shown
    assert "下载文档,编辑使用" in shown


def test_clicking_shows_fields_from_data_attributes() -> None:
    # the panel is filled from data-fields; check what it would show for one figure
    import json

    plan, _, root = rendered("plan")
    ind = next(i for i in plan.indicators if i.text == "1.5亿美元")
    (m,) = [n for n in by_class(root, "ind") if n.attrs["data-id"] == str(ind.id)]
    fields = dict(json.loads(m.attrs["data-fields"]))
    assert fields["value"] == "1.5亿美元"
    assert fields["base"] == "150,000,000 us_dollar"
    assert fields["role"] == ind.role.value == "target"
    assert fields["kind"] == "level"
    assert fields["name"] == ind.name
    ge = next(i for i in plan.indicators if i.text == "6%")
    (m,) = [n for n in by_class(root, "ind") if n.attrs["data-id"] == str(ge.id)]
    assert json.loads(m.attrs["data-fields"])[2] == ["value", "≥6%"]


def test_headline_table_and_chart() -> None:
    plan, _, root = rendered("plan")
    heads = [i for i in plan.indicators if i.headline]
    assert len(heads) == 4
    (table,) = by_class(root, "headline-table")
    rows = [n for n in table.walk() if n.tag == "tr"][1:]
    assert [r.children[0].text for r in rows] == [i.name for i in heads]
    (svg,) = [n for n in root.walk() if n.tag == "svg"]
    bars = by_class(svg, "bar")
    assert sorted(b.attrs["data-id"] for b in bars) == sorted(str(i.id) for i in heads)
    units = [n.text for n in svg.walk() if "unit" in n.classes]
    assert units == list(dict.fromkeys(i.unit for i in heads))  # one group per unit


def test_text_is_escaped() -> None:
    raw = '<script>alert("x")</script> & 新开工项目12个 </mark>'
    plan = parse_text(raw)
    page = render_plan(plan, raw)
    root = dom(page)
    assert [n.tag for n in root.walk()].count("script") == 1  # only the page's own
    (main,) = [n for n in root.walk() if n.attrs.get("id") == "text"]
    assert main.text == raw


def test_render_reads_the_source_and_refuses_another_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN_DOC.encode("utf-16"))
    plan = zoneplan.read(path)
    assert render_plan(plan) == render_plan(plan, PLAN_DOC) == plan.to_html()
    with pytest.raises(ZoneplanError, match="characters"):
        render_plan(plan, PLAN_DOC + "再加一句。")
    with pytest.raises(ZoneplanError, match="not the one"):
        render_plan(plan, PLAN_DOC.replace("120亿元", "130亿元"))
    with pytest.raises(InputError):
        render_plan(parse_text(PLAN_DOC))


def test_summary_html_for_jupyter() -> None:
    plan = parse_text(PLAN_DOC)
    root = dom(plan._repr_html_())
    (div,) = root.children
    assert "zoneplan-summary" in div.classes
    assert "某某经济开发区2025年工作计划" in div.text
    assert len(by_class(root, "headline-table")) == 1
    assert not [n for n in root.walk() if n.tag in ("script", "style", "link")]
    assert summary_html(Plan()).count("No headline figures") == 1


def _write(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "docs"
    folder.mkdir()
    paths = []
    for name, text in DOCS.items():
        p = folder / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    bad = folder / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02\xff\xfe\x00binary" * 20)
    return [*paths, bad]


def _index_rows(page: str) -> tuple[dict[str, Node], dict[str, str]]:
    root = dom(page)
    docs = {}
    for row in by_class(root, "doc-row"):
        (a,) = [n for n in row.walk() if n.tag == "a"]
        docs[a.attrs["href"]] = row
    failed = {}
    for row in by_class(root, "failed-row"):
        (file,) = by_class(row, "file")
        (reason,) = by_class(row, "reason")
        failed[file.text] = reason.text
    return docs, failed


def test_index_lists_documents_and_failures(tmp_path: Path) -> None:
    _write(tmp_path)
    missing = str(tmp_path / "nowhere.txt")
    out = tmp_path / "review"
    n = write_review([str(tmp_path / "docs"), missing], str(out))
    assert n == 2
    docs, failed = _index_rows((out / "index.html").read_text(encoding="utf-8"))
    assert sorted(docs) == ["mixed.html", "plan.html", "summary.html"]
    for href, row in docs.items():
        page = (out / href).read_text(encoding="utf-8")
        plan = parse_text(DOCS[href.removesuffix(".html")])
        counts = {c.attrs["data-count"]: int(c.text) for c in by_class(row, "n")}
        assert (
            counts["indicators"] == len(plan.indicators) == len(re.findall(r'<mark [^>]*class="ind ', page))
        )
        assert counts["tasks"] == sum(1 for _ in plan.walk_tasks())
    assert failed[str(tmp_path / "docs" / "broken.txt")].startswith("DecodeError: ")
    assert failed[missing] == "InputError: no such file"


def test_index_file_with_pages_beside_it(tmp_path: Path) -> None:
    paths = _write(tmp_path)[:2]
    other = tmp_path / "other"
    other.mkdir()
    (other / "plan.txt").write_text(MIXED_DOC, encoding="utf-8")  # same stem: must not overwrite
    index = tmp_path / "out" / "review.html"
    assert write_review([*paths, other / "plan.txt"], index) == 0
    docs, failed = _index_rows(index.read_text(encoding="utf-8"))
    assert failed == {}
    assert sorted(docs) == ["plan-2.html", "plan.html", "summary.html"]
    assert "2023年工作回顾" in (index.parent / "plan-2.html").read_text(encoding="utf-8")
    assert "2023年工作回顾" not in (index.parent / "plan.html").read_text(encoding="utf-8")


def test_one_file_one_page(tmp_path: Path) -> None:
    (path, *_) = _write(tmp_path)
    out = tmp_path / "page.html"
    assert write_review([str(path)], str(out)) == 0
    root = dom(out.read_text(encoding="utf-8"))
    assert len(by_class(root, "ind")) == len(parse_text(PLAN_DOC).indicators)
    # into a folder: named after the document
    folder = tmp_path / "pages"
    folder.mkdir()
    assert write_review([path], folder) == 0
    assert (folder / "plan.html").is_file()


def test_one_bad_file_gives_an_error_page(tmp_path: Path) -> None:
    bad = _write(tmp_path)[-1]
    out = tmp_path / "page.html"
    assert write_review([str(bad)], str(out)) == 1
    docs, failed = _index_rows(out.read_text(encoding="utf-8"))
    assert docs == {} and list(failed) == [str(bad)]


def test_empty_folder_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert write_review([str(tmp_path / "empty")], str(tmp_path / "out")) == 1
    _, failed = _index_rows((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    assert failed == {str(tmp_path / "empty"): "no .txt files in the folder"}


def test_pages_are_deterministic() -> None:
    assert render_plan(parse_text(SUMMARY_DOC), SUMMARY_DOC) == render_plan(
        parse_text(SUMMARY_DOC), SUMMARY_DOC
    )


def test_roles_are_coloured_distinctly() -> None:
    # the summary's results are actuals, the plan's targets are targets
    _, _, root = rendered("mixed")
    roles = {m.attrs["data-role"] for m in by_class(root, "ind")}
    assert {Role.ACTUAL.value, Role.TARGET.value} <= roles


# --- the nesting algorithm on its own: any set of spans gives well-formed markup

_TEXT = st.text(alphabet="ab<&>\"'中文\n", max_size=30)


@st.composite
def _text_and_marks(draw: st.DrawFn) -> tuple[str, list[_Mark]]:
    raw = draw(_TEXT)
    marks = []
    for key in range(draw(st.integers(0, 8))):
        s = draw(st.integers(0, len(raw)))
        e = draw(st.integers(s, len(raw)))
        atomic = draw(st.booleans())
        marks.append(
            _Mark(
                start=s,
                end=e,
                rank=draw(st.integers(0, 3)),
                key=key,
                tag="mark" if atomic else "span",
                attrs=f'class="m" data-k="{key}"',
                first=f'id="m{key}"',
                atomic=atomic,
            )
        )
    return raw, marks


@settings(max_examples=300, deadline=None)
@given(_text_and_marks())
def test_markup_nests_any_spans(case: tuple[str, list[_Mark]]) -> None:
    raw, marks = case
    root = dom(f"<div>{_markup(raw, marks)}</div>")  # strict: every end tag closes the innermost element
    assert root.text == raw
    elements = by_class(root, "m")
    for m in marks:
        pieces = [n for n in elements if n.attrs["data-k"] == str(m.key)]
        # the fragments of a mark, in document order, cover exactly its text; one of them has the id
        assert "".join(n.text for n in pieces) == raw[m.start : m.end]
        assert [n.attrs.get("id") for n in pieces if "cont" not in n.classes] == [f"m{m.key}"]
        crossed = any(
            o.atomic
            and o.key != m.key
            and o.start < m.end
            and m.start < o.end
            and not (o.start <= m.start and m.end <= o.end)
            and not (m.start <= o.start and o.end <= m.end)
            for o in marks
        )
        if m.atomic and not crossed:
            assert len(pieces) == 1, "an indicator crossing no other indicator is never split"


def test_one_file_into_a_new_folder(tmp_path: Path) -> None:
    (path, *_) = _write(tmp_path)
    assert write_review([str(path)], f"{tmp_path}/new/") == 0
    assert (tmp_path / "new" / "plan.html").is_file()
