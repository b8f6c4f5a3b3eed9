"""SARIF 2.1.0, for code-scanning dashboards (GitHub, Azure DevOps, GitLab).

One run; the rules that ran are the driver's rules; each finding is a result
located at its first paragraph's line, with the other side as a related
location and the fingerprint as a partial fingerprint, so dashboards track a
finding across commits the way ``--baseline`` does.
"""
from __future__ import annotations

import json

from ..rules import BY_CODE
from . import paragraphs_by_id

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _location(data: dict, side: str, pid: str, lines: dict) -> dict:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(data["documents"][side]["path"])},
            "region": {"startLine": max(1, lines[pid])},
        },
        "logicalLocations": [{"name": pid, "kind": "paragraph"}],
    }


def _uri(path: str) -> str:
    """A file path as a relative URI reference: percent-encoded (a space, %, # or a control
    character in a file name would otherwise make an invalid URI, or a fragment); ':' too, so a
    first segment like "C:" is not read as a scheme."""
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/-._~!$&'()*+,;=@")


def render(data: dict) -> str:
    lines = {pid: p["line"] for pid, p in paragraphs_by_id(data).items()}
    codes = sorted({f["code"] for f in data["findings"]} | set(data["tool"].get("rules", [])))
    rules = []
    for code in codes:
        rule = BY_CODE.get(code)
        if rule is None:
            continue
        doc = rule.doc
        rules.append({
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": doc.split("\n\n")[0]},
            "help": {"text": doc, "markdown": doc},
            "defaultConfiguration": {"level": LEVEL[rule.severity]},
            "properties": {"tags": [rule.name.split("-")[0]]},
        })
    index = {r["id"]: n for n, r in enumerate(rules)}
    results = []
    for f in data["findings"]:
        sides = [("zh", i) for i in f["zh"][:1]] + [("en", j) for j in f["en"][:1]]
        result = {
            "ruleId": f["code"],
            "ruleIndex": index[f["code"]],
            "level": LEVEL[f["severity"]],
            "message": {"text": f"[{f['rule']}] {f['message']}"},
            "locations": [_location(data, *sides[0], lines)] if sides else [],
            "partialFingerprints": {"qaFingerprint/v1": f["fingerprint"]},
            "properties": {"rule": f["rule"], "zh": f["zh"], "en": f["en"]},
        }
        if len(sides) > 1:
            related = _location(data, *sides[1], lines)
            related["id"] = 1
            related["message"] = {"text": "the English" if sides[1][0] == "en" else "the Chinese"}
            result["relatedLocations"] = [related]
        if f.get("evidence"):
            result["properties"]["evidence"] = f["evidence"]
        if "suppressed" in f:
            s = f["suppressed"]
            result["suppressions"] = [{
                "kind": "external",
                "status": "accepted",
                "justification": s.get("reason") or f"accepted in the baseline {s['kind']}",
            }]
        if "baseline_state" in f:
            result["baselineState"] = f["baseline_state"]
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "qa",
                "version": data["tool"]["version"],
                "semanticVersion": data["tool"]["version"],
                "informationUri": "https://pypi.org/project/qa/",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": [
                {"location": {"uri": _uri(data["documents"][side]["path"])}, "roles": ["analysisTarget"]}
                for side in ("zh", "en")
                if side == "zh" or data["documents"]["en"]["path"] != data["documents"]["zh"]["path"]
            ],
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"
