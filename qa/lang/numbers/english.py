"""Numbers in English text: figures with scale words and currencies (RMB398.21 billion, 15.31 million
yuan), number words ("fourteen billion", "half a million", "twenty-one"), percent and points, fractions
("two-thirds", "a quarter", "one in five"), ordinals, dates ("December 10", "10 December 2021"),
decades (the 1980s), years, with their kind, approximation, direction and unit.

``en_numbers(norm)`` reads the normalised text of a paragraph; spans index the original. Passes
run from the most specific form to the least and each marks its characters as taken.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .model import (
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

_NUM = r"(?=\d)(?<![\d.])(?<!\d,)(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?(?![\d])"
_SCALE = {"trillion": 12, "billion": 9, "bn": 9, "million": 6, "mn": 6, "mln": 6, "thousand": 3}
_ARABIC = re.compile(
    _NUM
    # No word boundary after the long scale words: text with lost spaces ("69milliondata").
    + r"(?:\s*(trillion|billion|million|thousand|(?:bn|mn|mln)(?![a-z])))?"
    + r"(?:\s*(%|per\s?cent(?:age\s?points?)?|pct|percentage\s?points?|p\.?p\.?(?![a-z])|times|-fold|fold))?"
    + r"(st|nd|rd|th)?",
    re.IGNORECASE,
)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_NUMBER = {m: k + 1 for k, m in enumerate(_MONTHS)}
_MONTH_NUMBER.update({m[:3]: k + 1 for k, m in enumerate(_MONTHS)})
_MONTH_NUMBER["sept"] = 9
_MONTH_RE = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
            r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_DATE_MD = re.compile(r"(?=[JFMASONDjfmasond])" + _MONTH_RE + r"\s+" + _DAY_RE + r"(?:\s*(?:-|–|—|to|and|through)\s*" + _DAY_RE + r")?"
                      r"(?:,?\s+(\d{4})(?!\d))?", re.IGNORECASE)
_DATE_DM = re.compile(r"(?=\d)(?<![\d.])" + _DAY_RE + r"\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+(\d{4})(?!\d))?",
                      re.IGNORECASE)
_MONTH_YEAR = re.compile(r"(?=[JFMASONDjfmasond])" + _MONTH_RE + r",?\s+(\d{4})(?!\d)")
_ANY_MONTH = re.compile(r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_DATE_ISO = re.compile(r"(?=\d)(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DATE_DOT = re.compile(r"(?=\d)(?<![\d.])(\d{1,2})\s*[·•・]\s*(\d{1,2})(?!\d)")
_YEAR_RANGE = re.compile(r"(?=\d)(?<![\d.])(\d{4})\s*[—–\-~/]\s*(\d{4}|\d{2})(?![\d%])")
_DECADE = re.compile(r"(?=['\d])(?<![\d.])'?(\d{2}|\d{4})'?s\b")
_TIME = re.compile(r"(?=\d)(?<![\d.])\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|noon|mid-?day|midnight|"
                   r"GMT|UTC|BST|EST|ET\b|PT\b)|(?=\d)(?<![\d.])\d{1,2}[:.]\d{2}\s*(?:hours|hrs)\b", re.IGNORECASE)

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_BIG = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
    "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                 "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_NUMBER_WORD = set(_UNITS) | set(_TENS) | set(_BIG) | {"hundred", "dozen"} | set(_ORDINALS)
_TOKEN = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")
_DECADES_AFTER = re.compile(r"\s+decades?\b")
_SHORT_SCALE = re.compile(r"(m|bn|k)\b", re.IGNORECASE)
_SHORT_K = re.compile(r"(k)\b", re.IGNORECASE)
_FRACTION_WORDS = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b"
    r"(?![\s-]+(?:of\s+an?\s+)?(?:hour|mile|century|inch|century|season|final))",
    re.IGNORECASE,
)
_SCALED_FRACTION = re.compile(
    r"\b(?:(half)\s+(?:a|one)|(a|one)\s+(quarter|third)\s+of\s+(?:a|one)|(one|\d+)\s+and\s+a\s+(half))\s+"
    r"(million|billion|trillion|thousand)\b",
    re.IGNORECASE,
)
_ONE_IN = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|\d{1,3})[\s-]+(?:in|out\s+of)[\s-]+(every\s+)?"
    r"(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|a\s+hundred|\d{1,4})\b",
    re.IGNORECASE,
)
_CENTENARY = re.compile(r"\bcentenary|centennial|hundredth anniversary\b", re.IGNORECASE)
_HALF = re.compile(r"\bhalf(?:way)?\b(?![- ](?:an?\s+)?(?:hour|time|way|century|year|day|month|mile|dozen|past|-))",
                   re.IGNORECASE)
_DECADE_WORDS = re.compile(r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d{1,2}|the|this|last|past"
                           r"|next)\s+decades?\b", re.IGNORECASE)
_VAGUE = re.compile(
    r"\b(?:(?:tens|hundreds|thousands|millions|billions|dozens|scores)(?:\s+(?:and|or)\s+\w+)?"
    r"(?:\s+of\s+(?:thousands|millions|billions))?\s+of|a\s+few\s+(?:hundred|thousand|million|billion)|"
    r"several\s+(?:hundred|thousand|million|billion|dozen)|(?:hundreds|thousands|millions|billions|dozens)\b)",
    re.IGNORECASE,
)
_VAGUE_SIZE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "hundred": 100, "thousands": 1000,
               "thousand": 1000, "millions": 10**6, "million": 10**6, "billions": 10**9, "billion": 10**9}
_APPROX = (
    ("more than", "over"), ("over", "over"), ("above", "over"), ("exceeding", "over"), ("upwards of", "over"),
    ("in excess of", "over"), ("nearly", "nearly"), ("almost", "nearly"), ("close to", "nearly"),
    ("about", "about"), ("approximately", "about"), ("around", "about"), ("some", "about"), ("roughly", "about"),
    ("an estimated", "about"), ("less than", "under"), ("fewer than", "under"), ("under", "under"),
    ("below", "under"), ("up to", "under"),
)
_CURRENCY_BEFORE = re.compile(r"(RMB|CNY|US\$|HK\$|USD|HKD|EUR|¥|\$|€|£)\s*$", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"\s*(?:yuan|RMB|dollars?|euros?|pounds?|yen|won|rupees?|roubles?)\b", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:[-—–~]|to)\s*\d")
_RANGE_BEFORE = re.compile(r"\d\s*(?:[-—–~]|to)\s*$")
# "60 or 65 percent", "between 5 and 10%": the unit after the last figure is the unit of each
_LIST_JOIN = re.compile(r"\s*(?:,|or|and|to|-|–|—|~)\s*")
# Number words inside text whose spaces were lost ("fornineconsecutiveyears"): only the long
# ones, which do not hide in other words (not "ten" of "often", "one" of "someone").
_WORD_GLUED = re.compile(
    r"(?<=[a-z])(thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)(?=[a-z\s])"
)
_UP = ("increase", "up", "rose", "rise", "grew", "growth", "higher", "increased", "rising", "gain", "surge",
       "jumped", "climbed", "expanded")
_DOWN = ("decrease", "down", "fell", "fall", "decline", "declined", "lower", "drop", "dropped", "reduction",
         "reduced", "shortened", "decreased", "falling", "slid", "shrank", "contracted", "cut")
_UP_RE = re.compile(r"\b(?:" + "|".join(_UP) + r")", re.IGNORECASE)
_DOWN_RE = re.compile(r"\b(?:" + "|".join(_DOWN) + r")", re.IGNORECASE)


def lost_spaces(text: str) -> bool:
    """A paragraph whose word spaces were lost in PDF extraction."""
    return len(text) > 40 and text.count(" ") < len(text) / 25


def _direction(text: str, start: int) -> int:
    before = text[max(0, start - 40):start]
    up = max((m.end() for m in _UP_RE.finditer(before)), default=-1)
    down = max((m.end() for m in _DOWN_RE.finditer(before)), default=-1)
    if up < 0 and down < 0:
        return 0
    return 1 if up > down else -1


_APPROX_WORD = {w: a for w, a in _APPROX}
_APPROX_BEFORE = re.compile(
    r"(?<![a-z])(" + "|".join(sorted(_APPROX_WORD, key=len, reverse=True)) + r")\s*(?:rmb|us\$|\$|£|€)?\s*$")
_APPROX_GLUED = re.compile(
    r"(" + "|".join(sorted((w.replace(" ", "") for w in _APPROX_WORD), key=len, reverse=True)) + r")(?:rmb|\$)?$")


def _approx(text: str, start: int, glued: bool = False) -> str:
    before = text[max(0, start - 16):start].lower()
    m = _APPROX_BEFORE.search(before)
    if m:
        return _APPROX_WORD[m.group(1)]
    if glued:  # spaces lost: "morethan1,000"
        m = _APPROX_GLUED.search(before.replace(" ", ""))
        if m:
            return next(a for w, a in _APPROX if w.replace(" ", "") == m.group(1))
    return ""


class _Reader(Reading):
    """An English reading: also whether the text has digits, and whether its spaces were lost."""

    def __init__(self, text: str, names: bool = True):
        super().__init__(text, "en", names)
        self.digits = bool(_DIGIT.search(text))
        self.glued = lost_spaces(text)


def en_numbers(text: str, numerals: bool = True) -> list[Mention]:
    """Every number of an English text; ``numerals=False`` reads figures only, identifiers (5G, G20)
    included: the aligner's quick reading, where they anchor both sides alike."""
    r = _Reader(text, names=numerals)
    _calendar(r)
    if numerals:
        _one_in(r)
    _figures(r)
    if numerals:
        _words(r)
    r.out.sort(key=lambda m: m.start)
    _shared_units(r.out, text)
    return r.out


