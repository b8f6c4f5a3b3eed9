"""Number forms of real reports and news, beyond the seeds: one table row each, then the library oracles.

Each table row is a piece of text and what the reader finds in it, as (value, kind) pairs in
reading order; "approx" rows check the approximation kept with the value. The oracle tests write
numbers with cn2an (Chinese numerals) and num2words (English words) and read them back; hypothesis
embeds them in sentences, after approximators and before units.
"""
from decimal import Decimal

import cn2an
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from num2words import num2words

from qa.lang.numbers import en_numbers, zh_numbers
from qa.lang.text import normalise


def read(reader, text):
    out = []
    for m in reader(normalise(text, chinese=reader is zh_numbers)):
        v = m.value.normalize()
        out.append((str(int(v)) if v == v.to_integral_value() else format(v, "f"), m.kind))
    return out


ZH = [
    # numerals outside a classifier context, with units and scales
    ("三千万元", [("30000000", "currency")]),
    ("服务一千万家企业", [("10000000", "count")]),  # not the idiom 千万家 (countless homes)
    ("走进千万家", []),
    ("投资两千万元", [("20000000", "currency")]),
    ("五十万元", [("500000", "currency")]),
    ("一点二亿", [("120000000", "count")]),
    ("三点五亿元", [("350000000", "currency")]),
    ("十四亿人口", [("1400000000", "count")]),
    ("零点五", [("0.5", "count")]),
    ("五万一千", [("51000", "count")]),
    ("五万一千件", [("51000", "count")]),
    ("一万一千人", [("11000", "count")]),
    ("三万五", [("35000", "count")]),
    ("一百五", [("150", "count")]),
    ("两万三千", [("23000", "count")]),
    ("一千零五", [("1005", "count")]),
    ("一亿二千万", [("120000000", "count")]),
    ("十万亿", [("10000000000000", "count")]),
    ("二十多年", [("20", "count")]),
    ("十余年", [("10", "count")]),
    ("一百多万吨", [("1000000", "count")]),
    ("一万多的定金", [("10000", "count")]),
    ("七千多的套餐", [("7000", "count")]),
    ("千亿茶产业", [("100000000000", "count")]),
    ("近千家企业", [("1000", "count")]),
    ("每千字", [("1000", "count")]),
    ("万元以上", [("10000", "currency")]),
    ("过万家次", [("10000", "count")]),
    ("3千件", [("3000", "count")]),
    ("3千万元", [("30000000", "currency")]),
    ("3千米", [("3", "count")]),
    ("2万4801张", [("24801", "count")]),
    ("200 多万美元", [("2000000", "currency")]),
    ("1.3万亿斤", [("1300000000000", "count")]),
    ("4.32万件", [("43200", "count")]),
    ("10斤装", [("10", "count")]),
    # percent, per mille and fractions in words
    ("百分之三十五", [("35", "percent")]),
    ("百分之五", [("5", "percent")]),
    ("百分之零点五", [("0.5", "percent")]),
    ("百分之12.5", [("12.5", "percent")]),
    ("千分之五", [("0.5", "percent")]),
    ("万分之三", [("0.03", "percent")]),
    ("负百分之三", [("-3", "percent")]),
    ("百分之七八十", [("70", "percent"), ("80", "percent")]),
    ("百分之百", [("100", "percent")]),
    ("四分之一", [("0.25", "fraction")]),
    ("五分之一", [("0.2", "fraction")]),
    ("三分之二", [("0.666667", "fraction")]),
    ("十分之四的患者", [("0.4", "fraction")]),
    ("一半以上", [("0.5", "fraction")]),
    ("三成企业", [("30", "percent")]),
    ("5‰", [("0.5", "percent")]),
    # percentage points
    ("降低了三个百分点", [("3", "points")]),
    ("上升两个百分点", [("2", "points")]),
    ("提升2.74个百分点", [("2.74", "points")]),
    ("下降0.5百分点", [("0.5", "points")]),
    # ranges of neighbouring numerals, and vague sizes
    ("两三个小时", [("2", "count"), ("3", "count")]),
    ("一两年", [("1", "count"), ("2", "count")]),
    ("三四个", [("3", "count"), ("4", "count")]),
    ("七八十人", [("70", "count"), ("80", "count")]),
    ("五六万", [("50000", "count"), ("60000", "count")]),
    ("十几个人", [("10", "count")]),
    ("上千元", [("1000", "currency")]),
    ("数十个国家", [("10", "count")]),
    # dates, months, days, times, decades
    ("12月8日至10日", [("1208", "date"), ("10", "day")]),
    ("10月初", [("10", "month")]),
    ("十月", [("10", "month")]),
    ("十二月十日", [("1210", "date")]),
    ("农历十一月十一，", [("1111", "date")]),
    ("2021年12月", [("2021", "year"), ("12", "month")]),
    ("2025年4月26日", [("2025", "year"), ("426", "date")]),
    ("２０日从中国儿童中心获悉", [("20", "day")]),
    ("毛里求斯10日首次报告", [("10", "day")]),
    ("连续3日", [("3", "count")]),
    ("凌晨四点半", [("0", "time")]),
    ("下午3点", [("0", "time")]),
    ("10点26分", [("0", "time")]),
    ("15时左右", [("0", "time")]),
    ("80年代", [("1980", "decade")]),
    ("上世纪80年代", [("1980", "decade")]),
    ("20世纪六七十年代", [("20", "century"), ("1960", "decade"), ("1970", "decade")]),
    ("五六、七十年代", [("1950", "decade"), ("1960", "decade"), ("1970", "decade")]),
    ("2010年代", [("2010", "decade")]),
    ("21世纪", [("21", "century")]),
    ("1986-88 赛季", [("1986", "year"), ("1988", "year")]),
    ("二〇二一年", [("2021", "year")]),
    ("418银行活动", [("418", "count")]),
    # years never become counts
    ("2000年", [("2000", "year")]),
    ("20多个", [("20", "count")]),
    # ordinals
    ("第十三届", [("13", "ordinal")]),
    ("党的二十大", [("20", "ordinal")]),
    ("十九届六中全会", [("19", "ordinal")]),
    ("第137、138届", [("137", "ordinal"), ("138", "count")]),
    # not quantities
    ("新冠肺炎疫情", []),
    ("二十国集团", []),
    ("G20峰会", []),
    ("5G网络", []),
    ("H1N1流感", []),
    ("PM2.5浓度", []),
    ("80后", []),
    ("95后的弟弟", []),
    ("双十一", []),
    ("双十二那阵", []),
    ("3200号小行星", []),
    ("高铁北一路555号", []),
    ("地铁2号线", []),
    ("第713条", []),
    ("富时250指数", []),
    ("波音737", []),
    ("编号3643", []),
    ("十分好", []),
    ("千方百计", []),
    ("万众一心", []),
    ("一心一意", []),
    ("以防万一", []),
    ("十之八九", []),
    ("一点都没有", []),
    ("一点一滴", []),
    ("千万不要", []),
    ("三四、五月份", [("5", "month")]),
    ("百姓", []),
    ("统一", []),
]

