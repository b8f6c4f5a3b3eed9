"""Number mentions in Chinese and English text, as exact values.

``zh_numbers(norm)`` and ``en_numbers(norm)`` read the normalised text of a
paragraph (same length as the original, so spans quote the original) and
return ``Mention`` objects. ``same_value`` compares two mentions with
rounding-aware tolerance: a value matches another shown to a coarser precision.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# ---------------------------------------------------------------- the model

COUNT, CURRENCY, PERCENT, POINTS, ORDINAL, YEAR, DATE, MULTIPLE, RANGE = (
    "count", "currency", "percent", "points", "ordinal", "year", "date", "multiple", "range",
)


@dataclass(frozen=True)
class Mention:
    value: Decimal  # the exact value, scale applied (4.32万 -> 43200)
    kind: str  # count, currency, percent, points, ordinal, year, date, multiple, range
    start: int  # span in the paragraph text
    end: int
    text: str  # the characters of the span
    step: Decimal  # the precision shown: 4.32万 -> 100; 398.2 billion -> 1e8
    approx: str = ""  # "over", "nearly", "about" or ""
    unit: str = ""  # 件, 元, 人次 / RMB, yuan ...
    numeral: bool = False  # written in words (十二, twelve), not digits
    direction: int = 0  # +1 increase, -1 decrease, 0 none (the change word before it)

    @property
    def display(self) -> str:
        return format_value(self.value)


def format_value(v: Decimal) -> str:
    """398210000000 -> '398,210,000,000'; 44.99 -> '44.99'."""
    v = v.normalize()
    if v == v.to_integral_value():
        return f"{int(v):,}"
    s = format(v, "f")
    whole, frac = s.split(".")
    return f"{int(whole):,}.{frac}"


def english_scale(v: Decimal) -> str:
    """43200 -> '43,200'; 398210000000 -> '398.21 billion' (how English reports write it)."""
    for exp, word in ((12, "trillion"), (9, "billion"), (6, "million")):
        if abs(v) >= Decimal(10) ** exp:
            return f"{format_value(v / Decimal(10) ** exp)} {word}"
    return format_value(v)


def comparable(a: Mention, b: Mention) -> bool:
    """Kinds that may translate each other: a percent is never a count."""
    if a.kind in (PERCENT, POINTS) or b.kind in (PERCENT, POINTS):
        return a.kind in (PERCENT, POINTS) and b.kind in (PERCENT, POINTS)
    if DATE in (a.kind, b.kind):
        return a.kind == b.kind
    return True


def same_value(a: Mention, b: Mention) -> bool:
    """Does ``b`` (the translation) render ``a`` (the source)?

    Rounding to the precision ``b`` shows is fine (398.2 billion for
    3982.10亿); digits ``b`` shows beyond that must agree (43,210 is not
    4.32万). An approximate translation of an exact source ("about 43,000")
    may round to its trailing zeros.
    """
    step = b.step if a.approx else _loose_step(b)
    return abs(a.value - b.value) <= step / 2


def _loose_step(m: Mention) -> Decimal:
    if not m.approx or m.value == 0 or m.value != m.value.to_integral_value():
        return m.step
    v, step = int(m.value), 1
    while v % 10 == 0:
        v, step = v // 10, step * 10
    return max(m.step, Decimal(step))


def scale_ratio(a: Mention, b: Mention) -> int | None:
    """The power of ten k with b = a * 10^k (k != 0), or None.

    As in ``same_value``, ``b`` may round to the precision it shows
    (3982.10亿 -> 39.821 billion or 39.82 billion are both x10 slips), but a
    one-digit ``b`` must be exact: 3 is not 279 / 100.
    """
    if a.value == 0 or b.value == 0:
        return None
    exact = len(format(b.value.normalize(), "f").replace(".", "").strip("0")) < 2
    for k in (1, -1, 2, -2, 3, -3, 4, -4, 8, -8):
        scaled = a.value * Decimal(10) ** k
        if scaled == b.value or (not exact and abs(scaled - b.value) <= b.step / 2):
            return k
    return None


# ---------------------------------------------------------------- shared parts

# Each pattern that starts with a digit says so first ("(?=\d)"): the regex engine then
# skips to the digits instead of trying its lookbehinds at every character.
_NUM = r"(?=\d)(?<![\d.])(?<!\d,)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])"


def _decimal(whole: str, frac: str | None) -> tuple[Decimal, Decimal]:
    """Value and step of '1,234' + '.56'."""
    whole = whole.replace(",", "")
    if frac:
        return Decimal(whole + frac), Decimal(1).scaleb(-(len(frac) - 1))
    return Decimal(whole), Decimal(1)


# ---------------------------------------------------------------- Chinese

_ZH_SCALE = {
    "万亿": 12, "萬億": 12, "千亿": 11, "百亿": 10, "亿": 8, "億": 8,
    "千万": 7, "千萬": 7, "百万": 6, "百萬": 6, "十万": 5, "十萬": 5, "万": 4, "萬": 4,
}
_ZH_APPROX_BEFORE = {"超过": "over", "超": "over", "逾": "over", "近": "nearly", "约": "about", "將近": "nearly", "将近": "nearly"}
# After the number, possibly after its classifier: 100场以上, 50人左右.
_ZH_APPROX_AFTER_OVER = re.compile(r"(?:[^\d\s，。、；,;]{0,1}以上|余|多)")
_ZH_APPROX_AFTER_ABOUT = re.compile(r"[^\d\s，。、；,;]{0,1}左右")
_ZH_UP = ("增长", "上升", "提升", "提高", "增加", "增幅", "增速", "多")
_ZH_DOWN = ("下降", "减少", "缩短", "降低", "回落", "下滑", "减")

_ZH_ARABIC = re.compile(
    _NUM
    + r"(多|余|餘)?\s*(万亿|萬億|千亿|百亿|亿|億|千万|千萬|百万|百萬|万|萬)?"
    + r"(多|余|餘)?"
    + r"\s*(%|％|个百分点|個百分點|倍)?"
)
_ZH_DATE = re.compile(r"(?=\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*[·•・]\s*\d{1,2}(?=\D|$)|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日)")
_ZH_YEAR_RANGE = re.compile(r"(?=\d)(\d{4})\s*[—–\-~至到]\s*(\d{4})\s*年?")

_ZH_UNITS = ("人次", "家次", "批次", "人次", "元", "件", "人", "家", "项", "項", "宗", "起", "条", "條", "个", "個", "名")
# The two ends of a range: 3-5, 3至5, 10~20.
_RANGE_DASH = re.compile(r"\s*[-—–~～至到]\s*\d")
_RANGE_DASH_BEFORE = re.compile(r"\d\s*[-—–~～至到]\s*$")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_CN_CHARS = "零〇一二两兩三四五六七八九十百千万萬亿億"
# A Chinese numeral counts only before a classifier; elsewhere (一些, 统一,
# 一带一路, 十四五 ...) it is part of a word or a name.
_CLASSIFIERS = (
    "个|個|家|项|項|件|名|人|次|批|条|條|种|種|类|類|所|场|場|届|屆|年|部门|部門|部|套|座|支|位|份|本|篇|宗|起|款|台|片|处|處|"
    "省|市|县|縣|区|區|大|中心|项目|期|轮|輪|周|週|天|月|倍|成|亿|億|万|萬|强|強|佳"
)
_ZH_NUMERAL = re.compile(
    rf"(第|首)?([{_CN_CHARS}]+)(?=({_CLASSIFIERS}))"
)
_ZH_PLAN = re.compile(r"(?<![一二三四五六七八九十])(十[一二三四五六七八九]?)(?:五(?=规划|时期|期间|[”\"’」]|$)|运会|運會)")
# Words in which numerals are not quantities, checked around each match.
_ZH_IDIOMS = (
    "一些", "统一", "統一", "一致", "万一", "萬一", "一带一路", "一帶一路", "十四五", "十五五", "十三五",
    "两会", "兩會", "三农", "三農", "一体", "一體", "一批", "第一批", "一流", "唯一", "进一步", "進一步",
    "一线", "一線", "一站式", "一系列", "一方面", "一起", "一同", "一并", "一併", "一般", "一定", "一直",
    "一揽子", "一攬子", "之一", "一举", "一舉", "一把手", "一网", "一網", "一键", "一鍵", "一件事",
    "一张", "一張", "一区", "一區", "一地", "一次性", "双一流", "一中心", "两岸", "兩岸", "两个确立",
    "三中全会", "二中全会", "四中全会", "全会", "全會", "一院", "一号", "一號", "一窗", "一门", "一門",
    "千万家", "千家万户", "千行百业", "一案", "多措",
)


def parse_cn_numeral(s: str) -> int | None:
    """十二 -> 12, 两 -> 2, 一百二十 -> 120, 十万 -> 100000; None if not a number."""
    if not s:
        return None
    total, section, digit = 0, 0, None
    for k, ch in enumerate(s):
        if ch in "零〇" and k and (s[k - 1] in _CN_UNITS or s[k - 1] in _CN_BIG):
            continue  # 一千零五: the zero only marks a skipped place
        if ch in _CN_DIGITS:
            if digit is not None and ch not in "零〇":
                # digit strings like 二〇二五 (read digit by digit)
                return _digitwise(s)
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit if digit is not None else (0 if section or total else 1)  # 万 alone is 10,000
            total = (total + section) * _CN_BIG[ch] if total and _CN_BIG[ch] > total else total + section * _CN_BIG[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def _digitwise(s: str) -> int | None:
    if all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    return None


def _zh_direction(text: str, start: int) -> int:
    """The change word just before a number: 增长12% -> +1, 下降3.5% -> -1."""
    before = text[max(0, start - 6):start]
    up = max((before.rfind(w) for w in _ZH_UP), default=-1)
    down = max((before.rfind(w) for w in _ZH_DOWN), default=-1)
    if up < 0 and down < 0:
        return 0
    return 1 if up > down else -1


def _zh_approx(text: str, start: int, end: int, suffix: str | None) -> str:
    if suffix:
        return "over"
    before = text[max(0, start - 2):start]
    for w, a in _ZH_APPROX_BEFORE.items():
        if before.endswith(w):
            return a
    after = text[end:end + 4]
    if _ZH_APPROX_AFTER_OVER.match(after):
        return "over"
    if _ZH_APPROX_AFTER_ABOUT.match(after):
        return "about"
    return ""


def zh_numbers(text: str, numerals: bool = True) -> list[Mention]:
    """Every number of a Chinese text; ``numerals=False`` reads figures only
    (the aligner does not count 一 or 十四五 and skips the cost)."""
    out: list[Mention] = []
    taken = [False] * len(text)

    def take(m: Mention):
        out.append(m)
        for i in range(m.start, m.end):
            taken[i] = True

    for m in _ZH_DATE.finditer(text):
        take(Mention(Decimal(0), DATE, m.start(), m.end(), m.group(), Decimal(1)))
    for m in _ZH_YEAR_RANGE.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        for g in (1, 2):
            v = Decimal(m.group(g))
            take(Mention(v, YEAR, m.start(g), m.end(g), m.group(g), Decimal(1)))
    for m in _ZH_ARABIC.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        value, step = _decimal(m.group(1), m.group(2))
        scale, approx, suffix = m.group(4), m.group(3) or m.group(5), m.group(6)
        kind = COUNT
        if scale:
            f = Decimal(10) ** _ZH_SCALE[scale]
            value, step = value * f, step * f
        if suffix in ("%", "％"):
            kind = PERCENT
        elif suffix in ("个百分点", "個百分點"):
            kind = POINTS
        elif suffix == "倍":
            kind = MULTIPLE
        elif text[m.end():m.end() + 1] == "年" and not scale and 1900 <= value <= 2100 and not m.group(2):
            kind = YEAR
        elif text[m.start() - 1:m.start()] == "第":
            kind = ORDINAL
        unit = ""
        after = text[m.end():m.end() + 2]
        for u in _ZH_UNITS:
            if after.startswith(u):
                unit = u
                break
        if unit == "元" and kind == COUNT:
            kind = CURRENCY
        elif kind == COUNT and (_RANGE_DASH.match(text, m.end()) or _RANGE_DASH_BEFORE.search(text, 0, m.start())):
            kind = RANGE
        take(
            Mention(
                value, kind, m.start(), m.end(), text[m.start():m.end()], step,
                approx=_zh_approx(text, m.start(), m.end(), approx), unit=unit,
                direction=_zh_direction(text, m.start()) if kind in (PERCENT, POINTS, MULTIPLE) else 0,
            )
        )
    if not numerals:
        return sorted(out, key=lambda m: m.start)
    for m in _ZH_PLAN.finditer(text):
        # 十四五 is the 14th Five-Year Plan; 十五运会 the 15th National Games
        if not any(taken[m.start():m.end()]):
            value = parse_cn_numeral(m.group(1))
            take(Mention(Decimal(value), ORDINAL, m.start(), m.end(1), m.group(1), Decimal(1), numeral=True))
    for m in _ZH_NUMERAL.finditer(text):
        s, e = m.start(2), m.end(2)
        if any(taken[s:e]):
            continue
        window = text[max(0, s - 3):e + 3]
        if any(idiom in window and _overlaps(text, idiom, s, e) for idiom in _ZH_IDIOMS):
            continue
        value = parse_cn_numeral(m.group(2))
        if value is None:
            continue
        prefix = m.group(1)
        kind = ORDINAL if prefix or m.group(3) in ("届", "屆", "大", "期", "轮", "輪") else COUNT
        if m.group(3) == "成":
            kind, value = PERCENT, value * 10
        if m.group(3) == "倍":
            kind = MULTIPLE
        start = m.start(1) if prefix else s
        take(Mention(Decimal(value), kind, start, e, text[start:e], Decimal(1), numeral=True))
    out.sort(key=lambda m: m.start)
    return out


def _overlaps(text: str, word: str, s: int, e: int) -> bool:
    """Does an occurrence of ``word`` overlap text[s:e]?"""
    i = text.find(word, max(0, s - len(word)))
    while i != -1 and i < e:
        if i + len(word) > s:
            return True
        i = text.find(word, i + 1)
    return False


# ---------------------------------------------------------------- English

_EN_SCALE = {
    "trillion": 12, "billion": 9, "bn": 9, "million": 6, "mn": 6, "mln": 6, "thousand": 3,
}
_EN_ARABIC = re.compile(
    _NUM
    # No word boundary after the long scale words: text with lost spaces ("69milliondata").
    + r"(?:\s*(trillion|billion|million|thousand|(?:bn|mn|mln)(?![a-z])))?"
    + r"(?:\s*(%|per\s?cent(?:age\s?points?)?|pct|percentage\s?points?|p\.?p\.?(?![a-z])|times|-fold|fold))?"
    + r"(st|nd|rd|th)?",
    re.IGNORECASE,
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_EN_DIGIT_DATES = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*[·•・]\s*\d{1,2}(?=\D|$)"
_EN_DATE = re.compile(
    # The lookahead rejects most positions at once (the month alternation is costly to try everywhere).
    r"(?=[\d" + "".join(sorted({mo[0] for mo in _MONTHS})) + r"])(?:" + _EN_DIGIT_DATES + "|"
    r"(?:" + "|".join(_MONTHS) + r")\s+\d{1,2}(?:st|nd|rd|th)?(?=\D|$)|"
    r"\d{1,2}\s+(?:" + "|".join(_MONTHS) + r"))",
    re.IGNORECASE,
)
# Most paragraphs name no month: the digit-only forms are then all there is to look for.
_EN_DATE_DIGITS = re.compile(r"(?=\d)(?:" + _EN_DIGIT_DATES + ")")
_MONTHS_LOWER = tuple(mo.lower() for mo in _MONTHS)
_EN_YEAR_RANGE = re.compile(r"(?=\d)(?<!\d)(\d{4})\s*[—–\-~]\s*(\d{4})(?!\d)")
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "double": 2, "twice": 2,
}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
}
_EN_WORD = re.compile(
    r"\b(?=[" + "".join(sorted({w[0] for w in list(_WORDS) + list(_ORDINAL_WORDS)})) + r"])"
    r"(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?("
    + "|".join(sorted(list(_WORDS) + list(_ORDINAL_WORDS), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_EN_APPROX = (
    ("more than", "over"), ("over", "over"), ("above", "over"), ("exceeding", "over"), ("nearly", "nearly"),
    ("almost", "nearly"), ("close to", "nearly"), ("about", "about"), ("approximately", "about"),
    ("around", "about"), ("some", "about"), ("roughly", "about"),
)
_EN_CURRENCY_BEFORE = re.compile(r"(RMB|CNY|US\$|HK\$|¥|\$)\s*$", re.IGNORECASE)
_EN_YUAN_AFTER = re.compile(r"\s*(?:yuan|RMB)\b", re.IGNORECASE)
_EN_RANGE_AFTER = re.compile(r"\s*(?:[-—–~]|to)\s*\d")
_EN_RANGE_BEFORE = re.compile(r"\d\s*(?:[-—–~]|to)\s*$")
# Number words that can be read inside text whose spaces were lost
# ("fornineconsecutiveyears"): long enough not to hide in other words
# (not "ten" of "often", "eight" of "weight", "one" of "someone").
_EN_WORD_GLUED = re.compile(
    r"(?<=[a-z])(thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?=[a-z])"
)


def _lost_spaces(text: str) -> bool:
    """A paragraph whose word spaces were lost in PDF extraction."""
    return len(text) > 40 and text.count(" ") < len(text) / 25


_EN_UP = ("increase", "up", "rose", "rise", "grew", "growth", "higher", "increased", "rising", "gain", "surge")
_EN_DOWN = ("decrease", "down", "fell", "fall", "decline", "declined", "lower", "drop", "dropped", "reduction",
            "reduced", "shortened", "decreased", "falling")
_EN_UP_RE = re.compile(r"(?:" + "|".join(_EN_UP) + r")", re.IGNORECASE)
_EN_DOWN_RE = re.compile(r"(?:" + "|".join(_EN_DOWN) + r")", re.IGNORECASE)


def _en_direction(text: str, start: int) -> int:
    before = text[max(0, start - 40):start].lower()
    up = max((m.end() for m in _EN_UP_RE.finditer(before)), default=-1)
    down = max((m.end() for m in _EN_DOWN_RE.finditer(before)), default=-1)
    if up < 0 and down < 0:
        return 0
    return 1 if up > down else -1


def _en_approx(text: str, start: int) -> str:
    before = text[max(0, start - 16):start].lower().rstrip()
    for w, a in _EN_APPROX:
        if before.endswith(w) or before.replace(" ", "").endswith(w.replace(" ", "")):
            return a
    return ""


def en_numbers(text: str, numerals: bool = True) -> list[Mention]:
    """Every number of an English text; ``numerals=False`` reads figures only."""
    out: list[Mention] = []
    taken = [False] * len(text)

    def take(m: Mention):
        out.append(m)
        for i in range(m.start, m.end):
            taken[i] = True

    lower = text.lower()
    dates = _EN_DATE if any(mo in lower for mo in _MONTHS_LOWER) else _EN_DATE_DIGITS
    for m in dates.finditer(text):
        take(Mention(Decimal(0), DATE, m.start(), m.end(), m.group(), Decimal(1)))
    for m in _EN_YEAR_RANGE.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        for g in (1, 2):
            take(Mention(Decimal(m.group(g)), YEAR, m.start(g), m.end(g), m.group(g), Decimal(1)))
    for m in _EN_ARABIC.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        value, step = _decimal(m.group(1), m.group(2))
        scale, suffix, ordinal = m.group(3), (m.group(4) or "").lower().replace(" ", ""), m.group(5)
        if scale:
            f = Decimal(10) ** _EN_SCALE[scale.lower()]
            value, step = value * f, step * f
        kind = COUNT
        if suffix in ("%", "percent", "pct", "percent", "percentage") or suffix.startswith("percent") and "point" not in suffix:
            kind = PERCENT
        elif "point" in suffix or suffix.startswith("p"):
            kind = POINTS
        elif suffix in ("times", "-fold", "fold"):
            kind = MULTIPLE
        elif ordinal:
            kind = ORDINAL
        elif not scale and not m.group(2) and 1900 <= value <= 2100 and "," not in m.group(1):
            kind = YEAR
        end = m.end()
        unit = ""
        cur = _EN_CURRENCY_BEFORE.search(text, max(0, m.start() - 5), m.start())
        if cur:
            unit = cur.group(1).upper().replace("¥", "RMB").replace("CNY", "RMB")
        elif _EN_YUAN_AFTER.match(text, end):
            unit = "yuan"
        if kind == COUNT and unit:
            kind = CURRENCY
        elif kind == COUNT and (_EN_RANGE_AFTER.match(text, end) or _EN_RANGE_BEFORE.search(text, max(0, m.start() - 6), m.start())):
            kind = RANGE
        take(
            Mention(
                value, kind, m.start(), end, text[m.start():end], step,
                approx=_en_approx(text, m.start()), unit=unit,
                direction=_en_direction(text, m.start()) if kind in (PERCENT, POINTS, MULTIPLE) else 0,
            )
        )
    if not numerals:
        return sorted(out, key=lambda m: m.start)
    for m in _EN_WORD.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        word = m.group(2).lower()
        tens = _WORDS.get((m.group(1) or "").lower(), 0)
        if word in _ORDINAL_WORDS:
            value, kind = tens + _ORDINAL_WORDS[word], ORDINAL
        else:
            value, kind = tens + _WORDS[word], COUNT
        if word == "one" and not tens:
            continue  # "one of", "one-stop": too often not a quantity
        if word == "second" and text[m.end():m.end() + 1] == "-":
            continue
        take(Mention(Decimal(value), kind, m.start(), m.end(), m.group(), Decimal(1), numeral=True))
    if _lost_spaces(text):
        for m in _EN_WORD_GLUED.finditer(text):
            if not any(taken[m.start():m.end()]):
                take(Mention(Decimal(_WORDS[m.group(1)]), COUNT, m.start(), m.end(), m.group(), Decimal(1), numeral=True))
    out.sort(key=lambda m: m.start)
    return out
