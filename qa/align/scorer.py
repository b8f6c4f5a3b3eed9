"""Bead scores: log-likelihood-style evidence that zh[i0:i1] translates en[j0:j1].

Positive means "more like a translation than chance", so a true bead scores
above zero and a skipped paragraph (score 0, minus the gap cost) loses to it;
a wrong pairing scores below zero and loses to the skip.

Scores are computed for every cell of the search band at once (numpy arrays
per bead type), so a 6,000-sentence document costs a second, not minutes.
The evidence that involves sets (dictionary glosses, Latin tokens, numbers)
is computed per (Chinese unit, English unit) pair inside the band with
Python integers as bit sets, then summed into beads.
"""
from __future__ import annotations

import math
import random
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

import numpy as np

from ..lang import dictionary
from .features import Features

BEADS = ((1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
MAX_SPAN = 3  # the widest side of a bead

# Evidence weights, tuned on the seeds and the damage benchmark (bench/align_damage.py).
NUMBER_MATCH = 3.0
NUMBER_MISS = -0.6
SECTION_MATCH = 4.0
SECTION_CLASH = -6.0
SECTION_OTHER_SYSTEM = 2.0  # the same number, numbered in another system: （三） / "3."
SECTION_ALONE = -1.5
LATIN_MATCH = 2.0
LATIN_MISS = -0.4
# A question or exclamation mark, or an opening quotation mark, found on both sides ("投不投降？" /
# "Surrender?"): in dialogue, where glosses are few, it says which English sentence a line of
# speech went to; a bullet starting both, which item of a list. Tuned on MAC-Dev (strict F1 0.778
# -> 0.793 with ? and !, 1.0-4.0 all help; -> 0.803 with quotes), neutral on the seeds, the Bible
# and the dev pairs.
MARK_MATCH = 2.0
MARK_MISS = -0.3
# A name the dictionary lacks, romanised, found among the English names (王成 / Wang Cheng): MAC-Dev
# 0.8033 -> 0.8125 (1.0: 0.8091, 3.0: 0.8098), the Bible 0.9638 -> 0.9655, the rest unchanged.
NAME_MATCH = 2.0
LENGTH_BONUS = 1.5
HEADING_MERGE = -5.0
TRUNCATED = -2.0  # prior of "the English stops inside this paragraph"
# The bead-type priors are refitted to each document's first alignment, with this many pseudo-beads
# of the defaults (MAC-Dev 0.8125 -> 0.8156, the Bible 0.9655 -> 0.9666, dev damage a little better
# on every kind; 50 the same, 100 less).
PRIOR_BEADS = 20
TYPE_PRIOR = {(1, 1): 0.0, (1, 2): -1.5, (2, 1): -1.5, (2, 2): -3.5, (1, 3): -3.5, (3, 1): -3.5}
COMMON = 0.4  # a word whose gloss is in this share of English paragraphs says nothing


def _wide_prior(di: int, dj: int) -> float:
    """The prior of a bead wider than the search's: each unit past three costs two more than a
    1-3 (1-4: -5.5, 1-6: -9.5; 2-3: -5.5)."""
    return -3.5 - 2.0 * (max(di, dj) - 3 if min(di, dj) == 1 else max(di, dj) + min(di, dj) - 4)


def _paired(matched, total, match: float, miss: float):
    """Values found on both sides (figures, marks) count for a bead, each one on one side only
    against; ``matched`` is capped at half of ``total``. Arrays or numbers."""
    matched = np.minimum(matched, total // 2)
    return matched * match + (total - 2 * matched) * miss


def _section_term(zsec, esec):
    """Section numbering of a bead's two sides (codes of ``_section_code``, 0 for none): the same
    number in the same system, in another, a clash, or numbering on one side only. Arrays or numbers."""
    both = (zsec > 0) & (esec > 0)
    return np.where(both, np.where(zsec == esec, SECTION_MATCH,
                                   np.where(zsec % 1000 == esec % 1000, SECTION_OTHER_SYSTEM, SECTION_CLASH)),
                    np.where((zsec > 0) | (esec > 0), SECTION_ALONE, 0.0))


def _length_term(zl, el):
    """The length bonus less the misfit of the English length ``el`` against the Chinese ``zl``
    (already in English units): a normal spread of the log ratio that narrows as units grow."""
    d = np.log(el / zl)
    sigma = 0.22 + 2.5 / np.sqrt(np.minimum(zl, el))
    return LENGTH_BONUS - d * d / (2 * sigma * sigma)


def layout(band):
    """(lo, hi, start) of a band: rows 0..n hold cells lo[i]..hi[i], stored row
    after row in flat arrays, row i from index start[i]."""
    lo = np.array([b[0] for b in band], dtype=np.int64)
    hi = np.array([b[1] for b in band], dtype=np.int64)
    return lo, hi, np.concatenate([[0], np.cumsum(hi - lo + 1)])


_LEVELS = {"sec": 0, "sub": 1000, "item": 2000}


def _section_code(section) -> int:
    """The numbering level (x1000) and number: the same number in another system (（三） / "3.")
    still matches, if less surely than in the same one (三、 / "III.")."""
    if section is None:
        return 0
    return _LEVELS[section[0]] + section[1] + 1


class Scorer:
    """The document's evidence and its fitted parameters: the length ratio,
    the chance rate of a gloss hit (lost spaces inflate it) and the share of
    words a translation shows beyond chance."""

    def __init__(self, zh: list[Features], en: list[Features], lexicon: dict | None = None,
                 previous: Scorer | None = None):
        self.zh, self.en = zh, en
        self.ratio = 1.0
        self.prior = dict(TYPE_PRIOR)  # refitted to the document's own bead types (see fit_types)
        self.lam, self.q = 0.0005, 0.45
        self.lam_e, self.q_e = 0.0005, 0.45
        n, m = len(zh), len(en)
        types: dict[str, int] = {}
        for z in zh:
            for w in z.words:
                types.setdefault(w, len(types))
        lexicon = lexicon or {}
        stems = {w: set(dictionary.stems_of(w)) | lexicon.get(w, set()) for w in types}
        self.vocab = frozenset().union(*stems.values())
        self.en_sets = self._en_sets(previous)
        self._build_masks(types, stems)
        self._fit_chance()
        self.zl = np.array([z.length for z in zh])
        self.el = np.array([e.length for e in en])
        self.zsec = np.array([_section_code(z.section) for z in zh] + [0], dtype=np.int64)
        self.esec = np.array([_section_code(e.section) for e in en] + [0], dtype=np.int64)
        self.zhead = np.array([bool(z.section or z.heading) for z in zh] + [False])
        self.ehead = np.array([bool(e.section or e.heading) for e in en] + [False])
        self.znum = np.array([z.numbers.total() for z in zh])
        self.enum = np.array([e.numbers.total() for e in en])
        self.zmark = np.array([z.marks.total() for z in zh])
        self.emark = np.array([e.marks.total() for e in en])
        self.zlat = np.array([len(z.latin) for z in zh])
        self.n, self.m = n, m

    def _en_sets(self, previous: Scorer | None) -> list[frozenset]:
        """What a gloss stem is looked up in: a paragraph's word stems or, where
        its spaces were lost, the stems of this document's glosses found in its
        letters (a second scorer adds only the stems it has learned since)."""
        sets = previous.en_sets if previous is not None else [frozenset()] * len(self.en)
        if all(e.spaced for e in self.en):  # the usual case: no letters to search
            return [e.stems for e in self.en]
        find = dictionary.stem_finder(self.vocab - previous.vocab if previous is not None else self.vocab)
        return [e.stems if e.spaced else st | find(e.compact) for e, st in zip(self.en, sets)]

    # -- dictionary evidence as bit sets over the document's Chinese word types
    def _build_masks(self, types: dict[str, int], stems: dict[str, set]) -> None:
        informative = self._informative(stems)
        stem_bits: dict[str, int] = {}
        for w, k in types.items():
            if w in informative:
                for s in stems[w]:
                    stem_bits[s] = stem_bits.get(s, 0) | (1 << k)
        self.types = types
        self.Z = []
        for z in self.zh:
            bits = 0
            for w in z.words:
                if w in informative:
                    bits |= 1 << types[w]
            self.Z.append(bits)
        self.E = []
        known = stem_bits.keys()
        for st in self.en_sets:
            bits = 0
            for s in known & st:
                bits |= stem_bits[s]
            self.E.append(bits)
        self.words = np.array([z.bit_count() for z in self.Z])
        # The other direction: the English words some Chinese word of the
        # document could explain, and which of them each Chinese unit explains.
        glossable = set().union(*stems.values()) if stems else set()
        m = len(self.en)
        df: dict[str, int] = {}
        for e, st in zip(self.en, self.en_sets):
            if e.spaced:
                for x in glossable & st:
                    df[x] = df.get(x, 0) + 1
        limit = COMMON * m if m >= 10 else m
        ebit = {x: k for k, x in enumerate(sorted(x for x, c in df.items() if c <= limit))}
        eknown = ebit.keys()
        self.Eb = [sum(1 << ebit[x] for x in eknown & st) if e.spaced else 0
                   for e, st in zip(self.en, self.en_sets)]
        cover = {w: sum(1 << ebit[x] for x in stems[w] if x in ebit) for w in types}
        self.Zc = []
        for z in self.zh:
            bits = 0
            for w in z.words:
                bits |= cover[w]
            self.Zc.append(bits)
        self.ewords = np.array([b.bit_count() for b in self.Eb])

    def _informative(self, stems: dict) -> set:
        """Words whose gloss turns up in most English paragraphs (知识产权 -> "IP"
        in an IP report) carry no information, as an IDF weighting would say."""
        m = len(self.en)
        if m < 10:  # too few paragraphs to tell a common word from a shared one
            return set(stems)
        sets = self.en_sets[:: max(1, m // 300)]
        limit = COMMON * len(sets)
        words_of: dict[str, list[str]] = {}
        for w, ss in stems.items():
            for x in ss:
                words_of.setdefault(x, []).append(w)
        found: dict[str, int] = dict.fromkeys(stems, 0)
        for st in sets:
            hit = set()
            for x in words_of.keys() & st:
                hit.update(words_of[x])
            for w in hit:
                found[w] += 1
        return {w for w, c in found.items() if c <= limit}

    def _counts(self, i: int, j: int, back: bool) -> tuple[int, int, float]:
        """(words, words explained, length of the other side) for zh[i] and en[j]:
        Chinese words with a gloss in the English, or (back) English words a Chinese word explains."""
        if back:
            return self.Eb[j].bit_count(), (self.Zc[i] & self.Eb[j]).bit_count(), self.zh[i].length
        return self.Z[i].bit_count(), (self.Z[i] & self.E[j]).bit_count(), self.en[j].length

    def _fit_chance(self) -> None:
        """The chance hit rate for this document, each direction, from pairs far off the diagonal."""
        n, m = len(self.zh), len(self.en)
        if not n or not m:
            return
        for back, sample in zip((False, True), _chance_pairs(n, m)):
            hits = words = 0
            for i, j in sample:
                w, h, _ = self._counts(i, j, back)
                hits, words = hits + h, words + w
            if words:
                other = self.zh if back else self.en
                mean_len = sum(u.length for u in other) / len(other)
                lam = -math.log(1 - min(max(hits / words, 0.01), 0.8)) / mean_len
                if back:
                    self.lam_e = lam
                else:
                    self.lam = lam

    def fit(self, beads) -> bool:
        """Fit the length ratio and q (each direction) on confident 1-1 beads [(i, j)]
        of a search; False when there are too few to fit on."""
        if len(beads) < 5:
            return False
        # statistics.median, not np.median: the same value, without loading numpy.ma
        self.ratio = float(statistics.median([self.en[j].length / self.zh[i].length for i, j in beads]))
        for back in (False, True):
            lam = self.lam_e if back else self.lam
            rates = []
            for i, j in beads:
                w, h, length = self._counts(i, j, back)
                if w >= 5:
                    pc = 1 - math.exp(-lam * length)
                    rates.append((h / w - pc) / (1 - pc))
            if len(rates) >= 5:
                rates.sort()
                q = min(max(rates[len(rates) // 2], 0.15), 0.9)
                if back:
                    self.q_e = q
                else:
                    self.q = q
        return True

    def fit_types(self, path) -> None:
        """Bead-type priors from the document's own first alignment, drawn towards the defaults by
        PRIOR_BEADS pseudo-beads: a literary translation splits sentences (1-2, 1-3) far more
        often than a report splits paragraphs."""
        k = PRIOR_BEADS
        counts = Counter((i1 - i0, j1 - j0) for i0, i1, j0, j1, s in path if s is not None)
        base = {t: math.exp(p) for t, p in TYPE_PRIOR.items()}
        norm = sum(base.values())
        total = sum(counts[t] for t in TYPE_PRIOR)
        prob = {t: (counts[t] + k * base[t] / norm) / (total + k) for t in TYPE_PRIOR}
        self.prior = {t: max(min(math.log(prob[t] / prob[(1, 1)]), 0.0), -6.0) for t in TYPE_PRIOR}

    # -- pair evidence inside the band
    def pairs(self, band) -> PairTable:
        return PairTable(self, band)

    def truncated_score(self, i: int, j: int) -> float | None:
        """Score of zh[i] against an English paragraph that stops part-way
        (the last paragraph of a truncated translation): only the part of the
        Chinese that the English length covers is expected to be found."""
        z, e = self.zh[i], self.en[j]
        covered = e.length / (z.length * self.ratio)
        if covered > 0.7 or not z.words:
            return None
        limit = min(1.0, covered * 1.3) * z.chars
        prefix = 0
        for pos, w in zip(z.word_pos, z.words):
            if pos < limit:
                prefix |= 1 << self.types[w]
        prefix &= self.Z[i]
        k = prefix.bit_count()
        if k < 3:
            return None
        hits = (self.E[j] & prefix).bit_count()
        return TRUNCATED + LENGTH_BONUS + float(self._dict_term(np.array(k), np.array(hits), np.array(e.length)))

    def score_of(self, zs, es) -> float:
        """The score of one bead of any size (units ``zs`` and ``es``, consecutive), by the same
        evidence as the search's beads: how a link wider than the search's widest bead (1-3)
        competes with leaving a unit unpaired beside it."""
        di, dj = len(zs), len(es)
        s = self.prior[(di, dj)] if (di, dj) in self.prior else _wide_prior(di, dj)
        zn, en_ = Counter(), Counter()
        zm, em = Counter(), Counter()
        for i in zs:
            zn.update(self.zh[i].numbers)
            zm.update(self.zh[i].marks)
        for j in es:
            en_.update(self.en[j].numbers)
            em.update(self.en[j].marks)
        for a, b, match, miss in ((zn, en_, NUMBER_MATCH, NUMBER_MISS), (zm, em, MARK_MATCH, MARK_MISS)):
            s += _paired(sum((a & b).values()), a.total() + b.total(), match, miss)
        s += NAME_MATCH * sum(len(self.zh[i].names & self.en[j].names) for i in zs for j in es)
        s += float(_section_term(self.zsec[zs[0]] if di == 1 else 0, self.esec[es[0]] if dj == 1 else 0))
        if (di > 1 and self.zhead[list(zs)].any()) or (dj > 1 and self.ehead[list(es)].any()):
            s += HEADING_MERGE
        compact = " ".join(self.en[j].compact for j in es)
        tokens = [t for i in zs for t in self.zh[i].latin]
        found = sum(1 for t in tokens if t in compact)
        s += found * LATIN_MATCH + (len(tokens) - found) * LATIN_MISS
        e_all = 0
        for j in es:
            e_all |= self.E[j]
        words = sum(self.Z[i].bit_count() for i in zs)
        hits = sum((self.Z[i] & e_all).bit_count() for i in zs)
        c_all = 0
        for i in zs:
            c_all |= self.Zc[i]
        ewords = sum(self.Eb[j].bit_count() for j in es)
        ehits = sum((c_all & self.Eb[j]).bit_count() for j in es)
        zl = float(sum(self.zl[i] for i in zs)) * self.ratio
        el = float(sum(self.el[j] for j in es))
        if words:
            s += float(self._dict_term(words, hits, el))
        if ewords:
            s += float(self._dict_term(ewords, ehits, zl, self.lam_e, self.q_e))
        return float(s + _length_term(zl, el))

    def _dict_term(self, words, hits, el, lam=None, q=None):
        lam = self.lam if lam is None else lam
        q = self.q if q is None else q
        pc = np.minimum(1 - np.exp(-lam * el), 0.98)
        pt = pc + (1 - pc) * q
        return hits * np.log(pt / pc) + (words - hits) * math.log(1 - q)


@lru_cache(maxsize=4096)
def _chance_pairs(n: int, m: int) -> tuple[tuple, tuple]:
    """The (i, j) pairs far off the diagonal that the chance rate is measured on, for each
    direction: random with a fixed seed (output must be deterministic), so the same for every
    n x m, and drawn once per shape (the content rules align thousands of small links)."""
    rng = random.Random(1234)
    out = []
    for _back in (False, True):
        sample = []
        for _ in range(min(300, n * m)):
            i, j = rng.randrange(n), rng.randrange(m)
            if abs(i / n - j / m) < 0.1 and n * m > 100:
                continue  # near the diagonal pairs may be translations
            sample.append((i, j))
        out.append(tuple(sample))
    return out[0], out[1]


class PairTable:
    """Per (Chinese unit i, English unit j) evidence for the pairs a band can
    put in one bead, and the bead arrays built from it.

    Row i of the band holds cells j in [lo[i], hi[i]]; a bead ending at cell
    (i, j) covers zh[i-di:i] and en[j-dj:j]. Chinese unit i can only meet
    English units in [lo[i+1] - 3, hi[i+3] - 1], its window.
    """

    def __init__(self, sc: Scorer, band):
        self.sc = sc
        n, m = sc.n, sc.m
        lo, hi, self.start = layout(band)
        self.lo, self.hi = lo, hi
        up = np.minimum(np.arange(n) + MAX_SPAN, n)
        self.pa = np.maximum(lo[1:] - MAX_SPAN, 0)
        self.pb = np.maximum(np.minimum(hi[up] - 1, m - 1), self.pa)
        PW = int((self.pb - self.pa).max()) + 1 if n else 1
        # hits[d][i, c]: dictionary words of zh[i] with a gloss in en[j-d+1 .. j], j = pa[i] + c
        self.hits = np.zeros((MAX_SPAN + 1, max(n, 1), PW), dtype=np.int32)
        self.lat = np.zeros((MAX_SPAN + 1, max(n, 1), PW), dtype=np.int32)
        self.num = np.zeros((max(n, 1), PW), dtype=np.int32)
        self.mark = np.zeros((max(n, 1), PW), dtype=np.int32)
        self.name = np.zeros((max(n, 1), PW), dtype=np.int32)
        # ehits[d][i, c]: English words of en[j] explained by zh[i-d+1 .. i], j = pa[i] + c
        self.ehits = np.zeros((MAX_SPAN + 1, max(n, 1), PW), dtype=np.int32)
        self._fill(sc)

    def _fill(self, sc: Scorer) -> None:
        E = sc.E
        m = sc.m
        E2 = [E[j] | E[j - 1] if j else E[j] for j in range(m)]
        E3 = [E2[j] | E[j - 2] if j > 1 else E2[j] for j in range(m)]
        hits = self.hits
        Zc, Eb = sc.Zc, sc.Eb
        name_units: dict[str, list[int]] = {}  # a name -> the English units that name it, in order
        for j, e in enumerate(sc.en):
            for key in e.names:
                name_units.setdefault(key, []).append(j)
        for i in range(sc.n):
            z = sc.Z[i]
            a, b = int(self.pa[i]), int(self.pb[i])
            c1 = Zc[i]
            c2 = c1 | Zc[i - 1] if i else c1
            c3 = c2 | Zc[i - 2] if i > 1 else c2
            if c3:
                g1, g2, g3 = self.ehits[1, i], self.ehits[2, i], self.ehits[3, i]
                for c, j in enumerate(range(a, b + 1)):
                    e = Eb[j]
                    if e:
                        g1[c] = (c1 & e).bit_count()
                        g2[c] = (c2 & e).bit_count()
                        g3[c] = (c3 & e).bit_count()
            if z:
                h1, h2, h3 = hits[1, i], hits[2, i], hits[3, i]
                for c, j in enumerate(range(a, b + 1)):
                    h1[c] = (z & E[j]).bit_count()
                    h2[c] = (z & E2[j]).bit_count()
                    h3[c] = (z & E3[j]).bit_count()
            zf = sc.zh[i]
            if zf.latin:
                toks = list(zf.latin)
                # which tokens each English unit holds, from two units before the window
                found = {j: sum(1 << t for t, tok in enumerate(toks) if tok in sc.en[j].compact)
                         for j in range(max(0, a - 2), b + 1)}
                for c, j in enumerate(range(a, b + 1)):
                    u = found[j]
                    self.lat[1, i, c] = u.bit_count()
                    u |= found.get(j - 1, 0)
                    self.lat[2, i, c] = u.bit_count()
                    u |= found.get(j - 2, 0)
                    self.lat[3, i, c] = u.bit_count()
            if zf.numbers:
                for c, j in enumerate(range(a, b + 1)):
                    en_ = sc.en[j].numbers
                    if en_:
                        self.num[i, c] = sum((zf.numbers & en_).values())
            for key in zf.names & name_units.keys():  # the English units naming it, in the window
                units = name_units[key]
                for j in units[bisect_left(units, a):bisect_right(units, b)]:
                    self.name[i, j - a] += 1
            if zf.marks:
                for c, j in enumerate(range(a, b + 1)):
                    em = sc.en[j].marks
                    if em:
                        self.mark[i, c] = sum((zf.marks & em).values())

    def beads(self):
        """Per bead type (di, dj): flat arrays over the band's cells (see ``layout``)
        of (static evidence, Chinese words, those with a gloss in the English,
        zh length, en length, valid, English words, those a Chinese word explains)."""
        sc = self.sc
        m = sc.m
        widths = self.hi - self.lo + 1
        rows = np.repeat(np.arange(len(widths)), widths)
        j = np.arange(len(rows)) - self.start[rows] + self.lo[rows]
        out = {}
        cz = np.concatenate([[0], np.cumsum(sc.zl)])
        ce = np.concatenate([[0], np.cumsum(sc.el)])
        cwz = np.concatenate([[0], np.cumsum(sc.words)])
        cew = np.concatenate([[0], np.cumsum(sc.ewords)])
        cnz = np.concatenate([[0], np.cumsum(sc.znum)])
        cne = np.concatenate([[0], np.cumsum(sc.enum)])
        czm = np.concatenate([[0], np.cumsum(sc.zmark)])
        cem = np.concatenate([[0], np.cumsum(sc.emark)])
        clz = np.concatenate([[0], np.cumsum(sc.zlat)])
        chz = np.concatenate([[0], np.cumsum(sc.zhead)])
        che = np.concatenate([[0], np.cumsum(sc.ehead)])
        last = self.hits.shape[2] - 1
        for di, dj in BEADS:
            valid = (rows >= di) & (j >= dj) & (j <= m)
            ri, jj = np.where(valid, rows, 0), np.where(valid, j, 0)
            r0, c0 = np.maximum(ri - di, 0), np.maximum(jj - dj, 0)  # invalid cells read in range
            hits = np.zeros(j.shape, dtype=np.int64)
            lat = np.zeros(j.shape, dtype=np.int64)
            num = np.zeros(j.shape, dtype=np.int64)
            mark = np.zeros(j.shape, dtype=np.int64)
            name = np.zeros(j.shape, dtype=np.int64)
            ehits = np.zeros(j.shape, dtype=np.int64)
            last_zh = np.maximum(ri - 1, 0)
            for u in range(1, dj + 1):
                ehits += self.ehits[di][last_zh, np.clip(jj - u - self.pa[last_zh], 0, last)]
            ewords = cew[jj] - cew[c0]
            for t in range(1, di + 1):
                ip = np.maximum(ri - t, 0)  # the Chinese unit
                col = np.clip(jj - 1 - self.pa[ip], 0, last)
                hits += self.hits[dj][ip, col]
                lat += self.lat[dj][ip, col]
                for u in range(1, dj + 1):
                    num += self.num[ip, np.clip(jj - u - self.pa[ip], 0, last)]
                    mark += self.mark[ip, np.clip(jj - u - self.pa[ip], 0, last)]
                    name += self.name[ip, np.clip(jj - u - self.pa[ip], 0, last)]
            words = cwz[ri] - cwz[r0]
            zl = cz[ri] - cz[r0]
            el = ce[jj] - ce[c0]
            s = np.full(j.shape, TYPE_PRIOR[(di, dj)])
            # numbers: each matched value counts for, each unmatched one against
            s += _paired(num, (cnz[ri] - cnz[r0]) + (cne[jj] - cne[c0]), NUMBER_MATCH, NUMBER_MISS)
            s += _paired(mark, (czm[ri] - czm[r0]) + (cem[jj] - cem[c0]), MARK_MATCH, MARK_MISS) + name * NAME_MATCH
            # section numbering: only meaningful for single-paragraph sides
            zsec = sc.zsec[np.maximum(ri - 1, 0)] if di == 1 else np.zeros_like(ri)
            esec = sc.esec[np.maximum(jj - 1, 0)] if dj == 1 else np.zeros_like(jj)
            s += _section_term(zsec, esec)
            merged = np.zeros(j.shape, dtype=bool)
            if di > 1:
                merged |= chz[ri] - chz[r0] > 0
            if dj > 1:
                merged |= che[jj] - che[c0] > 0
            s += np.where(merged, HEADING_MERGE, 0.0)
            # Latin tokens written in the Chinese (PCT, WIPO) must appear in the English
            tokens = clz[ri] - clz[r0]
            s += lat * LATIN_MATCH + (tokens - lat) * LATIN_MISS
            out[(di, dj)] = (s, words, hits, zl, el, valid, ewords, ehits)
        return out

    def scores(self, parts):
        """Bead score arrays over the band's cells (-inf where a bead cannot end) with the current fitted parameters."""
        sc = self.sc
        out = {}
        for bead, (static, words, hits, zl, el, valid, ewords, ehits) in parts.items():
            with np.errstate(divide="ignore", invalid="ignore"):  # cells that are not valid
                zl = zl * sc.ratio
                # dictionary evidence in both directions: zh -> en and en -> zh
                s = static + (sc.prior[bead] - TYPE_PRIOR[bead]) + np.where(words > 0, sc._dict_term(words, hits, el), 0.0)
                s += np.where(ewords > 0, sc._dict_term(ewords, ehits, zl, sc.lam_e, sc.q_e), 0.0)
                s = s + _length_term(zl, el)
            out[bead] = np.where(valid, s, -np.inf)
        # The last English paragraph may stop part-way (a truncated translation).
        s11 = out[(1, 1)]
        rows = np.nonzero((self.hi >= sc.m) & (self.lo <= sc.m))[0]
        for i in rows:
            if i == 0:
                continue
            c = self.start[i] + sc.m - self.lo[i]
            t = sc.truncated_score(i - 1, sc.m - 1)
            if t is not None and t > s11[c]:
                s11[c] = t
        return out


def confidence(score: float) -> float:
    """A bead score mapped to [0, 1] for the report."""
    return 1.0 / (1.0 + math.exp(min(-score / 3.0, 700.0)))  # a bead of thousands of unfound words must not overflow
