"""Monotone alignment search: dynamic programming inside a band, with affine gaps.

A run of skipped paragraphs (a dropped section, a truncated tail) pays the gap
opening once and a small extension per paragraph, so damage costs one gap
rather than many independent penalties.
"""
from __future__ import annotations

from .scorer import Scorer

GAP_OPEN = 3.0
GAP_EXTEND = 0.3
BEADS = ((1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
NEG = float("-inf")


def search(scorer: Scorer, n: int, m: int, band: list[tuple[int, int]]):
    """Best path through rows 0..n of ``band`` (lo, hi inclusive per row).

    Returns a list of (i0, i1, j0, j1, score) in document order; score is None for skips.
    """
    lo = [b[0] for b in band]
    hi = [b[1] for b in band]
    # Three states per cell: 0 = after a bead, 1 = inside a zh gap, 2 = inside an en gap.
    best = [[[NEG] * (hi[i] - lo[i] + 1) for _ in range(3)] for i in range(n + 1)]
    back = [[[None] * (hi[i] - lo[i] + 1) for _ in range(3)] for i in range(n + 1)]
    best[0][0][0 - lo[0]] = 0.0

    def get(i, j, state):
        if i < 0 or j < lo[i] or j > hi[i]:
            return NEG
        return best[i][state][j - lo[i]]

    def best_state(i, j):
        b, bs = NEG, 0
        if 0 <= i and lo[i] <= j <= hi[i]:
            row = j - lo[i]
            for st in (0, 1, 2):
                v = best[i][st][row]
                if v > b:
                    b, bs = v, st
        return b, bs

    score = scorer.score
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                continue
            k = j - lo[i]
            # beads
            top, arg = NEG, None
            for di, dj in BEADS:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                prev, pst = best_state(pi, pj)
                if prev == NEG:
                    continue
                v = prev + score(pi, i, pj, j)
                if v > top:
                    top, arg = v, (di, dj, pst)
            best[i][0][k], back[i][0][k] = top, arg
            # zh gap (a 1-0 link)
            if i > 0:
                a = get(i - 1, j, 1) - GAP_EXTEND
                b, bs = NEG, 0
                for st in (0, 2):
                    v = get(i - 1, j, st) - GAP_OPEN
                    if v > b:
                        b, bs = v, st
                if a >= b:
                    best[i][1][k], back[i][1][k] = a, (1, 0, 1)
                else:
                    best[i][1][k], back[i][1][k] = b, (1, 0, bs)
            # en gap (a 0-1 link)
            if j > 0:
                a = get(i, j - 1, 2) - GAP_EXTEND
                b, bs = NEG, 0
                for st in (0, 1):
                    v = get(i, j - 1, st) - GAP_OPEN
                    if v > b:
                        b, bs = v, st
                if a >= b:
                    best[i][2][k], back[i][2][k] = a, (0, 1, 2)
                else:
                    best[i][2][k], back[i][2][k] = b, (0, 1, bs)

    total, state = best_state(n, m)
    if total == NEG:
        raise RuntimeError("alignment band does not connect the two documents")
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        di, dj, prev_state = back[i][state][j - lo[i]]
        if state == 0:
            path.append((i - di, i, j - dj, j, score(i - di, i, j - dj, j)))
        else:
            path.append((i - di, i, j - dj, j, None))
        i, j, state = i - di, j - dj, prev_state
    path.reverse()
    return path
