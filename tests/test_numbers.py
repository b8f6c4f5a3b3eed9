"""The number forms of shared/docs/numbers.md, one table row each.

Each row is a piece of text and the quantities a reader finds in it, as
(value, kind); dates are listed too, as month*100+day. Rows below the tables check
approximation, direction, unit and the value comparison.
"""

import pytest

from qa.lang.numbers import en_numbers, parse_cn_numeral, same_value, scale_ratio, zh_numbers

ZH = [
    # Arabic with myriad units
    ("新增发明专利4.32万件", [("43200", "count")]),
    ("成交额3982.10亿元", [("398210000000", "currency")]),
    ("融资8250.06萬元", [("82500600", "currency")]),
    ("规模1.5亿元", [("150000000", "currency")]),
    ("质押融资额3453.97億元", [("345397000000", "currency")]),
    ("赔偿额达88.5億元", [("8850000000", "currency")]),
    ("总额2.3万亿元", [("2300000000000", "currency")]),
    ("投入3千万元", [("30000000", "currency")]),
    ("人口1.26千万", [("12600000", "count")]),
    ("约5百万人", [("5000000", "count")]),
    ("有效注册商标量955.52万件", [("9555200", "count")]),
    ("累计达41.09万件", [("410900", "count")]),
    ("著作权登记总量37.59万件", [("375900", "count")]),
    ("10.36億元", [("1036000000", "currency")]),
    ("技术交易33.23亿元", [("3323000000", "currency")]),
    ("超8亿元", [("800000000", "currency")]),
    ("经济效益超40亿元", [("4000000000", "currency")]),
    ("培养技术经纪人超1万名", [("10000", "count")]),
    ("5.79万家次", [("57900", "count")]),
    ("商标注册70.99万件", [("709900", "count")]),
    # plain Arabic, separators
    ("新收案件70520件", [("70520", "count")]),
    ("立案2,218起", [("2218", "count")]),
    ("共1,200个", [("1200", "count")]),
    ("审结88462件", [("88462", "count")]),
    ("服务企业21512家", [("21512", "count")]),
    ("查办案件383宗", [("383", "count")]),
    ("惠及企业5067家，其中中小企业4931家", [("5067", "count"), ("4931", "count")]),
    ("金奖12项、银奖21项、优秀奖193项", [("12", "count"), ("21", "count"), ("193", "count")]),
    ("4116名全球高端科技人才", [("4116", "count")]),
    ("1,234,567元", [("1234567", "currency")]),
    # full-width digits and signs (after NFKC normalisation, as the loader does)
    ("增长12.5%", [("12.5", "percent")]),
    ("398件", [("398", "count")]),
    # Chinese numerals
    ("三个案例", [("3", "count")]),
    ("十二家单位", [("12", "count")]),
    ("二十一个城市", [("21", "count")]),
    ("两家基地", [("2", "count")]),
    ("一百二十项", [("120", "count")]),
    ("十万人", [("100000", "count")]),
    ("八部门联合", [("8", "count")]),
    ("两个中心", [("2", "count")]),
    ("五个方面", [("5", "count")]),
    ("三年行动计划", [("3", "count")]),
    ("过万家次", [("10000", "count")]),
    ("全球创新百强榜", [("100", "count")]),
    ("十佳案例", [("10", "count")]),
    ("一千零五件", [("1005", "count")]),
    # ordinals
    ("第二十五届中国专利奖", [("25", "ordinal")]),
    ("第137届广交会", [("137", "ordinal")]),
    ("第二批名录", [("2", "ordinal")]),
    ("第四批典型案例", [("4", "ordinal")]),
    ("位居全国第2", [("2", "ordinal")]),
    ("第十四届全国人大", [("14", "ordinal")]),
    ("二十届历次全会", [("20", "ordinal")]),
    ("党的二十大", [("20", "ordinal")]),
    ("十四五规划", [("14", "ordinal")]),  # the 14th Five-Year Plan: a name, read as its ordinal
    ("“十五五”时期", [("15", "ordinal")]),
    ("十五运会", [("15", "ordinal")]),
    # percent and points
    ("占比44.99%", [("44.99", "percent")]),
    ("提升2.74个百分点", [("2.74", "points")]),
    ("上升1.61个百分点", [("1.61", "points")]),
    ("同比减少8.54%", [("8.54", "percent")]),
    ("结收比106.19%", [("106.19", "percent")]),
    ("占全国的10%", [("10", "percent")]),
    ("三成企业", [("30", "percent")]),
    ("上升0.5個百分點", [("0.5", "points")]),
    # multiples
    ("增长2倍", [("2", "multiple")]),
    ("增长三倍", [("3", "multiple")]),
    # approximations keep the value
    ("1200多个服务点", [("1200", "count")]),
    ("5000余家企业", [("5000", "count")]),
    ("8000余项", [("8000", "count")]),
    ("逾40亿元", [("4000000000", "currency")]),
    ("近300家", [("300", "count")]),
    ("约2万人", [("20000", "count")]),
    ("100场以上", [("100", "count")]),
    ("50人左右", [("50", "count")]),
    ("1万多件", [("10000", "count")]),
    # ranges and years
    ("2025—2026年", [("2025", "year"), ("2026", "year")]),
    ("2021-2035年", [("2021", "year"), ("2035", "year")]),
    ("2023年", [("2023", "year")]),
    ("2024—2025年度", [("2024", "year"), ("2025", "year")]),
    ("每年培训3至5次", [("3", "range"), ("5", "range")]),
    ("10-20家", [("10", "range"), ("20", "range")]),
    # dates and codes
    ("4·26知识产权宣传周", [("426", "date")]),
    ("4•26期间", [("426", "date")]),
    ("12•7大案", [("1207", "date")]),
    ("发布时间:2025-04-24", [("424", "date")]),
    ("2025年4月26日", [("2025", "year"), ("426", "date")]),
    ("4月26日", [("426", "date")]),
    # numerals inside words and names are not quantities
    ("一些地区", []),
    ("统一标准", []),
    ("保持一致", []),
    ("以防万一", []),
    ("一带一路", []),
    ("全国两会", []),
    ("三农工作", []),
    ("第一批试点", []),
    ("进一步加强", []),
    ("一站式服务", []),
    ("一系列举措", []),
    ("唯一一家", []),
    ("国际一流湾区", []),
    ("两岸交流", []),
    ("之一", []),
    ("千家万户", []),
]

