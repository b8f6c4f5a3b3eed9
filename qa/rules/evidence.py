"""The dictionary evidence that the content rules share (dropped-content, added-content,
dropped-item): a document's English word stems and their spread, the sentence aligner run
inside a link, and the document's own baselines (how often a translated sentence's words are
found, how often by chance; its English/Chinese length ratio and spread) against which a rule
weighs a loss as sure (warning) or not (info).

A Chinese sentence is represented by its *own* words: dictionary words with English glosses
that no other sentence of the same paragraph uses (a paragraph's topic words are everywhere and
prove nothing). A paraphrase keeps most of a sentence's own words findable, a merge with a
neighbouring sentence keeps all of them.
"""
from __future__ import annotations

import math
import re
import statistics
from bisect import bisect_left
from dataclasses import dataclass

from ..lang import dictionary
from ..lang.sentences import en_sentences
from ..lang.text import cjk_count
from .base import Context
from .paragraphs import truncated_tail

EN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&-]*")
EN_STOP = frozenset(
    "the a an of and or in on at to for by with from as is are was were be been being has have had its it this that "
    "these those which who whom their they them there than then also more over total such other into out under "
    "all any each both including included include while during through across per within well further".split()
)


def stems_of_text(text: str) -> frozenset:
    """Stems of the English words of ``text``; a hyphened word gives its parts too ("long-term"
    holds long and term, the glosses of 长期)."""
    words = EN_WORD.findall(text)
    return frozenset(dictionary.stem(w) for w in words) | frozenset(
        dictionary.stem(part) for w in words if "-" in w for part in w.split("-") if part)


def letters_of(text: str) -> str:
    return re.sub(r"[\W\d_]", "", text).lower()


class Evidence:
    """Per-document dictionary evidence shared by the content and term rules."""

    COMMON = 0.4  # a gloss found in this share of English paragraphs says nothing

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._en: dict[int, frozenset] = {}
        self._df: dict[str, float] = {}
        self._tables = None
        self._sentences: dict[int, list] = {}
        self._weights: dict[tuple, float] = {}  # per word's stems: asked for every sentence of every rule
        self._common: dict[tuple, bool] = {}
        self._glossed_at: dict[int, tuple] = {}

    def en_set(self, j: int) -> frozenset:
        """Stems of English paragraph j (its words told apart first where its spaces were lost)."""
        got = self._en.get(j)
        if got is None:
            text = self.ctx.en[j].norm
            if spaced(text):
                got = stems_of_text(text) | frozenset(w.lower() for w in LATIN.findall(text))
            else:  # its sentences' words, each sentence's told apart once
                got = frozenset().union(*self.sentence_sets(j))
            self._en[j] = got
        return got

    def link_set(self, link) -> frozenset:
        return frozenset().union(*(self.en_set(j) for j in link.en))

    def link_text(self, link) -> str:
        """The English of a link in lower-case letters only, for names in text whose spaces were lost."""
        return " ".join(letters_of(self.ctx.en[j].norm) for j in link.en)

    def df(self, stem: str) -> float:
        """Share of the English paragraphs in which a gloss stem occurs."""
        got = self._df.get(stem)
        if got is None:
            got = self._df[stem] = self._df_table.get(stem, 0) / max(1, len(self.ctx.en))
        return got

    @property
    def _df_table(self):
        """Stem counts over the English paragraphs."""
        if self._tables is None:
            from collections import Counter

            words: Counter = Counter()
            for j in range(len(self.ctx.en)):
                words.update(self.en_set(j))  # each paragraph's set made once, kept for the rules
            self._tables = words
        return self._tables

    def sentence_sets(self, j: int) -> list[frozenset]:
        """The stems of each sentence of English paragraph j."""
        got = self._sentences.get(j)
        if got is None:
            text = self.ctx.en[j].norm
            got = []
            for a, b in en_sentences(text):
                t = _words_apart(text[a:b])
                got.append(stems_of_text(t) | frozenset(w.lower() for w in LATIN.findall(t)))
            self._sentences[j] = got
        return got

    def weight(self, stems: tuple[str, ...]) -> float:
        """1 for a word whose gloss is rare in the English, less for one found in many paragraphs."""
        if len(self.ctx.en) < 10:
            return 1.0
        got = self._weights.get(stems)
        if got is None:
            got = self._weights[stems] = 1.0 - max(self.df(s) for s in stems)
        return got

    def is_common(self, stems: tuple[str, ...]) -> bool:
        """A word whose gloss turns up in most English paragraphs (知识产权 in an IP report)
        proves nothing; with fewer than ten paragraphs, frequency cannot be told."""
        if len(self.ctx.en) < 10:
            return False
        got = self._common.get(stems)
        if got is None:
            got = self._common[stems] = any(self.df(s) > self.COMMON for s in stems)
        return got

    def _glossed(self, i: int) -> tuple[list[int], list[tuple]]:
        """(offsets, (word, stems)) of Chinese paragraph i's dictionary words of two or more
        characters with glosses, in order: segmented once, sliced for each sentence and clause."""
        got = self._glossed_at.get(i)
        if got is None:
            seg = [(pos, w, st) for pos, w in dictionary.segment(self.ctx.zh[i].norm)
                   if len(w) > 1 and (st := dictionary.stems_of(w))]
            got = self._glossed_at[i] = ([p for p, _, _ in seg], [(w, st) for _, w, st in seg])
        return got

    def words(self, i: int, a: int = 0, b: int | None = None) -> dict[str, tuple[str, ...]]:
        """Dictionary words (two or more characters, with glosses) and Latin tokens
        (PCT, WIPO) of Chinese paragraph i, or of its characters a:b."""
        text = self.ctx.zh[i].norm
        b = len(text) if b is None else b
        pos, glossed = self._glossed(i)
        out = dict(glossed[bisect_left(pos, a):bisect_left(pos, b)])
        for t in LATIN.finditer(text, a, b):
            if len(t.group()) > 1:
                out[t.group()] = (t.group().lower(),)
        return out


