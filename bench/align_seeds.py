"""Alignment accuracy on the three seeds against ../shared/data/seed-alignment.

    python bench/align_seeds.py

Prints strict/lax F1 and unaligned-unit F1 per seed and over all (alignscore.py definitions).
"""
from _common import alignscore, line_beads, seed_pairs

from qa.align import align
from qa.load import load


def main() -> None:
    scoring = alignscore()
    total = scoring.Score()
    for seed, gold in seed_pairs():
        bitext = load(str(seed))
        test = line_beads(bitext, align(bitext))
        one = scoring.Score()
        one.add(gold, test)
        total.add(gold, test)
        r = one.result()
        wrong = sorted(set(map(repr, test)) - set(repr((list(z), list(e))) for z, e in gold))
        print(f"{seed.name}: strict_f1={r['strict_f1']:.4f} lax_f1={r['lax_f1']:.4f} "
              f"unaligned_f1={r['unaligned_f1']:.4f} beads={r['beads']}")
        for w in wrong:
            print("   not in gold:", w)
    r = total.result()
    print(f"ALL: strict_f1={r['strict_f1']:.4f} lax_f1={r['lax_f1']:.4f} unaligned_f1={r['unaligned_f1']:.4f}")


if __name__ == "__main__":
    main()
