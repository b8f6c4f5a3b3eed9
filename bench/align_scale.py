"""Alignment time and memory as documents grow: a synthetic report built from the seeds.

    python bench/align_scale.py [--sizes 2500,5000,10000,20000] [--check]

The report is the three seeds' gold beads repeated until each side has the
requested number of paragraphs. In each copy the integers that a bead writes
the same way on both sides ("286宗" / "286 cases") get new random values, so
that, as in a real long report, numbers differ from section to section; 1% of
the English paragraphs are then removed at random and the last 2% cut off (a
truncated translation). Each size is aligned in a fresh process (load, align,
score against the known gold) and its wall time and peak memory printed, with
time per 1,000 paragraphs to show whether growth is linear.
Targets: 20,000 paragraphs a side in <= 30 s; time linear in size.
With --check every size is also run through the whole `qa check` (JSON report written), in a
fresh process: its wall time, time per 1,000 paragraphs and peak memory. Target: 20,000
paragraphs a side <= 30 s, time per 1,000 flat.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, seed_pairs
from align_damage import rebuild, seed_units

_INT = re.compile(r"(?<![\d.,])\d{1,3}(?![\d.,]\d)")

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from _common import alignscore
from qa.align import align
from qa.load import load
bitext = load(sys.argv[2], sys.argv[3])
links = align(bitext)
gold = json.load(open(sys.argv[4]))
s = alignscore().Score()
s.add([(g[0], g[1]) for g in gold], [(list(lk.zh), list(lk.en)) for lk in links])
r = s.result()
print(json.dumps({"wall": time.perf_counter() - t0, "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "strict_f1": r["strict_f1"], "unaligned_f1": r["unaligned_f1"]}))
"""


def renumber(zh: str, en: str, rng: random.Random) -> tuple[str, str]:
    """Give integers written identically on both sides a new value."""
    shared = set(_INT.findall(zh)) & set(_INT.findall(en))
    for old in sorted(shared, key=lambda x: (-len(x), x)):
        if len(_INT.findall(zh)) and zh.count(old) == 1 and en.count(old) == 1:
            new = str(rng.randrange(11, 999))
            zh = _INT.sub(lambda mt, o=old, n=new: n if mt.group() == o else mt.group(), zh)
            en = _INT.sub(lambda mt, o=old, n=new: n if mt.group() == o else mt.group(), en)
    return zh, en


def synthetic(size: int, rng: random.Random):
    units = [seed_units(seed, gold) for seed, gold in seed_pairs()]
    zh, en, beads = [], [], []
    while len(zh) < size:
        for szh, sen, sbeads in units:
            for bz, be in sbeads:
                z = "".join(szh[i] for i in bz)
                e = " ".join(sen[j] for j in be)
                z2, e2 = renumber(z, e, rng)
                nz = [z2] if len(bz) == 1 else [szh[i] for i in bz]  # keep multi-paragraph beads as they are
                ne = [e2] if len(be) == 1 else [sen[j] for j in be]
                beads.append((list(range(len(zh), len(zh) + len(nz))), list(range(len(en), len(en) + len(ne)))))
                zh += nz
                en += ne
    drop = set(rng.sample(range(len(en)), len(en) // 100))
    cut = len(en) - len(en) // 50
    new_en, new_beads = rebuild(en, beads, lambda u: [x for k, x in enumerate(u[:cut]) if k not in drop])
    return zh, new_en, new_beads


def whole_check(args) -> tuple[float, float, int]:
    """(seconds, peak MiB, exit status) of `qa check ARGS -q` in a fresh process."""
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.chdir(ROOT)
        os.execv(sys.executable, [sys.executable, "-m", "qa", "check", *args, "-q"])
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - t, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="2500,5000,10000,20000")
    ap.add_argument("--check", action="store_true", help="also time `qa check` on the largest size")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    rng = random.Random(11)
    print(f"{'paragraphs zh x en':>20} {'wall s':>7} {'s per 1k':>8} {'peak MiB':>8} {'strict F1':>9} {'unaligned F1':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for size in sizes:
            zh, en, beads = synthetic(size, rng)
            (tmp / "zh.txt").write_text("\n".join(zh) + "\n", encoding="utf-8")
            (tmp / "en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
            (tmp / "gold.json").write_text(json.dumps(beads))
            out = subprocess.run([sys.executable, "-c", CHILD, str(Path(__file__).parent), str(tmp / "zh.txt"),
                                  str(tmp / "en.txt"), str(tmp / "gold.json")], capture_output=True, text=True,
                                 cwd=ROOT)
            if out.returncode:
                print(out.stderr)
                return 1
            r = json.loads(out.stdout)
            label = f"{len(zh)} x {len(en)}"
            line = (f"{label:>20} {r['wall']:7.2f} {r['wall'] / len(zh) * 1000:8.3f} {r['peak']:8.0f} "
                    f"{r['strict_f1']:9.4f} {r['unaligned_f1']:12.4f}")
            if args.check:
                secs, peak, code = whole_check([str(tmp / "zh.txt"), str(tmp / "en.txt"), "--json", str(tmp / "r.json")])
                line += f"   qa check {secs:6.1f} s, {secs / len(zh) * 1000:5.2f} s per 1k, {peak:5.0f} MiB, exit {code}"
            print(line, flush=True)
    print("targets: 20,000 paragraphs a side <= 30 s; s per 1k roughly constant (linear growth)")


if __name__ == "__main__":
    sys.exit(main())
