"""The self-contained HTML audit report (jinja2 template in reports/, CSS inlined).

All document text is escaped (autoescape); nothing is fetched from the network.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from .. import resources


def _highlight(text: str, spans: list[tuple[int, int, str]]) -> Markup:
    """``text`` escaped, with non-overlapping finding spans wrapped in <mark>."""
    out, pos = [], 0
    for start, end, sev in sorted(spans):
        if start < pos or end <= start:
            continue
        out.append(escape(text[pos:start]))
        out.append(Markup('<mark class="{}">').format(sev) + escape(text[start:end]) + Markup("</mark>"))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def render(data: dict) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(resources.reports_dir())),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    spans: dict[str, list] = {}
    for f in data["findings"]:
        for s in f.get("spans", []):
            spans.setdefault(s["para"], []).append((s["start"], s["end"], f["severity"]))
    paras = {p["id"]: p for side in ("zh", "en") for p in data["paragraphs"][side]}

    def view(pid):
        p = paras[pid]
        return {"id": pid, "line": p["line"], "html": _highlight(p["text"], spans.get(pid, []))}

    rows = [
        {
            "zh": [view(i) for i in link["zh"]],
            "en": [view(j) for j in link["en"]],
            "cls": "gap" if not (link["zh"] and link["en"]) else "",
        }
        for link in data["alignment"]
    ]
    css = (resources.reports_dir() / "report.css").read_text(encoding="utf-8")
    return env.get_template("report.html.j2").render(doc=data, rows=rows, css=Markup(css))
