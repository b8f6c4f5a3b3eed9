"""Monotone alignment search: dynamic programming inside a band, with affine gaps.

A run of skipped paragraphs (a dropped section, a truncated tail) pays the gap
opening once and a small extension per paragraph, so damage costs one gap
rather than many independent penalties. The band's cells are stored row after
row in flat arrays; each row is computed with numpy, only the walk along rows
is a Python loop.
"""
from __future__ import annotations

import numpy as np

from .scorer import BEADS, layout

GAP_OPEN = 3.0
GAP_EXTEND = 0.3
NEG = -np.inf


def search(scores: dict, band, gap_open: float = GAP_OPEN, gap_extend: float = GAP_EXTEND):
    """Best path through the band (rows 0..n, cells lo..hi inclusive per row),
    given bead score arrays over its cells from ``PairTable.scores``.

    Returns a list of (i0, i1, j0, j1, score) in document order; score is None for skips.
    """
    n = len(band) - 1
    lo, hi, start = layout(band)
    width = hi - lo + 1
    m = int(hi[n])
    cells = int(start[-1])
    S = np.full((3, cells), NEG)  # 0 after a bead, 1 inside a zh gap, 2 inside an en gap
    best = np.full(cells, NEG)
    choice = np.zeros(cells, dtype=np.int8)
    stacked = [scores[b] for b in BEADS]
    ramp = gap_extend * np.arange(int(width.max()))
    for i in range(n + 1):
        a, w, j0 = int(start[i]), int(width[i]), int(lo[i])
        ks = np.arange(w)
        if i == 0:
            row0 = np.full(w, NEG)
            row0[0] = 0.0
        else:
            cands = np.full((len(BEADS), w), NEG)
            for b, (di, dj) in enumerate(BEADS):
                if i < di:
                    continue
                p = i - di
                idx = ks + (j0 - dj - int(lo[p]))
                ok = (idx >= 0) & (idx < width[p])
                prev = best[start[p] + np.clip(idx, 0, width[p] - 1)]
                cands[b] = np.where(ok, prev, NEG) + stacked[b][a:a + w]
            choice[a:a + w] = cands.argmax(axis=0)
            row0 = cands.max(axis=0)
        # a zh gap: from (i-1, j)
        if i > 0:
            p = i - 1
            idx = ks + (j0 - int(lo[p]))
            ok = (idx >= 0) & (idx < width[p])
            at = start[p] + np.clip(idx, 0, width[p] - 1)
            extend = S[1, at] - gap_extend
            opened = np.maximum(S[0, at], S[2, at]) - gap_open
            row1 = np.where(ok, np.maximum(extend, opened), NEG)
        else:
            row1 = np.full(w, NEG)
        # an en gap: from (i, j-1), a running maximum along the row
        run = np.maximum.accumulate(np.maximum(row0, row1) - gap_open + ramp[:w])
        row2 = np.full(w, NEG)
        row2[1:] = run[:-1] - gap_extend * (ks[1:] - 1)
        S[0, a:a + w], S[1, a:a + w], S[2, a:a + w] = row0, row1, row2
        best[a:a + w] = np.maximum(np.maximum(row0, row1), row2)

    def at(i, j):
        return int(start[i] + j - lo[i])

    c = at(n, m)
    if best[c] == NEG:
        raise RuntimeError("alignment band does not connect the two documents")
    state = int(S[:, c].argmax())
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        c = at(i, j)
        if state == 0:
            di, dj = BEADS[choice[c]]
            path.append((i - di, i, j - dj, j, float(stacked[choice[c]][c])))
            i, j = i - di, j - dj
            state = int(S[:, at(i, j)].argmax())
        elif state == 1:
            pc = at(i - 1, j)
            path.append((i - 1, i, j, j, None))
            extend = S[1, pc] - gap_extend
            opened = max(S[0, pc], S[2, pc]) - gap_open
            i -= 1
            state = 1 if extend >= opened else (0 if S[0, pc] >= S[2, pc] else 2)
        else:
            pc = c - 1
            path.append((i, i, j - 1, j, None))
            extend = S[2, pc] - gap_extend
            opened = max(S[0, pc], S[1, pc]) - gap_open
            j -= 1
            state = 2 if extend >= opened else (0 if S[0, pc] >= S[1, pc] else 1)
    path.reverse()
    return path
