"""Numbers that are names or identifiers (COVID-19, G20, 5G, URLs, phone numbers): the patterns of
``rules/nonquantities.tsv``, compiled once per language side."""
from __future__ import annotations

import re
from functools import cache

from ...resources import read_text

# \b of Python's re counts Chinese characters as word characters: "支持5G网络" has no boundary
# before 5. The patterns mean an ASCII boundary.
_ASCII_BOUNDARY = r"(?:(?<![A-Za-z0-9])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?![A-Za-z0-9]))"


@cache
def pattern(side: str) -> re.Pattern:
    """One alternation of every pattern for ``side`` ("zh" or "en")."""
    parts = []
    for line in read_text("nonquantities.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        where, regex = line.split("\t")[:2]
        if where not in (side, "both"):
            continue
        flags = ""
        if regex.startswith("(?i)"):
            flags, regex = "(?i:", regex[4:]
        regex = regex.replace(r"\b", _ASCII_BOUNDARY)
        parts.append(f"{flags}{regex})" if flags else f"(?:{regex})")
    return re.compile("|".join(parts))


def spans(text: str, side: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are identifiers or names, not quantities."""
    return [m.span() for m in pattern(side).finditer(text) if m.end() > m.start()]