EN = [
    # digits with separators
    ("43,200 patents", [("43200", "count")]),
    ("9,555,200 trademarks", [("9555200", "count")]),
    ("120,800 cases", [("120800", "count")]),
    ("1,344 such cases", [("1344", "count")]),
    ("a ratio of 106.19%", [("106.19", "percent")]),
    # scale words and currency
    ("RMB 398.21 billion", [("398210000000", "currency")]),
    ("RMB398.21 billion", [("398210000000", "currency")]),
    ("15.31 million yuan", [("15310000", "currency")]),
    ("RMB 150 million", [("150000000", "currency")]),
    ("1.5 thousand visitors", [("1500", "count")]),
    ("RMB 2.3 trillion", [("2300000000000", "currency")]),
    ("3.2 bn", [("3200000000", "count")]),
    ("45 mn", [("45000000", "count")]),
    ("RMB 1,036 million", [("1036000000", "currency")]),
    ("CNY 5 million", [("5000000", "currency")]),
    ("US$ 20 million", [("20000000", "currency")]),
    ("¥300", [("300", "currency")]),
    ("RMB 345.397 billion", [("345397000000", "currency")]),
    ("69milliondata", [("69000000", "count")]),
    ("over RMB 4 billion", [("4000000000", "currency")]),
    # number words
    ("three cases", [("3", "count")]),
    ("twelve provinces", [("12", "count")]),
    ("twenty-one cities", [("21", "count")]),
    ("a dozen cities", [("12", "count")]),
    ("seven cases", [("7", "count")]),
    ("eleven units", [("11", "count")]),
    ("forty-five experts", [("45", "count")]),
    ("hundred", [("100", "count")]),
    ("one of the best", []),
    # ordinals
    ("the first time", [("1", "ordinal")]),
    ("the 25th China Patent Award", [("25", "ordinal")]),
    ("the 137th and 138th sessions", [("137", "ordinal"), ("138", "ordinal")]),
    ("the 2nd batch", [("2", "ordinal")]),
    ("the 3rd batch", [("3", "ordinal")]),
    ("the second batch", [("2", "ordinal")]),
    ("the twentieth", [("20", "ordinal")]),
    ("ranking 1st", [("1", "ordinal")]),
    # percent and points
    ("44.99%", [("44.99", "percent")]),
    ("30 percent", [("30", "percent")]),
    ("30 per cent", [("30", "percent")]),
    ("2.74 percentage points", [("2.74", "points")]),
    ("1.61 percentage point", [("1.61", "points")]),
    ("0.5 pp", [("0.5", "points")]),
    ("up 8.54 pct", [("8.54", "percent")]),
    # multiples
    ("3 times", [("3", "multiple")]),
    ("a 2-fold rise", [("2", "multiple")]),
    # years, ranges, dates
    ("In 2025, the province", [("2025", "year")]),
    ("2021-2035", [("2021", "year"), ("2035", "year")]),
    ("2025—2026", [("2025", "year"), ("2026", "year")]),
    ("3 to 5 times a year", [("3", "range"), ("5", "multiple")]),
    ("10-20 enterprises", [("10", "range"), ("20", "range")]),
    ("April 26", [("426", "date")]),
    ("26 April", [("426", "date")]),
    ("2025-04-24", [("424", "date")]),
    ("the 4·26 week", [("426", "date")]),
    # lost spaces (PDF extraction)
    ("In2025,guidedbyXi", [("2025", "year")]),
    ("3,989IPcases", [("3989", "count")]),
    ("12gold awards,21silver awards", [("12", "count"), ("21", "count")]),
    ("training?1,530 technology transfer talents", [("1530", "count")]),
    ("Guangdonghasledfornineconsecutiveyearsandforthirteenconsecutiveyearsinterms", [("13", "count")]),
    ("atotalof10cities,21counties,and8 industrialparks", [("10", "count"), ("21", "count"), ("8", "count")]),
    # not quantities
    ("one-stop services", []),
    ("someone often weighs freight", []),
]