def evidence(ctx: Context) -> Evidence:
    got = ctx.__dict__.get("_evidence")
    if got is None:
        got = ctx.__dict__["_evidence"] = Evidence(ctx)
    return got


def sentence_features(ctx: Context, link, sents) -> tuple[list, list]:
    """The aligner's features of a link's Chinese sentences ``sents`` and of its English sentences."""
    from ..align.features import en_features, zh_features

    es = [(j, a, b) for j in link.en for a, b in en_sentences(ctx.en[j].norm)]

    def figures(side, i, a, b):  # a sentence's figures, from its paragraph's one reading
        return [m for m in mentions_in(ctx, side, i, a, b) if m.end <= b and not m.numeral]

    return ([zh_features(ctx.zh[i].norm[a:b], figures("zh", i, a, b)) for i, a, b in sents],
            [en_features(ctx.en[j].norm[a:b], figures("en", j, a, b)) for j, a, b in es])


def telling(m) -> bool:
    """A figure whose presence on the other side says the sentence is there: not a year, a
    date, a spelled numeral ("first", 一颗) or a small count, which turn up anywhere."""
    return m.kind not in ("date", "year") and not m.numeral and (m.kind in ("percent", "points") or m.value >= 10)


def mentions_in(ctx: Context, side: str, i: int, a: int, b: int) -> list:
    """The number mentions of paragraph i of ``side`` ("zh" or "en") that start within a:b, by
    bisection over the paragraph's mentions sorted once: a paragraph of hundreds of sentences is
    not scanned whole for each of its sentences and clauses."""
    cache = ctx.__dict__.setdefault(f"_{side}_number_starts", {})
    if i not in cache:
        ms = sorted((ctx.zh_numbers if side == "zh" else ctx.en_numbers)[i], key=lambda m: m.start)
        cache[i] = ([m.start for m in ms], ms)
    starts, ms = cache[i]
    return ms[bisect_left(starts, a):bisect_left(starts, b)]


