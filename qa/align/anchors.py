"""Anchors found anywhere in the document, and the band the search runs in.

Small documents are searched whole. Large ones are searched in the rectangles
between consecutive anchors: points (i, j) where a rare signal (a number, a
Latin token) occurs once in each document. The anchors are not required to be
near the diagonal, so a truncated or heavily cut translation keeps its true
path inside the band.
"""
from __future__ import annotations

import bisect
from collections import defaultdict

FULL_SEARCH_CELLS = 400
MARGIN = 5  # paragraphs of slack around each anchor (a wrong anchor must not pinch the path)


def _unique_keys(feats, key_fn) -> dict:
    seen = defaultdict(list)
    for idx, f in enumerate(feats):
        for k in key_fn(f):
            seen[k].append(idx)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def _number_keys(f):
    return [k for k in f.numbers if not k.startswith("n2.0") and not k.startswith("n1.9")]


def anchors(zh, en) -> list[tuple[int, int]]:
    """Monotone chain of (zh, en) index pairs that share a signal found once in each document."""
    pairs = set()
    zn, en_ = _unique_keys(zh, _number_keys), _unique_keys(en, _number_keys)
    for k, i in zn.items():
        if k in en_:
            pairs.add((i, en_[k]))
    zl = _unique_keys(zh, lambda f: [t for t in f.latin if len(t) > 2])
    el = _unique_keys(en, lambda f: [t for t in f.latin if len(t) > 2])
    for k, i in zl.items():
        if k in el:
            pairs.add((i, el[k]))
    return longest_chain(sorted(pairs))


def longest_chain(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain strictly increasing in both coordinates (patience sorting, O(k log k))."""
    points = sorted(points, key=lambda p: (p[0], -p[1]))
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(points)
    for idx, (_, j) in enumerate(points):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(idx)
        else:
            tails[pos] = j
            tail_idx[pos] = idx
        prev[idx] = tail_idx[pos - 1] if pos else -1
    chain = []
    k = tail_idx[-1] if tail_idx else -1
    while k != -1:
        chain.append(points[k])
        k = prev[k]
    return chain[::-1]


def band_for(zh, en, scorer=None) -> list[tuple[int, int]]:
    n, m = len(zh), len(en)
    if (n + 1) * (m + 1) <= FULL_SEARCH_CELLS:
        return [(0, m)] * (n + 1)
    chain = anchors(zh, en)
    if not chain and (n + 1) * (m + 1) <= 250_000:
        return [(0, m)] * (n + 1)
    return band_from_chain(chain, n, m)


def band_from_chain(chain: list[tuple[int, int]], n: int, m: int, margin: int = MARGIN):
    """Rows 0..n: the union of rectangles between consecutive anchors, widened by ``margin``."""
    pts = [(0, 0)] + [(i + 1, j + 1) for i, j in chain] + [(n, m)]
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for (ia, ja), (ib, jb) in zip(pts, pts[1:]):
        for i in range(max(0, ia - 2), min(n, ib + 2) + 1):
            lo[i] = min(lo[i], max(0, ja - margin))
            hi[i] = max(hi[i], min(m, jb + margin))
    # Keep the band connected and monotone.
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):
        lo[i] = max(lo[i], lo[i - 1]) if lo[i] >= lo[i - 1] else lo[i]
    for i in range(n - 1, -1, -1):
        hi[i] = min(hi[i], hi[i + 1])
    for i in range(1, n + 1):
        lo[i] = max(lo[i - 1], min(lo[i], hi[i - 1] + 1))
        hi[i] = max(hi[i], lo[i])
    return list(zip(lo, hi))
