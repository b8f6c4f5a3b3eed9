"""The terminal summary: one line per finding, error first, then warning and info, each in
reading order (path:line: CODE severity [rule] message, then the other side's path:line), then
the counts. Findings a baseline or waiver accepted are counted, and listed only with -v.

The line format is stable, like Vale's and Ruff's, so it doubles as golden test output; colour
(severity words) only on a terminal, and never with NO_COLOR.
"""
from __future__ import annotations

import re

from ..model import SEVERITY_RANK
from . import place, position

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[2m"}
RESET = "\033[0m"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean(text: str) -> str:
    """Document text with its control characters shown, never sent to the terminal (ESC would
    drive it)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def render(data: dict, limit: int | None = None, verbose: bool = False, colour: bool = False) -> str:
    paras = {side: {p["id"]: p for p in data["paragraphs"][side]} for side in ("zh", "en")}
    docs = data["documents"]

    def at(side: str, f: dict) -> str:
        return place(docs[side]["path"], paras[side][f[side][0]])

    def order(f: dict):
        side = "zh" if f["zh"] else "en"
        return (-SEVERITY_RANK[f["severity"]], side, position(paras[side][f[side][0]]) if f[side] else (0, 0))

    accepted = [f for f in data["findings"] if "suppressed" in f]
    findings = sorted((f for f in data["findings"] if verbose or "suppressed" not in f), key=order)
    shown = findings if limit is None else findings[:limit]
    out = []
    for f in shown:
        where = at("zh", f) if f["zh"] else at("en", f)
        other = f" (en: {at('en', f)})" if f["zh"] and f["en"] else ""
        severity = f"{COLOURS[f['severity']]}{f['severity']}{RESET}" if colour else f["severity"]
        mark = " [accepted]" if "suppressed" in f else ""
        out.append(_clean(f"{where}: {f['code']} ") + severity + _clean(f" [{f['rule']}] {f['message']}{other}{mark}"))
    if len(shown) < len(findings):
        out.append(f"... and {len(findings) - len(shown)} more (use --json or --html for all)")
    if accepted and not verbose:
        out.append(f"{len(accepted)} accepted finding{'s' if len(accepted) > 1 else ''} not shown (-v lists them)")
    s = data["summary"]
    counts = s["findings"]
    status = "FAILED" if s["failed"] else "passed"
    out.append(
        f"{s['paragraphs']['zh']} Chinese and {s['paragraphs']['en']} English paragraphs, "
        f"{len(data['alignment'])} links; "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info; "
        f"{status} (fail-on {s['fail_on']})"
    )
    return "\n".join(out) + "\n"
