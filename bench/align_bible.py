"""Sentence alignment of the Bible pair in ../shared/data/bible (5,000 English x 6,301 Chinese
sentences, verse-level gold), scored as ../shared/data/bible/README.md prescribes.

    python bench/align_bible.py [--check]

Prints strict/lax F1 (published: hunalign 0.895, vecalign 0.978, bertalign 0.979), the wall time
of the whole process and its peak memory. Targets: strict F1 >= 0.95, <= 10 s, <= 1 GiB.
With --check, also the whole `qa check zh.txt en.txt --json` as a user runs it (median of 5
processes, peak memory): target <= 5 s, <= 1 GiB.
"""
import os
import resource
import statistics
import sys
import tempfile
import time

T0 = time.perf_counter()

from _common import SHARED, alignscore  # noqa: E402

from qa.align import align  # noqa: E402
from qa.load import load  # noqa: E402


def main():
    bible = SHARED / "data" / "bible"
    t = time.perf_counter()
    bitext = load(str(bible / "zh.txt"), str(bible / "en.txt"))
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    links = align(bitext)
    t_align = time.perf_counter() - t
    # gold is English-first, 0-based: turn our (zh, en) links round
    zh_row = {p.line: k for k, p in enumerate(bitext.zh.paragraphs)}
    en_row = {p.line: k for k, p in enumerate(bitext.en.paragraphs)}
    zh_lines = [p.line for p in bitext.zh.paragraphs]
    en_lines = [p.line for p in bitext.en.paragraphs]
    assert len(zh_row) == 6301 and len(en_row) == 5000, "the sentence files must have one sentence per line"
    test = [([en_lines[j] - 1 for j in lk.en], [zh_lines[i] - 1 for i in lk.zh]) for lk in links]
    scoring = alignscore()
    gold = scoring.parse_align_file(bible / "gold.align")
    lv = (bible / "en.verse").read_text(encoding="utf-8").split("\n")
    rv = (bible / "zh.verse").read_text(encoding="utf-8").split("\n")
    score = scoring.Score()
    score.add(gold, scoring.merge_verses(test, lv, rv))
    r = score.result()
    wall = time.perf_counter() - T0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"strict_f1={r['strict_f1']:.4f} lax_f1={r['lax_f1']:.4f} strict_p={r['strict_p']:.4f} "
          f"strict_r={r['strict_r']:.4f} unaligned_f1={r['unaligned_f1']:.4f}")
    print(f"load {t_load:.2f} s, align {t_align:.2f} s, whole process {wall:.2f} s, peak {peak:.0f} MiB")
    print(f"targets: strict F1 >= 0.95 {'OK' if r['strict_f1'] >= 0.95 else 'MISSED'}; "
          f"<= 10 s {'OK' if wall <= 10 else 'MISSED'}; <= 1024 MiB {'OK' if peak <= 1024 else 'MISSED'}")
    if "--check" in sys.argv:
        whole_check(bible)


def whole_check(bible) -> None:
    times, peaks = [], []
    with tempfile.TemporaryDirectory() as tmp:
        args = ["-m", "qa", "check", str(bible / "zh.txt"), str(bible / "en.txt"), "--json", f"{tmp}/r.json", "-q"]
        for _ in range(5):
            t = time.perf_counter()
            pid = os.fork()
            if pid == 0:
                os.execv(sys.executable, [sys.executable, *args])
            _, status, usage = os.wait4(pid, 0)
            times.append(time.perf_counter() - t)
            peaks.append(usage.ru_maxrss / 1024)
    med, peak = statistics.median(times), max(peaks)
    print(f"qa check with JSON: median {med:.2f} s of 5 (min {min(times):.2f}), peak {peak:.0f} MiB; "
          f"targets <= 5 s {'OK' if med <= 5 else 'MISSED'}, <= 1024 MiB {'OK' if peak <= 1024 else 'MISSED'}")


if __name__ == "__main__":
    sys.exit(main())
