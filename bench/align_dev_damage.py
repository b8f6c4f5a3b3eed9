"""Alignment under damage on the dev corpus's real translations: strict F1 and unaligned-unit F1.

    python bench/align_dev_damage.py [FOLDER ...] [--cases N] [--misses]

Each line-paired document of ../shared/data/dev (line i translates line i, so the diagonal is
the gold) has its English damaged, the gold updated, both sides aligned as two documents and
scored with ../shared/tools/alignscore.py. Kinds:

  remove-one     one English line deleted                       (its Chinese line is 1-0)
  remove-run     a run of 2-4 English lines deleted
  merge-2        two neighbouring English lines made one         (2-1)
  split-k        an English line of k sentences (2-6) cut into k  (1-k)
  truncate       the English stops after a line, the rest lost
  truncate-mid   the English stops half-way through a line
  renumber       three lines get headings numbered in two systems (（一） / 1.; 一、 / I.; ① / (a))

Positions are random (fixed seed); documents of fewer than six lines are skipped.
Target (issue 15): strict F1 >= 0.98 and unaligned-unit F1 >= 0.98 for every kind. A kind whose
gold leaves no unit unpaired (merge, split, renumber) scores unaligned F1 0 as soon as any unit of
any document is left unpaired, 1 when none is.
"""
from __future__ import annotations

import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from _common import alignscore, dev_folders, dev_parser, kinds_table
from align_damage import rebuild, run, truncate_mid

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])")
# (Chinese marker, English marker) of heading numbering in two systems
_SYSTEMS = [(lambda k: f"（{'一二三四五六七八九十'[k]}）", lambda k: f"{k + 1}. "),
            (lambda k: f"{'一二三四五六七八九十'[k]}、", lambda k: f"{'I II III IV V VI VII VIII IX X'.split()[k]}. "),
            (lambda k: "①②③④⑤⑥⑦⑧⑨⑩"[k], lambda k: f"({'abcdefghij'[k]}) ")]


def split_k(en: list[str], beads, j: int, k: int):
    """English line j cut at its first k-1 sentence ends into k lines."""
    cuts = [m.end() for m in _SENTENCE_END.finditer(en[j])][:k - 1]
    bounds = [0, *cuts, len(en[j])]
    pieces = [en[j][a:b].strip() for a, b in zip(bounds, bounds[1:])]
    new_en = en[:j] + pieces + en[j + 1:]
    out = []
    for zh, es in beads:
        ks = []
        for x in es:
            ks += list(range(j, j + k)) if x == j else [x if x < j else x + k - 1]
        out.append((zh, ks))
    return new_en, out


def damages(zh: list[str], en: list[str], rng: random.Random, cases: int):
    """(kind, Chinese lines, English lines, gold beads) of each damaged version."""
    n = len(en)
    beads = [([i], [i]) for i in range(n)]
    for _ in range(cases):
        j = rng.randrange(1, n - 1)
        yield ("remove-one", zh, *rebuild(en, beads, lambda u, j=j: u[:j] + u[j + 1:]))
        size = rng.randint(2, 4)
        j = rng.randrange(1, max(2, n - size))
        yield ("remove-run", zh, *rebuild(en, beads, lambda u, j=j, s=size: u[:j] + u[j + s:]))
        j = rng.randrange(0, n - 1)
        yield ("merge-2", zh, *rebuild(en, beads, lambda u, j=j: u[:j] + [u[j] + u[j + 1]] + u[j + 2:]))
        counts = {x: len(_SENTENCE_END.findall(en[x])) + 1 for x in range(n)}
        many = [x for x in range(n) if counts[x] >= 2]
        if many:
            j = rng.choice(many)
            k = min(counts[j], rng.randint(2, 6))
            yield (f"split-{'2' if k == 2 else '3-6'}", zh, *split_k(en, beads, j, k))
        cut = rng.randrange(n // 3, n - 1)
        yield ("truncate", zh, *rebuild(en, beads, lambda u, c=cut: u[:c]))
        yield ("truncate-mid", zh, *truncate_mid(en, beads, cut))
        zmark, emark = rng.choice(_SYSTEMS)
        lines = sorted(rng.sample(range(n), 3))
        z2, e2 = list(zh), list(en)
        for k, x in enumerate(lines):
            z2[x], e2[x] = zmark(k) + z2[x], emark(k) + e2[x]
        yield "renumber", z2, e2, beads


def main() -> int:
    ap = dev_parser(__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=2, help="random positions per kind and document")
    ap.add_argument("--misses", action="store_true", help="name the documents aligned imperfectly")
    args = ap.parse_args()
    scoring = alignscore()
    rng = random.Random(15)
    per_kind = defaultdict(scoring.Score)
    imperfect: dict[str, list[str]] = defaultdict(list)
    docs = 0
    t0 = time.perf_counter()
    for folder in dev_folders(args):
        for zp in sorted(folder.glob("*.zh")):
            zh = zp.read_text(encoding="utf-8").splitlines()
            en = Path(str(zp)[:-3] + ".en").read_text(encoding="utf-8").splitlines()
            if len(zh) < 6 or len(zh) != len(en):
                continue
            docs += 1
            for kind, z, e, gold in damages(zh, en, rng, args.cases):
                test = run(z, e)
                per_kind[kind].add(gold, test)
                one = scoring.Score()
                one.add(gold, test)
                if one.result()["strict_f1"] < 1:
                    imperfect[kind].append(f"{folder.name}/{zp.stem}")
    if args.misses:
        for kind, names in sorted(imperfect.items()):
            print(kind, " ".join(names))
    worst = kinds_table(per_kind, {kind: len(names) for kind, names in imperfect.items()})
    print(f"{docs} documents, {args.cases} cases per kind, in {time.perf_counter() - t0:.1f} s; "
          f"worst F1 {worst:.4f} (target >= 0.98)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
