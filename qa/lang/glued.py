"""Words of English whose spaces were lost ("TheOfficeoftheGuangdongProvincialJointConference"),
told apart by the capitals that start words and, inside a lower-case run, by the most likely
split into dictionary words (the English words of CC-CEDICT's definitions and the short words
they lack): so that such text is weighed word by word, as spaced text is, not by letter
substrings that find a gloss inside any longer word."""
from __future__ import annotations

import re
from functools import lru_cache

from . import dictionary

_PIECE = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+|[A-Z]+|[^A-Za-z]+")
_SHORT = frozenset("""a an the of to in on at by for and or as is are was be it its we our us he she
    his her they them their this that with from into not but all new key ip gi law tax aid set use
    one two six ten per via has had who how why did may can low net top end act art air box
    car day dna due few fit job map men old own pay raw red run sea see sky sun way web won yet
    also more most than then some such each over""".split())


@lru_cache(maxsize=4096)
def spaced_out(text: str) -> str:
    """The text with a space between each two words it can tell apart."""
    out = []
    for piece in _PIECE.findall(text):
        if piece[:1].isalpha() and len(piece) > 3 and not piece.isupper():
            out.append(" ".join(_split(piece)))
        else:
            out.append(piece)
    return " ".join(out)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset, dict[str, int]]:
    """(the known words, first four letters -> the longest known word starting so: bounds the search)."""
    words = dictionary.english_words() | _SHORT
    reach: dict[str, int] = {}
    for w in words:
        if len(w) > reach.get(w[:4], 0):
            reach[w[:4]] = len(w)
    return words, reach


def _split(run: str) -> tuple[str, ...]:
    """The split of a run of letters into known words with the most letters in long words
    (each word scores its length squared; a letter no word covers costs 4)."""
    words, reach = _vocabulary()
    low = run.lower()
    if low in words:
        return (run,)  # most pieces are one word that starts with a capital
    n = len(low)
    best = [0.0] + [-1e9] * n
    back = [0] * (n + 1)
    for start in range(n):
        here = best[start]
        if here - 4.0 > best[start + 1]:  # a letter no word covers
            best[start + 1], back[start + 1] = here - 4.0, start
        longest = min(n - start, max(3, reach.get(low[start:start + 4], 0) + 1))  # +1: a plural s
        for end in range(start + 2, start + longest + 1):
            w = low[start:end]
            if w in words or w[-1] == "s" and w[:-1] in words:  # a plural too
                score = here + (end - start) ** 2
                if score > best[end]:
                    best[end], back[end] = score, start
    out, end = [], n
    while end > 0:
        out.append(run[back[end]:end])
        end = back[end]
    return tuple(out[::-1])