@pytest.mark.parametrize("text,expected", ZH, ids=[t for t, _ in ZH])
def test_chinese_forms(text, expected):
    got = [(str(m.value.normalize().to_eng_string() if m.value != m.value.to_integral() else int(m.value)), m.kind)
           for m in zh_numbers(text)]
    assert got == expected


@pytest.mark.parametrize("text,expected", EN, ids=[t for t, _ in EN])
def test_english_forms(text, expected):
    got = [(str(m.value.normalize().to_eng_string() if m.value != m.value.to_integral() else int(m.value)), m.kind)
           for m in en_numbers(text)]
    assert got == expected


@pytest.mark.parametrize("numeral,value", [
    ("三", 3), ("十二", 12), ("二十一", 21), ("两", 2), ("一百二十", 120), ("十万", 100000),
    ("一千零五", 1005), ("一百零八", 108), ("两万三千", 23000), ("三亿", 300000000), ("二〇二五", 2025),
    ("万", 10000), ("十", 10), ("三千零二十", 3020),
])
def test_chinese_numerals(numeral, value):
    assert parse_cn_numeral(numeral) == value


@pytest.mark.parametrize("text,approx", [
    ("超过100家", "over"), ("超100家", "over"), ("逾40亿元", "over"), ("5000余家", "over"), ("1200多个", "over"),
    ("近300家", "nearly"), ("约2万人", "about"), ("100场以上", "over"), ("50人左右", "about"), ("300家", ""),
])
def test_chinese_approximations(text, approx):
    assert zh_numbers(text)[0].approx == approx


