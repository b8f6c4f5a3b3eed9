"""False alarms on human translations: findings per 1,000 segments, and the alignment against the diagonal.

Usage: python bench/corpus.py [FOLDER ...] [--list PREFIX] [-j N]

Each FOLDER holds NAME.zh / NAME.en pairs, line i of one the translation of line i of the
other (default: the line-paired folders of the dev corpus, ../shared/data/dev). Every pair is
checked as `qa check NAME.zh NAME.en` would (the aligner is not told the lines are paired).
Prints, per folder, the warning-or-error findings per 1,000 segments for each rule family and
rule, and the alignment's strict F1 against the diagonal (alignscore's definitions).
``--list PREFIX`` also prints every such finding whose rule code or name starts with PREFIX,
for reading and judging one by one.
"""
from __future__ import annotations

import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from _common import alignscore, dev_folders, dev_parser

FAMILIES = {"NM": "number", "DR": "content", "AD": "content", "DC": "content", "DI": "content", "AC": "content",
            "UT": "content", "TI": "term", "TG": "term", "TF": "term", "TR": "term", "AL": "align"}


def check_pair(zh_path: str) -> tuple[str, int, list, list, list]:
    """(name, segments, findings as tuples, diagonal beads, aligner's beads) of one pair."""
    from qa.engine import check
    from qa.load import load

    en_path = zh_path[:-3] + ".en"
    result = check(load(zh_path, en_path))
    bt = result.bitext
    zl = [p.line - 1 for p in bt.zh.paragraphs]
    el = [p.line - 1 for p in bt.en.paragraphs]
    test = [([zl[i] for i in lk.zh], [el[j] for j in lk.en]) for lk in result.alignment]
    n = sum(1 for _ in open(zh_path, encoding="utf-8"))
    gold = [([i], [i]) for i in range(n)]
    found = []
    for f in result.findings:
        if f.severity in ("warning", "error"):
            found.append((f.code, f.rule, f.severity, ",".join(f.zh + f.en), f.zh_text, f.en_text, f.message))
    return Path(zh_path).stem, n, found, gold, test


def main() -> int:
    ap = dev_parser(__doc__.splitlines()[0])
    ap.add_argument("--list", default=None, metavar="PREFIX")
    args = ap.parse_args()
    folders = dev_folders(args)
    scorer = alignscore()
    worst = {}
    for folder in folders:
        pairs = sorted(str(p) for p in folder.glob("*.zh"))
        with ProcessPoolExecutor(args.j) as pool:
            results = list(pool.map(check_pair, pairs, chunksize=4))
        segments = sum(r[1] for r in results)
        score = scorer.Score()
        per_rule, per_family = Counter(), Counter()
        for name, _, found, gold, test in results:
            score.add(gold, test)
            for code, rule, severity, where, _zt, _et, msg in found:
                per_rule[f"{code} {rule}"] += 1
                per_family[FAMILIES.get(code[:2], "other")] += 1
                if args.list is not None and (code.startswith(args.list) or rule.startswith(args.list)):
                    print(f"  {name} {where} {code} {severity}: {msg}")
        res = score.result()
        print(f"{folder.name}: {len(pairs)} documents, {segments} segments; "
              f"alignment strict F1 {res['strict_f1']:.4f} against the diagonal")
        for fam in ("number", "content", "term", "align", "other"):
            rate = 1000 * per_family[fam] / segments
            worst[fam] = max(worst.get(fam, 0.0), rate)
            print(f"  {fam:8} {per_family[fam]:4d} findings  {rate:6.1f} per 1,000 segments")
        for rule, n in sorted(per_rule.items()):
            print(f"    {rule:28} {n:4d}  {1000 * n / segments:6.1f}")
    print("worst folder per family (per 1,000 segments): "
          + ", ".join(f"{k} {v:.1f}" for k, v in worst.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
