"""Cleaning: web noise, page-break debris, width folding, wrapped lines, and the offset map.

Table-driven, one row per phenomenon, on small texts of our own written like
the corpus (site names and people are fictitious). Then properties
(Hypothesis), the real corpus (skipped when absent) and adversarial inputs.
"""

from __future__ import annotations

import json
import re
import time
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from zoneplan.clean import Cleaned, _fold_table, clean, fold
from zoneplan.lexicon import data_text, lexicon

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

BODY = "今年全区实现地区生产总值增长8%,规上工业增加值增长10%以上,固定资产投资增长12%。"
TITLE = "青山经济开发区2023年工作计划"


def check_map(c: Cleaned) -> None:
    """The offset map is sound: each clean character comes from its raw one, in order."""
    assert len(c.offsets) == len(c.text) + 1
    assert c.offsets[-1] == len(c.raw)
    for i, ch in enumerate(c.text):
        o = c.offsets[i]
        assert i == 0 or o > c.offsets[i - 1]
        src = fold(c.raw[o])
        # one for one; a line break between two English words becomes a space
        assert ch == src or (ch == " " and src in "\n"), (i, ch, c.raw[o])
    kept = set(c.offsets[:-1])
    dropped = {k for s, e in c.removed for k in range(s, e)}
    assert kept.isdisjoint(dropped)
    assert kept | dropped == set(range(len(c.raw)))


# --- web noise ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("noise", "where"),
    [
        # download prompts and reading-limit banners of document-sharing sites
        pytest.param("点击下载完整文档,编辑更方便", "middle", id="download-prompt"),
        pytest.param("免费预览已结束,剩余3页可下载查看", "middle", id="preview-ended"),
        pytest.param("本文档由用户上传,如有侵权请联系删除", "end", id="user-upload-notice"),
        pytest.param("展开阅读全文", "end", id="read-more"),
        pytest.param("资源描述", "start", id="resource-description"),
        pytest.param("正为您匹配相似的精品文档", "end", id="similar-documents"),
        pytest.param("《青山经济开发区工作计划》由会员分享,可在线阅读", "start", id="shared-by-member"),
        # uploader lines
        pytest.param("上传人:张** 上传时间:2023-01-05 格式:DOC 页数:5", "start", id="uploader"),
        pytest.param("贡献者:某某 文档编号:88123", "start", id="contributor"),
        # page counters
        pytest.param("2 / 7", "middle", id="page-counter-slash"),
        pytest.param("第2页 / 共7页", "middle", id="page-counter-chinese"),
        pytest.param("- 3 -", "middle", id="page-footer-dashes"),
        pytest.param("Page 3 of 7", "middle", id="page-counter-english"),
        pytest.param("青山经济开发区2023年工作计划_第2页", "start", id="page-thumbnail"),
        # copyright, licence and ICP record lines
        pytest.param("©2010-2023 某某文库 版权所有", "end", id="copyright"),
        pytest.param("网站备案号:浙ICP备12345678号-2", "end", id="icp-record"),
        pytest.param("浙公网安备 33010202000123号", "end", id="police-record"),
        pytest.param("增值电信业务经营许可证:浙B2-20120001", "end", id="licence"),
        pytest.param("客服热线:400-123-4567", "end", id="customer-service"),
        # site names, navigation and URLs
        pytest.param("某某文档网", "end", id="site-name"),
        pytest.param("当前位置:首页 > 政务公开 > 计划总结", "start", id="breadcrumb"),
        pytest.param("首页 | 机构概况 | 政务公开 | 招商引资 | 互动交流", "start", id="navigation-menu"),
        pytest.param("电脑版 | 某某文库", "end", id="desktop-version"),
        pytest.param("www.example-docs.com", "end", id="url"),
        # reporter bylines and view counters of news pages
        pytest.param("记者 王明 通讯员 李华", "start", id="byline"),
        pytest.param("责任编辑:赵敏", "end", id="editor"),
        pytest.param("浏览次数:1523", "start", id="view-count"),
        pytest.param("1523人阅读", "start", id="readers"),
        # government disclosure-page chrome
        pytest.param("朗读", "start", id="read-aloud"),
        pytest.param("【打印本页】【关闭窗口】", "end", id="print-close"),
        pytest.param("字号:大 中 小", "start", id="font-size"),
        pytest.param("返回 下载 相关 举报", "start", id="link-row"),
        pytest.param("主动公开", "start", id="disclosure-kind"),
        pytest.param("索 引 号: | 001234567/2023-00012 | 主题分类: | |", "start", id="index-row"),
        pytest.param(
            "发布机构: 青山经济开发区管委会 | 发布时间: 2023-03-01 09:30", "start", id="publisher-row"
        ),
        pytest.param("001234567K/2023-00012", "start", id="index-number"),
        pytest.param("2023-03-01 09:30:15", "start", id="date-stamp"),
        pytest.param("×", "end", id="close-cross"),
        # the heading a sharing site puts over each document of a page that gathers several
        pytest.param("开发区工作计划 篇2", "middle", id="article-heading"),
        # a full-width form of a noise line is noise too (width folding comes first)
        pytest.param("第２页　／　共７页", "middle", id="fullwidth-page-counter"),
    ],
)
def test_noise_lines_are_dropped(noise: str, where: str) -> None:
    lines = [TITLE, BODY, BODY]
    at = {"start": 1, "middle": 2, "end": 3}[where]
    raw = "\n".join([*lines[:at], noise, *lines[at:]]) + "\n"
    c = clean(raw)
    assert c.text == "\n".join(lines) + "\n"
    assert [line for _, line in c.noise_lines] == [fold(noise).strip()]
    start = raw.index(noise)
    assert c.noise_lines[0][0] == start  # the raw offset of the dropped line
    check_map(c)


