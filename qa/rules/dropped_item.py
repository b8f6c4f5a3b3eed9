"""dropped-item: an item of a Chinese list or enumeration missing from the English."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..lang import dictionary
from ..lang.text import cjk_count
from ..model import Span
from .base import Context, Example, Rule, clip
from .evidence import (
    LATIN,
    Evidence,
    checked_pairs,
    evidence,
    letters_of,
)

_LIST = re.compile(r"[^、，。；：,;:！？!?“”\"《》（）()]+(?:、[^、，。；：,;:！？!?“”\"《》（）()]+){2,}")
# the last item joined so: 广州、深圳、珠海和佛山 (a list of four). Three items written 广州、深圳和佛山
# are not taken: on the dev corpus such lists are mostly of verbs (照顾、安置和保护 "cared for,
# housed and protected"), rendered freely
_AND = ("和", "与", "及", "以及")
_TITLE_LIST = re.compile(r"《[^》]{2,40}》(?:、?《[^》]{2,40}》){2,}")


class DroppedItem(Rule):
    """An item of a Chinese list (广州、深圳、珠海、佛山、江门) is missing from the English.

    **What it does.** Finds 、-separated lists of three or more items and
    lists of 《titles》, looks up each item's glosses (place names are in
    CC-CEDICT: 江门 is Jiangmen, and a place counts only by its name, not by
    the "municipality" of its gloss) and reports an item absent from the
    English of the paragraph when the other items are all there. An item
    named elsewhere in the paragraph is still missing from the list: the
    English list is where most items are named close together, in the
    Chinese order. An enumeration (一是……二是……, （一）（二）) whose English
    numbers its items (first, second; (1), (2)) is counted: an item is
    missing at the gap in the English numbering, or, when the English
    renumbered, it is the item whose words the English has least of.

    **Why.** Lists are where translators lose an item without noticing, and
    the paragraph still reads well.
    """

    code, name, severity = "DI01", "dropped-item", "warning"
    MIN_ODDS = 10.0
    summary = "A list item has no English counterpart"
    examples = (
        Example(
            zh="推动广州、深圳、珠海、佛山、江门建设知识产权强市。",
            en="Guangzhou, Shenzhen, Zhuhai and Jiangmen were supported in building IP-strong cities.",
            fires=1,
        ),
        Example(
            zh="推动广州、深圳、珠海、佛山、江门建设知识产权强市。",
            en="Guangzhou, Shenzhen, Zhuhai, Foshan and Jiangmen were supported in building IP-strong cities.",
            fires=0,
        ),
        Example(  # an enumeration: the English numbers two of three
            zh="全省重点开展三项工作：一是加强专利行政裁决，二是推进商标品牌培育，三是完善公共服务体系。",
            en="The province, first, strengthened administrative adjudication of patents, and third, improved "
               "its public service system.",
            fires=1,
        ),
        Example(  # Guangzhou is named, but not in the list
            zh="广州开展打击商标侵权专项行动。推动广州、深圳、珠海、佛山、江门建设知识产权强市。",
            en="Guangzhou launched a special campaign against trademark infringement in its markets. Shenzhen, "
               "Zhuhai, Foshan and Jiangmen were supported in building IP-strong cities.",
            fires=1,
        ),
    )

    def check(self, ctx: Context):
        tally = [0, 0]  # list items with glosses to look for, and those found in their link's English
        found = list(self._suspects(ctx, tally))
        # The document's own record: how often a list item's gloss is found when it is there
        # (the other items, Laplace-smoothed). Where the translator keeps to dictionary words, a
        # common word's absence is evidence too: 0.9 / P(missed though there) >= 10.
        known, missed = tally[0] - 1, max(0, tally[0] - tally[1] - 1)
        p_missed = (missed + 1) / (known + 2) if known >= 0 else 1.0
        for f in found:
            if f.severity == "info" and f.key.startswith("item ") and 0.9 / p_missed >= self.MIN_ODDS:
                f = replace(f, severity=self.severity, evidence=(
                    f"a common word, but this document's English has the glosses of {tally[1]} of its "
                    f"{tally[0]} list items",))
            yield f

    def _suspects(self, ctx: Context, tally: list[int]):
        ev = evidence(ctx)
        for link in checked_pairs(ctx):
            english = ev.link_set(link)
            letters = ev.link_text(link)
            for i in link.zh:
                para = ctx.zh[i]
                for items in _lists(para.norm):
                    glossed = [_item_stems(para.norm[a:b]) for a, b in items]
                    checks = []
                    for n, stems in enumerate(glossed):
                        # only what tells this item from the others: 佛山 and 江门 are
                        # both "prefecture-level city in Guangdong"; Foshan is not
                        shared = set().union(*(g for k, g in enumerate(glossed) if k != n))
                        own = [x for x in stems if x not in shared]
                        checks.append(any(_item_word_in(x, english, letters) for x in own) if own else None)
                    checks = _by_pinyin(para.norm, items, glossed, checks, letters)
                    if len(checks) >= 3:
                        tally[0] += sum(1 for c in checks if c is not None)
                        tally[1] += sum(1 for c in checks if c)
                    if all(checks) and len(checks) >= 3:
                        # every item is somewhere in the English; is each in the English list?
                        checks = _in_list(letters, glossed)
                    known = [c for c in checks if c is not None]
                    missing = [it for it, c in zip(items, checks) if c is False]
                    if len(known) < 3 or len(missing) != 1 or sum(known) < 2:
                        continue
                    a, b = missing[0]
                    # a common word's absence is a hint; with an English list one item short, it is the item
                    # (an open list, A、B、C等, too: on the dev corpus no translation names one item fewer)
                    short = len(items) - 1 in {n for j in link.en for n in en_series(ctx.en[j].norm)}
                    yield self._missing(ctx, link, para, a, b, "List item 「{}」 is not in the English "
                                        f"({len(known) - 1} of the other {len(items) - 1} items are"
                                        + (f"; its list names {len(items) - 1})" if short else ")"),
                                        unsure=not _named(para.norm[a:b]) and not short)
                yield from self._enumerations(ctx, ev, link, i)

    def _missing(self, ctx: Context, link, para, start: int, end: int, message: str, unsure: bool = False):
        """The finding for item para.text[start:end]; ``message`` has a {} for it."""
        item = para.text[start:end]
        evidence = () if not unsure else (
            "a common word: the English may render it by a word the dictionary does not give",)
        return self.finding(*ctx.paragraphs(link), message=message.format(clip(item, 40)), zh_text=item,
                            spans=[Span(para.id, start, end)], key=("item " if unsure else "") + item,
                            evidence=evidence, unsure=unsure)

    def _enumerations(self, ctx: Context, ev: Evidence, link, i: int):
        """An enumeration (一是……二是……, （一）……（二）……) whose English counts its items
        (first, second; (1), (2)) and lacks one: the item at the gap in the English
        numbering, or, renumbered, the item the English has least of."""
        para = ctx.zh[i]
        english = " ".join(ctx.en[j].norm for j in link.en)
        numbers = {_ORDINALS.get(w.lower().removesuffix("ly"), 0) or _roman_or_int(d)
                   for w, d in _EN_ENUM.findall(english)}
        numbers.discard(0)
        if not numbers:
            return  # not enumerated in the English: the sentences are compared instead
        en_set = ev.link_set(link)
        for items in _enumerated(para.norm):
            if len(numbers) != len(items) - 1 or max(numbers) > len(items):
                continue
            gap = [k for k in range(len(items)) if k + 1 not in numbers]
            kept = [_kept(ev, en_set, i, a, b) for a, b in items]
            told = [k for k in range(len(items)) if kept[k] is not None]  # None: too few words to tell
            k = gap[0] if max(numbers) == len(items) else min(told, key=kept.__getitem__, default=0)
            if kept[k] is None or kept[k] >= 0.5:
                continue  # the English has most of its words after all
            yield self._missing(ctx, link, para, *items[k], "Item 「{}」 of an enumeration of "
                                f"{len(items)} is not in the English, which numbers {len(numbers)}")


_ZH_DIGITS = "一二三四五六七八九十"
# 一是 / （一）, after a clause's start; the item runs to the next marker or the sentence's end
_ZH_ENUM = re.compile(rf"(?<![^，,：:；;。\s])(?:([{_ZH_DIGITS}])是|[（(]([{_ZH_DIGITS}])[）)])")
_ORDINALS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)}
# "first, ..."; "(2) ..."; "ii) ..." at the start of a sentence or clause
_EN_ENUM = re.compile(r"(?:^|(?<=[,;:.]\s)|(?<=\band\s))(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|"
                      r"ninth|tenth)(?:ly)?,|\(?(\d{1,2}|[ivx]{1,4})\))", re.IGNORECASE)


def _roman_or_int(d: str) -> int:
    if d.isdigit():
        return int(d)
    roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
    return roman.get(d.lower(), 0)


def _enumerated(text: str) -> list[list[tuple[int, int]]]:
    """Item spans of each enumeration numbered from 一 in one style (一是 or （一）)."""
    runs = []
    for style in (1, 2):
        run: list = []
        for m in _ZH_ENUM.finditer(text):
            if not m.group(style):
                continue
            n = _ZH_DIGITS.index(m.group(style))
            if n != len(run):
                runs.append(run)
                run = []
            if n == len(run):
                run.append(m)
        runs.append(run)
    out = []
    for run in runs:
        if len(run) >= 2:
            ends = [r.start() for r in run[1:]] + [_sentence_end(text, run[-1].end())]
            out.append([(r.start(), _trim(text, r.start(), e)) for r, e in zip(run, ends)])
    return out


_ZH_STOP = re.compile(r"[。；;！？!?]")


def _sentence_end(text: str, at: int) -> int:
    m = _ZH_STOP.search(text, at)
    return m.end() if m else len(text)


def _trim(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in "，,；;。 ":
        b -= 1
    return b


def _kept(ev: Evidence, en_set: frozenset, i: int, a: int, b: int) -> float | None:
    """Share of a Chinese stretch's telling dictionary words that the English has (None: too few to tell)."""
    words = [st for st in ev.words(i, a, b).values() if not ev.is_common(st)]
    if len(words) < 2:
        return None
    return sum(1 for st in words if any(x in en_set for x in st)) / len(words)