def _calendar(r: _Reader):
    text = r.text
    if r.digits and _ANY_MONTH.search(text):
        for m in _DATE_MD.finditer(text):
            month = _MONTH_NUMBER.get(m.group(1).lower().rstrip("."))
            if not r.free(*m.span()) or not month or not 1 <= int(m.group(2)) <= 31 or m.group(1) == "may":
                continue  # "may" in lower case is the verb
            r.add(month * 100 + int(m.group(2)), DATE, m.start(), m.end(2))
            if m.group(3):
                r.add(int(m.group(3)), DAY, m.start(3), m.end(3))
            if m.group(4):
                r.add(m.group(4), YEAR, m.start(4), m.end(4))
        for m in _DATE_DM.finditer(text):
            month = _MONTH_NUMBER.get(m.group(2).lower().rstrip("."))
            if r.free(*m.span()) and month and 1 <= int(m.group(1)) <= 31:
                r.add(month * 100 + int(m.group(1)), DATE, m.start(), m.end(2))
                if m.group(3):
                    r.add(m.group(3), YEAR, m.start(3), m.end(3))
        for m in _MONTH_YEAR.finditer(text):
            month = _MONTH_NUMBER.get(m.group(1).lower().rstrip("."))
            if r.free(*m.span()) and month:
                r.add(month, MONTH, m.start(1), m.end(1))
                r.add(m.group(2), YEAR, m.start(2), m.end(2))
    if not r.digits:
        return
    for m in _DATE_ISO.finditer(text):
        if r.free(*m.span()) and 1 <= int(m.group(2)) <= 12:
            r.add(int(m.group(2)) * 100 + int(m.group(3)), DATE, m.start(), m.end())
    for m in _DATE_DOT.finditer(text):
        if r.free(*m.span()) and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
            r.add(int(m.group(1)) * 100 + int(m.group(2)), DATE, m.start(), m.end())
    for m in _YEAR_RANGE.finditer(text):
        if r.free(*m.span()) and 1000 <= int(m.group(1)) <= 2100:
            end = m.group(2)
            if len(end) == 2:
                end = m.group(1)[:2] + end
            if int(end) > int(m.group(1)):
                r.add(m.group(1), YEAR, m.start(1), m.end(1))
                r.add(end, YEAR, m.start(2), m.end(2))
    for m in _DECADE.finditer(text):
        if r.free(*m.span()):
            v = int(m.group(1))
            if v < 100 and v % 10 == 0:
                v += 1900 if v >= 30 else 2000
            if v % 10 == 0:
                r.add(v, DECADE, m.start(), m.end())
    for m in _TIME.finditer(text):
        if r.free(*m.span()):
            r.add(0, TIME, m.start(), m.end())


