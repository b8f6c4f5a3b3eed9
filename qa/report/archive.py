"""Office files (XLSX, DOCX) as the same bytes for the same report: every date fixed."""
from __future__ import annotations

import io
import re
import zipfile

FIXED_DATE = (2000, 1, 1, 0, 0, 0)
_STAMP = b"2000-01-01T00:00:00Z"
# dates the libraries write themselves at save time: the document's, and each Word comment's
_DATES = (re.compile(rb"(<dcterms:modified[^>]*>)[^<]*"), re.compile(rb'(\bw:date=")[^"]*'))


def fixed_dates(archive: bytes) -> bytes:
    """The same package with every member and every date in it set to FIXED_DATE."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            content = src.read(info.filename)
            if info.filename.endswith(".xml"):
                for pattern in _DATES:
                    content = pattern.sub(lambda m: m.group(1) + _STAMP, content)
            dst.writestr(member, content)
    return out.getvalue()
