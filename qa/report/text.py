"""The terminal summary: one line per finding (path:line: CODE severity message), then counts.

The line format is stable, like Vale's and Ruff's, so it doubles as golden test output.
"""
from __future__ import annotations


def render(data: dict, limit: int | None = None) -> str:
    lines_of = {
        side: {p["id"]: p["line"] for p in data["paragraphs"][side]} for side in ("zh", "en")
    }
    docs = data["documents"]
    out = []
    findings = data["findings"]
    shown = findings if limit is None else findings[:limit]
    for f in shown:
        if f["zh"]:
            where = f"{docs['zh']['path']}:{lines_of['zh'][f['zh'][0]]}"
        else:
            where = f"{docs['en']['path']}:{lines_of['en'][f['en'][0]]}"
        out.append(f"{where}: {f['code']} {f['severity']} [{f['rule']}] {f['message']}")
    if len(shown) < len(findings):
        out.append(f"... and {len(findings) - len(shown)} more (use --json or --html for all)")
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
