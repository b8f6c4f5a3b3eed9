"""Whole-process wall time (median of 5) and peak memory of `qa check` on each seed.

    python bench/startup.py
    python bench/startup.py --against ../old-checkout   # the same runs, interleaved, for another tree

`--against` answers "did this change make start-up slower?" under the same machine load: each
run of this tree is followed by a run of the other tree's `qa` on the same seed.

Target on the 2-core reference machine: median <= 0.5 s per seed, interpreter start included.
The first (untimed) run warms the dictionary cache, as any second use of the tool would, and the
trees' modules are byte-compiled first (as pip does on install): with PYTHONDONTWRITEBYTECODE set,
as on some development machines, every run would otherwise compile a dozen modules from source
(~35 ms), which no installed `qa` does.
"""
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import ROOT

RUNS = 5


def run_once(args, tree=ROOT):
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        if tree != ROOT:  # its own dictionary cache: trees of other cache formats delete each other's
            os.environ["QA_CACHE_DIR"] = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"qa-cache-{tree.name}")
        # as the installed `qa` command runs (cli.entry; a tree older than it: cli.main)
        boot = (f"import sys; sys.path.insert(0, {str(tree)!r}); import qa.cli as c; "
                "c.entry() if hasattr(c, 'entry') else sys.exit(c.main())")
        os.execv(sys.executable, [sys.executable, "-c", boot, *args])
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - t, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main():
    other = Path(sys.argv[sys.argv.index("--against") + 1]).resolve() if "--against" in sys.argv else None
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    for tree in [ROOT] + ([other] if other else []):
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "qa")], check=True)
    subprocess.run([sys.executable, "-m", "qa", "check", str(seeds[0]), "-q"], cwd=ROOT)  # warm the cache
    if other:
        run_once(["check", str(seeds[0]), "-q"], other)  # and the other tree's
    print(f"{'seed':<28} {'median s':>9} {'min s':>7} {'peak MiB':>9} exit")
    worst = other_worst = 0.0
    for seed in seeds:
        args = ["check", str(seed), "--json", str(out / f"{seed.stem}.json"), "-q"]
        times, mems, code, theirs = [], [], None, []
        for _ in range(RUNS):
            t, m, code = run_once(args)
            times.append(t)
            mems.append(m)
            if other:
                theirs.append(run_once(args, other)[0])
        med = statistics.median(times)
        worst = max(worst, med)
        versus = f"   {other.name}: {statistics.median(theirs):.3f}" if other else ""
        print(f"{seed.name:<28} {med:9.3f} {min(times):7.3f} {max(mems):9.1f} {code:>4}{versus}")
        other_worst = max(other_worst, statistics.median(theirs)) if other else 0.0
    print(f"worst median {worst:.3f} s (target <= 0.5 s): {'OK' if worst <= 0.5 else 'MISSED'}")
    if other:
        print(f"worst median of {other}: {other_worst:.3f} s ({worst - other_worst:+.3f} s for this tree)")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
