"""Word review copy: the findings as Word comments, so an editor works through them in Word
(with Track Changes) and sends the file back.

When the English is a DOCX, the output is a copy of it with a comment on each finding's
English paragraph, anchored on the runs of its span where the runs show it, else on the whole
paragraph; a finding with no English paragraph (a dropped Chinese paragraph) is anchored on the
English paragraph its link sits next to, or the first. For any other input, a new document with
a two-column table, one row per flagged link (Chinese | English), the comments on the English
cell. A comment reads "CODE severity: message", then the evidence. The same report gives the
same bytes (fixed document, comment and archive dates).
"""
from __future__ import annotations

import io
import re

from ..errors import QAError
from ..model import SEVERITY_RANK
from . import paragraphs_by_id
from .archive import FIXED_DATE, fixed_dates

AUTHOR, INITIALS = "qa", "QA"


def render(data: dict, english_docx: bytes | None = None) -> bytes:
    from docx import Document

    findings = sorted(data["findings"], key=lambda f: (-SEVERITY_RANK[f["severity"]], f["fingerprint"]))
    if english_docx is not None:
        try:
            doc = Document(io.BytesIO(english_docx))
        except Exception as exc:  # python-docx raises several kinds on a damaged package
            raise QAError(f"cannot open the English DOCX for comments: {exc}") from None
        _comment_copy(doc, data, findings)
    else:
        doc = Document()
        _comment_table(doc, data, findings)
    from datetime import datetime

    doc.core_properties.author = AUTHOR
    doc.core_properties.created = doc.core_properties.modified = datetime(*FIXED_DATE)
    doc.core_properties.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_dates(buf.getvalue())


def _comment_text(f: dict) -> str:
    lines = [f"{f['code']} {f['severity']}: {f['message']}"] + list(f.get("evidence", []))
    return "\n".join(lines)


def _blocks(doc) -> list:
    """The English document's paragraphs in the order the DOCX reader numbers them (qa.load.docx):
    body paragraphs and table cells with text; a cell is its first paragraph."""
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    from ..load.docx import _W, _text
    from ..load.xmlsafe import local

    out = []

    def collect(el, parent):
        for child in el:
            name = local(child.tag)
            if name == "p":
                if _text(child):
                    out.append(Paragraph(child, parent))
            elif name == "tbl":
                for tc in child.iter(f"{_W}tc"):
                    if tc.find(f".//{_W}tbl") is not None or not _text(tc):
                        continue
                    cell = _Cell(tc, parent)
                    out.append(next((p for p in cell.paragraphs if p.runs), cell.paragraphs[0]))
            elif name == "sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    collect(content, parent)

    collect(doc.element.body, doc)
    return out


def _runs_for(paragraph, start: int, end: int, text: str) -> list:
    """The paragraph's runs that cover [start, end) of ``text`` (the reader's text of it), when the
    runs spell that text; else all its runs."""
    runs = [r for r in paragraph.runs if r.text]
    joined = "".join(r.text for r in runs)
    if " ".join(joined.split()) != text or not runs:
        return runs
    # map offsets of the whitespace-collapsed text onto the runs' raw text
    raw_at = []  # collapsed offset -> raw offset
    for m in re.finditer(r"\S+", joined):
        raw_at.extend(range(m.start(), m.end()))
        raw_at.append(m.end())  # the one space that stands for the whitespace after the word
    if end > len(raw_at) or start >= end:
        return runs
    a, b = raw_at[start], raw_at[end - 1] + 1
    covered, pos = [], 0
    for r in runs:
        if pos < b and pos + len(r.text) > a:
            covered.append(r)
        pos += len(r.text)
    return covered or runs


def _comment_copy(doc, data: dict, findings: list) -> None:
    blocks = _blocks(doc)
    paras = {p["id"]: p for p in data["paragraphs"]["en"]}
    if len(blocks) != len(paras):
        raise QAError("the English DOCX does not match the report's paragraphs; comments need the same file")
    index = {pid: int(pid[3:]) - 1 for pid in paras}
    near = _english_near(data)
    for f in findings:
        en_ids = f["en"] or ([near[f["zh"][0]]] if f["zh"] and f["zh"][0] in near else [])
        if not en_ids or not blocks:
            target, runs = blocks[0] if blocks else None, []
        else:
            target = blocks[index[en_ids[0]]]
            span = next((s for s in f.get("spans", []) if s["para"] == en_ids[0]), None)
            runs = (_runs_for(target, span["start"], span["end"], paras[en_ids[0]]["text"]) if span
                    else [r for r in target.runs if r.text])
        if target is None:
            continue
        if not runs:
            runs = [target.add_run("")] if not target.runs else target.runs
        doc.add_comment(runs, text=_comment_text(f), author=AUTHOR, initials=INITIALS)


def _english_near(data: dict) -> dict:
    """Chinese paragraph -> the English paragraph of the nearest link before it that has one
    (where a dropped paragraph's comment goes)."""
    first = next((lk["en"][0] for lk in data["alignment"] if lk["en"]), None)  # before any English
    out, last = {}, None
    for link in data["alignment"]:
        if link["en"]:
            last = link["en"][-1]
        for z in link["zh"]:
            if (last or first) is not None:
                out[z] = last if last is not None else first
    return out


def _comment_table(doc, data: dict, findings: list) -> None:
    paras = paragraphs_by_id(data)
    doc.add_heading("qa review", level=1)
    docs = data["documents"]
    doc.add_paragraph(f"Chinese: {docs['zh']['path']}    English: {docs['en']['path']}")
    links = []  # (zh ids, en ids) of each flagged link, in reading order
    by_link: dict[tuple, list] = {}
    for f in findings:
        key = (tuple(f["zh"]), tuple(f["en"]))
        if key not in by_link:
            by_link[key] = []
            links.append(key)
        by_link[key].append(f)

    def order(key):
        ids = key[0] or key[1]
        return (0 if key[0] else 1, int(ids[0][3:]) if ids else 0)

    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Chinese", "English"
    for key in sorted(links, key=order):
        row = table.add_row().cells
        row[0].text = "\n".join(paras[i]["text"] for i in key[0])
        english = "\n".join(paras[i]["text"] for i in key[1]) or "(no English)"
        run = row[1].paragraphs[0].add_run(english)
        for f in by_link[key]:
            doc.add_comment(run, text=_comment_text(f), author=AUTHOR, initials=INITIALS)