@pytest.mark.parametrize(
    "line",
    [
        # a short body line that mentions a site statistic is a figure, not a view counter
        pytest.param("门户网站访问量达到12万次。", id="visits-statistic"),
        # a licence in the body is a topic, not the page's licence footer
        pytest.param("食品经营许可证办理时间压缩至3个工作日。", id="licence-topic"),
        # 下载 inside a long body paragraph
        pytest.param(
            "推动政务服务平台升级,实现表格下载、在线填报和网上办结,全年网上办件率达到95%以上。",
            id="download-in-body",
        ),
        # a real heading made of short words
        pytest.param("二、存在的问题", id="heading"),
        # a document's own date inside a sentence
        pytest.param("2023年3月1日召开全区项目推进会。", id="date-in-sentence"),
        # a list item in the body that begins with a number
        pytest.param("3/4的企业完成技术改造。", id="fraction"),
    ],
)
def test_body_lines_are_kept(line: str) -> None:
    raw = f"{TITLE}\n{BODY}\n{line}\n{BODY}\n"
    assert clean(raw).text == raw


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        # the publisher under a disclosure page's title is page chrome ...
        pytest.param(
            f"{TITLE}\n青山经济开发区管理委员会\n2023年3月1日\n{BODY}\n",
            f"{TITLE}\n{BODY}\n",
            id="publisher-and-date-in-header",
        ),
        # ... but under the body it is the document's signature, and stays
        pytest.param(
            f"{TITLE}\n{BODY}\n青山经济开发区管理委员会\n2023年3月1日\n",
            f"{TITLE}\n{BODY}\n青山经济开发区管理委员会\n2023年3月1日\n",
            id="signature-in-footer",
        ),
        # a site name above or below the document is noise; the same words in the body are not
        pytest.param(f"某某文库\n{TITLE}\n{BODY}\n", f"{TITLE}\n{BODY}\n", id="site-name-in-header"),
        # the sharing site's decorated copy of the title (the printed title stays)
        pytest.param(
            f"{TITLE}精选\n\n1、{TITLE}\n{BODY}\n", f"1、{TITLE}\n{BODY}\n", id="decorated-site-title"
        ),
        # the undecorated title line stays
        pytest.param(f"{TITLE}\n{BODY}\n", f"{TITLE}\n{BODY}\n", id="plain-title-kept"),
        # the labels of the page images go, the undecorated title stays
        pytest.param(
            f"青山开发区工作总结\n青山开发区工作总结_第1页\n{BODY}\n",
            f"青山开发区工作总结\n{BODY}\n",
            id="title-of-thumbnails-kept",
        ),
        # blank lines around dropped noise go with it
        pytest.param(
            f"{TITLE}\n\n资源描述\n\n{BODY}\n\n1 / 8\n\n", f"{TITLE}\n{BODY}\n", id="blank-lines-around-noise"
        ),
        # a byline in brackets at the start of a news paragraph
        pytest.param(
            "本报讯(记者 王明 通讯员 李华)3月1日,青山经济开发区召开项目推进会。",
            "3月1日,青山经济开发区召开项目推进会。",
            id="inline-byline",
        ),
        # a page-counter crumb glued to the text
        pytest.param(f"{BODY}第1页/共3页\n", f"{BODY}\n", id="inline-page-counter"),
        # how many documents the page gathers, after its title
        pytest.param(
            f"开发区工作计划(精选3篇)\n{BODY}\n", f"开发区工作计划\n{BODY}\n", id="inline-article-count"
        ),
    ],
)
def test_noise_in_context(raw: str, text: str) -> None:
    c = clean(raw)
    assert c.text == text
    check_map(c)


