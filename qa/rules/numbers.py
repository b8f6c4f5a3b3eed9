"""Number rules: every quantity in the Chinese must be in the English with the same value.

The matching is done once per link (``match_link``) and each rule reports its
own kind of disagreement, with the computation shown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..lang.numbers import (
    CALENDAR,
    COUNT,
    CURRENCY,
    DATE,
    DAY,
    MONTH,
    ORDINAL,
    PERCENT,
    POINTS,
    RANGE,
    SHARES,
    YEAR,
    Mention,
    comparable,
    converted,
    english_scale,
    format_value,
    same_value,
    scale_ratio,
)
from ..model import Span
from .base import Context, Example, Rule
from .evidence import pasted_paragraphs
from .paragraphs import truncated_tail


@dataclass
class LinkMatch:
    pairs: list[tuple[Mention, Mention]] = field(default_factory=list)  # same value
    scaled: list[tuple[Mention, Mention, int]] = field(default_factory=list)  # en = zh * 10^k
    mismatched: list[tuple[Mention, Mention]] = field(default_factory=list)
    missing: list[Mention] = field(default_factory=list)  # zh with no en
    extra: list[Mention] = field(default_factory=list)  # en with no zh
    zh: list[Mention] = field(default_factory=list)  # every mention of the link
    en: list[Mention] = field(default_factory=list)

    def approximate_sources(self) -> set[int]:
        """ids of the English mentions paired with an approximate Chinese figure (十多年)."""
        return {id(e) for z, e in self.pairs if z.approx}

    def counterparts(self) -> list[tuple[Mention, Mention]]:
        """Every (zh, en) pair the English has in some form: same value, scaled or mistyped."""
        return self.pairs + [(z, e) for z, e, _ in self.scaled] + self.mismatched


def _significant(m: Mention) -> bool:
    """Worth reporting when unmatched: a quantity, not a date, year or time (news English
    gives 26日 as "on Monday" or leaves it out), not a small count (written as a word, or lost
    in idioms). English number words under a hundred paraphrase freely ("a few", "a dozen");
    Chinese numerals of ten or more are figures. Ordinals in digits count: the 135th fair is
    not the 153rd."""
    if m.kind in CALENDAR or m.approx == "vague":
        return False
    if m.kind in SHARES:
        return True
    if m.numeral and m.unit not in ("", "元") and m.value < 10:
        return False
    if m.numeral and not _chinese(m) and m.value < 100:
        return False
    return abs(m.value) >= 10 or m.value != m.value.to_integral_value()


def _source_expected(e: Mention) -> bool:
    """An English figure that must come from the Chinese. Not number words ("a thousand yuan" for
    上千元, "one hundred years" for 百年), nor ordinals, which translators add as context ("the sixth
    plenary session of the 19th Central Committee" for 全会), nor "100%" ("100% service" for 全方位)."""
    return _significant(e) and not e.numeral and e.kind != ORDINAL and not (e.kind == PERCENT and e.value == 100)


def _chinese(m: Mention) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in m.text)


def _near(a: Mention, b: Mention) -> bool:
    """Close enough to be the same figure mistyped: same kind, within a factor of 2."""
    if not comparable(a, b) or (a.kind == YEAR) != (b.kind == YEAR):
        return False
    if a.value == 0 or b.value == 0:
        return False
    r = a.value / b.value
    return Decimal("0.5") <= r <= Decimal(2)


def _digits(m: Mention) -> str:
    return format(m.value.normalize(), "f")


def _typo(a: Mention, b: Mention) -> bool:
    """One digit changed, dropped, added or two swapped."""
    if not comparable(a, b) or b.numeral and b.value < 1000 or a.kind in CALENDAR or a.approx == "vague":
        return False
    if b.kind in CALENDAR and not (b.kind == YEAR and a.kind in (COUNT, CURRENCY, RANGE)):
        return False  # but 1080 (a resolution) may be mistyped as 1380, which reads as a year
    if ORDINAL in (a.kind, b.kind) and (a.kind != b.kind or a.numeral):
        return False  # the 135th fair is not the 153rd; but 第三 is not a slip for 13
    da, db = _digits(a), _digits(b)
    if max(len(da), len(db)) < 2:
        return False
    from rapidfuzz.distance import OSA  # imported when first needed: start-up time counts

    return OSA.distance(da, db) <= 1


