"""Growth: time and peak memory of a whole `qa check` as inputs grow, in a fresh process each.

    python bench/growth.py

Two shapes: a seed report repeated 1x, 4x and 16x (as many paragraphs, its Chinese part then its
English part), and one single paragraph of 500, 1,000 and 2,000 sentences a side (the seeds'
sentences run together: the sentence alignment inside one link is what could grow faster than
the text). Prints seconds, peak MiB, and both per MB of input; growth is linear when the per-MB
figures stay flat. The input limit (64 MiB by default, QA_MAX_INPUT_BYTES) should be checkable
on the machine: peak MiB per MB times the limit.
"""
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

SEED = ROOT / "seeds" / "001_a563103608e4f3d1.txt"
ZH_SENT = re.compile(r"[^。！？]+[。！？]")
EN_SENT = re.compile(r"[^.!?]+[.!?](?:\s+|$)")


def run(args) -> tuple[float, float, int]:
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(sys.executable, [sys.executable, "-m", "qa", *args])
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - t, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def seed_parts() -> tuple[list[str], list[str]]:
    lines = [ln for ln in SEED.read_text(encoding="utf-8").split("\n") if ln.strip()]
    zh = [ln for ln in lines if re.search(r"[\u4e00-\u9fff]", ln)]
    en = [ln for ln in lines if not re.search(r"[\u4e00-\u9fff]", ln)]
    return zh, en


def main() -> int:
    zh, en = seed_parts()
    zs = [s for p in zh for s in ZH_SENT.findall(p)]
    es = [s.strip() for p in en for s in EN_SENT.findall(p)]
    print(f"{'input':<34} {'MB':>6} {'s':>7} {'peak MiB':>9} {'s/MB':>7} {'MiB/MB':>7} exit")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cases = []
        for k in (1, 4, 16):
            p = tmp / f"seed{k}.txt"
            p.write_text("\n".join(zh * k + en * k) + "\n", encoding="utf-8")
            cases.append((f"seed 001 x{k}", [str(p)]))
        for n in (500, 1000, 2000):
            z, e = tmp / f"zh{n}.txt", tmp / f"en{n}.txt"
            z.write_text("".join((zs * (n // len(zs) + 1))[:n]) + "\n", encoding="utf-8")
            e.write_text(" ".join((es * (n // len(es) + 1))[:n]) + "\n", encoding="utf-8")
            cases.append((f"one paragraph of {n} sentences", [str(z), str(e)]))
        subprocess.run([sys.executable, "-m", "qa", "check", str(SEED), "-q"], cwd=ROOT)  # warm the cache
        for label, files in cases:
            mb = sum(os.path.getsize(f) for f in files) / 1e6
            secs, peak, code = run(["check", *files, "--json", str(tmp / "r.json"), "-q"])
            print(f"{label:<34} {mb:6.2f} {secs:7.2f} {peak:9.0f} {secs / mb:7.1f} {peak / mb:7.0f} {code:>4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