def _figures(r: _Reader):
    text = r.text
    if not r.digits:
        return
    for m in _ARABIC.finditer(text):
        if not r.free(*m.span()):
            continue
        whole, frac = m.group(1).replace(",", ""), m.group(2)
        value = Decimal(whole + (frac or ""))
        step = Decimal(1).scaleb(-(len(frac) - 1)) if frac else Decimal(1)
        scale, suffix, ordinal = m.group(3), (m.group(4) or "").lower().replace(" ", ""), m.group(5)
        if scale:
            f = Decimal(10) ** _SCALE[scale.lower()]
            value, step = value * f, step * f
        kind = COUNT
        if suffix in ("%", "pct") or suffix.startswith("percent") and "point" not in suffix:
            kind = PERCENT
        elif "point" in suffix or suffix.startswith("p"):
            kind = POINTS
        elif suffix in ("times", "-fold", "fold"):
            kind = MULTIPLE
        elif ordinal:
            kind = ORDINAL
        elif not scale and not frac and 1000 <= value <= 2100 and "," not in m.group(1):
            kind = YEAR
        end = m.end()
        decades = _DECADES_AFTER.match(text, end) if not scale and not suffix else None
        cur = _CURRENCY_BEFORE.search(text, max(0, m.start() - 5), m.start())
        unit = ""
        if cur:
            unit = cur.group(1).upper().replace("¥", "RMB").replace("CNY", "RMB")
        else:
            unit = _unit_after(text, end)
        if not scale and not suffix and not ordinal and unit not in _MEASURE_SYMBOL:  # £75m, $2bn, 5K a day
            short = (_SHORT_SCALE if unit else _SHORT_K).match(text, end)
            if short:
                f = Decimal(10) ** {"m": 6, "bn": 9, "k": 3}[short.group(1).lower()]
                value, step, end = value * f, step * f, short.end()
                kind = COUNT
        if kind in (COUNT, YEAR) and unit and unit not in _MEASURE_SYMBOL:
            kind = CURRENCY
        elif kind == YEAR and unit:
            kind = COUNT
        elif decades:  # 6 decades = 60 years
            value, end, unit, kind = value * 10, decades.end(), "years", COUNT
        elif kind == COUNT and (_RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(text, max(0, m.start() - 6), m.start())):
            kind = RANGE
        if text[m.start() - 1:m.start()] in ("-", "−") and m.start() > 0 and text[m.start() - 2:m.start() - 1] in (" ", "(", ""):
            value = -value
        r.add(value, kind, m.start(), end, step, approx=_approx(text, m.start(), r.glued), unit=unit,
              direction=_direction(text, m.start()) if kind in (PERCENT, POINTS, MULTIPLE) else 0)