@pytest.mark.parametrize("text,approx", [
    ("more than 100 firms", "over"), ("over 1,200 centers", "over"), ("nearly 300 firms", "nearly"),
    ("about 20,000 people", "about"), ("approximately 50 people", "about"), ("almost 90%", "nearly"),
    ("300 firms", ""),
])
def test_english_approximations(text, approx):
    assert en_numbers(text)[0].approx == approx


@pytest.mark.parametrize("text,direction", [
    ("同比增长12.5%", 1), ("上升1.61个百分点", 1), ("提升2.74个百分点", 1), ("提高2.36%", 1),
    ("同比减少8.54%", -1), ("下降5.3%", -1), ("降低3%", -1), ("缩短12%", -1), ("占比44.99%", 0),
])
def test_chinese_direction(text, direction):
    assert zh_numbers(text)[-1].direction == direction


@pytest.mark.parametrize("text,direction", [
    ("an increase of 12.5%", 1), ("up 2.74 percentage points", 1), ("rose by 3%", 1), ("growth of 49.74%", 1),
    ("a decrease of 8.54%", -1), ("down 5.3%", -1), ("fell 3%", -1), ("a decline of 2%", -1),
    ("a share of 44.99%", 0),
])
def test_english_direction(text, direction):
    assert en_numbers(text)[-1].direction == direction


@pytest.mark.parametrize("text,unit", [
    ("26956人次", "人次"), ("5.79万家次", "家次"), ("3批次", "批次"), ("88.5億元", "元"), ("70520件", "件"),
])
def test_chinese_units(text, unit):
    assert zh_numbers(text)[0].unit == unit


@pytest.mark.parametrize("zh,en,same", [
    ("3982.10亿", "398.21 billion", True),
    ("3982.10亿", "398.2 billion", True),  # rounded to the precision shown
    ("3982.10亿", "398 billion", True),
    ("3982.10亿", "39.82 billion", False),
    ("4.32万件", "43,200", True),
    ("4.32万件", "43,000", False),  # a changed digit, unless marked as an approximation
    ("4.32万件", "about 43,000", True),
    ("4.32万件", "43,500", False),
    ("10.36億元", "RMB 1,036 million", True),
    ("12.5%", "12.5%", True),
    ("12.5%", "13%", True),
    ("12.5%", "12.6%", False),
])
def test_rounding_aware_comparison(zh, en, same):
    assert same_value(zh_numbers(zh)[0], en_numbers(en)[0]) is same


@pytest.mark.parametrize("zh,en,k", [
    ("3982.10亿", "39.821 billion", -1),
    ("3982.10亿", "3982.10 billion", 1),
    ("4.32万件", "432,000", 1),
    ("4.32万件", "43.2 million", 3),
    ("4.32万件", "43,500", None),
    ("3982.10亿", "39.82 billion", -1),
])
def test_scale_ratio(zh, en, k):
    assert scale_ratio(zh_numbers(zh)[0], en_numbers(en)[0]) == k


