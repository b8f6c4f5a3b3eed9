"""Paragraph (or sentence) alignment of a Chinese and an English document.

``align(bitext)`` returns links covering every paragraph of both sides once, in
order: 1-1, 1-2, 2-1, 2-2, 1-3, 3-1 from the search, wider links (1-4 to 1-9,
2-3, ...) where unpaired units beside a link score better inside it, and
1-0/0-1 for paragraphs with no counterpart. Offline, on the CPU, no model
downloads.
"""
from __future__ import annotations

import math
import os

from ..lang import dictionary
from ..model import Bitext, Link
from ..processes import in_worker
from .anchors import band_for, band_from_chain
from .features import en_features, zh_features
from .lexicon import learn
from .scorer import Scorer, confidence
from .search import GAP_EXTEND, GAP_OPEN, search

PATH_MARGIN = 8  # units of slack around the first alignment for the second
# Documents this large (units zh x en) learn their own word pairs and are aligned again: a novel's
# chapter of 200-300 sentences a side already teaches names and renderings (MAC-Dev 0.8156 ->
# 0.8204); fewer beads than the lexicon's MIN_UNITS teach nothing and it declines.
LEARN_CELLS = 40_000


def align(bitext: Bitext, numbers=None) -> tuple[Link, ...]:
    """``numbers``: the (zh, en) number readings of every paragraph when the caller has them
    (a number is read once, by one reader: the rules read the same ones)."""
    if bitext.links is not None:
        return bitext.links
    zh, en = features_of([p.norm for p in bitext.zh.paragraphs], [p.norm for p in bitext.en.paragraphs], numbers)
    links = pair_neighbouring_nulls(align_features(zh, en), zh, en)
    return absorb_nulls(links, zh, en) if sentence_units(zh) else links


# Documents with more units than this compute features on every core. Below it one core is faster
# overall: the segmentation the features make stays cached for the rules, which a worker's would
# not (5,000 paragraphs a side: 21.9 s whole check on one core, 23.2 s on two).
PARALLEL_UNITS = 50_000
_JOB: tuple = ()  # (zh texts, en texts, numbers) for the forked workers, which inherit it


def _side(item):
    side, k = item
    texts, numbers = _JOB[side], _JOB[2]
    mentions = _figures(numbers[side][k]) if numbers is not None else None
    return zh_features(texts[k], mentions) if side == 0 else en_features(texts[k], mentions)


def features_of(zh_texts: list[str], en_texts: list[str], numbers=None):
    """Features of every unit; a very long document's on all cores.
    ``numbers``: each unit's number mentions, already read (figures are taken from them)."""
    global _JOB
    workers = min(os.cpu_count() or 1, 8)
    if len(zh_texts) + len(en_texts) < PARALLEL_UNITS or workers < 2 or in_worker():
        if numbers is not None:
            zn, en_ = numbers
            return ([zh_features(t, _figures(zn[k])) for k, t in enumerate(zh_texts)],
                    [en_features(t, _figures(en_[k])) for k, t in enumerate(en_texts)])
        return [zh_features(t) for t in zh_texts], [en_features(t) for t in en_texts]
    import multiprocessing  # only for a long document: start-up time counts
    from concurrent.futures import ProcessPoolExecutor

    dictionary.glosses()  # loaded once here, inherited by the forked workers
    _JOB = (zh_texts, en_texts, numbers)
    items = [(0, k) for k in range(len(zh_texts))] + [(1, k) for k in range(len(en_texts))]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            feats = list(pool.map(_side, items, chunksize=500))
    finally:
        _JOB = ()
    return feats[:len(zh_texts)], feats[len(zh_texts):]


def _figures(mentions):
    """The figures among a unit's number mentions: what the aligner anchors on (not 一 or 十四五)."""
    return [m for m in mentions if not m.numeral]


def _confident(path) -> list[tuple[int, int]]:
    return [(i0, j0) for i0, i1, j0, j1, s in path if s is not None and i1 - i0 == 1 and j1 - j0 == 1 and s > 3]


def _align(scorer: Scorer, band, previous=None, gap_open: float = GAP_OPEN):
    table = scorer.pairs(band)
    parts = table.beads()
    first = previous is None
    if first:
        previous = search(table.scores(parts), band, gap_open)
    # Fit the length ratio and the translation's hit rate on the confident 1-1 beads, then search again
    # (unless there were too few to fit on: the same search would find the same path).
    scorer.fit_types(previous)
    if not scorer.fit(_confident(previous)) and first:
        return previous
    return search(table.scores(parts), band, gap_open)