def _one_in(r: _Reader):
    """one in five, 3 in 10, four-in-ten, one out of every five: a proportion."""
    text = r.text
    if " in " not in text and "-in-" not in text and "out of" not in text:
        return
    for m in _ONE_IN.finditer(text):
        if r.free(*m.span()):
            num, den = _word_or_digit(m.group(1)), _word_or_digit(m.group(3).split()[-1])
            if den and num < den:
                r.add((num / den).quantize(Decimal("0.000001")), FRACTION, m.start(), m.end(),
                      Decimal("0.000001"), numeral=True)


def _words(r: _Reader):
    text = r.text
    if lost_spaces(text):
        for m in _WORD_GLUED.finditer(text):
            if r.free(m.start(), m.end()):
                value = _UNITS.get(m.group(1)) or _TENS.get(m.group(1)) or {"hundred": 100, "thousand": 1000}[m.group(1)]
                r.add(value, COUNT, m.start(), m.end(), numeral=True)
    lower = text.lower()
    for m in _VAGUE.finditer(text) if _has(lower, _VAGUE_HINTS) else ():  # hundreds of, dozens: a size
        words = m.group().lower().split()
        sizes = [_VAGUE_SIZE[w] for w in words if w in _VAGUE_SIZE]
        value = sizes[0] * (sizes[1] if len(sizes) > 1 and sizes[1] > sizes[0] else 1) if sizes else 0
        if value:
            r.add(value, COUNT, m.start(), m.end(), numeral=True, approx="vague")
        else:
            r.block(m.start(), m.end())
    for m in _SCALED_FRACTION.finditer(text) if _has(lower, ("half", "quarter", "third")) else ():
        if r.free(*m.span()):
            if m.group(1):
                value = Decimal("0.5")
            elif m.group(3):
                value = Decimal(1) / (4 if m.group(3).lower() == "quarter" else 3)
            else:
                value = _word_or_digit(m.group(4)) + Decimal("0.5")
            f = Decimal(10) ** _SCALE[m.group(6).lower()]
            r.add((value * f).to_integral_value(), COUNT, m.start(), m.end(), f / 10, numeral=True,
                  approx=_approx(text, m.start(), r.glued), unit=_unit_after(text, m.end()))
    for m in _FRACTION_WORDS.finditer(text) if _has(lower, _FRACTION_HINTS) else ():
        if r.free(*m.span()):
            num = 1 if m.group(1).lower() in ("a", "an") else _UNITS[m.group(1).lower()]
            den = _DENOMINATORS[m.group(2).lower()]
            if num < den:
                r.add((Decimal(num) / den).quantize(Decimal("0.000001")), FRACTION, m.start(), m.end(),
                      Decimal("0.000001"), numeral=True)
    for m in _CENTENARY.finditer(text) if _has(lower, ("centen", "hundredth")) else ():  # 一百周年
        if r.free(*m.span()):
            r.add(100, COUNT, m.start(), m.end(), numeral=True)
    for m in _HALF.finditer(text) if "half" in lower else ():  # "more than half of", "half her life"
        if r.free(*m.span()):
            r.add(Decimal("0.5"), FRACTION, m.start(), m.end(), Decimal("0.000001"), numeral=True)
    for m in _DECADE_WORDS.finditer(text) if "decade" in lower else ():
        if r.free(*m.span()) and m.group(1).lower() != "several":
            w = m.group(1).lower()
            n = int(w) if w.isdigit() else _UNITS.get(w, 1)
            r.add(n * 10, COUNT, m.start(), m.end(), numeral=True, unit="years", approx=_approx(text, m.start(), r.glued))
    if _NUMBER_WORD.isdisjoint(_TOKEN.findall(lower)):
        return
    taken = r.taken
    tokens = [t for t in _TOKEN.finditer(text) if not taken[t.start()] and not taken[t.end() - 1]]
    k = 0
    while k < len(tokens):
        w = tokens[k].group().lower()
        k = _word_run(r, tokens, k) if w in _NUMBER_WORD or w in ("a", "an") else k + 1