ZH_APPROX = [
    ("二十多年", "over"), ("十余年", "over"), ("一万多", "over"), ("近千家", "nearly"), ("约两千人", "about"),
    ("超过三千万元", "over"), ("逾百万", "over"), ("两三个", "about"), ("百分之七八十", "about"),
    ("十几个", "vague"), ("上千元", "vague"), ("数十个", "vague"), ("百年", "vague"), ("不到10%", "under"),
    ("5000人以下", "under"), ("大约300家", "about"),
]

EN = [
    # number words with scale words
    ("fourteen billion", [("14000000000", "count")]),
    ("two billion years ago", [("2000000000", "count")]),
    ("two thousand people", [("2000", "count")]),
    ("a thousand yuan", [("1000", "currency")]),
    ("a million people", [("1000000", "count")]),
    ("six million claims", [("6000000", "count")]),
    ("one hundred and twenty", [("120", "count")]),
    ("a hundred and five", [("105", "count")]),
    ("twenty-one cases", [("21", "count")]),
    ("ninety-nine", [("99", "count")]),
    ("three hundred thousand", [("300000", "count")]),
    ("one and a half million", [("1500000", "count")]),
    ("half a million", [("500000", "count")]),
    ("a quarter of a million", [("250000", "count")]),
    ("1.5 million", [("1500000", "count")]),
    ("RMB 398.21 billion", [("398210000000", "currency")]),
    ("£75m in aid", [("75000000", "currency")]),
    ("$2bn deal", [("2000000000", "currency")]),
    ("100k meters", [("100000", "count")]),
    # fractions and shares
    ("two-thirds", [("0.666667", "fraction")]),
    ("a third of the", [("0.333333", "fraction")]),
    ("one-third", [("0.333333", "fraction")]),
    ("a quarter of", [("0.25", "fraction")]),
    ("three quarters", [("0.75", "fraction")]),
    ("one in five adults", [("0.2", "fraction")]),
    ("three in ten", [("0.3", "fraction")]),
    ("four-in-ten patients", [("0.4", "fraction")]),
    ("1 in 4", [("0.25", "fraction")]),
    ("more than half of them", [("0.5", "fraction")]),
    ("60 or 65 percent", [("60", "percent"), ("65", "percent")]),
    ("between 5 and 10%", [("5", "percent"), ("10", "percent")]),
    ("5-10%", [("5", "percent"), ("10", "percent")]),
    ("thirty percent", [("30", "percent")]),
    ("twelve per cent", [("12", "percent")]),
    ("two percentage points", [("2", "points")]),
    ("up 2.74 percentage points", [("2.74", "points")]),
    ("70% or 80%", [("70", "percent"), ("80", "percent")]),
    # time spans
    ("a decade ago", [("10", "count")]),
    ("two decades", [("20", "count")]),
    ("6 decades of experience", [("60", "count")]),
    ("the last decade", [("10", "count")]),
    ("a dozen eggs", [("12", "count")]),
    ("dozens of countries", [("12", "count")]),
    ("hundreds of thousands of people", [("100000", "count")]),
    ("millions of readers", [("1000000", "count")]),
    ("the centenary", [("100", "count")]),
    # dates, months, decades, times
    ("December 8 to 12", [("1208", "date"), ("12", "day")]),
    ("on December 11th", [("1211", "date")]),
    ("18 December last year", [("1218", "date")]),
    ("Jan. 6", [("106", "date")]),
    ("May 20", [("520", "date")]),
    ("signed on march 5", [("305", "date")]),
    ("October 2021", [("10", "month"), ("2021", "year")]),
    ("the 1980s", [("1980", "decade")]),
    ("in the 1960s and 1970s", [("1960", "decade"), ("1970", "decade")]),
    ("his 20s", [("2020", "decade")]),
    ("2021-22", [("2021", "year"), ("2022", "year")]),
    ("at 3 pm", [("0", "time")]),
    ("12.00 mid-day", [("0", "time")]),
    ("on the 11th", [("11", "ordinal")]),
    # ordinals
    ("the 19th central committee", [("19", "ordinal")]),
    ("twenty-first", [("21", "ordinal")]),
    ("the sixth plenary session", [("6", "ordinal")]),
    # not quantities
    ("COVID-19 patients", []),
    ("Covid-19", []),
    ("the G20 summit", []),
    ("5G networks", []),
    ("H1N1", []),
    ("MP3 files", []),
    ("Windows 10", []),
    ("iPhone 13", []),
    ("the 21st Century Maritime Silk Road", []),
    ("No 10 aides", []),
    ("No. 3200 asteroid", []),
    ("Double 12 Sale", []),
    ("10:26 PM", []),
    ("at 0500 sharp", []),
    ("FTSE 250 firm", []),
    ("Boeing 737 MAX 9 jets", []),
    ("call 138-1234-5678", []),
    ("see https://example.org/a1b2/33", []),
    ("@user12 said", []),
    ("#URL#", []),
    ("the post-90s generation", []),
    ("7414 Santa Monica Blvd", []),
    ("Section 713", []),
    ("24/7 service", []),
    ("TP-Link cpe210", []),
    ("A4 paper", []),
    ("one-stop services", []),
    ("one of them", []),
    ("someone often weighs freight", []),
    ("second-hand goods", []),
]