def _item_word_in(stem: str, english: frozenset, letters: str) -> bool:
    """A list item's gloss stem in the English, folding what five-letter stems miss: trade /
    trading (trad-), abuse / abusive (abus-), work / workplace; a stem of five letters or more
    inside a longer word (activ- in proactiveness) or in English whose spaces were lost."""
    if stem in english or len(stem) >= 5 and letters_of(stem) in letters:
        return True
    root = stem[:-1] if stem.endswith("e") and len(stem) >= 5 else stem
    return len(root) >= 4 and any(w.startswith(root) for w in english)


def _in_list(letters: str, glossed: list) -> list[bool | None]:
    """Whether each item's name is in the stretch of English where the list is:
    an item can be named elsewhere in the paragraph ("Guangzhou" in the next
    sentence) and still be missing from the list. Each item by its
    own gloss words of five letters or more (guangzhou, media-), found
    among the English letters; the list is the stretch that holds the most
    items, allowing ~12 letters per item either side."""
    spots = []
    for n, stems in enumerate(glossed):
        shared = set().union(*(g for k, g in enumerate(glossed) if k != n))
        names = [letters_of(x) for x in stems if x not in shared and len(x) > 4]
        # an item whose long words are nowhere in the letters was found by its short ones: where
        # it stands cannot be told (None), which is not "outside the list"
        spots.append(sorted(m.start() for x in names for m in re.finditer(re.escape(x), letters)) or None
                     if names else None)
    if sum(1 for sp in spots if sp) < 2:
        return [None] * len(glossed)
    reach = 12 * len(glossed)
    centres = sorted(p for sp in spots if sp for p in sp)

    def nearest(sp: list[int], c: int) -> int:
        """The place in ``sp`` (sorted) nearest c, the earlier of two as near (by bisection: an
        item named all over a long paragraph is not scanned whole for every centre)."""
        k = bisect_left(sp, c)
        if k == 0 or k == len(sp):
            return sp[min(k, len(sp) - 1)]
        return sp[k - 1] if c - sp[k - 1] <= sp[k] - c else sp[k]

    def held(c: int) -> int:
        return sum(1 for sp in spots if sp and abs(nearest(sp, c) - c) <= reach)

    def shape(c: int) -> tuple[int, int]:
        """Items out of the Chinese order, and the letters spanned, of the items held around c."""
        near = [p for sp in spots if sp and abs((p := nearest(sp, c)) - c) <= reach]
        swaps = sum(1 for k, p in enumerate(near) for q in near[k + 1:] if q < p)
        return swaps, max(near) - min(near)
    # the most items, then in the Chinese order, then the tightest: "negotiation
    # and arbitration" is the list (谈判、调解、仲裁), not "arbitration mediation"
    # or "Mediation Centre. The Guangzhou Arbitration" around it
    best = max(centres, key=lambda c: (held(c), *(-x for x in shape(c)), -c))
    return [None if sp is None else any(abs(p - best) <= reach for p in sp) for sp in spots]