_VAGUE_HINTS = ("tens", "dozens", "scores", "hundred", "thousand", "million", "billion", "several", "few")
_FRACTION_HINTS = ("half", "halves", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                   "tenth")


def _has(lower: str, hints) -> bool:
    return any(h in lower for h in hints)


def _word_or_digit(w: str) -> Decimal:
    w = w.lower()
    if w.isdigit():
        return Decimal(w)
    return Decimal(_UNITS.get(w) or _TENS.get(w) or (100 if w == "hundred" else 0))


_MEASURE_AFTER = re.compile(
    r"\s*(?:(kg|kilograms?|kilos?)|(g|grams?)|(tons?|tonnes?|t)|(lbs?|pounds?(?!\s+sterling))|(km|kilomet(?:er|re)s?)|"
    r"(m|met(?:er|re)s?)|(cm|centimet(?:er|re)s?)|(mm|millimet(?:er|re)s?)|(mi|miles?)|(ft|feet|foot)|(in|inch(?:es)?)|"
    r"(ha|hectares?)|(acres?)|(km2|square kilomet(?:er|re)s?)|(m2|square met(?:er|re)s?))\b(?![-'])",
)
_MEASURE_SYMBOL = ("kg", "g", "t", "lb", "km", "m", "cm", "mm", "mi", "ft", "in", "ha", "acre", "km2", "m2")


def _unit_after(text: str, end: int) -> str:
    m = _CURRENCY_AFTER.match(text, end)
    if m:
        return m.group().strip().lower()
    m = _MEASURE_AFTER.match(text, end)
    if m and not (m.lastindex in (11,) and not text[m.start():m.end()].strip() == "inches"):
        return _MEASURE_SYMBOL[m.lastindex - 1]
    return ""