def _calendar_same(z: Mention, e: Mention) -> bool:
    """Dates compare as dates: 10日 is the day of "December 10", 10月 its month; a year may be
    read as a count on the other side ("in 2020" after a dash)."""
    kinds = (z.kind, e.kind)
    if z.kind == e.kind or kinds in ((DAY, ORDINAL), (ORDINAL, DAY), ("century", ORDINAL)):
        return z.value == e.value
    if DAY in kinds and COUNT in kinds:
        return z.value == e.value  # 12号甲板 = deck 12: 号 numbers things as well as days
    if kinds == (COUNT, "decade"):
        return z.value == e.value % 100  # 20岁左右 = in his 20s
    if kinds == (COUNT, DATE) and not z.unit:
        return z.value == e.value  # 418 (the April 18 sale) = April 18
    if kinds == (DAY, DATE):
        return z.value == e.value % 100
    if kinds == (DATE, DAY):
        return z.value % 100 == e.value
    if kinds == (MONTH, DATE):
        return z.value == e.value // 100
    if kinds == (DATE, MONTH):
        return z.value // 100 == e.value
    if YEAR in kinds and ({"decade"} & set(kinds) or kinds[1 - kinds.index(YEAR)] in (COUNT, "range")):
        return z.value == e.value
    return False


def _same(z: Mention, e: Mention, exact: bool) -> bool:
    if z.kind in CALENDAR or e.kind in CALENDAR:
        return _calendar_same(z, e)
    if not comparable(z, e):
        return False
    if converted(z, e):
        return not exact
    return z.value == e.value if exact else same_value(z, e)


def _scalable(z: Mention, e: Mention) -> bool:
    """A pair a power-of-ten slip can explain. A four-digit English figure read as a year may be
    a count slipped by ten (1560 for 156), but never for an approximate Chinese count (20多 is
    not the year 2000)."""
    if not _significant(z) or e.numeral and e.value < 100 or z.kind in CALENDAR:
        return False
    if e.kind == YEAR:
        return z.kind in (COUNT, CURRENCY, RANGE) and not z.approx
    return e.kind not in CALENDAR and comparable(z, e)


# A link with more figures a side than this (a paragraph of hundreds of sentences) pairs each
# Chinese figure only with the English figures this many places either side of its proportional
# place: comparing every figure with every other is quadratic in the paragraph's length.
NEAR_FIGURES = 100


def _reach(zh: list, en: list):
    """For the n-th Chinese figure, the English indices it may be paired with, in reading order."""
    if len(zh) <= NEAR_FIGURES and len(en) <= NEAR_FIGURES:
        return lambda n: range(len(en))

    def reach(n: int) -> range:
        at = round(n * len(en) / max(len(zh), 1))
        return range(max(0, at - NEAR_FIGURES), min(len(en), at + NEAR_FIGURES + 1))
    return reach


