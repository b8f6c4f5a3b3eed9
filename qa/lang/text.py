"""Script detection and the normalised form of text used for matching.

Findings always quote the original text; matching uses ``normalise()``, which
keeps one character per original character so spans map back unchanged.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# CJK Unified Ideographs, Extension A, compatibility ideographs.
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Every byte but the ASCII letters: deleting them from the ASCII part of a text
# counts its letters ten times faster than a regular expression.
_NON_LETTER_BYTES = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))

# Spaces that PDF and web extraction leave behind; all become a plain space.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u205f\u3000"), " ")
# Zero-width characters become a space too, keeping the length (a span must map back).
_SPACES.update(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), " "))
_SPACES_RE = re.compile("[" + "".join(map(chr, _SPACES)) + "]")  # a regex: str.translate with a dict is slow

# A '?' glued between two non-space characters is a lost non-breaking space
# (seed 001: "planning.?Both", "training?1,530"); a real question mark is
# followed by a space or the end of the text.
_LOST_NBSP_RE = re.compile(r"(?<=\S)\?(?=[\w“\"‘(（])")


def _lost_nbsp(text: str, out: str, at: int) -> str:
    """A space for a '?' that stands for a lost non-breaking space; but a full-width '？' (NFKC
    makes it '?') and a '?' beside Chinese are question marks: Chinese puts no space after one
    ("有关系？如果一家公司…")."""
    if text[at] != "?" or _CJK_RE.match(out, at - 1) or _CJK_RE.match(out, at + 1):
        return "?"
    return " "


def cjk_count(text: str) -> int:
    return sum(map(len, _CJK_RUN_RE.findall(text)))


def latin_count(text: str) -> int:
    return len(text.encode("ascii", "ignore").translate(None, _NON_LETTER_BYTES))


def has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None


def script_of(text: str) -> str | None:
    """'zh', 'en' or None for a paragraph, by which script carries its words.

    One CJK character carries about as much as three Latin letters, so a line
    is Chinese when its CJK characters outweigh its letters on that scale.
    """
    zh = cjk_count(text)
    en = latin_count(text)
    if zh == 0 and en == 0:
        return None
    return "zh" if zh * 3 >= en else "en"


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: only traditional-Chinese text needs it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese, one character for one where possible."""
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    # A phrase conversion changed the length: fall back to characters so spans hold.
    conv = _t2s().convert
    return "".join(c if len(s := conv(c)) != 1 else s for c in text)


def _nfkc_same_length(text: str) -> str:
    out = unicodedata.normalize("NFKC", text)
    if len(out) == len(text):
        return out
    # Some characters expand under NFKC (e.g. '㎡'); keep those as they are.
    return "".join(n if len(n := unicodedata.normalize("NFKC", c)) == 1 else c for c in text)


def normalise(text: str, chinese: bool = False) -> str:
    """The matching form of ``text``: NFKC (full-width digits and signs),
    odd spaces folded, lost-nbsp '?' removed, and for Chinese, simplified
    characters. The result has exactly the length of ``text``."""
    out = _SPACES_RE.sub(" ", _nfkc_same_length(text))
    out = _LOST_NBSP_RE.sub(lambda m: _lost_nbsp(text, out, m.start()), out)
    if chinese and has_cjk(out):
        out = to_simplified(out)
    return out