EN_APPROX = [
    ("more than 10,000 yuan", "over"), ("over 100 firms", "over"), ("nearly 300 firms", "nearly"),
    ("about 20,000 people", "about"), ("almost a thousand users", "nearly"), ("less than 1%", "under"),
    ("fewer than 50 cases", "under"), ("up to 30 days", "under"), ("an estimated 2 million", "about"),
    ("a dozen", "about"), ("dozens of", "vague"), ("hundreds of", "vague"), ("roughly 5%", "about"),
]


@pytest.mark.parametrize("text,expected", ZH, ids=[t for t, _ in ZH])
def test_chinese_forms_of_real_text(text, expected):
    assert read(zh_numbers, text) == expected


@pytest.mark.parametrize("text,approx", ZH_APPROX, ids=[t for t, _ in ZH_APPROX])
def test_chinese_approximations_are_kept(text, approx):
    assert zh_numbers(text)[0].approx == approx


@pytest.mark.parametrize("text,expected", EN, ids=[t for t, _ in EN])
def test_english_forms_of_real_text(text, expected):
    assert read(en_numbers, text) == expected


@pytest.mark.parametrize("text,approx", EN_APPROX, ids=[t for t, _ in EN_APPROX])
def test_english_approximations_are_kept(text, approx):
    assert en_numbers(text)[0].approx == approx


# ---------------------------------------------------------------- oracles

def _zh(value: int) -> str:
    return cn2an.an2cn(str(value), "low")


