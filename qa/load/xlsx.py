"""XLSX: the cells of the first worksheet with text, row by row (a bilingual table: Chinese
column, English column, is then read as alternating pairs), read with the DOCX reader's limits."""
from __future__ import annotations

import io

from ..errors import QAError
from .docx import MAX_ENTRY, MAX_RATIO, ZIP_ERRORS, open_zip


def blocks(data: bytes, path: str) -> list[tuple[int, str]]:
    with open_zip(data, path, "XLSX") as zf:
        for info in zf.infolist():
            if info.file_size > MAX_ENTRY:
                raise QAError(f"XLSX part {info.filename} too large ({info.file_size:,} bytes)", path)
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
                raise QAError("XLSX compression ratio is implausible (zip bomb?); refused", path)
            try:
                head = zf.read(info.filename)[:4096] if info.filename.endswith(".xml") else b""
            except ZIP_ERRORS as exc:
                raise QAError(f"malformed XLSX: {exc}", path) from None
            if b"<!ENTITY" in head.upper():
                raise QAError("XLSX declares XML entities; refused", path)
    from openpyxl import load_workbook  # imported only for XLSX inputs

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise QAError(f"malformed XLSX: {exc}", path) from None
    try:
        ws = wb.worksheets[0]
        out = []
        for row in ws.iter_rows(values_only=True):
            for value in row:
                text = " ".join(str(value).split()) if value is not None else ""
                if text:
                    out.append((len(out) + 1, text))
        return out
    finally:
        wb.close()
