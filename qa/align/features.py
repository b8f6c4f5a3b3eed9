"""What the aligner knows about each paragraph, computed once per paragraph.

Signals (each cheap to combine for 1-n beads): length in a unit fitted for
Chinese/English, number anchors, section numbering, Latin tokens and acronyms,
and dictionary glosses of the Chinese words.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ..lang import dictionary
from ..lang.numbers import DATE, PERCENT, POINTS, en_numbers, zh_numbers
from ..lang.text import cjk_count

# One CJK character carries about as much as 3.5 non-space English characters.
CJK_WEIGHT = 3.5

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
          "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18,
          "XIX": 19, "XX": 20}
_CN_SMALL = {c: i for i, c in enumerate("零一二三四五六七八九十", 0)}
_ZH_SECTION = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.．]")
_ZH_SUBSECTION = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]")
_ZH_ARABIC_SECTION = re.compile(r"^\s*(\d{1,2})\s*[、.．](?!\d)")
_EN_SECTION = re.compile(r"^\s*(X{0,2}(?:IX|IV|V?I{0,3}))\s*[.、]\s*(?=[A-Za-z])")
_EN_SUBSECTION = re.compile(r"^\s*\(\s*(\d{1,2})\s*\)")
_EN_ARABIC_SECTION = re.compile(r"^\s*(\d{1,2})\s*\.(?!\d)\s*(?=[A-Za-z])")
# items numbered ① ② ... in Chinese, (a) (b) ... or a) b) in English
_ZH_CIRCLED = re.compile(r"^\s*([①②③④⑤⑥⑦⑧⑨⑩])")
_EN_LETTER = re.compile(r"^\s*\(?([a-j])\)\s*(?=[A-Za-z])")
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9&\-]*[A-Za-z0-9]|[A-Z]")
_EN_TOKEN = re.compile(r"[A-Z]+(?![a-z])|[A-Za-z][a-z]*")
_PUNCT = re.compile(r"[\s\W_]", re.UNICODE)


def _non_space(text: str) -> int:
    return len("".join(text.split()))  # ten times faster than counting r"\S" matches


def _cn_small(s: str) -> int | None:
    if s == "十":
        return 10
    if len(s) == 1:
        return _CN_SMALL.get(s)
    if len(s) == 2 and s[0] == "十":
        return 10 + _CN_SMALL.get(s[1], 0)
    if len(s) == 2 and s[1] == "十":
        return _CN_SMALL.get(s[0], 0) * 10
    if len(s) == 3 and s[1] == "十":
        return _CN_SMALL.get(s[0], 0) * 10 + _CN_SMALL.get(s[2], 0)
    return None


def number_key(value: Decimal, kind: str) -> str:
    """A value at three significant digits, so a rounding still meets its source."""
    group = "%" if kind in (PERCENT, POINTS) else "n"
    if value == 0:
        return f"{group}0"
    return f"{group}{float(value):.2e}"


@dataclass
class Features:
    length: float  # in English non-space characters
    numbers: Counter  # number keys
    section: tuple | None  # ("sec", 3), ("sub", 2), ("item", 1): the numbering system and the number
    latin: frozenset  # zh: Latin tokens; en: lower-case tokens
    words: tuple = ()  # zh: the dictionary words (each has a gloss)
    word_pos: tuple = ()  # zh: the offset of each of those words
    stems: frozenset = frozenset()  # en: stems of the words (or compact text when spaces are lost)
    compact: str = ""  # en: lower-case letters only, for text whose spaces were lost
    spaced: bool = True
    heading: bool = False
    chars: int = 0
    names: frozenset = frozenset()  # zh: pinyin of words the dictionary lacks; en: capitalised names, lower case
    marks: Counter = field(default_factory=Counter)  # ? ! opening quotes, a bullet: dialogue and lists in both languages


_NAME_WORDS = re.compile(r"[A-Z][a-z]+(?:[-'][A-Za-z]+)?(?:[ -][A-Z][a-z]+(?:-[a-z]+)?)?")
# capitalised at a sentence's start, not as part of a name ("And Obal")
_SENTENCE_OPENERS = frozenset("and but the then he she they it in on at of for to when as if so now this that "
                              "there here what who why how".split())


def _zh_names(segmented) -> frozenset:
    """A name the dictionary lacks (王成, 狗儿, 凤姐 in a novel) is left in single characters by
    its segmentation: each run of two or three of them, romanised (wangcheng, gouer), to be met
    by the English name (Wang Cheng, Gou-er). Five letters at least: shorter keys meet by chance."""
    out = set()
    run: list[str] = []
    last = -2
    for pos, w in (*segmented, (-9, "")):
        single = len(w) == 1 and "\u4e00" <= w <= "\u9fff"
        if single and (not run or pos == last + 1):
            run.append(w)
            last = pos
            continue
        for k in range(len(run)):
            for size in (2, 3):
                piece = "".join(run[k:k + size])
                if len(piece) == size and (key := _name_key(piece)):
                    out.add(key)
        run = [w] if single else []  # a run stops at punctuation
        last = pos
    return frozenset(out)


@lru_cache(maxsize=65536)  # a novel names its people again and again
def _name_key(piece: str) -> str | None:
    key = dictionary.pinyin(piece)
    return key if key and len(key) >= 5 else None


def _en_names(text: str) -> frozenset:
    """Capitalised words and pairs as a romanised name is written (Wang Cheng, Gou-er), lower
    case without spaces or hyphens."""
    out = set()
    for m in _NAME_WORDS.finditer(text):
        words = m.group().split(" ")
        if len(words) > 1 and words[0].lower() in _SENTENCE_OPENERS:
            words = words[1:]  # "And Obal" is Obal
        out.add(re.sub(r"['-]", "", "".join(words)).lower())
    return frozenset(out)


# an opening quotation mark: a line of speech (Chinese marks anywhere; an English one at a word's
# start); the pattern is run only where a quotation mark or apostrophe is
_OPEN_QUOTE = re.compile(r"[“「『]|(?:^|(?<=[\s(\[—–:-]))['\"‘](?=\w)")
_QUOTE_CHARS = re.compile("[\"'‘“「『]")
# a dash or bullet item: ——坚持开放合作 / "– Upholding open cooperation"
_BULLET = re.compile(r"^\s*(?:——|—|–|－|-(?=\s)|•|·|▪|●|■|◆|\*(?=\s))")


def _marks(text: str) -> Counter:
    """Question and exclamation marks and opening quotation marks, dialogue's own evidence; and
    a bullet or dash starting an item of a list."""
    found = (("?", text.count("?") + text.count("？")), ("!", text.count("!") + text.count("！")),
             ("quote", len(_OPEN_QUOTE.findall(text)) if _QUOTE_CHARS.search(text) else 0),
             ("bullet", int(bool(_BULLET.match(text)))))
    return Counter({k: n for k, n in found if n})


def _heading(text: str, section) -> bool:
    t = text.strip()
    return section is not None or (len(t) < 60 and not t.endswith(("。", ".", "；", ";", "：", ":")))


def zh_features(norm: str, mentions=None) -> Features:
    """``mentions``: the text's figures when already read (a sentence's, from its paragraph's reading)."""
    cjk = cjk_count(norm)
    other = _non_space(norm) - cjk
    mentions = zh_numbers(norm, numerals=False) if mentions is None else mentions
    nums = Counter(number_key(m.value, m.kind) for m in mentions if m.kind != DATE)
    section = None
    if m := _ZH_SECTION.match(norm):
        section = ("sec", _cn_small(m.group(1)))
    elif m := _ZH_SUBSECTION.match(norm):
        section = ("sub", _cn_small(m.group(1)))
    elif m := _ZH_ARABIC_SECTION.match(norm):
        section = ("sec", int(m.group(1)))
    elif m := _ZH_CIRCLED.match(norm):
        section = ("item", "①②③④⑤⑥⑦⑧⑨⑩".index(m.group(1)) + 1)
    latin = frozenset(t.lower() for t in _LATIN_TOKEN.findall(norm))
    segmented = dictionary.segment(norm)
    found = [(pos, w) for pos, w in segmented if dictionary.stems_of(w)]
    words = tuple(w for _, w in found)
    word_pos = tuple(pos for pos, _ in found)
    return Features(
        length=CJK_WEIGHT * cjk + other * 0.9 + 1.0,
        numbers=nums,
        marks=_marks(norm),
        names=_zh_names(segmented),
        section=section,
        latin=latin,
        words=words,
        word_pos=word_pos,
        heading=_heading(norm, section),
        chars=len(norm),
    )


