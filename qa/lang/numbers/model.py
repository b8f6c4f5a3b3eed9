"""What a number reader returns, and how two readings compare.

A ``Mention`` is one number of a paragraph: its exact value with the scale applied,
its kind, the precision shown, and what surrounds it (approximation, direction, unit).
Both readers (``chinese``, ``english``) return these; the rules compare them here.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

COUNT, CURRENCY, PERCENT, POINTS, ORDINAL, YEAR, DATE, MULTIPLE, RANGE = (
    "count", "currency", "percent", "points", "ordinal", "year", "date", "multiple", "range",
)
# Time and calendar: a date is month*100+day (12月10日 = December 10 = 1210); a month or a
# day of the month alone; a decade by its first year (80年代 = the 1980s = 1980; 八十年代 too);
# a century by its ordinal (20世纪 = the 20th century).
MONTH, DAY, DECADE, CENTURY, TIME = "month", "day", "decade", "century", "time"
# A proportion written as a fraction (四分之一, a quarter, one in five): the value is the ratio.
FRACTION = "fraction"

# Units of measure and their size in a base unit of their dimension: 10斤 = 5 kg, 3 miles = 4.8 km.
MEASURES = {
    "斤": ("kg", Decimal("0.5")), "公斤": ("kg", Decimal(1)), "千克": ("kg", Decimal(1)), "克": ("kg", Decimal("0.001")),
    "吨": ("kg", Decimal(1000)), "kg": ("kg", Decimal(1)), "g": ("kg", Decimal("0.001")), "t": ("kg", Decimal(1000)),
    "lb": ("kg", Decimal("0.45359")), "里": ("m", Decimal(500)), "公里": ("m", Decimal(1000)),
    "千米": ("m", Decimal(1000)), "米": ("m", Decimal(1)), "厘米": ("m", Decimal("0.01")), "毫米": ("m", Decimal("0.001")),
    "英里": ("m", Decimal("1609.34")), "km": ("m", Decimal(1000)), "m": ("m", Decimal(1)), "cm": ("m", Decimal("0.01")),
    "mm": ("m", Decimal("0.001")), "mi": ("m", Decimal("1609.34")), "ft": ("m", Decimal("0.3048")),
    "in": ("m", Decimal("0.0254")), "英尺": ("m", Decimal("0.3048")), "英寸": ("m", Decimal("0.0254")),
    "亩": ("m2", Decimal("666.67")), "公顷": ("m2", Decimal(10000)), "ha": ("m2", Decimal(10000)),
    "acre": ("m2", Decimal("4046.86")), "平方米": ("m2", Decimal(1)), "平方公里": ("m2", Decimal(1000000)),
    "km2": ("m2", Decimal(1000000)), "m2": ("m2", Decimal(1)),
}


def converted(a: Mention, b: Mention) -> bool:
    """Two measures in different units that say the same (10斤 = 5 kg), to 2%."""
    ua, ub = MEASURES.get(a.unit), MEASURES.get(b.unit)
    if not ua or not ub or ua[0] != ub[0] or ua[1] == ub[1] or not a.value:
        return False
    x, y = a.value * ua[1], b.value * ub[1]
    return abs(x - y) <= abs(x) * Decimal("0.02")


CALENDAR = frozenset((YEAR, DATE, MONTH, DAY, DECADE, CENTURY, TIME))
SHARES = frozenset((PERCENT, POINTS, FRACTION))


@dataclass(frozen=True)
class Mention:
    value: Decimal  # the exact value, scale applied (4.32万 -> 43200)
    kind: str  # one of the kinds above
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

    @property
    def share(self) -> Decimal:
        """A proportion in percent (四分之一 -> 25), for comparing fractions with percentages."""
        return self.value * 100 if self.kind == FRACTION else self.value


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
    """Kinds that may translate each other: a percent is never a count, a date never a quantity."""
    if a.kind in SHARES or b.kind in SHARES:
        if FRACTION in (a.kind, b.kind):
            return {a.kind, b.kind} <= {FRACTION, PERCENT}
        return a.kind in SHARES and b.kind in SHARES
    if a.kind in CALENDAR or b.kind in CALENDAR:
        return _calendar_pair(a.kind, b.kind)
    return True


def _calendar_pair(a: str, b: str) -> bool:
    if a == b:
        return True
    pair = {a, b}
    # 11日 = "the 11th"; 十九大 = the 19th; 2020年 is a year, read as a count by some translators
    return pair in ({DAY, ORDINAL}, {CENTURY, ORDINAL}, {YEAR, COUNT}, {YEAR, RANGE})


def same_value(a: Mention, b: Mention) -> bool:
    """Does ``b`` (the translation) render ``a`` (the source)?

    Rounding to the precision ``b`` shows is fine (398.2 billion for
    3982.10亿); digits ``b`` shows beyond that must agree (43,210 is not
    4.32万). An approximate translation of an exact source ("about 43,000")
    may round to its trailing zeros. A fraction matches a percentage to the
    percent (三分之一 = 33%).
    """
    if FRACTION in (a.kind, b.kind):
        tolerance = Decimal("0.0001") if a.kind == b.kind else Decimal("0.5")
        return abs(a.share - b.share) <= max(tolerance, b.step / 2 if b.kind == PERCENT else tolerance)
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
    if a.value == 0 or b.value == 0 or FRACTION in (a.kind, b.kind) or (CALENDAR - {YEAR}) & {a.kind, b.kind}:
        return None
    exact = len(format(b.value.normalize(), "f").replace(".", "").strip("0")) < 2
    for k in (1, -1, 2, -2, 3, -3, 4, -4, 8, -8):
        scaled = a.value * Decimal(10) ** k
        if scaled == b.value or (not exact and abs(scaled - b.value) <= b.step / 2):
            return k
    return None
