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
    # Where each cell's predecessors are, for all cells at once; the extra cell
    # ``cells`` holds -inf and stands for a predecessor outside the band. The
    # row loop is then a few array operations per row.
    rows = np.repeat(np.arange(n + 1), width)
    js = lo[rows] + np.arange(cells) - start[rows]

    def source(di: int, dj: int) -> np.ndarray:
        p = rows - di
        pc = np.maximum(p, 0)
        jj = js - dj
        ok = (p >= 0) & (jj >= lo[pc]) & (jj <= hi[pc])
        return np.where(ok, start[pc] + jj - lo[pc], cells)

    src = np.stack([source(di, dj) for di, dj in BEADS])
    up = source(1, 0)  # a zh gap comes from (i-1, j)
    S = np.full((3, cells + 1), NEG)  # 0 after a bead, 1 inside a zh gap, 2 inside an en gap
    best = np.full(cells + 1, NEG)
    choice = np.zeros(cells, dtype=np.int8)
    stacked = np.stack([scores[b] for b in BEADS])
    ramp = gap_extend * np.arange(int(width.max()))
    steps = gap_extend * np.arange(-1, int(width.max()) - 1)
    for i in range(n + 1):
        a, w = int(start[i]), int(width[i])
        e = a + w
        if i == 0:
            row0 = np.full(w, NEG)
            row0[0] = 0.0
            row1 = np.full(w, NEG)
        else:
            cands = best[src[:, a:e]] + stacked[:, a:e]
            choice[a:e] = cands.argmax(axis=0)
            row0 = cands.max(axis=0)
            at = up[a:e]
            row1 = np.maximum(S[1, at] - gap_extend, np.maximum(S[0, at], S[2, at]) - gap_open)
        # an en gap: from (i, j-1), a running maximum along the row
        top = np.maximum(row0, row1)
        run = np.maximum.accumulate(top - gap_open + ramp[:w])
        row2 = np.empty(w)
        row2[0] = NEG
        row2[1:] = run[:-1] - steps[1:w]
        S[0, a:e], S[1, a:e], S[2, a:e] = row0, row1, row2
        best[a:e] = np.maximum(top, row2)

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
