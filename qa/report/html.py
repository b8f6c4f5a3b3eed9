"""The self-contained HTML audit report (jinja2 templates in reports/, CSS and JS inlined).

All document text is escaped (autoescape); the script reads only the page's
own attributes; nothing is fetched from the network.
"""
from __future__ import annotations

from collections import Counter

from markupsafe import Markup, escape

from .. import resources
from ..model import SEVERITIES, SEVERITY_RANK
from . import paragraphs_by_id, position


def _highlight(text: str, spans: list[tuple[int, int, str, str, str]]) -> Markup:
    """``text`` escaped, with non-overlapping finding spans wrapped in <mark> linking to the
    finding and labelled with its rule code."""
    out, pos = [], 0
    for start, end, sev, fp, code in sorted(spans):
        if start < pos or end <= start:
            continue
        out.append(escape(text[pos:start]))
        out.append(
            Markup('<mark class="{}" data-f="{}" data-code="{}" title="{}"><a href="#f-{}">').format(sev, fp, code, code, fp)
            + escape(text[start:end])
            + Markup("</a></mark>")
        )
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _env():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(resources.reports_dir())),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )


def _asset(name: str) -> Markup:
    return Markup((resources.reports_dir() / name).read_text(encoding="utf-8"))


def chart(by_rule: list[dict]) -> Markup:
    """A horizontal bar chart of findings per rule, as inline SVG (no script, no fonts fetched)."""
    if not by_rule:
        return Markup("")
    bar_h, gap, label_w, width = 18, 6, 190, 520
    top = max(r["total"] for r in by_rule)
    height = len(by_rule) * (bar_h + gap) + gap
    parts = [
        Markup('<svg class="chart" role="img" aria-label="Findings per rule" viewBox="0 0 {} {}" '
               'width="100%" preserveAspectRatio="xMinYMin meet">').format(
            width, height)
    ]
    for n, r in enumerate(by_rule):
        y = gap + n * (bar_h + gap)
        parts.append(Markup('<text x="{}" y="{}" text-anchor="end" class="label">{}</text>').format(
            label_w - 6, y + bar_h - 5, r["rule"]))
        x = label_w
        for sev in SEVERITIES:
            count = r[sev]
            if not count:
                continue
            w = max(2, round((width - label_w - 40) * count / top))
            parts.append(Markup('<rect x="{}" y="{}" width="{}" height="{}" class="{}"><title>{} {}: {}</title></rect>').format(
                x, y, w, bar_h, sev, r["rule"], sev, count))
            x += w
        parts.append(Markup('<text x="{}" y="{}" class="count">{}</text>').format(x + 4, y + bar_h - 5, r["total"]))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def render(data: dict) -> str:
    spans: dict[str, list] = {}
    per_para: dict[str, list] = {}
    for f in data["findings"]:
        for s in f.get("spans", []):
            spans.setdefault(s["para"], []).append((s["start"], s["end"], f["severity"], f["fingerprint"], f["code"]))
        for pid in f["zh"] + f["en"]:
            per_para.setdefault(pid, []).append(f)
    paras = paragraphs_by_id(data)

    def view(pid):
        p = paras[pid]
        return {
            "id": pid, "line": p["line"], "page": p.get("page", 0), "html": _highlight(p["text"], spans.get(pid, [])),
            "findings": per_para.get(pid, []),
        }

    rows = [
        {
            "n": n + 1,
            "zh": [view(i) for i in link["zh"]],
            "en": [view(j) for j in link["en"]],
            "score": link["score"],
            "cls": "gap" if not (link["zh"] and link["en"]) else "",
            "rules": sorted({f["rule"] for pid in link["zh"] + link["en"] for f in per_para.get(pid, [])}),
            "severities": sorted({f["severity"] for pid in link["zh"] + link["en"] for f in per_para.get(pid, [])}),
        }
        for n, link in enumerate(data["alignment"])
    ]
    # the triage view: the flagged links only, error first, then reading order; each finding with
    # the Chinese and English of its link (at most two paragraphs a side), highlighted
    lines = {pid: position(p) for pid, p in paras.items()}

    def order(f):
        first = (f["zh"] or f["en"] or [""])[0]
        return (-SEVERITY_RANK[f["severity"]], 0 if first.startswith("zh") else 1, lines.get(first, (0, 0)))

    def sides(f):
        return {side: ([view(pid) for pid in f[side][:2]], max(0, len(f[side]) - 2)) for side in ("zh", "en")}

    active = sorted((dict(f, sides=sides(f)) for f in data["findings"] if "suppressed" not in f), key=order)
    accepted = [f for f in data["findings"] if "suppressed" in f]
    counts = Counter((f["rule"], f["severity"]) for f in active)
    by_rule = []
    for rule in sorted({r for r, _ in counts}):
        row = {"rule": rule, **{s: counts[(rule, s)] for s in SEVERITIES}}
        row["total"] = sum(row[s] for s in SEVERITIES)
        by_rule.append(row)
    truncation = next((f for f in active if f["rule"] == "dropped-truncation"), None)
    return _env().get_template("report.html.j2").render(
        doc=data, rows=rows, findings=active, accepted=accepted, by_rule=by_rule, chart=chart(by_rule),
        truncation=truncation, severities=SEVERITIES, css=_asset("report.css"), js=_asset("report.js"),
        baseline_entries=[{k: f[k] for k in ("fingerprint", "rule", "code", "message")}
                          | ({"reason": f["suppressed"]["reason"]} if f["suppressed"].get("reason") else {})
                          for f in accepted],
    )


def render_index(rows: list[dict], fail_on: str) -> str:
    return _env().get_template("index.html.j2").render(rows=rows, fail_on=fail_on, css=_asset("report.css"))
