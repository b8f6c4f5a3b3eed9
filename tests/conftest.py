import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import settings

# The property tests draw the same examples on every run: a suite that passes passes again.
settings.register_profile("qa", derandomize=True, database=None)
settings.load_profile("qa")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture
def write(tmp_path):
    """write(name, text_or_bytes, encoding='utf-8') -> path of a new file in tmp_path."""

    def _write(name, content, encoding="utf-8"):
        p = tmp_path / name
        p.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return str(p)

    return _write


def make_docx(paragraphs, table=None, extra_entries=None) -> bytes:
    """A minimal real DOCX: word/document.xml with paragraphs and an optional table."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in paragraphs)
    if table:
        rows = "".join(
            "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in row) + "</w:tr>"
            for row in table
        )
        body += f"<w:tbl>{rows}</w:tbl>"
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", xml)
        for name, data in (extra_entries or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()