def align_features(zh, en, gap_open: float = GAP_OPEN) -> tuple[Link, ...]:
    """Links of units with these features; a lower ``gap_open`` leaves a unit
    unmatched more readily (the content rules look for dropped sentences so)."""
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return tuple(Link((i,), (), 0.0) for i in range(n)) + tuple(Link((), (j,), 0.0) for j in range(m))
    scorer = Scorer(zh, en)
    path = _align(scorer, band_for(zh, en), gap_open=gap_open)
    if n * m > LEARN_CELLS:
        # A document of a few hundred units or more: learn its own word pairs from this alignment
        # and align again in a band around it.
        # (A third pass gained 0.002 F1 on the Bible for 3 s more: not worth it.)
        lexicon = learn(zh, en, path)
        if lexicon:
            band = band_from_chain([(i1 - 1, j1 - 1) for _, i1, _, j1, _ in path], n, m, margin=PATH_MARGIN)
            path = _align(Scorer(zh, en, lexicon, previous=scorer), band, previous=path, gap_open=gap_open)
    links = []
    for i0, i1, j0, j1, s in path:
        if s is None:
            links.append(Link(tuple(range(i0, i1)), tuple(range(j0, j1)), 0.0, ("no counterpart",)))
        else:
            links.append(Link(tuple(range(i0, i1)), tuple(range(j0, j1)), confidence(s)))
    return _grown(tuple(links), scorer, gap_open)


GROW_RUN = 6  # the longest run of unpaired units shared out to the links beside it
GROW_MAX = 9  # units a side of a grown link may hold (a white paper splits one paragraph into up to nine)


def _grown(links: tuple[Link, ...], scorer: Scorer, gap_open: float) -> tuple[Link, ...]:
    """A null link must be earned. The search's widest bead is 1-3, so a paragraph the English
    splits into four or more leaves the rest unpaired beside its link; and a unit the evidence
    could not place stays apart. A run of unpaired units of one language is shared out between
    the links before and after it, at the split whose beads score best by the search's own
    evidence, when that beats leaving the run unpaired (the gap's cost, as in the search). A
    link the evidence does not hold up alone (the truncated last one) is not grown."""
    if not any(_null(lk) for lk in links):
        return links
    return _share_out(links, lambda lk: scorer.score_of(lk.zh, lk.en),
                      lambda run: gap_open + GAP_EXTEND * (len(run) - 1), GROW_RUN, GROW_MAX,
                      "joined unpaired neighbours: the evidence places them here", least=0.0)


def _share_out(links, value, unpaired, longest: int, widest: int, note: str,
               least: float = -math.inf) -> tuple[Link, ...]:
    """Each run of unpaired units of one language, ``longest`` at most, shared out between the
    links before and after it (the first ones to the link before, the rest to the one after) at
    the split where the two links' ``value`` is highest, when that beats their value with the
    run left unpaired less ``unpaired(run)``. A link grows to ``widest`` units a side at most;
    one whose value is below ``least`` does not grow. Each link is valued once."""
    values: dict[tuple, float] = {}

    def worth(link: Link | None) -> float:
        if link is None:
            return 0.0
        key = (link.zh, link.en)
        if key not in values:
            values[key] = value(link)
        return values[key]

    out: list[Link] = []
    parts = _parts(links, one_language=True)
    for n, run in enumerate(parts):
        if isinstance(run, Link):
            out.append(run)
            continue
        if len(run) > longest:
            out += run  # a dropped (or added) stretch, not the pieces of one unit
            continue
        nxt = parts[n + 1] if n + 1 < len(parts) else None
        before = out[-1] if out and out[-1].zh and out[-1].en else None
        after = nxt if isinstance(nxt, Link) and nxt.zh and nxt.en else None
        before = before if before is not None and worth(before) >= least else None
        after = after if after is not None and worth(after) >= least else None
        if before is None and after is None:
            out += run
            continue

        def grown(link: Link, extra: list[Link]) -> Link | None:
            if not extra:
                return link
            zs = tuple(sorted(link.zh + tuple(i for lk in extra for i in lk.zh)))
            es = tuple(sorted(link.en + tuple(j for lk in extra for j in lk.en)))
            return Link(zs, es, link.score, link.evidence[:1] + (note,)) if max(len(zs), len(es)) <= widest else None

        best, chosen = worth(before) + worth(after) - unpaired(run), None
        for cut in range(len(run) + 1):
            if (cut and before is None) or (cut < len(run) and after is None):
                continue
            left = grown(before, run[:cut]) if before is not None else None
            right = grown(after, run[cut:]) if after is not None else None
            if (cut and left is None) or (cut < len(run) and right is None):
                continue
            total = worth(left) + worth(right)
            if total > best:
                best, chosen = total, (cut, left, right)
        if chosen is None:
            out += run
            continue
        cut, left, right = chosen
        if cut:
            out[-1] = left
        if cut < len(run):
            parts[n + 1] = right  # the link after, in its grown form
    return tuple(out)


# A unit with no counterpart right beside one of the other language with none is almost always
# one translation the evidence was too weak to pair ("他们随后离开了。" / "Then they left.", or a
# figure changed by a slip): paired when their lengths are within this ratio of each other.
NULL_PAIR_RATIO = 3.0


