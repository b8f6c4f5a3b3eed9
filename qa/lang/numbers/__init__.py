"""Number mentions in Chinese and English text, as exact values.

``zh_numbers(norm)`` (``chinese``) and ``en_numbers(norm)`` (``english``) read the normalised
text of a paragraph (same length as the original, so spans quote the original) and return
``Mention`` objects (``model``); ``same_value`` and ``scale_ratio`` compare two of them. Numbers
that are names or identifiers (COVID-19, G20, URLs) are data: ``rules/nonquantities.tsv``.
"""
from .chinese import numeral_value, parse_cn_numeral, zh_numbers
from .english import en_numbers, lost_spaces
from .model import (
    CALENDAR,
    CENTURY,
    COUNT,
    CURRENCY,
    DATE,
    DAY,
    DECADE,
    FRACTION,
    MEASURES,
    MONTH,
    MULTIPLE,
    ORDINAL,
    PERCENT,
    POINTS,
    RANGE,
    SHARES,
    TIME,
    YEAR,
    Mention,
    comparable,
    converted,
    english_scale,
    format_value,
    same_value,
    scale_ratio,
)

__all__ = [
    "CALENDAR", "CENTURY", "COUNT", "CURRENCY", "DATE", "DAY", "DECADE", "FRACTION", "MONTH", "MULTIPLE", "ORDINAL",
    "MEASURES", "PERCENT", "POINTS", "RANGE", "SHARES", "TIME", "YEAR", "Mention", "comparable", "converted", "en_numbers",
    "english_scale", "format_value", "lost_spaces", "numeral_value", "parse_cn_numeral", "same_value",
    "scale_ratio", "zh_numbers",
]