class SentenceBeads:
    """A link's sentence alignments by gap cost, each computed when a sentence needs it
    (the features once for all)."""

    def __init__(self, ctx: Context, link, sents):
        self.ctx, self.link, self.sents = ctx, link, sents
        self._features = None
        self._beads: dict[float, list] = {}

    def __call__(self, gap: float) -> list | None:
        """The beads at this gap cost; None when the English has no sentences."""
        from ..align import align_features

        if gap not in self._beads:
            if self._features is None:
                self._features = sentence_features(self.ctx, self.link, self.sents)
            zf, ef = self._features
            self._beads[gap] = align_features(zf, ef, gap_open=gap) if ef else None
        return self._beads[gap]


def unmatched_sentences(link, beads: list | None, words, ev: Evidence) -> set[int]:
    """Indices of the link's Chinese sentences (``words`` of each) that the sentence
    aligner's ``beads`` leave with no English sentence, or put in a bead with others
    whose English holds little of its own words (a dropped sentence is often merged
    with a neighbour rather than left alone)."""
    if beads is None:
        return set(range(len(words)))
    sets = [st for j in link.en for st in ev.sentence_sets(j)]
    out = set()
    for bead in beads:
        if not bead.en:
            out.update(bead.zh)
        elif len(bead.zh) > 1:
            here = [sets[x] for x in bead.en if x < len(sets)]
            for k in bead.zh:
                mine = {w: st for w, st in words[k].items() if not ev.is_common(st)}
                total = sum(ev.weight(st) for st in mine.values())
                held = sum(ev.weight(st) for st in mine.values() if any(x in h for h in here for x in st))
                if len(mine) >= 3 and held <= MERGED_COVER * total:
                    out.add(k)
    return out


def alone_in(beads, k: int, side: str = "zh") -> bool:
    """Does the sentence aligner leave sentence k of ``side`` alone (1-0, or 0-1 for "en") and
    pair every other sentence of the link one to one? Then the link's sentence counts, one
    apart, say which sentence has no counterpart."""
    if not beads:
        return False
    other = "en" if side == "zh" else "zh"
    lone = [b for b in beads if getattr(b, side) == (k,) and not getattr(b, other)]
    return bool(lone) and all((len(b.zh), len(b.en)) == (1, 1) or b is lone[0] for b in beads)


# The count (one sentence fewer on one side, every other one paired one to one) is a warning
# with weaker word evidence than the other tests need: log odds 1, not PRIOR_AGAINST's 3.
COUNT_AGAINST = 1.0
MERGED_COVER = 0.35
# For the last test, a sentence left out costs the aligner less than a paragraph
# does: on the mutation benchmark gap 1.0 leaves 205 of 222 deleted sentences
# unmatched against 175 at the paragraph aligner's 3.0, for 17 of 403
# untouched sentences against 9; the stricter tests keep the usual cost.
SENTENCE_GAP = 1.0


def checked_pairs(ctx: Context) -> list:
    """The links with text on both sides that the content rules judge: not the one where the
    English stops mid-sentence (dropped-truncation says so), nor one whose English is another
    paragraph's pasted again (added-content says so). Computed once per check."""
    got = ctx.__dict__.get("_checked_pairs")
    if got is None:
        tail = truncated_tail(ctx)
        cut = tail.stop if tail and tail.cut else None
        pasted = pasted_paragraphs(ctx)
        got = ctx.__dict__["_checked_pairs"] = [
            link for link in ctx.pairs() if cut not in link.en and not pasted.intersection(link.en)]
    return got


def present_numbers(ctx: Context, side: int = 0, exact: bool = False) -> set[int]:
    """ids of the number mentions of one side (0 Chinese, 1 English) that have a counterpart
    on the other (same value, scaled or mistyped; with ``exact``, the same value only:
    once a sentence is gone, its figures get paired with any other figure of the
    paragraph within a factor of two as "mistyped")."""
    from .numbers import link_matches

    return {id(pair[side]) for _link, lm, _owner in link_matches(ctx)
            for pair in (lm.pairs if exact else lm.counterparts())}


def _words_apart(text: str) -> str:
    """The text itself, or, where its spaces were lost, its words told apart (qa.lang.glued)."""
    if spaced(text):
        return text
    from ..lang.glued import spaced_out

    return spaced_out(text)