def en_features(norm: str, mentions=None) -> Features:
    nonspace = _non_space(norm)
    spaces = norm.count(" ")
    tokens = _EN_TOKEN.findall(norm)
    # "EnhancingcomprehensiveIPstrength": a paragraph whose spaces were lost.
    spaced = spaces * 12 >= nonspace
    mentions = en_numbers(norm, numerals=False) if mentions is None else mentions
    nums = Counter(number_key(m.value, m.kind) for m in mentions if m.kind != DATE)
    section = None
    if m := _EN_SECTION.match(norm):
        if m.group(1) in _ROMAN:
            section = ("sec", _ROMAN[m.group(1)])
    elif m := _EN_SUBSECTION.match(norm):
        section = ("sub", int(m.group(1)))
    elif m := _EN_ARABIC_SECTION.match(norm):
        section = ("sec", int(m.group(1)))
    elif m := _EN_LETTER.match(norm):
        section = ("item", "abcdefghij".index(m.group(1)) + 1)
    stems = frozenset(dictionary.stem(t) for t in tokens)
    compact = _PUNCT.sub("", norm).lower()
    return Features(
        length=nonspace + 1.0,
        numbers=nums,
        marks=_marks(norm),
        names=_en_names(norm),
        section=section,
        latin=frozenset(t.lower() for t in _LATIN_TOKEN.findall(norm)),
        stems=stems,
        compact=compact,
        spaced=spaced,
        heading=_heading(norm, section),
        chars=len(norm),
    )

