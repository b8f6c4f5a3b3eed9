"""XLIFF back with ITS 2.0 Localization Quality Issue marks, the way CAT tools and Okapi
CheckMate exchange QA results: the same file, each flagged unit's target carrying
``its:locQualityIssuesRef`` to an ``its:locQualityIssues`` element in the unit, one
``its:locQualityIssue`` per finding (type, comment, severity 0-100).

Units are numbered as the XLIFF reader numbers them (qa.load.segments): every ``trans-unit``
(1.2) or ``segment``/``ignorable`` (2.x) in document order. Only ITS attributes and elements are
added, where each version's schema allows other namespaces, so the file stays valid XLIFF: in
1.2 the issues go in the ``trans-unit`` and the reference on its ``target``; in 2.x (whose
``target`` takes no foreign attributes) the issues go first in the ``unit`` and the target's
content is wrapped in ``<mrk type="its:any">`` carrying the reference, as the XLIFF 2.1 ITS
module maps it. Checked against the OASIS schemas in tests/test_outputs.py.
"""
from __future__ import annotations

from lxml import etree

from ..errors import QAError
from ..load.xmlsafe import local, parse_xml
from . import paragraphs_by_id

ITS = "http://www.w3.org/2005/11/its"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SEVERITY = {"error": "90", "warning": "50", "info": "10"}
# ITS 2.0 issue types (https://www.w3.org/TR/its20/#lqissue-typevalues), by rule code prefix
TYPES = {"NM": "numbers", "DR": "omission", "DC": "omission", "DI": "omission", "AD": "addition",
         "AC": "addition", "UT": "untranslated", "TI": "inconsistency", "TG": "terminology",
         "TF": "terminology", "TR": "terminology", "AL": "other"}


def render(data: dict, xliff: bytes, path: str) -> bytes:
    """The XLIFF file ``xliff`` (the one the report was made from) with the report's findings."""
    root = parse_xml(xliff, path, "XLIFF")
    if local(root.tag) != "xliff":
        raise QAError("the --format xliff output needs an XLIFF input", path)
    root = _declare_its(root)
    units = _units(root)
    paras = paragraphs_by_id(data)
    by_unit: dict[int, list] = {}
    for f in data["findings"]:
        ids = f["en"] or f["zh"]
        if ids:
            by_unit.setdefault(paras[ids[0]]["line"], []).append(f)
    v2 = root.get("version", "").startswith("2")
    placed: dict[int, int] = {}  # 2.x: issues elements already put first in each unit
    for n, (unit, target) in enumerate(units, 1):
        if n not in by_unit:
            continue
        ref = f"qa-lqi-{n}"
        issues = etree.Element(f"{{{ITS}}}locQualityIssues", {XML_ID: ref})
        if v2:
            unit.insert(placed.get(id(unit), 0), issues)
            placed[id(unit)] = placed.get(id(unit), 0) + 1
        else:
            unit.append(issues)
        for f in by_unit[n]:
            etree.SubElement(issues, f"{{{ITS}}}locQualityIssue", {
                "locQualityIssueType": TYPES.get(f["code"][:2], "other"),
                "locQualityIssueComment": f"{f['code']} {f['rule']}: {f['message']}",
                "locQualityIssueSeverity": SEVERITY[f["severity"]],
            })
        if target is not None and v2:
            _wrap(target, f"qa-{n}", f"#{ref}")
        elif target is not None:
            target.set(f"{{{ITS}}}locQualityIssuesRef", f"#{ref}")
    root.set(f"{{{ITS}}}version", "2.0")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _declare_its(root):
    """The root, declaring the ITS namespace as its: (lxml cannot add a declaration to an
    element; without one each mark would invent its own ns0: prefix)."""
    if root.nsmap.get("its") == ITS or "its" in root.nsmap:
        return root
    new = etree.Element(root.tag, dict(root.attrib), nsmap={**root.nsmap, "its": ITS})
    new.text = root.text
    new.extend(list(root))
    return new


def _wrap(target, mrk_id: str, ref: str) -> None:
    """Wrap a 2.x target's whole content (text and inline codes) in an ITS annotation marker."""
    ns = etree.QName(target).namespace
    mrk = etree.Element(f"{{{ns}}}mrk", {"id": mrk_id, "type": "its:any", f"{{{ITS}}}locQualityIssuesRef": ref},
                        nsmap={"its": ITS})
    mrk.text, target.text = target.text, None
    for child in list(target):
        mrk.append(child)  # moves it, with its tail
    target.append(mrk)


def _units(root) -> list[tuple]:
    """(the element that holds the issues, the target) of each unit, in the reader's order."""
    out = []
    if root.get("version", "").startswith("2"):
        for seg in root.iter():
            if local(seg.tag) in ("segment", "ignorable"):
                unit = seg.getparent()  # issues go in the <unit>, beside its segments
                out.append((unit, next((c for c in seg if local(c.tag) == "target"), None)))
    else:
        for tu in root.iter():
            if local(tu.tag) == "trans-unit":
                out.append((tu, next((c for c in tu if local(c.tag) == "target"), None)))
    return out