def spaced(text: str) -> bool:
    """Does the English keep its word spaces? ("EnhancingcomprehensiveIPstrength" does not.)"""
    return text.count(" ") * 12 >= len(text.replace(" ", ""))


@dataclass(frozen=True)
class Rates:
    """A document's own rates of finding a sentence's dictionary words: in its link's English
    (``found``), in the closest two English sentences (``near``), and in another link's English
    (``chance``: what a sentence that is not there still finds)."""

    found: float
    near: float
    chance: float

    # What a document too short to tell is taken to be like, as so many words of evidence: a
    # cautious middle of the dev corpus (news finds ~60% of a sentence's words, literary ~55%,
    # reports ~80%; by chance 10-30%).
    PRIOR_WORDS, PRIOR_FOUND, PRIOR_NEAR, PRIOR_CHANCE = 30, 0.55, 0.5, 0.2

    @classmethod
    def of(cls, words: int, found: int, near: int, chance: int) -> Rates:
        """The rates of a document's counts, drawn towards the prior by its few words."""
        n = words + cls.PRIOR_WORDS
        return cls(found=(found + cls.PRIOR_FOUND * cls.PRIOR_WORDS) / n,
                   near=(near + cls.PRIOR_NEAR * cls.PRIOR_WORDS) / n,
                   chance=(chance + cls.PRIOR_CHANCE * cls.PRIOR_WORDS) / n)

    # A sentence is taken to be missing (or added) once in twenty, as PRIOR_AGAINST says.
    MISSING_SHARE = 0.05

    @classmethod
    def robust(cls, rows: list[tuple[int, int, int, int]], rounds: int = 8) -> Rates:
        """The rates of per-sentence counts (words, found, near, found by chance), where some
        sentences may themselves be missing: a draft with many lost sentences would otherwise
        lower the rate a translated sentence is held to, and hide its own losses. Each
        sentence's counts weigh by how likely it is translated (two-component EM: words found
        at ``found`` if translated, at ``chance`` if not)."""
        rates = cls.of(*(sum(col) for col in zip(*rows))) if rows else cls.of(0, 0, 0, 0)
        if not rows:
            return rates
        chance = rates.chance  # another link's text: what a missing sentence finds, not weighed
        prior = math.log(cls.MISSING_SHARE / (1 - cls.MISSING_SHARE))
        for _ in range(rounds):
            weights = []
            for n, hits, _near, _chance in rows:
                z = prior + rates.log_odds(hits, n, rates.found)
                # P(translated); a sentence of hundreds of unfound words would overflow exp
                weights.append(1.0 if z < -30 else 1.0 / (1.0 + math.exp(min(z, 700.0))))
            weighed = cls.of(*(sum(w * r[k] for w, r in zip(weights, rows)) for k in range(3)), 0)
            rates = cls(found=weighed.found, near=weighed.near, chance=chance)
        return rates

    def log_odds(self, hits: int, n: int, rate: float) -> float:
        """Log-likelihood ratio, dropped : translated, of ``hits`` of ``n`` words found, each found
        at the chance rate if the sentence was dropped and at ``rate`` if it was translated."""
        r0 = min(max(self.chance, 0.02), 0.9)
        q = min(max(rate, r0 + 0.05), 0.98)  # a dictionary that finds no more than chance tells nothing
        return hits * math.log(r0 / q) + (n - hits) * math.log((1 - r0) / (1 - q))


