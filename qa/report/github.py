"""GitHub Actions workflow commands: each finding becomes an annotation on its line.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""
from __future__ import annotations

from . import paragraphs_by_id

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(data: dict) -> str:
    paras = paragraphs_by_id(data)
    out = []
    for f in data["findings"]:
        if "suppressed" in f:
            continue
        side = "zh" if f["zh"] else "en"
        ids = f[side]
        props = [f"file={_prop(data['documents'][side]['path'])}"]
        if ids:
            props.append(f"line={paras[ids[0]]['line']}")
        props.append(f"title={_prop(f['code'] + ' ' + f['rule'])}")
        out.append(f"::{LEVEL[f['severity']]} {','.join(props)}::{_data(f['message'])}")
    return "\n".join(out) + ("\n" if out else "")