# Whole pairs through the engine: which number rules fire.
PAIRS = [
    ("技术合同成交额3982.10亿元。", "Contracts were worth RMB398.21 billion.", []),
    ("技术合同成交额3982.10亿元。", "Contracts were worth RMB 398.2 billion.", []),
    ("技术合同成交额3982.10亿元。", "Contracts were worth RMB39.821 billion.", ["number-scale"]),
    ("技术合同成交额3982.10亿元。", "Contracts were worth RMB 3982.10 billion.", ["number-scale"]),
    ("技术合同成交额3982.10亿元。", "Contracts were worth RMB 398.21 million.", ["number-scale"]),
    ("新增发明专利4.32万件。", "43,200 invention patents were added.", []),
    ("新增发明专利4.32万件。", "432,000 invention patents were added.", ["number-scale"]),
    ("新增发明专利4.32万件。", "43,500 invention patents were added.", ["number-mismatch"]),
    ("新发行证券化产品25支。", "5 securitization products were issued.", ["number-mismatch"]),
    ("结收比106.19%，同比提高2.36%。", "The ratio was 106.19%, up 2.63% year on year.", ["number-mismatch"]),
    ("新增发明专利4.32万件，商标70.99万件。", "43,200 invention patents were added.", ["number-missing"]),
    ("新增发明专利4.32万件。", "43,200 invention patents, 15% of the total, were added.", ["number-extra"]),
    ("占有率提升2.74个百分点。", "The share rose by 2.74 percentage points.", []),
    ("占有率提升2.74个百分点。", "The share rose by 2.74%.", ["number-percent-point"]),
    ("申请量增长12.5%。", "Applications rose by 12.5 percentage points.", ["number-percent-point"]),
    ("申请量同比增长12.5%。", "Applications fell 12.5% year on year.", ["number-direction"]),
    ("案件同比减少8.54%。", "Cases were up 8.54% year on year.", ["number-direction"]),
    ("案件同比减少8.54%。", "Cases decreased by 8.54% year on year.", []),
    ("批捕1446件2198人，同比分别上升10.3%、13.5%。",
     "1,446 cases involving 2,198 people were approved for arrest, up 10.3% and 13.5% respectively.", []),
    ("批捕1446件2198人，同比分别上升10.3%、13.5%。",
     "1,446 cases involving 2,198 people were approved for arrest, up 13.5% and 10.3% respectively.", ["number-order"]),
    ("批捕1446件2198人，同比分别上升10.3%、13.5%。",
     "2,198 people in 1,446 cases were approved for arrest, up 10.3% and 13.5% respectively.", ["number-order"]),
    ("出动执法人员26956人次。", "26,956 law enforcement officers were deployed.", ["number-unit"]),
    ("出动执法人员26956人次。", "Law enforcement officers were deployed 26,956 person-times.", []),
    ("服务企业超1万家。", "Over 10,000 enterprises were served.", []),
    ("1200多个工作站。", "Over 1,200 workstations.", []),
    ("“深圳—香港—广州”创新集群跃居全球创新百强榜榜首。", "The cluster topped the WIPO Top 100 list.", []),
    ("2025年4·26期间开展活动50场。", "In 2025, 50 events were held around April 26.", []),
    ("连续9年和13年居全国首位。", "It has ranked first for nine and thirteen consecutive years.", []),
]


@pytest.mark.parametrize("zh,en,rules", PAIRS, ids=[f"{n}" for n in range(len(PAIRS))])
def test_number_rules_on_pairs(write, zh, en, rules):
    from qa.config import Profile
    from qa.engine import check
    from qa.load import load

    result = check(load(write("zh.txt", zh), write("en.txt", en)), Profile(select=["NM"]))
    assert sorted(f.rule for f in result.findings) == rules, [f.message for f in result.findings]


def test_figures_only_skips_numerals_and_keeps_every_figure():
    zh = "第十四五规划期间，全省新增发明专利4.32万件，三家单位获奖，增长12.5%。"
    en = "Three units won awards in March 2024; 43,200 invention patents were added, up 12.5 percent."
    for read, text in ((zh_numbers, zh), (en_numbers, en)):
        every = read(text)
        figures = read(text, numerals=False)
        assert all(not m.numeral for m in figures)
        assert any(m.numeral for m in every)
        assert [m for m in every if not m.numeral] == figures


def test_a_month_named_in_lower_case_is_still_a_date():
    # the month-name date pattern is only tried when a month is named: case must not matter
    assert [m.kind for m in en_numbers("signed on march 5 and 2024-01-02")] == ["date", "date"]
