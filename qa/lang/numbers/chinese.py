"""Numbers in Chinese text: figures (4.32万, 3982.10亿元), numerals (三千万元, 一点二亿, 二十多年),
percent and fraction words (百分之三十五, 千分之五, 三分之二, 三成), dates (12月10日, 10月, 26日),
decades (80年代, 六七十年代), with their kind, approximation, direction and unit.

``zh_numbers(norm)`` reads the normalised text of a paragraph (NFKC, simplified; the same
length as the original, so spans quote the original). Passes run from the most specific form
to the least and each marks its characters as taken, so a character is read once.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .model import (
    CENTURY,
    COUNT,
    CURRENCY,
    DATE,
    DAY,
    DECADE,
    FRACTION,
    MONTH,
    MULTIPLE,
    ORDINAL,
    PERCENT,
    POINTS,
    RANGE,
    TIME,
    YEAR,
    Mention,
)
from .reading import Reading

# ---------------------------------------------------------------- numerals

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_CN_CHARS = "零〇一二两兩三四五六七八九十百千万萬亿億"
_CN_DECIMAL = "零〇一二三四五六七八九"


def parse_cn_numeral(s: str) -> int | None:
    """十二 -> 12, 两 -> 2, 一百二十 -> 120, 十万 -> 100000, 五万一千 -> 51000, 二〇二五 -> 2025;
    None if ``s`` is not a well-formed numeral."""
    if not s:
        return None
    total, section, digit = 0, 0, None
    for k, ch in enumerate(s):
        if ch in "零〇" and k and (s[k - 1] in _CN_UNITS or s[k - 1] in _CN_BIG or s[k - 1] in "零〇"):
            continue  # 一千零五: the zero only marks a skipped place
        if ch in _CN_DIGITS:
            if digit is not None:
                return _digitwise(s)  # 二〇二五, read digit by digit
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit if digit is not None else 0
            if not section and not total:
                section = 1  # 万 alone is 10,000
            big = _CN_BIG[ch]
            if total and big > total:
                total = (total + section) * big  # 十万亿: the 万 section is scaled again
            elif total % big == 0 and total and not section:
                total *= big  # 万亿 written as two characters
            else:
                total += section * big
            section, digit = 0, None
        else:
            return None
    if digit is not None and k and s[-2] in _CN_BIG and s[-2] in "万萬亿億" and len(s) >= 2 and "零" not in s[-3:]:
        # 三万五: the digit after a myriad unit is its next place (35,000)
        unit = _CN_BIG[s[-2]] // 10
        return total + section + digit * unit
    if digit is not None and len(s) >= 2 and s[-2] in "百千":
        # 一百五 (150), 三千五 (3,500): the digit after 百 or 千 is its next place
        return total + section + digit * _CN_UNITS[s[-2]] // 10
    return total + section + (digit or 0)


def _digitwise(s: str) -> int | None:
    if all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    return None


def numeral_value(s: str) -> tuple[Decimal, Decimal] | None:
    """Value and step of a numeral that may hold a decimal point: 一点二亿 -> 1.2e8 (step 1e7)."""
    if "点" not in s:
        v = parse_cn_numeral(s)
        return None if v is None else (Decimal(v), Decimal(1))
    whole, _, rest = s.partition("点")
    k = 0
    while k < len(rest) and rest[k] in _CN_DECIMAL:
        k += 1
    frac, scale = rest[:k], rest[k:]
    w = parse_cn_numeral(whole) if whole else 0
    if w is None or not frac:
        return None
    value = Decimal(f"{w}.{''.join(str(_CN_DIGITS[c]) for c in frac)}")
    step = Decimal(1).scaleb(-len(frac))
    for ch in scale:
        if ch not in _CN_BIG:
            return None
        value, step = value * _CN_BIG[ch], step * _CN_BIG[ch]
    return value, step


# ---------------------------------------------------------------- patterns

_NUM = r"(?=\d)(?<![\d.])(?:(?<!\d,)|(?=\d{4}|\d{1,2}(?!\d)))(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?(?!\d)"
_SCALE = {
    "万亿": 12, "萬億": 12, "千亿": 11, "千億": 11, "百亿": 10, "百億": 10, "十亿": 9, "十億": 9, "亿": 8, "億": 8,
    "千万": 7, "千萬": 7, "百万": 6, "百萬": 6, "十万": 5, "十萬": 5, "万": 4, "萬": 4, "千": 3,
}
# 千 alone is a scale (3千件) but not in 千米, 千克, 千瓦 (kilometre, kilogram, kilowatt)
_SCALES = "|".join(w + "(?![米克瓦卡帕])" if w == "千" else w for w in sorted(_SCALE, key=len, reverse=True))
_ARABIC = re.compile(
    _NUM + rf"\s*(多|余|餘|来)?\s*({_SCALES})?(多|余|餘)?"
    r"\s*(%|个百分点|個百分點|百分点|倍|成(?![本果功为立员都])|‰)?"
)
# 2万4801 = 24,801: the figure after a myriad unit is its remainder
_REMAINDER = re.compile(r"(\d{1,4})(?![\d.])(?!\s*[万萬亿億])")

_NUMERAL = f"[{_CN_CHARS}]+(?:点[{_CN_DECIMAL}]+[万萬亿億]*)?"
_NUMERAL_RE = re.compile(rf"(负)?(第)?({_NUMERAL})")
_PERCENT_WORD = re.compile(rf"(负)?(百分之?|千分之|万分之)\s*(\d+(?:\.\d+)?|{_NUMERAL})")
_FRACTION = re.compile(rf"(\d+|[{_CN_CHARS}]+)\s*分之\s*(\d+(?:\.\d+)?|[{_CN_CHARS}]+(?:点[{_CN_DECIMAL}]+)?)")
# 三四个, 七八十人, 五六万: two neighbouring digits are a range of two values
_NEIGHBOURS = re.compile(r"([一两二三四五六七八九])([二两三四五六七八九])([十百千万亿]*)")

_DATE_FULL = re.compile(r"(?=\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?")
_DATE_ISO = re.compile(r"(?=\d)(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DATE_MD = re.compile(r"(?=\d)(?<![\d.])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_DATE_DOT = re.compile(r"(?=\d)(?<![\d.])(\d{1,2})\s*[·•・]\s*(\d{1,2})(?!\d)")
# 十二月十日; lunar dates leave out 日 (农历十一月十一, 正月初一)
_DATE_CN = re.compile(r"(?<![一二三四五六七八九十])(十[一二]?|[一二三四五六七八九])月"
                      r"(?:(初?[一二三四五六七八九十]{1,3})(?:[日号]|(?=[，。,、；;\s的]|$)))?")
_MONTH = re.compile(r"(?=\d)(?<![\d.])(\d{1,2})\s*月(?!\d)")
_DAY = re.compile(r"(?=\d)(?<![\d.])(\d{1,2})\s*[日号](?![本元])")
_TIME = re.compile(
    r"(?:(?:上午|下午|晚上|早上|凌晨|中午|傍晚|晚|早)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[点点时]"
    r"(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*分|半|整)?)"
    r"|(?=\d)(?<![\d.])\d{1,2}\s*[点时]\s*\d{1,2}\s*分"
    r"|(?=\d)(?<![\d.])\d{1,2}\s*时(?!间|期|代|候|刻|速|尚|事|空|效|段)"
)
_YEAR_RANGE = re.compile(r"(?=\d)(?<!\d)(\d{4})\s*[—–\-~至到/]\s*(\d{4}|\d{2})(?![\d%])\s*年?")
_DECADE = re.compile(r"(?:(\d{2})\s*世纪\s*)?(?=\d)(?<![\d.])(\d{2}|\d{4})\s*年代")
_DECADE_CN = re.compile(r"((?:[一二三四五六七八九]、?)+)十\s*年代")
_CENTURY = re.compile(r"(?<![\d.])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*世纪")
_HALF = re.compile(r"一半|半数")
_VAGUE = re.compile(r"(?:数|几|上|成|好)(?=[十百千万亿])")

_APPROX_BEFORE = {"超过": "over", "超": "over", "逾": "over", "多于": "over", "高于": "over", "近": "nearly",
                  "将近": "nearly", "接近": "nearly", "约": "about", "大约": "about", "大概": "about",
                  "不到": "under", "不足": "under", "低于": "under", "少于": "under"}
_APPROX_AFTER_OVER = re.compile(r"(?:[^\d\s，。、；,;]{0,2}以上|余|多|来)")
_APPROX_AFTER_ABOUT = re.compile(r"[^\d\s，。、；,;]{0,2}左右")
_APPROX_AFTER_UNDER = re.compile(r"[^\d\s，。、；,;]{0,2}(?:以下|以内)")
_UP = ("增长", "上升", "提升", "提高", "增加", "增幅", "增速", "上涨", "涨", "增", "多")
_DOWN = ("下降", "减少", "缩短", "降低", "回落", "下滑", "下跌", "跌", "减", "降")

# A numeral in words is a quantity before one of these (a classifier, a unit, a scale).
_CLASSIFIERS = tuple(sorted((
    "个 個 家 项 項 件 名 人 次 批 条 條 种 種 类 類 所 场 場 届 屆 年 部门 部門 部 套 座 支 位 份 本 篇 宗 起 款 台 片 处 處 "
    "省 市 县 縣 区 區 大 中心 项目 期 轮 輪 周 週 天 月 倍 成 亿 億 万 萬 强 強 佳 例 张 張 只 隻 头 頭 匹 辆 輛 架 艘 棵 株 "
    "册 冊 页 頁 章 节 節 课 門 门 道 题 題 首 句 字 元 块 塊 角 毛 米 公里 千米 厘米 毫米 里 斤 公斤 千克 克 吨 噸 升 毫升 "
    "亩 畝 平方 立方 度 岁 歲 小时 小時 分钟 分鐘 秒 星期 季度 间 間 层 層 户 戶 口 队 隊 组 組 遍 回 国 國 城 栋 棟 幢 "
    "杯 瓶 碗 盘 盤 双 雙 对 對 根 枝 把 样 樣 美元 欧元 歐元 英镑 日元 港元 港币 澳门币 卢布 代 辈 輩 员 員 例 口 枚 颗 顆 "
    "粒 滴 声 聲 趟 番 场次 班 届次 期次 人次 家次 批次 级 級 星 秒钟 周年 个月 個月 余年 多年 来年"
).split(), key=len, reverse=True))
_CLASSIFIER_RE = re.compile("|".join(_CLASSIFIERS))
_ZH_UNITS = ("人次", "家次", "批次", "块钱", "元", "块", "件", "人", "家", "项", "項", "宗", "起", "条", "條", "个", "個", "名")
_CURRENCY_UNITS = {"元": "元", "块钱": "元", "美元": "美元", "欧元": "欧元", "英镑": "英镑", "日元": "日元", "港元": "港元"}

# Words whose numerals are not quantities, checked around each numeral read in words.
_IDIOMS = (
    "一些", "统一", "一致", "万一", "一带一路", "十四五", "十五五", "十三五", "十二五", "两会", "三农", "一体",
    "一批", "一流", "唯一", "进一步", "一线", "一站式", "一系列", "一方面", "一起", "一同", "一并", "一般",
    "一定", "一直", "一揽子", "之一", "一举", "一把手", "一网", "一键", "一件事", "一区", "一地", "一次性",
    "双一流", "一中心", "两岸", "两个确立", "两个维护", "三中全会", "二中全会", "四中全会", "五中全会", "六中全会", "全会",
    "一院", "一号", "一窗", "一门", "千万家", "千家万户", "千行百业", "一案", "多措", "十分", "万分", "百姓",
    "千方百计", "万众一心", "一心一意", "三心二意", "四面八方", "五湖四海", "七上八下", "乱七八糟", "一五一十",
    "十全十美", "九死一生", "千军万马", "万无一失", "一模一样", "独一无二", "举一反三", "接二连三", "三番五次",
    "一清二楚", "百花齐放", "百家争鸣", "一干二净", "千千万万", "成千上万", "数以万计", "十之八九", "一点一滴",
    "一点点", "一点儿", "有一点", "一下", "一切", "一旦", "一边", "一面", "一时", "一向", "一度", "一再", "一律",
    "一概", "一味", "一贯", "一样", "一番", "一阵", "一路", "一代", "一手", "一口气", "一头", "一部分", "万物",
    "万象", "万事", "千古", "千秋", "三明治", "一对一", "一带", "一员", "一环", "一心",
    "一点都", "一点也", "一点没", "九州", "五金", "八卦", "三角", "四季", "五官", "六一", "七一", "八一", "五一",
    "十一假期", "十一黄金周", "十一长假", "国庆十一", "一把", "一伙", "一行", "一生", "一辈子", "一家人", "一家子",
    "一流", "一元化", "二维码", "三维", "二手", "一口", "一声", "万岁", "千万别", "千万不", "千万要", "第一时间",
    "一体化", "一窝蜂", "二十国集团", "七国集团", "八国集团", "一览", "一并", "一刀切", "三连冠", "五星",
    "一等", "二等", "三等", "一级", "二级", "三级", "一审", "二审", "一线城市", "二线", "三线", "一年级", "二年级",
)
# Idioms made of numeral characters only (万一, 千千万万): they also end figures (五万一千 = 51,000),
# so they count only where the numeral starts with them.
_NUMERAL_IDIOMS = tuple(i for i in _IDIOMS if all(c in _CN_CHARS for c in i))
_OTHER_IDIOMS = tuple(i for i in _IDIOMS if i not in _NUMERAL_IDIOMS)
_PLAN = re.compile(r"(?<![一二三四五六七八九十])(十[一二三四五六七八九]?)(?:五(?=规划|时期|期间|[”\"’」]|$)|运会|運會)")


def _direction(text: str, start: int) -> int:
    """The change word just before a number: 增长12% -> +1, 下降3.5% -> -1."""
    before = text[max(0, start - 6):start]
    up = max((before.rfind(w) for w in _UP), default=-1)
    down = max((before.rfind(w) for w in _DOWN), default=-1)
    if up < 0 and down < 0:
        return 0
    return 1 if up > down else -1


def _approx(text: str, start: int, end: int, suffix: str | None = None) -> str:
    if suffix:
        return "over"
    before = text[max(0, start - 2):start]
    for w, a in _APPROX_BEFORE.items():
        if before.endswith(w):
            return a
    after = text[end:end + 4]
    if _APPROX_AFTER_OVER.match(after):
        return "over"
    if _APPROX_AFTER_ABOUT.match(after):
        return "about"
    if _APPROX_AFTER_UNDER.match(after):
        return "under"
    return ""


_MEASURE_UNITS = ("平方公里", "平方米", "公斤", "千克", "公里", "千米", "厘米", "毫米", "英里", "英尺", "英寸", "公顷", "斤", "克",
                  "吨", "米", "亩", "里")


def _unit(text: str, end: int) -> str:
    after = text[end:end + 4].lstrip(" 多余餘来几")
    for u in _MEASURE_UNITS:
        if after.startswith(u):
            return u
    for u in _CURRENCY_UNITS:
        if after.startswith(u):
            return _CURRENCY_UNITS[u]
    for u in _ZH_UNITS:
        if after.startswith(u):
            return u
    return ""


def zh_numbers(text: str, numerals: bool = True) -> list[Mention]:
    """Every number of a Chinese text; ``numerals=False`` reads figures only
    (the aligner does not count 一 or 十四五 and skips the cost); it also keeps identifiers (5G, G20),
    which anchor both sides alike."""
    r = Reading(text, "zh", names=numerals)
    _calendar(r)
    if "分" in text:
        _shares(r)
    _figures(r)
    if numerals and any(c in _CN_CHARS for c in text):
        _words(r)
    r.out.sort(key=lambda m: m.start)
    return r.out


def _calendar(r: Reading):
    text = r.text
    if "年" in text or "-" in text or "/" in text or "." in text:
        for m in _DATE_FULL.finditer(text):
            if r.free(*m.span()):
                r.add(m.group(1), YEAR, m.start(1), m.end(1))
                month, day = int(m.group(2)), m.group(3)
                if 1 <= month <= 12:
                    value = month * 100 + int(day) if day else month
                    r.add(value, DATE if day else MONTH, m.start(2), m.end())
        for m in _DATE_ISO.finditer(text):
            if r.free(*m.span()) and 1 <= int(m.group(2)) <= 12:
                r.add(int(m.group(2)) * 100 + int(m.group(3)), DATE, m.start(), m.end())
        for m in _YEAR_RANGE.finditer(text):
            if r.free(*m.span()) and 1000 <= int(m.group(1)) <= 2100:
                end = m.group(2) if len(m.group(2)) == 4 else m.group(1)[:2] + m.group(2)  # 1986-88
                if int(end) > int(m.group(1)):
                    r.add(m.group(1), YEAR, m.start(1), m.end(1))
                    r.add(end, YEAR, m.start(2), m.end(2))
        if "年代" in text:
            for m in _DECADE.finditer(text):
                if r.free(*m.span()):
                    v = int(m.group(2))
                    century = int(m.group(1)) if m.group(1) else 20
                    r.add(v if v >= 100 else (century - 1) * 100 + v if v else century * 100, DECADE,
                          m.start(), m.end())
            for m in _DECADE_CN.finditer(text):
                if r.free(*m.span()):
                    century = _century_before(text, m.start())
                    for k, ch in enumerate(m.group(1)):
                        if ch in _CN_DIGITS:
                            at = m.start(1) + k
                            r.take(Mention(Decimal((century - 1) * 100 + _CN_DIGITS[ch] * 10), DECADE, at, at + 1,
                                           ch, Decimal(1), numeral=True))
                    r.block(m.start(), m.end())
    if "世纪" in text:
        for m in _CENTURY.finditer(text):
            if r.free(*m.span()):
                v = int(m.group(1)) if m.group(1).isdigit() else parse_cn_numeral(m.group(1))
                if v:
                    r.add(v, CENTURY, m.start(), m.end(), numeral=not m.group(1).isdigit())
    if "月" in text or "日" in text or "号" in text:
        for m in _DATE_MD.finditer(text):
            if r.free(*m.span()) and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
                r.add(int(m.group(1)) * 100 + int(m.group(2)), DATE, m.start(), m.end())
        for m in _DATE_CN.finditer(text):
            if r.free(*m.span()):
                month = parse_cn_numeral(m.group(1))
                day = parse_cn_numeral(m.group(2).lstrip("初")) if m.group(2) else None
                if day:
                    r.add(month * 100 + day, DATE, m.start(), m.end(), numeral=True)
                else:
                    r.add(month, MONTH, m.start(), m.end(), numeral=True)
        for m in _MONTH.finditer(text):
            if r.free(*m.span()) and 1 <= int(m.group(1)) <= 12 and text[m.start() - 1:m.start()] != "个":
                r.add(int(m.group(1)), MONTH, m.start(), m.end())
        for m in _DAY.finditer(text):
            if r.free(*m.span()) and 1 <= int(m.group(1)) <= 31 and not _counted_days(text, m.start()):
                r.add(int(m.group(1)), DAY, m.start(), m.end())
    for m in _DATE_DOT.finditer(text):
        if r.free(*m.span()) and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
            r.add(int(m.group(1)) * 100 + int(m.group(2)), DATE, m.start(), m.end())
    for m in _TIME.finditer(text):
        if r.free(*m.span()):
            r.add(0, TIME, m.start(), m.end())


def _counted_days(text: str, start: int) -> bool:
    """连续3日, 每5日: a count of days, not a day of the month."""
    return text[max(0, start - 2):start].endswith(("连续", "每", "近", "个", "共", "用时", "历时"))


def _century_before(text: str, start: int) -> int:
    m = re.search(r"(\d{2}|二十|十九)\s*世纪\s*$", text[max(0, start - 6):start])
    if not m:
        return 20
    return int(m.group(1)) if m.group(1).isdigit() else parse_cn_numeral(m.group(1))


def _figures(r: Reading):
    text = r.text
    for m in _ARABIC.finditer(text):
        if not r.free(*m.span()):
            continue
        whole, frac = m.group(1).replace(",", ""), m.group(2)
        value = Decimal(whole + (frac or ""))
        step = Decimal(1).scaleb(-(len(frac) - 1)) if frac else Decimal(1)
        approx_word, scale, approx_after, suffix = m.group(3), m.group(4), m.group(5), m.group(6)
        end = m.end()
        if scale:
            f = Decimal(10) ** _SCALE[scale]
            value, step = value * f, step * f
            if scale in "万萬亿億" and not frac and not suffix and not approx_after:
                rest = _REMAINDER.match(text, end)
                if rest and len(rest.group(1)) == len(str(f)) - 1:  # 2万4801: four digits after 万
                    value += Decimal(rest.group(1))
                    step = Decimal(1)
                    end = rest.end()
        kind = COUNT
        if suffix in ("%",):
            kind = PERCENT
        elif suffix == "‰":
            kind, value, step = PERCENT, value / 10, step / 10
        elif suffix in ("个百分点", "個百分點", "百分点"):
            kind = POINTS
        elif suffix == "倍":
            kind = MULTIPLE
        elif suffix == "成":
            kind, value, step = PERCENT, value * 10, step * 10
        elif text[end:end + 1] == "年" and not scale and 1000 <= value <= 2100 and not frac:
            kind = YEAR
        elif text[m.start() - 1:m.start()] == "第":
            kind = ORDINAL
        if text[m.start() - 1:m.start()] == "负" or (text[m.start() - 1:m.start()] == "-" and
                                                     not text[m.start() - 2:m.start() - 1].isdigit()):
            value = -value
        unit = _unit(text, end) if kind == COUNT else ""
        if unit in _CURRENCY_UNITS.values():
            kind = CURRENCY
        elif kind == COUNT and _range_end(text, m.start(), end):
            kind = RANGE
        if unit in _MEASURE_UNITS:
            r.block(end, end + len(unit) + 1)  # 3千米: the 千 of a unit is not a numeral
        r.take(Mention(
            value, kind, m.start(), end, text[m.start():end], step,
            approx=_approx(text, m.start(), end, approx_word or approx_after), unit=unit,
            direction=_direction(text, m.start()) if kind in (PERCENT, POINTS, MULTIPLE) else 0,
        ))


_RANGE_DASH = re.compile(r"\s*[-—–~～至到]\s*(?:\d|[一二三四五六七八九十])")
_RANGE_DASH_BEFORE = re.compile(r"(?:\d|[一二三四五六七八九十])\s*[-—–~～至到]\s*$")


def _range_end(text: str, start: int, end: int) -> bool:
    return bool(_RANGE_DASH.match(text, end) or _RANGE_DASH_BEFORE.search(text, max(0, start - 4), start))


def _shares(r: Reading):
    """百分之三十五 = 35%, 千分之五 = 0.5%, 百分之七八十 = 70% to 80%, 百分之12.5; 三分之二."""
    text = r.text
    for m in _PERCENT_WORD.finditer(text):
        if not r.free(*m.span()):
            continue
        body = m.group(3)
        per = {"千分之": Decimal(10), "万分之": Decimal(100)}.get(m.group(2), Decimal(1))
        values = _numerals(body)
        if not values:
            continue
        sign = -1 if m.group(1) else 1
        for value, step in values:
            # 百分之百, 百分二百: "fully", "our very best" as often as a figure
            approx = "vague" if value / per >= 100 else "about" if len(values) > 1 else _approx(text, m.start(), m.end())
            r.out.append(Mention(sign * value / per, PERCENT, m.start(), m.end(), m.group(), step / per, approx=approx,
                                 numeral=not body[0].isdigit(), direction=_direction(text, m.start())))
        r.block(m.start(), m.end())
    for m in _FRACTION.finditer(text):
        if not r.free(*m.span()) or text[m.start() - 1:m.start()] in ("百", "千", "万") or "十之八九" in text[m.start() - 1:m.end() + 2]:
            continue
        den, num = _numerals(m.group(1)), _numerals(m.group(2))
        if len(den) == 1 and len(num) == 1 and den[0][0]:
            value = (num[0][0] / den[0][0]).quantize(Decimal("0.000001"))
            r.add(value, FRACTION, m.start(), m.end(), Decimal("0.000001"), numeral=True)


def _words(r: Reading):
    text = r.text
    for m in _HALF.finditer(text):  # 一半, 半数: a half
        if r.free(*m.span()):
            r.add(Decimal("0.5"), FRACTION, m.start(), m.end(), Decimal("0.000001"), numeral=True)
    for m in _PLAN.finditer(text):  # 十四五 is the 14th Five-Year Plan; 十五运会 the 15th National Games
        if r.free(*m.span()):
            r.add(parse_cn_numeral(m.group(1)), ORDINAL, m.start(), m.end(1), numeral=True)
    for m in _NUMERAL_RE.finditer(text):
        _numeral(r, m)


def _numerals(s: str) -> list[tuple[Decimal, Decimal]]:
    """The value(s) of a numeral or figure: 三十五 -> [35]; 七八十 -> [70, 80]; 12.5 -> [12.5]."""
    if s[0].isdigit():
        frac = s.partition(".")[2]
        return [(Decimal(s), Decimal(1).scaleb(-len(frac)) if frac else Decimal(1))]
    n = _NEIGHBOURS.fullmatch(s)
    if n and _CN_DIGITS[n.group(2)] == _CN_DIGITS[n.group(1)] + 1:
        unit = n.group(3)
        out = []
        for d in (n.group(1), n.group(2)):
            v = numeral_value(d + unit)
            if v:
                out.append(v)
        return out
    v = numeral_value(s)
    return [v] if v else []


def _numeral(r: Reading, m: re.Match):
    text = r.text
    s, e = m.start(3), m.end(3)
    body = m.group(3)
    if not r.free(s, e):
        return
    ordinal = bool(m.group(2))
    if body in ("零", "〇"):
        return
    # 数十, 几百, 上千, 十几: a vague quantity, never reported, but the English may give it
    # as a figure ("up to a thousand yuan" for 上千元)
    vague = bool(s and _VAGUE.match(text, s - 1) and body[0] in "十百千万亿") or text[e:e + 1] == "几"
    after = text[e:e + 4]
    approx_char = after[:1] if after[:1] in "多余来几" else ""
    over = approx_char if approx_char != "几" else ""
    if approx_char and after[1:2] in ("万", "亿") and body[-1] not in "万亿":
        # 一百多万 = over 1,000,000: the scale follows the approximation
        body, e, approx_char = body + after[1:2], e + 2, ""
    classifier = _CLASSIFIER_RE.match(text, e + len(approx_char))
    window = text[max(0, s - 3):e + 3]
    for idiom in _OTHER_IDIOMS:
        if idiom in window and _overlaps(text, idiom, s, e):
            return
    if body.startswith(_NUMERAL_IDIOMS):
        return
    if body in ("百", "千", "万", "萬", "亿", "億") and not (classifier and classifier.group() in ("强", "強", "佳", "元"))\
            and not (s and text[s - 1] in "近约超逾过每"):
        vague = True  # 百年, 万家: "a century", "countless"; but 近千家 (nearly a thousand), 每千字, 万元
    has_unit = any(c in "十百千万萬亿億" for c in body)
    if not (classifier or ordinal or vague or "点" in body
            or (len(body) >= 2 and has_unit and body[0] in _CN_DIGITS | {"十": 0}) or body in ("千亿", "百亿", "万亿")
            or (has_unit and s and text[s - 1] in "近约超逾过每")):
        return
    if body in ("千万", "百万") and not classifier and not (s and text[s - 1] in "近约超逾过每"):
        return  # 千万 alone is "by all means"
    neighbours = _NEIGHBOURS.fullmatch(body)
    values = _numerals(body)
    if not values:
        return
    kind = ORDINAL if ordinal or (classifier and classifier.group() in ("届", "屆", "大", "期", "轮", "輪")) else COUNT
    cls = classifier.group() if classifier else ""
    points = re.match(r"个百分点|個百分點|百分点", text[e:e + 5])
    if points:
        kind = POINTS  # 三个百分点: three percentage points
        r.block(e, e + points.end())
    elif cls == "年" and not neighbours and len(body) == 4 and "十" not in body and 1000 <= values[0][0] <= 2100:
        kind = YEAR  # 二〇二一年
    unit = _unit(text, e)
    start = m.start(2) if ordinal else s
    if m.group(1) and not ordinal:
        start = m.start(1)
    sign = -1 if m.group(1) else 1
    approx = "vague" if vague else "about" if len(values) > 1 else _approx(text, s, e, over or None)
    for value, step in values:
        k = kind
        if cls == "成":
            k, value, step = PERCENT, value * 10, step * 10
        elif cls == "倍":
            k = MULTIPLE
        elif unit in _CURRENCY_UNITS.values():
            k = CURRENCY
        r.out.append(Mention(sign * value, k, start, e, text[start:e], step, approx=approx, unit=unit, numeral=True,
                             direction=_direction(text, s) if k in (PERCENT, POINTS, MULTIPLE) else 0))
    r.block(start, e)


def _overlaps(text: str, word: str, s: int, e: int) -> bool:
    """Does an occurrence of ``word`` overlap text[s:e], starting no later than the numeral? (A
    numeral that starts before the word runs through it: 千万家, countless homes, is not in
    一千万家, ten million firms.)"""
    i = text.find(word, max(0, s - len(word)))
    while i != -1 and i < e:
        if i + len(word) > s and i <= s:
            return True
        i = text.find(word, i + 1)
    return False