def pair_neighbouring_nulls(links: tuple[Link, ...], zh, en) -> tuple[Link, ...]:
    """A run of unpaired units with as many Chinese as English ones (1-0 next to 0-1; three short
    social lines left 1-0 beside three 0-1) becomes 1-1 links of low confidence, in order, when
    each pair's lengths allow it: a null link must be earned. A run with more on one side (a
    dropped section, a truncated tail) stays."""
    out: list[Link] = []
    for part in _parts(links):
        if isinstance(part, Link):
            out.append(part)
            continue
        zs = sorted(i for lk in part for i in lk.zh)
        es = sorted(j for lk in part for j in lk.en)
        if zs and len(zs) == len(es) and all(_agree(Link((i,), (j,)), zh, en) for i, j in zip(zs, es)):
            out += [Link((i,), (j,), 0.3, ("paired: no counterpart on either side, lengths agree",))
                    for i, j in zip(zs, es)]
        else:
            out += part
    return _lend_to_nulls(out, zh, en)


def _parts(links, one_language: bool = False) -> list:
    """The links, each run of unpaired ones (of one language only, if asked) gathered in a list."""
    parts: list = []
    for lk in links:
        last = parts[-1] if parts and isinstance(parts[-1], list) else None
        if not _null(lk):
            parts.append(lk)
        elif last is not None and (not one_language or bool(last[0].zh) == bool(lk.zh)):
            last.append(lk)
        else:
            parts.append([lk])
    return parts


def _lend_to_nulls(links: list[Link], zh, en) -> tuple[Link, ...]:
    """A 1-0 beside a 1-2 (or a 0-1 beside a 2-1) is most often two 1-1 links: the unit of the
    n-m link next to the null one is its counterpart. Taken when both new links' lengths agree."""
    out = list(links)
    for k, lk in enumerate(out):
        if not _null(lk):
            continue
        side = "en" if lk.zh else "zh"  # the side the null link lacks
        for n, first in ((k + 1, True), (k - 1, False)):
            if not 0 <= n < len(out) or out[n].score == 0.3:
                continue
            other = out[n]
            units = getattr(other, side)
            if len(units) < 2 or not other.zh or not other.en:
                continue
            lent, kept = (units[0], units[1:]) if first else (units[-1], units[:-1])
            if side == "en":
                pair, rest = Link(lk.zh, (lent,), 0.3), Link(other.zh, kept, other.score)
            else:
                pair, rest = Link((lent,), lk.en, 0.3), Link(kept, other.en, other.score)
            if _agree(pair, zh, en) and _agree(rest, zh, en):
                out[k] = Link(pair.zh, pair.en, 0.3, ("paired: a unit lent by the neighbouring link, lengths agree",))
                out[n] = Link(rest.zh, rest.en, other.score, other.evidence)
                break
    return tuple(out)


def _agree(link: Link, zh, en) -> bool:
    lz = max(sum(zh[i].length for i in link.zh), 1.0)
    le = max(sum(en[j].length for j in link.en), 1.0)
    return max(lz, le) / min(lz, le) <= NULL_PAIR_RATIO


def _null(link: Link) -> bool:
    return not link.score and len(link.zh) + len(link.en) == 1




SENTENCE_UNIT = 120.0  # median unit length (English characters) below which units are sentences


def sentence_units(zh) -> bool:
    """Are the units sentences (a sentence-per-line file, a book) rather than paragraphs? A
    translator splits and joins sentences freely (1-2, 1-3, 1-4 are common), while a paragraph
    left unpaired is most often a real drop or addition."""
    import statistics

    return len(zh) >= 20 and statistics.median(z.length for z in zh) <= SENTENCE_UNIT


ABSORB_MAX = 7  # units a side of a link may grow to by absorbing unpaired neighbours
NULL_MISFIT = 1.0  # what leaving a sentence unpaired costs, in log-ratio misfit
ABSORB_RUN = 6  # the longest run shared out: a literary translator renders one sentence as up to
# seven (MAC-Dev's gold has 1-5 and 1-6 beads); 3 left them unpaired (MAC strict F1 0.760 -> 0.769,
# the Bible 0.9555 -> 0.9572, the dev corpus and the seeds unchanged)


def absorb_nulls(links: tuple[Link, ...], zh, en) -> tuple[Link, ...]:
    """In a text of sentences, a run of unpaired sentences between two links is shared out
    between them, the first ones to the link before and the rest to the link after, at the
    split that brings the two links' lengths nearest the document's ratio (a translation that
    renders one sentence as four leaves three unpaired when the evidence for a 1-4 bead is too
    weak). The run stays unpaired when no split fits better than leaving it, each unpaired
    sentence costing NULL_MISFIT, and so does a run of more than six (a dropped stretch)."""
    # the whole document's ratio: confident 1-1 links are biased towards the sentences a 1-n
    # translation left paired with only one of its pieces
    centre = math.log(sum(e.length for e in en) / sum(z.length for z in zh))

    def fit(link: Link) -> float:
        return -abs(math.log(sum(en[j].length for j in link.en) / sum(zh[i].length for i in link.zh)) - centre)

    return _share_out(links, fit, lambda run: len(run) * NULL_MISFIT, ABSORB_RUN, ABSORB_MAX,
                      "joined unpaired neighbours: lengths agree better")
