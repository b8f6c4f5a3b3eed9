"""Paragraph (or sentence) alignment of a Chinese and an English document.

``align(bitext)`` returns links covering every paragraph of both sides once, in
order: 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, and 1-0/0-1 for paragraphs with no
counterpart. Offline, on the CPU, no model downloads.
"""
from __future__ import annotations

from ..model import Bitext, Link
from .anchors import LONG_DOCUMENT_CELLS, band_for, band_from_chain
from .features import en_features, zh_features
from .lexicon import learn
from .scorer import Scorer, confidence
from .search import search

PATH_MARGIN = 8  # units of slack around the first alignment for the second
ROUNDS = 1


def align(bitext: Bitext) -> tuple[Link, ...]:
    if bitext.links is not None:
        return bitext.links
    zh = [zh_features(p.norm) for p in bitext.zh.paragraphs]
    en = [en_features(p.norm) for p in bitext.en.paragraphs]
    return align_features(zh, en)


def _confident(path) -> list[tuple[int, int]]:
    return [(i0, j0) for i0, i1, j0, j1, s in path if s is not None and i1 - i0 == 1 and j1 - j0 == 1 and s > 3]


def _align(scorer: Scorer, band):
    table = scorer.pairs(band)
    parts = table.beads()
    path = search(table.scores(parts), band)
    # Fit the length ratio and the translation's hit rate on the confident 1-1 beads, then search again.
    scorer.fit(_confident(path))
    return search(table.scores(parts), band)


def align_features(zh, en) -> tuple[Link, ...]:
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return tuple(Link((i,), (), 0.0) for i in range(n)) + tuple(Link((), (j,), 0.0) for j in range(m))
    path = _align(Scorer(zh, en), band_for(zh, en))
    if n * m > LONG_DOCUMENT_CELLS:
        # A long document: learn its own word pairs from this alignment and
        # align again in a band around it.
        for _ in range(ROUNDS):
            lexicon = learn(zh, en, path)
            if not lexicon:
                break
            band = band_from_chain([(i1 - 1, j1 - 1) for _, i1, _, j1, _ in path], n, m, margin=PATH_MARGIN)
            path = _align(Scorer(zh, en, lexicon), band)
    links = []
    for i0, i1, j0, j1, s in path:
        if s is None:
            links.append(Link(tuple(range(i0, i1)), tuple(range(j0, j1)), 0.0, ("no counterpart",)))
        else:
            links.append(Link(tuple(range(i0, i1)), tuple(range(j0, j1)), confidence(s)))
    return tuple(links)
