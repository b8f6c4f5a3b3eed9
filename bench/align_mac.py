"""Sentence alignment of MAC-Dev (six novel chapters, one sentence per line, manual gold beads),
scored with ../shared/tools/alignscore.py.

    python bench/align_mac.py [--per-document]

Issue targets: strict F1 >= 0.85 and unaligned-unit F1 >= 0.5 (bertalign with LaBSE: 0.911 strict).
Each chapter is aligned as `qa check NNN.zh NNN.en` would align it (lines are units; the aligner
is not told anything else).
"""
import sys
import time

from _common import SHARED, alignscore

from qa.align import align
from qa.load import load


def main() -> int:
    mac = SHARED / "data" / "dev" / "mac-dev"
    scoring = alignscore()
    total = scoring.Score()
    t0 = time.perf_counter()
    for zh in sorted(mac.glob("*.zh")):
        bitext = load(str(zh), str(zh.with_suffix(".en")))
        zl = [p.line - 1 for p in bitext.zh.paragraphs]
        el = [p.line - 1 for p in bitext.en.paragraphs]
        test = [([zl[i] for i in lk.zh], [el[j] for j in lk.en]) for lk in align(bitext)]
        gold = scoring.parse_align_file(zh.with_suffix(".align"))
        total.add(gold, test)
        if "--per-document" in sys.argv:
            one = scoring.Score()
            one.add(gold, test)
            r = one.result()
            print(f"{zh.stem}: strict_f1={r['strict_f1']:.4f} unaligned_f1={r['unaligned_f1']:.4f} "
                  f"beads={r['beads']} nulls in test={sum(1 for z, e in test if not z or not e)} "
                  f"in gold={sum(1 for z, e in gold if not z or not e)}")
    r = total.result()
    print(f"ALL: strict_f1={r['strict_f1']:.4f} lax_f1={r['lax_f1']:.4f} unaligned_f1={r['unaligned_f1']:.4f} "
          f"({time.perf_counter() - t0:.1f} s)")
    print(f"targets: strict F1 >= 0.85 {'OK' if r['strict_f1'] >= 0.85 else 'MISSED'}; "
          f"unaligned F1 >= 0.5 {'OK' if r['unaligned_f1'] >= 0.5 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