def _lists(text: str) -> list[list[tuple[int, int]]]:
    """Item spans of each list in ``text``. The middle items must be short (a
    list of names or terms, not of clauses); the first and last pieces carry
    the words around the list (推动广州, 江门建设...), so they are cut to the
    middle items' length: 推动广州 -> 广州, 江门建设知识产权强市 -> 江门."""
    out = []
    for m in _TITLE_LIST.finditer(text):
        out.append([(m.start() + t.start() + 1, m.start() + t.end() - 1) for t in re.finditer(r"《[^》]+》", m.group())])
    for m in _LIST.finditer(text):
        pieces, pos = [], m.start()
        for piece in m.group().split("、"):
            pieces.append((pos, pos + len(piece)))
            pos += len(piece) + 1
        pieces[-1:] = _last_joined(text, *pieces[-1])
        # a long piece ends one list and starts the next: 湖北、湖南、江西、安徽、江苏等省份已在
        # 长江中游、下游 is a list of five provinces, then one of two reaches
        run: list[tuple[int, int]] = []
        for k, (a, b) in enumerate(pieces):
            run.append((a, b))
            if b - a > 8 and 0 < k < len(pieces) - 1:
                out += _cut_list(text, run)
                run = [(a, b)]
        out += _cut_list(text, run)
    return out


