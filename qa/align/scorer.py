"""The score of a bead: log-likelihood-style evidence that zh[i0:i1] translates en[j0:j1].

Positive means "more like a translation than chance", so a true bead scores
above zero and a skipped paragraph (score 0, minus the gap cost) loses to it;
a wrong pairing scores below zero and loses to the skip.
"""
from __future__ import annotations

import math
import random
from collections import Counter

from ..lang import dictionary
from .features import Features

# Evidence weights, tuned on the seeds and the damage benchmark (bench/align_damage.py).
NUMBER_MATCH = 3.0
NUMBER_MISS = -0.6
SECTION_MATCH = 4.0
SECTION_CLASH = -6.0
SECTION_ALONE = -1.5
LATIN_MATCH = 2.0
LATIN_MISS = -0.4
LENGTH_BONUS = 1.5
HEADING_MERGE = -5.0
TRUNCATED = -2.0  # prior of "the English stops inside this paragraph"
TYPE_PRIOR = {(1, 1): 0.0, (1, 2): -1.5, (2, 1): -1.5, (2, 2): -3.5, (1, 3): -3.5, (3, 1): -3.5}


class Scorer:
    """Scores beads; the parts that do not depend on the fitted parameters
    (length ratio, true-hit rate) are cached per bead, so a second search
    with refitted parameters costs little."""

    MAX_CACHE = 2_000_000

    def __init__(self, zh: list[Features], en: list[Features], ratio: float = 1.0):
        self.zh, self.en = zh, en
        self.ratio = ratio
        self._mask: dict[tuple[int, int], int] = {}
        self._subs: dict[int, frozenset] = {}
        self._parts: dict[tuple[int, int, int, int], tuple] = {}
        # A Chinese word's gloss turns up by chance in English of length L with
        # probability 1 - exp(-lam * L); in a translation, a further share q of
        # the words that chance misses turns up too. Both are fitted per document.
        self.lam, self.q = 0.0005, 0.45
        self.keep = self._informative_words()
        self._fit_chance()

    # -- dictionary evidence
    def _substrings(self, j: int) -> frozenset:
        """Every 2-5 letter substring of an English text whose spaces were lost."""
        got = self._subs.get(j)
        if got is None:
            got = self._subs[j] = dictionary.substrings(self.en[j].compact)
        return got

    def mask(self, i: int, j: int) -> int:
        """Bit k set when the k-th dictionary word of zh[i] has a gloss in en[j]."""
        key = (i, j)
        got = self._mask.get(key)
        if got is None:
            e = self.en[j]
            stems = e.stems if e.spaced else self._substrings(j)
            got = 0
            for k, word in enumerate(self.zh[i].words):
                for s in word:
                    if s in stems:
                        got |= 1 << k
                        break
            self._mask[key] = got
        return got

    COMMON = 0.4  # a word whose gloss is in this share of English paragraphs says nothing

    def _informative_words(self) -> list[int]:
        """Per Chinese paragraph, a bit mask of its words that carry information:
        words whose gloss turns up in most English paragraphs (知识产权 -> "IP"
        in an IP report) are left out, as an IDF weighting would."""
        m = len(self.en)
        if m < 10:  # too few paragraphs to tell a common word from a shared one
            return [(1 << len(z.words)) - 1 for z in self.zh]
        sample = range(0, m, max(1, m // 300))
        sets = [self.en[j].stems if self.en[j].spaced else self._substrings(j) for j in sample]
        df: dict[tuple, bool] = {}
        keep = []
        for z in self.zh:
            bits = 0
            for k, word in enumerate(z.words):
                common = df.get(word)
                if common is None:
                    found = sum(1 for st in sets if any(s in st for s in word))
                    common = df[word] = found > self.COMMON * len(sets)
                if not common:
                    bits |= 1 << k
            keep.append(bits)
        return keep

    def _fit_chance(self) -> None:
        """The chance hit rate for this document (lost spaces inflate chance hits)."""
        n, m = len(self.zh), len(self.en)
        if not n or not m:
            return
        rng = random.Random(1234)  # fixed seed: output must be deterministic
        hits = words = 0
        for _ in range(min(300, n * m)):
            i, j = rng.randrange(n), rng.randrange(m)
            if abs(i / n - j / m) < 0.1 and n * m > 100:
                continue  # near the diagonal pairs may be translations
            w = self.keep[i].bit_count()
            if w:
                hits += (self.mask(i, j) & self.keep[i]).bit_count()
                words += w
        if words:
            mean_len = sum(e.length for e in self.en) / m
            chance = min(max(hits / words, 0.01), 0.8)
            self.lam = -math.log(1 - chance) / mean_len

    def fit_true_rate(self, beads) -> None:
        """Fit q on confident 1-1 beads [(i, j)] of a first search."""
        rates = []
        for i, j in beads:
            w = self.keep[i].bit_count()
            if w >= 5:
                pc = 1 - math.exp(-self.lam * self.en[j].length)
                rates.append(((self.mask(i, j) & self.keep[i]).bit_count() / w - pc) / (1 - pc))
        if len(rates) >= 5:
            rates.sort()
            self.q = min(max(rates[len(rates) // 2], 0.15), 0.9)

    def _dict_term(self, words: int, hits: int, el: float) -> float:
        pc = min(1 - math.exp(-self.lam * el), 0.98)
        pt = pc + (1 - pc) * self.q
        return hits * math.log(pt / pc) + (words - hits) * math.log(1 - self.q)

    def truncated_score(self, i: int, j: int) -> float | None:
        """Score of zh[i] against an English paragraph that stops part-way
        (the last paragraph of a truncated translation): only the part of the
        Chinese that the English length covers is expected to be found."""
        z, e = self.zh[i], self.en[j]
        covered = e.length / (z.length * self.ratio)
        if covered > 0.7 or not z.words:
            return None
        limit = min(1.0, covered * 1.3) * z.chars
        prefix = ((1 << sum(1 for p in z.word_pos if p < limit)) - 1) & self.keep[i]
        k = prefix.bit_count()
        if k < 3:
            return None
        hits = (self.mask(i, j) & prefix).bit_count()
        return TRUNCATED + LENGTH_BONUS + self._dict_term(k, hits, e.length)

    # -- the bead
    def score(self, i0: int, i1: int, j0: int, j1: int) -> float:
        key = (i0, i1, j0, j1)
        parts = self._parts.get(key)
        if parts is None:
            parts = self._static(i0, i1, j0, j1)
            if len(self._parts) < self.MAX_CACHE:
                self._parts[key] = parts
        static, words, hits, zl, el = parts
        s = static
        if words:
            s += self._dict_term(words, hits, el)
        zl *= self.ratio
        d = math.log(el / zl)
        sigma = 0.22 + 2.5 / math.sqrt(min(zl, el))
        s += LENGTH_BONUS - d * d / (2 * sigma * sigma)
        if j1 == len(self.en) and i1 - i0 == 1 and j1 - j0 == 1:
            t = self.truncated_score(i0, j0)
            if t is not None and t > s:
                return t
        return s

    def _static(self, i0: int, i1: int, j0: int, j1: int) -> tuple:
        """(evidence independent of fitted parameters, words, hits, zh length, en length)."""
        zs = range(i0, i1)
        es = range(j0, j1)
        zh, en = self.zh, self.en
        nz, ne = i1 - i0, j1 - j0
        s = TYPE_PRIOR.get((nz, ne), -6.0)

        words = hits = 0
        for i in zs:
            keep = self.keep[i]
            if not keep:
                continue
            mask = 0
            for j in es:
                mask |= self.mask(i, j)
            words += keep.bit_count()
            hits += (mask & keep).bit_count()

        # numbers
        if nz == 1:
            zn = zh[i0].numbers
        else:
            zn = Counter()
            for i in zs:
                zn.update(zh[i].numbers)
        if ne == 1:
            en_ = en[j0].numbers
        else:
            en_ = Counter()
            for j in es:
                en_.update(en[j].numbers)
        if zn or en_:
            matched = sum((zn & en_).values()) if zn and en_ else 0
            s += matched * NUMBER_MATCH + (zn.total() + en_.total() - 2 * matched) * NUMBER_MISS

        # section numbering: only meaningful for single-paragraph sides
        zsec = zh[i0].section if nz == 1 else None
        esec = en[j0].section if ne == 1 else None
        if zsec and esec:
            s += SECTION_MATCH if zsec == esec else SECTION_CLASH
        elif zsec or esec:
            s += SECTION_ALONE
        if (nz > 1 and any(zh[i].section or zh[i].heading for i in zs)) or (
            ne > 1 and any(en[j].section or en[j].heading for j in es)
        ):
            s += HEADING_MERGE

        # Latin tokens written in the Chinese (PCT, WIPO) must appear in the English
        for i in zs:
            for tok in zh[i].latin:
                if any(tok in en[j].compact for j in es):
                    s += LATIN_MATCH
                else:
                    s += LATIN_MISS

        zl = sum(zh[i].length for i in zs)
        el = sum(en[j].length for j in es)
        return s, words, hits, zl, el


def confidence(score: float) -> float:
    """A bead score mapped to [0, 1] for the report."""
    return 1.0 / (1.0 + math.exp(-score / 3.0))