# --- page-break debris ------------------------------------------------------------------

PAGED = (
    "资源描述\n\n1、青山经济开发区上半年工作总结上半年全区经济运行稳中有进,建立起“党\n\n"
    "2、工委(管委会)+”运行体制,推动园区市场化运营,专业化打造招引队伍\n\n"
    "3、。围绕重点产业链精准招商,签约项目14个,将认真对照省、市关于开发区20\n\n"
    "4、21年改革有关要求,持续深化改革创新。"
)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        # a run of page numbers cutting a word (党工委), a sentence before 。 and a number (2021)
        pytest.param(
            PAGED,
            "青山经济开发区上半年工作总结上半年全区经济运行稳中有进,建立起“党工委(管委会)+”运行体制,"
            "推动园区市场化运营,专业化打造招引队伍。围绕重点产业链精准招商,签约项目14个,"
            "将认真对照省、市关于开发区2021年改革有关要求,持续深化改革创新。",
            id="page-marks-rejoin-words-sentences-numbers",
        ),
        # a run starting at page 2 (the first page's mark fell in the header)
        pytest.param(
            "上半年全区经济运行稳中有进,固定资产投资完成年度计划的56%,其中\n\n2、工业投资增长12%,"
            "基础设施投资增长9%,园区承载能力\n\n3、持续提升。",
            "上半年全区经济运行稳中有进,固定资产投资完成年度计划的56%,其中工业投资增长12%,"
            "基础设施投资增长9%,园区承载能力持续提升。",
            id="page-marks-from-2",
        ),
        # spaces around a mark go with it
        pytest.param(
            "全区经济运行稳中有进,固定资产投资完成年度计划 \n\n 2、 的56%,"
            "其中工业投资增长了很多啊\n\n3、 12%。",
            "全区经济运行稳中有进,固定资产投资完成年度计划的56%,其中工业投资增长了很多啊12%。",
            id="page-marks-with-spaces",
        ),
        # a real numbered list after finished sentences is kept
        pytest.param(
            "一、主要目标\n\n1、规上工业增加值增长8%。\n\n2、固定资产投资增长10%。\n\n3、实到外资1亿美元。",
            "一、主要目标\n\n1、规上工业增加值增长8%。\n\n2、固定资产投资增长10%。\n\n3、实到外资1亿美元。",
            id="real-numbered-list-kept",
        ),
        # short list items without a full stop are headings, not cut sentences
        pytest.param(
            "重点抓好三项工作\n\n1、抓项目\n\n2、抓招商\n\n3、抓服务",
            "重点抓好三项工作\n\n1、抓项目\n\n2、抓招商\n\n3、抓服务",
            id="short-list-kept",
        ),
        # a real 2、 heading after a finished sentence stays while the page marks around it go
        pytest.param(
            "全区经济运行稳中有进,规上工业增加值增长8%,固定资产\n\n2、投资增长10%。\n\n2、抓招商。"
            "围绕重点产业链精准招商,全年签约项目14个,其中10亿元以上项目\n\n3、3个。",
            "全区经济运行稳中有进,规上工业增加值增长8%,固定资产投资增长10%。\n\n2、抓招商。"
            "围绕重点产业链精准招商,全年签约项目14个,其中10亿元以上项目3个。",
            id="real-heading-amid-page-marks",
        ),
        # a single mark is not a run
        pytest.param(
            "全区经济运行稳中有进,规上工业增加值增长8%,固定资产\n\n1、投资增长10%。",
            "全区经济运行稳中有进,规上工业增加值增长8%,固定资产\n\n1、投资增长10%。",
            id="single-mark-kept",
        ),
    ],
)
def test_page_marks(raw: str, text: str) -> None:
    c = clean(raw)
    assert c.text == text
    check_map(c)