def _last_joined(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The last piece of a 、-list, split where 和/与/及 joins the last item to it ("深圳和佛山等地"
    is two items); the conjunction must be a word of its own (和平 is not one), within eight
    characters."""
    for off, w in dictionary.segment(text[a:b]):
        if off > 8:
            break
        if off and w in _AND:
            if text.startswith(("其他", "其它", "其余"), a + off + len(w)):
                return [(a, a + off)]  # "and other entities" names no item
            return [(a, a + off), (a + off + len(w), b)]
    return [(a, b)]


def _cut_list(text: str, parts: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The list of ``parts`` (three or more, short middle items) with its first and last pieces
    cut to the middle items' length; none when it is not such a list."""
    middle = [b - a for a, b in parts[1:-1]]
    if len(parts) < 3 or max(middle) > 8:
        return []
    size = sorted(middle)[len(middle) // 2]
    (a0, b0), (a1, b1) = parts[0], parts[-1]
    # 万顷沙等地建设...: a list that ends in 等 ("and others") ends there
    stop = text.find("等", a1, min(b1, a1 + 9))
    end = stop if stop > a1 else _word_edge(text, a1, b1, size, from_end=False)
    return [[(_word_edge(text, a0, b0, size, from_end=True), b0), *parts[1:-1], (a1, end)]]


def _by_pinyin(text: str, items: list, glossed: list, checks: list, letters: str) -> list:
    """Items the dictionary lacks (南沙, a village, a person) looked for by their pinyin in the
    English letters (Nansha). Found, an item is there; not found, it is missing only when two
    other items of the list were found that way: a list of names the English romanises."""
    keys = [dictionary.pinyin(text[a:b]) if not g and 2 <= b - a <= 4 and cjk_count(text[a:b]) == b - a else None
            for (a, b), g in zip(items, glossed)]
    if not any(keys):
        return checks
    found = [bool(k) and k in letters for k in keys]
    out = list(checks)
    for n, k in enumerate(keys):
        if k:
            out[n] = True if found[n] else (False if sum(found) >= 2 else None)
    return out


def _named(item: str) -> bool:
    """An item known by a name (广州: Guangzhou; PCT; a 《title》's words) rather than by a common
    word's glosses: its absence from the English is evidence; a common word's (作品: works,
    pieces, productions...) is only a hint."""
    # an item the dictionary lacks is only ever judged missing by its pinyin, as a name
    return bool(LATIN.fullmatch(item) or dictionary.name_of(item) or not dictionary.stems_of(item))


def _item_stems(item: str) -> tuple[str, ...]:
    """Glosses of a list item that is itself a dictionary entry (广州, 商标) or a
    Latin token (PCT); other items (可预期) cannot be checked."""
    if LATIN.fullmatch(item):
        return (item.lower(),)
    if len(item) < 2:  # 初、中、高级 is 初级、中级、高级: one character's glosses are too many
        return ()
    # a place is present only by its name: 上海 is also "municipality" and
    # "centre", words a report uses anywhere
    return dictionary.name_of(item) or dictionary.stems_of(item)


def _word_edge(text: str, a: int, b: int, size: int, from_end: bool) -> int:
    """Where to cut text[a:b] to keep about ``size`` characters at one end
    without splitting a dictionary word (省通信管理局 -> 通信管理局)."""
    words = [(a + off, a + off + len(w)) for off, w in dictionary.segment(text[a:b])]
    if from_end:
        cut = max(a, b - size)
        for s, e in words:
            if s < cut < e:
                return s
        return cut
    cut = min(b, a + size)
    for s, e in words:
        if s < cut < e:
            return e
    return cut


# An English series of three items or more: up to four words each, joined by commas, the last by
# "and" or "or" ("A and B" alone is any coordination: counted, it put false findings on the dev corpus)
_EN_ITEM = r"[\w'’&-]+(?: [\w'’&-]+){0,3}"
_EN_SERIES = re.compile(rf"{_EN_ITEM}((?:, {_EN_ITEM})+),? (?:and|or) {_EN_ITEM}")
_OPEN_END = re.compile(r"\b(?:etc|others|so on|so forth|among)\b", re.IGNORECASE)


def en_series(text: str) -> list[int]:
    """The item count of each series in an English text ("A, B, C and D": 4); an open one
    ("..., and others", "etc.") is not counted."""
    return [m.group(1).count(", ") + 2 for m in _EN_SERIES.finditer(text) if not _OPEN_END.search(m.group())]
