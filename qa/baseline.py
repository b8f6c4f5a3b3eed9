"""Baselines and waivers: findings accepted once, keyed by fingerprint.

``qa baseline`` writes every current finding as accepted. ``--baseline FILE``
then fails a run only on findings not in the file, and lists entries that no
longer match anything (fixed, or changed past recognition) so the file can be
pruned. An entry with a ``reason`` is a waiver: a decision someone made and
explained, shown (collapsed) in the HTML report.

The fingerprint holds the rule, what the finding is about (the quoted text,
the numbers) and its occurrence, never a line or paragraph number: moving a
paragraph or editing another one leaves it unchanged.
"""
from __future__ import annotations

import json
import os

from .errors import QAError
from .model import Result

SCHEMA = "qa-baseline/1"


def render(result: Result, reasons: dict[str, str] | None = None) -> str:
    data = result.to_dict()
    entries = []
    for f in data["findings"]:
        entry = {
            "fingerprint": f["fingerprint"],
            "rule": f["rule"],
            "code": f["code"],
            "message": f["message"],
        }
        reason = (reasons or {}).get(f["fingerprint"])
        if reason:
            entry["reason"] = reason
        entries.append(entry)
    doc = {
        "schema": SCHEMA,
        "documents": {side: data["documents"][side]["path"] for side in ("zh", "en")},
        "entries": entries,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def load(path: str) -> list[dict]:
    from .load.decode import MAX_BYTES, read_file

    if not os.path.exists(path):
        raise QAError(f"{path}: no such baseline file (create one with `qa baseline`)")
    try:
        doc = json.loads(read_file(path, MAX_BYTES).decode("utf-8"))
    except QAError as exc:
        raise QAError(f"baseline: {exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise QAError(f"{path}: not a readable baseline: {exc}") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA or not isinstance(doc.get("entries"), list):
        raise QAError(f"{path}: not a qa baseline (expected \"schema\": \"{SCHEMA}\" and a list of entries)")
    for n, e in enumerate(doc["entries"], 1):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str):
            raise QAError(f"{path}: entry {n} has no fingerprint")
        if "reason" in e and not isinstance(e["reason"], str):
            raise QAError(f"{path}: entry {n}: reason must be a string")
    return doc["entries"]


def apply(result: Result, entries: list[dict], path: str) -> Result:
    """Mark accepted findings on ``result``; record what matched and what is stale."""
    by_fp = {e["fingerprint"]: e for e in entries}
    matched = set()
    for n, fp in enumerate(result.fingerprints()):
        e = by_fp.get(fp)
        if e is None:
            continue
        matched.add(fp)
        mark = {"kind": "waiver" if e.get("reason") else "baseline"}
        if e.get("reason"):
            mark["reason"] = e["reason"]
        result.suppressed[n] = mark
    stale = [
        {k: e[k] for k in ("fingerprint", "rule", "message") if k in e}
        for e in entries
        if e["fingerprint"] not in matched
    ]
    result.baseline = {
        "path": path,
        "matched": len(matched),
        "new": len(result.findings) - len(result.suppressed),
        "stale": stale,
    }
    return result