# --- widths, spaces, invisible characters, traditional script ---------------------------------


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        # full-width punctuation and digits, one character for one
        pytest.param(
            "增长１５％，投资（不含房地产）增长１４％以上；目标：８％",
            "增长15%,投资(不含房地产)增长14%以上;目标:8%",
            id="fullwidth",
        ),
        # a space between a number and its unit
        pytest.param(
            "计划总投资53.93 亿元,用地 120 亩,占比 30 %。",
            "计划总投资53.93亿元,用地 120亩,占比 30%。",
            id="number-unit-space",
        ),
        # a space before a word that is not a unit stays
        pytest.param(
            "序号 1 青山开发区 2 白水园区", "序号 1 青山开发区 2 白水园区", id="space-before-non-unit"
        ),
        # an ideographic space or a no-break space there too
        pytest.param(
            "总投资５３．９３　亿元,用地120\xa0亩", "总投资53.93亿元,用地120亩", id="ideographic-space"
        ),
        # spaces at the ends of lines (indentation with ideographic spaces) go
        pytest.param(
            "　　一、总体要求  \n　　今年是关键之年。", "一、总体要求\n今年是关键之年。", id="line-end-spaces"
        ),
        # invisible characters inside a number or word
        pytest.param(
            "增长5\u200b3.93亿元,规上\u00ad工业\ufeff增加值", "增长53.93亿元,规上工业增加值", id="invisible"
        ),
        # Windows line ends become plain line breaks; the \r is dropped
        pytest.param("一、总体要求\r\n今年是关键之年。\r\n", "一、总体要求\n今年是关键之年。\n", id="crlf"),
        # traditional characters map to simplified ones, one for one
        pytest.param(
            "開發區實現地區生產總值增長8%,確保規上工業增加值達到1.5億元",
            "开发区实现地区生产总值增长8%,确保规上工业增加值达到1.5亿元",
            id="traditional",
        ),
        # traditional words the GB2312 filter would miss: 後, 於, 徵
        pytest.param("今後位於園區的徵收工作", "今后位于园区的征收工作", id="traditional-overrides"),
        # simplified text that uses characters also found in traditional texts is left alone
        pytest.param(
            "显著提升,全覆盖,瞭望哨,旭昌昇公司",
            "显著提升,全覆盖,瞭望哨,旭昌昇公司",
            id="simplified-untouched",
        ),
    ],
)
def test_folding(raw: str, text: str) -> None:
    c = clean(raw)
    assert c.text == text
    check_map(c)


# full-width punctuation (folded by str.replace), rarer wide forms, traditional characters
# (folded by a regex over their runs, or by translating when there are many) and plain text
_FOLD_ALPHABET = "，：；（）！？％\u3000０９．－＋１。、開發區實現億萬增长8%,a \n"


@given(st.text(alphabet=_FOLD_ALPHABET, max_size=300))
@settings(max_examples=200, deadline=None)
def test_folding_equals_translating_every_character(text: str) -> None:
    assert fold(text) == text.translate(_fold_table())


def test_offsets_give_back_the_raw_surface() -> None:
    raw = "下载文档\n实现地区生产总值５３．９３　亿元\n"
    c = clean(raw)
    k = c.text.index("53.93亿元")
    s, e = c.raw_span(k, k + len("53.93亿元"))
    assert raw[s:e] == "５３．９３　亿元"  # the surface as written, space and all
    assert c.raw_pos(len(c.text)) == len(raw)
    assert c.raw_span(3, 3) == (c.offsets[3], c.offsets[3])  # an empty range is a point