class LengthModel:
    """The document's own English/Chinese length ratio over its linked paragraphs, with its
    spread (robust: median and MAD of the log ratio), to ask whether a link's English is
    nearer the length of a translation without one of its sentences than with it."""

    @classmethod
    def of(cls, ctx: Context) -> LengthModel:
        """The document's model, fitted once per check (three rules ask)."""
        got = ctx.__dict__.get("_lengths")
        if got is None:
            got = ctx.__dict__["_lengths"] = cls(ctx)
        return got

    def __init__(self, ctx: Context):
        logs = [math.log(e / z) for link in ctx.pairs()
                if (z := self.zh_len(ctx, link.zh)) and (e := self.en_len(ctx, link.en))]
        # fewer than five links tell no ratio: the model abstains (odds 0)
        self.known = len(logs) >= 5
        self.centre = statistics.median(logs) if self.known else 0.0
        spread = statistics.median(abs(x - self.centre) for x in logs) * 1.4826 if self.known else 0.0
        self.spread = max(spread, 0.05)

    @staticmethod
    def zh_len(ctx: Context, zh) -> int:
        counts = ctx.__dict__.get("_cjk_counts")
        if counts is None:  # each paragraph counted once: rules ask for every sentence of a link
            counts = ctx.__dict__["_cjk_counts"] = [cjk_count(p.norm) for p in ctx.zh]
        return sum(counts[i] for i in zh)

    @staticmethod
    def en_len(ctx: Context, en) -> int:
        return sum(len(ctx.en[j].norm) for j in en)

    def shortfall(self, zh_chars: int, en_chars: int) -> float:
        """How many spreads a link's English falls short of the document's ratio (negative: longer)."""
        if not self.known or not zh_chars or not en_chars:
            return 0.0
        return (self.centre - math.log(en_chars / zh_chars)) / self.spread

    def log_odds_added(self, zh_chars: int, en_chars: int, added_chars: int) -> float:
        """Log-likelihood ratio of "``added_chars`` of the English have no source" against "the
        English translates the Chinese and no more"."""
        if not self.known or not zh_chars or added_chars >= en_chars:
            return 0.0
        with_it = (math.log(en_chars / zh_chars) - self.centre) / self.spread
        without = (math.log((en_chars - added_chars) / zh_chars) - self.centre) / self.spread
        return (with_it * with_it - without * without) / 2

    def log_odds_without(self, zh_chars: int, en_chars: int, dropped_chars: int) -> float:
        """Log-likelihood ratio of "the English lacks ``dropped_chars`` of the Chinese" against
        "the English translates it all", under the document's normal length spread."""
        if not self.known or not zh_chars or not en_chars or dropped_chars >= zh_chars:
            return 0.0
        with_it = (math.log(en_chars / zh_chars) - self.centre) / self.spread
        without = (math.log(en_chars / (zh_chars - dropped_chars)) - self.centre) / self.spread
        return (with_it * with_it - without * without) / 2


# A dropped (or added) sentence is taken as a one-in-twenty event: a warning needs evidence 20
# times likelier under "dropped" than under "translated" (log odds >= log 20).
PRIOR_AGAINST = math.log(20)


def pasted_paragraphs(ctx: Context) -> frozenset[int]:
    """English paragraphs (8+ words) that repeat an earlier link's English under a different
    Chinese paragraph: the previous translation pasted again, word for word anywhere in the
    document, or nearly (15+ words, the same first or last 30 characters and rapidfuzz ratio
    >= 90: a figure retyped or dropped) among the three links before. The Chinese must differ
    (ratio < 80): a source that says the same thing twice may have the same English. One
    error, which added-content reports; the other rules leave such a link alone (its figures
    and words are another paragraph's). Computed once per check."""
    got = ctx.__dict__.get("_pasted")
    if got is None:
        first: dict[str, str] = {}  # an English paragraph, as compared -> its link's Chinese
        recent: list[tuple[str, str]] = []  # (English, Chinese) of the last three links
        pasted = set()
        for link in ctx.pairs():
            chinese = "".join(ctx.zh[i].norm for i in link.zh)
            for j in link.en:
                text = " ".join(ctx.en[j].norm.lower().split())
                words = len(EN_WORD.findall(text))
                if words < 8:
                    continue
                earlier = [first.setdefault(text, chinese)]
                near = [(en, zh) for en, zh in recent if words >= 15 and en != text
                        and (en[:30] == text[:30] or en[-30:] == text[-30:])]
                if near or earlier[0] != chinese:
                    from rapidfuzz import fuzz  # only when a repeat is likely: start-up time counts

                    earlier += [zh for en, zh in near if fuzz.ratio(en, text) >= 90]
                    if any(zh != chinese and fuzz.ratio(zh, chinese) < 80 for zh in earlier):
                        pasted.add(j)
                recent = (recent + [(text, chinese)])[-3:]
        got = ctx.__dict__["_pasted"] = frozenset(pasted)
    return got