def test_every_chinese_numeral_up_to_ten_thousand_reads_back():
    """All of them, before a classifier: the small numbers are where idioms hide (万一, 一一)."""
    wrong = [n for n in range(1, 10001) if read(zh_numbers, _zh(n) + "件") != [(str(n), "count")]]
    assert wrong == []


def test_a_large_sample_of_chinese_numerals_up_to_ten_to_the_eight_reads_back():
    """Brute force over a fixed random sample of 20,000 numerals below 10^8 (cn2an writes them),
    alone, with a unit and after 约/超过/近 (the approximation is kept)."""
    import random

    rng = random.Random(2026)
    wrong = []
    for n in rng.sample(range(10, 10**8), 20000):
        numeral = _zh(n)
        for text, kind, approx in ((numeral, "count", ""), (numeral + "元", "currency", ""),
                                   ("约" + numeral + "人", "count", "about"), ("超过" + numeral + "家", "count", "over"),
                                   ("近" + numeral + "吨", "count", "nearly")):
            got = zh_numbers(text)
            if [(m.value, m.kind, m.approx) for m in got] != [(Decimal(n), kind, approx)]:
                wrong.append(text)
    assert wrong[:10] == []


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**12 - 1), unit=st.sampled_from(["元", "件", "人", "家", "项", "吨", ""]),
       before=st.sampled_from(["", "共", "达到", "约", "超过", "全年完成"]), after=st.sampled_from(["。", "，同比", ""]))
def test_chinese_numerals_in_sentences_read_back(n, unit, before, after):
    """A numeral with a unit, or of two characters or more without one (一 alone is a word: 一直, 统一)."""
    assume(unit or len(_zh(n)) >= 2)  # 十 alone (ten) is one character: a word like 一
    text = f"去年{before}{_zh(n)}{unit}{after}"
    values = [m.value for m in zh_numbers(text)]
    assert values == [Decimal(n)]


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**8), scale=st.sampled_from([("万", 4), ("亿", 8), ("", 0)]),
       frac=st.sampled_from(["", ".5", ".25", ".08"]))
def test_figures_with_myriad_units_read_back(n, scale, frac):
    text = f"成交额{n}{frac}{scale[0]}元。"
    got = zh_numbers(text)
    assert [(m.value, m.kind) for m in got] == [(Decimal(f"{n}{frac}") * 10 ** scale[1], "currency")]


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=1, max_value=99), per=st.sampled_from([("百分之", 1), ("千分之", 10)]))
def test_percent_words_read_back(n, per):
    got = zh_numbers(f"占{per[0]}{_zh(n)}")
    assert [(m.value, m.kind) for m in got] == [(Decimal(n) / per[1], "percent")]


@settings(max_examples=300, deadline=None)
@given(den=st.integers(min_value=2, max_value=12), data=st.data())
def test_fraction_words_read_back(den, data):
    num = data.draw(st.integers(min_value=1, max_value=den - 1))
    got = zh_numbers(f"约占{_zh(den)}分之{_zh(num)}")
    assert [(m.value, m.kind) for m in got] == [((Decimal(num) / den).quantize(Decimal("0.000001")), "fraction")]


@settings(max_examples=400, deadline=None)
@given(n=st.integers(min_value=2, max_value=999_999_999_999))
def test_english_number_words_read_back(n):
    """num2words writes them ("fourteen billion, three hundred and two"); commas between groups are
    dropped, as running text writes them."""
    words = num2words(n).replace(",", "")
    got = en_numbers(f"The province reported {words} cases.")
    assert [(m.value, m.kind) for m in got] == [(Decimal(n), "count")]


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1, max_value=99), approx=st.sampled_from([("about", "about"), ("more than", "over"),
                                                                          ("nearly", "nearly"), ("", "")]))
def test_english_ordinals_and_approximators_read_back(n, approx):
    ordinal = num2words(n, to="ordinal")
    got = en_numbers(f"the {ordinal} session")
    assert [(m.value, m.kind) for m in got] == [(Decimal(n), "ordinal")]
    cardinal = en_numbers(f"{approx[0]} {n:,} firms".strip())
    assert [(m.value, m.approx) for m in cardinal] == [(Decimal(n), approx[1])]


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=1, max_value=999), scale=st.sampled_from(["thousand", "million", "billion", "trillion"]))
def test_english_words_with_scale_read_back(n, scale):
    factor = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}[scale]
    words = num2words(n).replace(",", "")
    for text in (f"{words} {scale} yuan", f"{n} {scale} yuan"):
        got = en_numbers(text)
        assert [(m.value, m.kind) for m in got] == [(Decimal(n * factor), "currency")], text