# --- wrapped lines -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        # a PDF line wrap inside a sentence: the break is dropped
        pytest.param(
            "全年实现地区生产总值增长8%,规上工业增加值增长\n10%以上,固定资产投资增长12%。\n",
            "全年实现地区生产总值增长8%,规上工业增加值增长10%以上,固定资产投资增长12%。\n",
            id="wrap-joined",
        ),
        # a paragraph wrapped over several lines
        pytest.param(
            "坚持项目为王,全力推进重点项目建设,确保全年\n新开工亿元以上项目20个,竣工投产项目12个\n,完成固定资产投资80亿元。\n",
            "坚持项目为王,全力推进重点项目建设,确保全年新开工亿元以上项目20个,竣工投产项目12个,完成固定资产投资80亿元。\n",
            id="wrap-several-lines",
        ),
        # a number and its unit on two lines
        pytest.param(
            "全年完成一般公共预算收入13.88\n亿元,同比增长6%。",
            "全年完成一般公共预算收入13.88亿元,同比增长6%。",
            id="wrap-number-unit",
        ),
        # a line that begins with punctuation continues the last, however short that is
        pytest.param(
            "规上工业增加值增长\n,固定资产投资增长12%。",
            "规上工业增加值增长,固定资产投资增长12%。",
            id="wrap-punctuation-start",
        ),
        # a wrap across a page footer the cleaner dropped
        pytest.param(
            "全年实现地区生产总值增长8%,规上工业增加值增长\n- 2 -\n10%以上。",
            "全年实现地区生产总值增长8%,规上工业增加值增长10%以上。",
            id="wrap-across-footer",
        ),
        # English words on two lines keep a space between them
        pytest.param(
            "重点发展新能源汽车零部件和高性能new\nmaterials等新兴产业。",
            "重点发展新能源汽车零部件和高性能new materials等新兴产业。",
            id="wrap-english",
        ),
        # a finished sentence is not joined to the next line
        pytest.param(f"{BODY}\n{BODY}", f"{BODY}\n{BODY}", id="sentence-end-kept"),
        # a heading line is never joined to its body
        pytest.param(
            "(一)坚持首位战略,实现人才科创能级显著提升\n科技创新是第一动力,要打通科研设施、人才和孵化转化三大体系。",
            "(一)坚持首位战略,实现人才科创能级显著提升\n科技创新是第一动力,要打通科研设施、人才和孵化转化三大体系。",
            id="heading-not-joined",
        ),
        # but a labelled paragraph (a heading, its sentence, and more) wraps like any other
        pytest.param(
            "(二)项目建设提速。实施重点项目78个,完成投资126亿元,占年度计划的\n108%。星河产业园竣工。",
            "(二)项目建设提速。实施重点项目78个,完成投资126亿元,占年度计划的108%。星河产业园竣工。",
            id="labelled-paragraph-joined",
        ),
        # a title line is never joined to the body
        pytest.param(
            f"{TITLE}\n今年是全面贯彻党的二十大精神的开局之年。",
            f"{TITLE}\n今年是全面贯彻党的二十大精神的开局之年。",
            id="title-not-joined",
        ),
        # a long title line ending in 计划 is not joined to a wrapped body line either
        pytest.param(
            "青山经济技术开发区管理委员会2023年度工作计划\n今年是全面贯彻党的二十大精神的开局之年,",
            "青山经济技术开发区管理委员会2023年度工作计划\n今年是全面贯彻党的二十大精神的开局之年,",
            id="long-title-not-joined",
        ),
        # a short part heading without a label is not joined
        pytest.param(
            "2023年工作思路\n2023年是实施十四五规划承上启下的关键一年。",
            "2023年工作思路\n2023年是实施十四五规划承上启下的关键一年。",
            id="part-heading-not-joined",
        ),
        # a line followed by a heading is not joined to it
        pytest.param(
            "全区上下要坚定信心、真抓实干,奋力推动高质量发展取得\n二、主要任务",
            "全区上下要坚定信心、真抓实干,奋力推动高质量发展取得\n二、主要任务",
            id="next-is-heading",
        ),
        # a long line followed by a much longer paragraph is a heading, not a wrap
        pytest.param(
            "坚持首位战略实现人才科创能级显著提升\n" + BODY * 3,
            "坚持首位战略实现人才科创能级显著提升\n" + BODY * 3,
            id="unlabelled-heading-not-joined",
        ),
        # a blank line is a paragraph break, not a wrap
        pytest.param(
            "全年实现地区生产总值增长8%,规上工业增加值增长\n\n10%以上。",
            "全年实现地区生产总值增长8%,规上工业增加值增长\n\n10%以上。",
            id="blank-line-kept",
        ),
    ],
)
def test_wraps(raw: str, text: str) -> None:
    c = clean(raw)
    assert c.text == text
    check_map(c)


