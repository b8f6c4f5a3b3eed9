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
