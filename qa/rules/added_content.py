"""added-content: an English sentence with no source in the Chinese of its link, or pasted twice."""
from __future__ import annotations

import re
from collections import Counter

from ..lang import dictionary
from ..lang.sentences import en_sentences, zh_sentences
from ..model import Span
from .base import Context, Example, Rule, clip
from .evidence import (
    COUNT_AGAINST,
    EN_STOP,
    EN_WORD,
    LATIN,
    PRIOR_AGAINST,
    SENTENCE_GAP,
    LengthModel,
    Rates,
    SentenceBeads,
    alone_in,
    mentions_in,
    pasted_paragraphs,
    present_numbers,
    spaced,
    telling,
)

_FULL_STOP = re.compile(r"[.!?][\"'”’)]*\s*$")  # a sentence, not a piece cut at a semicolon


class AddedContent(Rule):
    """An English sentence has no source in the Chinese of its paragraph.

    **What it does.** The mirror of dropped-content, held to a stricter
    standard because dictionaries cover English less well: an English
    sentence (in a paragraph with spaces intact) whose own content words,
    six or more, almost all fail to match any gloss or Latin token of the
    Chinese, and whose figures match none of the Chinese ones.

    An English sentence of eight words or more that repeats an earlier one of
    its link word for word (the Chinese saying nothing twice) is reported too.

    **Why.** Added sentences are explanations, background or copy-paste from
    another report; an editor should confirm each one.
    """

    code, name, severity = "AC01", "added-content", "warning"
    summary = "An English sentence has no Chinese source"
    MIN_WORDS, MAX_COVER = 4, 0.34
    examples = (
        Example(
            zh="全省新增发明专利4.32万件。",
            en="The province added 43,200 invention patents. Visitors enjoyed the beautiful beaches "
               "and mountains during the sunny summer holidays.",
            fires=1,
        ),
        Example(zh="全省新增发明专利4.32万件。", en="The province added 43,200 invention patents.", fires=0),
    )

    def check(self, ctx: Context):
        tally: list[tuple[int, int, int, int]] = []  # each sentence tested: own words, found in the link's Chinese (twice), in another's
        repeated = list(self._repeated(ctx))
        pasted = {j for _link, j, a, b, _n, _h in repeated if a == 0 and b == len(ctx.en[j].norm)}
        # a paragraph pasted again is one finding, not one more for each of its sentences
        found = repeated + [s for s in self._suspects(ctx, tally) if s[1] not in pasted]
        if not found:
            return
        rates = Rates.robust(tally)
        lengths = LengthModel.of(ctx)
        for link, j, a, b, n, held in found:
            if n < 0:  # a sentence the English repeats word for word: sure
                para = ctx.en[j]
                text = para.text[a:b]
                yield self.finding(
                    *ctx.paragraphs(link), message=f"Repeated in the English: “{clip(text, 80)}”",
                    en_text=clip(text, 120), spans=[Span(para.id, a, b)], key="repeated " + text,
                    evidence=("the same sentence stands earlier in the link; the Chinese says it once",),
                )
                continue
            words_say = rates.log_odds(held, n, rates.found)
            zh_chars, en_chars = lengths.zh_len(ctx, link.zh), lengths.en_len(ctx, link.en)
            length_says = lengths.log_odds_added(zh_chars, en_chars, b - a)
            # one English sentence more than the Chinese, every other one paired: surer
            bar = COUNT_AGAINST if self._one_more(ctx, link, j, a) else PRIOR_AGAINST
            para = ctx.en[j]
            text = para.text[a:b]
            yield self.finding(
                *ctx.paragraphs(link),
                message=f"Not in the Chinese: “{clip(text, 80)}”",
                en_text=clip(text, 120),
                spans=[Span(para.id, a, b)],
                evidence=(f"{held} of its {n} own words match a gloss of the Chinese (this document: "
                          f"{rates.found:.0%} of a sentence's words; {rates.chance:.0%} in another paragraph's "
                          f"Chinese)",
                          f"log odds added : translated = {words_say:+.1f} from the words, {length_says:+.1f} "
                          f"from the length; a warning needs {bar:.1f}"
                          + (" (the English has one sentence more, and the sentence aligner pairs every "
                             "other one one to one)" if bar == COUNT_AGAINST else "")),
                key=text,
                unsure=words_say + length_says < bar,
            )

    @staticmethod
    def _one_more(ctx: Context, link, j: int, a: int) -> bool:
        """Has the link's English one sentence more than its Chinese, and does the sentence
        aligner pair every other English sentence one to one and leave this one alone?"""
        zs = [(i, za, zb) for i in link.zh for za, zb in zh_sentences(ctx.zh[i].norm)]
        es = [(jj, ea, eb) for jj in link.en for ea, eb in en_sentences(ctx.en[jj].norm)]
        starts = [(jj, ea) for jj, ea, _eb in es]
        if len(es) != len(zs) + 1 or (j, a) not in starts:
            return False
        if any(not _FULL_STOP.search(ctx.en[jj].norm[ea:eb]) for jj, ea, eb in es[:-1]):
            return False  # sentences cut at a semicolon or colon are no count of the Chinese ones
        k = starts.index((j, a))
        cache = ctx.__dict__.setdefault("_added_beads", {})
        key = (link.zh, link.en)
        if key not in cache:
            cache[key] = SentenceBeads(ctx, link, zs)(SENTENCE_GAP)
        return alone_in(cache[key], k, side="en")

    def _repeated(self, ctx: Context):
        """(link, English paragraph, start, end, -1, 0) of each English sentence of eight words or
        more that repeats an earlier one of its link word for word, where no Chinese sentence of
        the link is repeated (a duplicated sentence is a paste slip, not a translation); and each
        English paragraph that repeats an earlier link's English where the Chinese differs (the
        previous paragraph's translation pasted again)."""
        pasted = pasted_paragraphs(ctx)
        for link in ctx.pairs():
            zh = [ctx.zh[i].norm[a:b].strip() for i in link.zh for a, b in zh_sentences(ctx.zh[i].norm)]
            for j in link.en:
                if j in pasted:
                    yield link, j, 0, len(ctx.en[j].norm), -1, 0
            if len(set(zh)) < len(zh):
                continue
            seen = set()
            for j in link.en:
                if j in pasted:
                    continue
                text = ctx.en[j].norm
                run = None  # consecutive repeated sentences are one finding
                for a, b in en_sentences(text):
                    words = " ".join(text[a:b].lower().split())  # figures too: "1. OMEGA ..." is not "2. OMEGA ..."
                    if len(EN_WORD.findall(words)) >= 8 and words in seen:
                        run = (run[0], b) if run else (a, b)
                        continue
                    if run:
                        yield link, j, *run, -1, 0
                        run = None
                    seen.add(words)
                if run:
                    yield link, j, *run, -1, 0

    def _suspects(self, ctx: Context, tally: list[tuple[int, int, int, int]]):
        """(link, English paragraph, start, end, own words, found) of each English sentence whose
        own words almost all miss the Chinese; ``tally`` gets the counts of every sentence tested."""
        matched_en = present_numbers(ctx, side=1)
        pairs = list(ctx.pairs())
        glosses = [_chinese_glosses(ctx, link) for link in pairs]
        for at, link in enumerate(pairs):
            sents = [(j, a, b) for j in link.en for a, b in en_sentences(ctx.en[j].norm)]
            if len(sents) < 2:
                continue
            chinese = glosses[at]
            elsewhere = glosses[(at + 1) % len(pairs)] if len(pairs) > 1 else set()
            tokens = []
            for j, a, b in sents:
                t = ctx.en[j].norm[a:b]
                tokens.append({dictionary.stem(w)[:4] for w in EN_WORD.findall(t)
                               if w.lower() not in EN_STOP and len(w) > 2} if spaced(t) else None)
            # in how many of the link's sentences each word stands: a sentence's own words stand in it alone
            uses = Counter(t for ts in tokens if ts for t in ts)
            for k, (j, a, b) in enumerate(sents):
                if tokens[k] is None:
                    continue
                own = {t for t in tokens[k] if uses[t] == 1}
                if len(own) < self.MIN_WORDS:
                    continue
                found = own & chinese
                tally.append((len(own), len(found), len(found), len(own & elsewhere)))
                if len(found) > self.MAX_COVER * len(own):
                    continue
                if any(telling(m) and id(m) in matched_en for m in mentions_in(ctx, "en", j, a, b)):
                    continue
                yield link, j, a, b, len(own), len(found)


def _chinese_glosses(ctx: Context, link) -> set[str]:
    """The four-letter gloss stems and Latin tokens of a link's Chinese."""
    chinese = set()
    for i in link.zh:
        for _, w in dictionary.segment(ctx.zh[i].norm):
            chinese.update(s[:4] for s in dictionary.stems_of(w))
        chinese.update(t.lower()[:4] for t in LATIN.findall(ctx.zh[i].norm))
    return chinese


# A list item: text between 、 (and the words around the list's ends).
