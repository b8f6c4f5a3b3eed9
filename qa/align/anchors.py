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

from ..lang import dictionary

FULL_SEARCH_CELLS = 400
LONG_DOCUMENT_CELLS = 250_000  # above this, anchors are densified block by block
MARGIN = 5  # paragraphs of slack around each anchor (a wrong anchor must not pinch the path)
# A rectangle between anchors wider than this is searched in a corridor this wide around its
# diagonal instead: a stretch with no anchor at all (text that repeats itself, a paragraph of
# thousands of sentences) would otherwise be searched whole, in time and memory quadratic in
# its length. A loss inside such a stretch is still found when under half this width.
MAX_WIDTH = 400


def _unique_keys(feats, key_fn, indices=None) -> dict:
    """Key -> index, for keys that occur in exactly one of ``feats[indices]``."""
    seen = defaultdict(list)
    for idx in indices if indices is not None else range(len(feats)):
        for k in key_fn(feats[idx]):
            seen[k].append(idx)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def _number_keys(f):
    return [k for k in f.numbers if not k.startswith("n2.0") and not k.startswith("n1.9")]


def anchors(zh, en, rare_words: bool = False) -> list[tuple[int, int]]:
    """Monotone chain of (zh, en) index pairs that share a signal found once in each document."""
    pairs = set()
    zn, en_ = _unique_keys(zh, _number_keys), _unique_keys(en, _number_keys)
    for k, i in zn.items():
        if k in en_:
            pairs.add((i, en_[k]))
    if rare_words:  # long sentence-level texts have few numbers; medium reports have plenty
        pairs |= rare_word_pairs(zh, en)
    zl = _unique_keys(zh, lambda f: [t for t in f.latin if len(t) > 2])
    el = _unique_keys(en, lambda f: [t for t in f.latin if len(t) > 2])
    for k, i in zl.items():
        if k in el:
            pairs.add((i, el[k]))
    if rare_words:
        pairs = supported(pairs, len(en) / len(zh))
    return longest_chain(sorted(pairs))


SUPPORT_WINDOW = 40
REFINE_SUPPORT = 3


def supported(pairs, slope: float, need: int = 1) -> list[tuple[int, int]]:
    """The candidate anchors that another candidate nearby agrees with (the two
    lie on one line of the documents' slope). In a long text most candidates
    from rare words are coincidences, and one far-off anchor in the chain
    pinches the search away from the true path; true anchors come in runs."""
    pts = sorted(pairs)
    rows = [p[0] for p in pts]
    keep = []
    for i, j in pts:
        a = bisect.bisect_left(rows, i - SUPPORT_WINDOW)
        b = bisect.bisect_right(rows, i + SUPPORT_WINDOW)
        agree = 0
        for q in range(a, b):
            di, dj = pts[q][0] - i, pts[q][1] - j
            if di and abs(dj - di * slope) <= 2 + 0.15 * abs(di):
                agree += 1
                if agree >= need:
                    keep.append((i, j))
                    break
    return keep


def rare_word_pairs(zh, en, rows=None, cols=None) -> set[tuple[int, int]]:
    """(i, j) where a Chinese word used once (in ``rows``, default all) has a
    gloss stem used once in the English (in ``cols``): names and rare terms."""
    zh_once = _unique_keys(zh, lambda f: set(f.words), rows)
    en_once = _unique_keys(en, lambda f: f.stems if f.spaced else (), cols)
    pairs = set()
    for word, i in zh_once.items():
        for s in dictionary.stems_of(word):
            j = en_once.get(s)
            if j is not None and len(s) >= 4:
                pairs.add((i, j))
    return pairs


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


SMALL_BLOCK = 600  # cells: a block this small is searched whole


def _block_pairs(zh, en, ia, ib, ja, jb) -> set[tuple[int, int]]:
    """Anchor candidates inside one block: words and numbers unique within it."""
    rows, cols = range(ia, ib), range(ja, jb)
    zn = _unique_keys(zh, lambda f: f.numbers, rows)
    en_ = _unique_keys(en, lambda f: f.numbers, cols)
    pairs = {(i, en_[k]) for k, i in zn.items() if k in en_}
    return pairs | rare_word_pairs(zh, en, rows, cols)


def refine(zh, en, chain: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Densify a chain: between consecutive anchors, add anchors from words
    unique within that block, until every block is small. Each level only
    reads its own block, so the whole costs about N log N."""
    n, m = len(zh), len(en)
    result = set(chain)
    stack = list(zip([(-1, -1)] + chain, chain + [(n, m)]))
    while stack:
        (ia, ja), (ib, jb) = stack.pop()
        if (ib - ia) * (jb - ja) <= SMALL_BLOCK or ib - ia < 3 or jb - ja < 3:
            continue
        slope = (jb - ja) / (ib - ia)
        found = longest_chain(sorted(supported(_block_pairs(zh, en, ia + 1, ib, ja + 1, jb), slope, REFINE_SUPPORT)))
        if found:
            result.update(found)
            pts = [(ia, ja)] + found + [(ib, jb)]
            stack.extend(zip(pts, pts[1:]))
    return sorted(result)


def band_for(zh, en) -> list[tuple[int, int]]:
    n, m = len(zh), len(en)
    cells = (n + 1) * (m + 1)
    if cells <= FULL_SEARCH_CELLS:
        return [(0, m)] * (n + 1)
    if cells > LONG_DOCUMENT_CELLS:
        # Long documents: densify, or the rectangles between global anchors stay huge.
        chain = refine(zh, en, anchors(zh, en, rare_words=True))
    else:
        chain = anchors(zh, en)
        if not chain:
            return [(0, m)] * (n + 1)
    return band_from_chain(chain, n, m)


def band_from_chain(chain: list[tuple[int, int]], n: int, m: int, margin: int = MARGIN):
    """Rows 0..n: the union of rectangles between consecutive anchors, widened by ``margin``."""
    pts = [(0, 0)] + [(i + 1, j + 1) for i, j in chain] + [(n, m)]
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for (ia, ja), (ib, jb) in zip(pts, pts[1:]):
        wide = jb - ja + 2 * margin > MAX_WIDTH
        for i in range(max(0, ia - 2), min(n, ib + 2) + 1):
            a, b = ja - margin, jb + margin
            if wide:  # a corridor along the rectangle's diagonal
                mid = ja + (min(max(i, ia), ib) - ia) * (jb - ja) / max(1, ib - ia)
                a, b = max(a, int(mid) - MAX_WIDTH // 2), min(b, int(mid) + MAX_WIDTH // 2)
            lo[i] = min(lo[i], max(0, a))
            hi[i] = max(hi[i], min(m, b))
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
