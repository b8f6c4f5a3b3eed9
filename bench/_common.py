"""Helpers shared by the benchmark scripts: where ../shared is, and scoring."""
from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("QA_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "data" / "dev"
DEV_FOLDERS = ("wmt22-zh-en", "wmt22-zh-en.refB", "wmt22-en-zh", "wmt24-en-zh")  # line-paired: line i translates line i


def dev_parser(description: str):
    """The command line of the benches over line-paired folders: FOLDER ... (default the dev
    corpus's) and -j N; dev_folders(args) gives the folders."""
    import argparse

    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("folders", nargs="*")
    ap.add_argument("-j", type=int, default=2)
    return ap


def dev_folders(args) -> list[Path]:
    return [Path(f) for f in args.folders] or [DEV / d for d in DEV_FOLDERS]


def dev_pair(zh_path: str):
    """(Chinese lines, English lines, random generator seeded by the document's name) of a
    line-paired NAME.zh / NAME.en document: a mutation bench's sites are the same every run."""
    import random

    zh_lines = Path(zh_path).read_text(encoding="utf-8").splitlines()
    en_lines = Path(zh_path[:-3] + ".en").read_text(encoding="utf-8").splitlines()
    return zh_lines, en_lines, random.Random(Path(zh_path).name)


def kinds_table(per_kind: dict, imperfect: dict, width: int = 14) -> float:
    """Print strict and unaligned F1 and the imperfect documents of each damage kind (scores of
    alignscore); the worst F1 of any kind."""
    print(f"{'damage':<{width}} {'strict F1':>9} {'unaligned F1':>12} {'imperfect docs':>14}")
    worst = 1.0
    for kind, score in sorted(per_kind.items()):
        r = score.result()
        worst = min(worst, r["strict_f1"], r["unaligned_f1"])
        print(f"{kind:<{width}} {r['strict_f1']:9.4f} {r['unaligned_f1']:12.4f} {imperfect.get(kind, 0):>14}")
    return worst


def tally(run_document, jobs: list, workers: int):
    """(found, total, notes) summed over the documents of a mutation bench, run on ``workers``
    processes; run_document(job) returns its own (found, total, notes)."""
    from collections import Counter
    from concurrent.futures import ProcessPoolExecutor

    found, total, notes = Counter(), Counter(), []
    with ProcessPoolExecutor(workers) as pool:
        for f, t, n in pool.map(run_document, jobs, chunksize=2):
            found.update(f)
            total.update(t)
            notes += n
    return found, total, notes


def alignscore():
    spec = importlib.util.spec_from_file_location("alignscore", SHARED / "tools" / "alignscore.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def seed_pairs():
    """(seed path, gold beads by line numbers) for each seed with a gold file."""
    out = []
    for gold in sorted((SHARED / "data" / "seed-alignment").glob("*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        seed = ROOT / "seeds" / data["seed"]
        beads = [(a["zh"], a["en"]) for a in data["alignment"]]
        out.append((seed, beads))
    return out


def line_beads(bitext, links):
    """Links as (zh lines, en lines) beads, the form of the seed gold files."""
    zl = [p.line for p in bitext.zh.paragraphs]
    el = [p.line for p in bitext.en.paragraphs]
    return [([zl[i] for i in lk.zh], [el[j] for j in lk.en]) for lk in links]


def detections(*args, **kwargs):
    """``qa.engine.check`` keeping only the findings at warning or error: in a mutation benchmark
    an info finding is not a detection."""
    from dataclasses import replace

    from qa.engine import check

    result = check(*args, **kwargs)
    return replace(result, findings=[f for f in result.findings if f.severity != "info"])


def apply_edits(lines: list[str], edits: list[tuple]) -> list[str]:
    """Lines with the edits applied: each edit is (kind, line, side, start, end, new), or for
    "order" (kind, line, side, (start, end, new), (start, end, new)); a line's edits right to left."""
    lines = list(lines)
    by_line: dict[int, list] = {}
    for edit in edits:
        kind, i = edit[0], edit[1]
        if kind == "order":
            by_line.setdefault(i, []).extend([edit[3], edit[4]])
        else:
            by_line.setdefault(i, []).append(edit[3:6])
    for i, changes in by_line.items():
        text = lines[i]
        for s, e, new in sorted(changes, reverse=True):
            text = text[:s] + new + text[e:]
        lines[i] = text
    return lines


def edit_batches(candidates: list[tuple], apart: int = 1):
    """The candidates in rounds, no two of a round on the same line or fewer than ``apart``
    lines apart."""
    todo = list(candidates)
    while todo:
        used, batch, rest = set(), [], []
        for c in todo:
            if any(c[1] + d in used for d in range(-apart, apart + 1)):
                rest.append(c)
            else:
                batch.append(c)
                used.add(c[1])
        yield batch
        todo = rest


def line_findings(zh_lines: list[str], en_lines: list[str], tmp: Path, select: list[str]) -> list[tuple]:
    """Warning-or-error findings of `qa check` on two line files: (rule, lines, key, message), the
    lines 0-based line numbers of both sides."""
    from qa.config import Profile
    from qa.engine import check
    from qa.load import load

    zp, ep = tmp / "doc.zh.txt", tmp / "doc.en.txt"
    zp.write_text("\n".join(zh_lines) + "\n", encoding="utf-8")
    ep.write_text("\n".join(en_lines) + "\n", encoding="utf-8")
    result = check(load(str(zp), str(ep)), Profile(select=select))
    zl = [p.line - 1 for p in result.bitext.zh.paragraphs]
    el = [p.line - 1 for p in result.bitext.en.paragraphs]
    out = []
    keep_info = bool(os.environ.get("QA_BENCH_INFO"))  # to see what the warnings miss
    for f in result.findings:
        if f.severity == "info" and not keep_info:
            continue
        lines = {zl[int(p[3:]) - 1] for p in f.zh} | {el[int(p[3:]) - 1] for p in f.en}
        out.append((f.rule, frozenset(lines), f.key or f.message, f.message))
    return out


def count_outside(after: list[tuple], new, touched: set, name: str, found, notes: list) -> None:
    """Count (and note) the new findings of a mutated document on none of the mutated lines."""
    for r, lines, k, msg in after:
        if not lines & touched and new[(r, k, lines)]:
            found["outside"] += 1
            notes.append(f"outside {name}: {r}: {msg}")