def test_traditional_document_parses_like_simplified() -> None:
    import zoneplan

    simplified = (
        "青山开发区2024年工作计划\n主要目标是:规上工业增加值增长8%以上,实到外资1.5亿美元。\n"
        "一、抓项目\n新开工项目12个。"
    )
    traditional = (
        "青山開發區2024年工作計劃\n主要目標是:規上工業增加值增長8%以上,實到外資1.5億美元。\n"
        "一、抓項目\n新開工項目12個。"
    )
    assert fold(traditional) == simplified
    a, b = zoneplan.parse(simplified), zoneplan.parse(traditional)
    facts = [(i.span, i.base_value, i.kind, i.role, i.comparator, i.headline, i.name) for i in a.indicators]
    assert (
        facts
        and [(i.span, i.base_value, i.kind, i.role, i.comparator, i.headline, i.name) for i in b.indicators]
        == facts
    )
    assert [traditional[i.span.start : i.span.end] for i in b.indicators] == [i.text for i in b.indicators]
    assert (a.title, a.year, a.kind) == (fold(b.title or ""), b.year, b.kind)


# --- the data files -------------------------------------------------------------------------------


def test_traditional_table_is_one_for_one_and_idempotent() -> None:
    table = lexicon().traditional
    assert len(table) > 3000
    for k, v in table.items():
        assert len(v) == 1 and v != chr(k)
        assert ord(v) not in table  # mapping twice changes nothing
        assert unicodedata.category(chr(k)).startswith("L")


def test_traditional_table_pairs_are_not_listed_twice() -> None:
    pairs = tomllib.loads(data_text("traditional.toml"))["pairs"]
    keys = pairs[0::2]
    assert len(keys) == len(set(keys))


def test_boilerplate_data_is_valid() -> None:
    data = tomllib.loads(data_text("boilerplate.toml"))
    for key in ("lines", "header_lines", "edge_lines", "inline"):
        assert len(data[key]) == len(set(data[key])), key
        for pattern in data[key]:
            re.compile(pattern)
    assert len(data["chrome_words"]) == len(set(data["chrome_words"]))


# --- properties ---------------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "全年实现地区生产总值增长8%,", "规上工业增加值增长", "１５％", "以上。", "\n", "\n\n",
        "\n\n2、", "\n\n3、", "1 / 8", "下载文档", "资源描述", "2023-03-01", "一、主要目标", "(一)",
        "青山经济开发区", "管理委员会", "工作计划", "新编", "_第1页", "53.93 亿元", "　", " ", "\r\n",
        "\u200b", "開發區", "增長", "new", "materials", "朗读", "×", ",", "。", "第2页/共6页",
        "(记者 王明)", "20", "21年", "- 2 -", "记者 王明", "\f",
    ]
)  # fmt: skip
_DOCS = st.lists(_PIECES, max_size=40).map("".join)
_CHARS = st.text(
    alphabet=st.sampled_from(list("开发区增长亿元计划总结。,、:;()%0123456789１２，：\n \t-/第页共_记者")),
    max_size=200,
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_DOCS, _CHARS))
def test_clean_is_idempotent(raw: str) -> None:
    once = clean(raw).text
    assert clean(once).text == once


@settings(max_examples=300, deadline=None)
@given(st.one_of(_DOCS, _CHARS, st.text(max_size=200)))
def test_offset_map_is_sound(raw: str) -> None:
    check_map(clean(raw))


# --- adversarial input ------------------------------------------------------------------------------------