def match_link(zh: list[Mention], en: list[Mention]) -> LinkMatch:
    out = LinkMatch(zh=zh, en=en)
    used_en: set[int] = set()
    reach = _reach(zh, en)
    position = {id(z): n for n, z in enumerate(zh)}
    # 1. the same value: exact first, then rounded to the precision the
    #    English shows; the first English candidate in reading order
    paired: set[int] = set()
    for exact in (True, False):
        for n, z in enumerate(zh):
            if n in paired:
                continue
            # the same form first (三 with "three", 3 with 3), then reading order
            candidates = [k for k in reach(n) if k not in used_en and _same(z, en[k], exact)]
            if candidates:
                k = min(candidates, key=lambda k: en[k].numeral != z.numeral)
                out.pairs.append((z, en[k]))
                used_en.add(k)
                paired.add(n)
    out.pairs.sort(key=lambda p: position[id(p[0])])
    left_zh = [z for n, z in enumerate(zh) if n not in paired]
    # 2. a power of ten apart: the classic 万/亿 slip
    still: list[Mention] = []
    for z in left_zh:
        for k in reach(position[id(z)]):
            e = en[k]
            if k in used_en or not _scalable(z, e):
                continue
            ratio = scale_ratio(z, e)
            if ratio is not None:
                out.scaled.append((z, e, ratio))
                used_en.add(k)
                break
        else:
            still.append(z)
    # 3. a different figure in the same place: similar size, or a digit
    #    typed wrong, dropped or doubled (25 -> 5, 2.36 -> 2.63); a date
    #    of the same month with another day
    for z in still:
        if z.kind in (DATE, DAY):
            for k in reach(position[id(z)]):
                e = en[k]
                if k not in used_en and e.kind == z.kind and (z.kind == DAY or z.value // 100 == e.value // 100):
                    out.mismatched.append((z, e))
                    used_en.add(k)
                    break
            continue
        if z.kind in CALENDAR:
            continue
        for k in reach(position[id(z)]):
            e = en[k]
            if k in used_en or not _significant(z):
                continue
            if (_significant(e) and _near(z, e)) or _typo(z, e):
                out.mismatched.append((z, e))
                used_en.add(k)
                break
        else:
            k = _only_other(z, still, en, used_en)
            if k is not None:
                out.mismatched.append((z, en[k]))
                used_en.add(k)
            elif _significant(z):
                out.missing.append(z)
    out.extra = [e for k, e in enumerate(en) if k not in used_en and _source_expected(e)]
    return out


def _family(m: Mention) -> str:
    return "share" if m.kind in (PERCENT, POINTS) else "money" if m.kind == CURRENCY else ""


def _only_other(z: Mention, zh_left: list[Mention], en: list[Mention], used: set[int]) -> int | None:
    """The English figure in z's place when each side has exactly one unmatched figure of one
    family (a percentage, a sum of money): 1% against 5%, 百分之百 against 130%."""
    family = _family(z)
    if not family or sum(1 for m in zh_left if _family(m) == family) != 1:
        return None
    left = [k for k, e in enumerate(en) if k not in used and _family(e) == family and e.approx != "vague"]
    return left[0] if len(left) == 1 else None


def link_matches(ctx: Context) -> list[tuple]:
    """(link, LinkMatch, owner) for every link with text on both sides, computed once per check;
    ``owner`` maps a mention's id to its paragraph (spans are per paragraph)."""
    cache = ctx.__dict__.get("_number_matches")
    if cache is None:
        cache = []
        for link in ctx.pairs():
            zh = [m for i in link.zh for m in ctx.zh_numbers[i]]
            en = [m for j in link.en for m in ctx.en_numbers[j]]
            owner = {id(m): ctx.zh[i] for i in link.zh for m in ctx.zh_numbers[i]}
            owner.update({id(m): ctx.en[j] for j in link.en for m in ctx.en_numbers[j]})
            cache.append((link, match_link(zh, en), owner))
        ctx.__dict__["_number_matches"] = cache
    return cache


class _NumberRule(Rule):
    def matches(self, ctx: Context):
        # a link whose English is another paragraph's pasted again: added-content says so, and
        # its figures are that paragraph's
        pasted = pasted_paragraphs(ctx)
        return [m for m in link_matches(ctx) if not pasted.intersection(m[0].en)]

    def emit(self, link, ctx, owner, zh_m, en_m, message, evidence=(), unsure=False):
        zh_p, en_p = ctx.paragraphs(link)
        spans = []
        if zh_m is not None:
            spans.append(Span(owner[id(zh_m)].id, zh_m.start, zh_m.end))
        if en_m is not None:
            spans.append(Span(owner[id(en_m)].id, en_m.start, en_m.end))
        return self.finding(
            zh=zh_p,
            en=en_p,
            message=message,
            zh_text=_quote(owner[id(zh_m)].text, zh_m) if zh_m else "",
            en_text=_quote(owner[id(en_m)].text, en_m) if en_m else "",
            spans=spans,
            evidence=evidence,
            key=f"{zh_m.text if zh_m else ''}|{en_m.text if en_m else ''}",
            unsure=unsure,
        )


def _quote(text: str, m: Mention) -> str:
    """The number as written, with its unit or currency (3982.10亿元, RMB39.821 billion)."""
    start, end = m.start, m.end
    if m.unit and text.startswith(m.unit, end):
        end += len(m.unit)
    elif m.unit and text[max(0, start - 4):start].rstrip().endswith(m.unit):
        start = text.rfind(m.unit, 0, start)
    return text[start:end].strip()


def _equation(z: Mention) -> str:
    """'3982.10亿 = 398,210,000,000 = 398.21 billion'."""
    if z.kind in CALENDAR:
        return z.text.strip()
    full = format_value(z.value)
    eng = english_scale(z.value)
    suffix = "%" if z.kind == PERCENT else " percentage points" if z.kind == POINTS else ""
    parts = [z.text.strip()]
    for p in (full + suffix, eng + suffix):
        if p.replace(" ", "") != parts[-1].replace(" ", ""):
            parts.append(p)
    return " = ".join(dict.fromkeys(parts))


class NumberScale(_NumberRule):
    """A number is off by a power of ten (x10, x1000 ...).

    **What it does.** Converts both numbers to exact values (万 = 10^4,
    亿 = 10^8, billion = 10^9) and reports an English number that equals the
    Chinese one times a power of ten.

    **Why.** Converting 万 and 亿 into thousands, millions and billions is where
    translators slip most: 3982.10亿 is 398.21 billion, not 39.821 billion.
    """

    code, name, severity = "NM02", "number-scale", "error"
    summary = "A number is off by a power of ten"
    examples = (
        Example(zh="全省技术合同成交额3982.10亿元。", en="Technology contracts were worth RMB39.821 billion.", fires=1),
        Example(zh="全省技术合同成交额3982.10亿元。", en="Technology contracts were worth RMB398.21 billion.", fires=0),
        Example(zh="项目总投资三千万元。", en="The project cost three hundred million yuan in total.", fires=1),
        Example(zh="全国人口约十四亿。", en="The country has about fourteen billion people.", fires=1),
    )

    def check(self, ctx: Context):
        for link, lm, owner in self.matches(ctx):
            for z, e, k in lm.scaled:
                factor = f"x{10 ** abs(k):,}"
                direction = "too large" if k > 0 else "too small"
                yield self.emit(
                    link, ctx, owner, z, e,
                    f"{_equation(z)}, but the English says {e.text.strip()} ({factor} scale error, {direction})",
                    (f"{z.text.strip()} = {format_value(z.value)}", f"{e.text.strip()} = {format_value(e.value)}"),
                )


class NumberMismatch(_NumberRule):
    """The English gives a different figure where the Chinese has a number.

    **What it does.** After matching equal values (with rounding allowed to
    the precision shown) and power-of-ten slips, pairs a remaining Chinese
    number with a remaining English number of the same kind and similar size,
    one digit apart, or the only unmatched percentage (or sum of money) on
    each side. Dates compare as dates: 12月8日至10日 against "December 8 to 12"
    is a wrong day. Numbers are read in the forms reports and news use: figures with
    万/亿, numerals (三千万元, 一点二亿), percent and fraction words (百分之三十五,
    三分之二), English words ("fourteen billion", "half a million", "one in five").

    **Why.** A changed digit in a published figure is the error editors fear
    most.
    """

    code, name, severity = "NM01", "number-mismatch", "error"
    summary = "The English gives a different figure"
    examples = (
        Example(zh="全省新增发明专利4.32万件。", en="The province added 43,500 invention patents.", fires=1),
        Example(zh="全省新增发明专利4.32万件。", en="The province added 43,200 invention patents.", fires=0),
        Example(zh="会议于12月8日至10日举行。", en="The conference was held from December 8 to 12.", fires=1),
        Example(zh="约占百分之三十五。", en="It makes up about 45 percent.", fires=1),
        Example(zh="约占三分之一。", en="It makes up about a third.", fires=0),
        Example(zh="新冠肺炎疫情以来，二十国集团的贸易下降。", en="Since COVID-19, G20 trade has fallen.", fires=0),
    )

    def check(self, ctx: Context):
        for link, lm, owner in self.matches(ctx):
            for z, e in lm.mismatched:
                yield self.emit(
                    link, ctx, owner, z, e,
                    f"{_equation(z)}, but the English says {_equation(e)}",
                    (f"{z.text.strip()} = {format_value(z.value)}", f"{e.text.strip()} = {format_value(e.value)}"),
                )


class NumberMissing(_NumberRule):
    """A number in the Chinese has no counterpart in the English.

    **What it does.** Reports a Chinese quantity (not a date, year or small
    count) that matches no English number in the aligned paragraph.

    **Why.** A figure left out changes what the report says.

    **Unsure, so info.** A figure the Chinese gives twice in one sentence and the English once
    (an ellipsis), and the base of a rate (每100万次 = "per million"). Dates, days of the month,
    years, times and vague sizes (上千, 百年) are never reported missing: news English gives 26日
    as "on Monday" or leaves it out.
    """

    code, name, severity = "NM03", "number-missing", "warning"
    summary = "A Chinese number has no English counterpart"
    examples = (
        Example(zh="全省新增发明专利4.32万件，商标注册70.99万件。", en="The province added 43,200 invention patents and many trademarks.", fires=1),
        Example(zh="双子座流星雨14日迎来极大。", en="The Geminid meteor shower peaks on Monday.", fires=0),
        Example(zh="新华社北京12月11日电", en="Xinhua, Beijing, December 11", fires=0),
    )

    def check(self, ctx: Context):
        tail = truncated_tail(ctx)
        cut_at = tail.stop if tail and tail.cut else None
        for link, lm, owner in self.matches(ctx):
            if cut_at in link.en:
                continue  # the English stops inside this link: dropped-truncation says so
            for z in lm.missing:
                text = owner[id(z)].norm
                # The same figure twice in one Chinese sentence and once in the English is most often
                # a repetition the English leaves implicit ("as will anyone who ..."): info. Not when
                # the units differ: 20件20人 is twenty cases and twenty people, two facts.
                twice = [m for m in lm.zh if m is not z and m.value == z.value and owner[id(m)] is owner[id(z)]
                         and m.unit == z.unit and _same_sentence(text, m.start, z.start)]
                said = [e for e in lm.en if e.value == z.value] if twice else []
                note = f" (the English gives {said[0].text.strip()} once, for another mention)" if said else ""
                if text[max(0, z.start - 1):z.start] == "每" and not note:
                    # 每100万次 = "per million": a rate's base is reworded as often as it is given
                    note, said = " (the base of a rate: 每)", [z]
                yield self.emit(
                    link, ctx, owner, z, None,
                    f"{_equation(z)} is not in the English{note}", unsure=bool(said),
                )


def _same_sentence(text: str, a: int, b: int) -> bool:
    a, b = min(a, b), max(a, b)
    return not any(c in text[a:b] for c in "。！？；!?;")


def _partner(mentions: list[Mention], m: Mention, paired: set[int]) -> bool:
    """Is the other end of the range ``m`` belongs to matched?"""
    k = next(n for n, x in enumerate(mentions) if x is m)
    return any(0 <= n < len(mentions) and mentions[n].kind == RANGE and id(mentions[n]) in paired
               for n in (k - 1, k + 1))


class NumberExtra(_NumberRule):
    """A number in the English has no source in the Chinese.

    **What it does.** Reports an English quantity that matches no Chinese
    number in the aligned paragraph.

    **Why.** A figure with no source is either invented or a mistyped version
    of another; desktop QA tools never look at numbers only in the target.

    Not reported: number words ("a thousand yuan" for 上千元), ordinals added as context ("the
    19th Central Committee" for 全会), "100%", identifiers and names (COVID-19, G20, 5G, No 10,
    Boeing 737: ``rules/nonquantities.tsv``). Info: one end of a range that renders an approximate
    Chinese figure ("10 to 12 years" for 十多年), a figure the Chinese gives once for two mentions.
    """

    code, name, severity = "NM04", "number-extra", "warning"
    summary = "An English number has no Chinese source"
    examples = (
        Example(zh="全省新增发明专利4.32万件。", en="The province added 43,200 invention patents, 15% of the national total.", fires=1),
        Example(zh="习近平出席六中全会。", en="Xi attended the sixth plenary session of the 19th Central Committee.", fires=0),
    )

    def check(self, ctx: Context):
        for link, lm, owner in self.matches(ctx):
            for e in lm.extra:
                said = [z for z in lm.zh if z.value == e.value]
                if e.kind == RANGE and _partner(lm.en, e, lm.approximate_sources()):
                    said = said or [e]  # "10 to 12 years" for 十多年: one end of the range is there
                note = f" (the Chinese gives {said[0].text.strip()} once, for another mention)" if said else ""
                yield self.emit(link, ctx, owner, None, e,
                                f"{e.text.strip()} in the English has no source in the Chinese{note}", unsure=bool(said))


class NumberPercentPoint(_NumberRule):
    """Percentage points rendered as percent, or the reverse.

    **What it does.** Reports a matched value whose Chinese is 个百分点
    (percentage points) and whose English is a percent, or the reverse.

    **Why.** "Up 2.74 percentage points" and "up 2.74%" are different claims.
    """

    code, name, severity = "NM05", "number-percent-point", "error"
    summary = "Percentage points and percent confused"
    examples = (
        Example(zh="市场占有率提升2.74个百分点。", en="The market share rose by 2.74%.", fires=1),
        Example(zh="市场占有率提升2.74个百分点。", en="The market share rose by 2.74 percentage points.", fires=0),
        Example(zh="失业率降低了三个百分点。", en="Unemployment fell by three percent.", fires=1),
    )

    def check(self, ctx: Context):
        for link, lm, owner in self.matches(ctx):
            for z, e in lm.pairs:
                if {z.kind, e.kind} == {PERCENT, POINTS}:
                    zk = "percentage points" if z.kind == POINTS else "percent"
                    ek = "percentage points" if e.kind == POINTS else "percent"
                    yield self.emit(
                        link, ctx, owner, z, e,
                        f"{z.text.strip()} is {zk}, but the English says {e.text.strip()} ({ek})",
                    )


class NumberDirection(_NumberRule):
    """An increase rendered as a decrease, or the reverse.

    **What it does.** For a matched percentage or multiple, compares the
    change word before it: 增长/上升/提升 (up) against decrease/fell/down, and
    下降/减少 (down) against increase/rose/up.

    **Why.** "增长12.5%" rendered as "down 12.5%" keeps the figure and reverses
    the meaning; no digit check can see it.
    """

    code, name, severity = "NM06", "number-direction", "error"
    summary = "Increase and decrease confused"
    examples = (
        Example(zh="专利申请量同比增长12.5%。", en="Patent applications decreased by 12.5% year on year.", fires=1),
        Example(zh="专利申请量同比增长12.5%。", en="Patent applications increased by 12.5% year on year.", fires=0),
    )

    def check(self, ctx: Context):
        for link, lm, owner in self.matches(ctx):
            for z, e in lm.pairs:
                if z.direction and e.direction and z.direction != e.direction:
                    zw = "an increase" if z.direction > 0 else "a decrease"
                    ew = "an increase" if e.direction > 0 else "a decrease"
                    yield self.emit(
                        link, ctx, owner, z, e,
                        f"The Chinese says {zw} of {z.text.strip()}, the English {ew} of {e.text.strip()}",
                    )


_ZH_CLAUSE_END = "。；;！？!?"
_EN_PERSON_TIMES = re.compile(
    r"person[- ]?times|times|visits|attendances?|participations?|instances|trips|batch|person-visits", re.IGNORECASE
)
_COUNTED_UNITS = {"人次": "person-times", "家次": "enterprise-visits", "批次": "batches"}


def respectively_groups(text: str, mentions: list[Mention]) -> list[tuple[list[Mention], list[Mention]]]:
    """The (items, values) of each 分别 clause: 起诉1753件3095人，同比分别下降5.3%、6.9%
    gives items [1753, 3095] and values [5.3%, 6.9%]. Items are the last numbers
    before 分别 in the same sentence, as many as there are values."""
    groups = []
    for at in (i for i in range(len(text)) if text.startswith("分别", i)):
        start = max((text.rfind(c, 0, at) for c in _ZH_CLAUSE_END), default=-1) + 1
        ends = [e for e in (text.find(c, at) for c in _ZH_CLAUSE_END) if e != -1]
        end = min(ends) if ends else len(text)
        usable = [m for m in mentions if m.kind not in (DATE, YEAR)]
        values = [m for m in usable if at < m.start < end]
        before = [m for m in usable if start <= m.start < at]
        if len(values) >= 2 and len(before) >= len(values):
            groups.append((before[-len(values):], values))
    return groups


class NumberOrder(_NumberRule):
    """A 分别 (respectively) list whose values no longer follow their items.

    **What it does.** In a Chinese sentence with 分别, the i-th value belongs
    to the i-th item (起诉1753件3095人，同比分别下降5.3%、6.9%). When the items
    and the values all appear in the English, their English orders must agree:
    items reordered with the values left in the old order (or the values
    swapped) pair each value with the wrong item.

    **Why.** Every figure is present and correct, so no value check sees it;
    the English still says something false.
    """

    code, name, severity = "NM07", "number-order", "error"
    summary = "A respectively list pairs values with the wrong items"
    examples = (
        Example(
            zh="受理商标申请320件、专利申请150件，同比分别增长12.5%、8.1%。",
            en="150 patent applications and 320 trademark applications were received, up 12.5% and 8.1% respectively.",
            fires=1,
        ),
        Example(
            zh="受理商标申请320件、专利申请150件，同比分别增长12.5%、8.1%。",
            en="320 trademark applications and 150 patent applications were received, up 12.5% and 8.1% respectively.",
            fires=0,
        ),
    )

    def check(self, ctx: Context):
        for link, lm, owner in self.matches(ctx):
            counterpart = {id(z): e for z, e in lm.pairs}
            en_order = {id(e): (owner[id(e)].line, e.start) for _, e in lm.pairs}
            for i in link.zh:
                para = ctx.zh[i]
                for items, values in respectively_groups(para.norm, ctx.zh_numbers[i]):
                    if not all(id(m) in counterpart for m in items + values):
                        continue
                    item_rank = _ranks([en_order[id(counterpart[id(m)])] for m in items])
                    value_rank = _ranks([en_order[id(counterpart[id(m)])] for m in values])
                    if item_rank == value_rank:
                        continue
                    said = ", ".join(
                        f"{counterpart[id(items[a])].text.strip()} with {counterpart[id(values[b])].text.strip()}"
                        for a, b in zip(_by_rank(item_rank), _by_rank(value_rank))
                    )
                    meant = ", ".join(f"{it.text.strip()} with {v.text.strip()}" for it, v in zip(items, values))
                    first_e = counterpart[id(values[0])]
                    yield self.emit(
                        link, ctx, owner, values[0], first_e,
                        f"分别 pairs {meant}; the English order pairs {said}",
                        (f"Chinese order: {meant}", f"English order: {said}"),
                    )


def _ranks(positions: list) -> list[int]:
    order = sorted(range(len(positions)), key=lambda k: positions[k])
    ranks = [0] * len(positions)
    for r, k in enumerate(order):
        ranks[k] = r
    return ranks


def _by_rank(ranks: list[int]) -> list[int]:
    """Indices in the order the English shows them."""
    return sorted(range(len(ranks)), key=lambda k: ranks[k])


class NumberUnit(_NumberRule):
    """A counted unit (人次 person-times, 家次, 批次) rendered as a head count.

    **What it does.** For a matched number whose Chinese unit is 人次, 家次 or
    批次, looks at the English words after it: "people" or "enterprises" with
    no "times", "visits" or "attendances" changes what is counted.

    **Why.** 10万人次 is 100,000 visits, possibly by far fewer people; the
    figure is right and the claim is not. Reported as info: some style guides
    accept the looser wording.
    """

    code, name, severity = "NM08", "number-unit", "info"
    summary = "Person-times rendered as people"
    examples = (
        Example(zh="全年培训知识产权人才1.2万人次。", en="The province trained 12,000 IP professionals.", fires=1),
        Example(zh="全年培训知识产权人才1.2万人次。", en="The province provided 12,000 person-times of IP training.", fires=0),
    )

    def check(self, ctx: Context):
        for link, lm, owner in self.matches(ctx):
            for z, e in lm.pairs:
                if z.unit not in _COUNTED_UNITS:
                    continue
                after = owner[id(e)].norm[e.end:e.end + 60]
                if _EN_PERSON_TIMES.search(after):
                    continue
                yield self.emit(
                    link, ctx, owner, z, e,
                    f"{z.text.strip()}{z.unit} counts {_COUNTED_UNITS[z.unit]}, but the English "
                    f"{e.text.strip()} reads as a head count",
                )