def _word_run(r: _Reader, tokens: list[re.Match], k: int) -> int:
    """Read the number spelled from tokens[k] on ("twenty-one", "fourteen billion", "a hundred and five");
    return the index of the first token after it."""
    text = r.text
    t = tokens[k]
    w = t.group().lower()
    if w in ("a", "an") and k + 1 < len(tokens) and _glued(text, t, tokens[k + 1]):
        nxt = tokens[k + 1].group().lower()
        if nxt in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
            w = "one"  # a hundred, a million, a dozen
        else:
            return k + 1
    if w not in _NUMBER_WORD:
        return k + 1
    if w in _ORDINALS:
        if not (w == "second" and text[t.end():t.end() + 1] == "-"):  # second-hand, second-largest
            r.add(_ORDINALS[w], ORDINAL, t.start(), t.end(), numeral=True)
        return k + 1
    total, current, last, j = 0, 0, None, k
    start, end = t.start(), t.end()
    dozen = False
    while j < len(tokens):
        tok = tokens[j]
        word = tok.group().lower()
        if j > k and not _glued(text, tokens[j - 1], tok):
            break
        if j == k and word in ("a", "an"):
            word = "one"
        if word == "and" and j > k and last in ("hundred", "big") and j + 1 < len(tokens) \
                and tokens[j + 1].group().lower() in set(_UNITS) | set(_TENS):
            j += 1
            continue
        if word in _UNITS:
            if last in ("unit",) or (last == "tens" and _UNITS[word] >= 10) or (last == "tens" and _UNITS[word] == 0):
                break
            current += _UNITS[word]
            last = "unit"
        elif word in _TENS:
            if last in ("unit", "tens"):
                break
            current += _TENS[word]
            last = "tens"
        elif word in _ORDINALS and last == "tens" and _glued(text, tokens[j - 1], tok, hyphen=True):
            r.add(current + _ORDINALS[word], ORDINAL, start, tok.end(), numeral=True)
            return j + 1
        elif word == "hundred":
            if last == "hundred":
                break
            current = (current or 1) * 100
            last = "hundred"
        elif word in _BIG:
            if last == "big" and _BIG[word] >= 1000 and total and total < _BIG[word]:
                break
            total += (current or 1) * _BIG[word]
            current = 0
            last = "big"
        elif word == "dozen":
            if last not in (None, "unit"):
                break
            current = (current or 1) * 12
            dozen = True
            last = "dozen"
        else:
            break
        end = tok.end()
        j += 1
    if j == k:
        return k + 1
    value = total + current
    if text[start:end].lower() in ("one",) or value == 0 and text[start:end].lower() != "zero":
        return j  # "one of", "one-stop": too often not a quantity
    unit = _unit_after(text, end)
    kind = CURRENCY if unit and unit not in _MEASURE_SYMBOL else COUNT
    after = text[end:end + 24].lower()
    if re.match(r"\s*(?:per\s?cent|percent|%)", after):
        if re.match(r"\s*(?:per\s?cent|percent)age\s?points?", after):
            kind = POINTS
        else:
            kind = PERCENT
        end = end + re.match(r"\s*(?:per\s?cent(?:age\s?points?)?|percent(?:age\s?points?)?|%)", after).end()
    elif re.match(r"\s*percentage\s?points?", after):
        kind = POINTS
    elif re.match(r"\s*(?:times|-fold|fold)\b", after):
        kind = MULTIPLE
    approx = _approx(text, start, r.glued) or ("about" if dozen else "")
    step = Decimal(1)
    if total and not current and value >= 1000:
        step = Decimal(min(_BIG[w] for w in _BIG if _BIG[w] <= value))  # "fourteen billion": shown to a billion
    r.add(value, kind, start, end, step, numeral=True, approx=approx, unit=unit,
          direction=_direction(text, start) if kind in (PERCENT, POINTS, MULTIPLE) else 0)
    return j


def _glued(text: str, a: re.Match, b: re.Match, hyphen: bool = False) -> bool:
    """Are two tokens next to each other, joined by a space or a hyphen?"""
    gap = text[a.end():b.start()]
    return gap == "-" if hyphen else gap in (" ", "-", "  ")


def _shared_units(out: list[Mention], text: str):
    """'60 or 65 percent', '5-10%': a count just before a percentage, joined by or/and/to/a dash,
    takes its kind (in place: the list is rebuilt)."""
    for n in range(len(out) - 2, -1, -1):
        a, b = out[n], out[n + 1]
        if a.kind in (COUNT, RANGE) and b.kind in (PERCENT, POINTS) and not a.unit \
                and _LIST_JOIN.fullmatch(text[a.end:b.start]):
            out[n] = Mention(a.value, b.kind, a.start, a.end, a.text, a.step, a.approx, a.unit, a.numeral,
                             b.direction)
