"""Word translations learned from the document itself.

A long document teaches its own dictionary: after a first alignment, a Chinese
word and an English word that keep turning up in the same beads are probably
translations (a name the dictionary lacks, 该隐 -> "Cain"; a rendering of the
translator's, 发怒 -> "wroth"). As in Moore's aligner and hunalign's realign
pass, the learned pairs are added to the dictionary and the document aligned
again. Only worth doing on documents long enough to count co-occurrences.
"""
from __future__ import annotations

from collections import Counter
from itertools import product

MIN_UNITS = 200  # fewer beads than this teach nothing reliable
MAX_BEADS = 6000
MIN_TOGETHER = 4  # beads a pair must share (3: MAC-Dev 0.8204, the Bible 0.9666; 4: 0.8274, 0.9670)
MIN_DICE = 0.3
FREQUENT = 0.1  # words in more beads than this share are function words, not translations


def learn(zh, en, path) -> dict[str, set[str]]:
    """Chinese word -> English stems that co-occur with it across the beads of ``path``
    (items (i0, i1, j0, j1, score), score None for skips), by the Dice coefficient."""
    beads = [(i0, i1, j0, j1) for i0, i1, j0, j1, s in path if s is not None and s > 0]
    if len(beads) < MIN_UNITS:
        return {}
    # Word pairs frequent enough to matter show up in any few thousand beads:
    # a sample spread over the document keeps learning from growing with it.
    beads = beads[:: -(-len(beads) // MAX_BEADS)]
    zs, es = [], []
    cz: Counter = Counter()
    ce: Counter = Counter()
    for i0, i1, j0, j1 in beads:
        w = set()
        for i in range(i0, i1):
            w.update(zh[i].words)
        e = set()
        for j in range(j0, j1):
            if en[j].spaced:
                e.update(en[j].stems)
        zs.append(w)
        es.append(e)
        cz.update(w)
        ce.update(e)
    limit = FREQUENT * len(beads)
    together: Counter = Counter()
    for w, e in zip(zs, es):
        w = [x for x in w if 1 < cz[x] <= limit]
        e = [x for x in e if 1 < ce[x] <= limit and len(x) > 2]
        together.update(product(w, e))  # counted in C: pairs are millions on a long document
    learned: dict[str, set[str]] = {}
    for (x, y), c in together.items():
        if c >= MIN_TOGETHER and 2 * c / (cz[x] + ce[y]) >= MIN_DICE:
            learned.setdefault(x, set()).add(y)
    return learned
