"""Alignment under damage generated from the seeds: strict F1 and unaligned-unit F1.

    python bench/align_damage.py [--cases N]

From each seed and its gold alignment, damage the English side: remove one
paragraph, remove a run of three, merge two neighbours, split one at a
sentence, truncate at several points (also mid-paragraph), remove a whole
section (heading and body). The gold is updated with the damage, the two
sides are aligned as two documents, and scored with ../shared/tools/alignscore.py.
Target: strict F1 >= 0.98 and unaligned-unit F1 >= 0.98 for every kind.
"""
import argparse
import random
import re
import time
from collections import defaultdict

from _common import alignscore, kinds_table, seed_pairs

from qa.align import align
from qa.load import load
from qa.load.paragraphs import make_document
from qa.model import Bitext


def seed_units(seed, gold_lines):
    """zh texts, en texts and gold beads as 0-based indices."""
    bitext = load(str(seed))
    zi = {p.line: k for k, p in enumerate(bitext.zh.paragraphs)}
    ei = {p.line: k for k, p in enumerate(bitext.en.paragraphs)}
    beads = [([zi[z] for z in zh], [ei[e] for e in en]) for zh, en in gold_lines]
    return [p.text for p in bitext.zh.paragraphs], [p.text for p in bitext.en.paragraphs], beads


def rebuild(en, beads, transform):
    """Apply ``transform`` to a list of English units, each a list of (original index, text)."""
    units = [[(j, t)] for j, t in enumerate(en)]
    units = transform(units)
    new_en, where = [], {}
    for k, unit in enumerate(units):
        new_en.append(" ".join(t for _, t in unit))
        for j, _ in unit:
            where[j] = k
    out = []
    for zh, es in beads:
        ks = sorted({where[j] for j in es if j in where})
        if out and ks and out[-1][1] and ks[0] <= out[-1][1][-1]:
            # a merged English unit joins this bead to the one before it
            prev_zh, prev_ks = out.pop()
            zh, ks = prev_zh + zh, sorted(set(prev_ks) | set(ks))
        if zh or ks:
            out.append((zh, ks))
    return new_en, out


def pairable(beads, en_count):
    """English indices of 1-1 beads whose neighbours are 1-1 too (safe places to damage)."""
    return [es[0] for zh, es in beads if len(zh) == 1 and len(es) == 1 and 0 < es[0] < en_count - 1]


def damages(zh, en, beads, rng, cases):
    ones = pairable(beads, len(en))
    for _ in range(cases):
        j = rng.choice(ones)
        yield "remove-one", rebuild(en, beads, lambda u, j=j: u[:j] + u[j + 1:])
        j = rng.choice([x for x in ones if x + 3 < len(en)] or ones)
        yield "remove-run-3", rebuild(en, beads, lambda u, j=j: u[:j] + u[j + 3:])
        j = rng.choice([x for x in ones if x + 1 in ones] or ones)
        yield "merge-2", rebuild(en, beads, lambda u, j=j: u[:j] + [u[j] + u[j + 1]] + u[j + 2:])
        splittable = [x for x in ones if len(re.findall(r"[.;]\s*(?=[A-Z])", en[x])) >= 1]
        if splittable:
            j = rng.choice(splittable)
            yield "split-1", split(en, beads, j)
        cut = rng.randrange(len(en) // 3, len(en) - 1)
        yield "truncate", rebuild(en, beads, lambda u, c=cut: u[:c])
        yield "truncate-mid", truncate_mid(en, beads, cut)
    heads = [k for k, t in enumerate(en) if re.match(r"^\s*[IVX]+\s*\.", t)]
    for h, nxt in zip(heads, heads[1:] + [len(en)]):
        if nxt < len(en):
            yield "remove-section", rebuild(en, beads, lambda u, h=h, n=nxt: u[:h] + u[n:])


def split(en, beads, j):
    text = en[j]
    m = list(re.finditer(r"[.;]\s*(?=[A-Z])", text))[0]
    a, b = text[: m.end()].strip(), text[m.end():].strip()
    new_en = en[:j] + [a, b] + en[j + 1:]
    shift = lambda k: k if k < j else k + 1  # noqa: E731
    out = []
    for zh, es in beads:
        ks = []
        for k in es:
            ks += [j, j + 1] if k == j else [shift(k)]
        out.append((zh, ks))
    return new_en, out


def truncate_mid(en, beads, cut):
    """The English stops half-way through paragraph ``cut``."""
    text = en[cut]
    new_en = en[:cut] + [text[: max(20, len(text) // 2)]]
    keep = set(range(cut + 1))
    return new_en, [(zh, [k for k in es if k in keep]) for zh, es in beads if zh or any(k in keep for k in es)]


def run(zh, en):
    bitext = Bitext(make_document("zh", "text", "zh", [(k + 1, t) for k, t in enumerate(zh)]),
                    make_document("en", "text", "en", [(k + 1, t) for k, t in enumerate(en)]))
    return [(list(lk.zh), list(lk.en)) for lk in align(bitext)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=4, help="random positions per damage kind and seed")
    args = ap.parse_args()
    scoring = alignscore()
    rng = random.Random(7)
    per_kind = defaultdict(scoring.Score)
    failures = defaultdict(int)
    n = 0
    t0 = time.perf_counter()
    for seed, gold in seed_pairs():
        zh, en, beads = seed_units(seed, gold)
        for kind, (new_en, new_gold) in damages(zh, en, beads, rng, args.cases):
            test = run(zh, new_en)
            per_kind[kind].add(new_gold, test)
            one = scoring.Score()
            one.add(new_gold, test)
            if one.result()["strict_f1"] < 1:
                failures[kind] += 1
            n += 1
    worst = kinds_table(per_kind, failures, width=16)
    print(f"{n} damaged documents in {time.perf_counter() - t0:.1f} s; worst F1 {worst:.4f} (target >= 0.98)")


if __name__ == "__main__":
    main()