N = 200_000
RISKY = {
    "newlines": "\n" * N,
    "spaces": " " * N,
    "digits": "1" * N,
    "digit-spaces": "1 " * (N // 2),
    "page-marks-same-number": "字\n\n1、" * (N // 5),
    "page-marks-counting": "".join(f"字\n\n{i % 999 + 1}、" for i in range(N // 8)),
    "page-counter-crumbs": "第1页/" * (N // 4),
    "dots": "." * N,
    "domain-shape": "a." * (N // 2),
    "ideographs": "开" * N,
    "noise-lines": "下载文档\n" * (N // 5),
    "chrome-words": "打印 " * (N // 3),
    "bylines": "(记者 王明 " * (N // 7),
    "wrapped-lines": ("这是一个很长的被折行的句子没有结束的地方继续写下去" + "\n") * (N // 26),
    "labels": "一、\n" * (N // 3),
    "dashes": "-" * N,
    "crlf": "\r\n" * (N // 2),
    "index-rows": "索引号:|" * (N // 5),
    "header-lines": "青山开发区管委会\n" * (N // 9),
    "quotes": "“" * N,
}


@pytest.mark.parametrize("name", list(RISKY))
def test_clean_is_linear_on_adversarial_input(name: str) -> None:
    raw = RISKY[name]
    t = time.perf_counter()
    c = clean(raw)
    assert time.perf_counter() - t < 10, (
        "quadratic behaviour: 200k characters should take well under a second"
    )
    assert len(c.offsets) == len(c.text) + 1


def _patterns() -> Iterator[tuple[str, str]]:
    data = tomllib.loads(data_text("boilerplate.toml"))
    for key in ("lines", "header_lines", "edge_lines", "inline"):
        for p in data[key]:
            yield key, p


@pytest.mark.parametrize(("key", "pattern"), list(_patterns()), ids=lambda v: str(v)[:40])
def test_every_boilerplate_regex_is_linear(key: str, pattern: str) -> None:
    rx = re.compile(pattern)
    t = time.perf_counter()
    for raw in RISKY.values():
        if key == "inline":
            for _ in rx.finditer(raw):
                pass
        else:
            rx.fullmatch(raw)
    assert time.perf_counter() - t < 10


# --- the real corpus ------------------------------------------------------------------------------------

corpus = pytest.mark.skipif(not (CORPUS / "gold").is_dir(), reason=f"corpus not found at {CORPUS}")
SEEDS = sorted(p.stem for p in (CORPUS / "seeds").glob("*.txt")) if (CORPUS / "seeds").is_dir() else []


def _seed(name: str) -> tuple[str, dict[str, object], Cleaned]:
    raw = (CORPUS / "seeds" / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((CORPUS / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return raw, gold, clean(raw)


def _occurrences(raw: str, s: str) -> Iterator[int]:
    i = raw.find(s)
    while i >= 0:
        yield i
        i = raw.find(s, i + 1)


@corpus
@pytest.mark.corpus
@pytest.mark.parametrize("name", SEEDS)
def test_corpus_boilerplate_is_dropped(name: str) -> None:
    raw, gold, c = _seed(name)
    kept = set(c.offsets[:-1])
    for noise in gold["boilerplate"]:  # type: ignore[attr-defined]
        starts = list(_occurrences(raw, noise))
        assert starts, noise
        for s in starts:
            left = [raw[k] for k in range(s, s + len(noise)) if k in kept]
            assert not left, f"{noise!r} at {s}: {''.join(left)!r} kept"


@corpus
@pytest.mark.corpus
@pytest.mark.parametrize("name", SEEDS)
def test_corpus_nothing_else_is_dropped(name: str) -> None:
    raw, gold, c = _seed(name)
    noise_chars = {
        k
        for noise in gold["boilerplate"]  # type: ignore[attr-defined]
        for s in _occurrences(raw, noise)
        for k in range(s, s + len(noise))
    }
    for s, e in c.removed:
        for k in range(s, e):
            assert k in noise_chars or raw[k].isspace(), (
                f"{raw[max(0, k - 10) : k + 10]!r}: {raw[k]!r} dropped"
            )


@corpus
@pytest.mark.corpus
@pytest.mark.parametrize("name", SEEDS)
def test_corpus_mentions_headings_and_projects_survive(name: str) -> None:
    raw, gold, c = _seed(name)
    pos = {o: i for i, o in enumerate(c.offsets[:-1])}
    items: list[tuple[int, str]] = [(m["start"], m["text"]) for m in gold["mentions"]]  # type: ignore[attr-defined]
    items += [(p["start"], p["name"]) for p in gold.get("projects", [])]  # type: ignore[attr-defined]

    def walk(nodes: list[dict[str, object]]) -> Iterator[tuple[int, str]]:
        for n in nodes:
            title = str(n["title"])
            s = raw.find(title[:6], int(n["start"]))  # type: ignore[call-overload]
            yield s, title[:6]
            yield from walk(n.get("children", []))  # type: ignore[arg-type]

    items += list(walk(gold.get("outline", [])))  # type: ignore[arg-type]
    assert items
    for start, text in items:
        assert raw[start : start + len(text)] == text
        k = pos.get(start)
        assert k is not None, f"{text!r} at {start} dropped"
        # the text is there, folded, without spaces between a number and its unit
        want = re.sub(r"(?<=\d)[ \t]+(?=[^\x00-\x7f]|%)", "", fold(text))
        assert c.text[k : k + len(want)] == want, text


@corpus
@pytest.mark.corpus
@pytest.mark.parametrize("name", SEEDS)
def test_corpus_cleaning_is_idempotent_and_mapped(name: str) -> None:
    raw, _, c = _seed(name)
    assert clean(c.text).text == c.text
    check_map(c)
    for start, line in c.noise_lines:  # the noise lines name where they were
        assert fold(raw[start : start + len(line)]) == line


@corpus
@pytest.mark.corpus
def test_corpus_publication_dates_are_in_the_noise_lines() -> None:
    # meta.py reads the publication date from the dropped lines (GUIDE: `published`)
    for name in SEEDS:
        _, gold, c = _seed(name)
        published = gold["meta"]["published"]  # type: ignore[index]
        if published:
            assert any(published in line for _, line in c.noise_lines), name


def test_noise_spans_leave_out_layout_clean_up() -> None:
    # removed: everything dropped; noise: only what had something visible (for Plan.boilerplate)
    raw = "　　一、总体要求\r\n1 / 8\r\n全年实现地区生产总值增长8%,规上工业增加值增长\r\n10%以上。"
    c = clean(raw)
    assert c.text == "一、总体要求\n全年实现地区生产总值增长8%,规上工业增加值增长10%以上。"
    assert [raw[s:e] for s, e in c.noise] == ["1 / 8\r\n"]
    assert len(c.removed) > len(c.noise)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("增长\u0661\u0662%", "增长12%"),  # Arabic-Indic
        ("用地\u0968\u0966\u0966亩", "用地200亩"),  # Devanagari
        ("投资\U0001d7cf\U0001d7ce亿元,增长\u0665%", "投资10亿元,增长5%"),  # beyond the basic plane
    ],
)
def test_digits_of_every_script_fold_to_ascii(raw: str, text: str) -> None:
    c = clean(raw)
    assert c.text == text
    assert len(fold(raw)) == len(raw)  # one character for one: offsets unchanged
    assert [c.raw_pos(i) for i in range(len(text))] == list(range(len(raw)))


# --- noise-line patterns that open with .* are searched for, not matched whole -------------

_LINE_PIECES = st.sampled_from(
    ["下载", "文档", "阅读全文", "上传人", "贡献者", ":", " ", "1", "23", "页", "_第", "©", "版权所有",
     "ICP", "备", "公网安备", "客服", "QQ", "电话", "浏览", "次", "工作", "计划", "。", "(", ")", "a", "|"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=12).map("".join))
@example("工作计划_第2页")
@example("工作计划_第2页。")
@example("上传人: 张三")
@example("上传人 张三")
@example("版权所有 © 2024")
def test_searching_the_rest_of_a_dot_star_pattern_is_matching_it_whole(line: str) -> None:
    from zoneplan.clean import _split_lines

    for p in lexicon().boilerplate_lines:
        whole, inside = _split_lines([p])
        got = bool(whole and re.fullmatch(whole[0], line)) or bool(inside and re.search(inside[0], line))
        assert got == bool(re.fullmatch(p, line)), p


@pytest.mark.parametrize(
    ("pattern", "top"),
    [(".*a|b.*", True), (".*(a|b).*", False), (r".*[|].*", False), (r".*\|x.*", False), ("[]|]x", False),
     ("a(b|c)|d", True)],
)  # fmt: skip
def test_alternatives_at_the_top_of_a_pattern(pattern: str, top: bool) -> None:
    from zoneplan.clean import _alternatives_at_top, _split_lines

    assert _alternatives_at_top(pattern) is top
    if pattern.startswith(".*"):
        whole, _ = _split_lines([pattern])
        assert (whole == [pattern]) is top  # matched whole when it has alternatives at the top


def test_a_sharing_sites_footer_is_noise() -> None:
    raw = (
        "开发区2024年工作计划\n一、主要目标\n地区生产总值增长7%,规上工业增加值增长9%。\n"
        "二、重点工作\n全年引进亿元以上项目30个。\n相关推荐\n· 2024年社区工作计划\n"
        "· 2024年个人工作总结范文\n本文由范文网整理,转载请注明出处。\n"
    )
    text = clean(raw).text
    assert text.endswith("全年引进亿元以上项目30个。\n")
    assert "相关推荐" not in text and "社区工作计划" not in text and "转载" not in text


def test_a_bulleted_line_inside_the_body_stays() -> None:
    raw = "一、主要目标\n· 2024年工作计划的目标是增长7%。\n全年引进项目30个。\n"
    assert "· 2024年工作计划的目标是增长7%。" in clean(raw).text
