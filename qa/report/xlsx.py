"""Excel workbook of the findings, the way desktop QA tools (Xbench, Verifika) hand them to an
editor: one row per finding, error first, then warning and info, each in reading order.

Columns: severity, code, rule, status (new, or accepted by a baseline or waiver, with its
reason), the Chinese and the English of the finding, the message, the evidence, and the
location of each side as file:line. The header row is frozen and filtered, the columns have
widths and wrap, and the Chinese column uses a font with CJK glyphs. The file is byte-identical
for the same report (fixed document and archive dates).
"""
from __future__ import annotations

import io

from ..model import SEVERITY_RANK
from . import paragraphs_by_id, place, position
from .archive import FIXED_DATE, fixed_dates

COLUMNS = (  # header, width (characters)
    ("Severity", 9), ("Code", 7), ("Rule", 22), ("Status", 14), ("Chinese", 48), ("English", 56),
    ("Message", 60), ("Evidence", 50), ("Chinese location", 28), ("English location", 28),
)
CJK_FONT = "Microsoft YaHei"  # Excel on Windows and macOS has it; others substitute a CJK font


def rows(data: dict) -> list[list[str]]:
    """The findings as table rows, error first, then in reading order."""
    paras = paragraphs_by_id(data)

    def where(side: str, ids: list[str]) -> str:
        return ", ".join(place(data["documents"][side]["path"], paras[i]) for i in ids[:3]) + (" ..." if len(ids) > 3 else "")

    def excerpt(text: str, ids: list[str]) -> str:
        return text or (paras[ids[0]]["text"][:300] if ids else "")

    def order(f: dict):
        first = (f["zh"] or f["en"] or [""])[0]
        return (-SEVERITY_RANK[f["severity"]], position(paras[first]) if first else (0, 0), f["fingerprint"])

    out = []
    for f in sorted(data["findings"], key=order):
        status = "new"
        if "suppressed" in f:
            status = f"accepted ({f['suppressed']['kind']})" + (f": {f['suppressed']['reason']}" if f["suppressed"].get("reason") else "")
        out.append([f["severity"], f["code"], f["rule"], status, excerpt(f.get("zh_text", ""), f["zh"]),
                    excerpt(f.get("en_text", ""), f["en"]), f["message"], "\n".join(f.get("evidence", [])),
                    where("zh", f["zh"]), where("en", f["en"])])
    return out


def render(data: dict) -> bytes:
    from datetime import datetime

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Findings"
    ws.append([h for h, _ in COLUMNS])
    for row in rows(data):
        ws.append(row)
    header = Font(bold=True)
    fills = {"error": PatternFill("solid", fgColor="F8D7DA"), "warning": PatternFill("solid", fgColor="FFF3CD")}
    wrap = Alignment(wrap_text=True, vertical="top")
    for k, (_name, width) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(k)].width = width
        ws.cell(row=1, column=k).font = header
    for r in range(2, ws.max_row + 1):
        for k in range(1, len(COLUMNS) + 1):
            ws.cell(row=r, column=k).alignment = wrap
        ws.cell(row=r, column=5).font = Font(name=CJK_FONT)
        fill = fills.get(ws.cell(row=r, column=1).value)
        if fill:
            ws.cell(row=r, column=1).fill = fill
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{ws.max_row}"
    wb.properties.creator = "qa"
    wb.properties.created = wb.properties.modified = datetime(*FIXED_DATE)
    buf = io.BytesIO()
    wb.save(buf)
    return fixed_dates(buf.getvalue())
