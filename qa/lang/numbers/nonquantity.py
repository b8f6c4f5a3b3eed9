"""Numbers that are names or identifiers (COVID-19, G20, 5G, URLs, phone numbers): the patterns of
``rules/nonquantities.tsv``, compiled once per language side."""
from __future__ import annotations

import re
from functools import cache

from ...resources import read_text

# \b of Python's re counts Chinese characters as word characters: "支持5G网络" has no boundary
# before 5. The patterns mean an ASCII boundary: before a pattern's first token, not after a
# letter or digit; elsewhere, between one and something else.
_ASCII_START = r"(?<![A-Za-z0-9])"
_ASCII_END = r"(?![A-Za-z0-9])"
_ASCII_BOUNDARY = r"(?:(?<![A-Za-z0-9])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?![A-Za-z0-9]))"
# Patterns with a digit are tried only this far around each run of digits (characters before,
# after): a paragraph is mostly words, and trying thirty patterns at every letter of it costs
# more than the check. The longest identifiers: "Boeing 737 MAX 9", "21st Century Maritime Silk Road".
_REACH = {"en": (16, 40), "zh": (8, 12)}


@cache
def patterns(side: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(patterns that need a digit, the others) for ``side`` ("zh" or "en"), each one alternation."""
    near, anywhere = [], []
    for line in read_text("nonquantities.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        where, regex = line.split("\t")[:2]
        if where not in (side, "both"):
            continue
        flags = ""
        if regex.startswith("(?i)"):
            flags, regex = "(?i:", regex[4:]
        digit = bool(re.search(r"\\d|[0-9]", regex)) and not re.search(r"[一二三四五六七八九十]", regex)
        if regex.startswith(r"\b"):
            regex = _ASCII_START + regex[2:]
        if regex.endswith(r"\b"):  # after a letter or digit (every pattern ends so): not before one
            regex = regex[:-2] + _ASCII_END
        regex = regex.replace(r"\b", _ASCII_BOUNDARY)
        (near if digit else anywhere).append(f"{flags}{regex})" if flags else f"(?:{regex})")
    return (re.compile("|".join(near)) if near else None, re.compile("|".join(anywhere)) if anywhere else None)


_DIGITS = re.compile(r"\d+")
_TRIGGERS = ("http", "www.", "@", "#")


def spans(text: str, side: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are identifiers or names, not quantities."""
    near, anywhere = patterns(side)
    out = []
    if anywhere is not None and (side == "zh" or any(t in text for t in _TRIGGERS)):
        out += [m.span() for m in anywhere.finditer(text) if m.end() > m.start()]
    if near is not None:
        before, after = _REACH[side]
        start = end = -1
        for d in _DIGITS.finditer(text):
            if d.start() - before > end:
                if end >= 0:
                    out += _within(near, text, start, end)
                start = max(0, d.start() - before)
            end = min(len(text), d.end() + after)
        if end >= 0:
            out += _within(near, text, start, end)
    return sorted(set(out))


def _within(regex: re.Pattern, text: str, start: int, end: int) -> list[tuple[int, int]]:
    # pos/endpos keep lookbehinds looking at the real text before ``start``
    return [m.span() for m in regex.finditer(text, start, end) if m.end() > m.start()]
