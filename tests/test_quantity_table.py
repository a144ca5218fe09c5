"""The quantity layer, one row per phenomenon (issue 2).

Four tables: :func:`zoneplan.parse_number`, :func:`zoneplan.quantity`,
:func:`zoneplan.quantities.find_mentions` finding amounts, and
``find_mentions`` leaving alone what only looks like an amount (years, dates,
code names, versions, names built from numerals, ordinals, anniversaries).
Every sentence here is written for this file in the style of zone plans.
"""

from __future__ import annotations

import re
import time
from decimal import Decimal

import pytest

import zoneplan
from zoneplan import NumberError, NumberRange, QuantityError, QuantityRange
from zoneplan.quantities import find_mentions

D = Decimal


def R(low: str, high: str) -> NumberRange:
    return NumberRange(low=D(low), high=D(high))


# ------------------------------------------------------------------ parse_number

NUMBERS = [
    pytest.param("42", D(42), id="arabic-integer"),  # plain digits
    pytest.param("3.37", D("3.37"), id="arabic-decimal"),  # decimals stay exact
    pytest.param("1,234,567", D(1234567), id="thousands-commas"),  # grouping commas
    pytest.param("１，２３４．５", D("1234.5"), id="full-width"),  # full-width digits, comma and point
    pytest.param(".5", D("0.5"), id="leading-point"),  # a decimal point first
    pytest.param("-3.5", D("-3.5"), id="minus-sign"),  # ASCII minus
    pytest.param("负十二", D(-12), id="fu-sign"),  # 负 as a sign
    pytest.param("2.65万", D(26500), id="wan-after-decimal"),  # 万 multiplies
    pytest.param("1881.68万", D(18816800), id="wan-two-decimals"),  # no float rounding
    pytest.param("4.78万亿", D(4780000000000), id="wanyi"),  # 万亿 = 10^12
    pytest.param("10万万", D(1000000000), id="wanwan"),  # 万万 = 亿
    pytest.param("1,100.9亿", D(110090000000), id="commas-and-yi"),  # commas, decimals and 亿
    pytest.param("3万4000", D(34000), id="arabic-after-wan"),  # the lower part in digits
    pytest.param("2千零30万", D(20300000), id="mixed-scripts"),  # Arabic digits with Chinese places
    pytest.param("十", D(10), id="shi-alone"),  # 十 alone is ten
    pytest.param("十五", D(15), id="shi-leading"),  # 十五 without 一
    pytest.param("一千二百三十四", D(1234), id="full-chinese"),  # every place written
    pytest.param("一千零五", D(1005), id="ling-gap"),  # 零 marks an empty place
    pytest.param("一万零十二", D(10012), id="ling-shi"),  # 零十 = 10
    pytest.param("一千二", D(1200), id="colloquial-qian"),  # a lone last digit counts in the next place
    pytest.param("三万五", D(35000), id="colloquial-wan"),  # 三万五 = 35000
    pytest.param("百三", D(130), id="colloquial-bai"),  # 百三 = 130
    pytest.param("五亿零六", D(500000006), id="ling-blocks-colloquial"),  # after 零 a digit is a unit
    pytest.param("四亿五千六百四十二万零一十五", D(456420015), id="yi-wan-sections"),  # sections of 亿 and 万
    pytest.param("二〇二四", D(2024), id="positional"),  # digit by digit
    pytest.param("两千", D(2000), id="liang"),  # 两 as two
    pytest.param("壹万贰仟叁佰", D(12300), id="financial"),  # financial numerals
    pytest.param("兩萬億", D(2000000000000), id="traditional"),  # traditional 兩萬億
    pytest.param("拾萬零五十六", D(100056), id="shi-financial"),  # 拾 as 十
    pytest.param("千亿", D(100000000000), id="qian-yi"),  # a place word as the number
    pytest.param("两千万点五五", D("20000000.55"), id="dian-after-magnitude"),  # decimals are units after 万
    pytest.param("两点五亿", D(250000000), id="dian-before-magnitude"),  # 2.5亿
    pytest.param("零点五", D("0.5"), id="ling-dian"),  # 零点五
    pytest.param("四百 点 五", D("400.5"), id="spaces-inside"),  # spaces inside are ignored
    pytest.param("三分之一", D(1) / D(3), id="fraction"),  # X分之Y = Y/X
    pytest.param("百分之五", D("0.05"), id="per-hundred-as-number"),  # as a number: 5/100
    pytest.param("一又二分之一", D("1.5"), id="mixed-number"),  # 又 joins a whole and a fraction
    pytest.param("五十打", D(600), id="dozen"),  # 打 = 12
    pytest.param("半百", D(50), id="half-hundred"),  # 半百 = 50
    pytest.param("五兆六十二亿", D(5006200000000), id="zhao-with-yi"),  # 兆 = 10^12 before a 亿 section
    pytest.param("十余万", D(100000), id="yu-keeps-value"),  # 余: the value written (GUIDE)
    pytest.param("500多亿", D(50000000000), id="duo-keeps-value"),  # 多 likewise
    pytest.param("3-5", R("3", "5"), id="range-dash"),  # a range
    pytest.param("3～5", R("3", "5"), id="range-tilde-fullwidth"),  # full-width tilde
    pytest.param("3至5万", R("30000", "50000"), id="range-carry-wan"),  # 万 carried to the low end
    pytest.param("八到九百", R("800", "900"), id="range-carry-bai"),  # 百 carried: 800–900
    pytest.param("8500到3万", R("8500", "30000"), id="range-no-carry"),  # carrying would pass the high end
    pytest.param("一千到两千万", R("10000000", "20000000"), id="range-carry-wan-only"),  # only 万 is carried
    pytest.param("1万-5万", R("10000", "50000"), id="range-both-ends"),  # a magnitude on both ends
    pytest.param("1万(含)-5万", R("10000", "50000"), id="range-inclusive-mark"),  # (含) is dropped
    pytest.param("10000与20000之间", R("10000", "20000"), id="range-between"),  # A与B之间
    pytest.param("八九亿", R("800000000", "900000000"), id="consecutive"),  # neighbouring digits
    pytest.param("三五百", R("300", "500"), id="consecutive-35"),  # the idiom 三五
    pytest.param("十七八万", R("170000", "180000"), id="consecutive-after-shi"),  # 十七八万
    pytest.param("十几", R("10", "20"), id="ji-ones"),  # 几 in the ones place
    pytest.param("几十万", R("100000", "1000000"), id="ji-leading"),  # a leading 几: one to ten
    pytest.param("数十亿", R("1000000000", "10000000000"), id="shu-leading"),  # 数 like a leading 几
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_parse_number(text: str, expected: Decimal | NumberRange) -> None:
    assert zoneplan.parse_number(text) == expected


NOT_NUMBERS = [
    pytest.param("", id="empty"),  # nothing
    pytest.param("万", id="wan-alone"),  # a magnitude is not a number
    pytest.param("万万", id="wanwan-alone"),  # nor two
    pytest.param("两两", id="liangliang"),  # 两两 (in pairs) is not 22
    pytest.param("一切", id="yiqie"),  # a word with a numeral in it
    pytest.param("四川", id="sichuan"),  # a place name
    pytest.param("陆地", id="financial-homograph"),  # 陆 of 陆地 is not six
    pytest.param("五十千", id="places-not-descending"),  # 千 after 十
    pytest.param("兆", id="zhao-alone"),  # 兆 alone is ambiguous
    pytest.param("一百兆", id="zhao-without-yi"),  # 10^6 or 10^12?
    pytest.param("15k", id="latin-k"),  # k is not 千
    pytest.param("1/2", id="slash-fraction"),  # / means per or a date
    pytest.param("--9", id="two-signs"),  # two signs
    pytest.param("三分之", id="fraction-without-numerator"),  # incomplete fraction
    pytest.param("五分之一又二", id="you-without-fraction"),  # 又 must precede a fraction
    pytest.param("1" * 29, id="too-many-digits"),  # more digits than a decimal holds (28)
    pytest.param("1亿億億億", id="too-large-with-magnitudes"),  # 10^32: the same
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number(text: str) -> None:
    with pytest.raises(NumberError):
        zoneplan.parse_number(text)


# ------------------------------------------------------------------ quantity


def Q(value: str, unit: str) -> object:
    return zoneplan.Q_(D(value), unit)


QUANTITIES = [
    pytest.param("2600亿元", Q("260000000000", "yuan"), id="yi-yuan"),  # 亿 folded into the value
    pytest.param("1881.68万美元", Q("18816800", "us_dollar"), id="wan-usd"),  # exact dollars
    pytest.param("千亿元", Q("100000000000", "yuan"), id="qian-yi-yuan"),  # a place word as the number
    pytest.param("亿元以上", Q("100000000", "yuan"), id="bare-yi-yuan"),  # 亿元以上: one 亿
    pytest.param("8亿元人民币", Q("800000000", "yuan"), id="yuan-renminbi"),  # 元人民币
    pytest.param("人民币50元", Q("50", "yuan"), id="renminbi-prefix"),  # 人民币 before the number
    pytest.param("4人民币", Q("4", "yuan"), id="renminbi-unit"),  # 人民币 as the unit
    pytest.param("肆佰叁拾萬圆整", Q("4300000", "yuan"), id="cheque-style"),  # 圆整 of a cheque
    pytest.param("九千块钱", Q("9000", "yuan"), id="kuaiqian"),  # colloquial 块钱
    pytest.param("五元三毛", Q("5.3", "yuan"), id="jiao"),  # 元 + 毛
    pytest.param("123元1角1分", Q("123.11", "yuan"), id="jiao-fen"),  # 元 + 角 + 分
    pytest.param("两美元又三美分", Q("2.03", "us_dollar"), id="cents"),  # 美元 + 美分
    pytest.param("300美圆", Q("300", "us_dollar"), id="meiyuan-variant"),  # 美圆 = 美元
    pytest.param("2.65万亩", Q("26500", "shimu"), id="wan-mu"),  # 亩 is shimu
    pytest.param("9.12平方公里", Q("9.12", "kilometer ** 2"), id="sq-km"),  # square kilometres
    pytest.param("10000m2", Q("10000", "meter ** 2"), id="m2"),  # ASCII unit
    pytest.param("160万方", Q("1600000", "floor_square_meter"), id="wan-fang"),  # 万方 of floor space
    pytest.param("40万吨/年", Q("400000", "tonne / year"), id="tonnes-per-year"),  # a rate
    pytest.param("3.4万立方米", Q("34000", "meter ** 3"), id="cubic-metres"),  # volume
    pytest.param("168公分", Q("168", "centimeter"), id="gongfen"),  # 公分 = cm
    pytest.param("168CM", Q("168", "centimeter"), id="ascii-any-case"),  # CM in capitals
    pytest.param("一吨半", Q("1.5", "tonne"), id="half-after-unit"),  # 一吨半
    pytest.param("三斤", Q("3", "shijin"), id="jin"),  # 市斤
    pytest.param("2.4微克", Q("2.4", "microgram"), id="microgram"),  # micrograms
    pytest.param("负0.2千米", Q("-0.2", "kilometer"), id="negative-length"),  # a sign with a unit
    pytest.param("10%", Q("10", "percent"), id="percent"),  # %
    pytest.param("１２．５％", Q("12.5", "percent"), id="percent-full-width"),  # full-width %
    pytest.param("百分之十五", Q("15", "percent"), id="baifenzhi"),  # 百分之 before the number
    pytest.param("千分之二点四", Q("2.4", "permille"), id="qianfenzhi"),  # 千分之
    pytest.param("2个百分点", Q("2", "percentage_point"), id="percentage-points"),  # points, not %
    pytest.param("九成", Q("9", "cheng"), id="cheng"),  # 成 = a tenth
    pytest.param("七成六", Q("7.6", "cheng"), id="cheng-tenth-after"),  # 七成六 = 7.6成
    pytest.param("三成半", Q("3.5", "cheng"), id="cheng-half"),  # 三成半
    pytest.param("八折", Q("8", "zhe"), id="zhe"),  # 折 = a tenth of the price
    pytest.param("75折", Q("7.5", "zhe"), id="zhe-two-digits"),  # 75折 = 7.5折
    pytest.param("三八折", Q("3.8", "zhe"), id="zhe-two-chinese-digits"),  # 三八折 = 3.8折
    pytest.param("打对折", Q("5", "zhe"), id="duizhe"),  # half price
    pytest.param("274个", Q("274", "item"), id="count-ge"),  # a count
    pytest.param("8000余人次", Q("8000", "item"), id="count-yu"),  # 余 dropped, value kept
    pytest.param("5位", Q("5", "rank_place"), id="rank"),  # a rank place
    pytest.param("28小时", Q("28", "hour"), id="hours"),  # a duration
    pytest.param("约500亩", Q("500", "shimu"), id="approx-dropped"),  # 约 dropped
    pytest.param("不少于19个", Q("19", "item"), id="ge-dropped"),  # 不少于 dropped
    pytest.param("50万元（含）以上", Q("500000", "yuan"), id="inclusive-mark"),  # （含）以上 dropped
    pytest.param("至少九千块钱以上", Q("9000", "yuan"), id="two-comparators"),  # 至少…以上
]


@pytest.mark.parametrize(("text", "expected"), QUANTITIES)
def test_quantity(text: str, expected: object) -> None:
    q = zoneplan.quantity(text)
    assert q == expected
    assert str(q.units) == str(expected.units)  # type: ignore[attr-defined]


RANGES = [
    pytest.param("3-5亿元", "300000000", "500000000", "yuan", id="yi-range"),  # 亿 carried
    pytest.param("1万元--5万元", "10000", "50000", "yuan", id="unit-both-ends"),  # the unit on both ends
    pytest.param("从8500到3万元", "8500", "30000", "yuan", id="cong-dao"),  # 从…到…
    pytest.param("一百二十到一百五十万元", "1200000", "1500000", "yuan", id="chinese-carry"),  # 万 carried
    pytest.param("四五千块钱", "4000", "5000", "yuan", id="consecutive-money"),  # 四五千
    pytest.param("人民币数十亿元", "1000000000", "10000000000", "yuan", id="shu-money"),  # 数十亿
    pytest.param("十几块钱", "10", "20", "yuan", id="ji-money"),  # 十几
    pytest.param("5-20%", "5", "20", "percent", id="percent-range"),  # a percentage range
    pytest.param("百分之二三十", "20", "30", "percent", id="baifenzhi-consecutive"),  # 百分之二三十
    pytest.param("3-5个", "3", "5", "item", id="count-range"),  # a count range
]


@pytest.mark.parametrize(("text", "low", "high", "unit"), RANGES)
def test_quantity_range(text: str, low: str, high: str, unit: str) -> None:
    q = zoneplan.quantity(text)
    assert isinstance(q, QuantityRange)
    assert (q.low, q.high) == (Q(low, unit), Q(high, unit))


NOT_QUANTITIES = [
    pytest.param("三方面", id="fang-needs-magnitude"),  # 方 is a unit only after 万/亿
    pytest.param("三百万", id="no-unit"),  # zoneplan never guesses a unit
    pytest.param("25481港元", id="hkd"),  # foreign currency: a clear error
    pytest.param("3000多欧元", id="eur"),  # foreign currency
    pytest.param("新台币 177.1 亿元", id="twd-prefix"),  # the 元 of 新台币 is not yuan
    pytest.param("十折", id="shizhe"),  # 十折 is not a discount
    pytest.param("15k左右", id="latin-k-money"),  # k is not 千
    pytest.param("约", id="comparator-only"),  # a comparator without a number
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(text: str) -> None:
    with pytest.raises(QuantityError) as info:
        zoneplan.quantity(text)
    assert isinstance(info.value, ValueError) and info.value.text == text


# ------------------------------------------------------------------ find_mentions: amounts

FOUND = [
    pytest.param("实现地区生产总值1868.5亿元,", [("1868.5亿元", "1868.5", "亿元")], id="money-yi"),  # money
    pytest.param("实到外资1.5亿美元。", [("1.5亿美元", "1.5", "亿美元")], id="usd-yi"),  # US dollars
    pytest.param("新建两 个园区。", [("两 个", "2", "个")], id="cn-numeral-space-unit"),  # space, unit
    pytest.param(
        "规上工业增加值增长10%以上。", [("10%", "10", "%")], id="percent-comparator-outside"
    ),  # 以上 outside
    pytest.param("新增用地1691亩。", [("1691亩", "1691", "亩")], id="mu"),  # area
    pytest.param("盘活低效用地2.65万亩。", [("2.65万亩", "2.65", "万亩")], id="wan-mu"),  # 万亩
    pytest.param("建成标准厂房79万平方米。", [("79万平方米", "79", "万平方米")], id="wan-sqm"),  # 万平方米
    pytest.param("新增厂房160万方。", [("160万方", "160", "万方")], id="wan-fang"),  # 万方
    pytest.param("年产能40万吨/年。", [("40万吨/年", "40", "万吨/年")], id="rate"),  # 吨/年
    pytest.param("引育人才8000余人次。", [("8000余人次", "8000", "人次")], id="yu-inside"),  # 余 inside
    pytest.param("藏书8100多本。", [("8100多本", "8100", "本")], id="duo-inside"),  # 多 inside
    pytest.param(
        "新建项目30余万平方米。", [("30余万平方米", "30", "万平方米")], id="yu-before-wan"
    ),  # 30余万
    pytest.param("超千亿元。", [("千亿元", "1000", "亿元")], id="qian-yi-after-chao"),  # 超千亿元
    pytest.param(
        "实施亿元以上项目60个。", [("亿元", "1", "亿元"), ("60个", "60", "个")], id="bare-yi-yuan"
    ),  # 亿元以上
    pytest.param("提前两年完成。", [("两年", "2", "年")], id="liang-nian"),  # 提前两年
    pytest.param("打造十个特色片区。", [("十个", "10", "个")], id="shi-ge"),  # 十 alone is an amount
    pytest.param("新开工项目25个以上。", [("25个", "25", "个")], id="count"),  # a count
    pytest.param("排名上升5位。", [("5位", "5", "位")], id="rank"),  # a rank
    pytest.param("审批时限压缩至28小时。", [("28小时", "28", "小时")], id="hours"),  # a duration
    pytest.param("用3年时间建成。", [("3年", "3", "年")], id="years-duration"),  # 3年 is a duration
    pytest.param("增速提高2个百分点。", [("2个百分点", "2", "个百分点")], id="points"),  # percentage points
    pytest.param("增长百分之十五。", [("百分之十五", "15", "百分之")], id="baifenzhi"),  # 百分之
    pytest.param("复工率达九成以上。", [("九成", "9", "成")], id="cheng"),  # 成
    pytest.param("租金按五折收取。", [("五折", "5", "折")], id="zhe"),  # 折
    pytest.param("产值增长-2.1%。", [("-2.1%", "-2.1", "%")], id="negative-percent"),  # a minus sign
    pytest.param("奖励１２０万元。", [("１２０万元", "120", "万元")], id="full-width"),  # full-width digits
    pytest.param(
        "投资三千万元。", [("三千万元", "3000", "万元")], id="chinese-wan-yuan"
    ),  # 三千万元: 3000 万元
    pytest.param(
        "税收四十九兆九千五百九十二億元。",
        [("四十九兆九千五百九十二億元", "499592", "亿元")],
        id="zhao-traditional",
    ),  # 兆 with a 亿 section after it, traditional 億
    pytest.param("带动就业2000人。", [("2000人", "2000", "人")], id="people"),  # 人
    pytest.param("收入5,236万元。", [("5,236万元", "5236", "万元")], id="thousands"),  # grouping comma
    pytest.param("单价￥300。", [("￥300", "300", "元")], id="yen-sign"),  # ￥ before the number
    pytest.param("融资20万,", [("20万", "20", "万")], id="bare-wan"),  # a bare Arabic magnitude
    pytest.param("花费五元三毛。", [("五元三毛", "5.3", "元")], id="jiao"),  # 元 + 毛
    pytest.param("回收废料近一吨。", [("一吨", "1", "吨")], id="yi-dun"),  # 一 with a physical unit is one
    pytest.param("运距超过250m。", [("250m", "250", "m")], id="metres-ascii"),  # m
    pytest.param("两米半", [("两米半", "2.5", "米")], id="half"),  # 两米半
    pytest.param("误差控制在正负5%以内。", [("5%", "5", "%")], id="plus-minus"),  # 正负5% is ±5 %, not -5 %
    pytest.param(
        "六 个 百 分 点", [("六 个 百 分 点", "6", "个百分点")], id="spaced"
    ),  # spaces between characters
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_find_mentions(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(m.text, m.value, m.unit) for m in find_mentions(text)]
    assert got == [(t, D(v), u) for t, v, u in expected]
    for m in find_mentions(text):
        assert text[m.start : m.end] == m.text  # spans index the input


FOUND_RANGES = [
    pytest.param("招引3-5亿元项目。", "3-5亿元", "3", "5", "亿元", id="yi-range"),  # a range
    pytest.param("培育3～5个品牌。", "3～5个", "3", "5", "个", id="tilde-range"),  # full-width tilde
    pytest.param("补助1万-5万元。", "1万-5万元", "1", "5", "万元", id="wan-both-ends"),  # 万 on both ends
    pytest.param("报账1 万(含)-5 万元之间", "1 万(含)-5 万元", "1", "5", "万元", id="inclusive-mark"),  # (含)
    pytest.param("融资八九亿元。", "八九亿元", "8", "9", "亿元", id="consecutive"),  # 八九亿元
    pytest.param("新建一至三个园区。", "一至三个", "1", "3", "个", id="cn-range-zhi"),  # 一 then 至
    pytest.param("新建一(含)-三个园区", "一(含)-三个", "1", "3", "个", id="cn-range-inclusive"),  # then (含)
    pytest.param(
        "占比百分之二三十。", "百分之二三十", "20", "30", "百分之", id="baifenzhi-range"
    ),  # 百分之二三十
]


@pytest.mark.parametrize(("text", "surface", "low", "high", "unit"), FOUND_RANGES)
def test_find_range(text: str, surface: str, low: str, high: str, unit: str) -> None:
    (m,) = find_mentions(text)
    assert (m.text, m.value, m.low, m.high, m.unit) == (surface, None, D(low), D(high), unit)


# ------------------------------------------------------------------ find_mentions: not amounts

NOT_FOUND = [
    pytest.param("2024年是关键之年。", id="year"),  # a calendar year
    pytest.param("二〇二四年工作要点", id="year-chinese"),  # a year in Chinese digits
    pytest.param("2023-2025年行动计划", id="year-range"),  # a span of years
    pytest.param("力争1月底前开工。", id="month-end"),  # 1月底
    pytest.param("1-12月份累计完成。", id="months"),  # 1-12月份
    pytest.param("2025年度考核", id="year-du"),  # 年度
    pytest.param("推进“5+4”产业体系。", id="code-5plus4"),  # a code name in quotes
    pytest.param("落实“1215”工程。", id="code-1215"),  # digits in quotes
    pytest.param("实现“7个显著提升”。", id="code-count-in-quotes"),  # a count inside a slogan
    pytest.param("构建“415X”产业集群。", id="code-415x"),  # 415X
    pytest.param("打造营商环境3.0版。", id="version"),  # 3.0版
    pytest.param("对接工业4.0标准。", id="industry-4"),  # 工业4.0
    pytest.param("PM2.5浓度下降。", id="pm25"),  # PM2.5
    pytest.param("建设5G基站。", id="5g"),  # 5G
    pytest.param("引进211、985高校毕业生。", id="211-985"),  # university classes
    pytest.param("引进世界500强企业。", id="fortune-500"),  # 世界500强
    pytest.param("壮大三大产业。", id="three-big"),  # 三大产业
    pytest.param("打造万亩千亿产业平台。", id="wanmu-qianyi"),  # a name built from numerals
    pytest.param("培育百亿级企业。", id="baiyi-ji"),  # 百亿级
    pytest.param("建设千亩级园区。", id="qianmu-ji"),  # 千亩级
    pytest.param("开展第三轮督查。", id="ordinal-lun"),  # 第三轮
    pytest.param("入选第二批名单。", id="ordinal-pi"),  # 第二批
    pytest.param("庆祝建区75周年。", id="anniversary"),  # 75周年
    pytest.param("抓好七个方面工作。", id="seven-aspects"),  # 七个方面
    pytest.param("落实五个必须。", id="five-musts"),  # 五个必须
    pytest.param("形成一批新成果。", id="yi-pi"),  # 一批: an article
    pytest.param("汽车零部件企业。", id="lingbujian"),  # 零部件
    pytest.param("陆家嘴金融城", id="financial-homograph"),  # 陆 of a place name
    pytest.param("开展二次创业。", id="second-venture"),  # 二次创业
    pytest.param("建设110千伏变电站。", id="kilovolt"),  # 千伏 is not 千 + 伏
    pytest.param("盘活3块低效用地。", id="kuai-measure-word"),  # 块 of land
    pytest.param("三成员单位", id="cheng-yuan"),  # 成员
    pytest.param("一波三折", id="zhe-idiom"),  # an idiom
    pytest.param("折合人民币。", id="zhehe"),  # 折合
    pytest.param("融资5亿港元。", id="hkd"),  # not yuan
    pytest.param("访问 https://x.cn/?q=30%25%2020%", id="url"),  # URL escapes
    pytest.param("占比2/3。", id="slash-fraction"),  # 2/3
    pytest.param("第1页 / 共3页", id="page-counter"),  # 第1页
    pytest.param("完成“三个一批”任务。", id="slogan-count"),  # inside quotes
    pytest.param("半成品仓库", id="banchengpin"),  # 半成品
    # a one-character numeral inside a word or a list label (rejected by the scan itself)
    pytest.param("进一步推进。一是抓项目,两手抓。", id="lone-numerals"),
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_a_mention(text: str) -> None:
    assert [m.text for m in find_mentions(text)] == []


# ------------------------------------------------------------------ values too large


HUGE = "1" * 30  # more digits than a decimal holds (28)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"投资{HUGE}元,", id="digits"),
        pytest.param(f"投资{HUGE}亿元,", id="digits-magnitude"),
        pytest.param(f"投资{'9' * 28}万元,", id="magnitude-past-the-limit"),
        pytest.param(f"占比百分之{HUGE},", id="prefix-unit"),
        pytest.param(f"￥{HUGE},", id="yen-sign"),
        pytest.param(f"用{HUGE}年,", id="years"),
        pytest.param(f"{'9' * 28}吨半,", id="half-past-the-limit"),
    ],
)
def test_value_too_large_is_no_mention(text: str) -> None:
    # found while speeding up find_mentions: decimal.InvalidOperation failed the whole document
    assert [m.text for m in find_mentions(text + "增长8%。")] == ["8%"]


# ------------------------------------------------------------------ linear time


ADVERSARIAL = [
    pytest.param("一" * 20000, id="long-numeral"),  # one endless Chinese numeral
    pytest.param("1 " * 20000, id="spaced-digits"),  # digits and spaces
    pytest.param("一 " * 20000, id="spaced-numerals"),  # numerals and spaces
    pytest.param("3-" * 20000, id="dashes"),  # range signs everywhere
    pytest.param("百分之" * 10000, id="prefix-units"),  # prefix units without numbers
    pytest.param("1," * 20000, id="commas"),  # thousands commas that never close
]


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_find_mentions_is_linear(text: str) -> None:
    # ten times the input must cost about ten times the time, not a hundred
    small = text[: len(text) // 10]

    def best_of_three(doc: str) -> float:  # the fastest of three: a stall of the machine is no cost
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            find_mentions(doc)
            times.append(time.perf_counter() - t0)
        return min(times)

    assert best_of_three(text) < 30 * max(best_of_three(small), 1e-3)


def test_table_size() -> None:
    rows = len(NUMBERS) + len(NOT_NUMBERS) + len(QUANTITIES) + len(RANGES) + len(NOT_QUANTITIES)
    rows += len(FOUND) + len(FOUND_RANGES) + len(NOT_FOUND)
    assert rows >= 150
    tables = (NUMBERS, NOT_NUMBERS, QUANTITIES, RANGES, NOT_QUANTITIES, FOUND, FOUND_RANGES, NOT_FOUND)
    for table in tables:  # one row per phenomenon: no id twice in a table
        ids = [p.id for p in table]
        assert len(ids) == len(set(ids))
        assert all(isinstance(i, str) and re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
