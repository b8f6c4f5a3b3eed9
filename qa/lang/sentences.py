"""Sentences (and ；-clauses) of a paragraph, as character spans of its text.

Chinese ends a sentence at 。！？ and a clause at ；. English ends one at
. ! ? ; followed by a space, or by a capital letter when the spaces were lost
("workstations.Twoadvanced"), but not inside numbers (3.5), initials (U.S.)
or common abbreviations (No. 5, e.g.). A redaction mark that swallowed the
full stop ("has been http://** Both the ...") ends a sentence when a capital
letter follows, as the Chinese "(略)" does not need to.
"""
from __future__ import annotations

import re
from functools import lru_cache

_ZH_END = re.compile(r"[。！？；!?;]+[”’」』）)]*")
_EN_END = re.compile(r"(?<=[^\s])([.!?;]+[\"”’')\]]*|\*\*(?=\s+[A-Z]))(?=\s+|[A-Z“\"(]|$)")
_ABBREVIATIONS = {"no", "nos", "e.g", "i.e", "etc", "mr", "ms", "dr", "vs", "art", "para", "fig", "st", "co", "ltd", "inc", "jan", "feb"}


# Cached: the aligner, three content rules and the reports ask for the same paragraph's sentences.
@lru_cache(maxsize=65536)
def zh_sentences(text: str) -> tuple[tuple[int, int], ...]:
    out, start = [], 0
    for m in _ZH_END.finditer(text):
        _add(out, text, start, m.end())
        start = m.end()
    _add(out, text, start, len(text))
    return tuple(out)


@lru_cache(maxsize=65536)
def en_sentences(text: str) -> tuple[tuple[int, int], ...]:
    out, start = [], 0
    for m in _EN_END.finditer(text):
        end = m.end()
        before = text[start:m.start()]
        word = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
        if m.group(1).startswith(".") and word:
            w = word.group(1).lower().rstrip(".")
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):
                continue  # No. 5, J. Smith, U.S.
        _add(out, text, start, end)
        start = end
    _add(out, text, start, len(text))
    return tuple(out)


def _add(out: list, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        out.append((start, end))
