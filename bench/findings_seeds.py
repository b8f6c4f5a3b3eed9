"""Every finding on the untouched seeds, by rule, for judging false alarms.

Usage: python bench/findings_seeds.py [PREFIX]   (e.g. "number-" or "term-")
Prints each finding with its location and a count per rule and severity.
"""
from __future__ import annotations

import sys
from collections import Counter

from _common import ROOT

from qa.engine import check
from qa.load import load


def main() -> int:
    prefix = sys.argv[1] if len(sys.argv) > 1 else ""
    counts = Counter()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        result = check(load(str(seed)))
        for f in result.findings:
            if not f.rule.startswith(prefix):
                continue
            counts[(f.rule, f.severity)] += 1
            where = ",".join(f.zh + f.en)
            print(f"{seed.name[:3]} {where:14} {f.code} {f.severity:7} {f.message}")
    print()
    for (rule, severity), n in sorted(counts.items()):
        print(f"{rule:26} {severity:7} {n}")
    print(f"total {sum(counts.values())}; at error severity {sum(n for (r, s), n in counts.items() if s == 'error')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
