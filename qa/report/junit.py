"""JUnit XML, which CI systems (GitLab, Jenkins, Azure, CircleCI) show as test results.

One test suite per document; one test case per finding, failed when the
finding fails the run (at or above fail-on), skipped when a baseline or
waiver accepts it, and passed (with the message as output) otherwise; plus a
case for the check itself, so a clean document still shows one passed test.
"""
from __future__ import annotations

import re

from lxml import etree

from ..model import SEVERITY_RANK
from . import paragraphs_by_id

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(obj):
    """Every string of the report with the characters XML 1.0 cannot hold (control characters
    from a file name or a document, lone surrogates) shown as \\xNN."""
    if isinstance(obj, str):
        return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", obj)
    if isinstance(obj, dict):
        return {k: _xml_safe(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_xml_safe(v) for v in obj]
    return obj


def render(data: dict) -> str:
    data = _xml_safe(data)
    fail_level = SEVERITY_RANK[data["summary"]["fail_on"]]
    paras = paragraphs_by_id(data)
    name = data["documents"]["zh"]["path"]
    if data["documents"]["en"]["path"] != name:
        name += " -> " + data["documents"]["en"]["path"]
    suites = etree.Element("testsuites", name="qa")
    suite = etree.SubElement(suites, "testsuite", name=name)
    failures = skipped = 0
    for f in data["findings"]:
        where = ", ".join(f"{pid} (line {paras[pid]['line']})" for pid in f["zh"][:1] + f["en"][:1])
        case = etree.SubElement(
            suite, "testcase", classname=f"qa.{f['rule']}", name=f"{f['code']} {where} {f['fingerprint']}",
            file=data["documents"]["zh" if f["zh"] else "en"]["path"],
            line=str(paras[(f["zh"] or f["en"])[0]]["line"]) if (f["zh"] or f["en"]) else "0",
        )
        body = f["message"] + "".join(f"\n  {e}" for e in f.get("evidence", []))
        if "suppressed" in f:
            skipped += 1
            etree.SubElement(case, "skipped", message=f"accepted ({f['suppressed']['kind']}): "
                             f"{f['suppressed'].get('reason', '')}".rstrip(": "))
        elif SEVERITY_RANK[f["severity"]] >= fail_level:
            failures += 1
            el = etree.SubElement(case, "failure", message=f["message"], type=f"{f['severity']} {f['rule']}")
            el.text = body
        else:
            etree.SubElement(case, "system-out").text = f"{f['severity']}: {body}"
    etree.SubElement(suite, "testcase", classname="qa", name="check", file=data["documents"]["zh"]["path"])
    tests = len(data["findings"]) + 1
    for el in (suite, suites):
        el.set("tests", str(tests))
        el.set("failures", str(failures))
        el.set("errors", "0")
    suite.set("skipped", str(skipped))
    return etree.tostring(suites, encoding="unicode", pretty_print=True).join(
        ('<?xml version="1.0" encoding="UTF-8"?>\n', "")
    )
